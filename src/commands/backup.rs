//! `hembesok backup PATH`: a verified, private copy made by SQLite, never a copy of the live file.

use super::out;
use anyhow::Result;

use super::Invocation;
use crate::cli::BackupArgs;
use crate::db::Db;
use crate::i18n::cli::{CommandError, Done};

pub fn run(db: &mut Db, args: &BackupArgs, ctx: &Invocation) -> Result<()> {
    crate::ops::maintenance::backup(db, &ctx.ctx(), &args.path, args.force).map_err(
        |e| match e {
            crate::ops::OpsError::Save(e) | crate::ops::OpsError::Read(e) => {
                CommandError::BackupNotWritten(e)
            }
            other => CommandError::Op(other),
        },
    )?;
    let done = Done::Backup {
        path: args.path.clone(),
    };
    out::say(done.render(ctx.lang))?;
    Ok(())
}
