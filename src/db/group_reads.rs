//! Reads for the Groups screen, a series page, a roll call, suggestions, Today and the leaders'
//! busy time: each loads what one screen shows.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::{
    ReadTx, Result, date_text, datetime_text, parse_date, parse_datetime, parse_enum, split_list,
};
use crate::domain::booking::Busy;
use crate::domain::enums::AttendanceStatus;
use crate::domain::group_views::{
    GroupInfo, GroupPage, MemberRow, RollCall, RollLine, SessionRow, Suggestion,
};
use crate::domain::groups::{MemberCandidate, session_busy};

/// How many families a suggestion looks at.
const SUGGESTION_LIMIT: usize = 200;

const SESSION_COLUMNS: &str =
    "s.id, s.starts_at, s.duration_min, s.theme, s.status, s.cancel_reason, s.dropin_count";

fn session_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawSession> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

type RawSession = (
    i64,
    String,
    u32,
    Option<String>,
    String,
    Option<String>,
    u32,
);

fn session_of(raw: RawSession) -> Result<SessionRow> {
    let (id, start, duration_min, theme, status, cancel_reason, dropins) = raw;
    Ok(SessionRow {
        id,
        start: parse_datetime(&start)?,
        duration_min,
        theme,
        status: parse_enum(&status)?,
        cancel_reason,
        dropins,
    })
}

