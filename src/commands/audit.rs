//! `hembesok audit`: who saw or changed what, when; for one family, its extract.

use super::out;
use anyhow::Result;
use chrono::NaiveDate;

use super::Invocation;
use crate::cli::AuditArgs;
use crate::db::Db;
use crate::domain::model::AuditEntry;
use crate::i18n::cli::{CommandError, audit_empty, audit_subject};

pub fn run(db: &mut Db, args: &AuditArgs, inv: &Invocation) -> Result<()> {
    let since = args
        .since
        .as_deref()
        .map(|t| {
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| CommandError::NotADate {
                flag: "--since",
                text: t.to_string(),
            })
        })
        .transpose()?
        .and_then(|d| d.and_hms_opt(0, 0, 0));
    let family = match &args.family {
        Some(r) => Some(
            db.read(|tx| tx.family_id_by_ref(r.trim()))?
                .ok_or_else(|| CommandError::NoSuchFamily {
                    family_ref: r.trim().to_string(),
                })?,
        ),
        None => None,
    };
    let (entries, refs) =
        db.read(|tx| Ok::<_, crate::db::DbError>((tx.list_audit(since)?, tx.family_refs()?)))?;
    let about_family = |e: &AuditEntry| {
        family.is_none_or(|id| {
            e.entity == crate::domain::enums::AuditEntity::Family && e.entity_id == Some(id)
        })
    };
    let mut shown = 0;
    for e in entries.iter().filter(|e| about_family(e)) {
        let family_ref = e.entity_id.and_then(|id| refs.get(&id)).map(String::as_str);
        let what = audit_subject(e.entity, e.entity_id, family_ref, inv.lang);
        let detail = e
            .detail
            .as_ref()
            .map_or(String::new(), |d| format!("  ({d})"));
        // What a file brought in (a reference, a name) never drives the reader's terminal.
        let line = format!(
            "{}  {:<16}  {:<16}  {what}{detail}",
            e.at.format("%Y-%m-%d %H:%M:%S"),
            e.actor,
            crate::i18n::labels::audit_action(e.action).get(inv.lang)
        );
        out::say(crate::domain::text::clean(&line))?;
        shown += 1;
    }
    if shown == 0 {
        out::say(audit_empty(inv.lang))?;
    }
    // Reading a family's extract is itself a look at that family.
    if let Some(id) = family {
        crate::ops::maintenance::record_extract(db, &inv.ctx(), id).map_err(CommandError::Op)?;
    }
    Ok(())
}
