//! What the register holds, counted, and the database's own id.

use crate::db::{ReadTx, Result};

/// How many rows each part of the register holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub families: i64,
    pub caregivers: i64,
    pub children: i64,
    pub staff: i64,
    pub visits: i64,
    pub groups: i64,
    pub sessions: i64,
    pub attendance: i64,
    pub audit: i64,
}

impl ReadTx<'_> {
    /// This database's own id, random at creation (for export identifiers).
    pub fn instance_id(&self) -> Result<String> {
        Ok(self
            .tx
            .prepare_cached("SELECT value FROM meta WHERE key = 'instance'")?
            .query_row([], |r| r.get(0))?)
    }

    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<i64> {
            Ok(self
                .tx
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            families: n("family")?,
            caregivers: n("caregiver")?,
            children: n("child")?,
            staff: n("staff")?,
            visits: n("visit")?,
            groups: n("parent_group")?,
            sessions: n("group_session")?,
            attendance: n("attendance")?,
            audit: n("audit")?,
        })
    }
}