impl ReadTx<'_> {
    pub fn group_info(&self, id: i64) -> Result<Option<GroupInfo>> {
        let row = self
            .tx
            .prepare_cached(
                "SELECT name, method, language, place, area, capacity, born_from, born_to
                 FROM parent_group WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?),
                    r.get::<_, Option<u32>>(5)?,
                    (
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ),
                ))
            })
            .optional()?;
        let Some((name, (method, language, place, area), capacity, born)) = row else {
            return Ok(None);
        };
        let born = match born {
            (Some(from), Some(to)) => Some((parse_date(&from)?, parse_date(&to)?)),
            _ => None,
        };
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, s.name FROM group_leader l JOIN staff s ON s.id = l.staff_id
             WHERE l.group_id = ?1 ORDER BY s.name",
        )?;
        let leaders = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
        Ok(Some(GroupInfo {
            id,
            name,
            method,
            language,
            place,
            area,
            capacity,
            born,
            leaders,
        }))
    }

    /// A series page: its fields, sessions, members (also those who left) and marks.
    pub fn group_page(&self, id: i64) -> Result<Option<GroupPage>> {
        let Some(info) = self.group_info(id)? else {
            return Ok(None);
        };
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {SESSION_COLUMNS} FROM group_session s WHERE s.group_id = ?1 ORDER BY s.starts_at, s.id"
        ))?;
        let sessions = stmt
            .query_map([id], session_row)?
            .map(|r| session_of(r?))
            .collect::<Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT f.id, f.family_ref, f.display_name, m.joined_on, m.left_on, f.protection
             FROM group_member m JOIN family f ON f.id = m.family_id
             WHERE m.group_id = ?1 ORDER BY f.display_name, f.id",
        )?;
        let raw = stmt
            .query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let members = raw
            .into_iter()
            .map(|(family_id, family_ref, name, joined, left, protection)| {
                Ok(MemberRow {
                    family_id,
                    family_ref,
                    name,
                    protection: parse_enum(&protection)?,
                    joined: parse_date(&joined)?,
                    left: left.map(|l| parse_date(&l)).transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT a.session_id, a.family_id, a.status FROM group_session s
             JOIN attendance a ON a.session_id = s.id WHERE s.group_id = ?1",
        )?;
        let raw = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?)))?
            .collect::<rusqlite::Result<Vec<(i64, i64, String)>>>()?;
        let marks = raw
            .into_iter()
            .map(|(s, f, st)| Ok((s, f, parse_enum::<AttendanceStatus>(&st)?)))
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(GroupPage {
            info,
            sessions,
            members,
            marks,
        }))
    }

    pub fn session(&self, id: i64) -> Result<Option<(i64, SessionRow)>> {
        let raw = self
            .tx
            .prepare_cached(&format!(
                "SELECT {SESSION_COLUMNS}, s.group_id FROM group_session s WHERE s.id = ?1"
            ))?
            .query_row([id], |r| Ok((session_row(r)?, r.get::<_, i64>(7)?)))
            .optional()?;
        raw.map(|(s, group)| Ok((group, session_of(s)?)))
            .transpose()
    }

    /// A session's roll call: the members on its date (not those who joined after it or left
    /// before it), each with their mark.
    pub fn roll_call(&self, session_id: i64) -> Result<Option<RollCall>> {
        let Some((group_id, session)) = self.session(session_id)? else {
            return Ok(None);
        };
        let (group_name, number): (String, u32) = self
            .tx
            .prepare_cached(
                "SELECT g.name, (SELECT count(*) FROM group_session o WHERE o.group_id = g.id
                    AND (o.starts_at < ?2 OR (o.starts_at = ?2 AND o.id <= ?3)))
                 FROM parent_group g WHERE g.id = ?1",
            )?
            .query_row(
                params![group_id, datetime_text(session.start), session_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
        let date = date_text(session.start.date());
        let mut stmt = self.tx.prepare_cached(
            "SELECT f.id, f.display_name, a.status, coalesce(a.adults_present, 0), f.family_ref,
                    f.protection
             FROM group_member m JOIN family f ON f.id = m.family_id
             LEFT JOIN attendance a ON a.session_id = ?2 AND a.family_id = m.family_id
             WHERE m.group_id = ?1 AND m.joined_on <= ?3 AND (m.left_on IS NULL OR m.left_on >= ?3)
             ORDER BY f.display_name, f.id",
        )?;
        let raw = stmt
            .query_map(params![group_id, session_id, date], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<(i64, String, Option<String>, u32, String, String)>>>(
            )?;
        let lines = raw
            .into_iter()
            .map(
                |(family_id, name, status, adults, family_ref, protection)| {
                    Ok(RollLine {
                        family_id,
                        family_ref,
                        protection: parse_enum(&protection)?,
                        name,
                        status: status.map(|s| parse_enum(&s)).transpose()?,
                        adults,
                    })
                },
            )
            .collect::<Result<Vec<_>>>()?;
        Ok(Some(RollCall {
            group_id,
            group_name,
            session,
            number,
            lines,
        }))
    }

    /// Families that might join a series: active or offered, a child born in `span`, those
    /// speaking `language` first; whether each is in a series that has not ended is noted.
    pub fn member_candidates(
        &self,
        span: (NaiveDate, NaiveDate),
        language: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<Vec<(MemberCandidate, Suggestion)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT f.id, f.display_name, f.languages, f.status, min(c.birth_date), f.family_ref,
                f.protection,
                EXISTS (SELECT 1 FROM group_member m WHERE m.family_id = f.id AND m.left_on IS NULL
                        AND EXISTS (SELECT 1 FROM group_session s
                                    WHERE s.group_id = m.group_id AND s.starts_at >= ?3))
             FROM child c JOIN family f ON f.id = c.family_id
             WHERE c.birth_date BETWEEN ?1 AND ?2 AND f.status IN ('active', 'offered')
             GROUP BY f.id
             ORDER BY instr(lower(f.languages), lower(?4)) = 0, min(c.birth_date), f.id
             LIMIT ?5",
        )?;
        let raw = stmt
            .query_map(
                params![
                    date_text(span.0),
                    date_text(span.1),
                    datetime_text(now),
                    language.unwrap_or("\u{1}"),
                    SUGGESTION_LIMIT as i64
                ],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, bool>(7)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter()
            .map(
                |(family_id, name, languages, status, born, in_group, family_ref, protection)| {
                    let born = parse_date(&born)?;
                    let languages = split_list(&languages);
                    Ok((
                        MemberCandidate {
                            family_id,
                            status: parse_enum(&status)?,
                            languages: languages.clone(),
                            births: vec![born],
                            in_group,
                        },
                        Suggestion {
                            family_id,
                            family_ref,
                            name,
                            protection: parse_enum(&protection)?,
                            languages,
                            born,
                        },
                    ))
                },
            )
            .collect()
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
            let rows = stmt
                .query_map(params![id, from_text, to_text], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, u32>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for (staff_id, session_id, start, minutes, group) in rows {
                let start = parse_datetime(&start)?;
                let label = format!("{group} {}", start.format("%Y-%m-%d %H:%M"));
                out.extend(session_busy(
                    session_id,
                    &[staff_id],
                    start,
                    minutes,
                    &label,
                ));
            }
        }
        Ok(out)
    }

    /// The ids of a series' sessions.
    pub fn session_ids(&self, group_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id FROM group_session WHERE group_id = ?1")?;
        let ids = stmt
            .query_map([group_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// Whether the family was a member of the series on `date`.
    pub fn member_on(&self, group_id: i64, family_id: i64, date: NaiveDate) -> Result<bool> {
        let date = date_text(date);
        Ok(self
            .tx
            .prepare_cached(
                "SELECT 1 FROM group_member WHERE group_id = ?1 AND family_id = ?2
                   AND joined_on <= ?3 AND (left_on IS NULL OR left_on >= ?3)",
            )?
            .query_row(params![group_id, family_id, date], |_| Ok(()))
            .optional()?
            .is_some())
    }

    pub fn group_name_taken(&self, name: &str) -> Result<bool> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM parent_group WHERE name = ?1 COLLATE NOCASE")?
            .query_row([name], |_| Ok(()))
            .optional()?
            .is_some())
    }
}
