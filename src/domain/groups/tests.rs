use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use super::*;
use crate::domain::booking::{BookedFor, Booking};
use crate::domain::enums::{AttendanceStatus, FamilyStatus, Role, SessionStatus, Weekday};
use crate::domain::model::{Staff, WorkHours};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    day(y, m, d).and_hms_opt(h, 0, 0).unwrap()
}

fn leader(id: i64, days: &[Weekday]) -> Staff {
    Staff {
        id,
        data: crate::domain::model::NewStaff {
            name: format!("Ledare {id}"),
            role: Role::ParentAdvisor,
            organisation: None,
            languages: Vec::new(),
            work_days: days.to_vec(),
            work_hours: WorkHours::parse("08:00-16:30").unwrap(),
            active: true,
        },
    }
}

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

#[test]
fn a_series_over_christmas_skips_julafton_and_nyarsafton() {
    // Thursday 2026-12-17; 24/12 and 31/12 are Thursdays.
    let l = leader(1, &WEEKDAYS);
    let dates = series_dates(at(2026, 12, 17, 10), 8, &[&l]);
    assert_eq!(dates.starts.len(), 8);
    assert_eq!(dates.starts[0], at(2026, 12, 17, 10));
    assert_eq!(dates.starts[1], at(2027, 1, 7, 10));
    assert_eq!(
        dates.skipped,
        vec![
            (day(2026, 12, 24), Skip::Holiday("Julafton")),
            (day(2026, 12, 31), Skip::Holiday("Nyårsafton")),
        ]
    );
}

#[test]
fn a_leaders_day_off_skips_the_week_and_a_leader_who_never_works_then_ends_the_search() {
    let l = leader(1, &[Weekday::Mon]);
    let dates = series_dates(at(2026, 3, 5, 10), 4, &[&l]);
    assert!(dates.starts.is_empty());
    assert_eq!(dates.skipped.len(), MAX_WEEKS);
}

#[test]
fn a_session_and_a_visit_at_once_is_a_double_booking_both_ways() {
    let staff = vec![leader(1, &WEEKDAYS)];
    let visit = Busy {
        staff_id: 1,
        booking: Booking::Visit(7),
        start: at(2026, 3, 5, 10),
        end: at(2026, 3, 5, 11),
        whose: BookedFor::Family("Familj".into()),
        area: None,
    };
    // Creating a series sees the visit.
    let found = check_series(
        &[at(2026, 3, 5, 9), at(2026, 3, 12, 9)],
        120,
        &[1],
        &staff,
        std::slice::from_ref(&visit),
        &HashSet::new(),
    );
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0].1, Conflict::DoubleBooked { .. }));
    // Booking a visit sees the session.
    let session = session_busy(Booking::Session(3), &[1], at(2026, 3, 12, 9), 120, "Grupp");
    assert!(session[0].booking.is_session());
    let rules = BookingRules {
        required_roles: &[],
        window: None,
        staff: &staff,
        busy: &session,
        interpreter_language: None,
        rebooking: Some(3),
        check_hours: true,
    };
    let c = Candidate {
        start: at(2026, 3, 12, 10),
        duration_min: 60,
        staff: vec![Assigned {
            role: Role::Nurse,
            staff_id: 1,
        }],
        interpreter_staff: None,
        interpreter_external: false,
    };
    // A visit with the same number as the session is no excuse.
    assert!(
        check_booking(&c, &rules)
            .iter()
            .any(|c| matches!(c, Conflict::DoubleBooked { .. }))
    );
    // Its own sessions are no clash when a series is checked again.
    let own: HashSet<Booking> = [Booking::Session(3)].into();
    assert!(check_series(&[at(2026, 3, 12, 9)], 120, &[1], &staff, &session, &own).is_empty());
}

