//! `import groups`: parent-group series, one a row, their sessions generated weekly from the
//! first (holidays and the leaders' days off skipped) and checked against the leaders' bookings
//! as a visit would be.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDateTime};

use super::{
    Columns, Ctx, ImportError, ProblemKind, Problems, Row, Summary, parse_datetime, read_rows,
};
use crate::db::Db;
use crate::domain::booking::{Booking, Busy};
use crate::domain::enums::{AuditAction, AuditEntity, SessionStatus, split_list};
use crate::domain::groups::{check_series, series_dates, session_busy};
use crate::domain::model::{NewGroup, NewSession};

pub const COLUMNS: Columns = Columns {
    all: &[
        "group",
        "method",
        "language",
        "place",
        "area",
        "leaders",
        "capacity",
        "first_session",
        "sessions",
        "duration_min",
        "themes",
        "members",
    ],
    required: &["group", "leaders", "first_session", "sessions"],
};

/// A series as its row says it.
struct ParsedGroup {
    line: u64,
    name: Option<String>,
    leader_names: Vec<String>,
    capacity: Option<u32>,
    first: Option<NaiveDateTime>,
    count: Option<u32>,
    duration_min: u32,
    themes: Vec<String>,
    member_refs: Vec<String>,
}

fn whole_in(text: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    text.parse::<u32>().ok().filter(|n| range.contains(n))
}

fn parse_row(row: &Row, problems: &mut Problems) -> ParsedGroup {
    let name = row.required("group", problems).map(str::to_string);
    row.required("leaders", problems);
    let first = row.required("first_session", problems).and_then(|t| {
        parse_datetime(t)
            .map_err(|e| problems.add(row.line, "first_session", e))
            .ok()
    });
    let count = row.required("sessions", problems).and_then(|t| {
        let n = whole_in(t, 1..=52);
        if n.is_none() {
            problems.add(
                row.line,
                "sessions",
                ProblemKind::SessionCount { text: t.into() },
            );
        }
        n
    });
    let capacity = row.parse_opt("capacity", problems, |t| {
        whole_in(t, 1..=50).ok_or(ProblemKind::Capacity { text: t.into() })
    });
    let duration_min = row
        .parse_opt("duration_min", problems, |t| {
            whole_in(t, 5..=600).ok_or(ProblemKind::Duration { text: t.into() })
        })
        .unwrap_or(120);
    let themes: Vec<String> = split_list(row.get("themes")).map(str::to_string).collect();
    if let Some(sessions) = count
        && themes.len() > sessions as usize
    {
        problems.add(
            row.line,
            "themes",
            ProblemKind::TooManyThemes {
                themes: themes.len(),
                sessions,
            },
        );
    }
    let mut member_refs: Vec<String> = Vec::new();
    for r in split_list(row.get("members")) {
        if !member_refs.iter().any(|m| m == r) {
            member_refs.push(r.to_string());
        }
    }
    if let Some(capacity) = capacity
        && member_refs.len() > capacity as usize
    {
        problems.add(
            row.line,
            "members",
            ProblemKind::OverCapacity {
                members: member_refs.len(),
                capacity,
            },
        );
    }
    ParsedGroup {
        line: row.line,
        name,
        leader_names: split_list(row.get("leaders")).map(str::to_string).collect(),
        capacity,
        first,
        count,
        duration_min,
        themes,
        member_refs,
    }
}

/// A series ready to be written.
struct Planned {
    group: NewGroup,
    area: Option<String>,
    starts: Vec<NaiveDateTime>,
    duration_min: u32,
    themes: Vec<String>,
    members: Vec<i64>,
    skips: Option<super::SeriesSkips>,
}

