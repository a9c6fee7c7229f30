//! Visits with the staff who attend them.

use chrono::NaiveDateTime;
use rusqlite::params;

use rusqlite::OptionalExtension;

use super::{
    ReadTx, Result, WriteTx, datetime_text, join_list, parse_datetime, parse_enum, split_list,
};
use crate::domain::model::{Interpreter, NewVisit, VisitStaff};

/// A stored visit, as the schedule needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRecord {
    pub id: i64,
    pub child_id: i64,
    pub visit_no: Option<u32>,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub status: crate::domain::enums::VisitStatus,
}

impl ReadTx<'_> {
    /// Staff who have visited the family before, most recent first.
    pub fn family_staff(&self, family_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT vs.staff_id FROM visit_staff vs JOIN visit v ON v.id = vs.visit_id
             JOIN child c ON c.id = v.child_id WHERE c.family_id = ?1
             GROUP BY vs.staff_id ORDER BY max(v.starts_at) DESC",
        )?;
        let rows = stmt.query_map([family_id], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Staff with visits in an area between two times, busiest first.
    pub fn area_staff(
        &self,
        area: &str,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<i64>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT vs.staff_id FROM visit v JOIN visit_staff vs ON vs.visit_id = v.id
             JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             WHERE f.area = ?1 AND v.starts_at >= ?2 AND v.starts_at < ?3
             GROUP BY vs.staff_id ORDER BY count(*) DESC, vs.staff_id LIMIT 40",
        )?;
        let rows = stmt.query_map(params![area, datetime_text(from), datetime_text(to)], |r| {
            r.get(0)
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A visit's child, programme visit number and status.
    pub fn visit_record(&self, visit_id: i64) -> Result<Option<VisitRecord>> {
        self.tx
            .prepare_cached(&format!("SELECT {RECORD_COLUMNS} FROM visit WHERE id = ?1"))?
            .query_row([visit_id], raw_record)
            .optional()?
            .map(into_record)
            .transpose()
    }

    /// A child's visits in time order.
    pub fn visits_of_child(&self, child_id: i64) -> Result<Vec<VisitRecord>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {RECORD_COLUMNS} FROM visit WHERE child_id = ?1 ORDER BY starts_at, id"
        ))?;
        let rows = stmt.query_map([child_id], raw_record)?;
        rows.map(|row| into_record(row?)).collect()
    }
}

