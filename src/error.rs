//! The one error a run of hembesok can end with, whatever part of it failed: `main` says it in
//! the user's language (`i18n::messages::cli::error`) and exits with a failure.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::db::DbError;
use crate::domain::calendar::WeekError;
use crate::ops::OpsError;
use crate::ops::key::{KeyError, OpenError};

#[derive(Debug)]
pub enum Error {
    /// A command stopped, for a reason of its own.
    Command(CommandError),
    Db(DbError),
    Key(KeyError),
    /// A use case refused or failed.
    Ops(OpsError),
    /// Writing to the terminal or standard output failed.
    Output(std::io::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

impl From<CommandError> for Error {
    fn from(e: CommandError) -> Self {
        Error::Command(e)
    }
}

impl From<DbError> for Error {
    fn from(e: DbError) -> Self {
        Error::Db(e)
    }
}

impl From<KeyError> for Error {
    fn from(e: KeyError) -> Self {
        Error::Key(e)
    }
}

impl From<OpsError> for Error {
    fn from(e: OpsError) -> Self {
        Error::Ops(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Output(e)
    }
}

impl From<OpenError> for Error {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::Key(e) => Error::Key(e),
            OpenError::Db(e) => Error::Db(e),
        }
    }
}

/// Why a command (or the app, before it draws) stopped, for a reason of its own: `main`
/// renders it in the user's language (`i18n::messages::cli`).
#[derive(Debug)]
pub enum CommandError {
    NoHomeFolder,
    /// `HEMBESOK_NOW` is not a time.
    BadClock {
        text: String,
    },
    /// The app was started without a terminal to draw in.
    NoTerminal,
    CannotOpenDatabase(DbError),
    NoSubcommand,
    CannotRead {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// An import file larger than any register's.
    ImportTooLarge {
        path: PathBuf,
        max_mb: u64,
    },
    NotUtf8 {
        path: PathBuf,
        line: u64,
    },
    ImportRefused {
        path: PathBuf,
        problems: usize,
    },
    /// The database failed during an import; nothing was written.
    ImportFailed(DbError),
    NotADate {
        flag: &'static str,
        text: String,
    },
    BadWeek {
        text: String,
        error: WeekError,
    },
    ToBeforeFrom {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// `calendar` needs `--staff` with `--out`, or `--all` with `--dir`.
    CalendarWhoAndWhere,
    /// A use case refused or failed (`ops`).
    Op(crate::ops::OpsError),
    NoSuchFamily {
        family_ref: String,
    },
    NoSuchDatabase {
        path: PathBuf,
    },
    ChecksFailed {
        failed: usize,
        total: usize,
    },
    BackupNotWritten(DbError),
    NothingRestored(DbError),
    /// `encrypt`, `decrypt` or `rekey` stopped; the database is as it was.
    NotConverted(DbError),
    DemoNotEmpty {
        families: i64,
        staff: i64,
    },
    /// `encrypt`, `decrypt` or `rekey` with `--demo`: the demo database is never encrypted.
    DemoNeverEncrypted,
    /// A file shipped inside the binary does not load: a build mistake, not the user's.
    BrokenAsset(String),
    BadQuarter {
        text: String,
        error: crate::domain::quarter::QuarterError,
    },
    /// `check --head` was given something that is no chain head.
    NotAHead {
        text: String,
    },
    /// `check --repair` found damage that rebuilding the indexes cannot mend.
    NotRepairable,
    /// `init --group` names a group the system does not have.
    NoSuchGroup {
        group: String,
    },
    /// `init` could not make the team's folder, file or system config as asked.
    NotInitialised {
        path: PathBuf,
        cause: std::io::Error,
    },
    BadYear {
        text: String,
        error: crate::domain::period::YearError,
    },
}
