//! `hembesok check`: every integrity check, one line each; success only if all hold. With
//! `--head`, also whether the audit log still passes through a head kept elsewhere; with
//! `--repair`, damaged indexes are rebuilt.

use super::out;
use crate::error::Result;

use crate::cli::{CheckArgs, Cli};
use crate::db::{CheckDetail, CheckName, HeadQuery, LATEST_VERSION, Repair, check_file};
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::i18n::messages::cli::{CommandError, Done, check_counts, check_line};
use crate::session::Session;

pub fn run(cli: &Cli, args: &CheckArgs, session: &Session) -> Result<()> {
    let path = &super::db_path(cli)?;
    if !path.exists() {
        return Err(CommandError::NoSuchDatabase { path: path.clone() }.into());
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
    let audit = session.ctx().audit_note(
        AuditAction::Repair,
        AuditEntity::Database,
        Some("indexes rebuilt".into()),
    );
    let ((repaired, (items, counts)), _) = super::with_key(cli, path, session, |key| {
        let repaired = if args.repair {
            let mut db = crate::db::connect(path, crate::db::Mode::Write, key)?;
            Some(db.repair_indexes(&audit)?)
        } else {
            None
        };
        Ok((repaired, check_file(path, key, head.as_ref())?))
    })?;
    match repaired {
        Some(Repair::NothingToRepair) => out::say(Done::NothingToRepair.render(session.lang))?,
        Some(Repair::IndexesRebuilt) => out::say(Done::IndexesRebuilt.render(session.lang))?,
        Some(Repair::NotRepairable) => return Err(CommandError::NotRepairable.into()),
        None => {}
    }
    // A newer schema is not damage: the file was made by a newer hembesok.
    if let Some(CheckDetail::SchemaVersion { found, .. }) = items
        .iter()
        .find(|i| i.name == CheckName::SchemaVersion)
        .map(|i| &i.detail)
        .filter(|_| true)
        && *found > LATEST_VERSION
    {
        return Err(crate::db::DbError::TooNew {
            path: path.clone(),
            found: *found,
            supported: LATEST_VERSION,
        }
        .into());
    }
    for item in &items {
        out::say(check_line(item, session.lang))?;
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
        out::say(check_counts(&counts, session.lang))?;
    }
    Ok(())
}
