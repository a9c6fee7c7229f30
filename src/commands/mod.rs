//! The subcommands: each opens the database, does one job, and says what it did.

mod audit;
mod backup;
mod calendar;
mod check;
mod cipher;
mod demo;
mod import;
mod out;
mod report;
mod restore;
mod retention;

pub use crate::ops::import::{Columns, columns_for};

use std::path::PathBuf;

use anyhow::Result;
use chrono::{Local, NaiveDate, NaiveDateTime};

use crate::cli::{Cli, Command};
use crate::db::{Db, Key, Mode};
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::domain::model::AuditEntry;
use crate::i18n::Lang;
use crate::i18n::cli::CommandError;

/// Who and when, for the audit rows a command writes, and the language it answers in.
#[derive(Debug, Clone)]
pub struct Invocation {
    pub actor: String,
    pub now: NaiveDateTime,
    pub lang: Lang,
}

impl Invocation {
    /// The user from the config (else the operating system), the clock, and the language from
    /// the config or the locale (`--lang` is the caller's to apply).
    pub fn from_environment() -> Self {
        let (config, _) = crate::config::default_path()
            .map(|p| crate::config::load(&p))
            .unwrap_or_default();
        Invocation {
            lang: crate::config::resolve_lang(None, &config, |k| std::env::var(k).ok()),
            actor: crate::paths::actor(config.coordinator.as_deref()),
            now: Local::now().naive_local(),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub fn audit(
        &self,
        action: AuditAction,
        entity: AuditEntity,
        detail: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            detail,
            ..self.ctx().audit(action, entity, None)
        }
    }

    /// Who and when, for the use cases in `ops`.
    pub fn ctx(&self) -> crate::ops::Ctx {
        crate::ops::Ctx {
            actor: self.actor.clone(),
            now: self.now,
        }
    }
}

pub fn db_path(cli: &Cli) -> Result<PathBuf> {
    Ok(crate::paths::db_path(cli.db.as_deref()).ok_or(CommandError::NoHomeFolder)?)
}

/// The key for the database at `path`: from `--key-file` (or `HEMBESOK_KEY_FILE`), else
/// asked on the terminal when the file looks encrypted, else none (an encrypted file is then
/// refused with a message that says how to give the key).
pub fn key_for(cli: &Cli, path: &std::path::Path, lang: Lang) -> Result<Option<Key>> {
    if let Some(file) = &cli.key_file {
        return Ok(Some(crate::ops::key::read_key_file(file)?));
    }
    if crate::db::looks_encrypted(path) && crate::ops::key::can_ask() {
        let prompt = crate::i18n::cli::ask_passphrase(path, lang);
        return Ok(Some(crate::ops::key::ask(&prompt)?));
    }
    Ok(None)
}

/// Opens the database for a command: `Create` for the commands that fill one (demo, import),
/// `Write` for the others, which never make a database at a mistyped path.
pub fn open_db(cli: &Cli, mode: Mode, lang: Lang) -> Result<Db> {
    let path = db_path(cli)?;
    let key = key_for(cli, &path, lang)?;
    Ok(crate::db::connect(&path, mode, key.as_ref()).map_err(CommandError::CannotOpenDatabase)?)
}

/// Opens the database for a command that writes into it, after SQLite's quick check of the
/// whole file: a damaged one is refused every write until it is restored.
pub(crate) fn checked_db(cli: &Cli, mode: Mode, lang: Lang) -> Result<Db> {
    let mut db = open_db(cli, mode, lang)?;
    db.check_integrity()?;
    Ok(db)
}

/// As [`checked_db`], with SQLite's full check (indexes against their tables too), for the
/// commands that write many rows: an import into a damaged index would spread the damage.
pub(crate) fn fully_checked_db(cli: &Cli, mode: Mode, lang: Lang) -> Result<Db> {
    let mut db = open_db(cli, mode, lang)?;
    db.check_integrity_fully()?;
    Ok(db)
}

/// Runs the subcommand, answering in `lang` (resolved from `--lang`, the config and the locale).
pub fn run(cli: &Cli, lang: Lang) -> Result<()> {
    let ctx = Invocation {
        lang,
        ..Invocation::from_environment()
    };
    match &cli.command {
        None => Err(CommandError::NoSubcommand.into()),
        Some(Command::Demo(args)) => demo::run(&mut open_db(cli, Mode::Create, lang)?, args, &ctx),
        Some(Command::Import(args)) => import::run(cli, args, &ctx),
        Some(Command::Check(args)) => {
            let path = db_path(cli)?;
            check::run(&path, key_for(cli, &path, lang)?.as_ref(), args, &ctx)
        }
        Some(Command::Backup(args)) => {
            backup::run(&mut open_db(cli, Mode::Write, lang)?, args, &ctx)
        }
        Some(Command::Calendar(args)) => {
            calendar::run(&mut checked_db(cli, Mode::Write, lang)?, args, &ctx)
        }
        Some(Command::Audit(args)) => audit::run(cli, args, &ctx),
        Some(Command::Restore(args)) => {
            let path = db_path(cli)?;
            restore::run(&path, key_for(cli, &path, lang)?.as_ref(), args, &ctx)
        }
        Some(Command::Retention(args)) => retention::run(cli, args, &ctx),
        Some(Command::Report(args)) => {
            report::run(&mut checked_db(cli, Mode::Write, lang)?, args, &ctx)
        }
        Some(Command::Encrypt) => cipher::encrypt(cli, &ctx),
        Some(Command::Decrypt) => cipher::decrypt(cli, &ctx),
        Some(Command::Rekey(args)) => cipher::rekey(cli, args, &ctx),
    }
}
