//! Writes of staff: a new staff member, or one's details replaced.

use rusqlite::params;

use super::rows::name_key;
use crate::db::error::is_unique_violation;
use crate::db::values::{join_codes, join_list};
use crate::db::{DbError, Result, WriteTx};
use crate::domain::enums::Weekday;
use crate::domain::model::NewStaff;
use crate::domain::staff_list::search_text;

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
        let saved: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO staff (id, name, name_key, role, organisation, languages, work_days, work_start,
                    work_end, active, search_text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key,
                    role = excluded.role, organisation = excluded.organisation, languages = excluded.languages,
                    work_days = excluded.work_days, work_start = excluded.work_start,
                    work_end = excluded.work_end, active = excluded.active,
                    search_text = excluded.search_text
                 RETURNING id",
            )?
            .query_row(
                params![
                    id,
                    staff.name.trim(),
                    name_key(&staff.name),
                    staff.role,
                    staff.organisation,
                    join_list(&staff.languages),
                    join_codes(&staff.work_days, Weekday::as_str),
                    staff.work_hours.start.format("%H:%M").to_string(),
                    staff.work_hours.end.format("%H:%M").to_string(),
                    staff.active,
                    search_text(staff)
                ],
                |r| r.get(0),
            )
            .map_err(|e| {
                if is_unique_violation(&e, "staff", "name_key") {
                    DbError::DuplicateStaffName
                } else {
                    DbError::from(e)
                }
            })?;
        Ok(saved)
    }
}

/// Writes every person's search text (the step of schema 18, for the people stored before it),
/// as every save writes it.
pub(crate) fn fill_search_text(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let people: Vec<crate::domain::model::Staff> = tx
        .prepare(&format!("SELECT {} FROM staff", super::rows::COLUMNS))?
        .query_map([], super::rows::staff)?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE staff SET search_text = ?2 WHERE id = ?1")?;
    for s in people {
        update.execute(params![s.id, search_text(&s)])?;
    }
    Ok(())
}
