//! A staff member's visits as an iCalendar file, or a folder of them for everyone active: read,
//! compared with what each calendar was sent before, written and audited together.

mod folder;
mod sync;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::files::Staged;
use super::{Ctx, OpsError, Refusal, Result};
use crate::db::{Db, ReadTx};
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::domain::ics::{CalendarEvent, SentEvent, Standing, SyncCounts, calendar, file_names};
use crate::domain::model::{AuditEntry, Staff};
use crate::i18n::Lang;
use crate::i18n::calendar::calendar_name;
use sync::{Export, session_event, visit_event};

/// What an export of one person's calendar wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarExport {
    pub person: String,
    pub counts: SyncCounts,
    /// The audit chain's head as the export was made, recorded with it.
    pub head: Option<crate::db::Head>,
}

/// One person's file in a folder export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCalendar {
    pub person: String,
    pub path: PathBuf,
    pub counts: SyncCounts,
    /// False when the file already held these bytes and was left as it was.
    pub written: bool,
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
            names: matches.into_iter().map(|s| s.data.name).collect(),
        }
        .into()),
    }
}

/// Cancellations are owed for visits from this day on: the first day exported, or today if
/// that is earlier. Visits before both are over and outside the export; calendars keep them.
fn floor(ctx: &Ctx, from: NaiveDate) -> NaiveDate {
    from.min(ctx.today())
}

/// Writes `who`'s visits from `from` to `to` (inclusive) to `out`, with a raised sequence for
/// what changed since their last export and a cancellation for what no longer concerns them.
/// The visits are read, what was sent remembered, the audit row written and the file made in
/// one transaction: if it cannot be committed, the file is removed again, so no export goes
/// unrecorded.
pub fn export_staff(
    db: &mut Db,
    ctx: &Ctx,
    lang: Lang,
    who: &str,
    (from, to): (NaiveDate, NaiveDate),
    out: &Path,
) -> Result<CalendarExport> {
    super::files::remove_leftovers(out);
    let mut staged: Option<Staged> = None;
    let written = db.write(|tx| {
        let person = find_staff(tx, who)?;
        let catalogue = tx.programme_catalogue()?;
        let mut events: Vec<CalendarEvent> = tx
            .calendar_visits(from, to, Some(person.id))?
            .iter()
            .map(|(v, _)| visit_event(v, &catalogue, lang))
            .collect();
        events.extend(
            tx.calendar_sessions(from, to, Some(person.id))?
                .iter()
                .map(|s| session_event(s, lang, ctx.now)),
        );
        events.sort_by_key(|e| (e.start, e.kind, e.id));
        let mut stale: Vec<(SentEvent, Standing)> = tx
            .sent_visits_standing(floor(ctx, from), Some(person.id))?
            .into_iter()
            .map(|(_, sent, standing)| (sent, standing))
            .collect();
        stale.extend(
            tx.sent_sessions_standing(floor(ctx, from), Some(person.id))?
                .into_iter()
                .map(|(_, sent, standing)| (sent, standing)),
        );
        let instance = tx.instance_id()?;
        let export = Export {
            days: (from, to),
            instance: &instance,
            now: ctx.now,
            lang,
        };
        let current: Vec<&CalendarEvent> = events.iter().collect();
        let plan = export.plan(tx, person.id, &current, &stale)?;
        for record in &plan.records {
            tx.record_sent(person.id, record)?;
        }
        let head = tx.chain_head()?;
        tx.insert_audit(&AuditEntry {
            entity_id: Some(person.id),
            detail: Some(with_head(detail(plan.counts), head.as_ref())),
            ..ctx.audit(AuditAction::ExportCalendar, AuditEntity::Staff, None)
        })?;
        let text = calendar(&calendar_name(&person.name), &instance, &plan.events);
        let file_error = |e| OpsError::File(Box::new(e));
        let mut file = Staged::write(out, text.as_bytes()).map_err(file_error)?;
        file.put_in_place().map_err(file_error)?;
        staged = Some(file);
        Ok(CalendarExport {
            person: person.data.name,
            counts: plan.counts,
            head,
        })
    });
    // Committed: the new file stays. Otherwise dropping it puts the old one back.
    if written.is_ok()
        && let Some(file) = staged
    {
        file.keep();
    }
    written
}

/// One person's calendar written into `dir` under the name the folder export gives them
/// (`Förnamn-Efternamn.ics`), so both exports keep one file per person; the path and what it
/// holds.
pub fn export_staff_into(
    db: &mut Db,
    ctx: &Ctx,
    lang: Lang,
    staff_id: i64,
    days: (NaiveDate, NaiveDate),
    dir: &Path,
) -> Result<(PathBuf, CalendarExport)> {
    let names = db.read(|tx| {
        let staff = tx.list_staff().map_err(OpsError::Read)?;
        Ok::<_, OpsError>(file_names(
            &staff
                .iter()
                .map(|s| (s.id, s.name.as_str()))
                .collect::<Vec<_>>(),
        ))
    })?;
    let name = names
        .get(&staff_id)
        .cloned()
        .ok_or_else(|| Refusal::NoSuchStaff(staff_id.to_string()))?;
    let out = dir.join(name);
    let export = export_staff(db, ctx, lang, &staff_id.to_string(), days, &out)?;
    Ok((out, export))
}

