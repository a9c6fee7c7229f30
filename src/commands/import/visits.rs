//! `import visits`: booked and past visits, matched to families, children and staff by name.

use super::{Columns, Invocation, Problems, Refused, Row, parse_datetime, read_rows};
use crate::db::{Db, ReadTx};
use crate::domain::booking::{Assigned, BookingRules, Busy, Candidate, Conflict, check_booking};
use crate::domain::builtin::builtin_programmes;
use crate::domain::enums::{Location, Referral, Role, Theme, VisitStatus, parse_list};
use crate::domain::model::{Interpreter, NewVisit, VisitStaff};
use crate::domain::programme::{Programme, parse_programme};

pub const COLUMNS: Columns = Columns {
    all: &[
        "family_ref",
        "child",
        "visit_no",
        "start",
        "duration_min",
        "status",
        "staff",
        "interpreter_language",
        "interpreter",
        "location",
        "themes",
        "referrals",
        "note",
    ],
    required: &["family_ref", "visit_no", "start"],
};

/// What a row says before it is matched against the database.
struct ParsedVisit {
    line: u64,
    family_ref: String,
    child: String,
    visit_no: Option<u32>,
    staff_names: Vec<String>,
    interpreter: String,
    visit: NewVisit,
}

fn parse_visit_no(text: &str) -> Result<Option<u32>, String> {
    if text.eq_ignore_ascii_case("extra") {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(format!(
            "\"{text}\" is not a visit number; write the programme's visit number (1, 2, …) or extra"
        )),
    }
}

/// Reads a row's own cells. A row that names a family is kept even when some cell is wrong, so
/// that its references are still checked and every problem is reported at once.
fn parse_row(row: &Row, problems: &mut Problems) -> Option<ParsedVisit> {
    let family_ref = row.required("family_ref", problems);
    let visit_no = row.required("visit_no", problems).and_then(|t| {
        parse_visit_no(t)
            .map_err(|e| problems.add(row.line, "visit_no", e))
            .ok()
    });
    let start = row.required("start", problems).and_then(|t| {
        parse_datetime(t)
            .map_err(|e| problems.add(row.line, "start", e))
            .ok()
    });
    let duration_min = row
        .parse_opt("duration_min", problems, |t| match t.parse::<u32>() {
            Ok(n) if (5..=600).contains(&n) => Ok(n),
            _ => Err(format!(
                "\"{t}\" is not a duration; write minutes from 5 to 600"
            )),
        })
        .unwrap_or(60);
    let status = row
        .parse_opt("status", problems, str::parse::<VisitStatus>)
        .unwrap_or(VisitStatus::Planned);
    let location = row
        .parse_opt("location", problems, str::parse::<Location>)
        .unwrap_or(Location::Home);
    let themes = row
        .parse_opt("themes", problems, parse_list::<Theme>)
        .unwrap_or_default();
    let referrals = row
        .parse_opt("referrals", problems, parse_list::<Referral>)
        .unwrap_or_default();
    let staff_names: Vec<String> = crate::domain::enums::split_list(row.get("staff"))
        .map(str::to_string)
        .collect();
    Some(ParsedVisit {
        line: row.line,
        family_ref: family_ref?.to_string(),
        child: row.get("child").to_string(),
        visit_no: visit_no.flatten(),
        staff_names,
        interpreter: row.get("interpreter").to_string(),
        visit: NewVisit {
            child_id: 0,
            visit_no: visit_no.flatten(),
            start: start.unwrap_or_default(),
            duration_min,
            location,
            status,
            staff: Vec::new(),
            interpreter_language: row.opt("interpreter_language"),
            interpreter: Interpreter::None,
            themes,
            referrals,
            note: row.opt("note"),
            override_reason: None,
        },
    })
}

