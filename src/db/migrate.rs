//! Ordered schema upgrades, one transaction each, stamped in `user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::open::APPLICATION_ID;
use super::{DbError, Result};

/// Each entry upgrades the schema from its index to its index + 1. Append only; never edit one
/// that has shipped.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_index_order.sql"),
    include_str!("migrations/0003_instance.sql"),
    include_str!("migrations/0004_audit_chain.sql"),
    include_str!("migrations/0005_exit_note.sql"),
    include_str!("migrations/0006_calendar_sent.sql"),
    include_str!("migrations/0007_groups.sql"),
    include_str!("migrations/0008_status_dates.sql"),
    include_str!("migrations/0009_twin_trips.sql"),
    include_str!("migrations/0010_group_span.sql"),
    include_str!("migrations/0011_report_path.sql"),
    include_str!("migrations/0012_report_revisions.sql"),
];

/// The version whose step adds the audit chain; the rows written before it are sealed then.
const AUDIT_CHAIN_VERSION: i64 = 4;

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// For a file opened to read only: its schema must be this program's, as nothing may be
/// upgraded.
pub fn refuse_other_version(conn: &Connection, path: &Path) -> Result<()> {
    let found = user_version(conn)?;
    match found {
        f if f > LATEST_VERSION => Err(DbError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: LATEST_VERSION,
        }),
        f if f < LATEST_VERSION => Err(DbError::TooOld {
            path: path.to_path_buf(),
            found,
        }),
        _ => Ok(()),
    }
}

/// Brings the schema up to `LATEST_VERSION`, or up to `target` in tests.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    migrate_to(conn, path, LATEST_VERSION)
}

pub(crate) fn migrate_to(conn: &mut Connection, path: &Path, target: i64) -> Result<()> {
    let found = user_version(conn)?;
    if found > LATEST_VERSION {
        return Err(DbError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: LATEST_VERSION,
        });
    }
    let upgrading = found < target;
    for version in found..target {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have upgraded while we waited for the write lock.
        if user_version(&tx)? > version {
            continue;
        }
        if version == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(MIGRATIONS[version as usize])?;
        if version + 1 == AUDIT_CHAIN_VERSION {
            super::audit::seal_chain(&tx)?;
        }
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    if upgrading {
        // In WAL mode the new stamp sits in the -wal file until a checkpoint; copy it into the
        // file itself now, so that another connection reading the header sees a hembesok file.
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    Ok(())
}