/// The note with the audit chain's head as the export was made.
fn with_head(note: String, head: Option<&crate::db::Head>) -> String {
    match head {
        Some(head) => format!("{note}; head {head}"),
        None => note,
    }
}

/// The audit row's note: counts only, never names.
fn detail(c: SyncCounts) -> String {
    format!(
        "{} visits: {} new, {} changed, {} cancelled",
        c.events(),
        c.new,
        c.changed,
        c.cancelled
    )
}

/// Writes the calendar of every active staff member into `dir`, one `Förnamn-Efternamn.ics`
/// each (see `ics::file_names`), in one transaction with one audit row; a file whose bytes
/// did not change is left as it is. If the transaction cannot be committed, the files written
/// are removed again.
pub fn export_all(
    db: &mut Db,
    ctx: &Ctx,
    lang: Lang,
    (from, to): (NaiveDate, NaiveDate),
    dir: &Path,
) -> Result<Vec<PersonCalendar>> {
    folder::ensure_folder(dir).map_err(|e| OpsError::File(Box::new(e)))?;
    let mut staged = Vec::new();
    let result = db.write(|tx| {
        let staff = tx.list_staff()?;
        let names = file_names(
            &staff
                .iter()
                .map(|s| (s.id, s.name.as_str()))
                .collect::<Vec<_>>(),
        );
        let catalogue = tx.programme_catalogue()?;
        let visits = tx.calendar_visits(from, to, None)?;
        let events: Vec<CalendarEvent> = visits
            .iter()
            .map(|(v, _)| visit_event(v, &catalogue, lang))
            .collect();
        let mut by_person: HashMap<i64, Vec<&CalendarEvent>> = HashMap::new();
        for ((visit, interpreter), event) in visits.iter().zip(&events) {
            let mut ids: Vec<i64> = visit.staff.iter().map(|a| a.staff_id).collect();
            ids.extend(*interpreter);
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                by_person.entry(id).or_default().push(event);
            }
        }
        let sessions = tx.calendar_sessions(from, to, None)?;
        let session_events: Vec<CalendarEvent> = sessions
            .iter()
            .map(|s| session_event(s, lang, ctx.now))
            .collect();
        for (session, event) in sessions.iter().zip(&session_events) {
            for id in &session.leaders {
                by_person.entry(*id).or_default().push(event);
            }
        }
        for list in by_person.values_mut() {
            list.sort_by_key(|e| (e.start, e.kind, e.id));
        }
        let mut stale: HashMap<i64, Vec<(SentEvent, Standing)>> = HashMap::new();
        for (staff_id, sent, standing) in tx
            .sent_visits_standing(floor(ctx, from), None)?
            .into_iter()
            .chain(tx.sent_sessions_standing(floor(ctx, from), None)?)
        {
            stale.entry(staff_id).or_default().push((sent, standing));
        }
        let instance = tx.instance_id()?;
        let export = Export {
            days: (from, to),
            instance: &instance,
            now: ctx.now,
            lang,
        };
        let mut people = Vec::new();
        let mut files = Vec::new();
        for person in staff.iter().filter(|s| s.active) {
            let plan = export.plan(
                tx,
                person.id,
                by_person.get(&person.id).map_or(&[][..], Vec::as_slice),
                stale.get(&person.id).map_or(&[][..], Vec::as_slice),
            )?;
            for record in &plan.records {
                tx.record_sent(person.id, record)?;
            }
            let name = names
                .get(&person.id)
                .cloned()
                .unwrap_or_else(|| format!("staff-{}.ics", person.id));
            let path = dir.join(name);
            let text = calendar(&calendar_name(&person.name), &instance, &plan.events);
            files.push((path.clone(), text.into_bytes()));
            people.push(PersonCalendar {
                person: person.name.clone(),
                path,
                counts: plan.counts,
                written: false,
            });
        }
        let total = people
            .iter()
            .fold(SyncCounts::default(), |sum, p| sum.plus(p.counts));
        let head = tx.chain_head()?;
        tx.insert_audit(&AuditEntry {
            detail: Some(with_head(
                format!("{} calendars, {}", people.len(), detail(total)),
                head.as_ref(),
            )),
            ..ctx.audit(AuditAction::ExportCalendar, AuditEntity::Staff, None)
        })?;
        let changed =
            folder::write_all(dir, &files, &mut staged).map_err(|e| OpsError::File(Box::new(e)))?;
        for (p, changed) in people.iter_mut().zip(changed) {
            p.written = changed;
        }
        Ok(people)
    });
    // Committed: the new files stay. Otherwise dropping them (the last placed first) puts the
    // files that were there back: nothing was recorded, so nothing written may remain.
    if result.is_ok() {
        for file in staged {
            file.keep();
        }
    } else {
        while let Some(file) = staged.pop() {
            drop(file);
        }
    }
    result
}
