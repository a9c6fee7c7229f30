//! `hembesok report`: the quarterly report to the region, as a file.

use super::out;
use anyhow::Result;

use super::Invocation;
use crate::cli::ReportArgs;
use crate::db::Db;
use crate::domain::quarter::Quarter;
use crate::domain::report::Threshold;
use crate::i18n::cli::{CommandError, Done};
use crate::ops::report::{ReportFormat, ReportRequest, export_report};

pub fn run(db: &mut Db, args: &ReportArgs, inv: &Invocation) -> Result<()> {
    let quarter = Quarter::parse(&args.quarter).map_err(|error| CommandError::BadQuarter {
        text: args.quarter.clone(),
        error,
    })?;
    let (config, _) = crate::config::default_path()
        .map(|p| crate::config::load(&p))
        .unwrap_or_default();
    let format = ReportFormat::from(args.format);
    let request = ReportRequest {
        quarter,
        format,
        // A threshold given on the command line is held to the same floor as the config's.
        threshold: args
            .threshold
            .map_or_else(|| config.report_threshold(), Threshold::new),
        municipality: config.municipality(),
        lang: inv.lang,
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| format.default_file(quarter));
    let export = export_report(db, &inv.ctx(), &request, &out).map_err(CommandError::Op)?;
    let done = Done::Report {
        quarter,
        path: export.path,
        checksum: export.checksum,
        preliminary: export.preliminary,
    };
    out::say(done.render(inv.lang))?;
    if let Some(head) = export.head {
        out::say(Done::ChainHead(head).render(inv.lang))?;
    }
    Ok(())
}
