//! Demo families with caregivers, children and visits in every state; parent groups with sessions.

use crate::db::Result;
use chrono::{Days, NaiveDate, NaiveDateTime};

use super::names::{Names, pick, weighted};
use super::planner::Planner;
use super::staff::Roster;
use crate::db::WriteTx;
use crate::domain::enums::{
    ConsentMethod, Eligibility, ExitReason, FamilyStatus, Location, Protection, Referral, Role,
    VisitStatus,
};
use crate::domain::identity::{IdKind, IdentityNumber, compose_number};
use crate::domain::model::{
    Consent, Interpreter, NewCaregiver, NewChild, NewFamily, NewVisit, Staff, VisitStaff,
};
use crate::domain::programme::{Programme, ProgrammeVisit};
use crate::domain::schedule::Window;

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
        let family = NewFamily {
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
        let family_id = tx.insert_family(&family, programme.version, plan.now)?;
        tx.set_declined_paused(family_id, declined_on, paused_on)?;
        if enrolled {
            let child_id = tx.children_of(family_id)?.first().map_or(0, |c| c.id);
            let team = pick_team(rng, roster, area);
            let stop = exited_on.unwrap_or(NaiveDate::MAX);
            for visit in &programme.visits {
                let interpreter = family.interpreter_language.as_deref();
                visits_for(
                    tx,
                    rng,
                    planner,
                    roster,
                    team,
                    visit,
                    child_id,
                    birth,
                    stop,
                    interpreter,
                    plan.now,
                )?;
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

fn pick_team(rng: &mut fastrand::Rng, roster: &Roster, area: usize) -> usize {
    let in_area: Vec<usize> = (0..roster.teams.len())
        .filter(|t| roster.teams[*t].2 == area)
        .collect();
    if in_area.is_empty() {
        rng.usize(..roster.teams.len())
    } else {
        *pick(rng, &in_area)
    }
}

/// The visits of one programme visit: done, no-show then done, cancelled, booked or none, by
/// where its window stands today.
#[allow(clippy::too_many_arguments)]
fn visits_for(
    tx: &WriteTx<'_>,
    rng: &mut fastrand::Rng,
    planner: &mut Planner,
    roster: &Roster,
    team: usize,
    visit: &ProgrammeVisit,
    child_id: i64,
    birth: NaiveDate,
    stop: NaiveDate,
    interpreter_language: Option<&str>,
    now: NaiveDateTime,
) -> Result<()> {
    let today = planner.today;
    let w = Window::for_visit(birth, visit);
    let yesterday = days_before(today, 1);
    let mut staff: Vec<(&Staff, Role)> = Vec::new();
    for role in &visit.roles {
        let person = match role {
            Role::Nurse => &roster.teams[team].0,
            Role::ParentAdvisor => &roster.teams[team].1,
            Role::FamilyTherapist => pick(rng, &roster.therapists),
            Role::Dental => pick(rng, &roster.dental),
            _ => continue,
        };
        staff.push((person, *role));
    }
    let interpreter_staff: Option<&Staff> = interpreter_language.and_then(|lang| {
        let matching: Vec<&Staff> = roster
            .interpreters
            .iter()
            .filter(|s| s.languages.iter().any(|l| l == lang))
            .collect();
        (chance(rng, 50) && !matching.is_empty()).then(|| *pick(rng, &matching))
    });
    let mut book = |rng: &mut fastrand::Rng,
                    from: NaiveDate,
                    to: NaiveDate,
                    status: VisitStatus|
     -> Result<Option<NaiveDate>> {
        let to = to.min(stop);
        let long = chance(rng, 30);
        let mut people: Vec<&Staff> = staff.iter().map(|(s, _)| *s).collect();
        if let Some(i) = interpreter_staff {
            people.push(i);
        }
        let Some(start) = planner.slot(rng, &people, from, to, long) else {
            return Ok(None);
        };
        let done = status == VisitStatus::Done;
        let absent = done && staff.len() > 1 && chance(rng, 8);
        let new = NewVisit {
            child_id,
            visit_no: Some(visit.number),
            start,
            duration_min: if long { 90 } else { 60 },
            location: match rng.u32(..100) {
                0..=84 => Location::Home,
                85..=92 => Location::FamilyCentre,
                93..=97 => Location::Clinic,
                _ => Location::PhoneVideo,
            },
            status,
            staff: staff
                .iter()
                .enumerate()
                .map(|(i, (s, role))| VisitStaff {
                    staff_id: s.id,
                    role: *role,
                    attended: done.then_some(!(absent && i == staff.len() - 1)),
                })
                .collect(),
            interpreter_language: interpreter_language.map(str::to_string),
            interpreter: match (interpreter_language, interpreter_staff) {
                (None, _) => Interpreter::None,
                (Some(_), Some(s)) => Interpreter::Staff(s.id),
                (Some(_), None) => Interpreter::External,
            },
            themes: if done {
                visit
                    .themes
                    .iter()
                    .copied()
                    .filter(|_| chance(rng, 80))
                    .collect()
            } else {
                vec![]
            },
            referrals: if done && chance(rng, 20) {
                vec![*pick(rng, Referral::ALL)]
            } else {
                vec![]
            },
            note: None,
            override_reason: None,
        };
        tx.insert_visit(&new, now)?;
        planner.visits_created += 1;
        Ok(Some(start.date()))
    };
    if w.max < today {
        match rng.u32(..100) {
            0..=79 => {
                book(rng, w.earliest, w.late, VisitStatus::Done)?;
            }
            80..=87 => {
                let missed_status = if chance(rng, 60) {
                    VisitStatus::NoShow
                } else {
                    VisitStatus::CancelledFamily
                };
                if let Some(first) = book(rng, w.earliest, days_before(w.late, 7), missed_status)? {
                    book(rng, days_after(first, 3), w.max, VisitStatus::Done)?;
                }
            }
            88..=90 => {
                book(rng, w.earliest, w.late, VisitStatus::CancelledStaff)?;
            }
            _ => {} // missed: the window closed without a visit
        }
    } else if w.earliest <= today {
        match rng.u32(..100) {
            0..=34 if w.earliest < today => {
                book(rng, w.earliest, yesterday, VisitStatus::Done)?;
            }
            35..=79 => {
                // Some booked for today, the rest from tomorrow: the demo opens on a day with
                // visits, not on an empty Today and a crowded tomorrow.
                let from = if chance(rng, 30) {
                    today
                } else {
                    days_after(today, 1)
                };
                book(rng, from, w.late.max(from), VisitStatus::Planned)?;
            }
            _ => {} // due, or overdue: not booked yet
        }
    } else if w.earliest <= days_after(today, 14) && chance(rng, 30) {
        book(rng, w.earliest, w.late, VisitStatus::Planned)?;
    }
    Ok(())
}
