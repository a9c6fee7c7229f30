//! `import staff`: the roster with roles, languages and working hours.

use std::collections::HashMap;

use super::{Columns, Invocation, Problems, Refused, read_rows};
use crate::db::Db;
use crate::domain::enums::{Role, Weekday, parse_list};
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

pub fn parse_bool(text: &str) -> Result<bool, String> {
    match text.to_lowercase().as_str() {
        "yes" | "ja" | "true" | "1" | "y" | "j" => Ok(true),
        "no" | "nej" | "false" | "0" | "n" => Ok(false),
        _ => Err(format!(
            "\"{text}\" is not yes or no (ja/nej, true/false, 1/0)"
        )),
    }
}

pub fn import(db: &mut Db, text: &str, inv: &Invocation) -> Result<String, Refused> {
    let rows = read_rows(text, &COLUMNS)?;
    let mut problems = Problems::default();
    let mut staff = Vec::new();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in &rows {
        let name = row.required("name", &mut problems);
        let role = row.required("role", &mut problems).and_then(|r| {
            r.parse::<Role>()
                .map_err(|e| problems.add(row.line, "role", e.to_string()))
                .ok()
        });
        let work_days = row
            .parse_opt("work_days", &mut problems, parse_list::<Weekday>)
            .unwrap_or_else(|| Weekday::ALL[..5].to_vec());
        if row.get("work_days").is_empty() || !work_days.is_empty() {
            // fine: default or a real list
        } else {
            problems.add(
                row.line,
                "work_days",
                "names no day; write e.g. mon|tue|thu",
            );
        }
        let default_hours = WorkHours::parse("08:00-16:30").map_err(|_| Refused(vec![]))?;
        let work_hours = row
            .parse_opt("work_hours", &mut problems, WorkHours::parse)
            .unwrap_or(default_hours);
        let active = row
            .parse_opt("active", &mut problems, parse_bool)
            .unwrap_or(true);
        if let Some(name) = name {
            let key = name.to_lowercase();
            if let Some(first) = first_line.get(&key) {
                problems.add(
                    row.line,
                    "name",
                    format!("{name} is already on line {first}; staff names must be unique"),
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
    if !problems.is_empty() {
        return Err(Refused(problems.sorted()));
    }
    let count = staff.len();
    db.write(|tx| {
        let mut problems = Problems::default();
        for (line, s) in &staff {
            if tx.staff_by_name(&s.name)?.is_some() {
                problems.add(*line, "name", format!("{} is already registered", s.name));
            } else {
                tx.insert_staff(s)?;
            }
        }
        if !problems.is_empty() {
            return Err(Refused(problems.sorted()));
        }
        tx.insert_audit(&inv.audit("import", "staff", Some(format!("{count} rows"))))?;
        Ok(format!("imported {count} staff"))
    })
}
