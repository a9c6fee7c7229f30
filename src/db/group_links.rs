//! What other screens show of the groups: Today's sessions and the held ones without
//! attendance, and a family's groups on its page.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

use super::{ReadTx, Result, date_text, datetime_text, parse_date, parse_datetime};

impl ReadTx<'_> {
    /// The sessions of `date` that are not cancelled, in time order, for Today.
    pub fn sessions_on(&self, date: NaiveDate) -> Result<Vec<crate::domain::views::SessionInfo>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, g.name, s.starts_at, g.place, s.theme,
                (SELECT count(*) FROM group_member m WHERE m.group_id = g.id AND m.left_on IS NULL)
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.status <> 'cancelled'
             ORDER BY s.starts_at, s.id LIMIT 20",
        )?;
        let next = date + chrono::Days::new(1);
        let raw = stmt
            .query_map(params![date_text(date), date_text(next)], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<(i64, String, String, Option<String>, Option<String>, u32)>>>()?;
        raw.into_iter()
            .map(|(session_id, group_name, start, place, theme, members)| {
                Ok(crate::domain::views::SessionInfo {
                    session_id,
                    group_name,
                    start: parse_datetime(&start)?,
                    place,
                    theme,
                    members,
                })
            })
            .collect()
    }
}

/// How far back a held session without attendance is a to-do, in days.
pub const UNRECORDED_SESSION_DAYS: i64 = 60;

impl ReadTx<'_> {
    /// Held sessions (or planned ones whose day has passed) of the last
    /// `UNRECORDED_SESSION_DAYS` days that have members and no mark at all, oldest first.
    pub fn unrecorded_sessions(
        &self,
        now: NaiveDateTime,
    ) -> Result<Vec<crate::domain::views::SessionInfo>> {
        let since = now - chrono::Duration::days(UNRECORDED_SESSION_DAYS);
        let today = date_text(now.date());
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, g.name, s.starts_at, g.place, s.theme,
                (SELECT count(*) FROM group_member m WHERE m.group_id = g.id AND m.left_on IS NULL)
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2
               AND (s.status = 'held' OR s.status = 'planned')
               AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)
               AND EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = g.id)
             ORDER BY s.starts_at, s.id LIMIT 20",
        )?;
        let raw = stmt
            .query_map(params![datetime_text(since), today], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<(i64, String, String, Option<String>, Option<String>, u32)>>>()?;
        raw.into_iter()
            .map(|(session_id, group_name, start, place, theme, members)| {
                Ok(crate::domain::views::SessionInfo {
                    session_id,
                    group_name,
                    start: parse_datetime(&start)?,
                    place,
                    theme,
                    members,
                })
            })
            .collect()
    }
}

impl ReadTx<'_> {
    /// The series a family is or was in, with its marks at the held sessions while a member.
    pub fn groups_of_family(
        &self,
        family_id: i64,
    ) -> Result<Vec<crate::domain::group_views::FamilyGroup>> {
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
        let raw = stmt
            .query_map([family_id], |r| {
                Ok((
                    (r.get::<_, i64>(0)?, r.get::<_, String>(1)?),
                    (r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?),
                    (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter()
            .map(
                |((group_id, name), (joined, left), (held, present, absent, excused))| {
                    Ok(crate::domain::group_views::FamilyGroup {
                        group_id,
                        name,
                        joined: parse_date(&joined)?,
                        left: left.map(|l| parse_date(&l)).transpose()?,
                        held,
                        present,
                        absent,
                        excused,
                    })
                },
            )
            .collect()
    }

    /// The leaders' bookings of the sessions still planned from `from`, each with its id negated
    /// in `visit_id` as sessions' busy time carries it, and each session's label (series and
    /// time), for Today's double bookings.
    pub fn planned_session_bookings(
        &self,
        from: NaiveDateTime,
    ) -> Result<(
        Vec<crate::domain::timeline::StaffBooking>,
        std::collections::HashMap<i64, String>,
    )> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT l.staff_id, s.id, s.starts_at, s.duration_min, g.name
             FROM group_session s JOIN group_leader l ON l.group_id = s.group_id
             JOIN parent_group g ON g.id = s.group_id
             WHERE s.status = 'planned' AND s.starts_at >= ?1",
        )?;
        let raw = stmt
            .query_map([datetime_text(from)], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, u32>(3)?,
                    r.get::<_, String>(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut bookings = Vec::with_capacity(raw.len());
        let mut labels = std::collections::HashMap::new();
        for (staff_id, session_id, start, duration_min, group) in raw {
            let start = parse_datetime(&start)?;
            labels
                .entry(session_id)
                .or_insert_with(|| format!("{group} {}", start.format("%H:%M")));
            bookings.push(crate::domain::timeline::StaffBooking {
                staff_id,
                visit_id: -session_id,
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
    ) -> Result<Vec<crate::domain::group_views::WeekSession>> {
        let next = day + chrono::Days::new(1);
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, g.name, s.starts_at, s.duration_min
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND s.status <> 'cancelled'
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM group_leader l
                                          WHERE l.group_id = s.group_id AND l.staff_id = ?3))
             ORDER BY s.starts_at, s.id LIMIT ?4",
        )?;
        let raw = stmt
            .query_map(
                params![date_text(day), date_text(next), staff, limit as i64],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, u32>(3)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter()
            .map(|(id, group, start, duration_min)| {
                Ok(crate::domain::group_views::WeekSession {
                    id,
                    group,
                    start: parse_datetime(&start)?,
                    duration_min,
                })
            })
            .collect()
    }
}
