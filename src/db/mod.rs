//! The only module that touches SQLite: opening, migrations, and one repository file per aggregate.

mod audit;
mod calendar;
mod calendar_sent;
mod check;
mod cipher;
mod day_reads;
mod families;
mod group_import;
mod group_links;
mod group_list;
mod group_reads;
mod groups;
mod lock;
mod maintenance;
mod migrate;
mod open;
mod report;
mod report_review;
mod report_runs;
mod retention;
mod staff;
mod views;
mod visit_reads;
mod visits;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, TransactionBehavior};

pub use audit::{ChainState, Head, HeadCheck, HeadQuery};
pub use check::{CheckDetail, CheckItem, CheckName, Repair, check_file};
pub use cipher::{convert, looks_encrypted};
pub use lock::{InstanceLock, LockKind, on_wait};
pub use maintenance::{BackupCopy, Counts};
pub use migrate::LATEST_VERSION;
pub use open::{APPLICATION_ID, refuse_foreign, refuse_unusable};
pub use report_runs::{EarlierRun, NewRun};
pub use retention::RetentionCounts;
pub use visits::VisitRecord;

/// Why a file was refused: it is not ours, not safe to keep a database in, or in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Folder,
    /// A pipe, a device or anything else that is not a plain file.
    NotAFile,
    /// A symbolic link whose target does not exist.
    DanglingLink,
    EmptyFile,
    NotSqlite,
    /// Another program's SQLite database, by its application id.
    Foreign(i32),
    /// Inside a folder a sync service copies (its name).
    CloudFolder(String),
    /// On a network file system (its type).
    NetworkFileSystem(String),
    /// Another window or command has the database open, so a whole-file command may not run.
    OpenElsewhere,
    /// A whole-file command (encrypt, decrypt, rekey, restore, retention --apply) has the
    /// database, and did not finish while this one waited.
    WholeFileCommandRunning,
    /// The file has more than one name (hard links): each name would get its own lock and its
    /// own write-ahead log, and writes through one would be lost through the other.
    HardLinked(u64),
    /// A backup's target exists, and replacing it was not asked for.
    TargetExists,
    /// A backup's target is the database itself.
    TargetIsDatabase,
    NoFileName,
    /// A backup to restore from fails these checks.
    BackupFailsChecks(Vec<CheckName>),
    /// An encrypted file (or one that is no SQLite file at all) opened without a key.
    Encrypted,
    /// A plain, unencrypted file opened with a key.
    NotEncrypted,
    /// Encrypting a database that is encrypted already.
    AlreadyEncrypted,
    /// Decrypting or rekeying a plain database.
    Plain,
    /// The database's write-ahead log is still held by another program.
    InUse,
}

