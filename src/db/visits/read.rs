//! Reads of visits one at a time or one child's: a visit's record and everything stored about
//! it, who is booked, who visited a family or an area, and who is busy when.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::rows::{self, VisitRecord};
use crate::db::values::{Columns, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::booking::{BookedFor, Booking, Busy};
use crate::domain::enums::Protection;
use crate::domain::model::NewVisit;
use crate::domain::views::Attendee;

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
            // The area's latest visits in the span, one range of the visits' own index of
            // their family's area: what it costs follows the sample, not the register.
            "SELECT vs.staff_id FROM
               (SELECT v.id FROM visit v INDEXED BY visit_area
                 WHERE v.area = ?1 AND v.starts_at >= ?2 AND v.starts_at < ?3
                 ORDER BY v.starts_at DESC LIMIT 300) r
             JOIN visit_staff vs ON vs.visit_id = r.id
             GROUP BY vs.staff_id ORDER BY count(*) DESC, vs.staff_id LIMIT 40",
        )?;
        let rows = stmt.query_map(params![area, datetime_text(from), datetime_text(to)], |r| {
            r.get(0)
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A visit's child, programme visit number and status.
    pub fn visit_record(&self, visit_id: i64) -> Result<Option<VisitRecord>> {
        Ok(self
            .tx
            .prepare_cached(&format!("SELECT {} FROM visit WHERE id = ?1", rows::RECORD))?
            .query_row([visit_id], rows::record)
            .optional()?)
    }

    /// The family's visits in time order (twins' visits each), as its extract lists them.
    pub fn extract_visits(
        &self,
        family_id: i64,
    ) -> Result<Vec<crate::domain::model::ExtractVisit>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.starts_at, v.visit_no, v.status, v.family_present
             FROM visit v JOIN child c ON c.id = v.child_id
             WHERE c.family_id = ?1 ORDER BY v.starts_at, v.id",
        )?;
        let rows = stmt.query_map([family_id], |r| {
            Ok(crate::domain::model::ExtractVisit {
                start: r.datetime(0)?,
                visit_no: r.get(1)?,
                status: r.get(2)?,
                family_present: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A child's visits in time order.
    pub fn visits_of_child(&self, child_id: i64) -> Result<Vec<VisitRecord>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM visit WHERE child_id = ?1 ORDER BY starts_at, id",
            rows::RECORD
        ))?;
        let rows = stmt.query_map([child_id], rows::record)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

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
        let found = self
            .tx
            .prepare_cached(&format!("SELECT {} FROM visit WHERE id = ?1", rows::STORED))?
            .query_row([visit_id], rows::stored)
            .optional()?;
        let Some(mut visit) = found else {
            return Ok(None);
        };
        let mut stmt = self.tx.prepare_cached(
            "SELECT staff_id, role, attended FROM visit_staff WHERE visit_id = ?1 ORDER BY staff_id",
        )?;
        visit.staff = stmt
            .query_map([visit_id], rows::visit_staff)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(visit))
    }

    /// Who is booked for a visit, by role.
    pub fn attendees(&self, visit_id: i64) -> Result<Vec<Attendee>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, s.name, vs.role FROM visit_staff vs JOIN staff s ON s.id = vs.staff_id
             WHERE vs.visit_id = ?1 ORDER BY vs.role, s.name",
        )?;
        let rows = stmt.query_map([visit_id], |r| rows::attendee(r, 0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Existing bookings (not cancelled) of the given staff that start between `from` and `to`,
    /// as attendee or interpreter, labelled for messages (a protected family is not named).
    pub fn busy_between(
        &self,
        staff_ids: &[i64],
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Result<Vec<Busy>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT p.staff_id, v.id, v.starts_at, v.duration_min, f.display_name, f.protection, f.area
             FROM (SELECT visit_id, staff_id FROM visit_staff
                   UNION ALL SELECT id, interpreter_staff_id FROM visit WHERE interpreter_staff_id IS NOT NULL) p
             JOIN visit v ON v.id = p.visit_id JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             WHERE p.staff_id = ?1 AND v.starts_at >= ?2 AND v.starts_at < ?3
               AND v.status NOT IN ('cancelled_family', 'cancelled_staff')",
        )?;
        let mut out = Vec::new();
        // A visit that started the day before could still run into the span.
        let from_text = datetime_text(from - chrono::Duration::days(1));
        let to_text = datetime_text(to);
        for id in staff_ids {
            let rows = stmt.query_map(params![id, from_text, to_text], |r| {
                let start = r.datetime(2)?;
                let protection: Protection = r.get(5)?;
                // Whose it is, as a conflict names it; a protected family is never named.
                let whose = if protection.is_protected() {
                    BookedFor::ProtectedFamily
                } else {
                    BookedFor::Family(r.get(4)?)
                };
                Ok(Busy {
                    staff_id: r.get(0)?,
                    booking: Booking::Visit(r.get(1)?),
                    start,
                    end: start + chrono::Duration::minutes(r.get(3)?),
                    whose,
                    area: r.get(6)?,
                })
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        // A session is a booking of its leaders: visits are checked and proposed around it.
        out.extend(self.sessions_busy_between(staff_ids, from, to)?);
        Ok(out)
    }
}
