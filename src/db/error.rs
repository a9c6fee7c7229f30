//! What the store answers when it cannot do what was asked: typed, without words (the words,
//! in Swedish and English, are `i18n::messages::database`'s).

use std::path::PathBuf;

use super::maintenance::CheckName;

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
    /// Others than the owner (or, in a team's folder, its group) may read or write the file.
    FileOpenToOthers {
        team: bool,
    },
    /// In a team's folder, the file belongs to another group than the folder (named).
    OtherGroup {
        group: String,
    },
    /// The folder lets others in: a team's folder open to others, or any folder others may
    /// write in (and so replace the database).
    FolderOpenToOthers {
        folder: std::path::PathBuf,
        team: bool,
    },
}

/// A stored value this program cannot read, as it was found (quoted when shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadValue {
    /// Not a `YYYY-MM-DD` day.
    Date(String),
    /// Not a `YYYY-MM-DD HH:MM` time (or `HH:MM`, or with seconds where those are kept).
    Time(String),
    /// Outside the closed set of its column.
    Code(String),
}

/// Row mapping reports a bad value through rusqlite, which wants an error; it comes back out as
/// [`DbError::BadValue`] (see `From<rusqlite::Error>`).
impl std::error::Error for BadValue {}

/// Why the store could not do what was asked.
#[derive(Debug)]
pub enum DbError {
    Refused {
        path: PathBuf,
        reason: Refusal,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The OS error is part of the message, not a separate cause, so it is shown once.
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
    Missing {
        path: PathBuf,
    },
    TooOld {
        path: PathBuf,
        found: i64,
    },
    /// The key does not open the file: SQLCipher cannot read its first page with it.
    WrongKey {
        path: PathBuf,
    },
    ConvertUnverified(Vec<CheckName>),
    BadValue(BadValue),
    DuplicateFamilyRef(String),
    DuplicateStaffName,
    FamilyGone,
    VisitGone,
    /// A move of a visit that is no longer planned (its outcome was recorded meanwhile).
    VisitNotPlanned,
    ProgrammeChanged {
        id: String,
        version: u32,
    },
    /// The file failed its integrity check, so it is open for reading only.
    ReadOnlyDamaged,
    /// The journal mode SQLite reports instead of WAL.
    NoWal(String),
    BackupUnverified(Vec<CheckName>),
    /// A rule of the schema refused the row (a missing programme, a value out of its set).
    Constraint(String),
    /// SQLite reports the file malformed.
    Damaged,
    /// The file at the database's path is no longer the one this program opened (another
    /// program replaced or removed it): nothing is written into the old one.
    FileReplaced {
        path: PathBuf,
    },
    /// The disk (or the user's quota) is full.
    DiskFull,
    /// SQLite's own message; kept as text so that error chains do not repeat it.
    Sqlite(String),
}

/// Its `Display` (English, for error chains at the edge of a command) is in
/// `i18n::messages::database`, beside the Swedish.
impl std::error::Error for DbError {}

impl From<BadValue> for DbError {
    fn from(e: BadValue) -> Self {
        DbError::BadValue(e)
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        if let rusqlite::Error::FromSqlConversionFailure(_, _, cause) = &e
            && let Some(bad) = cause.downcast_ref::<BadValue>()
        {
            return DbError::BadValue(bad.clone());
        }
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

/// Whether an I/O failure was the disk filling up: SQLite keeps the system's error number.
fn disk_is_full(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_FULL
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::ENOSPC))
}

/// Whether `e` is the unique index on `table.column` refusing a second row with one value;
/// other constraint failures (a missing programme, a value out of its set) are not that.
pub(super) fn is_unique_violation(e: &rusqlite::Error, table: &str, column: &str) -> bool {
    match e {
        rusqlite::Error::SqliteFailure(f, Some(message)) => {
            f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                && message.contains(&format!("{table}.{column}"))
        }
        _ => false,
    }
}

pub type Result<T> = std::result::Result<T, DbError>;
