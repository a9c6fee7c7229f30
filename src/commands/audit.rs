//! `hembesok audit`: who saw or changed what, when; for one family, its extract (with a header
//! saying whose, for which period, who ran it and when); with `--head`, the chain's head.

use super::out;
use crate::error::Result;
use chrono::NaiveDate;

use crate::cli::{AuditArgs, Cli};
use crate::db::{ChainState, Mode};
use crate::domain::model::AuditEntry;
use crate::i18n::messages::cli::{
    CommandError, Done, audit_empty, audit_subject, chain_warning, extract_header, extract_visit,
    extract_visits_heading,
};
use crate::session::Session;

pub fn run(cli: &Cli, args: &AuditArgs, session: &Session) -> Result<()> {
    let since = args
        .since
        .as_deref()
        .map(|t| {
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| CommandError::NotADate {
                flag: "--since",
                text: t.to_string(),
            })
        })
        .transpose()?;
    // Reading the log only reads: it works on a read-only disk too. A family's extract is
    // itself a look at the family, and is written to the log before it is shown.
    let mode = if args.family.is_some() {
        Mode::Write
    } else {
        Mode::Read
    };
    let mut db = if mode == Mode::Write {
        super::checked_db(cli, mode, session)?
    } else {
        super::open_db(cli, mode, session)?
    };
    if args.head {
        match db.read(|tx| tx.chain_head())? {
            Some(head) => out::say(head.to_string())?,
            None => out::say(audit_empty(session.lang))?,
        }
        return Ok(());
    }
    let state = db.read(|tx| tx.chain_state())?;
    if let Some(warning) = chain_warning(&state, session.lang) {
        eprintln!("{warning}");
    }
    let family = match &args.family {
        Some(r) => Some(
            db.read(|tx| tx.family_id_by_ref(r.trim()))?
                .ok_or_else(|| CommandError::NoSuchFamily {
                    family_ref: r.trim().to_string(),
                })?,
        ),
        None => None,
    };
    if let (Some(id), Some(family_ref)) = (family, &args.family) {
        crate::ops::maintenance::record_extract(&mut db, &session.ctx(), id)
            .map_err(CommandError::Op)?;
        out::say(extract_header(
            crate::domain::text::clean(family_ref.trim()).as_ref(),
            since,
            &session.actor,
            session.now(),
            session.lang,
        ))?;
        // The family's visits, each with who of the family took part, in the reader's language.
        let visits = db.read(|tx| tx.extract_visits(id))?;
        if !visits.is_empty() {
            out::say(extract_visits_heading(session.lang))?;
            for v in &visits {
                out::say(format!("  {}", extract_visit(v, session.lang)))?;
            }
            out::say(String::new())?;
        }
    }
    let since = since.and_then(|d| d.and_hms_opt(0, 0, 0));
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
        let what = audit_subject(e.entity, e.entity_id, family_ref, session.lang);
        let detail = e.detail.as_ref().map_or(String::new(), |d| {
            // A status change is kept as codes and said in words: from what to what, when.
            let moved = (e.action == crate::domain::enums::AuditAction::Status)
                .then(|| crate::domain::status_dates::StatusMove::parse(d))
                .flatten();
            match moved {
                Some(m) => format!(
                    "  ({})",
                    crate::i18n::labels::status_move(&m).get(session.lang)
                ),
                None => format!("  ({d})"),
            }
        });
        // What a file brought in (a reference, a name) never drives the reader's terminal.
        let line = format!(
            "{}  {:<16}  {:<16}  {what}{detail}",
            e.at.format("%Y-%m-%d %H:%M:%S"),
            e.actor,
            crate::i18n::labels::audit_action(e.action).get(session.lang)
        );
        out::say(crate::domain::text::clean(&line))?;
        shown += 1;
    }
    if shown == 0 {
        out::say(audit_empty(session.lang))?;
    }
    // The whole log ends with its head, to keep elsewhere; a family's extract does not.
    if let (
        None,
        ChainState::Whole {
            head: Some(head), ..
        },
    ) = (family, state)
    {
        out::say(Done::ChainHead(head).render(session.lang))?;
    }
    Ok(())
}
