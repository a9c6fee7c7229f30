//! `hembesok check`: every integrity check, one line each; success only if all hold.

use super::out;
use anyhow::Result;

use std::path::Path;

use crate::db::{CheckItem, LATEST_VERSION, check_file};
use crate::i18n::Lang;
use crate::i18n::cli::{CheckDetail, CommandError, check_counts, check_line};

/// What a check found, read from the store's report: the details it words itself are
/// recognised here, so that they can be said in either language; anything else is quoted.
fn detail(item: &CheckItem) -> CheckDetail {
    let text = item.detail.as_str();
    if text == "ok" {
        return CheckDetail::Ok;
    }
    if item.name == "schema_version"
        && let Some(found) = text.split_whitespace().next().and_then(|n| n.parse().ok())
    {
        return CheckDetail::SchemaVersion {
            found,
            supported: LATEST_VERSION,
        };
    }
    if item.name == "foreign_key_check"
        && let Some((count, example)) = text.split_once(" broken references, e.g. ")
        && let Ok(count) = count.parse()
    {
        return CheckDetail::BrokenReferences {
            count,
            example: example.to_string(),
        };
    }
    if item.name == "audit_chain"
        && let Some(id) = text
            .strip_prefix("broken at row ")
            .and_then(|n| n.parse().ok())
    {
        return CheckDetail::ChainBrokenAt(id);
    }
    if item.name == "audit_triggers"
        && let Some(names) = text.strip_prefix("missing: ")
    {
        return CheckDetail::TriggersMissing(names.to_string());
    }
    CheckDetail::Quoted(text.to_string())
}

pub fn run(path: &Path, key: Option<&crate::db::Key>, lang: Lang) -> Result<()> {
    if !path.exists() {
        return Err(CommandError::NoSuchDatabase {
            path: path.to_path_buf(),
        }
        .into());
    }
    let (items, counts) = check_file(path, key)?;
    // A newer schema is not damage: the file was made by a newer hembesok.
    if let Some(found) = items
        .iter()
        .find(|i| i.name == "schema_version")
        .and_then(|i| i.detail.split_whitespace().next()?.parse::<i64>().ok())
        .filter(|found| *found > LATEST_VERSION)
    {
        return Err(crate::db::DbError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: LATEST_VERSION,
        }
        .into());
    }
    for item in &items {
        out::say(check_line(item.name, item.ok, &detail(item), lang))?;
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
        out::say(check_counts(&counts, lang))?;
    }
    Ok(())
}
