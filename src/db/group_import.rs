//! What the groups and attendance imports look up: a series by its name, and its session on a day.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::{ReadTx, Result, date_text};

impl ReadTx<'_> {
    /// The series with this name (names are unique, case aside).
    pub fn group_id_by_name(&self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM parent_group WHERE name = ?1 COLLATE NOCASE")?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }

    /// The ids of a series' sessions on `date`, in time order (a series meets once a week, so
    /// more than one is a series the file cannot tell apart by date).
    pub fn group_sessions_on(&self, group_id: i64, date: NaiveDate) -> Result<Vec<i64>> {
        let next = date + chrono::Days::new(1);
        let mut stmt = self.tx.prepare_cached(
            "SELECT id FROM group_session WHERE group_id = ?1 AND starts_at >= ?2 AND starts_at < ?3
             ORDER BY starts_at, id",
        )?;
        let ids = stmt
            .query_map(params![group_id, date_text(date), date_text(next)], |r| {
                r.get(0)
            })?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }
}
