//! What other screens and exports show of the groups: Today's sessions and the held ones
//! without attendance, the next session, a family's series on its page, the Week's sessions,
//! the leaders' busy time and bookings, and the sessions in the leaders' calendars.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::rows;
use crate::db::values::{Columns, date_text, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::booking::{Booking, Busy};
use crate::domain::group_views::{CalendarSession, FamilyGroup, WeekSession};
use crate::domain::groups::session_busy;
use crate::domain::timeline::StaffBooking;
use crate::domain::views::SessionInfo;

/// How far back a held session without attendance is a to-do, in days.
pub const UNRECORDED_SESSION_DAYS: i64 = 60;

impl ReadTx<'_> {
    /// The sessions of `date` that are not cancelled, in time order, for Today.
    pub fn sessions_on(&self, date: NaiveDate) -> Result<Vec<SessionInfo>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {}
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.status <> 'cancelled'
             ORDER BY s.starts_at, s.id LIMIT 20",
            rows::SESSION_INFO
        ))?;
        let next = date + chrono::Days::new(1);
        let rows = stmt.query_map(
            params![date_text(date), date_text(next)],
            rows::session_info,
        )?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Held sessions (or planned ones whose day has passed) of the last
    /// `UNRECORDED_SESSION_DAYS` days that have members and no mark at all, oldest first.
    pub fn unrecorded_sessions(&self, now: NaiveDateTime) -> Result<Vec<SessionInfo>> {
        let since = now - chrono::Duration::days(UNRECORDED_SESSION_DAYS);
        let today = date_text(now.date());
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {}
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2
               AND (s.status = 'held' OR s.status = 'planned')
               AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)
               AND EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = g.id)
             ORDER BY s.starts_at, s.id LIMIT 20",
            rows::SESSION_INFO
        ))?;
        let rows = stmt.query_map(params![datetime_text(since), today], rows::session_info)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The next planned parent-group session at or after `now`.
    pub fn next_session(&self, now: NaiveDateTime) -> Result<Option<SessionInfo>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {}
                 FROM group_session s JOIN parent_group g ON g.id = s.group_id
                 WHERE s.status = 'planned' AND s.starts_at >= ?1 ORDER BY s.starts_at, s.id LIMIT 1",
                rows::SESSION_INFO
            ))?
            .query_row([datetime_text(now)], rows::session_info)
            .optional()?)
    }

    /// The series a family is or was in, with its marks at the held sessions while a member.
    pub fn groups_of_family(&self, family_id: i64) -> Result<Vec<FamilyGroup>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT g.id, g.name, m.joined_on, m.left_on,
                (SELECT count(*) FROM group_session s WHERE s.group_id = g.id AND s.status = 'held'
                   AND s.starts_at >= m.joined_on
                   AND (m.left_on IS NULL OR substr(s.starts_at, 1, 10) <= m.left_on)),
                (SELECT count(*) FROM attendance a JOIN group_session s ON s.id = a.session_id
                   WHERE s.group_id = g.id AND a.family_id = m.family_id AND s.status = 'held'
                     AND a.status = 'present'),
                (SELECT count(*) FROM attendance a JOIN group_session s ON s.id = a.session_id
                   WHERE s.group_id = g.id AND a.family_id = m.family_id AND s.status = 'held'
                     AND a.status = 'absent'),
                (SELECT count(*) FROM attendance a JOIN group_session s ON s.id = a.session_id
                   WHERE s.group_id = g.id AND a.family_id = m.family_id AND s.status = 'held'
                     AND a.status = 'excused')
             FROM group_member m JOIN parent_group g ON g.id = m.group_id
             WHERE m.family_id = ?1 ORDER BY m.joined_on DESC, g.id",
        )?;
        let rows = stmt.query_map([family_id], |r| {
            Ok(FamilyGroup {
                group_id: r.get(0)?,
                name: r.get(1)?,
                joined: r.date(2)?,
                left: r.opt_date(3)?,
                held: r.get(4)?,
                present: r.get(5)?,
                absent: r.get(6)?,
                excused: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The leaders' bookings of the sessions still planned from `from`, and each session (its
    /// series and time) by id, for Today's double bookings.
    pub fn planned_session_bookings(
        &self,
        from: NaiveDateTime,
    ) -> Result<(Vec<StaffBooking>, HashMap<i64, WeekSession>)> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT l.staff_id, s.id, s.starts_at, s.duration_min, g.name
             FROM group_session s JOIN group_leader l ON l.group_id = s.group_id
             JOIN parent_group g ON g.id = s.group_id
             WHERE s.status = 'planned' AND s.starts_at >= ?1",
        )?;
        let rows = stmt.query_map([datetime_text(from)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.datetime(2)?,
                r.get::<_, u32>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut bookings = Vec::new();
        let mut labels = HashMap::new();
        for row in rows {
            let (staff_id, session_id, start, duration_min, group) = row?;
            labels.entry(session_id).or_insert_with(|| WeekSession {
                id: session_id,
                group,
                start,
                duration_min,
            });
            bookings.push(StaffBooking {
                staff_id,
                booking: Booking::Session(session_id),
                start,
                duration_min,
            });
        }
        Ok((bookings, labels))
    }

    /// The first `limit` sessions of `day` not cancelled (all, or those `staff` leads), in time
    /// order: what a day column of Week has room for, however many the register holds.
    pub fn week_sessions(
        &self,
        day: NaiveDate,
        staff: Option<i64>,
        limit: usize,
    ) -> Result<Vec<WeekSession>> {
        let next = day + chrono::Days::new(1);
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, g.name, s.starts_at, s.duration_min
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.status <> 'cancelled'
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM group_leader l
                                          WHERE l.group_id = s.group_id AND l.staff_id = ?3))
             ORDER BY s.starts_at, s.id LIMIT ?4",
        )?;
        let rows = stmt.query_map(
            params![date_text(day), date_text(next), staff, limit as i64],
            |r| {
                Ok(WeekSession {
                    id: r.get(0)?,
                    group: r.get(1)?,
                    start: r.datetime(2)?,
                    duration_min: r.get(3)?,
                })
            },
        )?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The sessions (not cancelled) the staff lead between `from` and `to`, as their busy time.
    pub fn sessions_busy_between(
        &self,
        staff_ids: &[i64],
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<Busy>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT l.staff_id, s.id, s.starts_at, s.duration_min, g.name
             FROM group_leader l JOIN group_session s ON s.group_id = l.group_id
             JOIN parent_group g ON g.id = l.group_id
             WHERE l.staff_id = ?1 AND s.starts_at >= ?2 AND s.starts_at < ?3
               AND s.status <> 'cancelled'",
        )?;
        let from_text = datetime_text(from - chrono::Duration::days(1));
        let to_text = datetime_text(to);
        let mut out = Vec::new();
        for id in staff_ids {
            let rows = stmt.query_map(params![id, from_text, to_text], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.datetime(2)?,
                    r.get::<_, u32>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?;
            for row in rows {
                let (staff_id, session_id, start, minutes, group) = row?;
                out.extend(session_busy(
                    Booking::Session(session_id),
                    &[staff_id],
                    start,
                    minutes,
                    &group,
                ));
            }
        }
        Ok(out)
    }

    /// The sessions from `from` to `to` (inclusive), cancelled ones too (their calendars are
    /// told), each with its leaders; with `only`, those that person leads.
    pub fn calendar_sessions(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<CalendarSession>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, g.name, g.method, g.place, s.theme, s.starts_at, s.duration_min, s.status,
                    s.cancel_reason, (SELECT group_concat(l.staff_id) FROM group_leader l
                                      WHERE l.group_id = g.id)
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM group_leader l
                                          WHERE l.group_id = g.id AND l.staff_id = ?3))
             ORDER BY s.starts_at, s.id",
        )?;
        let rows = stmt.query_map(
            params![
                format!("{} 00:00", date_text(from)),
                format!("{} 24:00", date_text(to)),
                only
            ],
            |r| {
                Ok(CalendarSession {
                    id: r.get(0)?,
                    group: r.get(1)?,
                    method: r.get(2)?,
                    place: r.get(3)?,
                    theme: r.get(4)?,
                    start: r.datetime(5)?,
                    duration_min: r.get(6)?,
                    status: r.get(7)?,
                    cancel_reason: r.get(8)?,
                    leaders: r
                        .get::<_, Option<String>>(9)?
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(|id| id.parse().ok())
                        .collect(),
                })
            },
        )?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
