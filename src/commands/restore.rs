//! `hembesok restore PATH`: put a verified backup back, keeping what was there as a safety copy.

use super::out;
use std::path::Path;

use anyhow::Result;

use super::Invocation;
use crate::cli::RestoreArgs;
use crate::db::InstanceLock;
use crate::i18n::cli::{CommandError, Done};

pub fn run(
    db_path: &Path,
    key: Option<&crate::db::Key>,
    args: &RestoreArgs,
    inv: &Invocation,
) -> Result<()> {
    // Nobody may have the database open, in a window or a command, while it is replaced.
    let _lock = InstanceLock::exclusive(db_path)?;
    let mut db = crate::db::connect(db_path, crate::db::Mode::Write, key)
        .map_err(CommandError::CannotOpenDatabase)?;
    let name = db_path
        .file_stem()
        .map_or_else(|| "hembesok".into(), |s| s.to_string_lossy().to_string());
    let safety = db_path.with_file_name(format!(
        "{name}.before-restore-{}.sqlite",
        inv.now.format("%Y%m%d-%H%M%S")
    ));
    db.restore_from(&args.path, &safety)
        .map_err(CommandError::NothingRestored)?;
    db.write(|tx| {
        tx.insert_audit(&inv.audit(
            crate::domain::enums::AuditAction::Restore,
            crate::domain::enums::AuditEntity::Database,
            Some("from a backup; safety copy kept".into()),
        ))
    })?;
    let counts = db.read(|tx| tx.counts())?;
    let done = Done::Restored {
        families: counts.families,
        visits: counts.visits,
        from: args.path.clone(),
        safety,
    };
    out::say(done.render(inv.lang))?;
    Ok(())
}
