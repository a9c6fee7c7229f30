//! `hembesok check`: every integrity check, one line each; success only if all hold.

use anyhow::{Result, bail};

use std::path::Path;

use crate::db::check_file;

pub fn run(path: &Path) -> Result<()> {
    if !path.exists() {
        bail!(
            "{}: no such database; check the path, or create one with `hembesok demo` or `hembesok import`",
            path.display()
        );
    }
    let items = check_file(path)?;
    for item in &items {
        println!(
            "{:<18} {:<4} {}",
            item.name,
            if item.ok { "ok" } else { "FAIL" },
            item.detail
        );
    }
    let failed = items.iter().filter(|i| !i.ok).count();
    if failed > 0 {
        bail!(
            "{failed} of {} checks failed; restore from a backup or ask for help before writing more",
            items.len()
        );
    }
    let counts = crate::db::connect(path, crate::db::Mode::Read, None)?.read(|tx| tx.counts())?;
    println!(
        "{} families, {} children, {} staff, {} visits, {} group sessions",
        counts.families, counts.children, counts.staff, counts.visits, counts.sessions
    );
    Ok(())
}