/// Fills in the database ids of the child, staff and interpreter, noting what cannot be found.
fn resolve(
    tx: &ReadTx<'_>,
    p: &mut ParsedVisit,
    programmes: &[Programme],
    problems: &mut Problems,
) -> Result<bool, Refused> {
    let line = p.line;
    let mut ok = true;
    let Some(family_id) = tx.family_id_by_ref(&p.family_ref)? else {
        problems.add(
            line,
            "family_ref",
            format!(
                "{} is not registered; import the family first",
                p.family_ref
            ),
        );
        return Ok(false);
    };
    let children = tx.children_of(family_id)?;
    let child = if p.child.is_empty() {
        if children.len() > 1 {
            problems.add(
                line,
                "child",
                format!("the family has {} children; name the child", children.len()),
            );
            None
        } else {
            children.first()
        }
    } else {
        let found = children
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(&p.child));
        if found.is_none() {
            let names: Vec<&str> = children.iter().map(|c| c.name.as_str()).collect();
            problems.add(
                line,
                "child",
                format!(
                    "\"{}\" is not a child of {}; the children are: {}",
                    p.child,
                    p.family_ref,
                    names.join(", ")
                ),
            );
        }
        found
    };
    match child {
        Some(c) => p.visit.child_id = c.id,
        None => ok = false,
    }
    if let (Some(no), Some((pid, version))) = (p.visit_no, tx.family_programme(family_id)?) {
        let programme = programmes
            .iter()
            .find(|x| x.id == pid && x.version == version)
            .cloned()
            .or_else(|| {
                let text = tx.programme_definition(&pid, version).ok()??;
                parse_programme(&pid, &text).ok()
            });
        if let Some(programme) = programme
            && programme.visit(no).is_none()
        {
            problems.add(line, "visit_no", format!("{no} is not a visit of programme {pid} (it has {}); use extra for an extra visit", programme.visits.len()));
            ok = false;
        }
    }
    for name in &p.staff_names {
        match tx.staff_by_name(name)? {
            Some(s) if p.visit.staff.iter().any(|v| v.staff_id == s.id) => {
                problems.add(line, "staff", format!("{name} is named twice"));
                ok = false;
            }
            Some(s) => p.visit.staff.push(VisitStaff {
                staff_id: s.id,
                role: s.role,
                attended: (p.visit.status == VisitStatus::Done).then_some(true),
            }),
            None => {
                problems.add(
                    line,
                    "staff",
                    format!("{name} is not on the staff list; import staff first"),
                );
                ok = false;
            }
        }
    }
    match p.interpreter.as_str() {
        "" => {}
        text if text.eq_ignore_ascii_case("external") || text.eq_ignore_ascii_case("extern") => {
            p.visit.interpreter = Interpreter::External;
        }
        name => match tx.staff_by_name(name)? {
            Some(s) if s.role == Role::Interpreter => {
                p.visit.interpreter = Interpreter::Staff(s.id);
            }
            Some(s) => {
                problems.add(
                    line,
                    "interpreter",
                    format!("{name} is registered as {}, not interpreter", s.role),
                );
                ok = false;
            }
            None => {
                problems.add(line, "interpreter", format!("{name} is not on the staff list; write a staff interpreter's name or external"));
                ok = false;
            }
        },
    }
    if p.visit.interpreter != Interpreter::None && p.visit.interpreter_language.is_none() {
        problems.add(
            line,
            "interpreter_language",
            "is empty but an interpreter is named; give the language",
        );
        ok = false;
    }
    Ok(ok)
}

/// The column a booking conflict belongs to in the file.
fn conflict_column(c: &Conflict, interpreter_name: Option<&str>) -> &'static str {
    match c {
        Conflict::DoubleBooked { name, .. } if Some(name.as_str()) == interpreter_name => {
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
        | Conflict::Weekend
        | Conflict::OutsideWindow(_) => "start",
    }
}

