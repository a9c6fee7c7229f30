//! Demo families with caregivers, children (twins in about one family in sixty-four) and their
//! programme's visits.

use crate::db::Result;
use chrono::{Days, NaiveDate, NaiveDateTime};

use super::names::{Names, pick, weighted};
use super::planner::Planner;
use super::staff::Roster;
use super::visits::{Course, pick_team, visits_for};
use crate::db::WriteTx;
use crate::domain::enums::{ConsentMethod, Eligibility, ExitReason, FamilyStatus, Protection};
use crate::domain::identity::{IdKind, IdentityNumber, compose_number};
use crate::domain::model::{Consent, NewCaregiver, NewChild, NewFamily};
use crate::domain::programme::Programme;

#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub count: u32,
    pub seed: u64,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
}

/// What groups need to know of a created family.
#[derive(Debug, Clone)]
pub struct DemoFamily {
    pub id: i64,
    pub birth: NaiveDate,
    pub group: usize,
    pub active: bool,
}

pub(super) fn days_before(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(d)
}

pub(super) fn days_after(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).unwrap_or(d)
}

pub(super) fn chance(rng: &mut fastrand::Rng, percent: u32) -> bool {
    rng.u32(..100) < percent
}

/// Families are taken in blocks of this many, one of each with twins: about 1.6 %, near
/// Sweden's share of twin births (1.5–1.7 %), and one in every demo of 64 families or more.
const TWIN_BLOCK: u32 = 64;

/// A generator of its own for family `n`'s draws added after the demo's first form (twins,
/// the interpreter who did not come), so the main generator draws what it always drew and a
/// seed keeps the families, staff and visits it had.
fn side_rng(seed: u64, salt: u64, n: u32) -> fastrand::Rng {
    fastrand::Rng::with_seed(
        seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt.rotate_left(32) ^ u64::from(n),
    )
}

/// Whether family `n` (from 1) has twins: one family in each block of [`TWIN_BLOCK`], placed
/// by the seed.
fn has_twins(seed: u64, n: u32) -> bool {
    let block = (n - 1) / TWIN_BLOCK;
    side_rng(seed, 1, block).u32(..TWIN_BLOCK) == (n - 1) % TWIN_BLOCK
}

fn identity(rng: &mut fastrand::Rng, birth: NaiveDate, protected: bool) -> Option<IdentityNumber> {
    match rng.u32(..100) {
        0..=64 => Some(compose_number(birth, rng.u32(1..1000), false)),
        65..=76 => Some(compose_number(birth, rng.u32(1..1000), true)),
        // Reservnummer are not used for people with a protected identity.
        77..=84 if !protected => Some(IdentityNumber {
            kind: IdKind::Reservnummer,
            value: format!("99{}{:06}", rng.u32(20..27), rng.u32(..1_000_000)),
        }),
        _ => None,
    }
}

/// A twin's number is of the kind its twin's is (none before birth), with its own serial.
fn twin_identity(
    side: &mut fastrand::Rng,
    twin: Option<&IdentityNumber>,
    birth: NaiveDate,
) -> Option<IdentityNumber> {
    let twin = twin?;
    Some(match twin.kind {
        IdKind::Personnummer | IdKind::Samordningsnummer => compose_number(
            birth,
            side.u32(1..1000),
            twin.kind == IdKind::Samordningsnummer,
        ),
        IdKind::Reservnummer => IdentityNumber {
            kind: IdKind::Reservnummer,
            value: format!("99{}{:06}", side.u32(20..27), side.u32(..1_000_000)),
        },
        IdKind::None => return None,
    })
}

