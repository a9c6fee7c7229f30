//! Exporting the quarterly report: computed, rendered, written privately, recorded in
//! `report_run` with its checksum and the audit chain's head, and audited, in one transaction.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::files::{FileError, write_private};
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
/// transaction; if the commit fails, the file is removed, so no unrecorded export remains.
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
    let mut file_made = false;
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
        let run_id = tx.insert_report_run(
            request.quarter,
            request.format.as_str(),
            request.threshold.get(),
            &checksum,
            &tx.audit_head()?,
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
        write_private(out, &bytes).map_err(|e| OpsError::File(Box::new(e)))?;
        file_made = true;
        Ok(ReportExport {
            path: out.clone(),
            checksum,
            preliminary,
            threshold: request.threshold.get(),
        })
    });
    if written.is_err() && file_made {
        // The commit failed after the file was made: an unrecorded export must not remain.
        let _ = std::fs::remove_file(out);
    }
    written
}
