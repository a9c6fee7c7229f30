//! Rows of `staff` as domain values, and the key staff are found by name with.

use rusqlite::Row;

use crate::db::values::Columns;
use crate::domain::model::{Staff, WorkHours};

/// The columns [`staff`] reads, from `staff`.
pub(super) const COLUMNS: &str =
    "id, name, role, organisation, languages, work_days, work_start, work_end, active";

pub(super) fn staff(r: &Row<'_>) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: r.get(0)?,
        data: crate::domain::model::NewStaff {
            name: r.get(1)?,
            role: r.get(2)?,
            organisation: r.get(3)?,
            languages: r.words(4)?,
            work_days: r.codes(5)?,
            work_hours: WorkHours {
                start: r.clock(6)?,
                end: r.clock(7)?,
            },
            active: r.get(8)?,
        },
    })
}

/// Staff are found by name without regard to case, also for Å, Ä and Ö.
pub(super) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
