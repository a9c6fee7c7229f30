//! `report_run`: every export of the report, with the cells it published, so that a later export
//! of the same period can tell whether it is a revision and be audited together with the files
//! already sent.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::cells::{decode, encode};
use crate::db::values::stamp_text;
use crate::db::{ReadTx, Result, WriteTx};
use crate::domain::period::Period;
use crate::domain::report::{EarlierFile, ReportRun};

/// One earlier export of a period, as a revision needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierRun {
    pub revision: u32,
    pub checksum: String,
    pub threshold: Option<u32>,
    /// `None` for an export made before the cells were kept.
    pub cells: Option<EarlierFile>,
}

/// What `insert_report_run` records.
#[derive(Debug, Clone, Copy)]
pub struct NewRun<'a> {
    pub period: Period,
    /// When the export was made: the real clock, like the audit's (the caller's audit row
    /// carries the same time).
    pub run_at: NaiveDateTime,
    pub format: &'a str,
    pub threshold: u32,
    pub checksum: &'a str,
    pub audit_head: &'a str,
    pub path: &'a str,
    pub revision: u32,
    pub cells: &'a EarlierFile,
}

impl ReadTx<'_> {
    /// The period's exports, newest first.
    pub fn report_runs(&self, period: Period) -> Result<Vec<ReportRun>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT run_at, format, path, checksum, revision FROM report_run
              WHERE quarter = ?1 ORDER BY id DESC LIMIT 50",
        )?;
        let rows = stmt.query_map([period.to_string()], |r| {
            Ok(ReportRun {
                run_at: r.get(0)?,
                format: r.get(1)?,
                path: r.get(2)?,
                checksum: r.get(3)?,
                revision: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

impl WriteTx<'_> {
    /// Every earlier export of the period, oldest first (an export made before revisions were
    /// numbered counts as revision 1).
    pub fn earlier_runs(&self, period: Period) -> Result<Vec<EarlierRun>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT coalesce(revision, 1), checksum, threshold, cells FROM report_run
              WHERE quarter = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([period.to_string()], |r| {
            Ok(EarlierRun {
                revision: r.get(0)?,
                checksum: r.get(1)?,
                threshold: r.get(2)?,
                cells: r.get::<_, Option<String>>(3)?.as_deref().map(decode),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Records an export at `run.run_at`; the audit head is the chain's head as the export is
    /// made. Returns the run's id.
    pub fn insert_report_run(&self, run: &NewRun<'_>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO report_run (quarter, run_at, format, threshold, checksum, audit_head,
                                         path, revision, cells)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                run.period.to_string(),
                stamp_text(run.run_at),
                run.format,
                run.threshold,
                run.checksum,
                run.audit_head,
                run.path,
                run.revision,
                encode(run.cells)
            ])?;
        Ok(self.tx.last_insert_rowid())
    }
}
