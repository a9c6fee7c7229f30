//! `hembesok report`: the report to the region for a quarter or a year, as a file.

use super::out;
use crate::error::Result;

use crate::cli::ReportArgs;
use crate::db::Db;
use crate::domain::period::Period;
use crate::domain::report::Threshold;
use crate::i18n::messages::cli::{CommandError, Done};
use crate::ops::report::{ReportFormat, ReportRequest, export_report};
use crate::session::Session;

/// The period asked for: `--quarter` or `--year` (clap requires exactly one).
fn period(args: &ReportArgs) -> std::result::Result<Period, CommandError> {
    match (&args.quarter, &args.year) {
        (Some(q), _) => Period::quarter(q).map_err(|error| CommandError::BadQuarter {
            text: q.clone(),
            error,
        }),
        (None, Some(y)) => Period::year(y).map_err(|error| CommandError::BadYear {
            text: y.clone(),
            error,
        }),
        (None, None) => Err(CommandError::BadYear {
            text: String::new(),
            error: crate::domain::period::YearError,
        }),
    }
}

pub fn run(db: &mut Db, args: &ReportArgs, session: &Session) -> Result<()> {
    let period = period(args)?;
    let config = &session.config;
    let format = ReportFormat::from(args.format);
    let request = ReportRequest {
        period,
        format,
        // A threshold given on the command line is held to the same floor as the config's.
        threshold: args
            .threshold
            .map_or_else(|| config.report_threshold(), Threshold::new),
        municipality: config.report_municipality(),
        lang: session.lang,
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| format.default_file(period));
    let export = export_report(db, &session.ctx(), &request, &out).map_err(CommandError::Op)?;
    let done = Done::Report {
        period,
        path: export.path,
        checksum: export.checksum,
        preliminary: export.preliminary,
        revision: export.revision,
        missing: export.missing,
    };
    out::say(done.render(session.lang))?;
    if let Some(head) = export.head {
        out::say(Done::ChainHead(head).render(session.lang))?;
    }
    Ok(())
}
