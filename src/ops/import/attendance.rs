//! `import attendance`: a paper roll call typed in. Each row marks one family at one session of a
//! series (found by the series' name and the session's date), or cancels the whole session.
//! Rows already as stored write nothing, so the same file imported twice changes nothing.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    Columns, Ctx, ImportError, ProblemKind, Problems, Row, Summary, parse_code, parse_date,
    read_rows,
};
use crate::db::Db;
use crate::domain::enums::{AttendanceStatus, AuditAction, AuditEntity, SessionStatus};
use crate::domain::groups::{NoMarks, held_by_marks, takes_marks};
use crate::domain::model::Attendance;

pub const COLUMNS: Columns = Columns {
    all: &[
        "group",
        "date",
        "family_ref",
        "status",
        "adults",
        "dropins",
        "reason",
    ],
    required: &["group", "date", "status"],
};

/// The reason a session cancelled from a file carries when its row gives none (`reason`).
pub const IMPORTED_CANCEL_REASON: &str = "import";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Cancelled,
    Status(AttendanceStatus, u32),
}

struct ParsedMark {
    line: u64,
    group: String,
    date: NaiveDate,
    family_ref: Option<String>,
    mark: Mark,
    dropins: Option<u32>,
    /// Why the session was cancelled, on a cancelling row.
    reason: Option<String>,
}

fn parse_status(text: &str) -> Result<Option<AttendanceStatus>, ProblemKind> {
    if let Ok(SessionStatus::Cancelled) = parse_code::<SessionStatus>(text) {
        return Ok(None);
    }
    parse_code::<AttendanceStatus>(text)
        .map(Some)
        .map_err(|e| match e {
            // The whole session's word belongs to the list too.
            ProblemKind::UnknownCode {
                value,
                mut codes,
                mut words_sv,
            } => {
                codes.push(SessionStatus::Cancelled.as_str());
                words_sv.push("inställd".to_string());
                ProblemKind::UnknownCode {
                    value,
                    codes,
                    words_sv,
                }
            }
            other => other,
        })
}

fn parse_row(row: &Row, problems: &mut Problems) -> Option<ParsedMark> {
    let group = row.required("group", problems);
    let date = row.required("date", problems).and_then(|t| {
        parse_date(t)
            .map_err(|e| problems.add(row.line, "date", e))
            .ok()
    });
    let status = row.required("status", problems).and_then(|t| {
        parse_status(t)
            .map_err(|e| problems.add(row.line, "status", e))
            .ok()
    });
    let family_ref = row.opt("family_ref");
    let adults_text = row.get("adults");
    let mark = match status? {
        None => {
            if family_ref.is_some() {
                problems.add(row.line, "family_ref", ProblemKind::CancelledNamesFamily);
            }
            if !adults_text.is_empty() {
                problems.add(
                    row.line,
                    "adults",
                    ProblemKind::Adults {
                        text: adults_text.into(),
                        present: false,
                    },
                );
            }
            Mark::Cancelled
        }
        Some(status) => {
            if family_ref.is_none() {
                problems.add(row.line, "family_ref", ProblemKind::Required);
            }
            let present = status == AttendanceStatus::Present;
            let adults = match (present, adults_text) {
                (true, "" | "1") => 1,
                (true, "2") => 2,
                (false, "" | "0") => 0,
                (_, text) => {
                    problems.add(
                        row.line,
                        "adults",
                        ProblemKind::Adults {
                            text: text.into(),
                            present,
                        },
                    );
                    0
                }
            };
            Mark::Status(status, adults)
        }
    };
    let dropins = row.parse_opt("dropins", problems, |t| {
        t.parse::<u32>()
            .ok()
            .filter(|n| *n <= 100)
            .ok_or(ProblemKind::Dropins { text: t.into() })
    });
    Some(ParsedMark {
        line: row.line,
        group: group?.to_string(),
        date: date?,
        family_ref,
        mark,
        dropins,
        reason: row.opt("reason"),
    })
}

/// What the file says of one session: its rows' lines, whether it is cancelled, its drop-ins.
#[derive(Default)]
struct SessionPlan {
    cancelled_on: Option<u64>,
    /// The reason the first cancelling row with one gives.
    reason: Option<String>,
    dropins: Option<(u64, u32)>,
    marks: Vec<(u64, i64, AttendanceStatus, u32)>,
    families: HashMap<i64, u64>,
}