pub fn create(
    tx: &WriteTx<'_>,
    rng: &mut fastrand::Rng,
    names: &Names,
    programmes: &[Programme],
    roster: &Roster,
    planner: &mut Planner,
    plan: Plan,
) -> Result<Vec<DemoFamily>> {
    let today = plan.today;
    let group_weights: Vec<u32> = names.group.iter().map(|g| g.weight).collect();
    let programme_weights = [35, 30, 10, 15, 10]; // rinkeby, goteborg, grastorp, vaxa_tryggt, ordinary
    let mut out = Vec::with_capacity(plan.count as usize);
    for n in 1..=plan.count {
        let mut side = side_rng(plan.seed, 0, n);
        let gi = weighted(rng, &group_weights);
        let g = &names.group[gi];
        let area = rng.usize(..names.areas.len());
        let programme = &programmes[weighted(rng, &programme_weights[..programmes.len().min(5)])];
        let protection = match rng.u32(..1000) {
            0..=9 => Protection::Sekretessmarkering,
            10..=17 => Protection::SkyddadFolkbokforing,
            18..=19 => Protection::Fingerade,
            _ => Protection::None,
        };
        let needs_interpreter = chance(rng, g.interpreter);
        let surname = pick(rng, &g.surnames).clone();
        // Just over half the children from three months before birth to eighteen months old; the
        // rest up to four years old, as a register holds after a few years: families that
        // completed the programme or left it.
        let birth = if chance(rng, 45) {
            days_before(today, 540 + rng.u64(..900))
        } else {
            days_before(days_after(today, 90), rng.u64(..=630))
        };
        let expected = birth > today;
        let last_max = programme
            .last_visit()
            .map_or(birth, |v| v.max.from_birth(birth));
        // About one family in fifteen declines the offer, whenever it was made: a real
        // municipality's acceptance is high, not whole.
        let declines = !expected && chance(rng, 7);
        let status = if expected {
            FamilyStatus::Offered
        } else if declines {
            FamilyStatus::Declined
        } else if last_max < today {
            if chance(rng, 85) {
                FamilyStatus::Completed
            } else {
                FamilyStatus::Exited
            }
        } else {
            match rng.u32(..100) {
                0..=4 => FamilyStatus::Offered,
                5..=8 => FamilyStatus::Declined,
                9..=11 => FamilyStatus::Paused,
                12..=13 => FamilyStatus::Exited,
                _ => FamilyStatus::Active,
            }
        };
        let enrolled = !matches!(status, FamilyStatus::Offered | FamilyStatus::Declined);
        let enrolled_on = enrolled.then(|| days_after(birth, rng.u64(3..20)).min(today));
        // A family completes when its last window closes; one that left, in the last weeks.
        let exited_on = match status {
            FamilyStatus::Exited => Some(days_before(today, rng.u64(1..60)).max(birth)),
            FamilyStatus::Completed => Some(last_max.min(today)),
            _ => None,
        };
        let exit_reason = match status {
            FamilyStatus::Exited if last_max < today => Some(ExitReason::AgedOut),
            FamilyStatus::Exited => Some(if chance(rng, 70) {
                ExitReason::Moved
            } else {
                ExitReason::DeclinedFurther
            }),
            FamilyStatus::Completed => Some(ExitReason::Completed),
            _ => None,
        };
        let offered_on = days_before(birth.min(today), rng.u64(..14));
        // Every status keeps its day, as the report counts what happened in a period.
        let declined_on = (status == FamilyStatus::Declined)
            .then(|| days_after(offered_on, rng.u64(3..21)).min(today));
        let paused_on = (status == FamilyStatus::Paused).then(|| {
            let from = enrolled_on.unwrap_or(offered_on);
            let span = (today - from).num_days().max(1) as u64;
            days_after(from, rng.u64(..span)).min(today)
        });
        let protected = protection.is_protected();
        // Two different given names: the lists are short, and "Amina, Amina" looks like a mistake.
        let first_given = rng.usize(..g.given.len());
        let second_given =
            (first_given + 1 + rng.usize(..g.given.len().saturating_sub(1).max(1))) % g.given.len();
        let caregivers: Vec<NewCaregiver> = (0..if chance(rng, 75) { 2 } else { 1 })
            .map(|i| {
                let born = days_before(today, 365 * 18 + rng.u64(..365 * 24));
                let given = &g.given[if i == 0 { first_given } else { second_given }];
                NewCaregiver {
                    name: format!("{given} {surname}"),
                    relation: Some(
                        if i == 0 {
                            "förälder 1"
                        } else {
                            "förälder 2"
                        }
                        .to_string(),
                    ),
                    identity: identity(rng, born, protected),
                }
            })
            .collect();
        let child_identity = if expected {
            None
        } else {
            identity(rng, birth, true)
        };
        let eligibility = match rng.u32(..100) {
            0..=79 => Eligibility::FirstChild,
            80..=94 => Eligibility::FirstChildInSweden,
            _ => Eligibility::Other,
        };
        let mut languages = vec![g.language.clone()];
        if g.language != "svenska" && !needs_interpreter {
            languages.push("svenska".into());
        }
        let mut family = NewFamily {
            facts: crate::domain::model::FamilyFacts {
                family_ref: format!("D{}-{n:05}", plan.seed),
                display_name: format!("Familjen {surname}"),
                address: Some(format!("{} {}", pick(rng, &names.streets), rng.u32(1..80))),
                area: Some(names.areas[area].clone()),
                clinic: Some(names.clinics[area % names.clinics.len()].clone()),
                // 070-174 06 05 to 070-174 06 99 are reserved by PTS for fiction.
                phone: Some(format!("070-174 06 {:02}", rng.u32(5..100))),
                languages,
                interpreter_language: needs_interpreter.then(|| g.language.clone()),
                protection,
                eligibility: Some(eligibility),
                programme_id: programme.id.clone(),
                status,
                offered_on: Some(offered_on),
                enrolled_on,
                exited_on,
                exit_reason,
                note: None,
                consent: enrolled_on.map(|given_on| Consent {
                    given_by: caregivers[0].name.clone(),
                    scope: "samverkan BVC och socialtjänst".into(),
                    given_on,
                    method: Some(if chance(rng, 70) {
                        ConsentMethod::Written
                    } else {
                        ConsentMethod::Oral
                    }),
                    withdrawn_on: None,
                }),
            },
            children: vec![NewChild {
                name: format!("{} {surname}", pick(rng, &g.children)),
                birth_date: birth,
                expected,
                first_child: eligibility != Eligibility::Other,
                first_born_in_sweden: eligibility == Eligibility::FirstChildInSweden,
                identity: child_identity,
            }],
            caregivers,
        };
        if has_twins(plan.seed, n) {
            // The twin: born (or expected) the same day, a name of its own.
            let first = family.children[0].clone();
            let names: Vec<String> = g
                .children
                .iter()
                .map(|given| format!("{given} {surname}"))
                .filter(|name| *name != first.name)
                .collect();
            family.children.push(NewChild {
                name: if names.is_empty() {
                    first.name.clone()
                } else {
                    pick(&mut side, &names).clone()
                },
                identity: twin_identity(&mut side, first.identity.as_ref(), birth),
                ..first
            });
        }
        let family_id = tx.insert_family(&family, programme.version, plan.now)?;
        tx.set_declined_paused(family_id, declined_on, paused_on)?;
        if enrolled {
            let children: Vec<i64> = tx.children_of(family_id)?.iter().map(|c| c.id).collect();
            let team = pick_team(rng, roster, area);
            let course = Course {
                children: &children,
                birth,
                stop: exited_on.unwrap_or(NaiveDate::MAX),
                team,
                interpreter_language: family.interpreter_language.as_deref(),
                now: plan.now,
            };
            for visit in &programme.visits {
                visits_for(tx, rng, &mut side, planner, roster, visit, &course)?;
            }
        }
        out.push(DemoFamily {
            id: family_id,
            birth,
            group: gi,
            active: enrolled,
        });
    }
    Ok(out)
}
