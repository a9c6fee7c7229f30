//! `hembesok audit`: who saw or changed what, when; for one family, its extract.

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use super::Invocation;
use crate::cli::AuditArgs;
use crate::db::Db;
use crate::domain::model::AuditEntry;

pub fn run(db: &mut Db, args: &AuditArgs, inv: &Invocation) -> Result<()> {
    let since = args
        .since
        .as_deref()
        .map(|t| {
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
                .map_err(|_| anyhow!("--since \"{t}\" is not a date; write YYYY-MM-DD"))
        })
        .transpose()?
        .and_then(|d| d.and_hms_opt(0, 0, 0));
    let family = match &args.family {
        Some(r) => Some(
            db.read(|tx| tx.family_id_by_ref(r.trim()))?
                .ok_or_else(|| anyhow!("no family with reference \"{}\"", r.trim()))?,
        ),
        None => None,
    };
    let (entries, refs) =
        db.read(|tx| Ok::<_, crate::db::DbError>((tx.list_audit(since)?, tx.family_refs()?)))?;
    let about_family =
        |e: &AuditEntry| family.is_none_or(|id| e.entity == "family" && e.entity_id == Some(id));
    let mut shown = 0;
    for e in entries.iter().filter(|e| about_family(e)) {
        let what = match (e.entity.as_str(), e.entity_id) {
            ("family", Some(id)) => format!(
                "family {}",
                refs.get(&id).map_or_else(|| format!("#{id}"), Clone::clone)
            ),
            (entity, Some(id)) => format!("{entity} #{id}"),
            (entity, None) => entity.to_string(),
        };
        let detail = e
            .detail
            .as_ref()
            .map_or(String::new(), |d| format!("  ({d})"));
        println!(
            "{}  {:<16}  {:<16}  {what}{detail}",
            e.at.format("%Y-%m-%d %H:%M:%S"),
            e.actor,
            e.action
        );
        shown += 1;
    }
    if shown == 0 {
        println!("no entries");
    }
    // Reading a family's extract is itself a look at that family.
    if let Some(id) = family {
        db.write(|tx| {
            tx.insert_audit(&AuditEntry {
                entity_id: Some(id),
                ..inv.audit("audit_extract", "family", None)
            })
        })?;
    }
    Ok(())
}
