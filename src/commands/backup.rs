//! `hembesok backup PATH`: a verified, private copy made by SQLite, never a copy of the live file.

use anyhow::{Context, Result};

use super::Invocation;
use crate::cli::BackupArgs;
use crate::db::Db;

pub fn run(db: &mut Db, args: &BackupArgs, ctx: &Invocation) -> Result<()> {
    db.backup(&args.path, args.force)
        .context("backup not written")?;
    db.write(|tx| tx.insert_audit(&ctx.audit("backup", "database", None)))?;
    println!("backup written and verified: {}", args.path.display());
    Ok(())
}
