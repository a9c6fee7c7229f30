//! The Report screen's reads: a quarter's report and the trend's quarters computed in the
//! background (half a second a quarter at 50,000 families), the missing records and the earlier
//! exports, and the export itself through `ops::report`.

use chrono::NaiveDateTime;

use crate::app::Action;
use crate::app::report::MISSING_PAGE;
use crate::db::Db;
use crate::domain::quarter::Quarter;
use crate::domain::report::{Report, Threshold};

use super::worker::Job;

/// Computes the quarter's report exactly as an export does.
pub fn report_job(quarter: Quarter, threshold: Threshold, generation: u64) -> Job {
    Box::new(move |db: &mut Db| {
        let input = db.read(|tx| tx.report_input(quarter))?;
        let report = Report::compute(&input, quarter, threshold);
        Ok(Action::ReportLoaded(generation, Box::new(report)))
    })
}

/// A quarter of the trend: its full report, so the trend's shares are the tables' own and
/// stepping to that quarter later needs no reading.
pub fn trend_job(quarter: Quarter, threshold: Threshold, generation: u64) -> Job {
    report_job(quarter, threshold, generation)
}

/// A page of the records the quarter's figures lack, and the count of each kind.
pub fn missing_job(quarter: Quarter, now: NaiveDateTime, offset: usize, generation: u64) -> Job {
    Box::new(move |db: &mut Db| {
        let page = db.read(|tx| tx.missing_page(quarter, now, offset, MISSING_PAGE))?;
        Ok(Action::MissingLoaded(generation, quarter, page))
    })
}
