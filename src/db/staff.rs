//! Staff: nurses, parent advisors, therapists, dental staff and interpreters, with working hours.

use chrono::NaiveTime;
use rusqlite::{OptionalExtension, Row, params};

use super::{DbError, ReadTx, Result, WriteTx, join_list, parse_enum, split_list};
use crate::domain::enums::Weekday;
use crate::domain::model::{NewStaff, Staff, WorkHours};

const COLUMNS: &str =
    "id, name, role, organisation, languages, work_days, work_start, work_end, active";

type StaffRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    bool,
);

fn read_row(r: &Row<'_>) -> rusqlite::Result<StaffRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
    ))
}

fn to_staff(row: StaffRow) -> Result<Staff> {
    let (id, name, role, organisation, languages, days, start, end, active) = row;
    let time = |t: &str| {
        NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| DbError::BadValue(format!("time {t:?}")))
    };
    Ok(Staff {
        id,
        name,
        role: parse_enum(&role)?,
        organisation,
        languages: split_list(&languages),
        work_days: split_list(&days)
            .iter()
            .map(|d| parse_enum::<Weekday>(d))
            .collect::<Result<_>>()?,
        work_hours: WorkHours {
            start: time(&start)?,
            end: time(&end)?,
        },
        active,
    })
}

/// Staff are found by name without regard to case, also for Å, Ä and Ö.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl ReadTx<'_> {
    pub fn staff_by_id(&self, id: i64) -> Result<Option<Staff>> {
        let row = self
            .tx
            .prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"))?
            .query_row([id], read_row)
            .optional()?;
        row.map(to_staff).transpose()
    }

    /// A staff member by name, ignoring case.
    pub fn staff_by_name(&self, name: &str) -> Result<Option<Staff>> {
        let row = self
            .tx
            .prepare_cached(&format!("SELECT {COLUMNS} FROM staff WHERE name_key = ?1"))?
            .query_row([name_key(name)], read_row)
            .optional()?;
        row.map(to_staff).transpose()
    }

    /// Every staff member's name by id (for naming people in alerts).
    pub fn staff_names(&self) -> Result<std::collections::HashMap<i64, String>> {
        let mut stmt = self.tx.prepare_cached("SELECT id, name FROM staff")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn list_staff(&self) -> Result<Vec<Staff>> {
        let mut stmt = self
            .tx
            .prepare_cached(&format!("SELECT {COLUMNS} FROM staff ORDER BY name"))?;
        let rows = stmt.query_map([], read_row)?;
        rows.map(|r| to_staff(r?)).collect()
    }
}

impl WriteTx<'_> {
    pub fn insert_staff(&self, staff: &NewStaff) -> Result<i64> {
        self.save_staff(None, staff)
    }

    pub fn update_staff(&self, staff_id: i64, staff: &NewStaff) -> Result<()> {
        self.save_staff(Some(staff_id), staff).map(|_| ())
    }

    /// Adds a staff member (no id) or replaces one's details (with its id); one statement for
    /// both, so the two can never store a field differently.
    fn save_staff(&self, id: Option<i64>, staff: &NewStaff) -> Result<i64> {
        let days: Vec<&str> = staff.work_days.iter().map(|d| d.as_str()).collect();
        let saved: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO staff (id, name, name_key, role, organisation, languages, work_days, work_start,
                    work_end, active)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
                    role = excluded.role, organisation = excluded.organisation, languages = excluded.languages,
                    work_days = excluded.work_days, work_start = excluded.work_start,
                    work_end = excluded.work_end, active = excluded.active
                 RETURNING id",
            )?
            .query_row(
                params![
                    id,
                    staff.name.trim(),
                    name_key(&staff.name),
                    staff.role.as_str(),
                    staff.organisation,
                    join_list(&staff.languages),
                    join_list(&days),
                    staff.work_hours.start.format("%H:%M").to_string(),
                    staff.work_hours.end.format("%H:%M").to_string(),
                    staff.active
                ],
                |r| r.get(0),
            )
            .map_err(|e| {
                if super::is_unique_violation(&e, "staff", "name_key") {
                    DbError::DuplicateStaffName
                } else {
                    DbError::from(e)
                }
            })?;
        Ok(saved)
    }
}
