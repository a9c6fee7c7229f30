//! The one write of the audit log: a row appended, chained to the one before it.

use rusqlite::params;

use super::chain::{ChainRow, last_link};
use crate::db::values::stamp_text;
use crate::db::{Result, WriteTx};
use crate::domain::model::AuditEntry;

impl WriteTx<'_> {
    /// Appends a row to the log, chained to the one before it: its hash covers that row's hash
    /// and its own content, so no row can be changed, removed or slipped in unseen.
    pub fn insert_audit(&self, entry: &AuditEntry) -> Result<()> {
        let (last_id, prev) = last_link(&self.tx)?;
        let row = ChainRow {
            id: last_id + 1,
            at: stamp_text(entry.at),
            actor: entry.actor.clone(),
            action: entry.action.as_str().to_string(),
            entity: entry.entity.as_str().to_string(),
            entity_id: entry.entity_id,
            detail: entry.detail.clone(),
        };
        let hash = row.hash(&prev);
        self.tx
            .prepare_cached(
                "INSERT INTO audit (id, at, actor, action, entity, entity_id, detail, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                row.id,
                row.at,
                row.actor,
                row.action,
                row.entity,
                row.entity_id,
                row.detail,
                prev,
                hash
            ])?;
        Ok(())
    }
}
