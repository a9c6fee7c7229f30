//! A staff member's visits as an iCalendar file: read, written and audited together.

use std::path::Path;

use chrono::NaiveDate;

use super::files::write_private;
use super::{Ctx, OpsError, Refusal, Result};
use crate::db::{Db, ReadTx};
use crate::domain::enums::{AuditAction, AuditEntity, VisitStatus};
use crate::domain::ics::{CalendarEvent, calendar};
use crate::domain::model::{AuditEntry, Staff};
use crate::i18n::Lang;
use crate::i18n::calendar::{calendar_name, event_text};

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarExport {
    pub person: String,
    pub visits: usize,
}

/// A staff member by id, by name, or by a part of the name that only one person's has.
pub fn find_staff(tx: &ReadTx<'_>, who: &str) -> std::result::Result<Staff, OpsError> {
    let who = who.trim();
    if let Ok(id) = who.parse::<i64>()
        && let Some(s) = tx.staff_by_id(id).map_err(OpsError::Read)?
    {
        return Ok(s);
    }
    if let Some(s) = tx.staff_by_name(who).map_err(OpsError::Read)? {
        return Ok(s);
    }
    let typed = crate::domain::search::Query::new(who);
    let matches: Vec<Staff> = tx
        .list_staff()
        .map_err(OpsError::Read)?
        .into_iter()
        .filter(|s| {
            !typed.is_empty() && typed.score(&crate::domain::search::fold(&s.name)).is_some()
        })
        .collect();
    match matches.len() {
        1 => Ok(matches
            .into_iter()
            .next()
            .ok_or(Refusal::NoSuchStaff(who.into()))?),
        0 => Err(Refusal::NoSuchStaff(who.into()).into()),
        _ => Err(Refusal::StaffAmbiguous {
            who: who.into(),
            names: matches.into_iter().map(|s| s.name).collect(),
        }
        .into()),
    }
}

/// Writes `who`'s visits from `from` to `to` (inclusive) to `out`. The visits are read, the
/// audit row written and the file made in one transaction: if the audit row cannot be
/// committed, the file is removed again, so no export goes unrecorded.
pub fn export_staff(
    db: &mut Db,
    ctx: &Ctx,
    lang: Lang,
    who: &str,
    (from, to): (NaiveDate, NaiveDate),
    out: &Path,
) -> Result<CalendarExport> {
    let mut file_made = false;
    let written = db.write(|tx| {
        let person = find_staff(tx, who)?;
        let visits = tx.staff_visits(person.id, from, to)?;
        let catalogue = tx.programme_catalogue()?;
        let events: Vec<CalendarEvent> = visits
            .iter()
            .map(|v| {
                let name = v.visit_no.and_then(|no| {
                    let pv = catalogue
                        .get(&v.programme_id, v.programme_version)?
                        .visit(no)?;
                    Some(match lang {
                        Lang::Sv => pv.name.clone(),
                        Lang::En => pv.name_en.clone(),
                    })
                });
                let text = event_text(v, name.as_deref(), lang);
                CalendarEvent {
                    visit_id: v.visit_id,
                    start: v.start,
                    duration_min: v.duration_min,
                    summary: text.summary,
                    location: text.location,
                    description: text.description,
                    cancelled: matches!(
                        v.status,
                        VisitStatus::CancelledFamily | VisitStatus::CancelledStaff
                    ),
                    updated: v.updated,
                    sequence: 0,
                }
            })
            .collect();
        let instance = tx.instance_id()?;
        tx.insert_audit(&AuditEntry {
            entity_id: Some(person.id),
            detail: Some(format!("{} visits", events.len())),
            ..ctx.audit(AuditAction::ExportCalendar, AuditEntity::Staff, None)
        })?;
        let text = calendar(&calendar_name(&person.name), &instance, &events);
        write_private(out, text.as_bytes()).map_err(|e| OpsError::File(Box::new(e)))?;
        file_made = true;
        Ok(CalendarExport {
            person: person.name,
            visits: events.len(),
        })
    });
    if written.is_err() && file_made {
        // The commit failed after the file was made: an unrecorded export must not remain.
        let _ = std::fs::remove_file(out);
    }
    written
}
