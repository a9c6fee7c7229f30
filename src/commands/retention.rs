//! `hembesok retention`: the dry run's counts, or with `--apply` the anonymisation itself.

use super::out;
use crate::error::Result;
use chrono::NaiveDate;

use super::{fully_checked_db, open_db};
use crate::cli::{Cli, RetentionArgs};
use crate::db::Mode;
use crate::i18n::messages::cli::{CommandError, Done};
use crate::session::Session;

pub fn run(cli: &Cli, args: &RetentionArgs, session: &Session) -> Result<()> {
    let before = if let Some(t) = &args.before {
        NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| CommandError::NotADate {
            flag: "--before",
            text: t.clone(),
        })?
    } else {
        crate::ops::retention::default_before(session.today(), session.config.retention_years())
    };
    let done = if args.apply {
        // An open window holds the families' names on screen and in its forms, and could write
        // them back: like restore, the anonymisation waits until every window and command is
        // closed.
        let _lock = crate::db::InstanceLock::exclusive(&super::db_path(cli)?)?;
        let mut db = fully_checked_db(cli, Mode::Write, session)?;
        let run = crate::ops::retention::apply(&mut db, &session.ctx(), before)
            .map_err(CommandError::Op)?;
        Done::Retention {
            before,
            counts: run.counts,
            applied: true,
            wiped: run.wiped,
        }
    } else {
        // The dry run only reads: it neither upgrades, nor writes, nor creates.
        let mut db = open_db(cli, Mode::Read, session)?;
        let counts = crate::ops::retention::preview(&mut db, before).map_err(CommandError::Op)?;
        Done::Retention {
            before,
            counts,
            applied: false,
            wiped: false,
        }
    };
    out::say(done.render(session.lang))?;
    Ok(())
}
