//! The visits of days as Today and Week list them: by day, a page at a time, or by id,
//! each with who goes.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::params;

use super::rows;
use crate::db::values::{date_text, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::views::DayVisit;

impl ReadTx<'_> {
    /// Visits that start on days `from` to `to` (inclusive), in time order, with their staff.
    pub fn day_visits(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayVisit>> {
        let start = format!("{} 00:00", date_text(from));
        let end = format!("{} 24:00", date_text(to));
        self.listed_visits("v.starts_at >= ?1 AND v.starts_at < ?2", &[&start, &end])
    }

    /// How many trips start on each day from `from` (up to seven days), all or one staff
    /// member's: what a week shows before it lists any. Twins' visits on one trip count once.
    pub fn visits_per_day(&self, from: NaiveDate, staff: Option<i64>) -> Result<[usize; 7]> {
        let mut counts = [0; 7];
        for (slot, n) in counts.iter_mut().zip(self.trips_on_days(from, 7, staff)?) {
            *slot = n;
        }
        Ok(counts)
    }

    /// How many trips (all, or `staff`'s) start on `at`'s day before `at`: where a session at
    /// `at` falls among the day's visits.
    pub fn visits_before(&self, at: NaiveDateTime, staff: Option<i64>) -> Result<usize> {
        let start = NaiveDateTime::from(at.date());
        self.trips_between(start, at, staff)
    }

    /// How many trips start on each day from `from` to `to` (inclusive, at most a fortnight):
    /// what Today shows before it lists any. Twins' visits on one trip count once.
    pub fn trips_per_day(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<usize>> {
        let days = usize::try_from((to - from).num_days() + 1)
            .unwrap_or(0)
            .min(15);
        self.trips_on_days(from, days, None)
    }

    /// How many trips (all, or `staff`'s) start on each of `days` days from `from`: a count of
    /// the trips' index per day, which reads its range and sorts nothing. One grouped count
    /// sorted every trip of the week by its day first (14,000 at 200,000 families: 3 ms).
    fn trips_on_days(
        &self,
        from: NaiveDate,
        days: usize,
        staff: Option<i64>,
    ) -> Result<Vec<usize>> {
        let mut counts = Vec::with_capacity(days);
        let mut day = from;
        for _ in 0..days {
            let Some(next) = day.succ_opt() else {
                break;
            };
            counts.push(self.trips_between(day.into(), next.into(), staff)?);
            day = next;
        }
        Ok(counts)
    }

    /// How many trips (all, or `staff`'s) start from `from` up to (not at) `to`.
    fn trips_between(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        staff: Option<i64>,
    ) -> Result<usize> {
        let only = staff_condition(staff);
        let n: i64 = self
            .tx
            .prepare_cached(&format!(
                "SELECT count(*) FROM visit v
                 WHERE v.twin_of IS NULL AND v.starts_at >= ?1 AND v.starts_at < ?2 {only}"
            ))?
            .query_row(
                params![datetime_text(from), datetime_text(to), staff],
                |r| r.get(0),
            )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// One page of the trips of days `from` to `to` (inclusive) in time order: `limit` of them
    /// from the `offset`-th, as Today lists them. Twins' visits on one trip are one row.
    pub fn days_visits_page(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<DayVisit>> {
        let end = to.checked_add_days(chrono::Days::new(1)).unwrap_or(to);
        self.trips_page(from, end, None, offset, limit)
    }

    /// One page of a day's trips in time order (all, or one staff member's): `limit` of them
    /// from the `offset`-th, so a day of thousands costs what a screenful costs. Twins' visits
    /// on one trip are one row, the first visit's, naming both children.
    pub fn day_visits_page(
        &self,
        day: NaiveDate,
        staff: Option<i64>,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<DayVisit>> {
        let next = day.checked_add_days(chrono::Days::new(1)).unwrap_or(day);
        self.trips_page(day, next, staff, offset, limit)
    }

    /// Trips starting from day `from` up to (not including) day `end`, a page of them.
    fn trips_page(
        &self,
        day: NaiveDate,
        next: NaiveDate,
        staff: Option<i64>,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<DayVisit>> {
        let only = staff_condition(staff);
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT v.id FROM visit v
             WHERE v.twin_of IS NULL AND v.starts_at >= ?1 AND v.starts_at < ?2 {only}
             ORDER BY v.starts_at, v.id LIMIT ?4 OFFSET ?5"
        ))?;
        let ids = stmt
            .query_map(
                params![
                    format!("{} 00:00", date_text(day)),
                    format!("{} 00:00", date_text(next)),
                    staff,
                    limit as i64,
                    offset as i64
                ],
                |r| r.get::<_, i64>(0),
            )?
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let mut visits = self.visits_by_id(&ids)?;
        self.name_twins(&mut visits)?;
        Ok(visits)
    }

    /// Names on each visit the twins riding along (the visits that point at it).
    fn name_twins(&self, visits: &mut [DayVisit]) -> Result<()> {
        let json = format!(
            "[{}]",
            visits
                .iter()
                .map(|v| v.visit_id.to_string())
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
            .collect::<std::result::Result<Vec<_>, _>>()?;
        for (first, name) in rows {
            if let Some(v) = visits.iter_mut().find(|v| v.visit_id == first) {
                v.child_name = format!("{} & {name}", v.child_name);
                v.twins.push(name);
            }
        }
        Ok(())
    }

    /// The given visits, as lists show them (one query however many there are).
    pub fn visits_by_id(&self, ids: &[i64]) -> Result<Vec<DayVisit>> {
        let json = format!(
            "[{}]",
            ids.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        self.listed_visits("v.id IN (SELECT value FROM json_each(?1))", &[&json])
    }

    /// Visits matching `condition` (on the visit `v`), in time order, with their staff.
    fn listed_visits(
        &self,
        condition: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<DayVisit>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {}
             FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             LEFT JOIN staff i ON i.id = v.interpreter_staff_id
             WHERE {condition} ORDER BY v.starts_at, v.id",
            rows::LISTED
        ))?;
        let mut visits = stmt
            .query_map(params, rows::listed)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT vs.visit_id, s.id, s.name, vs.role FROM visit_staff vs JOIN staff s ON s.id = vs.staff_id
             JOIN visit v ON v.id = vs.visit_id
             WHERE {condition} ORDER BY vs.visit_id, vs.role"
        ))?;
        let rows = stmt.query_map(params, |r| Ok((r.get::<_, i64>(0)?, rows::attendee(r, 1)?)))?;
        let position: HashMap<i64, usize> = visits
            .iter()
            .enumerate()
            .map(|(i, v)| (v.visit_id, i))
            .collect();
        for row in rows {
            let (visit_id, attendee) = row?;
            if let Some(i) = position.get(&visit_id) {
                visits[*i].staff.push(attendee);
            }
        }
        Ok(visits)
    }
}

/// The condition on a visit `v` that parameter 3 (a staff id, or NULL for all) attends it.
fn staff_condition(staff: Option<i64>) -> &'static str {
    if staff.is_some() {
        "AND v.id IN (SELECT visit_id FROM visit_staff WHERE staff_id = ?3)"
    } else {
        "AND ?3 IS NULL"
    }
}
