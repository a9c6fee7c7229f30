//! Rows of `audit` as domain values.

use rusqlite::Row;

use crate::db::values::Columns;
use crate::domain::model::AuditEntry;

/// The columns [`entry`] reads, from `audit`.
pub(super) const ENTRY: &str = "at, actor, action, entity, entity_id, detail";

pub(super) fn entry(r: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        at: r.stamp(0)?,
        actor: r.get(1)?,
        action: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        detail: r.get(5)?,
    })
}
