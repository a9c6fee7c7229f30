//! `hembesok calendar`: a staff member's visits as an iCalendar file.

use anyhow::Result;
use chrono::{Days, NaiveDate};

use super::Invocation;
use crate::cli::CalendarArgs;
use crate::db::Db;
use crate::domain::calendar::{IsoWeek, WeekError};
use crate::domain::enums::{Location, VisitStatus};
use crate::domain::ics::{CalendarEvent, calendar};
use crate::domain::model::Staff;
use crate::domain::views::StaffVisit;
use crate::i18n::cli::{CommandError, Done};

fn parse_day(text: &str, flag: &'static str) -> Result<NaiveDate, CommandError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| CommandError::NotADate {
        flag,
        text: text.to_string(),
    })
}

/// The days asked for: a week, a span, or this week.
fn days(args: &CalendarArgs, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), CommandError> {
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        let (from, to) = (parse_day(from, "--from")?, parse_day(to, "--to")?);
        if to < from {
            return Err(CommandError::ToBeforeFrom { from, to });
        }
        return Ok((from, to));
    }
    let bad_week = |error| CommandError::BadWeek {
        text: args.week.clone().unwrap_or_default(),
        error,
    };
    let week = match &args.week {
        Some(text) => IsoWeek::parse(text).map_err(bad_week)?,
        None => IsoWeek::of(today),
    };
    let monday = week.monday().ok_or_else(|| {
        bad_week(WeekError::NoSuchWeek {
            year: week.year,
            week: week.week,
        })
    })?;
    Ok((monday, monday + Days::new(6)))
}

fn find_staff(db: &mut Db, who: &str) -> Result<Staff> {
    let found = match who.trim().parse::<i64>() {
        Ok(id) => db.read(|tx| tx.staff_by_id(id))?,
        Err(_) => db.read(|tx| tx.staff_by_name(who))?,
    };
    Ok(found.ok_or_else(|| CommandError::NoSuchStaff {
        who: who.to_string(),
    })?)
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
    let catalogue = db.read(|tx| tx.programme_catalogue())?;
    let events: Vec<CalendarEvent> = visits
        .iter()
        .map(|v| {
            let name = v
                .visit_no
                .and_then(|no| {
                    catalogue
                        .get(&v.programme_id, v.programme_version)?
                        .visit(no)
                })
                .map_or_else(|| "Extra besök".to_string(), |pv| pv.name.clone());
            event(v, &name)
        })
        .collect();
    let instance = db.read(|tx| tx.instance_id())?;
    let text = calendar(&format!("hembesok – {}", person.name), &instance, &events);
    super::files::write_private(&args.out, text.as_bytes())
        .map_err(|e| CommandError::CalendarNotWritten(Box::new(e)))?;
    db.write(|tx| {
        tx.insert_audit(&crate::domain::model::AuditEntry {
            entity_id: Some(person.id),
            ..inv.audit(
                crate::domain::enums::AuditAction::ExportCalendar,
                crate::domain::enums::AuditEntity::Staff,
                Some(format!("{} visits", events.len())),
            )
        })
    })?;
    let done = Done::Calendar {
        visits: events.len(),
        from,
        to,
        path: args.out.clone(),
    };
    println!("{}", done.render(inv.lang));
    Ok(())
}