/// The English words, for error chains at the edge of a command; `i18n` has both languages.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Folder => f.write_str("is a folder; give the path of a database file"),
            Refusal::NotAFile => f.write_str("is not a plain file (a pipe or a device, say); give the path of a database file"),
            Refusal::DanglingLink => f.write_str("is a link to a file that does not exist; remove the link or give the real path"),
            Refusal::EmptyFile => f.write_str("is an empty file, not a hembesok database; it was left as it is. Remove it, or give another path"),
            Refusal::NotSqlite => f.write_str("is not a hembesok database (not an SQLite file at all, or damaged); it was left as it is"),
            Refusal::Foreign(id) => write!(f, "is another program's SQLite database (application id {id:#x}), not hembesok's; it was left as it is"),
            Refusal::CloudFolder(name) => write!(f, "is inside a cloud-synced folder ({name}); a database there can be copied half-written. Keep it on a local disk and use `hembesok backup` for copies"),
            Refusal::NetworkFileSystem(kind) => write!(f, "is on a network file system ({kind}), where SQLite's locks do not hold; keep the database on a local disk"),
            Refusal::OpenElsewhere => f.write_str("is open in another hembesok window or command; close them and try again; nothing was changed"),
            Refusal::WholeFileCommandRunning => f.write_str("is being rewritten by a whole-file command (encrypt, decrypt, rekey, restore or retention --apply), which did not finish in time; try again when it has; nothing was changed"),
            Refusal::HardLinked(n) => write!(f, "has {n} names (hard links); a database must have one, or writes through one name are lost through another. Keep one name: remove the others with `rm`, or copy the database with `hembesok backup`"),
            Refusal::TargetExists => f.write_str("already exists; pass --force to replace it"),
            Refusal::TargetIsDatabase => f.write_str("is the database itself; choose another path"),
            Refusal::NoFileName => f.write_str("has no file name"),
            Refusal::BackupFailsChecks(what) => write!(f, "does not pass the checks ({}); nothing was restored", check_names(what)),
            Refusal::Encrypted => f.write_str("is encrypted (or is not a hembesok database at all); give its passphrase with --key-file PATH or HEMBESOK_KEY_FILE, or run on a terminal to be asked for it"),
            Refusal::NotEncrypted => f.write_str("is not encrypted, but a key was given; leave out --key-file and HEMBESOK_KEY_FILE, or encrypt it first with `hembesok encrypt`"),
            Refusal::AlreadyEncrypted => f.write_str("is already encrypted; change its passphrase with `hembesok rekey`; nothing was changed"),
            Refusal::Plain => f.write_str("is not encrypted, so it has no passphrase to change or remove; encrypt it with `hembesok encrypt`; nothing was changed"),
            Refusal::InUse => f.write_str("is in use by another hembesok program (its write-ahead log is open); try again when it has finished; nothing was changed"),
        }
    }
}

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("{path} {reason}")]
    Refused { path: PathBuf, reason: Refusal },
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
    #[error(
        "{path}: there is no database here; check the path, or make one with `hembesok import` or `hembesok demo`"
    )]
    Missing { path: PathBuf },
    #[error(
        "{path} was made by an older hembesok (schema version {found}); open it once with the app or a command that writes, to upgrade it"
    )]
    TooOld { path: PathBuf, found: i64 },
    /// The key does not open the file: SQLCipher cannot read its first page with it.
    #[error("{path}: wrong passphrase; nothing was opened or changed")]
    WrongKey { path: PathBuf },
    #[error("the converted copy did not verify ({}); the database was left as it was", check_names(.0))]
    ConvertUnverified(Vec<CheckName>),
    #[error("the database holds a value this program cannot read: {0}")]
    BadValue(String),
    #[error("the family reference {0} is already registered")]
    DuplicateFamilyRef(String),
    #[error("a staff member with that name is already registered")]
    DuplicateStaffName,
    #[error("the family no longer exists")]
    FamilyGone,
    #[error("the visit no longer exists")]
    VisitGone,
    /// A move of a visit that is no longer planned (its outcome was recorded meanwhile).
    #[error(
        "the visit is no longer planned (its outcome was recorded meanwhile); nothing was changed"
    )]
    VisitNotPlanned,
    #[error(
        "programme {id} version {version} is already stored with other content; raise `version` in the edited template"
    )]
    ProgrammeChanged { id: String, version: u32 },
    #[error(
        "the database failed its integrity check, so it is open for reading only; nothing was written. Run `hembesok check`, then `hembesok restore` from a backup"
    )]
    ReadOnlyDamaged,
    #[error("the database could not switch to WAL journaling (it reports {0})")]
    NoWal(String),
    #[error("the backup did not verify ({}); nothing was replaced", check_names(.0))]
    BackupUnverified(Vec<CheckName>),
    /// A rule of the schema refused the row (a missing programme, a value out of its set).
    #[error("the database refused the change: {0}")]
    Constraint(String),
    #[error(
        "the database file is damaged (SQLite reports it malformed); nothing was written. Run `hembesok check` and restore from a backup"
    )]
    Damaged,
    /// The file at the database's path is no longer the one this program opened (another
    /// program replaced or removed it): nothing is written into the old one.
    #[error(
        "{path} was replaced or removed by another program while this one had it open; nothing was written. Close this window or command and start it again"
    )]
    FileReplaced { path: PathBuf },
    /// The disk (or the user's quota) is full.
    #[error("the disk is full; nothing was written. Make room on the disk and try again")]
    DiskFull,
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
            Some(rusqlite::ErrorCode::ConstraintViolation) => DbError::Constraint(e.to_string()),
            Some(rusqlite::ErrorCode::DiskFull) => DbError::DiskFull,
            // SQLite says "disk I/O error" when a write finds no room left.
            Some(rusqlite::ErrorCode::SystemIoFailure) if disk_is_full(&e) => DbError::DiskFull,
            _ => DbError::Sqlite(e.to_string()),
        }
    }
}

/// The checks that failed, for the English error chain (`i18n` has both languages).
fn check_names(names: &[CheckName]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether an I/O failure was the disk filling up: SQLite keeps the system's error number.
fn disk_is_full(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_FULL
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::ENOSPC))
}

/// Whether `e` is the unique index on `table.column` refusing a second row with one value;
/// other constraint failures (a missing programme, a value out of its set) are not that.
fn is_unique_violation(e: &rusqlite::Error, table: &str, column: &str) -> bool {
    match e {
        rusqlite::Error::SqliteFailure(f, Some(message)) => {
            f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                && message.contains(&format!("{table}.{column}"))
        }
        _ => false,
    }
}

pub type Result<T> = std::result::Result<T, DbError>;

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
    opened: Option<open::OpenFile>,
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
        open::refuse_unusable(path, key)?;
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
    let opened = open::OpenFile::register(path)?;
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
        let ok = check::quick_check_ok(&self.conn);
        if !ok {
            self.damaged = true;
        }
        Ok(ok)
    }

    /// SQLite's full check: the quick one, and every index against its table (a few seconds at
    /// 50,000 families). For the commands that write many rows, which an index SQLite's quick
    /// check cannot see could corrupt further.
    pub fn check_integrity_fully(&mut self) -> Result<bool> {
        let ok = check::integrity_check_ok(&self.conn);
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
