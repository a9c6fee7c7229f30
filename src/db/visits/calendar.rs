//! What the calendar export reads of visits: those of the days exported, with who is
//! on them (the sessions are the groups'; what each calendar was sent is the staff's).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::rows;
use crate::db::values::{Columns, date_text};
use crate::db::{ReadTx, Result};
use crate::domain::views::{Attendee, StaffVisit};

const VISIT_COLUMNS: &str = "v.id, v.starts_at, v.duration_min, v.status, v.location, v.visit_no,
    f.family_ref, f.display_name, f.protection, f.area, f.address, c.name, f.programme_id,
    f.programme_version, v.interpreter_language, v.interpreter_external, i.name, v.updated_at,
    v.interpreter_staff_id";

/// Whether `?1` (a staff id) is on visit `v`, as attendee or interpreter.
const CONCERNS: &str = "(v.interpreter_staff_id = ?1
    OR EXISTS (SELECT 1 FROM visit_staff s WHERE s.visit_id = v.id AND s.staff_id = ?1))";

impl ReadTx<'_> {
    /// The visits starting on days `from` to `to`, each with its staff interpreter's id: all of
    /// them, or only those `only` is on. One read for one person or for everybody, so both
    /// exports say the same about a visit.
    pub fn calendar_visits(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<(StaffVisit, Option<i64>)>> {
        let start = format!("{} 00:00", date_text(from));
        let end = format!("{} 24:00", date_text(to));
        let filter = if only.is_some() {
            format!("AND {CONCERNS}")
        } else {
            // Keeps ?1 in the statement, so both forms take the same parameters.
            "AND ?1 IS NULL".to_string()
        };
        let mut attendees = self.calendar_attendees(&start, &end, only, &filter)?;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {VISIT_COLUMNS}
             FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             LEFT JOIN staff i ON i.id = v.interpreter_staff_id
             WHERE v.twin_of IS NULL AND v.starts_at >= ?2 AND v.starts_at < ?3 {filter}
             ORDER BY v.starts_at, v.id"
        ))?;
        let rows = stmt.query_map(params![only, start, end], |r| {
            Ok((
                StaffVisit {
                    visit_id: r.get(0)?,
                    start: r.datetime(1)?,
                    duration_min: r.get(2)?,
                    status: r.get(3)?,
                    location: r.get(4)?,
                    visit_no: r.get(5)?,
                    family_ref: r.get(6)?,
                    family_name: r.get(7)?,
                    protection: r.get(8)?,
                    area: r.get(9)?,
                    address: r.get(10)?,
                    child_name: r.get(11)?,
                    programme_id: r.get(12)?,
                    programme_version: r.get(13)?,
                    staff: Vec::new(),
                    interpreter_language: r.get(14)?,
                    interpreter: rows::booked_interpreter(r.get(15)?, r.get(16)?),
                    updated: r.stamp(17)?,
                },
                r.get::<_, Option<i64>>(18)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut visit, interpreter_id) = row?;
            visit.staff = attendees.remove(&visit.visit_id).unwrap_or_default();
            out.push((visit, interpreter_id));
        }
        self.name_calendar_twins(&mut out)?;
        Ok(out)
    }

    /// Twins' visits on one trip are one event, the first visit's, naming every child.
    fn name_calendar_twins(&self, visits: &mut [(StaffVisit, Option<i64>)]) -> Result<()> {
        let json = format!(
            "[{}]",
            visits
                .iter()
                .map(|(v, _)| v.visit_id.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.twin_of, c.name FROM visit v JOIN child c ON c.id = v.child_id
             WHERE v.twin_of IN (SELECT value FROM json_each(?1)) ORDER BY v.id",
        )?;
        let rows = stmt
            .query_map([json], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let position: HashMap<i64, usize> = visits
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (v.visit_id, i))
            .collect();
        for (first, name) in rows {
            if let Some(i) = position.get(&first) {
                let child = &mut visits[*i].0.child_name;
                *child = format!("{child} & {name}");
            }
        }
        Ok(())
    }

    /// Who is booked for each visit of the span, by role and name (as `attendees` orders them).
    fn calendar_attendees(
        &self,
        start: &str,
        end: &str,
        only: Option<i64>,
        filter: &str,
    ) -> Result<HashMap<i64, Vec<Attendee>>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT vs.visit_id, s.id, s.name, vs.role
             FROM visit v JOIN visit_staff vs ON vs.visit_id = v.id JOIN staff s ON s.id = vs.staff_id
             WHERE v.twin_of IS NULL AND v.starts_at >= ?2 AND v.starts_at < ?3 {filter}
             ORDER BY vs.visit_id, vs.role, s.name"
        ))?;
        let rows = stmt.query_map(params![only, start, end], |r| {
            Ok((r.get::<_, i64>(0)?, rows::attendee(r, 1)?))
        })?;
        let mut out: HashMap<i64, Vec<Attendee>> = HashMap::new();
        for row in rows {
            let (visit_id, attendee) = row?;
            out.entry(visit_id).or_default().push(attendee);
        }
        Ok(out)
    }
}
