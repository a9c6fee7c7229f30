//! Which visit of a family to book next, who could go, and from when: the rules behind the
//! proposal list, kept apart from the database that feeds them.

use chrono::{Days, Duration, NaiveDate, NaiveDateTime, Timelike};

use super::Candidate;
use crate::domain::enums::{FamilyStatus, Role};
use crate::domain::language;
use crate::domain::model::Staff;
use crate::domain::programme::Programme;
use crate::domain::schedule::{VisitState, Window};
use crate::domain::timeline::{VisitsByChild, timeline};
use crate::domain::views::ChildDetail;

/// How many staff per role the proposer weighs: the family's own first, then the area's.
pub const CANDIDATES_PER_ROLE: usize = 8;
/// How far ahead an upcoming visit may be booked from the family page.
pub const BOOK_AHEAD_DAYS: u64 = 30;
/// When fewer of a role than this have been to the family or its area, anyone of the role is
/// weighed too.
const FEW_CANDIDATES: usize = 3;
/// How many more of a role are then weighed.
const MORE_CANDIDATES: usize = 5;
/// How many of each role, and of the interpreters of the family's language, the proposer may
/// weigh besides the family's and the area's own: the first by name. What proposals read of a
/// roster that may be thousands.
pub const WEIGHED_BY_NAME: usize = if MORE_CANDIDATES > CANDIDATES_PER_ROLE {
    MORE_CANDIDATES
} else {
    CANDIDATES_PER_ROLE
};

/// Whom a booking's options hold of the staff: the people the proposer weighs (and the family's
/// and area's own), or everyone active who could go, for the form by hand that offers them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum People {
    Weighed,
    Everyone,
}

/// What saving a booking needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingRequest {
    pub family_id: i64,
    pub child_id: i64,
    pub visit_no: Option<u32>,
    pub candidate: Candidate,
    pub interpreter_language: Option<String>,
    pub rebooking: Option<i64>,
    /// Why it is booked outside the visit's window.
    pub override_reason: Option<String>,
}

/// A twin's planned visit of the number being booked: one trip with this booking, never a
/// clash with it. Moving a visit moves its twins' along, wherever it goes (`moves_along`); a
/// new booking joins a twin's visit only at that visit's very time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TwinVisit {
    pub visit_id: i64,
    pub start: NaiveDateTime,
    pub moves_along: bool,
}

/// Whether a busy time is the twins' own trip for a booking that starts at `start`: what the
/// save leaves out of its clash check, and so what the form checking as you type leaves out.
pub fn is_twin_trip(busy: &super::Busy, twins: &[TwinVisit], start: NaiveDateTime) -> bool {
    twins.iter().any(|t| {
        busy.booking == super::Booking::Visit(t.visit_id) && (t.moves_along || t.start == start)
    })
}

/// The visit chosen to book: whose, which, and its window.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitToBook {
    pub child_id: i64,
    pub child_name: String,
    pub visit_no: u32,
    pub window: Window,
}

/// What can be booked for a family now, and the slots for it.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingOptions {
    pub family_id: i64,
    /// A protected family's child is not named where the slots are shown.
    pub protection: crate::domain::enums::Protection,
    pub visit: VisitToBook,
    pub visit_name: String,
    pub visit_name_en: String,
    pub interpreter_language: Option<String>,
    /// The planned visit being moved, if this is a rebooking.
    pub rebooking: Option<i64>,
    /// The moved visit as it is booked now (when, how long, who goes, who interprets): what
    /// moving it by hand starts from, so that changing one field leaves the others as booked.
    pub booked: Option<super::Candidate>,
    pub proposals: Vec<super::Proposal>,
    /// What booking by hand is checked against: the roles, the people who could go, and when
    /// they are busy.
    pub required_roles: Vec<Role>,
    pub staff: Vec<Staff>,
    /// Whether `staff` is everyone who could go or only the people weighed.
    pub people: People,
    pub busy: Vec<super::Busy>,
    /// The twins' visits among `busy` that are this booking's own trip.
    pub twins: Vec<TwinVisit>,
    /// When the options were read: a hand booking before it needs a reason.
    pub now: chrono::NaiveDateTime,
}

/// Only families in the programme (or offered it) get visits; the others need a status change
/// first, which is a decision to make on purpose.
pub fn bookable(status: FamilyStatus) -> bool {
    matches!(status, FamilyStatus::Active | FamilyStatus::Offered)
}