#[test]
fn capacity_and_membership_dates() {
    assert_eq!(room_left(Some(8), 6), Some(2));
    assert_eq!(room_left(Some(5), 7), Some(0));
    assert_eq!(room_left(None, 7), None);
    assert!(member_on(day(2026, 1, 1), None, day(2026, 1, 1)));
    assert!(!member_on(day(2026, 1, 2), None, day(2026, 1, 1)));
    assert!(!member_on(
        day(2026, 1, 1),
        Some(day(2026, 1, 4)),
        day(2026, 1, 5)
    ));
}

#[test]
fn suggestions_are_in_the_span_language_first_and_never_in_a_group_or_declined() {
    let c = |id, status, lang: &str, born, in_group| MemberCandidate {
        family_id: id,
        status,
        languages: vec![lang.to_string()],
        births: vec![born],
        in_group,
    };
    let all = vec![
        c(1, FamilyStatus::Active, "svenska", day(2026, 3, 1), false),
        c(2, FamilyStatus::Active, "arabiska", day(2026, 4, 1), false),
        c(
            3,
            FamilyStatus::Declined,
            "arabiska",
            day(2026, 4, 1),
            false,
        ),
        c(4, FamilyStatus::Offered, "svenska", day(2026, 3, 10), true),
        c(5, FamilyStatus::Offered, "svenska", day(2026, 7, 10), false),
        c(6, FamilyStatus::Offered, "Arabiska", day(2026, 5, 1), false),
    ];
    let span = (day(2026, 3, 1), day(2026, 5, 31));
    assert_eq!(suggest_members(&all, span, Some("arabiska")), vec![2, 6, 1]);
    assert_eq!(suggest_members(&all, span, None), vec![1, 2, 6]);
}

#[test]
fn a_held_session_without_marks_is_not_recorded_and_cancelled_is_not_absence() {
    let s = |id, status| SessionFact {
        id,
        date: day(2026, 3, id as u32),
        status,
        dropins: 2,
    };
    let sessions = [
        s(1, SessionStatus::Held),
        s(2, SessionStatus::Held),
        s(3, SessionStatus::Cancelled),
        s(4, SessionStatus::Planned),
    ];
    let members = [MemberFact {
        family_id: 9,
        joined: day(2026, 1, 1),
        left: None,
    }];
    let marks = [
        Mark {
            session_id: 1,
            family_id: 9,
            status: AttendanceStatus::Present,
        },
        Mark {
            session_id: 3,
            family_id: 9,
            status: AttendanceStatus::Absent,
        },
    ];
    let f = figures(&sessions, &members, &marks);
    assert_eq!(f.held, 2);
    assert_eq!(f.cancelled, 1);
    assert_eq!(f.not_recorded, 1);
    assert_eq!((f.present, f.absent, f.excused), (1, 0, 0));
    assert_eq!(f.families_attending, 1);
    assert_eq!(f.dropins, 4);
    assert_eq!(f.rate(), Some(100.0));
}

fn status_of(n: u8) -> SessionStatus {
    [
        SessionStatus::Planned,
        SessionStatus::Held,
        SessionStatus::Cancelled,
    ][usize::from(n % 3)]
}

fn mark_of(n: u8) -> AttendanceStatus {
    [
        AttendanceStatus::Present,
        AttendanceStatus::Absent,
        AttendanceStatus::Excused,
    ][usize::from(n % 3)]
}