impl ReadTx<'_> {
    /// The visit of `child_id` with this programme visit number (`None`: an extra visit) that
    /// starts at `start`: what a re-imported row is matched to. The oldest, if there are several.
    pub fn visit_at(
        &self,
        child_id: i64,
        visit_no: Option<u32>,
        start: NaiveDateTime,
    ) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT id FROM visit WHERE child_id = ?1 AND visit_no IS ?2 AND starts_at = ?3
                 ORDER BY id LIMIT 1",
            )?
            .query_row(params![child_id, visit_no, datetime_text(start)], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// A stored visit with everything an import file can say about it.
    pub fn stored_visit(&self, visit_id: i64) -> Result<Option<NewVisit>> {
        type Raw = (
            (i64, Option<u32>, String, u32, String, String),
            (Option<String>, Option<i64>, bool, String, String),
            (Option<String>, Option<String>),
        );
        let raw: Option<Raw> = self
            .tx
            .prepare_cached(
                "SELECT child_id, visit_no, starts_at, duration_min, location, status,
                    interpreter_language, interpreter_staff_id, interpreter_external, themes,
                    referrals, note, override_reason
                 FROM visit WHERE id = ?1",
            )?
            .query_row([visit_id], |r| {
                Ok((
                    (
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ),
                    (r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?),
                    (r.get(11)?, r.get(12)?),
                ))
            })
            .optional()?;
        let Some((
            (child_id, visit_no, start, duration_min, location, status),
            (interpreter_language, interpreter_staff, external, themes, referrals),
            (note, override_reason),
        )) = raw
        else {
            return Ok(None);
        };
        let mut stmt = self.tx.prepare_cached(
            "SELECT staff_id, role, attended FROM visit_staff WHERE visit_id = ?1 ORDER BY staff_id",
        )?;
        let staff = stmt
            .query_map([visit_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<bool>>(2)?,
                ))
            })?
            .map(|row| {
                let (staff_id, role, attended) = row?;
                Ok(VisitStaff {
                    staff_id,
                    role: parse_enum(&role)?,
                    attended,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let interpreter = match (interpreter_staff, external) {
            (Some(id), _) => Interpreter::Staff(id),
            (None, true) => Interpreter::External,
            (None, false) => Interpreter::None,
        };
        Ok(Some(NewVisit {
            child_id,
            visit_no,
            start: parse_datetime(&start)?,
            duration_min,
            location: parse_enum(&location)?,
            status: parse_enum(&status)?,
            staff,
            interpreter_language,
            interpreter,
            themes: split_list(&themes)
                .iter()
                .map(|t| parse_enum(t))
                .collect::<Result<_>>()?,
            referrals: split_list(&referrals)
                .iter()
                .map(|t| parse_enum(t))
                .collect::<Result<_>>()?,
            note,
            override_reason,
        }))
    }
}

impl WriteTx<'_> {
    /// Writes what a re-imported row says over the visit it matched: everything but the child,
    /// the visit number, the start and a reason kept for booking outside the window.
    pub fn replace_visit(&self, visit_id: i64, visit: &NewVisit, now: NaiveDateTime) -> Result<()> {
        let (staff_id, external) = match visit.interpreter {
            Interpreter::None => (None, false),
            Interpreter::Staff(id) => (Some(id), false),
            Interpreter::External => (None, true),
        };
        let themes: Vec<&str> = visit.themes.iter().map(|t| t.as_str()).collect();
        let referrals: Vec<&str> = visit.referrals.iter().map(|t| t.as_str()).collect();
        let changed = self
            .tx
            .prepare_cached(
                "UPDATE visit SET duration_min = ?2, location = ?3, status = ?4,
                    interpreter_language = ?5, interpreter_staff_id = ?6, interpreter_external = ?7,
                    themes = ?8, referrals = ?9, note = ?10, updated_at = ?11
                 WHERE id = ?1",
            )?
            .execute(params![
                visit_id,
                visit.duration_min,
                visit.location.as_str(),
                visit.status.as_str(),
                visit.interpreter_language,
                staff_id,
                external,
                join_list(&themes),
                join_list(&referrals),
                visit.note,
                now.format("%Y-%m-%d %H:%M:%S").to_string()
            ])?;
        if changed == 0 {
            return Err(super::DbError::VisitGone);
        }
        self.tx
            .prepare_cached("DELETE FROM visit_staff WHERE visit_id = ?1")?
            .execute([visit_id])?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO visit_staff (visit_id, staff_id, role, attended) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in &visit.staff {
            stmt.execute(params![visit_id, s.staff_id, s.role.as_str(), s.attended])?;
        }
        Ok(())
    }

    pub fn insert_visit(&self, visit: &NewVisit, now: NaiveDateTime) -> Result<i64> {
        let (staff_id, external) = match visit.interpreter {
            Interpreter::None => (None, false),
            Interpreter::Staff(id) => (Some(id), false),
            Interpreter::External => (None, true),
        };
        let themes: Vec<&str> = visit.themes.iter().map(|t| t.as_str()).collect();
        let referrals: Vec<&str> = visit.referrals.iter().map(|t| t.as_str()).collect();
        let now = now.format("%Y-%m-%d %H:%M:%S").to_string();
        self.tx
            .prepare_cached(
                "INSERT INTO visit (child_id, visit_no, starts_at, duration_min, location, status,
                    interpreter_language, interpreter_staff_id, interpreter_external, themes, referrals,
                    note, override_reason, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14, ?13, ?13)",
            )?
            .execute(params![
                visit.child_id,
                visit.visit_no,
                datetime_text(visit.start),
                visit.duration_min,
                visit.location.as_str(),
                visit.status.as_str(),
                visit.interpreter_language,
                staff_id,
                external,
                join_list(&themes),
                join_list(&referrals),
                visit.note,
                now,
                visit.override_reason
            ])?;
        let visit_id = self.tx.last_insert_rowid();
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO visit_staff (visit_id, staff_id, role, attended) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for VisitStaff {
            staff_id,
            role,
            attended,
        } in &visit.staff
        {
            stmt.execute(params![visit_id, staff_id, role.as_str(), attended])?;
        }
        Ok(visit_id)
    }

    /// Moves a planned visit to a new time and team (rebooking keeps the visit and its history).
    pub fn move_visit(&self, visit_id: i64, visit: &NewVisit, now: NaiveDateTime) -> Result<()> {
        let (staff_id, external) = match visit.interpreter {
            Interpreter::None => (None, false),
            Interpreter::Staff(id) => (Some(id), false),
            Interpreter::External => (None, true),
        };
        let changed = self
            .tx
            .prepare_cached(
                "UPDATE visit SET starts_at = ?2, duration_min = ?3, location = ?4, interpreter_staff_id = ?5,
                    interpreter_external = ?6, override_reason = ?7, updated_at = ?8
                 WHERE id = ?1 AND status = 'planned'",
            )?
            .execute(params![
                visit_id,
                datetime_text(visit.start),
                visit.duration_min,
                visit.location.as_str(),
                staff_id,
                external,
                visit.override_reason,
                now.format("%Y-%m-%d %H:%M:%S").to_string()
            ])?;
        // Only a planned visit moves; a done one keeps its time and who attended.
        if changed == 0 {
            return Err(match self.visit_record(visit_id)? {
                Some(_) => super::DbError::VisitNotPlanned,
                None => super::DbError::VisitGone,
            });
        }
        self.tx
            .prepare_cached("DELETE FROM visit_staff WHERE visit_id = ?1")?
            .execute([visit_id])?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO visit_staff (visit_id, staff_id, role, attended) VALUES (?1, ?2, ?3, NULL)",
        )?;
        for s in &visit.staff {
            stmt.execute(params![visit_id, s.staff_id, s.role.as_str()])?;
        }
        Ok(())
    }

    /// Records what happened: done (who attended, interpreter used, themes, referrals), cancelled
    /// by the family or by staff (with a reason), or no-show.
    pub fn set_visit_outcome(
        &self,
        outcome: &crate::domain::model::VisitOutcome,
        now: NaiveDateTime,
    ) -> Result<()> {
        let themes: Vec<&str> = outcome.themes.iter().map(|t| t.as_str()).collect();
        let referrals: Vec<&str> = outcome.referrals.iter().map(|t| t.as_str()).collect();
        let changed = self
            .tx
            .prepare_cached(
                "UPDATE visit SET status = ?2, themes = ?3, referrals = ?4, cancel_reason = ?5,
                    interpreter_external = CASE WHEN ?6 = 0 THEN 0 ELSE interpreter_external END,
                    interpreter_staff_id = CASE WHEN ?6 = 0 THEN NULL ELSE interpreter_staff_id END,
                    updated_at = ?7
                 WHERE id = ?1",
            )?
            .execute(params![
                outcome.visit_id,
                outcome.status.as_str(),
                join_list(&themes),
                join_list(&referrals),
                outcome.reason,
                outcome.interpreter_used,
                now.format("%Y-%m-%d %H:%M:%S").to_string()
            ])?;
        if changed == 0 {
            return Err(super::DbError::VisitGone);
        }
        let mut stmt = self.tx.prepare_cached(
            "UPDATE visit_staff SET attended = ?3 WHERE visit_id = ?1 AND staff_id = ?2",
        )?;
        for (staff_id, attended) in &outcome.attended {
            stmt.execute(params![outcome.visit_id, staff_id, attended])?;
        }
        Ok(())
    }
}

/// The columns a [`VisitRecord`] is read from, in the order `raw_record` takes them.
const RECORD_COLUMNS: &str = "id, child_id, visit_no, starts_at, duration_min, status";

type RawRecord = (i64, i64, Option<u32>, String, u32, String);

fn raw_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<RawRecord> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn into_record(raw: RawRecord) -> Result<VisitRecord> {
    let (id, child_id, visit_no, start, duration_min, status) = raw;
    Ok(VisitRecord {
        id,
        child_id,
        visit_no,
        start: parse_datetime(&start)?,
        duration_min,
        status: parse_enum(&status)?,
    })
}
