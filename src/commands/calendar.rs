//! `hembesok calendar`: a staff member's visits as an iCalendar file.

use anyhow::{Context, Result, anyhow, bail};
use chrono::{Days, NaiveDate};

use super::Invocation;
use crate::cli::CalendarArgs;
use crate::db::Db;
use crate::domain::builtin::builtin_programmes;
use crate::domain::calendar::IsoWeek;
use crate::domain::enums::{Location, VisitStatus};
use crate::domain::ics::{CalendarEvent, calendar};
use crate::domain::model::Staff;
use crate::domain::programme::parse_programme;
use crate::domain::views::StaffVisit;

fn parse_day(text: &str, flag: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| anyhow!("{flag} \"{text}\" is not a date; write YYYY-MM-DD"))
}

/// The days asked for: a week, a span, or this week.
fn days(args: &CalendarArgs, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        let (from, to) = (parse_day(from, "--from")?, parse_day(to, "--to")?);
        if to < from {
            bail!("--to {to} is before --from {from}");
        }
        return Ok((from, to));
    }
    let week = match &args.week {
        Some(text) => IsoWeek::parse(text).map_err(|e| anyhow!("--week: {e}"))?,
        None => IsoWeek::of(today),
    };
    let monday = week
        .monday()
        .ok_or_else(|| anyhow!("--week: {week} does not exist"))?;
    Ok((monday, monday + Days::new(6)))
}

fn find_staff(db: &mut Db, who: &str) -> Result<Staff> {
    let found = match who.trim().parse::<i64>() {
        Ok(id) => db.read(|tx| tx.staff_by_id(id))?,
        Err(_) => db.read(|tx| tx.staff_by_name(who))?,
    };
    found.ok_or_else(|| anyhow!("no staff member \"{who}\"; give the id or the name as on the staff list (hembesok import staff)"))
}

fn location_sv(l: Location) -> &'static str {
    match l {
        Location::Home => "hembesök",
        Location::Clinic => "mottagningen",
        Location::FamilyCentre => "familjecentralen",
        Location::PhoneVideo => "telefon/video",
    }
}

/// What the calendar says about a visit; a protected family gets neither name nor address.
fn event(v: &StaffVisit, visit_name: &str) -> CalendarEvent {
    let protected = v.protection.is_protected();
    let interpreter = v
        .interpreter_language
        .as_ref()
        .map(|lang| {
            format!(
                ", tolk {lang}{}",
                if v.interpreter.is_none() {
                    " (ej bokad)"
                } else {
                    ""
                }
            )
        })
        .unwrap_or_default();
    let who = if protected {
        "skyddad familj".to_string()
    } else {
        v.family_name.clone()
    };
    let summary = format!("{visit_name} – {who}{interpreter}");
    let location = if v.location == Location::Home {
        if protected {
            None
        } else {
            Some(
                [v.area.clone(), v.address.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .filter(|s| !s.is_empty())
        }
    } else {
        Some(location_sv(v.location).to_string())
    };
    let staff: Vec<String> = v.staff.iter().map(|a| a.name.clone()).collect();
    let mut description = vec![format!("Ref {}", v.family_ref)];
    if !protected {
        description.push(format!("Barn: {}", v.child_name));
    }
    description.push(format!("Personal: {}", staff.join(", ")));
    if let Some(i) = &v.interpreter {
        description.push(format!("Tolk: {i}"));
    }
    CalendarEvent {
        visit_id: v.visit_id,
        start: v.start,
        duration_min: v.duration_min,
        summary,
        location,
        description: description.join("\n"),
        cancelled: matches!(
            v.status,
            VisitStatus::CancelledFamily | VisitStatus::CancelledStaff
        ),
        updated: v.updated,
        sequence: 0,
    }
}

pub fn run(db: &mut Db, args: &CalendarArgs, inv: &Invocation) -> Result<()> {
    let (from, to) = days(args, inv.today())?;
    let person = find_staff(db, &args.staff)?;
    let visits = db.read(|tx| tx.staff_visits(person.id, from, to))?;
    let mut programmes = builtin_programmes().unwrap_or_default();
    for (id, version, text) in db.read(|tx| tx.programme_definitions())? {
        if !programmes
            .iter()
            .any(|p| p.id == id && p.version == version)
        {
            programmes.extend(parse_programme(&id, &text).ok());
        }
    }
    let events: Vec<CalendarEvent> = visits
        .iter()
        .map(|v| {
            let name = v
                .visit_no
                .and_then(|no| {
                    programmes
                        .iter()
                        .find(|p| p.id == v.programme_id && p.version == v.programme_version)?
                        .visit(no)
                })
                .map_or_else(|| "Extra besök".to_string(), |pv| pv.name.clone());
            event(v, &name)
        })
        .collect();
    let instance = db.read(|tx| tx.instance_id())?;
    let text = calendar(&format!("hembesok – {}", person.name), &instance, &events);
    super::files::write_private(&args.out, text.as_bytes()).context("calendar not written")?;
    db.write(|tx| {
        tx.insert_audit(&crate::domain::model::AuditEntry {
            entity_id: Some(person.id),
            ..inv.audit(
                "export_calendar",
                "staff",
                Some(format!("{} visits", events.len())),
            )
        })
    })?;
    println!(
        "{} visits from {from} to {to} written to {}",
        events.len(),
        args.out.display()
    );
    Ok(())
}
