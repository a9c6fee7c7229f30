//! The only module that touches SQLite. Here: the database, its read and write transactions and
//! the one way to open it (`open`, `refuse`, `opened`, `lock` and `migrate` are what every
//! connection is made with, so they sit beside it); `error` and `values` (how domain values are
//! stored). Then one folder per aggregate, each with its reads, writes and row mappers:
//! `families`, `visits`, `staff`, `groups`, `audit`, `report`, and `maintenance` for the file as
//! a whole (checks, backups, encryption).

pub mod access;
mod audit;
mod error;
mod families;
mod groups;
mod lock;
mod maintenance;
mod migrate;
mod open;
mod opened;
mod refuse;
mod report;
mod staff;
mod values;
mod visits;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

pub use audit::{ChainState, Head, HeadCheck, HeadQuery};
pub use error::{BadValue, DbError, Refusal, Result};
pub use families::RetentionCounts;
pub use lock::{InstanceLock, LockKind, on_wait};
pub use maintenance::{
    BackupCopy, CheckDetail, CheckItem, CheckName, Counts, Repair, check_file, convert,
};
pub use migrate::{LATEST_VERSION, on_upgrade};
pub use open::APPLICATION_ID;
pub use refuse::{looks_encrypted, refuse_foreign, refuse_unusable};
pub use report::{EarlierRun, NewRun, REPORT_WRITES};
pub use visits::VisitRecord;

/// An open hembesok database.
#[derive(Debug)]
pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
    /// The file failed its integrity check: it is read, never written, until restored.
    damaged: bool,
    /// The key it was opened with, for the copies it makes and the reader beside it.
    key: Option<Key>,
    /// Which file was opened (device and inode): a write into a file replaced meanwhile is
    /// refused. Dropped after the connection (fields drop in order), so the file counts as open
    /// in this process until SQLite has let go of it.
    opened: Option<opened::OpenFile>,
    /// The instance lock, let go only after the connection is closed.
    _lock: Option<InstanceLock>,
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

/// How a window or a command uses the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read and write; a missing file is created (with its folders), private.
    Create,
    /// Read and write an existing file; a missing one is an error, never made.
    Write,
    /// Read an existing file only: nothing is created, upgraded or written.
    Read,
}

