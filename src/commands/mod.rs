//! The subcommands: each opens the database, does one job, and says what it did.

mod audit;
mod backup;
mod calendar;
mod check;
mod cipher;
mod demo;
mod import;
mod init;
mod out;
mod report;
mod restore;
mod retention;

pub use crate::ops::import::{Columns, columns_for};

use std::path::{Path, PathBuf};

use crate::cli::{Cli, Command};
use crate::db::{Db, Key, Mode};
use crate::error::{CommandError, Error, Result};
use crate::i18n::Lang;
use crate::ops::key::{KeyError, KeySource, OpenError, TRIES};
use crate::session::Session;

/// The database a command works on: with `--demo` the demo database, as in the app (it wins
/// over `--db` and `HEMBESOK_DB`), else `--db`, `HEMBESOK_DB` or the default.
pub fn db_path(cli: &Cli) -> Result<PathBuf> {
    let path = if cli.demo {
        crate::paths::demo_db_path()
    } else {
        crate::paths::db_path(cli.db.as_deref())
    };
    Ok(path.ok_or(CommandError::NoHomeFolder)?)
}

/// With `--demo`, makes the demo database first if it is missing, as the app does, so that a
/// command on it finds the same fictional municipality. `demo` fills the file itself, and
/// `restore` replaces it.
fn prepare_demo(cli: &Cli, session: &Session) -> Result<()> {
    match &cli.command {
        // `init` makes the database at its own path; completions need none.
        None
        | Some(
            Command::Demo(_) | Command::Restore(_) | Command::Init(_) | Command::Completions(_),
        ) => return Ok(()),
        Some(Command::Encrypt | Command::Decrypt | Command::Rekey(_)) => {
            return Err(CommandError::DemoNeverEncrypted.into());
        }
        Some(
            Command::Import(_)
            | Command::Check(_)
            | Command::Backup(_)
            | Command::Calendar(_)
            | Command::Audit(_)
            | Command::Retention(_)
            | Command::Report(_),
        ) => {}
    }
    let path = db_path(cli)?;
    if let Some(created) = crate::ops::demo::make_demo_if_missing(&path, &session.ctx())
        .map_err(crate::i18n::messages::cli::demo_error)?
    {
        let done = crate::i18n::messages::cli::Done::DemoForApp {
            families: created.families,
            path,
        };
        eprintln!("{}", done.render(session.lang));
    }
    Ok(())
}

/// Asks for the passphrase of `path` on the terminal; asked again, it says the last was wrong.
fn asker(path: &Path, lang: Lang) -> impl Fn(u32) -> std::result::Result<Key, KeyError> + '_ {
    move |n| {
        if n > 1 {
            eprintln!(
                "{}",
                crate::i18n::messages::cli::try_again(TRIES - n + 1, lang)
            );
        }
        crate::term::ask(&crate::i18n::messages::cli::ask_passphrase(path, lang))
    }
}

/// Runs `attempt` with the key of the database at `path` under the one key policy
/// (`ops::key::with_key`): the key file, else asked on a terminal, else none.
pub fn with_key<T>(
    cli: &Cli,
    path: &Path,
    session: &Session,
    attempt: impl FnMut(Option<&Key>) -> std::result::Result<T, crate::db::DbError>,
) -> Result<(T, Option<Key>)> {
    let ask = asker(path, session.lang);
    let source = KeySource {
        // The demo database is never encrypted: a key file meant for the real one is not for it.
        file: if cli.demo {
            None
        } else {
            cli.key_file.as_deref()
        },
        ask: crate::term::can_ask()
            .then_some(&ask as &dyn Fn(u32) -> std::result::Result<Key, KeyError>),
    };
    crate::ops::key::with_key(path, source, attempt).map_err(|e| match e {
        OpenError::Db(e) => CommandError::CannotOpenDatabase(e).into(),
        OpenError::Key(e) => Error::Key(e),
    })
}

/// Opens the database for a command: `Create` for the commands that fill one (demo, import),
/// `Write` for the others, which never make a database at a mistyped path, `Read` for those
/// that only read.
pub fn open_db(cli: &Cli, mode: Mode, session: &Session) -> Result<Db> {
    let path = db_path(cli)?;
    Ok(with_key(cli, &path, session, |key| {
        crate::db::connect(&path, mode, key)
    })?
    .0)
}

/// Opens the database for a command that writes into it, after SQLite's quick check of the
/// whole file: a damaged one is refused every write until it is restored.
pub(crate) fn checked_db(cli: &Cli, mode: Mode, session: &Session) -> Result<Db> {
    let mut db = open_db(cli, mode, session)?;
    db.check_integrity()?;
    Ok(db)
}

/// Opens the database for a command that only appends to `tables` (a report: its record and
/// its audit row), after SQLite's quick check of those tables, the schema's page and the free
/// pages: all that write can touch, so it cannot spread damage, and a damaged one is refused.
/// The whole file's check (a second at 50,000 families) is left to the app, `check` and the
/// commands that write many rows.
pub(crate) fn appending_db(cli: &Cli, session: &Session, tables: &[&str]) -> Result<Db> {
    let mut db = open_db(cli, Mode::Write, session)?;
    db.check_tables(tables)?;
    Ok(db)
}

/// As [`checked_db`], with SQLite's full check (indexes against their tables too), for the
/// commands that write many rows: an import into a damaged index would spread the damage.
pub(crate) fn fully_checked_db(cli: &Cli, mode: Mode, session: &Session) -> Result<Db> {
    let mut db = open_db(cli, mode, session)?;
    db.check_integrity_fully()?;
    Ok(db)
}

/// Runs the subcommand, answering in the session's language.
pub fn run(cli: &Cli, session: &Session) -> Result<()> {
    if cli.demo {
        prepare_demo(cli, session)?;
    }
    match &cli.command {
        None => Err(CommandError::NoSubcommand.into()),
        Some(Command::Demo(args)) => {
            demo::run(&mut open_db(cli, Mode::Create, session)?, args, session)
        }
        Some(Command::Import(args)) => import::run(cli, args, session),
        Some(Command::Check(args)) => check::run(cli, args, session),
        Some(Command::Backup(args)) => {
            backup::run(&mut open_db(cli, Mode::Write, session)?, args, session)
        }
        Some(Command::Calendar(args)) => {
            calendar::run(&mut checked_db(cli, Mode::Write, session)?, args, session)
        }
        Some(Command::Audit(args)) => audit::run(cli, args, session),
        Some(Command::Restore(args)) => restore::run(cli, args, session),
        Some(Command::Retention(args)) => retention::run(cli, args, session),
        Some(Command::Report(args)) => {
            let mut db = appending_db(cli, session, crate::db::REPORT_WRITES)?;
            report::run(&mut db, args, session)
        }
        Some(Command::Encrypt) => cipher::encrypt(cli, session),
        Some(Command::Decrypt) => cipher::decrypt(cli, session),
        Some(Command::Rekey(args)) => cipher::rekey(cli, args, session),
        Some(Command::Init(args)) => init::run(args, session),
        Some(Command::Completions(args)) => {
            completions(args.shell);
            Ok(())
        }
    }
}

/// Prints the shell's completions of every command and option to stdout; opens no database.
fn completions(shell: clap_complete::Shell) {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "hembesok", &mut std::io::stdout());
}
