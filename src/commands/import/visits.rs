//! `import visits`: booked and past visits, matched to families, children and staff by name.

use super::{Columns, Invocation, Problems, Refused, Row, parse_datetime, read_rows};
use crate::db::{Db, Tx};
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
        },
    })
}

/// Fills in the database ids of the child, staff and interpreter, noting what cannot be found.
fn resolve(
    tx: &Tx<'_>,
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

pub fn import(db: &mut Db, text: &str, inv: &Invocation) -> Result<String, Refused> {
    let rows = read_rows(text, &COLUMNS)?;
    let mut problems = Problems::default();
    let mut parsed: Vec<ParsedVisit> = rows
        .iter()
        .filter_map(|r| parse_row(r, &mut problems))
        .collect();
    let programmes = builtin_programmes().unwrap_or_default();
    db.write(|tx| {
        for p in &mut parsed {
            resolve(tx, p, &programmes, &mut problems)?;
        }
        if !problems.is_empty() {
            return Err(Refused(std::mem::take(&mut problems).sorted()));
        }
        for p in &parsed {
            tx.insert_visit(&p.visit, inv.now)?;
        }
        tx.insert_audit(&inv.audit("import", "visit", Some(format!("{} rows", parsed.len()))))?;
        Ok(format!("imported {} visits", parsed.len()))
    })
}
