//! `hembesok restore PATH`: put a verified backup back, keeping what was there as a safety copy.

use super::out;
use crate::error::Result;

use crate::cli::{Cli, RestoreArgs};
use crate::db::InstanceLock;
use crate::i18n::messages::cli::{CommandError, Done};
use crate::session::Session;

pub fn run(cli: &Cli, args: &RestoreArgs, session: &Session) -> Result<()> {
    let db_path = &super::db_path(cli)?;
    // Nobody may have the database open, in a window or a command, while it is replaced.
    let _lock = InstanceLock::exclusive(db_path)?;
    let (mut db, _) = super::with_key(cli, db_path, session, |key| {
        crate::db::connect(db_path, crate::db::Mode::Write, key)
    })?;
    let name = db_path
        .file_stem()
        .map_or_else(|| "hembesok".into(), |s| s.to_string_lossy().to_string());
    let safety = db_path.with_file_name(format!(
        "{name}.before-restore-{}.sqlite",
        session.now().format("%Y%m%d-%H%M%S")
    ));
    let counts = crate::ops::maintenance::restore(&mut db, &session.ctx(), &args.path, &safety)
        .map_err(|e| match e {
            crate::ops::OpsError::Save(e) | crate::ops::OpsError::Read(e) => {
                CommandError::NothingRestored(e)
            }
            other => CommandError::Op(other),
        })?;
    let done = Done::Restored {
        families: counts.families,
        visits: counts.visits,
        from: args.path.clone(),
        safety,
    };
    out::say(done.render(session.lang))?;
    Ok(())
}