/// The passphrase of an encrypted database; never shown in logs or debug output.
#[derive(Clone, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    pub fn new(passphrase: String) -> Key {
        Key(passphrase)
    }

    /// The passphrase, for the one place that hands it to SQLite.
    pub fn passphrase(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

/// The one way to open the database, for the app, its background reader and every
/// subcommand: refuses anything that is not ours, applies the key (before the "ours or
/// nothing" check, which must then see through it), configures the connection and, unless
/// reading only, brings the schema up to date.
pub fn connect(path: &Path, mode: Mode, key: Option<&Key>) -> Result<Db> {
    connect_as(path, mode, key, LockKind::Shared)
}

/// [`connect`] with the instance lock of the given kind: exclusive for the commands that
/// replace the whole file (the caller keeps the lock it returns for as long as it works).
pub fn connect_as(path: &Path, mode: Mode, key: Option<&Key>, kind: LockKind) -> Result<Db> {
    open_database(path, mode, key, Some(kind))
}

/// Opens a file only this process knows of (a copy being made beside the database), without
/// an instance lock of its own: nobody else can have it open.
pub(crate) fn connect_private(path: &Path, mode: Mode, key: Option<&Key>) -> Result<Db> {
    open_database(path, mode, key, None)
}

fn open_database(path: &Path, mode: Mode, key: Option<&Key>, kind: Option<LockKind>) -> Result<Db> {
    if path.symlink_metadata().is_ok() && std::fs::metadata(path).is_err() {
        return Err(DbError::Refused {
            path: path.to_path_buf(),
            reason: Refusal::DanglingLink,
        });
    }
    if mode != Mode::Create && !path.exists() && path.symlink_metadata().is_err() {
        return Err(DbError::Missing {
            path: path.to_path_buf(),
        });
    }
    // A file that is not ours is refused before anything is made beside it (its header is read
    // only while no connection of this process has the file open).
    if path.exists() {
        refuse::refuse_unusable(path, key)?;
    }
    let lock = match kind {
        Some(LockKind::Shared) if mode == Mode::Read => InstanceLock::for_reading(path)?,
        Some(LockKind::Shared) => Some(InstanceLock::shared(path)?),
        Some(LockKind::Exclusive) => Some(InstanceLock::exclusive(path)?),
        None => None,
    };
    if mode == Mode::Create && path.symlink_metadata().is_err() {
        open::create_database(path, key)?;
    }
    let opened = opened::OpenFile::register(path)?;
    let mut conn = open::open_file(path, mode, key)?;
    if mode == Mode::Read {
        migrate::refuse_other_version(&conn, path)?;
    } else {
        migrate::migrate(&mut conn, path)?;
    }
    Ok(Db {
        conn,
        path: Some(path.to_path_buf()),
        damaged: false,
        key: key.cloned(),
        opened: Some(opened),
        _lock: lock,
    })
}

impl Db {
    /// A fresh database in memory, for tests.
    pub fn open_in_memory() -> Result<Db> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn)?;
        migrate::migrate(&mut conn, Path::new(":memory:"))?;
        Ok(Db {
            conn,
            path: None,
            damaged: false,
            key: None,
            opened: None,
            _lock: None,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The key the database was opened with (none for a plain file).
    pub fn key(&self) -> Option<&Key> {
        self.key.as_ref()
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction, committed only if `f` succeeds.
    pub fn write<T, E: From<DbError>>(
        &mut self,
        f: impl FnOnce(&WriteTx<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if self.damaged {
            return Err(DbError::ReadOnlyDamaged.into());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(DbError::from)?;
        // Checked with the write lock held: nobody can replace the file between this look and
        // the commit without that lock.
        if let Some(opened) = &self.opened
            && !opened.still_there()
        {
            return Err(DbError::FileReplaced {
                path: self.path.clone().unwrap_or_default(),
            }
            .into());
        }
        let tx = WriteTx {
            read: ReadTx { tx },
        };
        let value = f(&tx)?;
        tx.read.tx.commit().map_err(DbError::from)?;
        Ok(value)
    }

    /// SQLite's quick check of the whole file (it reads every page: about a second at
    /// 50,000 families). A file that fails it is from then on read, never written.
    pub fn check_integrity(&mut self) -> Result<bool> {
        let ok = maintenance::quick_check_ok(&self.conn);
        if !ok {
            self.damaged = true;
        }
        Ok(ok)
    }

    /// SQLite's quick check of the tables a command appends to (each with its indexes), the
    /// schema's page and the free pages: what such a write touches, in microseconds whatever the
    /// register's size. Damage elsewhere cannot spread through that write; the full check (the
    /// app's, `check`, an import) finds it. A file that fails is from then on read, never written.
    pub fn check_tables(&mut self, tables: &[&str]) -> Result<bool> {
        let ok = maintenance::quick_check_of_ok(&self.conn, tables);
        if !ok {
            self.damaged = true;
        }
        Ok(ok)
    }

    /// SQLite's full check: the quick one, and every index against its table (a few seconds at
    /// 50,000 families). For the commands that write many rows, which an index SQLite's quick
    /// check cannot see could corrupt further.
    pub fn check_integrity_fully(&mut self) -> Result<bool> {
        // A cache of another size changes only how fast: a failure to set it is no failure.
        let _ = self
            .conn
            .pragma_update(None, "cache_size", -open::CHECK_CACHE_KIB);
        let ok = maintenance::integrity_check_ok(&self.conn);
        let _ = self
            .conn
            .pragma_update(None, "cache_size", -open::CACHE_KIB);
        if !ok {
            self.damaged = true;
        }
        Ok(ok)
    }

    /// Refuses every write from now on (another connection found the file damaged).
    pub fn refuse_writes(&mut self) {
        self.damaged = true;
    }

    pub fn is_damaged(&self) -> bool {
        self.damaged
    }

    /// SQLite's count of commits made by other connections to the file (other windows,
    /// commands, this process's background reader); this connection's own commits leave it
    /// as it is. A look costs microseconds and reads no row, so a window can look often.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
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

#[cfg(test)]
pub(crate) mod tests;
