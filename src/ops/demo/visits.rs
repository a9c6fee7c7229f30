//! Demo visits: each programme visit of a family's child (and its twin) done, missed,
//! cancelled, booked or not yet, by where its window stands today.

use chrono::{NaiveDate, NaiveDateTime};

use super::families::{chance, days_after, days_before};
use super::names::pick;
use super::planner::Planner;
use super::staff::Roster;
use crate::db::{Result, WriteTx};
use crate::domain::enums::{Location, Referral, Role, VisitStatus};
use crate::domain::model::{Interpreter, NewVisit, Staff, VisitStaff};
use crate::domain::programme::ProgrammeVisit;
use crate::domain::schedule::Window;

/// Percent of done visits to a family who needs an interpreter where none was there: the
/// interpreter booked did not come, or the visit went ahead without one. Interpreting services
/// miss a share of their bookings; a register without such visits looks made up.
const INTERPRETER_ABSENT: u32 = 6;

/// What the visits of one family's programme share.
pub struct Course<'a> {
    /// The child, then its twins: a twin's visit is the same trip, booked as the app books it.
    pub children: &'a [i64],
    pub birth: NaiveDate,
    /// No visit after this day (the family left).
    pub stop: NaiveDate,
    pub team: usize,
    pub interpreter_language: Option<&'a str>,
    pub now: NaiveDateTime,
}

pub fn pick_team(rng: &mut fastrand::Rng, roster: &Roster, area: usize) -> usize {
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
/// where its window stands today. `side` draws what was added to the demo later (whether the
/// interpreter came), so that `rng` draws what it always drew and a seed keeps its families,
/// staff and visits.
pub fn visits_for(
    tx: &WriteTx<'_>,
    rng: &mut fastrand::Rng,
    side: &mut fastrand::Rng,
    planner: &mut Planner,
    roster: &Roster,
    visit: &ProgrammeVisit,
    course: &Course<'_>,
) -> Result<()> {
    let today = planner.today;
    let w = Window::for_visit(course.birth, visit);
    let yesterday = days_before(today, 1);
    let interpreter_language = course.interpreter_language;
    let mut staff: Vec<(&Staff, Role)> = Vec::new();
    for role in &visit.roles {
        let person = match role {
            Role::Nurse => &roster.teams[course.team].0,
            Role::ParentAdvisor => &roster.teams[course.team].1,
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
        let to = to.min(course.stop);
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
        // As the outcome form records "no interpreter": the language stays, the booked
        // interpreter (staff or external) is cleared.
        let interpreter_absent =
            done && interpreter_language.is_some() && chance(side, INTERPRETER_ABSENT);
        let new = NewVisit {
            child_id: course.children.first().copied().unwrap_or_default(),
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
                _ if interpreter_absent => Interpreter::None,
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
        // Twins ride along as booking and the outcome form make them: the same visit for
        // each, whose row then points at the first (`twin_of`, kept by the database).
        for child_id in course.children {
            tx.insert_visit(
                &NewVisit {
                    child_id: *child_id,
                    ..new.clone()
                },
                course.now,
            )?;
            planner.visits_created += 1;
        }
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
