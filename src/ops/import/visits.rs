//! `import visits`: booked and past visits, matched to families, children and staff by name.

mod bookings;
mod matching;

use matching::{Change, match_existing};

use super::{
    Columns, Ctx, Hint, ImportError, ProblemKind, Problems, Row, Summary, parse_code, parse_codes,
    parse_datetime, read_rows,
};
use crate::db::{Db, DbError, ReadTx};
use crate::domain::catalogue::Catalogue;
use crate::domain::enums::{Location, Referral, Role, Theme, VisitStatus};
use crate::domain::model::{Interpreter, NewVisit, VisitStaff};

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

/// What a row says, and what matching it against the database found.
struct ParsedVisit {
    line: u64,
    family_ref: String,
    child: String,
    visit_no: Option<u32>,
    staff_names: Vec<String>,
    interpreter: String,
    visit: NewVisit,
    /// The start could be read, so the row can be booked.
    start_ok: bool,
    /// The visit number could be read (a number or extra), so the row can be matched.
    visit_no_ok: bool,
    /// The child was found.
    child_ok: bool,
    /// Every staff name was found, so a missing role is really missing.
    staff_ok: bool,
    /// What the row does to the register.
    change: Change,
}

impl ParsedVisit {
    /// The visit already stored that this row is, if any.
    fn existing(&self) -> Option<i64> {
        match self.change {
            Change::Changed(id) | Change::Unchanged(id) => Some(id),
            Change::New | Change::Repeated => None,
        }
    }

    /// Whether the row books time that must be checked: a row that changes nothing books
    /// nothing, and a row that cannot be placed in time cannot be checked.
    fn books(&self) -> bool {
        self.start_ok && matches!(self.change, Change::New | Change::Changed(_))
    }
}

fn parse_visit_no(text: &str) -> Result<Option<u32>, ProblemKind> {
    if text.eq_ignore_ascii_case("extra") {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(ProblemKind::VisitNo {
            text: text.to_string(),
        }),
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
            _ => Err(ProblemKind::Duration {
                text: t.to_string(),
            }),
        })
        .unwrap_or(60);
    let status = row
        .parse_opt("status", problems, parse_code::<VisitStatus>)
        .unwrap_or(VisitStatus::Planned);
    let location = row
        .parse_opt("location", problems, parse_code::<Location>)
        .unwrap_or(Location::Home);
    let themes = row
        .parse_opt("themes", problems, parse_codes::<Theme>)
        .unwrap_or_default();
    let referrals = row
        .parse_opt("referrals", problems, parse_codes::<Referral>)
        .unwrap_or_default();
    let staff_names: Vec<String> = crate::domain::enums::split_list(row.get("staff"))
        .map(str::to_string)
        .collect();
    Some(ParsedVisit {
        line: row.line,
        family_ref: family_ref?.to_string(),
        child: row.get("child").to_string(),
        // A visit number that could not be read is not "extra": the row is not matched, and
        // no roles are required of it.
        visit_no: visit_no.flatten(),
        staff_names,
        interpreter: row.get("interpreter").to_string(),
        start_ok: start.is_some(),
        visit_no_ok: visit_no.is_some(),
        child_ok: false,
        staff_ok: true,
        change: Change::New,
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
    catalogue: &Catalogue,
    problems: &mut Problems,
) -> Result<bool, DbError> {
    let line = p.line;
    let mut ok = true;
    let Some(family_id) = tx.family_id_by_ref(&p.family_ref)? else {
        problems.add(
            line,
            "family_ref",
            ProblemKind::FamilyNotRegistered {
                family_ref: p.family_ref.clone(),
            },
        );
        return Ok(false);
    };
    let children = tx.children_of(family_id)?;
    let child = if p.child.is_empty() {
        if children.len() > 1 {
            problems.add(
                line,
                "child",
                ProblemKind::ChildNotNamed {
                    children: children.len(),
                },
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
            problems.add(
                line,
                "child",
                ProblemKind::NotAChild {
                    child: p.child.clone(),
                    family_ref: p.family_ref.clone(),
                    children: children.iter().map(|c| c.name.clone()).collect(),
                },
            );
        }
        found
    };
    match child {
        Some(c) => {
            p.visit.child_id = c.id;
            p.child_ok = true;
        }
        None => ok = false,
    }
    if let (Some(no), Some((pid, version))) = (p.visit_no, tx.family_programme(family_id)?)
        && let Some(programme) = catalogue.get(&pid, version)
        && programme.visit(no).is_none()
    {
        problems.add(
            line,
            "visit_no",
            ProblemKind::NotAProgrammeVisit {
                visit_no: no,
                programme: pid.clone(),
                visits: programme.visits.len(),
            },
        );
        ok = false;
    }
    for name in &p.staff_names {
        match tx.staff_by_name(name)? {
            Some(s) if p.visit.staff.iter().any(|v| v.staff_id == s.id) => {
                problems.add(
                    line,
                    "staff",
                    ProblemKind::StaffNamedTwice { name: name.clone() },
                );
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
                    ProblemKind::NotOnStaff { name: name.clone() },
                );
                p.staff_ok = false;
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
                    ProblemKind::NotAnInterpreter {
                        name: name.to_string(),
                        role: s.role,
                    },
                );
                ok = false;
            }
            None => {
                problems.add(
                    line,
                    "interpreter",
                    ProblemKind::InterpreterNotOnStaff {
                        name: name.to_string(),
                    },
                );
                ok = false;
            }
        },
    }
    if p.visit.interpreter != Interpreter::None && p.visit.interpreter_language.is_none() {
        problems.add(
            line,
            "interpreter_language",
            ProblemKind::InterpreterLanguageMissing,
        );
        ok = false;
    }
    Ok(ok)
}

