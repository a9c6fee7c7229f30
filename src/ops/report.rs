//! Exporting the report of a period: computed together with the period's earlier exports (a
//! revision keeps their hidden cells hidden and is audited with them), rendered, written
//! privately, recorded in `report_run` with its checksum, its revision, its published cells and
//! the audit chain's head, and audited, in one transaction.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::files::{FileError, Staged};
use super::{Ctx, OpsError, Refusal};
use crate::db::{Db, NewRun};
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::domain::model::AuditEntry;
use crate::domain::period::Period;
use crate::domain::report::{EarlierFile, Municipality, Report, Threshold};
use crate::i18n::Lang;
use crate::report::{Header, csv, json, xlsx};

pub use crate::domain::report::ReportFormat;

/// What to export.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub period: Period,
    pub format: ReportFormat,
    pub threshold: Threshold,
    /// From the config; the export is refused, naming the key, while it is not set.
    pub municipality: Result<Municipality, &'static str>,
    /// The language of the CSV header and the XLSX sheets.
    pub lang: Lang,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportExport {
    pub path: PathBuf,
    /// SHA-256 of the file's bytes, hex.
    pub checksum: String,
    /// The period had not ended on the planning day: its figures can still change.
    pub preliminary: bool,
    pub threshold: u32,
    /// The audit chain's head as the export was made, recorded with it.
    pub head: Option<crate::db::Head>,
    /// 1 for the period's first figures, more for each export whose figures differ.
    pub revision: u32,
    /// What the period's figures lack, by kind (`MissingKind::ALL` order).
    pub missing: [u64; 5],
}

/// The bytes of the report as the format writes them; the same database, period and threshold
/// give the same bytes.
fn render(report: &Report, header: &Header, request: &ReportRequest) -> Result<Vec<u8>, String> {
    Ok(match request.format {
        ReportFormat::Json => json::render(report, header).into_bytes(),
        ReportFormat::Csv => csv::render(report, header, request.lang),
        ReportFormat::Xlsx => {
            xlsx::render(report, header, request.lang).map_err(|e| e.to_string())?
        }
    })
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Reads the period's facts and earlier exports, writes the file and records the export, all in
/// one write transaction. The file is put in place inside it, and the file that was at `out` is
/// kept until the commit: if the commit fails, the old file is back, so no unrecorded export
/// remains and no earlier report is lost.
pub fn export_report(
    db: &mut Db,
    ctx: &Ctx,
    request: &ReportRequest,
    out: &Path,
) -> Result<ReportExport, OpsError> {
    let municipality = request
        .municipality
        .clone()
        .map_err(|key| OpsError::Refused(Refusal::ReportSetting(key)))?;
    let preliminary = !request.period.has_ended_on(ctx.today());
    // Recorded and answered as a full path, so the list of earlier exports says where each went
    // whatever folder the app was started in.
    let out = &std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    super::files::remove_leftovers(out);
    let mut staged: Option<Staged> = None;
    let written = db.write(|tx| {
        let input = tx.report_input(request.period)?;
        let runs = tx.earlier_runs(request.period)?;
        let mut earlier: Vec<EarlierFile> = Vec::new();
        for cells in runs.iter().filter_map(|r| r.cells.as_ref()) {
            if !earlier.contains(cells) {
                earlier.push(cells.clone());
            }
        }
        let report = Report::revise(&input, request.period, request.threshold, &earlier);
        if !report.audit.exposed.is_empty() {
            return Err(OpsError::Refused(Refusal::ReportExposed(
                report.audit.exposed.len(),
            )));
        }
        let stored = report.stored();
        // The same published cells as an earlier file: the same revision. Other figures: the
        // next one, which names every earlier file of the period.
        let revision = runs
            .iter()
            .find(|r| r.cells.as_ref() == Some(&stored))
            .map_or_else(
                || runs.iter().map(|r| r.revision).max().unwrap_or(0) + 1,
                |r| r.revision,
            );
        let mut earlier_checksums: Vec<(u32, String)> = runs
            .iter()
            .filter(|r| r.revision < revision)
            .map(|r| (r.revision, r.checksum.clone()))
            .collect();
        earlier_checksums.sort();
        earlier_checksums.dedup();
        let missing = tx
            .missing_page(request.period, ctx.now, 0, 0)
            .map_err(OpsError::read)?
            .counts;
        let header = Header {
            municipality,
            audit_head: tx.audit_head_at(request.period.last_day())?,
            preliminary,
            revision,
            earlier_checksums,
            missing,
        };
        let bytes = render(&report, &header, request).map_err(|e| {
            OpsError::File(Box::new(FileError {
                path: out.clone(),
                cause: std::io::Error::other(e),
            }))
        })?;
        let checksum = hex(&Sha256::digest(&bytes));
        let head = tx.chain_head()?;
        let head_text = head.as_ref().map(ToString::to_string).unwrap_or_default();
        // The run and its audit row say the same real time.
        let audit = ctx.audit(AuditAction::ExportReport, AuditEntity::Database, None);
        let run_id = tx.insert_report_run(&NewRun {
            period: request.period,
            run_at: audit.at,
            format: request.format.as_str(),
            threshold: request.threshold.get(),
            checksum: &checksum,
            audit_head: &head_text,
            path: &out.display().to_string(),
            revision,
            cells: &stored,
        })?;
        tx.insert_audit(&AuditEntry {
            entity_id: Some(run_id),
            // Which export: the period and the format, never a figure.
            detail: Some(format!(
                "report {} {}",
                request.period,
                request.format.as_str()
            )),
            ..audit
        })?;
        let file_error = |e| OpsError::File(Box::new(e));
        let mut file = Staged::write(out, &bytes).map_err(file_error)?;
        file.put_in_place().map_err(file_error)?;
        staged = Some(file);
        Ok(ReportExport {
            path: out.clone(),
            checksum,
            preliminary,
            threshold: request.threshold.get(),
            head,
            revision,
            missing,
        })
    });
    // Committed: the new file stays. Otherwise dropping it puts the old one back.
    if written.is_ok()
        && let Some(file) = staged
    {
        file.keep();
    }
    written
}
