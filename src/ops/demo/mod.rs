//! Demo data: a municipality's worth of realistic, fictional families, staff, visits and
//! groups, the same for the same seed and date. Used by `hembesok demo` and the app's `--demo`.

mod families;
mod groups;
mod names;
mod planner;
mod staff;
mod visits;

use chrono::NaiveDate;

use super::Ctx;
use crate::db::{Db, DbError};
use crate::domain::builtin::{builtin_programmes, template_text};

/// What one run created.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Created {
    pub families: u32,
    pub staff: u32,
    pub visits: u32,
    pub groups: u32,
    pub sessions: u32,
}

/// Why no demo data was made.
#[derive(Debug)]
pub enum DemoError {
    /// The database already holds data, and `force` was not given.
    NotEmpty {
        families: i64,
        staff: i64,
    },
    /// A shipped name list or programme template is broken (a build mistake).
    BrokenAsset(String),
    Db(DbError),
}

impl From<DbError> for DemoError {
    fn from(e: DbError) -> Self {
        DemoError::Db(e)
    }
}

/// How many families the demo database of `--demo` is made with.
pub const DEMO_FAMILIES: u32 = 120;

/// Makes the demo database at `path` with fictional data (seed 1, around `ctx`'s day) when it
/// is missing, for `--demo` in the app and in every command; `None` when it was already there.
/// The demo database is never encrypted.
pub fn make_demo_if_missing(
    path: &std::path::Path,
    ctx: &Ctx,
) -> Result<Option<Created>, DemoError> {
    if path.exists() {
        return Ok(None);
    }
    let mut db = crate::db::connect(path, crate::db::Mode::Create, None)?;
    generate(&mut db, DEMO_FAMILIES, 1, ctx.today(), false, ctx).map(Some)
}

/// Fills `db` for `families` families; refuses a database with data unless `force`.
pub fn generate(
    db: &mut Db,
    families: u32,
    seed: u64,
    today: NaiveDate,
    force: bool,
    ctx: &Ctx,
) -> Result<Created, DemoError> {
    let counts = db.read(|tx| tx.counts())?;
    if (counts.families > 0 || counts.staff > 0) && !force {
        return Err(DemoError::NotEmpty {
            families: counts.families,
            staff: counts.staff,
        });
    }
    let names = names::load().map_err(DemoError::BrokenAsset)?;
    let programmes = builtin_programmes().map_err(|e| DemoError::BrokenAsset(e.to_string()))?;
    let mut rng = fastrand::Rng::with_seed(seed);
    db.write(|tx| -> Result<Created, DemoError> {
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
                now: ctx.now,
            },
        )?;
        let (groups, sessions) =
            groups::create_groups(tx, &mut rng, &names, &roster, &family_list, &planner)?;
        let created = Created {
            families,
            staff: roster.len() as u32,
            visits: planner.visits_created,
            groups,
            sessions,
        };
        tx.insert_audit(&ctx.audit_note(
            crate::domain::enums::AuditAction::Demo,
            crate::domain::enums::AuditEntity::Database,
            Some(format!("seed {seed}, {families} families")),
        ))?;
        Ok(created)
    })
}
