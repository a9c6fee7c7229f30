//! Exporting the quarterly report: computed, rendered, written privately, recorded in
//! `report_run` with its checksum and the audit chain's head, and audited, in one transaction.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::files::{FileError, Staged};
use super::{Ctx, OpsError};
use crate::db::Db;
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::domain::model::AuditEntry;
use crate::domain::quarter::Quarter;
use crate::domain::report::{Report, Threshold};
use crate::i18n::Lang;
use crate::report::{Header, csv, json, xlsx};

pub use crate::domain::report::ReportFormat;

/// What to export.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    pub quarter: Quarter,
    pub format: ReportFormat,
    pub threshold: Threshold,
    pub municipality: String,
    /// The language of the CSV header and the XLSX sheets.
    pub lang: Lang,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportExport {
    pub path: PathBuf,
    /// SHA-256 of the file's bytes, hex.
    pub checksum: String,
    /// The quarter had not ended on the planning day: its figures can still change.
    pub preliminary: bool,
    pub threshold: u32,
    /// The audit chain's head as the export was made, recorded with it.
    pub head: Option<crate::db::Head>,
}

/// The bytes of the report as the format writes them; the same database, quarter and threshold
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

/// Reads the quarter's facts, writes the file and records the export, all in one write
/// transaction. The file is put in place inside it, and the file that was at `out` is kept
/// until the commit: if the commit fails, the old file is back, so no unrecorded export
/// remains and no earlier report is lost.
pub fn export_report(
    db: &mut Db,
    ctx: &Ctx,
    request: &ReportRequest,
    out: &Path,
) -> Result<ReportExport, OpsError> {
    let preliminary = !request.quarter.has_ended_on(ctx.today());
    // Recorded and answered as a full path, so the list of earlier exports says where each went
    // whatever folder the app was started in.
    let out = &std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    super::files::remove_leftovers(out);
    let mut staged: Option<Staged> = None;
    let written = db.write(|tx| {
        let input = tx.report_input(request.quarter)?;
        let report = Report::compute(&input, request.quarter, request.threshold);
        let header = Header {
            municipality: request.municipality.clone(),
            audit_head: tx.audit_head_at(request.quarter.last_day())?,
            preliminary,
        };
        let bytes = render(&report, &header, request).map_err(|e| {
            OpsError::File(Box::new(FileError {
                path: out.clone(),
                cause: std::io::Error::other(e),
            }))
        })?;
        let checksum = hex(&Sha256::digest(&bytes));
        let head = tx.chain_head()?;
        let run_id = tx.insert_report_run(
            request.quarter,
            request.format.as_str(),
            request.threshold.get(),
            &checksum,
            &head.as_ref().map(ToString::to_string).unwrap_or_default(),
            &out.display().to_string(),
        )?;
        tx.insert_audit(&AuditEntry {
            entity_id: Some(run_id),
            // Which export: the quarter and the format, never a figure.
            detail: Some(format!(
                "report {} {}",
                request.quarter,
                request.format.as_str()
            )),
            ..ctx.audit(AuditAction::ExportReport, AuditEntity::Database, None)
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
