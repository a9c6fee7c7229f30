//! `hembesok backup PATH`: a verified, private copy made by SQLite, never a copy of the live file.

use anyhow::Result;

use super::Invocation;
use crate::cli::BackupArgs;
use crate::db::Db;
use crate::i18n::cli::{CommandError, Done};

pub fn run(db: &mut Db, args: &BackupArgs, ctx: &Invocation) -> Result<()> {
    db.backup(&args.path, args.force)
        .map_err(CommandError::BackupNotWritten)?;
    db.write(|tx| {
        tx.insert_audit(&ctx.audit(
            crate::domain::enums::AuditAction::Backup,
            crate::domain::enums::AuditEntity::Database,
            None,
        ))
    })?;
    let done = Done::Backup {
        path: args.path.clone(),
    };
    println!("{}", done.render(ctx.lang));
    Ok(())
}
