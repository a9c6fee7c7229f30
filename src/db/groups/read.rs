//! Reads of one series: its page, a session and its roll call, the families who might join,
//! and what the groups and attendance imports look up (a series by name, its session on a day).

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::rows;
use crate::db::families::search::TEXT_ORDER;
use crate::db::values::{Columns, date_text, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::group_views::{GroupInfo, GroupPage, RollCall, SessionRow, Suggestion};
use crate::domain::groups::MemberCandidate;

/// How many families a suggestion looks at.
const SUGGESTION_LIMIT: usize = 200;

impl ReadTx<'_> {
    /// The areas in use (families' and series'), and each staff member's usual area: where most
    /// of the visits they were booked on since `since` were.
    pub fn area_choices(
        &self,
        since: NaiveDateTime,
    ) -> Result<crate::domain::group_views::AreaChoices> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT area FROM family WHERE area IS NOT NULL AND area <> ''
             UNION SELECT area FROM parent_group WHERE area IS NOT NULL AND area <> ''
             ORDER BY 1",
        )?;
        let areas = stmt
            .query_map([], |r| r.get(0))?
            .collect::<std::result::Result<Vec<String>, _>>()?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT vs.staff_id, f.area, count(*) AS n
               FROM visit_staff vs JOIN visit v ON v.id = vs.visit_id
               JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
              WHERE v.starts_at >= ?1 AND f.area IS NOT NULL AND f.area <> ''
              GROUP BY vs.staff_id, f.area
              ORDER BY vs.staff_id, n DESC, f.area",
        )?;
        let rows = stmt
            .query_map([datetime_text(since)], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<Vec<(i64, String)>, _>>()?;
        let mut usual: Vec<(i64, String)> = Vec::new();
        for (staff, area) in rows {
            if usual.last().is_none_or(|(s, _)| *s != staff) {
                usual.push((staff, area));
            }
        }
        Ok(crate::domain::group_views::AreaChoices { areas, usual })
    }

    pub fn group_info(&self, id: i64) -> Result<Option<GroupInfo>> {
        let found = self
            .tx
            .prepare_cached(
                "SELECT name, method, language, place, area, capacity, born_from, born_to
                 FROM parent_group WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(GroupInfo {
                    id,
                    name: r.get(0)?,
                    method: r.get(1)?,
                    language: r.get(2)?,
                    place: r.get(3)?,
                    area: r.get(4)?,
                    capacity: r.get(5)?,
                    born: match (r.opt_date(6)?, r.opt_date(7)?) {
                        (Some(from), Some(to)) => Some((from, to)),
                        _ => None,
                    },
                    leaders: Vec::new(),
                })
            })
            .optional()?;
        let Some(mut info) = found else {
            return Ok(None);
        };
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, s.name FROM group_leader l JOIN staff s ON s.id = l.staff_id
             WHERE l.group_id = ?1 ORDER BY s.name",
        )?;
        info.leaders = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(info))
    }

    /// A series page: its fields, sessions, members (also those who left) and marks.
    pub fn group_page(&self, id: i64) -> Result<Option<GroupPage>> {
        let Some(info) = self.group_info(id)? else {
            return Ok(None);
        };
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM group_session s WHERE s.group_id = ?1 ORDER BY s.starts_at, s.id",
            rows::SESSION
        ))?;
        let sessions = stmt
            .query_map([id], rows::session)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM group_member m CROSS JOIN family f ON f.id = m.family_id
             CROSS JOIN family_text t ON t.id = f.id
             WHERE m.group_id = ?1 ORDER BY {TEXT_ORDER}, f.id",
            rows::MEMBER
        ))?;
        let members = stmt
            .query_map([id], rows::member)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT a.session_id, a.family_id, a.status FROM group_session s
             JOIN attendance a ON a.session_id = s.id WHERE s.group_id = ?1",
        )?;
        let marks = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(GroupPage {
            info,
            sessions,
            members,
            marks,
        }))
    }

    pub fn session(&self, id: i64) -> Result<Option<(i64, SessionRow)>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {}, s.group_id FROM group_session s WHERE s.id = ?1",
                rows::SESSION
            ))?
            .query_row([id], |r| Ok((r.get::<_, i64>(7)?, rows::session(r)?)))
            .optional()?)
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
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {}
             FROM group_member m CROSS JOIN family f ON f.id = m.family_id
             CROSS JOIN family_text t ON t.id = f.id
             LEFT JOIN attendance a ON a.session_id = ?2 AND a.family_id = m.family_id
             WHERE m.group_id = ?1 AND m.joined_on <= ?3 AND (m.left_on IS NULL OR m.left_on >= ?3)
             ORDER BY {TEXT_ORDER}, f.id",
            rows::ROLL_LINE
        ))?;
        let lines = stmt
            .query_map(params![group_id, session_id, date], rows::roll_line)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
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
        let rows = stmt.query_map(
            params![
                date_text(span.0),
                date_text(span.1),
                datetime_text(now),
                language.unwrap_or("\u{1}"),
                SUGGESTION_LIMIT as i64
            ],
            |r| {
                let family_id = r.get(0)?;
                let languages = r.words(2)?;
                let born = r.date(4)?;
                Ok((
                    MemberCandidate {
                        family_id,
                        status: r.get(3)?,
                        languages: languages.clone(),
                        births: vec![born],
                        in_group: r.get(7)?,
                    },
                    Suggestion {
                        family_id,
                        family_ref: r.get(5)?,
                        name: r.get(1)?,
                        protection: r.get(6)?,
                        languages,
                        born,
                    },
                ))
            },
        )?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
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

    /// The series with this name (names are unique, case aside).
    pub fn group_id_by_name(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM parent_group WHERE name = ?1 COLLATE NOCASE")?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }

    /// The ids of a series' sessions on `date`, in time order (a series meets once a week, so
    /// more than one is a series the file cannot tell apart by date).
    pub fn group_sessions_on(&self, group_id: i64, date: NaiveDate) -> Result<Vec<i64>> {
        let next = date + chrono::Days::new(1);
        let mut stmt = self.tx.prepare_cached(
            "SELECT id FROM group_session WHERE group_id = ?1 AND starts_at >= ?2 AND starts_at < ?3
             ORDER BY starts_at, id",
        )?;
        let ids = stmt
            .query_map(params![group_id, date_text(date), date_text(next)], |r| {
                r.get(0)
            })?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }
}
