//! The file's health, as `hembesok check` reports it: each check named and its finding typed,
//! so that `i18n` says both in either language; and the repair of damaged indexes.

use std::path::Path;

use rusqlite::Connection;

use super::read::Counts;
use crate::db::audit::{
    ChainState, Head, HeadCheck, HeadQuery, check_head, missing_triggers, verify_chain,
};
use crate::db::lock::InstanceLock;
use crate::db::migrate::{LATEST_VERSION, user_version};
use crate::db::open::{APPLICATION_ID, open_read_only};
use crate::db::opened::OpenFile;
use crate::db::refuse::refuse_unusable;
use crate::db::{Db, DbError, Key, Result};

/// Which check a line of `hembesok check` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckName {
    /// SQLite's quick check of every page.
    QuickCheck,
    /// SQLite's full check, indexes against their tables too.
    IntegrityCheck,
    ForeignKeys,
    ApplicationId,
    /// Every audit row follows from the one before.
    AuditChain,
    /// No audit row is logged before the one before it.
    AuditTimes,
    /// The triggers that keep the log append-only.
    AuditTriggers,
    SchemaVersion,
    /// A head held elsewhere (`check --head`).
    AuditHead,
}

/// What a check found.
#[derive(Debug)]
pub enum CheckDetail {
    Ok,
    /// SQLite's own words (its first lines).
    Sqlite(Vec<String>),
    BrokenReferences {
        count: usize,
        table: String,
        row: i64,
    },
    ApplicationId(i32),
    /// The chain holds; its head (none while the log is empty).
    ChainWhole(Option<Head>),
    ChainBrokenAt(i64),
    TimeBackwards(i64),
    TriggersMissing(Vec<&'static str>),
    SchemaVersion {
        found: i64,
        supported: i64,
    },
    Head(HeadQuery, HeadCheck),
    /// The check could not run at all.
    CouldNotRun(DbError),
}

/// One line of `hembesok check`.
#[derive(Debug)]
pub struct CheckItem {
    pub name: CheckName,
    pub ok: bool,
    pub detail: CheckDetail,
}

fn item(name: CheckName, found: Result<(bool, CheckDetail)>) -> CheckItem {
    match found {
        Ok((ok, detail)) => CheckItem { name, ok, detail },
        Err(e) => CheckItem {
            name,
            ok: false,
            detail: CheckDetail::CouldNotRun(e),
        },
    }
}

fn pragma_rows(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(rows)
}

fn verdict(lines: Vec<String>) -> (bool, CheckDetail) {
    if lines == ["ok"] {
        (true, CheckDetail::Ok)
    } else {
        (
            false,
            CheckDetail::Sqlite(lines.into_iter().take(5).collect()),
        )
    }
}

/// Whether SQLite's quick check finds the file whole. A file SQLite cannot even check is not
/// whole either.
pub(crate) fn quick_check_ok(conn: &Connection) -> bool {
    pragma_rows(conn, "PRAGMA quick_check").is_ok_and(|lines| lines == ["ok"])
}

/// Whether SQLite's quick check of `tables` alone (each with its indexes), the schema's page
/// and the list of free pages finds them whole: what a write that only appends to those tables
/// touches. The rest of the file is not read.
pub(crate) fn quick_check_of_ok(conn: &Connection, tables: &[&str]) -> bool {
    // The schema's own table: page 1, and with it the free pages a write takes new pages from.
    std::iter::once("sqlite_schema")
        .chain(tables.iter().copied())
        .all(|table| {
            pragma_rows(conn, &format!("PRAGMA quick_check(\"{table}\")"))
                .is_ok_and(|lines| lines == ["ok"])
        })
}

/// Whether SQLite's full check (indexes against their tables too) finds the file whole.
pub(crate) fn integrity_check_ok(conn: &Connection) -> bool {
    pragma_rows(conn, "PRAGMA integrity_check").is_ok_and(|lines| lines == ["ok"])
}

fn chain_items(conn: &Connection) -> [CheckItem; 2] {
    match verify_chain(conn) {
        Ok(ChainState::Whole { head, .. }) => [
            item(
                CheckName::AuditChain,
                Ok((true, CheckDetail::ChainWhole(head))),
            ),
            item(CheckName::AuditTimes, Ok((true, CheckDetail::Ok))),
        ],
        Ok(ChainState::BrokenAt(id)) => [
            item(
                CheckName::AuditChain,
                Ok((false, CheckDetail::ChainBrokenAt(id))),
            ),
            // Times are read only along a chain that holds.
            item(CheckName::AuditTimes, Ok((true, CheckDetail::Ok))),
        ],
        Ok(ChainState::TimeBackwards(id)) => [
            item(
                CheckName::AuditChain,
                Ok((true, CheckDetail::ChainWhole(None))),
            ),
            item(
                CheckName::AuditTimes,
                Ok((false, CheckDetail::TimeBackwards(id))),
            ),
        ],
        Err(e) => [
            item(CheckName::AuditChain, Err(e)),
            item(CheckName::AuditTimes, Ok((true, CheckDetail::Ok))),
        ],
    }
}

/// Every check on an open connection; with `head`, also whether the chain passes through it.
pub(crate) fn checks_on(conn: &Connection, head: Option<&HeadQuery>) -> Vec<CheckItem> {
    let mut items = vec![
        item(
            CheckName::QuickCheck,
            pragma_rows(conn, "PRAGMA quick_check").map(verdict),
        ),
        item(
            CheckName::IntegrityCheck,
            pragma_rows(conn, "PRAGMA integrity_check").map(verdict),
        ),
        item(CheckName::ForeignKeys, foreign_keys(conn)),
        item(
            CheckName::ApplicationId,
            conn.query_row("PRAGMA application_id", [], |r| r.get::<_, i32>(0))
                .map_err(DbError::from)
                .map(|app| {
                    if app == APPLICATION_ID {
                        (true, CheckDetail::Ok)
                    } else {
                        (false, CheckDetail::ApplicationId(app))
                    }
                }),
        ),
    ];
    items.extend(chain_items(conn));
    items.push(item(
        CheckName::AuditTriggers,
        missing_triggers(conn).map(|missing| {
            (
                missing.is_empty(),
                if missing.is_empty() {
                    CheckDetail::Ok
                } else {
                    CheckDetail::TriggersMissing(missing)
                },
            )
        }),
    ));
    // An older file is no fault: the next write opening upgrades it. (A newer one is refused
    // before the checks, as made by a newer hembesok.)
    items.push(item(
        CheckName::SchemaVersion,
        user_version(conn).map(|found| {
            (
                found <= LATEST_VERSION,
                if found == LATEST_VERSION {
                    CheckDetail::Ok
                } else {
                    CheckDetail::SchemaVersion {
                        found,
                        supported: LATEST_VERSION,
                    }
                },
            )
        }),
    ));
    if let Some(head) = head {
        items.push(item(
            CheckName::AuditHead,
            check_head(conn, head).map(|found| {
                (
                    found == HeadCheck::PassesThrough,
                    CheckDetail::Head(head.clone(), found),
                )
            }),
        ));
    }
    items
}

fn foreign_keys(conn: &Connection) -> Result<(bool, CheckDetail)> {
    let mut fk = conn.prepare("PRAGMA foreign_key_check")?;
    let violations: Vec<(String, i64)> = fk
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    Ok(match violations.first() {
        None => (true, CheckDetail::Ok),
        Some((table, row)) => (
            false,
            CheckDetail::BrokenReferences {
                count: violations.len(),
                table: table.clone(),
                row: *row,
            },
        ),
    })
}

/// The checks whose failure a backup may carry as evidence: a broken or rewritten log is what
/// a backup must keep, so a backup is never refused over it.
pub(crate) fn matters_for_a_copy(name: CheckName) -> bool {
    !matches!(
        name,
        CheckName::AuditChain | CheckName::AuditTimes | CheckName::AuditTriggers
    )
}

/// Checks a database file without changing it: our stamp is read from the header first, the
/// file is opened read-only, and no migration runs, so a damaged file can still be examined.
pub fn check_file(
    path: &Path,
    key: Option<&Key>,
    head: Option<&HeadQuery>,
) -> Result<(Vec<CheckItem>, Option<Counts>)> {
    refuse_unusable(path, key)?;
    let lock = InstanceLock::for_reading(path)?;
    let opened = OpenFile::register(path)?;
    let conn = open_read_only(path, key)?;
    let items = checks_on(&conn, head);
    let mut db = Db {
        conn,
        path: Some(path.to_path_buf()),
        damaged: false,
        key: key.cloned(),
        opened: Some(opened),
        _lock: lock,
    };
    let counts = if items.iter().all(|c| c.ok) {
        Some(db.read(|tx| tx.counts())?)
    } else {
        None
    };
    Ok((items, counts))
}

/// What `check --repair` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// The full check found nothing to repair.
    NothingToRepair,
    /// The indexes were rebuilt, and the file now passes the full check.
    IndexesRebuilt,
    /// The damage is not in the indexes alone; only a backup can help.
    NotRepairable,
}

