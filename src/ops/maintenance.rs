//! Keeping the register: backups, and the family's extract of who looked at its record.

use std::path::Path;

use super::files::{FileError, Staged, remove_leftovers};
use super::{Ctx, OpsError, Result};
use crate::db::{ChainState, Db, Head};
use crate::domain::enums::{AuditAction, AuditEntity};

/// What a backup wrote: the copy's audit chain head, and how its log fails its check, when it
/// does (a backup of a damaged log is made all the same: it is the evidence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub head: Option<Head>,
    pub log_broken: Option<ChainState>,
}

/// A verified private copy at `target`, and its audit row: both or neither, and the file that
/// was at `target` stays until the row is committed. The copy is made by SQLite outside any
/// transaction (as `VACUUM INTO` must be); it is put in place inside the transaction that
/// writes its row, and taken back if that transaction does not commit. Copies left by a backup
/// that was killed are removed first.
pub fn backup(db: &mut Db, ctx: &Ctx, target: &Path, overwrite: bool) -> Result<Backup> {
    remove_leftovers(target);
    let copy = db
        .copy_for_backup(target, overwrite)
        .map_err(OpsError::Save)?;
    let mut staged = Staged::adopt(target, &copy.temp);
    let absolute = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    let detail = match &copy.head {
        Some(head) => format!("to {}; head {head}", absolute.display()),
        None => format!("to {}", absolute.display()),
    };
    db.write(|tx| {
        tx.insert_audit(&ctx.audit_note(AuditAction::Backup, AuditEntity::Database, Some(detail)))?;
        staged.put_in_place().map_err(file_error)
    })?;
    staged.keep();
    Ok(Backup {
        head: copy.head,
        log_broken: copy.log_broken,
    })
}

fn file_error(e: FileError) -> OpsError {
    OpsError::File(Box::new(e))
}

/// Replaces the register with a verified backup (what was there is saved to `safety_copy`
/// first), then logs the restore: the counts of what the register now holds.
pub fn restore(
    db: &mut Db,
    ctx: &Ctx,
    source: &Path,
    safety_copy: &Path,
) -> Result<crate::db::Counts> {
    db.restore_from(source, safety_copy)
        .map_err(OpsError::Save)?;
    db.write(|tx| {
        tx.insert_audit(&ctx.audit_note(
            AuditAction::Restore,
            AuditEntity::Database,
            Some("from a backup; safety copy kept".into()),
        ))?;
        Ok(tx.counts()?)
    })
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
