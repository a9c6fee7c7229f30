use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use super::*;
use crate::domain::model::WorkHours;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).unwrap()
}

fn person(id: i64, name: &str, role: Role, days: &[Weekday], hours: &str, langs: &[&str]) -> Staff {
    Staff {
        id,
        data: crate::domain::model::NewStaff {
            name: name.into(),
            role,
            organisation: None,
            languages: langs.iter().map(|l| l.to_string()).collect(),
            work_days: days.to_vec(),
            work_hours: WorkHours::parse(hours).unwrap(),
            active: true,
        },
    }
}

const WEEK: &[Weekday] = &[
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

fn staff() -> Vec<Staff> {
    vec![
        person(1, "Anna Sköterska", Role::Nurse, WEEK, "08:00-16:30", &[]),
        person(
            2,
            "Bo Rådgivare",
            Role::ParentAdvisor,
            &[Weekday::Mon, Weekday::Tue, Weekday::Thu],
            "08:00-16:00",
            &[],
        ),
        person(
            3,
            "Dalia Tolk",
            Role::Interpreter,
            WEEK,
            "09:00-15:00",
            &["arabiska", "svenska"],
        ),
        person(
            4,
            "Cecilia Sköterska",
            Role::Nurse,
            WEEK,
            "08:00-16:30",
            &[],
        ),
    ]
}

fn window() -> Window {
    Window {
        earliest: d(2026, 11, 23),
        due: d(2026, 11, 30),
        late: d(2026, 12, 7),
        max: d(2026, 12, 18),
    }
}

fn busy(staff_id: i64, visit_id: i64, start: NaiveDateTime, minutes: i64) -> Busy {
    Busy {
        staff_id,
        booking: Booking::Visit(visit_id),
        start,
        end: start + Duration::minutes(minutes),
        whose: BookedFor::Family(format!("Familj {visit_id}")),
        area: Some("Centrum".into()),
    }
}

fn joint(start: NaiveDateTime) -> Candidate {
    Candidate {
        start,
        duration_min: 60,
        staff: vec![
            Assigned {
                role: Role::Nurse,
                staff_id: 1,
            },
            Assigned {
                role: Role::ParentAdvisor,
                staff_id: 2,
            },
        ],
        interpreter_staff: None,
        interpreter_external: false,
    }
}

fn rules<'a>(staff: &'a [Staff], busy: &'a [Busy]) -> BookingRules<'a> {
    BookingRules {
        required_roles: &[Role::Nurse, Role::ParentAdvisor],
        window: Some(window()),
        staff,
        busy,
        interpreter_language: None,
        rebooking: None,
        check_hours: true,
    }
}

#[test]
fn a_good_booking_has_no_conflicts() {
    let staff = staff();
    assert_eq!(
        check_booking(&joint(at(d(2026, 11, 24), 10, 0)), &rules(&staff, &[])),
        vec![]
    );
}

#[test]
fn each_rule_names_what_broke_it() {
    let staff = staff();
    let r = rules(&staff, &[]);
    let mut alone = joint(at(d(2026, 11, 24), 10, 0));
    alone.staff.pop();
    assert_eq!(
        check_booking(&alone, &r),
        vec![Conflict::RoleMissing(Role::ParentAdvisor)]
    );
    // Wednesday: Bo does not work.
    assert_eq!(
        check_booking(&joint(at(d(2026, 11, 25), 10, 0)), &r),
        vec![Conflict::DayOff {
            name: "Bo Rådgivare".into(),
            day: Weekday::Wed
        }]
    );
    // 15:30 for an hour runs past Bo's 16:00.
    let late = check_booking(&joint(at(d(2026, 11, 24), 15, 30)), &r);
    assert_eq!(
        late,
        vec![Conflict::OutsideHours {
            name: "Bo Rådgivare".into(),
            hours: "08:00-16:00".into()
        }]
    );
    // A Saturday, and outside the window's end.
    let saturday = check_booking(&joint(at(d(2026, 11, 28), 10, 0)), &r);
    assert!(saturday.contains(&Conflict::Weekend));
    let after = check_booking(&joint(at(d(2026, 12, 22), 10, 0)), &r);
    assert_eq!(after, vec![Conflict::OutsideWindow(window())]);
    assert!(after[0].needs_reason());
}

#[test]
fn holidays_are_named() {
    let staff = staff();
    let mut r = rules(&staff, &[]);
    r.window = None;
    let conflicts = check_booking(&joint(at(d(2026, 12, 24), 10, 0)), &r);
    assert_eq!(conflicts[0], Conflict::ClosedEve("Julafton"));
    assert!(conflicts[0].needs_reason());
}

#[test]
fn a_double_booking_names_the_other_visit_and_moving_a_visit_is_no_clash_with_itself() {
    let staff = staff();
    let other = vec![busy(1, 77, at(d(2026, 11, 24), 9, 30), 60)];
    let mut r = rules(&staff, &other);
    let conflicts = check_booking(&joint(at(d(2026, 11, 24), 10, 0)), &r);
    assert_eq!(
        conflicts,
        vec![Conflict::DoubleBooked {
            name: "Anna Sköterska".into(),
            other: Box::new(other[0].clone()),
        }]
    );
    // Back to back is fine.
    assert!(check_booking(&joint(at(d(2026, 11, 24), 10, 30)), &r).is_empty());
    r.rebooking = Some(77);
    assert!(check_booking(&joint(at(d(2026, 11, 24), 10, 0)), &r).is_empty());
}

#[test]
fn interpreters_must_be_booked_and_speak_the_language() {
    let staff = staff();
    let mut r = rules(&staff, &[]);
    r.interpreter_language = Some("somaliska");
    let mut c = joint(at(d(2026, 11, 24), 10, 0));
    assert_eq!(
        check_booking(&c, &r),
        vec![Conflict::InterpreterMissing("somaliska".into())]
    );
    c.interpreter_staff = Some(3);
    assert_eq!(
        check_booking(&c, &r),
        vec![Conflict::InterpreterLanguage {
            name: "Dalia Tolk".into(),
            language: "somaliska".into()
        }]
    );
    c.interpreter_staff = None;
    c.interpreter_external = true;
    assert!(check_booking(&c, &r).is_empty());
    r.interpreter_language = Some("arabiska");
    c.interpreter_external = false;
    c.interpreter_staff = Some(3);
    assert!(check_booking(&c, &r).is_empty());
    // A need typed in English (an import, an English form of an earlier version) is the same
    // language as the interpreter's Swedish one.
    r.interpreter_language = Some("Arabic");
    assert!(check_booking(&c, &r).is_empty());
}

fn request(rules: BookingRules<'_>, from: NaiveDateTime) -> ProposalRequest<'_> {
    ProposalRequest {
        rules,
        duration_min: 60,
        from,
        area: Some("Centrum"),
        preferred: &[],
        count: 5,
    }
}

#[test]
fn proposals_are_five_distinct_feasible_slots_from_the_earliest() {
    let staff = staff();
    let busy = vec![busy(1, 70, at(d(2026, 11, 23), 8, 0), 120)];
    let mut req = request(rules(&staff, &busy), at(d(2026, 11, 20), 12, 0));
    // Without an area to cluster on, strictly earliest first.
    req.area = None;
    let proposals = propose(&req);
    assert_eq!(proposals.len(), 5);
    // The window opens on Monday 23 November; Anna is busy 08:00–10:00, Cecilia (also a
    // nurse) is free at 08:00, so the first slot is 08:00 with Cecilia.
    let first = &proposals[0].candidate;
    assert_eq!(first.start, at(d(2026, 11, 23), 8, 0));
    assert_eq!(first.staff[0].staff_id, 4);
    for p in &proposals {
        assert!(check_booking(&p.candidate, &req.rules).is_empty(), "{p:?}");
    }
}

#[test]
fn the_area_of_a_teams_day_pulls_a_later_day_ahead() {
    let staff = staff();
    // Anna and Bo visit Centrum on Tuesday 24 November.
    let busy = vec![
        busy(1, 71, at(d(2026, 11, 24), 9, 0), 60),
        busy(2, 71, at(d(2026, 11, 24), 9, 0), 60),
    ];
    let mut req = request(rules(&staff, &busy), at(d(2026, 11, 23), 7, 0));
    req.preferred = &[1, 2];
    let proposals = propose(&req);
    assert!(proposals[0].same_area);
    assert_eq!(proposals[0].candidate.start.date(), d(2026, 11, 24));
    req.area = Some("Norrby");
    assert_eq!(propose(&req)[0].candidate.start.date(), d(2026, 11, 23));
}

#[test]
fn a_day_in_the_familys_area_comes_first_even_a_week_later() {
    let staff = staff();
    // Anna and Bo visit Centrum on Thursday 3 December; the five earliest choices are Monday
    // 23 November to Tuesday 1 December (Bo works Mondays, Tuesdays and Thursdays).
    let busy = vec![
        busy(1, 71, at(d(2026, 12, 3), 9, 0), 60),
        busy(2, 71, at(d(2026, 12, 3), 9, 0), 60),
    ];
    let mut req = request(rules(&staff, &busy), at(d(2026, 11, 23), 7, 0));
    req.preferred = &[1, 2];
    let proposals = propose(&req);
    assert_eq!(proposals.len(), 5);
    assert!(proposals[0].same_area, "{proposals:?}");
    assert_eq!(proposals[0].candidate.start.date(), d(2026, 12, 3));
    // Then the others, earliest first.
    let rest: Vec<NaiveDate> = proposals[1..]
        .iter()
        .map(|p| p.candidate.start.date())
        .collect();
    assert_eq!(
        rest,
        [
            d(2026, 11, 23),
            d(2026, 11, 24),
            d(2026, 11, 26),
            d(2026, 11, 30)
        ]
    );
    assert!(proposals[1..].iter().all(|p| !p.same_area));
}

#[test]
fn no_window_or_no_staff_means_no_proposals() {
    let staff = staff();
    let mut r = rules(&staff, &[]);
    r.required_roles = &[Role::Dental];
    assert!(propose(&request(r, at(d(2026, 11, 23), 7, 0))).is_empty());
    r.window = None;
    r.required_roles = &[Role::Nurse];
    assert!(propose(&request(r, at(d(2026, 11, 23), 7, 0))).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn proposals_never_conflict_and_stay_in_window_and_hours(
        bookings in prop::collection::vec((0usize..4, 0i64..30, 16u32..33, 30i64..180), 0..40),
        from_day in 0i64..25,
        with_interpreter: bool,
    ) {
        let staff = staff();
        let busy: Vec<Busy> = bookings
            .iter()
            .enumerate()
            .map(|(i, (who, day, half, minutes))| {
                let date = d(2026, 11, 16) + chrono::Days::new(*day as u64);
                busy(staff[*who].id, i as i64, date.and_hms_opt(half / 2, (half % 2) * 30, 0).unwrap(), *minutes)
            })
            .collect();
        let mut r = rules(&staff, &busy);
        if with_interpreter {
            r.interpreter_language = Some("arabiska");
        }
        let from = at(d(2026, 11, 16) + chrono::Days::new(from_day as u64), 9, 0);
        let req = request(r, from);
        let first = propose(&req);
        prop_assert_eq!(&first, &propose(&req), "the same input gives the same proposals");
        for p in &first {
            prop_assert!(check_booking(&p.candidate, &req.rules).is_empty(), "conflict in {:?}", p);
            prop_assert!(window().contains(p.candidate.start.date()));
            prop_assert!(p.candidate.start >= from);
        }
    }
}