proptest! {
    /// Cancelling sessions never changes the marked counts of the others, and marks at a
    /// cancelled session or outside a membership are never counted.
    #[test]
    fn figures_never_count_cancelled_sessions_or_marks_outside_membership(
        sessions in prop::collection::vec((0u8..3, 0u32..60, 0u32..4), 0..12),
        members in prop::collection::vec((0u32..60, prop::option::of(0u32..60)), 0..6),
        marks in prop::collection::vec((0usize..12, 0usize..6, 0u8..3), 0..40),
    ) {
        let base = day(2026, 1, 1);
        let sessions: Vec<SessionFact> = sessions.iter().enumerate().map(|(i, (st, d, dropins))| SessionFact {
            id: i as i64,
            date: base + chrono::Days::new(u64::from(*d)),
            status: status_of(*st),
            dropins: *dropins,
        }).collect();
        let members: Vec<MemberFact> = members.iter().enumerate().map(|(i, (j, l))| MemberFact {
            family_id: i as i64,
            joined: base + chrono::Days::new(u64::from(*j)),
            left: l.map(|l| base + chrono::Days::new(u64::from(l))),
        }).collect();
        // One mark per session and family, as the table's key allows.
        let mut seen = HashSet::new();
        let marks: Vec<Mark> = marks.iter()
            .filter(|(s, f, _)| *s < sessions.len() && *f < members.len() && seen.insert((*s, *f)))
            .map(|(s, f, m)| Mark { session_id: *s as i64, family_id: *f as i64, status: mark_of(*m) })
            .collect();
        let all = figures(&sessions, &members, &marks);
        let held: Vec<SessionFact> = sessions.iter().copied().filter(|s| s.status == SessionStatus::Held).collect();
        let only_held = figures(&held, &members, &marks);
        prop_assert_eq!(all.present, only_held.present);
        prop_assert_eq!(all.absent, only_held.absent);
        prop_assert_eq!(all.excused, only_held.excused);
        prop_assert_eq!(all.dropins, only_held.dropins);
        prop_assert_eq!(all.held + all.cancelled, sessions.iter().filter(|s| s.status != SessionStatus::Planned).count() as u32);
        let counted = marks.iter().filter(|m| {
            let s = &sessions[m.session_id as usize];
            let x = &members[m.family_id as usize];
            s.status == SessionStatus::Held && member_on(x.joined, x.left, s.date)
        }).count() as u32;
        prop_assert_eq!(all.present + all.absent + all.excused, counted);
        prop_assert!(all.not_recorded <= all.held);
        if let Some(rate) = all.rate() {
            prop_assert!((0.0..=100.0).contains(&rate));
        }
    }

    /// A series never has a session on a holiday, a weekend or a leader's day off, and its
    /// sessions are whole weeks apart.
    #[test]
    fn series_dates_avoid_holidays_and_days_off(offset in 0u64..1200, count in 1usize..11, off in 0usize..5) {
        let mut days = WEEKDAYS.to_vec();
        days.remove(off);
        let l = leader(1, &days);
        let first = at(2025, 1, 1, 13) + chrono::Days::new(offset);
        let dates = series_dates(first, count, &[&l]);
        for s in &dates.starts {
            prop_assert!(crate::domain::calendar::is_working_day(s.date()));
            prop_assert!(days.contains(&Weekday::from_chrono(s.weekday())));
            prop_assert_eq!((*s - first).num_days() % 7, 0);
        }
        prop_assert!(dates.starts.len() == count || dates.starts.is_empty());
    }
}

#[test]
fn a_session_takes_marks_from_its_day_on_unless_cancelled_and_absent_has_no_adults() {
    let start = at(2026, 3, 12, 13);
    let day = start.date();
    let before = day.pred_opt().unwrap();
    assert_eq!(takes_marks(SessionStatus::Planned, start, day), Ok(()));
    assert_eq!(
        takes_marks(SessionStatus::Planned, start, before),
        Err(NoMarks::NotYet)
    );
    assert_eq!(
        takes_marks(SessionStatus::Cancelled, start, day),
        Err(NoMarks::Cancelled)
    );
    assert_eq!(adults_marked(AttendanceStatus::Present, 0), 1);
    assert_eq!(adults_marked(AttendanceStatus::Present, 5), 2);
    assert_eq!(adults_marked(AttendanceStatus::Absent, 2), 0);
    assert!(held_by_marks(SessionStatus::Planned));
    assert!(!held_by_marks(SessionStatus::Held));
}
