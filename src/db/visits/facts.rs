//! The facts timelines and alerts are made from: each child's visits, the children due for
//! visits, the planned bookings of the staff, and the visits that still lack something.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

use super::rows;
use crate::db::values::{Columns, date_text, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::booking::Booking;
use crate::domain::timeline::{StaffBooking, VisitFact, VisitsByChild};
use crate::domain::views::ChildPlan;

/// The facts of the rows, by child.
fn by_child(
    rows: impl Iterator<Item = rusqlite::Result<(i64, VisitFact)>>,
) -> Result<HashMap<i64, Vec<VisitFact>>> {
    let mut by_child: HashMap<i64, Vec<VisitFact>> = HashMap::new();
    for row in rows {
        let (child_id, fact) = row?;
        by_child.entry(child_id).or_default().push(fact);
    }
    Ok(by_child)
}

/// The condition on a family `f` that parameter `?{n}` (a family id, or NULL for all) names it.
fn of_family(column: &str, family: Option<i64>, n: u8) -> String {
    if family.is_some() {
        format!("AND {column} = ?{n}")
    } else {
        format!("AND ?{n} IS NULL")
    }
}

/// The children born on or after `?1` of the active families with ids from `?2` to `?3`.
pub(crate) const CHILDREN_OF_FAMILIES: &str =
    "SELECT f.id, f.display_name, f.area, c.id, c.name, c.birth_date, f.programme_id,
        f.programme_version, f.protection, f.family_ref
     FROM child c JOIN family f ON f.id = c.family_id
     WHERE f.status = 'active' AND f.id >= ?2 AND f.id <= ?3
       AND c.expected = 0 AND c.birth_date >= ?1
     ORDER BY c.birth_date, c.id";

/// The programme visits of those children.
pub(crate) const VISITS_OF_FAMILIES: &str =
    "SELECT v.child_id, v.visit_no, v.starts_at, v.status, NULL FROM visit v
     JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
     WHERE f.status = 'active' AND f.id >= ?2 AND f.id <= ?3
       AND c.birth_date >= ?1 AND v.visit_no IS NOT NULL";

impl ReadTx<'_> {
    /// The visits of a family's children, by child.
    pub fn visit_facts_of_family(&self, family_id: i64) -> Result<HashMap<i64, Vec<VisitFact>>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.child_id, v.visit_no, v.starts_at, v.status,
                    (SELECT group_concat(role, '|') FROM visit_staff s WHERE s.visit_id = v.id AND s.attended = 1)
             FROM visit v JOIN child c ON c.id = v.child_id WHERE c.family_id = ?1 ORDER BY v.starts_at",
        )?;
        by_child(stmt.query_map([family_id], rows::fact)?)
    }

    /// The children born on or after `born_since` of the active families whose ids lie in
    /// `families`, in order of birth, and their visits by child: the to-do is made a few
    /// thousand families at a time, so it never holds every child of the register. A range is
    /// found in the families' status index (status, then id), and their children by family.
    pub fn active_children_of(
        &self,
        born_since: NaiveDate,
        families: std::ops::RangeInclusive<i64>,
    ) -> Result<(Vec<ChildPlan>, VisitsByChild)> {
        let since = date_text(born_since);
        let (first, last) = families.into_inner();
        let mut stmt = self.tx.prepare_cached(CHILDREN_OF_FAMILIES)?;
        let children = stmt
            .query_map(params![&since, first, last], |r| {
                Ok(ChildPlan {
                    family_id: r.get(0)?,
                    family_ref: r.get(9)?,
                    family_name: r.get(1)?,
                    protection: r.get(8)?,
                    area: r.get(2)?,
                    child_id: r.get(3)?,
                    child_name: r.get(4)?,
                    birth_date: r.date(5)?,
                    programme_id: r.get(6)?,
                    programme_version: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(VISITS_OF_FAMILIES)?;
        let facts = by_child(stmt.query_map(params![&since, first, last], rows::fact)?)?;
        Ok((children, facts))
    }

    /// Planned visits from `from` on, one row per staff member, for finding double bookings.
    pub fn planned_bookings(&self, from: NaiveDateTime) -> Result<Vec<StaffBooking>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT vs.staff_id, v.id, v.starts_at, v.duration_min FROM visit v
             JOIN visit_staff vs ON vs.visit_id = v.id
             WHERE v.status = 'planned' AND v.starts_at >= ?1
             UNION ALL
             SELECT v.interpreter_staff_id, v.id, v.starts_at, v.duration_min FROM visit v
             WHERE v.status = 'planned' AND v.starts_at >= ?1 AND v.interpreter_staff_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([datetime_text(from)], |r| {
            Ok(StaffBooking {
                staff_id: r.get(0)?,
                booking: Booking::Visit(r.get(1)?),
                start: r.datetime(2)?,
                duration_min: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Visits still only booked whose start is between `from` and `to` (their outcome is due);
    /// with `family`, that family's only.
    pub fn unrecorded_visits(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        family: Option<i64>,
    ) -> Result<Vec<i64>> {
        let sql = if family.is_some() {
            "SELECT v.id FROM visit v JOIN child c ON c.id = v.child_id
             WHERE c.family_id = ?3 AND v.status = 'planned' AND v.starts_at >= ?1 AND v.starts_at < ?2
             ORDER BY v.starts_at"
        } else {
            "SELECT id FROM visit WHERE status = 'planned' AND starts_at >= ?1 AND starts_at < ?2
               AND ?3 IS NULL ORDER BY starts_at"
        };
        let mut stmt = self.tx.prepare_cached(sql)?;
        let rows = stmt.query_map(
            params![datetime_text(from), datetime_text(to), family],
            |r| r.get(0),
        )?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Planned visits from `from` on whose family needs an interpreter and none is booked;
    /// with `family`, that family's only.
    pub fn visits_missing_interpreter(
        &self,
        from: NaiveDateTime,
        family: Option<i64>,
    ) -> Result<Vec<i64>> {
        let only = of_family("f.id", family, 2);
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT v.id FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             WHERE v.status = 'planned' AND v.starts_at >= ?1 AND f.interpreter_language IS NOT NULL
               AND v.interpreter_staff_id IS NULL AND v.interpreter_external = 0 {only}
             ORDER BY v.starts_at",
        ))?;
        let rows = stmt.query_map(params![datetime_text(from), family], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The planned visits from `from` on that `staff_id` attends or interprets, earliest first.
    pub fn staff_bookings(&self, staff_id: i64, from: NaiveDateTime) -> Result<Vec<i64>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.id FROM visit v
             WHERE v.status = 'planned' AND v.starts_at >= ?1
               AND (v.interpreter_staff_id = ?2
                    OR v.id IN (SELECT visit_id FROM visit_staff WHERE staff_id = ?2))
             ORDER BY v.starts_at, v.id",
        )?;
        let rows = stmt.query_map(params![datetime_text(from), staff_id], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The planned visits from `from` on with someone no longer active booked (to attend or to
    /// interpret): (visit id, that person's name), earliest first; of one family, or of all.
    pub fn visits_with_inactive_staff(
        &self,
        from: NaiveDateTime,
        family: Option<i64>,
    ) -> Result<Vec<(i64, String)>> {
        let only = of_family("c.family_id", family, 2);
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT v.id, s.name FROM visit v JOIN child c ON c.id = v.child_id
               JOIN staff s ON s.active = 0
                AND (s.id = v.interpreter_staff_id
                     OR s.id IN (SELECT staff_id FROM visit_staff WHERE visit_id = v.id))
             WHERE v.status = 'planned' AND v.starts_at >= ?1 {only}
             ORDER BY v.starts_at, v.id, s.name",
        ))?;
        let rows = stmt.query_map(params![datetime_text(from), family], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
