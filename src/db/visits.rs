//! Visits with the staff who attend them.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::{Result, Tx, datetime_text, join_list, parse_datetime, parse_enum};
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

impl Tx<'_> {
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
                    note, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
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
                now
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

    /// A child's visits in time order.
    pub fn visits_of_child(&self, child_id: i64) -> Result<Vec<VisitRecord>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, child_id, visit_no, starts_at, duration_min, status FROM visit
             WHERE child_id = ?1 ORDER BY starts_at, id",
        )?;
        let rows = stmt.query_map([child_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        rows.map(|row| {
            let (id, child_id, visit_no, start, duration_min, status) = row?;
            Ok(VisitRecord {
                id,
                child_id,
                visit_no,
                start: parse_datetime(&start)?,
                duration_min,
                status: parse_enum(&status)?,
            })
        })
        .collect()
    }
}
