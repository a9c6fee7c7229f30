//! Keeping the register: backups, and the family's extract of who looked at its record.

use std::path::Path;

use super::{Ctx, OpsError, Result};
use crate::db::Db;
use crate::domain::enums::{AuditAction, AuditEntity};

/// A verified private copy at `target`, and its audit row: both or neither. The copy is made
/// by SQLite outside any transaction (as `VACUUM INTO` must be), so when the audit row then
/// cannot be written, the copy is removed again: no backup goes unrecorded.
pub fn backup(db: &mut Db, ctx: &Ctx, target: &Path, overwrite: bool) -> Result<()> {
    db.backup(target, overwrite).map_err(OpsError::Save)?;
    let logged = db.write(|tx| {
        tx.insert_audit(&ctx.audit(AuditAction::Backup, AuditEntity::Database, None))
            .map_err(OpsError::Save)
    });
    if logged.is_err() {
        let _ = std::fs::remove_file(target);
    }
    logged
}

/// Reading a family's extract of the log is itself a look at that family, logged as such.
pub fn record_extract(db: &mut Db, ctx: &Ctx, family_id: i64) -> Result<()> {
    db.write(|tx| {
        Ok(tx.insert_audit(&ctx.audit(
            AuditAction::AuditExtract,
            AuditEntity::Family,
            Some(family_id),
        ))?)
    })
}
