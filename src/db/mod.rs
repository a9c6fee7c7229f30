//! The only module that touches SQLite: opening, migrations, and one repository file per aggregate.

mod audit;
mod families;
mod groups;
mod lock;
mod maintenance;
mod migrate;
mod open;
mod staff;
mod views;
mod visit_reads;
mod visits;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, TransactionBehavior};

pub use lock::InstanceLock;
pub use maintenance::{CheckItem, Counts, check_file};
pub use migrate::LATEST_VERSION;
pub use open::APPLICATION_ID;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{path}: {reason}")]
    Refused { path: PathBuf, reason: String },
    #[error(
        "{path} was written by a newer hembesok (schema version {found}; this program knows up to {supported}); install the newer hembesok"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The OS error is part of the message, not a separate cause, so it is shown once.
    #[error("{path}: {cause}")]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("the database holds a value this program cannot read: {0}")]
    BadValue(String),
    #[error("{0}")]
    Conflict(String),
    #[error(
        "the database file is damaged (SQLite reports it malformed); nothing was written. Run `hembesok check` and restore from a backup"
    )]
    Damaged,
    /// SQLite's own message; kept as text so that error chains do not repeat it.
    #[error("database error: {0}")]
    Sqlite(String),
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                DbError::Damaged
            }
            _ => DbError::Sqlite(e.to_string()),
        }
    }
}

pub type Result<T> = std::result::Result<T, DbError>;

/// An open hembesok database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
}

/// A read transaction: everything read through it is from one moment, and it has no write
/// method, so a write can never be made inside a read and silently rolled back:
///
/// ```compile_fail
/// # use hembesok::db::Db;
/// # use hembesok::domain::model::AuditEntry;
/// fn lost(db: &mut Db, entry: &AuditEntry) {
///     let _ = db.read(|tx| tx.insert_audit(entry));
/// }
/// ```
#[derive(Debug)]
pub struct ReadTx<'c> {
    tx: rusqlite::Transaction<'c>,
}

/// A write transaction (`BEGIN IMMEDIATE`): every repository write hangs off it, and it reads
/// like a [`ReadTx`], so a use case checks and writes in the same transaction:
///
/// ```
/// # use hembesok::db::{Db, DbError};
/// # use hembesok::domain::model::AuditEntry;
/// fn kept(db: &mut Db, entry: &AuditEntry) -> Result<(), DbError> {
///     db.write(|tx| tx.insert_audit(entry))
/// }
/// ```
#[derive(Debug)]
pub struct WriteTx<'c> {
    read: ReadTx<'c>,
}

impl<'c> std::ops::Deref for WriteTx<'c> {
    type Target = ReadTx<'c>;

    fn deref(&self) -> &ReadTx<'c> {
        &self.read
    }
}

impl Db {
    /// Opens (or creates) the database at `path`, refusing anything that is not ours.
    pub fn open(path: &Path) -> Result<Db> {
        let conn = open::open_file(path)?;
        let mut db = Db {
            conn,
            path: Some(path.to_path_buf()),
        };
        migrate::migrate(&mut db.conn, path)?;
        Ok(db)
    }

    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<Db> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn)?;
        migrate::migrate(&mut conn, Path::new(":memory:"))?;
        Ok(Db { conn, path: None })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction, committed only if `f` succeeds.
    pub fn write<T, E: From<DbError>>(
        &mut self,
        f: impl FnOnce(&WriteTx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(DbError::from)?;
        let tx = WriteTx {
            read: ReadTx { tx },
        };
        let value = f(&tx)?;
        tx.read.tx.commit().map_err(DbError::from)?;
        Ok(value)
    }

    /// Runs `f` in one read transaction, so that everything it reads is from one moment.
    pub fn read<T, E: From<DbError>>(
        &mut self,
        f: impl FnOnce(&ReadTx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(DbError::from)?;
        let tx = ReadTx { tx };
        f(&tx)
    }
}

pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn datetime_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// The digits at `range` of an ASCII text as a number.
fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    b.get(range)?.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `YYYY-MM-DD` as stored; by hand, since chrono's format parser is slow over many rows.
fn date_of(b: &[u8]) -> Option<NaiveDate> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(b, 0..4)? as i32, digits(b, 5..7)?, digits(b, 8..10)?)
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate> {
    Some(text.as_bytes())
        .filter(|b| b.len() == 10)
        .and_then(date_of)
        .ok_or_else(|| DbError::BadValue(format!("date {text:?}")))
}

/// `YYYY-MM-DD HH:MM` as stored.
pub(crate) fn parse_datetime(text: &str) -> Result<NaiveDateTime> {
    let b = text.as_bytes();
    let parsed = (b.len() == 16 && b[10] == b' ' && b[13] == b':')
        .then(|| date_of(b)?.and_hms_opt(digits(b, 11..13)?, digits(b, 14..16)?, 0))
        .flatten();
    parsed.ok_or_else(|| DbError::BadValue(format!("time {text:?}")))
}

pub(crate) fn parse_enum<T: std::str::FromStr>(text: &str) -> Result<T> {
    text.parse()
        .map_err(|_| DbError::BadValue(format!("{text:?} in a closed set")))
}

pub(crate) fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join("|")
}

pub(crate) fn split_list(text: &str) -> Vec<String> {
    crate::domain::enums::split_list(text)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests;
