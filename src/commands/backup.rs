//! `hembesok backup PATH`: a verified, private copy made by SQLite, never a copy of the live
//! file; it says the copy's audit chain head, and warns when the log it copied is broken.

use super::out;
use crate::error::Result;

use crate::cli::BackupArgs;
use crate::db::Db;
use crate::i18n::messages::cli::{CommandError, Done, chain_warning};
use crate::session::Session;

pub fn run(db: &mut Db, args: &BackupArgs, session: &Session) -> Result<()> {
    let made = crate::ops::maintenance::backup(db, &session.ctx(), &args.path, args.force)
        .map_err(|e| match e {
            crate::ops::OpsError::Save(e) | crate::ops::OpsError::Read(e) => {
                CommandError::BackupNotWritten(e)
            }
            other => CommandError::Op(other),
        })?;
    if let Some(warning) = made
        .log_broken
        .as_ref()
        .and_then(|s| chain_warning(s, session.lang))
    {
        eprintln!("{warning}");
    }
    let done = Done::Backup {
        path: args.path.clone(),
    };
    out::say(done.render(session.lang))?;
    if let Some(head) = made.head {
        out::say(Done::ChainHead(head).render(session.lang))?;
    }
    Ok(())
}
