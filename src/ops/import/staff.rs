//! `import staff`: the roster with roles, languages and working hours.

use std::collections::HashMap;

use chrono::NaiveTime;

use super::{
    Columns, Ctx, ImportError, ProblemKind, Problems, Summary, parse_code, parse_codes, read_rows,
};
use crate::db::Db;
use crate::domain::enums::{Role, Weekday};
use crate::domain::model::{NewStaff, WorkHours};

pub const COLUMNS: Columns = Columns {
    all: &[
        "name",
        "role",
        "organisation",
        "languages",
        "work_days",
        "work_hours",
        "active",
    ],
    required: &["name", "role"],
};

/// The working hours a row without any get: a full office day.
const DEFAULT_HOURS: WorkHours = WorkHours {
    start: time(8, 0),
    end: time(16, 30),
};

const fn time(hour: u32, minute: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(hour, minute, 0) {
        Some(t) => t,
        None => NaiveTime::MIN,
    }
}

pub fn parse_bool(text: &str) -> Result<bool, ProblemKind> {
    match text.to_lowercase().as_str() {
        "yes" | "ja" | "true" | "1" | "y" | "j" => Ok(true),
        "no" | "nej" | "false" | "0" | "n" => Ok(false),
        _ => Err(ProblemKind::NotYesNo {
            text: text.to_string(),
        }),
    }
}

/// `08:00-16:30`; the problem says whether the shape or the order is wrong.
fn parse_hours(text: &str) -> Result<WorkHours, ProblemKind> {
    WorkHours::parse(text).map_err(|_| {
        let text = text.trim().to_string();
        let times = text.split_once('-').map(|(a, b)| {
            (
                NaiveTime::parse_from_str(a.trim(), "%H:%M"),
                NaiveTime::parse_from_str(b.trim(), "%H:%M"),
            )
        });
        match times {
            Some((Ok(_), Ok(_))) => ProblemKind::WorkHoursBackwards { text },
            _ => ProblemKind::WorkHoursShape { text },
        }
    })
}

pub fn import(db: &mut Db, text: &str, ctx: &Ctx) -> Result<Summary, ImportError> {
    let rows = read_rows(text, &COLUMNS)?;
    let mut problems = Problems::of_cells(&rows);
    let mut staff = Vec::new();
    let mut names: Vec<(u64, String)> = Vec::new();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in &rows {
        let name = row.required("name", &mut problems);
        let role = row.required("role", &mut problems).and_then(|r| {
            parse_code::<Role>(r)
                .map_err(|kind| problems.add(row.line, "role", kind))
                .ok()
        });
        let work_days = row
            .parse_opt("work_days", &mut problems, parse_codes::<Weekday>)
            .unwrap_or_else(|| Weekday::ALL[..5].to_vec());
        if !row.get("work_days").is_empty() && work_days.is_empty() {
            problems.add(row.line, "work_days", ProblemKind::NoWorkDay);
        }
        let work_hours = row
            .parse_opt("work_hours", &mut problems, parse_hours)
            .unwrap_or(DEFAULT_HOURS);
        let active = row
            .parse_opt("active", &mut problems, parse_bool)
            .unwrap_or(true);
        if let Some(name) = name {
            names.push((row.line, name.to_string()));
            let key = name.to_lowercase();
            if let Some(first) = first_line.get(&key) {
                problems.add(
                    row.line,
                    "name",
                    ProblemKind::StaffNameTaken {
                        name: name.to_string(),
                        first_line: *first,
                    },
                );
            } else {
                first_line.insert(key, row.line);
            }
        }
        if let (Some(name), Some(role)) = (name, role) {
            staff.push((
                row.line,
                NewStaff {
                    name: name.to_string(),
                    role,
                    organisation: row.opt("organisation"),
                    languages: crate::domain::enums::split_list(row.get("languages"))
                        .map(str::to_string)
                        .collect(),
                    work_days,
                    work_hours,
                    active,
                },
            ));
        }
    }
    let count = staff.len();
    db.write(|tx| {
        // Names already on the staff list are reported with the rows' own problems.
        for (line, name) in &names {
            if tx.staff_by_name(name)?.is_some() {
                problems.add(
                    *line,
                    "name",
                    ProblemKind::AlreadyRegistered {
                        value: name.clone(),
                    },
                );
            }
        }
        std::mem::take(&mut problems).check()?;
        for (_, s) in &staff {
            tx.insert_staff(s)?;
        }
        tx.insert_audit(&ctx.audit_note(
            crate::domain::enums::AuditAction::Import,
            crate::domain::enums::AuditEntity::Staff,
            Some(format!("{count} rows")),
        ))?;
        Ok(Summary::Staff { count })
    })
}