pub fn import(db: &mut Db, text: &str, ctx: &Ctx) -> Result<Summary, ImportError> {
    let rows = read_rows(text, &COLUMNS)?;
    let mut problems = Problems::of_cells(&rows);
    let parsed: Vec<ParsedMark> = rows
        .iter()
        .filter_map(|r| parse_row(r, &mut problems))
        .collect();
    db.write(|tx| {
        let mut plans: HashMap<i64, SessionPlan> = HashMap::new();
        let mut order: Vec<i64> = Vec::new();
        for p in &parsed {
            let Some(group_id) = tx.group_id_by_name(&p.group)? else {
                problems.add(
                    p.line,
                    "group",
                    ProblemKind::GroupNotRegistered {
                        name: p.group.clone(),
                    },
                );
                continue;
            };
            let session_id = match tx.group_sessions_on(group_id, p.date)?.as_slice() {
                [one] => *one,
                [] => {
                    problems.add(
                        p.line,
                        "date",
                        ProblemKind::NoSessionOn {
                            group: p.group.clone(),
                            date: p.date,
                        },
                    );
                    continue;
                }
                _ => {
                    problems.add(
                        p.line,
                        "date",
                        ProblemKind::SessionsOnSameDay {
                            group: p.group.clone(),
                            date: p.date,
                        },
                    );
                    continue;
                }
            };
            if !plans.contains_key(&session_id) {
                order.push(session_id);
            }
            let plan = plans.entry(session_id).or_default();
            if let Some(n) = p.dropins {
                match plan.dropins {
                    Some((first_line, m)) if m != n => {
                        problems.add(p.line, "dropins", ProblemKind::DropinsDiffer { first_line });
                    }
                    Some(_) => {}
                    None => plan.dropins = Some((p.line, n)),
                }
            }
            match p.mark {
                Mark::Cancelled => {
                    if plan.cancelled_on.is_none() {
                        plan.cancelled_on = Some(p.line);
                    }
                    if plan.reason.is_none() {
                        plan.reason.clone_from(&p.reason);
                    }
                }
                Mark::Status(status, adults) => {
                    let Some(family_ref) = &p.family_ref else {
                        continue;
                    };
                    let Some(family_id) = tx.family_id_by_ref(family_ref)? else {
                        problems.add(
                            p.line,
                            "family_ref",
                            ProblemKind::FamilyNotRegistered {
                                family_ref: family_ref.clone(),
                            },
                        );
                        continue;
                    };
                    if !tx.member_on(group_id, family_id, p.date)? {
                        problems.add(
                            p.line,
                            "family_ref",
                            ProblemKind::NotAMember {
                                family_ref: family_ref.clone(),
                                group: p.group.clone(),
                                date: p.date,
                            },
                        );
                        continue;
                    }
                    if let Some(first_line) = plan.families.get(&family_id) {
                        problems.add(
                            p.line,
                            "family_ref",
                            ProblemKind::AlreadyInFile {
                                value: family_ref.clone(),
                                first_line: *first_line,
                            },
                        );
                        continue;
                    }
                    plan.families.insert(family_id, p.line);
                    plan.marks.push((p.line, family_id, status, adults));
                }
            }
        }
        // Each session against what the register holds.
        let mut writes = Vec::new();
        for session_id in &order {
            let Some(plan) = plans.get(session_id) else {
                continue;
            };
            let Some(roll) = tx.roll_call(*session_id)? else {
                continue;
            };
            let date = roll.session.start.date();
            if let Some(cancel_line) = plan.cancelled_on {
                for (line, ..) in &plan.marks {
                    problems.add(
                        *line,
                        "status",
                        ProblemKind::MarkOnCancelled { line: cancel_line },
                    );
                }
                if let Some((line, n)) = plan.dropins
                    && n > 0
                {
                    problems.add(line, "dropins", ProblemKind::SessionCancelled { date });
                }
                if roll.lines.iter().any(|l| l.status.is_some()) {
                    problems.add(
                        cancel_line,
                        "status",
                        ProblemKind::CancelledHasMarks { date },
                    );
                }
                writes.push((*session_id, roll));
                continue;
            }
            let first_line = plan
                .marks
                .first()
                .map(|m| m.0)
                .or(plan.dropins.map(|d| d.0));
            if let Some(line) = first_line {
                match takes_marks(roll.session.status, roll.session.start, ctx.today()) {
                    Err(NoMarks::Cancelled) => {
                        problems.add(line, "status", ProblemKind::SessionCancelled { date });
                        continue;
                    }
                    Err(NoMarks::NotYet) => {
                        problems.add(line, "date", ProblemKind::SessionNotYet { date });
                        continue;
                    }
                    Ok(()) => {}
                }
            }
            writes.push((*session_id, roll));
        }
        std::mem::take(&mut problems).check()?;
        let (mut marked, mut unchanged, mut cancelled) = (0, 0, 0);
        for (session_id, roll) in &writes {
            let Some(plan) = plans.get(session_id) else {
                continue;
            };
            if plan.cancelled_on.is_some() {
                if roll.session.status == SessionStatus::Cancelled {
                    unchanged += 1;
                } else {
                    tx.set_session_status(
                        *session_id,
                        SessionStatus::Cancelled,
                        Some(plan.reason.as_deref().unwrap_or(IMPORTED_CANCEL_REASON)),
                    )?;
                    tx.insert_audit(&ctx.audit(
                        AuditAction::SessionCancelled,
                        AuditEntity::Session,
                        Some(*session_id),
                    ))?;
                    cancelled += 1;
                }
                continue;
            }
            for (_, family_id, status, adults) in &plan.marks {
                let stored = roll.lines.iter().find(|l| l.family_id == *family_id);
                if stored.is_some_and(|l| l.status == Some(*status) && l.adults == *adults) {
                    unchanged += 1;
                    continue;
                }
                tx.set_attendance(&Attendance {
                    session_id: *session_id,
                    family_id: *family_id,
                    status: *status,
                    adults_present: *adults,
                })?;
                let mut entry = ctx.audit(
                    AuditAction::Attendance,
                    AuditEntity::Session,
                    Some(*session_id),
                );
                entry.detail = Some(format!("family {family_id}: {status} (import)"));
                tx.insert_audit(&entry)?;
                marked += 1;
            }
            if !plan.marks.is_empty() && held_by_marks(roll.session.status) {
                tx.set_session_status(*session_id, SessionStatus::Held, None)?;
            }
            if let Some((_, n)) = plan.dropins
                && n != roll.session.dropins
            {
                tx.set_dropins(*session_id, n)?;
                tx.insert_audit(&ctx.audit(
                    AuditAction::Dropins,
                    AuditEntity::Session,
                    Some(*session_id),
                ))?;
            }
        }
        Ok(Summary::Attendance {
            marked,
            unchanged,
            cancelled,
        })
    })
}
