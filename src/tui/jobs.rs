//! The reads too slow for a key press, as jobs for the background worker: each calls its read
//! in `ops::reads` and answers with the screen's message.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDateTime;

use crate::app::{Msg, ReportMsg, TodayMsg};
use crate::db::Db;
use crate::domain::catalogue::Catalogue;
use crate::domain::period::Period;
use crate::domain::report::{ExportDone, Threshold};
use crate::ops::Ctx;
use crate::ops::reads;
use crate::ops::report::{ReportRequest, export_report};

use super::worker::Job;

/// Every alert: it looks at every active family and every future booking.
pub fn alerts(catalogue: &Arc<Catalogue>, now: NaiveDateTime, warning_days: u32) -> Job {
    let catalogue = Arc::clone(catalogue);
    Box::new(move |db: &mut Db| {
        let alerts = reads::today::alerts(db, &catalogue, now, warning_days)?;
        Ok(Msg::Today(TodayMsg::AlertsLoaded(alerts)))
    })
}

/// Everyone who could go on a visit to book, for booking by hand from proposals on the screen;
/// a failure is the proposals' own answer, so that they stop waiting for it.
pub fn everyone(ctx: Ctx, warning_days: u32, family_id: i64, rebook: Option<i64>) -> Job {
    Box::new(move |db: &mut Db| {
        match crate::ops::visits::plan_booking_by_hand(db, &ctx, warning_days, family_id, rebook) {
            Ok(options) => {
                let plan = crate::app::booking::BookingPlan::from_options(options);
                Ok(Msg::EveryoneLoaded(Box::new(plan)))
            }
            Err(e) => Ok(Msg::EveryoneFailed {
                family_id,
                rebook,
                text: crate::i18n::messages::outcome::ops_error(&e),
            }),
        }
    })
}

/// The full check: index damage the quick one cannot see would spread with every write. A
/// file SQLite cannot even check counts as damaged.
pub fn integrity() -> Job {
    Box::new(|db: &mut Db| {
        let whole = db
            .check_integrity_fully()
            .map_err(crate::ops::OpsError::Read)?;
        Ok(Msg::IntegrityChecked(whole))
    })
}

/// The period's report, computed exactly as an export does.
pub fn report(period: Period, threshold: Threshold, generation: u64) -> Job {
    Box::new(move |db: &mut Db| {
        let report = reads::report::report(db, period, threshold)?;
        Ok(Msg::Report(ReportMsg::Loaded(generation, Box::new(report))))
    })
}

/// A page of the records the period's figures lack, and the count of each kind.
pub fn missing(
    period: Period,
    now: NaiveDateTime,
    offset: usize,
    limit: usize,
    generation: u64,
) -> Job {
    Box::new(move |db: &mut Db| {
        let page = reads::report::missing(db, period, now, offset, limit)?;
        Ok(Msg::Report(ReportMsg::MissingLoaded(
            generation, period, page,
        )))
    })
}

/// The export, with its own write connection (the worker's is read-only); the main one is idle.
pub fn export(file: PathBuf, ctx: Ctx, request: ReportRequest, out: PathBuf) -> Job {
    Box::new(move |reader: &mut Db| {
        // The worker's connection holds the key of an encrypted database: the writer takes it.
        let mut db = crate::db::connect(&file, crate::db::Mode::Write, reader.key())
            .map_err(crate::ops::OpsError::Read)?;
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

/// A week's calendar from Week: whose (everyone's when `None`), in what language, and the
/// folder it goes into.
#[derive(Debug, Clone)]
pub struct CalendarRequest {
    /// The first and last day, as `calendar --week` gives them.
    pub days: (chrono::NaiveDate, chrono::NaiveDate),
    pub staff: Option<i64>,
    pub lang: crate::i18n::Lang,
    pub folder: PathBuf,
}

/// The calendar export, on a write connection of its own, as the report's export.
pub fn calendar(file: PathBuf, ctx: Ctx, request: CalendarRequest) -> Job {
    Box::new(move |reader: &mut Db| {
        let mut db = crate::db::connect(&file, crate::db::Mode::Write, reader.key())
            .map_err(crate::ops::OpsError::Read)?;
        Ok(calendar_written(&mut db, &ctx, &request))
    })
}

/// Writes the week's calendars as `hembesok calendar` does, and records them; the answer is
/// where they went and how many events they hold, in the words the command prints, or why not.
pub fn calendar_written(db: &mut Db, ctx: &Ctx, request: &CalendarRequest) -> Msg {
    use crate::i18n::messages::cli::Done;
    use crate::ops::calendar::{export_all, export_staff_into};
    let (from, to) = request.days;
    let written = match request.staff {
        Some(id) => export_staff_into(db, ctx, request.lang, id, request.days, &request.folder)
            .map(|(path, export)| Done::Calendar {
                counts: export.counts,
                from,
                to,
                path,
            }),
        None => export_all(db, ctx, request.lang, request.days, &request.folder).map(|people| {
            Done::CalendarFolder {
                files: people.len(),
                from,
                to,
                dir: request.folder.clone(),
                counts: people
                    .iter()
                    .fold(crate::domain::ics::SyncCounts::default(), |sum, p| {
                        sum.plus(p.counts)
                    }),
            }
        }),
    };
    match written {
        Ok(done) => Msg::Week(crate::app::WeekMsg::CalendarWritten(done.text())),
        Err(e) => Msg::Failed(crate::i18n::messages::outcome::ops_error(&e)),
    }
}
