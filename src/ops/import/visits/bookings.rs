//! The booking checks a visits file goes through, as booking in the app does: against the
//! database and against the file's own earlier rows.

use super::ParsedVisit;
use crate::db::{DbError, ReadTx};
use crate::domain::booking::{
    BookedFor, Booking, BookingRules, Busy, Candidate, Conflict, check_booking,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::enums::{Role, VisitStatus};
use crate::domain::model::Interpreter;
use crate::ops::import::{ProblemKind, Problems};

/// The column a booking conflict belongs to in the file.
fn conflict_column(c: &Conflict, interpreter_name: Option<&str>) -> &'static str {
    match c {
        Conflict::DoubleBooked { name, .. } | Conflict::Inactive { name }
            if Some(name.as_str()) == interpreter_name =>
        {
            "interpreter"
        }
        Conflict::RoleMissing(_)
        | Conflict::UnknownStaff(_)
        | Conflict::Inactive { .. }
        | Conflict::DoubleBooked { .. } => "staff",
        Conflict::InterpreterMissing(_) | Conflict::InterpreterLanguage { .. } => "interpreter",
        Conflict::DayOff { .. }
        | Conflict::OutsideHours { .. }
        | Conflict::Holiday(_)
        | Conflict::ClosedEve(_)
        | Conflict::Weekend
        | Conflict::OutsideWindow(_) => "start",
    }
}

/// Runs the booking checks on every visit that occupies time, against the database and against
/// the file's own earlier rows. Past visits skip the working-hours check.
pub(super) fn check(
    tx: &ReadTx<'_>,
    parsed: &[ParsedVisit],
    catalogue: &Catalogue,
    now: chrono::NaiveDateTime,
    problems: &mut Problems,
) -> Result<(), DbError> {
    let occupying: Vec<&ParsedVisit> = parsed
        .iter()
        .filter(|p| {
            p.books()
                && !matches!(
                    p.visit.status,
                    VisitStatus::CancelledFamily | VisitStatus::CancelledStaff
                )
        })
        .collect();
    if occupying.is_empty() {
        return Ok(());
    }
    let staff = tx.list_staff()?;
    let mut ids: Vec<i64> = occupying
        .iter()
        .flat_map(|p| {
            p.visit
                .staff
                .iter()
                .map(|s| s.staff_id)
                .chain(interpreter_id(&p.visit.interpreter))
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let from = occupying.iter().map(|p| p.visit.start).min().unwrap_or(now);
    let to =
        occupying.iter().map(|p| p.visit.start).max().unwrap_or(now) + chrono::Duration::days(1);
    let mut busy = tx.busy_between(&ids, from, to)?;
    // A stored visit that a row changes is booked as the row says, from that row on: its old
    // booking clashes with nothing, not even itself.
    let changed: Vec<i64> = occupying.iter().filter_map(|p| p.existing()).collect();
    busy.retain(|b| !changed.iter().any(|id| b.booking == Booking::Visit(*id)));
    for p in occupying {
        // With a child not found, or a staff name not found, a missing role may be the
        // unknown person's: that row's own problem says so.
        let roles = match p.visit_no {
            Some(no) if p.child_ok && p.staff_ok => {
                required_roles(tx, catalogue, p.visit.child_id, no)?
            }
            _ => Vec::new(),
        };
        let candidate = Candidate::of_visit(&p.visit);
        let rules = BookingRules {
            required_roles: &roles,
            window: None,
            staff: &staff,
            busy: &busy,
            interpreter_language: None,
            rebooking: p.existing(),
            check_hours: p.visit.start >= now,
        };
        let interpreter_name = candidate
            .interpreter_staff
            .and_then(|id| staff.iter().find(|s| s.id == id))
            .map(|s| s.name.as_str());
        for conflict in check_booking(&candidate, &rules) {
            let column = conflict_column(&conflict, interpreter_name);
            problems.add(p.line, column, ProblemKind::Conflict(conflict));
        }
        let end = candidate.end();
        for id in candidate
            .staff
            .iter()
            .map(|a| a.staff_id)
            .chain(candidate.interpreter_staff)
        {
            busy.push(Busy {
                staff_id: id,
                // A clash with a row of this file is reported by its line.
                booking: Booking::FileRow(p.line),
                start: candidate.start,
                end,
                whose: BookedFor::FileVisit,
                area: None,
            });
        }
    }
    Ok(())
}

/// The roles programme visit `no` needs, in the version the child's family follows.
fn required_roles(
    tx: &ReadTx<'_>,
    catalogue: &Catalogue,
    child_id: i64,
    no: u32,
) -> Result<Vec<Role>, DbError> {
    let Some(family_id) = tx.family_of_child(child_id)? else {
        return Ok(Vec::new());
    };
    let Some((pid, version)) = tx.family_programme(family_id)? else {
        return Ok(Vec::new());
    };
    Ok(catalogue
        .get(&pid, version)
        .and_then(|programme| programme.visit(no))
        .map(|v| v.roles.clone())
        .unwrap_or_default())
}

fn interpreter_id(i: &Interpreter) -> Option<i64> {
    match i {
        Interpreter::Staff(id) => Some(*id),
        _ => None,
    }
}
