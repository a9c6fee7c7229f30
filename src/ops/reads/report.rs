//! Report: a quarter's (or year's) report computed exactly as an export computes it, a page of
//! the records its figures lack, the earlier exports, and a visit whose outcome is missing.

use chrono::NaiveDateTime;

use crate::db::Db;
use crate::domain::period::Period;
use crate::domain::report::{MissingPage, Report, ReportRun, Threshold};
use crate::domain::views::DayVisit;
use crate::ops::{OpsError, Refusal};

/// The period's report, as an export would write it.
pub fn report(db: &mut Db, period: Period, threshold: Threshold) -> Result<Report, OpsError> {
    let input = db
        .read(|tx| tx.report_input(period))
        .map_err(OpsError::Read)?;
    Ok(Report::compute(&input, period, threshold))
}

/// `limit` of the records the period's figures lack from the `offset`-th, and each kind's count.
pub fn missing(
    db: &mut Db,
    period: Period,
    now: NaiveDateTime,
    offset: usize,
    limit: usize,
) -> Result<MissingPage, OpsError> {
    db.read(|tx| tx.missing_page(period, now, offset, limit))
        .map_err(OpsError::Read)
}

/// The period's earlier exports.
pub fn runs(db: &mut Db, period: Period) -> Result<Vec<ReportRun>, OpsError> {
    db.read(|tx| tx.report_runs(period)).map_err(OpsError::Read)
}

/// A visit whose outcome the report lacks, to record it.
pub fn visit(db: &mut Db, visit_id: i64) -> Result<DayVisit, OpsError> {
    db.read(|tx| tx.visits_by_id(&[visit_id]))
        .map_err(OpsError::Read)?
        .into_iter()
        .next()
        .ok_or(OpsError::Refused(Refusal::VisitGone))
}
