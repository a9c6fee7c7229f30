//! Rows of the visit tables as domain values: one mapper per shape, with the columns it reads.

use chrono::NaiveDateTime;
use rusqlite::Row;

use crate::db::values::Columns;
use crate::domain::enums::VisitStatus;
use crate::domain::model::{Interpreter, NewVisit, VisitStaff};
use crate::domain::timeline::VisitFact;
use crate::domain::views::{Attendee, DayVisit, InterpreterBooked};

/// A stored visit, as the schedule needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRecord {
    pub id: i64,
    pub child_id: i64,
    pub visit_no: Option<u32>,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub status: VisitStatus,
}

/// The columns [`record`] reads, from `visit`.
pub(super) const RECORD: &str = "id, child_id, visit_no, starts_at, duration_min, status";

pub(super) fn record(r: &Row<'_>) -> rusqlite::Result<VisitRecord> {
    Ok(VisitRecord {
        id: r.get(0)?,
        child_id: r.get(1)?,
        visit_no: r.get(2)?,
        start: r.datetime(3)?,
        duration_min: r.get(4)?,
        status: r.get(5)?,
    })
}

/// A person booked for a visit, from the columns staff id, name and role starting at `at`.
pub(super) fn attendee(r: &Row<'_>, at: usize) -> rusqlite::Result<Attendee> {
    Ok(Attendee {
        staff_id: r.get(at)?,
        name: r.get(at + 1)?,
        role: r.get(at + 2)?,
    })
}

/// How the interpreter is stored: a staff interpreter's id, or whether one is booked from outside.
pub(super) fn interpreter_columns(interpreter: &Interpreter) -> (Option<i64>, bool) {
    match interpreter {
        Interpreter::None => (None, false),
        Interpreter::Staff(id) => (Some(*id), false),
        Interpreter::External => (None, true),
    }
}

/// Who interprets, as lists show it: from outside, or a staff interpreter by name.
pub(super) fn booked_interpreter(
    external: bool,
    name: Option<String>,
) -> Option<InterpreterBooked> {
    if external {
        Some(InterpreterBooked::External)
    } else {
        name.map(InterpreterBooked::Staff)
    }
}

/// The columns [`listed`] reads, from a visit `v` with its child `c`, family `f` and staff
/// interpreter `i`.
pub(super) const LISTED: &str = "v.id, v.starts_at, v.duration_min, f.id, f.display_name,
    f.protection, f.area, c.name, v.visit_no, v.status, v.location, v.interpreter_language,
    v.interpreter_external, i.name, f.family_ref";

/// A visit as the day and week plans list it; its staff are read after it.
pub(super) fn listed(r: &Row<'_>) -> rusqlite::Result<DayVisit> {
    Ok(DayVisit {
        visit_id: r.get(0)?,
        start: r.datetime(1)?,
        duration_min: r.get(2)?,
        family_id: r.get(3)?,
        family_ref: r.get(14)?,
        family_name: r.get(4)?,
        protection: r.get(5)?,
        area: r.get(6)?,
        child_name: r.get(7)?,
        visit_no: r.get(8)?,
        status: r.get(9)?,
        location: r.get(10)?,
        staff: Vec::new(),
        interpreter_language: r.get(11)?,
        interpreter: booked_interpreter(r.get(12)?, r.get(13)?),
        twins: Vec::new(),
    })
}

/// A visit as a timeline sees it, with its child's id: child id, visit number, start, status
/// and the roles that attended (`a|b`, or NULL).
pub(super) fn fact(r: &Row<'_>) -> rusqlite::Result<(i64, VisitFact)> {
    Ok((
        r.get(0)?,
        VisitFact {
            visit_no: r.get(1)?,
            start: r.datetime(2)?,
            status: r.get(3)?,
            attended: r.codes(4)?,
        },
    ))
}

/// The columns [`stored`] reads, from `visit`.
pub(super) const STORED: &str = "child_id, visit_no, starts_at, duration_min, location, status,
    interpreter_language, interpreter_staff_id, interpreter_external, themes, referrals, note,
    override_reason";

/// A stored visit with everything an import file can say about it; its staff are read after it.
pub(super) fn stored(r: &Row<'_>) -> rusqlite::Result<NewVisit> {
    let interpreter = match (r.get::<_, Option<i64>>(7)?, r.get::<_, bool>(8)?) {
        (Some(id), _) => Interpreter::Staff(id),
        (None, true) => Interpreter::External,
        (None, false) => Interpreter::None,
    };
    Ok(NewVisit {
        child_id: r.get(0)?,
        visit_no: r.get(1)?,
        start: r.datetime(2)?,
        duration_min: r.get(3)?,
        location: r.get(4)?,
        status: r.get(5)?,
        staff: Vec::new(),
        interpreter_language: r.get(6)?,
        interpreter,
        themes: r.codes(9)?,
        referrals: r.codes(10)?,
        note: r.get(11)?,
        override_reason: r.get(12)?,
    })
}

/// One person booked for a visit, from `visit_staff`: staff id, role, attended.
pub(super) fn visit_staff(r: &Row<'_>) -> rusqlite::Result<VisitStaff> {
    Ok(VisitStaff {
        staff_id: r.get(0)?,
        role: r.get(1)?,
        attended: r.get(2)?,
    })
}
