//! Reads of visits for the screens: a day's or a week's visits, a staff member's calendar,
//! who is busy when, and the facts the timelines and alerts are made from.

use chrono::NaiveDateTime;

use std::collections::HashMap;

use chrono::NaiveDate;

use rusqlite::params;

use super::{
    ReadTx, Result, date_text, datetime_text, parse_date, parse_datetime, parse_enum, split_list,
};
use crate::domain::booking::Busy;
use crate::domain::timeline::{StaffBooking, VisitFact, VisitsByChild};
use crate::domain::views::{Attendee, ChildPlan};

/// Reads of visits for the screens.
impl ReadTx<'_> {
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
            let rows = stmt.query_map(rusqlite::params![id, from_text, to_text], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            })?;
            for row in rows {
                let (staff_id, visit_id, start, minutes, family, protection, area) = row?;
                let start = parse_datetime(&start)?;
                let protection: crate::domain::enums::Protection = parse_enum(&protection)?;
                let who = if protection.is_protected() {
                    "skyddad familj".to_string()
                } else {
                    family
                };
                out.push(Busy {
                    staff_id,
                    visit_id,
                    start,
                    end: start + chrono::Duration::minutes(minutes),
                    label: format!("{who} {}", start.format("%Y-%m-%d %H:%M")),
                    area,
                });
            }
        }
        // A session is a booking of its leaders: visits are checked and proposed around it.
        out.extend(self.sessions_busy_between(staff_ids, from, to)?);
        Ok(out)
    }

    /// Who is booked for a visit, by role.
    pub fn attendees(&self, visit_id: i64) -> Result<Vec<Attendee>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, s.name, vs.role FROM visit_staff vs JOIN staff s ON s.id = vs.staff_id
             WHERE vs.visit_id = ?1 ORDER BY vs.role, s.name",
        )?;
        let rows = stmt.query_map([visit_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?))
        })?;
        rows.map(|row| {
            let (staff_id, name, role) = row?;
            Ok(Attendee {
                staff_id,
                name,
                role: parse_enum(&role)?,
            })
        })
        .collect()
    }

    /// The visits of a family's children, by child.
    pub fn visit_facts_of_family(&self, family_id: i64) -> Result<HashMap<i64, Vec<VisitFact>>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.child_id, v.visit_no, v.starts_at, v.status,
                    (SELECT group_concat(role, '|') FROM visit_staff s WHERE s.visit_id = v.id AND s.attended = 1)
             FROM visit v JOIN child c ON c.id = v.child_id WHERE c.family_id = ?1 ORDER BY v.starts_at",
        )?;
        collect_facts(stmt.query_map([family_id], fact_row)?)
    }

    /// Children of active families born on or after `born_since`, and their visits by child.
    pub fn active_children(
        &self,
        born_since: NaiveDate,
    ) -> Result<(Vec<ChildPlan>, VisitsByChild)> {
        self.children_planned(born_since, None)
    }

    /// [`Self::active_children`] of one family: what its alerts are made from.
    pub fn active_children_of_family(
        &self,
        born_since: NaiveDate,
        family_id: i64,
    ) -> Result<(Vec<ChildPlan>, VisitsByChild)> {
        self.children_planned(born_since, Some(family_id))
    }

    fn children_planned(
        &self,
        born_since: NaiveDate,
        family: Option<i64>,
    ) -> Result<(Vec<ChildPlan>, VisitsByChild)> {
        let since = date_text(born_since);
        // One family is found by its id; all of them by the children's birth dates.
        let only = if family.is_some() {
            "AND f.id = ?2"
        } else {
            "AND ?2 IS NULL"
        };
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT f.id, f.display_name, f.area, c.id, c.name, c.birth_date, f.programme_id, f.programme_version,
                    f.protection
             FROM child c JOIN family f ON f.id = c.family_id
             WHERE f.status = 'active' AND c.expected = 0 AND c.birth_date >= ?1 {only}
             ORDER BY c.birth_date, c.id",
        ))?;
        let rows = stmt.query_map(params![&since, family], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get::<_, String>(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get::<_, String>(8)?,
            ))
        })?;
        let children = rows
            .map(|row| {
                let (
                    family_id,
                    family_name,
                    area,
                    child_id,
                    child_name,
                    birth,
                    programme_id,
                    programme_version,
                    protection,
                ) = row?;
                Ok(ChildPlan {
                    family_id,
                    family_name,
                    protection: parse_enum(&protection)?,
                    area,
                    child_id,
                    child_name,
                    birth_date: parse_date(&birth)?,
                    programme_id,
                    programme_version,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT v.child_id, v.visit_no, v.starts_at, v.status, NULL FROM visit v
             JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             WHERE f.status = 'active' AND c.birth_date >= ?1 AND v.visit_no IS NOT NULL {only}",
        ))?;
        let facts = collect_facts(stmt.query_map(params![&since, family], fact_row)?)?;
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
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?))
        })?;
        rows.map(|row| {
            let (staff_id, visit_id, start, duration_min) = row?;
            Ok(StaffBooking {
                staff_id,
                visit_id,
                start: parse_datetime(&start)?,
                duration_min,
            })
        })
        .collect()
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
        let only = if family.is_some() {
            "AND f.id = ?2"
        } else {
            "AND ?2 IS NULL"
        };
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT v.id FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             WHERE v.status = 'planned' AND v.starts_at >= ?1 AND f.interpreter_language IS NOT NULL
               AND v.interpreter_staff_id IS NULL AND v.interpreter_external = 0 {only}
             ORDER BY v.starts_at",
        ))?;
        let rows = stmt.query_map(params![datetime_text(from), family], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

impl ReadTx<'_> {
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
        let only = if family.is_some() {
            "AND c.family_id = ?2"
        } else {
            "AND ?2 IS NULL"
        };
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

type FactRow = (i64, Option<u32>, String, String, Option<String>);

fn fact_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FactRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn collect_facts(
    rows: impl Iterator<Item = rusqlite::Result<FactRow>>,
) -> Result<HashMap<i64, Vec<VisitFact>>> {
    let mut by_child: HashMap<i64, Vec<VisitFact>> = HashMap::new();
    for row in rows {
        let (child_id, visit_no, start, status, attended) = row?;
        by_child.entry(child_id).or_default().push(VisitFact {
            visit_no,
            start: parse_datetime(&start)?,
            status: parse_enum(&status)?,
            attended: split_list(attended.as_deref().unwrap_or_default())
                .iter()
                .map(|r| parse_enum(r))
                .collect::<Result<_>>()?,
        });
    }
    Ok(by_child)
}
