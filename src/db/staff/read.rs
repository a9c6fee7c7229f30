//! Reads of staff: one by id or by name, every name, the list.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::rows::{self, name_key};
use crate::db::{ReadTx, Result};
use crate::domain::model::Staff;

impl ReadTx<'_> {
    pub fn staff_by_id(&self, id: i64) -> Result<Option<Staff>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {} FROM staff WHERE id = ?1",
                rows::COLUMNS
            ))?
            .query_row([id], rows::staff)
            .optional()?)
    }

    /// A staff member by name, ignoring case.
    pub fn staff_by_name(&self, name: &str) -> Result<Option<Staff>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {} FROM staff WHERE name_key = ?1",
                rows::COLUMNS
            ))?
            .query_row([name_key(name)], rows::staff)
            .optional()?)
    }

    /// Every staff member's name by id (for naming people in alerts).
    pub fn staff_names(&self) -> Result<HashMap<i64, String>> {
        let mut stmt = self.tx.prepare_cached("SELECT id, name FROM staff")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub fn list_staff(&self) -> Result<Vec<Staff>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM staff ORDER BY name",
            rows::COLUMNS
        ))?;
        let rows = stmt.query_map([], rows::staff)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
