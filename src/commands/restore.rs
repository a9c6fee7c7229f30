//! `hembesok restore PATH`: put a verified backup back, keeping what was there as a safety copy.

use std::path::Path;

use anyhow::{Context, Result};

use super::Invocation;
use crate::cli::RestoreArgs;
use crate::db::InstanceLock;

pub fn run(db_path: &Path, args: &RestoreArgs, inv: &Invocation) -> Result<()> {
    // Nobody may have the database open in the app while it is replaced.
    let _lock = InstanceLock::acquire(db_path)?;
    let mut db = crate::db::connect(db_path, crate::db::Mode::Write, None)
        .context("cannot open the database")?;
    let name = db_path
        .file_stem()
        .map_or_else(|| "hembesok".into(), |s| s.to_string_lossy().to_string());
    let safety = db_path.with_file_name(format!(
        "{name}.before-restore-{}.sqlite",
        inv.now.format("%Y%m%d-%H%M%S")
    ));
    db.restore_from(&args.path, &safety)
        .context("nothing was restored")?;
    db.write(|tx| {
        tx.insert_audit(&inv.audit(
            "restore",
            "database",
            Some("from a backup; safety copy kept".into()),
        ))
    })?;
    let counts = db.read(|tx| tx.counts())?;
    println!(
        "restored {} families and {} visits from {}; what was there before is saved in {}",
        counts.families,
        counts.visits,
        args.path.display(),
        safety.display()
    );
    Ok(())
}