pub fn import(
    db: &mut Db,
    text: &str,
    ctx: &Ctx,
    allow_conflicts: bool,
) -> Result<Summary, ImportError> {
    let rows = read_rows(text, &COLUMNS)?;
    let mut problems = Problems::of_cells(&rows);
    let mut parsed: Vec<ParsedVisit> = rows
        .iter()
        .filter_map(|r| parse_row(r, &mut problems))
        .collect();
    for p in &parsed {
        let happened = matches!(p.visit.status, VisitStatus::Done | VisitStatus::NoShow);
        if happened && p.start_ok && p.visit.start > ctx.now {
            problems.add(
                p.line,
                "status",
                ProblemKind::NotHappenedYet {
                    status: p.visit.status,
                    start: p.visit.start,
                },
            );
        }
    }
    db.write(|tx| {
        let catalogue = tx.programme_catalogue()?;
        for p in &mut parsed {
            resolve(tx, p, &catalogue, &mut problems)?;
        }
        match_existing(tx, &mut parsed, &mut problems)?;
        // The booking checks run on every row that can be placed in time, even when other
        // cells of the file are wrong, so that every problem is reported in one run.
        let mut conflicts = Problems::default();
        bookings::check(tx, &parsed, &catalogue, ctx.now, &mut conflicts)?;
        let conflicts_kept = conflicts.len();
        if problems.is_empty() {
            if !allow_conflicts {
                conflicts.check_with(Some(Hint::AllowConflicts))?;
            }
        } else {
            let hint = (!conflicts.is_empty()).then_some(Hint::SomeAreConflicts);
            let mut all = std::mem::take(&mut problems);
            all.extend(conflicts);
            all.check_with(hint)?;
        }
        let (mut new, mut changed, mut unchanged) = (0, 0, 0);
        for p in &parsed {
            match p.change {
                Change::New => {
                    tx.insert_visit(&p.visit, ctx.now)?;
                    new += 1;
                }
                Change::Changed(id) => {
                    tx.replace_visit(id, &p.visit, ctx.now)?;
                    changed += 1;
                }
                Change::Unchanged(_) => unchanged += 1,
                // Always refused above, as the same visit as an earlier row.
                Change::Repeated => {}
            }
        }
        tx.insert_audit(&ctx.audit_note(
            crate::domain::enums::AuditAction::Import,
            crate::domain::enums::AuditEntity::Visit,
            Some(format!(
                "{} rows: {new} new, {changed} changed, {unchanged} unchanged",
                parsed.len()
            )),
        ))?;
        Ok(Summary::Visits {
            new,
            changed,
            unchanged,
            conflicts_kept,
        })
    })
}