pub fn import(db: &mut Db, text: &str, ctx: &Ctx) -> Result<Summary, ImportError> {
    let rows = read_rows(text, &COLUMNS)?;
    let mut problems = Problems::of_cells(&rows);
    let parsed: Vec<ParsedGroup> = rows.iter().map(|r| parse_row(r, &mut problems)).collect();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for p in &parsed {
        let Some(name) = &p.name else { continue };
        match first_line.get(&name.to_lowercase()) {
            Some(first) => problems.add(
                p.line,
                "group",
                ProblemKind::AlreadyInFile {
                    value: name.clone(),
                    first_line: *first,
                },
            ),
            None => {
                first_line.insert(name.to_lowercase(), p.line);
            }
        }
    }
    db.write(|tx| {
        let staff = tx.list_staff()?;
        // Sessions of this file's earlier rows book their leaders too.
        let mut file_busy: Vec<Busy> = Vec::new();
        let mut planned: Vec<Planned> = Vec::new();
        for (p, row) in parsed.iter().zip(&rows) {
            if let Some(name) = &p.name
                && tx.group_name_taken(name)?
            {
                problems.add(
                    p.line,
                    "group",
                    ProblemKind::AlreadyRegistered {
                        value: name.clone(),
                    },
                );
            }
            let mut leaders: Vec<i64> = Vec::new();
            let mut leaders_ok = true;
            for name in &p.leader_names {
                match staff.iter().find(|s| s.name.eq_ignore_ascii_case(name)) {
                    Some(s) if leaders.contains(&s.id) => {
                        problems.add(
                            p.line,
                            "leaders",
                            ProblemKind::StaffNamedTwice { name: name.clone() },
                        );
                    }
                    Some(s) => leaders.push(s.id),
                    None => {
                        problems.add(
                            p.line,
                            "leaders",
                            ProblemKind::NotOnStaff { name: name.clone() },
                        );
                        leaders_ok = false;
                    }
                }
            }
            let mut members = Vec::new();
            for family_ref in &p.member_refs {
                match tx.family_id_by_ref(family_ref)? {
                    Some(id) => members.push(id),
                    None => problems.add(
                        p.line,
                        "members",
                        ProblemKind::FamilyNotRegistered {
                            family_ref: family_ref.clone(),
                        },
                    ),
                }
            }
            let (Some(first), Some(count)) = (p.first, p.count) else {
                continue;
            };
            if !leaders_ok || leaders.is_empty() {
                continue;
            }
            let leader_staff: Vec<_> = staff.iter().filter(|s| leaders.contains(&s.id)).collect();
            let dates = series_dates(first, count as usize, &leader_staff);
            let found = u32::try_from(dates.starts.len()).unwrap_or(u32::MAX);
            if found < count {
                problems.add(
                    p.line,
                    "first_session",
                    ProblemKind::TooFewDates {
                        wanted: count,
                        found,
                    },
                );
                continue;
            }
            let (Some(from), Some(last)) = (dates.starts.first(), dates.starts.last()) else {
                continue;
            };
            let until = *last + Duration::minutes(i64::from(p.duration_min));
            let mut busy = tx.busy_between(&leaders, *from, until)?;
            busy.extend(file_busy.iter().cloned());
            for (start, conflict) in check_series(
                &dates.starts,
                p.duration_min,
                &leaders,
                &staff,
                &busy,
                &HashSet::new(),
            ) {
                problems.add(
                    p.line,
                    "first_session",
                    ProblemKind::SessionConflict { start, conflict },
                );
            }
            let label = p.name.clone().unwrap_or_default();
            for start in &dates.starts {
                file_busy.extend(session_busy(
                    Booking::FileRow(p.line),
                    &leaders,
                    *start,
                    p.duration_min,
                    &label,
                ));
            }
            let skips = (!dates.skipped.is_empty()).then(|| super::SeriesSkips {
                group: label.clone(),
                moved_to: dates
                    .skipped
                    .first()
                    .filter(|(day, _)| *day == first.date())
                    .and(dates.starts.first())
                    .map(|s| s.date()),
                skipped: dates.skipped.clone(),
            });
            planned.push(Planned {
                group: NewGroup {
                    name: label,
                    method: row.opt("method"),
                    language: row.opt("language"),
                    place: row.opt("place"),
                    capacity: p.capacity,
                    leaders,
                },
                area: row.opt("area"),
                starts: dates.starts,
                duration_min: p.duration_min,
                themes: p.themes.clone(),
                members,
                skips,
            });
        }
        std::mem::take(&mut problems).check()?;
        let (mut sessions, mut members) = (0, 0);
        for plan in &planned {
            let id = tx.insert_group(&plan.group)?;
            tx.set_group_span(id, plan.area.as_deref(), None)?;
            for (i, start) in plan.starts.iter().enumerate() {
                tx.insert_session(&NewSession {
                    group_id: id,
                    start: *start,
                    duration_min: plan.duration_min,
                    theme: plan.themes.get(i).cloned(),
                    status: SessionStatus::Planned,
                    dropin_count: 0,
                })?;
                sessions += 1;
            }
            // Members of a series brought in from paper were members from its first session.
            let joined = plan.starts.first().map_or(ctx.today(), |s| s.date());
            for family in &plan.members {
                tx.insert_member(id, *family, joined, None)?;
                members += 1;
            }
        }
        tx.insert_audit(&ctx.audit_note(
            AuditAction::Import,
            AuditEntity::Group,
            Some(format!("{} rows", planned.len())),
        ))?;
        Ok(Summary::Groups {
            groups: planned.len(),
            sessions,
            members,
            skipped: planned.into_iter().filter_map(|p| p.skips).collect(),
        })
    })
}
