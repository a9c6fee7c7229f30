//! `report_run`: every export of the report, with the cells it published, so that a later export
//! of the same period can tell whether it is a revision and be audited together with the files
//! already sent.

use rusqlite::params;

use super::{ReadTx, Result, WriteTx};
use crate::domain::period::Period;
use crate::domain::report::{CellKey, EarlierFile, ReportRun, StoredCell};

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
    pub format: &'a str,
    pub threshold: u32,
    pub checksum: &'a str,
    pub audit_head: &'a str,
    pub path: &'a str,
    pub revision: u32,
    pub cells: &'a EarlierFile,
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `None` as nothing, a name as `=name`, so that an empty name and no name differ.
fn opt(text: Option<&str>) -> String {
    text.map_or_else(String::new, |t| format!("={}", escape(t)))
}

fn read_opt(field: &str) -> Option<String> {
    field.strip_prefix('=').map(unescape)
}

/// One line per cell: indicator, breakdown, unit, category, value, top-coded.
pub fn encode(file: &EarlierFile) -> String {
    let mut out = String::new();
    for c in &file.cells {
        out.push_str(&escape(&c.key.indicator));
        out.push('\t');
        out.push_str(&escape(&c.key.by));
        out.push('\t');
        out.push_str(&opt(c.key.unit.as_deref()));
        out.push('\t');
        out.push_str(&opt(c.key.category.as_deref()));
        out.push('\t');
        if let Some(v) = c.value {
            out.push_str(&v.to_string());
        }
        out.push('\t');
        if c.top_coded {
            out.push('t');
        }
        out.push('\n');
    }
    out
}

/// The cells back; a line this program cannot read is left out (it cannot join the audit).
pub fn decode(text: &str) -> EarlierFile {
    let cells = text
        .lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [indicator, by, unit, category, value, top] = f.as_slice() else {
                return None;
            };
            Some(StoredCell {
                key: CellKey {
                    indicator: unescape(indicator),
                    by: unescape(by),
                    unit: read_opt(unit),
                    category: read_opt(category),
                },
                value: if value.is_empty() {
                    None
                } else {
                    Some(value.parse().ok()?)
                },
                top_coded: *top == "t",
            })
        })
        .collect();
    EarlierFile { cells }
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

    /// Records an export: the run's time is the real clock, like the audit's; the audit head is
    /// the chain's head as the export is made. Returns the run's id.
    pub fn insert_report_run(&self, run: &NewRun<'_>) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO report_run (quarter, run_at, format, threshold, checksum, audit_head,
                                         path, revision, cells)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                run.period.to_string(),
                chrono::Local::now()
                    .naive_local()
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_as_written_whatever_the_names() {
        let file = EarlierFile {
            cells: vec![
                StoredCell {
                    key: CellKey {
                        indicator: "visits_done".into(),
                        by: "area".into(),
                        unit: Some("Norr\tväst\\ny\n".into()),
                        category: Some("extra".into()),
                    },
                    value: Some(12),
                    top_coded: false,
                },
                StoredCell {
                    key: CellKey {
                        indicator: "joint_visit_share".into(),
                        by: "area".into(),
                        unit: Some(String::new()),
                        category: None,
                    },
                    value: Some(950),
                    top_coded: true,
                },
                StoredCell {
                    key: CellKey {
                        indicator: "visits_done".into(),
                        by: "area".into(),
                        unit: None,
                        category: None,
                    },
                    value: None,
                    top_coded: false,
                },
            ],
        };
        assert_eq!(decode(&encode(&file)), file);
    }
}
