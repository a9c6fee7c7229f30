//! Which stored visit a row of a visits file is: the same child, visit number and start.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::ParsedVisit;
use crate::db::{DbError, ReadTx};
use crate::domain::enums::{Role, VisitStatus};
use crate::domain::model::NewVisit;
use crate::ops::import::{ProblemKind, Problems};

/// What a row does: adds a visit, or is an existing visit (same child, visit number and
/// start), changed or as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    New,
    Changed(i64),
    Unchanged(i64),
    /// The same visit as an earlier row of the file; never written.
    Repeated,
}

/// Finds the stored visit each row is, and the rows that repeat an earlier one.
pub(super) fn match_existing(
    tx: &ReadTx<'_>,
    parsed: &mut [ParsedVisit],
    problems: &mut Problems,
) -> Result<(), DbError> {
    let mut first_line: HashMap<(i64, Option<u32>, NaiveDateTime), u64> = HashMap::new();
    for p in parsed
        .iter_mut()
        .filter(|p| p.start_ok && p.visit_no_ok && p.child_ok)
    {
        let key = (p.visit.child_id, p.visit_no, p.visit.start);
        if let Some(first) = first_line.get(&key) {
            problems.add(
                p.line,
                "start",
                ProblemKind::SameVisitInFile { first_line: *first },
            );
            p.change = Change::Repeated;
            continue;
        }
        first_line.insert(key, p.line);
        let Some(id) = tx.visit_at(p.visit.child_id, p.visit_no, p.visit.start)? else {
            continue;
        };
        let Some(stored) = tx.stored_visit(id)? else {
            continue;
        };
        p.change = if same_visit(&stored, &p.visit) || outcome_recorded_since(&stored, &p.visit) {
            Change::Unchanged(id)
        } else {
            Change::Changed(id)
        };
    }
    Ok(())
}

/// Whether the row says what is stored (a reason kept for booking outside the window is the
/// app's, not the file's, and staff are compared in any order).
fn same_visit(stored: &NewVisit, row: &NewVisit) -> bool {
    let staff = |v: &NewVisit| {
        let mut s: Vec<(i64, Role, Option<bool>)> = v
            .staff
            .iter()
            .map(|s| (s.staff_id, s.role, s.attended))
            .collect();
        s.sort_unstable();
        s
    };
    stored.duration_min == row.duration_min
        && stored.location == row.location
        && stored.status == row.status
        && staff(stored) == staff(row)
        && stored.interpreter_language == row.interpreter_language
        && stored.interpreter == row.interpreter
        && stored.themes == row.themes
        && stored.referrals == row.referrals
        && stored.note == row.note
}

/// A booked visit whose outcome was recorded after the file was made: the file's "planned"
/// is older news, and the outcome is kept.
fn outcome_recorded_since(stored: &NewVisit, row: &NewVisit) -> bool {
    row.status == VisitStatus::Planned && stored.status != VisitStatus::Planned
}