/// The visit to book: the one being moved (`moving`: child id and visit number), else the
/// family's most pressing open one (due or overdue, or upcoming within [`BOOK_AHEAD_DAYS`]),
/// earliest due date first.
pub fn visit_to_book(
    programme: &Programme,
    children: &[ChildDetail],
    facts: &VisitsByChild,
    today: NaiveDate,
    warning_days: u32,
    moving: Option<(i64, Option<u32>)>,
) -> Option<VisitToBook> {
    let horizon = today
        .checked_add_days(Days::new(BOOK_AHEAD_DAYS))
        .unwrap_or(today);
    let mut choice: Option<VisitToBook> = None;
    for child in children.iter().filter(|c| !c.expected) {
        let visits = facts.get(&child.id).map_or(&[][..], Vec::as_slice);
        for e in timeline(programme, child.birth_date, visits, today, warning_days) {
            let wanted = match moving {
                Some((child_id, visit_no)) => child_id == child.id && visit_no == Some(e.visit_no),
                None => {
                    matches!(e.state, VisitState::Due | VisitState::Overdue)
                        || (e.state == VisitState::Upcoming && e.window.earliest <= horizon)
                }
            };
            if wanted && choice.as_ref().is_none_or(|c| e.window.due < c.window.due) {
                choice = Some(VisitToBook {
                    child_id: child.id,
                    child_name: child.name.clone(),
                    visit_no: e.visit_no,
                    window: e.window,
                });
            }
        }
    }
    choice
}

/// The staff the proposer weighs for a visit needing `roles`: per role, those who visited the
/// family before, then those busy in its area, then (when that gives few) anyone active of the
/// role; and interpreters of the family's language. Sorted by id, each once.
pub fn candidate_staff(
    roles: &[Role],
    all_staff: &[Staff],
    previous: &[i64],
    area_staff: &[i64],
    interpreter_language: Option<&str>,
) -> Vec<i64> {
    let mut chosen: Vec<i64> = Vec::new();
    for role in roles {
        let of_role = |id: &i64| {
            all_staff
                .iter()
                .any(|s| s.id == *id && s.role == *role && s.active)
        };
        let mut ids: Vec<i64> = previous
            .iter()
            .chain(area_staff)
            .copied()
            .filter(of_role)
            .collect();
        if ids.len() < FEW_CANDIDATES {
            ids.extend(
                all_staff
                    .iter()
                    .filter(|s| s.role == *role && s.active)
                    .map(|s| s.id)
                    .take(MORE_CANDIDATES),
            );
        }
        // Keep the first of each: previous staff, then the area's, then anyone.
        let mut seen = Vec::new();
        ids.retain(|id| {
            let first = !seen.contains(id);
            seen.push(*id);
            first
        });
        chosen.extend(ids.into_iter().take(CANDIDATES_PER_ROLE));
    }
    if let Some(lang) = interpreter_language {
        chosen.extend(
            all_staff
                .iter()
                .filter(|s| {
                    s.role == Role::Interpreter
                        && s.active
                        && s.languages.iter().any(|l| language::same(l, lang))
                })
                .map(|s| s.id)
                .take(CANDIDATES_PER_ROLE),
        );
    }
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// The child's twins: the family's other children born (or expected) the same day. Their
/// programme visits are booked, moved and recorded together: one trip, one interpreter.
pub fn twins_of(children: &[ChildDetail], child_id: i64) -> Vec<i64> {
    let Some(child) = children.iter().find(|c| c.id == child_id) else {
        return Vec::new();
    };
    children
        .iter()
        .filter(|c| c.id != child_id && c.birth_date == child.birth_date)
        .map(|c| c.id)
        .collect()
}

/// Everyone active who could go: each person of a required role, and interpreters of the
/// family's language; best first (those who visited the family before, in that order, then
/// those working in its area, then the rest by name). Booking by hand offers all of them; the
/// proposer weighs only [`candidate_staff`], to stay fast.
pub fn ranked_staff<'a>(
    roles: &[Role],
    all_staff: &'a [Staff],
    previous: &[i64],
    area_staff: &[i64],
    interpreter_language: Option<&str>,
) -> Vec<&'a Staff> {
    let mut ranked: Vec<&Staff> = all_staff
        .iter()
        .filter(|s| s.active)
        .filter(|s| {
            roles.contains(&s.role)
                || (s.role == Role::Interpreter
                    && interpreter_language
                        .is_some_and(|l| s.languages.iter().any(|x| language::same(x, l))))
        })
        .collect();
    ranked.sort_by_cached_key(|s| {
        let position = |list: &[i64]| list.iter().position(|id| *id == s.id);
        match (position(previous), position(area_staff)) {
            (Some(i), _) => (0, i, String::new()),
            (None, Some(i)) => (1, i, String::new()),
            (None, None) => (2, 0, s.name.to_lowercase()),
        }
    });
    ranked
}

