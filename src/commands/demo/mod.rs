//! `hembesok demo`: a small municipality's worth of realistic, fictional data, the same for the
//! same seed and date.

mod families;
mod groups;
mod names;
mod planner;
mod staff;

use std::time::Instant;

use anyhow::Result;
use chrono::NaiveDate;

use super::Invocation;
use crate::cli::DemoArgs;
use crate::db::Db;
use crate::domain::builtin::{builtin_programmes, template_text};
use crate::i18n::cli::{CommandError, Done};

/// What one run created.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Created {
    pub families: u32,
    pub staff: u32,
    pub visits: u32,
    pub groups: u32,
    pub sessions: u32,
}

/// Fills `db` for `families` families; refuses a database with data unless `force`.
pub fn generate(
    db: &mut Db,
    families: u32,
    seed: u64,
    today: NaiveDate,
    force: bool,
    inv: &Invocation,
) -> Result<Created> {
    let counts = db.read(|tx| tx.counts())?;
    if (counts.families > 0 || counts.staff > 0) && !force {
        return Err(CommandError::DemoNotEmpty {
            families: counts.families,
            staff: counts.staff,
        }
        .into());
    }
    let names = names::load().map_err(CommandError::BrokenAsset)?;
    let programmes = builtin_programmes().map_err(|e| CommandError::BrokenAsset(e.to_string()))?;
    let mut rng = fastrand::Rng::with_seed(seed);
    db.write(|tx| -> Result<Created> {
        for p in &programmes {
            tx.ensure_programme(p, template_text(&p.id).unwrap_or_default())?;
        }
        let roster = staff::create(tx, &mut rng, &names, families)?;
        let mut planner = planner::Planner::new(today);
        let family_list = families::create(
            tx,
            &mut rng,
            &names,
            &programmes,
            &roster,
            &mut planner,
            families::Plan {
                count: families,
                seed,
                today,
                now: inv.now,
            },
        )?;
        let (groups, sessions) =
            groups::create_groups(tx, &mut rng, &names, &roster, &family_list, today)?;
        let created = Created {
            families,
            staff: roster.len() as u32,
            visits: planner.visits_created,
            groups,
            sessions,
        };
        tx.insert_audit(&inv.audit(
            crate::domain::enums::AuditAction::Demo,
            crate::domain::enums::AuditEntity::Database,
            Some(format!("seed {seed}, {families} families")),
        ))?;
        Ok(created)
    })
}

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
    let c = generate(db, args.families, args.seed, today, args.force, inv)?;
    let done = Done::Demo {
        families: c.families,
        staff: c.staff,
        visits: c.visits,
        groups: c.groups,
        sessions: c.sessions,
        seconds: started.elapsed().as_secs_f64(),
    };
    println!("{}", done.render(inv.lang));
    if let Some(path) = db.path() {
        let done = Done::DemoDatabase {
            path: path.to_path_buf(),
        };
        println!("{}", done.render(inv.lang));
    }
    Ok(())
}
