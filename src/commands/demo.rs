//! `hembesok demo`: fills a database with fictional data and says what it made.

use super::out;
use std::time::Instant;

use crate::error::Result;
use chrono::NaiveDate;

use crate::cli::DemoArgs;
use crate::db::Db;
use crate::i18n::messages::cli::{CommandError, Done};
use crate::ops::demo;
use crate::session::Session;

pub fn run(db: &mut Db, args: &DemoArgs, session: &Session) -> Result<()> {
    let today = match &args.today {
        Some(text) => {
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| CommandError::NotADate {
                flag: "--today",
                text: text.clone(),
            })?
        }
        None => session.today(),
    };
    let started = Instant::now();
    let c = demo::generate(
        db,
        args.families,
        args.seed,
        today,
        args.force,
        &session.ctx(),
    )
    .map_err(crate::i18n::messages::cli::demo_error)?;
    let done = Done::Demo {
        families: c.families,
        staff: c.staff,
        visits: c.visits,
        groups: c.groups,
        sessions: c.sessions,
        seconds: started.elapsed().as_secs_f64(),
    };
    out::say(done.render(session.lang))?;
    if let Some(path) = db.path() {
        let done = Done::DemoDatabase {
            path: path.to_path_buf(),
        };
        out::say(done.render(session.lang))?;
    }
    Ok(())
}
