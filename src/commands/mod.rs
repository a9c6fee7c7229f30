//! The subcommands: each opens the database, does one job, and says what it did.

mod audit;
mod backup;
mod calendar;
mod check;
pub mod demo;
mod files;
mod import;
mod restore;

pub use import::{Columns, columns_for};

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use chrono::{Local, NaiveDate, NaiveDateTime};

use crate::cli::{Cli, Command};
use crate::db::{Db, Mode};
use crate::domain::model::AuditEntry;

/// Who and when, for the audit rows a command writes.
#[derive(Debug, Clone)]
pub struct Invocation {
    pub actor: String,
    pub now: NaiveDateTime,
}

impl Invocation {
    pub fn from_environment() -> Self {
        let (config, _) = crate::config::default_path()
            .map(|p| crate::config::load(&p))
            .unwrap_or_default();
        Invocation {
            actor: config.coordinator.unwrap_or_else(crate::paths::os_user),
            now: Local::now().naive_local(),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    pub fn audit(&self, action: &str, entity: &str, detail: Option<String>) -> AuditEntry {
        AuditEntry {
            at: self.now,
            actor: self.actor.clone(),
            action: action.into(),
            entity: entity.into(),
            entity_id: None,
            detail,
        }
    }
}

pub fn db_path(cli: &Cli) -> Result<PathBuf> {
    cli.db
        .clone()
        .or_else(crate::paths::default_db_path)
        .ok_or_else(|| anyhow!("no home folder to keep the database in; give one with --db PATH"))
}

/// Opens the database for a command: `Create` for the commands that fill one (demo, import),
/// `Write` for the others, which never make a database at a mistyped path.
pub fn open_db(cli: &Cli, mode: Mode) -> Result<Db> {
    let path = db_path(cli)?;
    crate::db::connect(&path, mode, None).context("cannot open the database")
}

pub fn run(cli: &Cli) -> Result<()> {
    let ctx = Invocation::from_environment();
    match &cli.command {
        None => Err(anyhow!("no subcommand given; see hembesok --help")),
        Some(Command::Demo(args)) => demo::run(&mut open_db(cli, Mode::Create)?, args, &ctx),
        Some(Command::Import(args)) => import::run(&mut open_db(cli, Mode::Create)?, args, &ctx),
        Some(Command::Check) => check::run(&db_path(cli)?),
        Some(Command::Backup(args)) => backup::run(&mut open_db(cli, Mode::Write)?, args, &ctx),
        Some(Command::Calendar(args)) => calendar::run(&mut open_db(cli, Mode::Write)?, args, &ctx),
        Some(Command::Audit(args)) => audit::run(&mut open_db(cli, Mode::Write)?, args, &ctx),
        Some(Command::Restore(args)) => restore::run(&db_path(cli)?, args, &ctx),
    }
}