impl Db {
    /// Every check `hembesok check` reports; all must hold for a healthy file.
    pub fn check(&mut self) -> Vec<CheckItem> {
        checks_on(&self.conn, None)
    }

    /// Rebuilds every index when SQLite's full check finds only index damage (rows missing
    /// from an index, or an index with rows its table lacks), in one transaction with its audit
    /// row. Damage to the tables themselves is left for `restore`.
    pub fn repair_indexes(&mut self, audit: &crate::domain::model::AuditEntry) -> Result<Repair> {
        let lines = pragma_rows(&self.conn, "PRAGMA integrity_check")?;
        if lines == ["ok"] {
            return Ok(Repair::NothingToRepair);
        }
        let index_only = lines.iter().all(|l| {
            (l.starts_with("row ") && l.contains(" missing from index "))
                || l.starts_with("wrong # of entries in index ")
                || (l.contains("index ") && l.contains(" entries"))
        });
        if !index_only {
            return Ok(Repair::NotRepairable);
        }
        // Damage found by the full check makes writes refused; this one write mends it.
        self.damaged = false;
        self.write(|tx| {
            tx.tx.execute_batch("REINDEX")?;
            tx.insert_audit(audit)
        })?;
        Ok(if integrity_check_ok(&self.conn) {
            Repair::IndexesRebuilt
        } else {
            self.damaged = true;
            Repair::NotRepairable
        })
    }
}
