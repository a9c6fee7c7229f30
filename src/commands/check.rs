//! `hembesok check`: every integrity check, one line each; success only if all hold. With
//! `--head`, also whether the audit log still passes through a head kept elsewhere; with
//! `--repair`, damaged indexes are rebuilt.

use super::out;
use anyhow::Result;

use std::path::Path;

use super::Invocation;
use crate::cli::CheckArgs;
use crate::db::{CheckDetail, CheckName, HeadQuery, LATEST_VERSION, Repair, check_file};
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::i18n::cli::{CommandError, Done, check_counts, check_line};

pub fn run(
    path: &Path,
    key: Option<&crate::db::Key>,
    args: &CheckArgs,
    inv: &Invocation,
) -> Result<()> {
    if !path.exists() {
        return Err(CommandError::NoSuchDatabase {
            path: path.to_path_buf(),
        }
        .into());
    }
    let head: Option<HeadQuery> = args
        .head
        .as_deref()
        .map(|text| {
            text.parse().map_err(|()| CommandError::NotAHead {
                text: text.to_string(),
            })
        })
        .transpose()?;
    if args.repair {
        repair(path, key, inv)?;
    }
    let (items, counts) = check_file(path, key, head.as_ref())?;
    // A newer schema is not damage: the file was made by a newer hembesok.
    if let Some(CheckDetail::SchemaVersion { found, .. }) = items
        .iter()
        .find(|i| i.name == CheckName::SchemaVersion)
        .map(|i| &i.detail)
        .filter(|_| true)
        && *found > LATEST_VERSION
    {
        return Err(crate::db::DbError::TooNew {
            path: path.to_path_buf(),
            found: *found,
            supported: LATEST_VERSION,
        }
        .into());
    }
    for item in &items {
        out::say(check_line(item, inv.lang))?;
    }
    let failed = items.iter().filter(|i| !i.ok).count();
    if failed > 0 {
        return Err(CommandError::ChecksFailed {
            failed,
            total: items.len(),
        }
        .into());
    }
    if let Some(counts) = counts {
        out::say(check_counts(&counts, inv.lang))?;
    }
    Ok(())
}

/// Rebuilds damaged indexes, in one audited write, where that is all the damage.
fn repair(path: &Path, key: Option<&crate::db::Key>, inv: &Invocation) -> Result<()> {
    let mut db = crate::db::connect(path, crate::db::Mode::Write, key)
        .map_err(CommandError::CannotOpenDatabase)?;
    let audit = inv.audit(
        AuditAction::Repair,
        AuditEntity::Database,
        Some("indexes rebuilt".into()),
    );
    match db.repair_indexes(&audit)? {
        Repair::NothingToRepair => Ok(out::say(Done::NothingToRepair.render(inv.lang))?),
        Repair::IndexesRebuilt => Ok(out::say(Done::IndexesRebuilt.render(inv.lang))?),
        Repair::NotRepairable => Err(CommandError::NotRepairable.into()),
    }
}