/// Runs the booking checks on every visit that occupies time, against the database and against
/// the file's own earlier rows. Past visits skip the working-hours check.
fn check_bookings(
    tx: &ReadTx<'_>,
    parsed: &[ParsedVisit],
    programmes: &[Programme],
    now: chrono::NaiveDateTime,
    problems: &mut Problems,
) -> Result<(), Refused> {
    let occupying: Vec<&ParsedVisit> = parsed
        .iter()
        .filter(|p| {
            !matches!(
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
    for p in occupying {
        let roles: Vec<Role> = p
            .visit_no
            .and_then(|no| {
                let (pid, version) = tx
                    .family_programme(family_of(tx, p.visit.child_id).ok()??)
                    .ok()??;
                programmes
                    .iter()
                    .find(|x| x.id == pid && x.version == version)?
                    .visit(no)
                    .map(|v| v.roles.clone())
            })
            .unwrap_or_default();
        let candidate = Candidate {
            start: p.visit.start,
            duration_min: p.visit.duration_min,
            staff: p
                .visit
                .staff
                .iter()
                .map(|s| Assigned {
                    role: s.role,
                    staff_id: s.staff_id,
                })
                .collect(),
            interpreter_staff: interpreter_id(&p.visit.interpreter),
            interpreter_external: p.visit.interpreter == Interpreter::External,
        };
        let rules = BookingRules {
            required_roles: &roles,
            window: None,
            staff: &staff,
            busy: &busy,
            interpreter_language: None,
            rebooking: None,
            check_hours: p.visit.start >= now,
        };
        let interpreter_name = candidate
            .interpreter_staff
            .and_then(|id| staff.iter().find(|s| s.id == id))
            .map(|s| s.name.as_str());
        for conflict in check_booking(&candidate, &rules) {
            problems.add(
                p.line,
                conflict_column(&conflict, interpreter_name),
                crate::i18n::outcome::conflict_fact(&conflict).en,
            );
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
                visit_id: -(p.line as i64),
                start: candidate.start,
                end,
                label: format!("line {} of this file", p.line),
                area: None,
            });
        }
    }
    Ok(())
}

fn interpreter_id(i: &Interpreter) -> Option<i64> {
    match i {
        Interpreter::Staff(id) => Some(*id),
        _ => None,
    }
}

fn family_of(tx: &ReadTx<'_>, child_id: i64) -> Result<Option<i64>, crate::db::DbError> {
    tx.family_of_child(child_id)
}

pub fn import(
    db: &mut Db,
    text: &str,
    inv: &Invocation,
    allow_conflicts: bool,
) -> Result<String, Refused> {
    let rows = read_rows(text, &COLUMNS)?;
    let mut problems = Problems::default();
    let mut parsed: Vec<ParsedVisit> = rows
        .iter()
        .filter_map(|r| parse_row(r, &mut problems))
        .collect();
    for p in &parsed {
        let happened = matches!(p.visit.status, VisitStatus::Done | VisitStatus::NoShow);
        if happened && p.visit.start > inv.now {
            problems.add(
                p.line,
                "status",
                format!(
                    "is {}, but the visit at {} has not happened yet",
                    p.visit.status,
                    p.visit.start.format("%Y-%m-%d %H:%M")
                ),
            );
        }
    }
    let programmes = builtin_programmes().unwrap_or_default();
    db.write(|tx| {
        for p in &mut parsed {
            resolve(tx, p, &programmes, &mut problems)?;
        }
        if !problems.is_empty() {
            return Err(Refused(std::mem::take(&mut problems).sorted()));
        }
        let mut conflicts = Problems::default();
        check_bookings(tx, &parsed, &programmes, inv.now, &mut conflicts)?;
        let conflict_count = conflicts.len();
        if conflict_count > 0 && !allow_conflicts {
            let mut list = conflicts.sorted();
            list.push(super::Problem {
                line: 0,
                column: "hint".into(),
                message: "these are booking conflicts; fix them, or pass --allow-conflicts to import them anyway (they then show as alerts)".into(),
            });
            return Err(Refused(list));
        }
        for p in &parsed {
            tx.insert_visit(&p.visit, inv.now)?;
        }
        tx.insert_audit(&inv.audit("import", "visit", Some(format!("{} rows", parsed.len()))))?;
        let note = if conflict_count > 0 { format!(" ({conflict_count} booking conflicts kept, as asked)") } else { String::new() };
        Ok(format!("imported {} visits{note}", parsed.len()))
    })
}