/// The next half hour at least an hour from now: nobody books a visit for the next minute.
pub fn earliest_start(now: NaiveDateTime) -> NaiveDateTime {
    let t = now + Duration::hours(1);
    let rounded = t
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t);
    let minute = rounded.minute();
    if minute == 0 || minute == 30 {
        rounded
    } else if minute < 30 {
        rounded.with_minute(30).unwrap_or(rounded)
    } else {
        rounded.with_minute(0).unwrap_or(rounded) + Duration::hours(1)
    }
}

/// The span proposals are looked for in: from the earliest sensible start inside the window to
/// the end of its last day.
pub fn proposal_span(window: Window, now: NaiveDateTime) -> (NaiveDateTime, NaiveDateTime) {
    let from = earliest_start(now).max(window.earliest.and_hms_opt(0, 0, 0).unwrap_or(now));
    let until = window
        .max
        .checked_add_days(Days::new(1))
        .unwrap_or(window.max)
        .and_hms_opt(0, 0, 0)
        .unwrap_or(now);
    (from, until)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::Weekday;
    use crate::domain::model::WorkHours;

    fn person(id: i64, role: Role, active: bool) -> Staff {
        Staff {
            id,
            data: crate::domain::model::NewStaff {
                name: format!("P{id}"),
                role,
                organisation: None,
                languages: if role == Role::Interpreter {
                    vec!["arabiska".into()]
                } else {
                    vec![]
                },
                work_days: vec![Weekday::Mon],
                work_hours: WorkHours {
                    start: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                    end: chrono::NaiveTime::from_hms_opt(16, 0, 0).unwrap(),
                },
                active,
            },
        }
    }

    #[test]
    fn the_familys_own_staff_come_first_and_the_inactive_never() {
        let staff = vec![
            person(1, Role::Nurse, true),
            person(2, Role::Nurse, true),
            person(3, Role::Nurse, false),
            person(4, Role::ParentAdvisor, true),
            person(5, Role::Interpreter, true),
            person(6, Role::Interpreter, false),
        ];
        let ids = candidate_staff(
            &[Role::Nurse, Role::ParentAdvisor],
            &staff,
            &[3, 2],
            &[],
            Some("Arabiska"),
        );
        assert_eq!(ids, vec![1, 2, 4, 5]);
        let none = candidate_staff(&[Role::Dental], &staff, &[], &[], None);
        assert!(none.is_empty());
    }

    #[test]
    fn twins_share_a_birth_date() {
        let child = |id, day| ChildDetail {
            id,
            data: crate::domain::model::NewChild {
                name: format!("C{id}"),
                birth_date: NaiveDate::from_ymd_opt(2026, 5, day).unwrap(),
                expected: false,
                first_child: true,
                first_born_in_sweden: false,
                identity: None,
            },
        };
        let children = [child(1, 2), child(2, 2), child(3, 9)];
        assert_eq!(twins_of(&children, 1), vec![2]);
        assert!(twins_of(&children, 3).is_empty());
        assert!(twins_of(&children, 99).is_empty());
    }

    #[test]
    fn by_hand_everyone_active_of_the_roles_is_offered_best_first() {
        let mut staff: Vec<Staff> = (1..=8).map(|id| person(id, Role::Nurse, true)).collect();
        staff.extend((9..=17).map(|id| person(id, Role::ParentAdvisor, true)));
        staff.push(person(18, Role::Nurse, false));
        staff.push(person(19, Role::Interpreter, true));
        staff.push(person(20, Role::Dental, true));
        let roles = [Role::Nurse, Role::ParentAdvisor];
        let ranked: Vec<i64> = ranked_staff(&roles, &staff, &[7, 12], &[3], Some("arabiska"))
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(
            ranked.len(),
            8 + 9 + 1,
            "every active nurse, advisor, interpreter"
        );
        assert_eq!(&ranked[..3], &[7, 12, 3], "the family's, then the area's");
        assert!(!ranked.contains(&18) && !ranked.contains(&20));
        // The proposer still weighs fewer.
        let weighed = candidate_staff(&roles, &staff, &[7, 12], &[3], Some("arabiska"));
        assert!(weighed.len() < ranked.len());
    }

    #[test]
    fn a_start_is_on_the_half_hour_at_least_an_hour_ahead() {
        let at = |h, m| {
            NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        assert_eq!(earliest_start(at(9, 0)), at(10, 0));
        assert_eq!(earliest_start(at(9, 10)), at(10, 30));
        assert_eq!(earliest_start(at(9, 40)), at(11, 0));
    }
}
