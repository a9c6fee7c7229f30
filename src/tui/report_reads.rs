//! The Report screen's reads: a quarter's report and the trend's quarters computed in the
//! background (half a second a quarter at 50,000 families), the missing records and the earlier
//! exports, and the export itself through `ops::report`.
use crate::app::{Msg, ReportMsg};

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::app::report::MISSING_PAGE;
use crate::db::Db;
use crate::domain::period::Period;
use crate::domain::report::{ExportDone, Report, Threshold};
use crate::ops::Ctx;
use crate::ops::report::{ReportRequest, export_report};

use super::worker::Job;

/// Computes the quarter's report exactly as an export does.
pub fn report_job(quarter: Period, threshold: Threshold, generation: u64) -> Job {
    Box::new(move |db: &mut Db| {
        let input = db.read(|tx| tx.report_input(quarter))?;
        let report = Report::compute(&input, quarter, threshold);
        Ok(Msg::Report(ReportMsg::Loaded(generation, Box::new(report))))
    })
}

/// A quarter of the trend: its full report, so the trend's shares are the tables' own and
/// stepping to that quarter later needs no reading.
pub fn trend_job(quarter: Period, threshold: Threshold, generation: u64) -> Job {
    report_job(quarter, threshold, generation)
}

/// A page of the records the quarter's figures lack, and the count of each kind.
pub fn missing_job(quarter: Period, now: NaiveDateTime, offset: usize, generation: u64) -> Job {
    Box::new(move |db: &mut Db| {
        let page = db.read(|tx| tx.missing_page(quarter, now, offset, MISSING_PAGE))?;
        Ok(Msg::Report(ReportMsg::MissingLoaded(
            generation, quarter, page,
        )))
    })
}

/// The export, with its own write connection (the worker's is read-only); the main one is idle.
pub fn export_job(file: PathBuf, ctx: Ctx, request: ReportRequest, out: PathBuf) -> Job {
    Box::new(move |reader: &mut Db| {
        // The worker's connection holds the key of an encrypted database: the writer takes it.
        let mut db = crate::db::connect(&file, crate::db::Mode::Write, reader.key())?;
        Ok(exported(&mut db, &ctx, &request, &out))
    })
}

/// Writes the file and records it; the answer is what was written, or why not.
pub fn exported(db: &mut Db, ctx: &Ctx, request: &ReportRequest, out: &Path) -> Msg {
    match export_report(db, ctx, request, out) {
        Ok(export) => Msg::Report(ReportMsg::Exported(Box::new(ExportDone {
            period: request.period,
            format: request.format,
            path: export.path,
            checksum: export.checksum,
            preliminary: export.preliminary,
            revision: export.revision,
        }))),
        Err(e) => Msg::Failed(crate::i18n::messages::outcome::ops_error(&e)),
    }
}
