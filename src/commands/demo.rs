//! `hembesok demo`: fills a database with fictional data and says what it made.

use super::out;
use std::time::Instant;

use anyhow::Result;
use chrono::NaiveDate;

use super::Invocation;
use crate::cli::DemoArgs;
use crate::db::Db;
use crate::i18n::cli::{CommandError, Done};
use crate::ops::demo;

pub fn run(db: &mut Db, args: &DemoArgs, inv: &Invocation) -> Result<()> {
    let today = match &args.today {
        Some(text) => {
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| CommandError::NotADate {
                flag: "--today",
                text: text.clone(),
            })?
        }
        None => inv.today(),
    };
    let started = Instant::now();
    let c = demo::generate(db, args.families, args.seed, today, args.force, &inv.ctx())
        .map_err(crate::i18n::cli::demo_error)?;
    let done = Done::Demo {
        families: c.families,
        staff: c.staff,
        visits: c.visits,
        groups: c.groups,
        sessions: c.sessions,
        seconds: started.elapsed().as_secs_f64(),
    };
    out::say(done.render(inv.lang))?;
    if let Some(path) = db.path() {
        let done = Done::DemoDatabase {
            path: path.to_path_buf(),
        };
        out::say(done.render(inv.lang))?;
    }
    Ok(())
}
