//! Parent groups' use cases against a real database file: a series over Christmas, the
//! leaders' double bookings found both ways, members within capacity, and the roll call's
//! marks, one row each.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use hembesok::db::{Db, Mode, connect};
use hembesok::domain::booking::Conflict;
use hembesok::domain::booking::plan::BookingRequest;
use hembesok::domain::enums::{AttendanceStatus, AuditAction, SessionStatus, Weekday};
use hembesok::domain::groups::{SeriesRequest, SessionChange};
use hembesok::domain::model::NewGroup;
use hembesok::ops::groups::{self, GroupRefusal};
use hembesok::ops::{self, Ctx, OpsError, Outcome, Refusal};

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, 0, 0)
        .unwrap()
}

fn ctx(now: NaiveDateTime) -> Ctx {
    Ctx {
        actor: "test".into(),
        now,
    }
}

fn demo() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groups.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &path)
        .args(["demo", "--families", "120", "--seed", "5"])
        .args(["--today", "2026-11-23"])
        .assert()
        .success();
    let db = connect(&path, Mode::Write, None).unwrap();
    (dir, db)
}

/// Two active staff who work on Thursdays and have no visit on the given days.
fn free_leaders(db: &mut Db, days: &[NaiveDateTime]) -> Vec<i64> {
    let staff = db.read(|tx| tx.list_staff()).unwrap();
    staff
        .iter()
        .filter(|s| s.active && s.work_days.contains(&Weekday::Thu))
        .filter(|s| {
            days.iter().all(|d| {
                db.read(|tx| tx.busy_between(&[s.id], *d, *d + Duration::hours(3)))
                    .unwrap()
                    .is_empty()
            })
        })
        .map(|s| s.id)
        .take(2)
        .collect()
}

fn series(name: &str, leaders: Vec<i64>, first: NaiveDateTime, count: u32) -> SeriesRequest {
    SeriesRequest {
        group: NewGroup {
            name: name.into(),
            method: Some("BVC-föräldragrupp".into()),
            language: Some("svenska".into()),
            place: Some("Familjecentralen".into()),
            capacity: Some(6),
            leaders,
        },
        area: Some("Centrum".into()),
        born: Some((
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        )),
        first,
        count,
        duration_min: 120,
        themes: Vec::new(),
    }
}

fn refusal(e: OpsError) -> GroupRefusal {
    match e {
        OpsError::Refused(Refusal::Group(r)) => r,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_series_over_christmas_skips_julafton_and_nyarsafton_and_is_audited() {
    let (_dir, mut db) = demo();
    let first = at(2026, 12, 17, 13);
    let days: Vec<_> = (0..10).map(|w| first + Duration::weeks(w)).collect();
    let leaders = free_leaders(&mut db, &days);
    let now = ctx(at(2026, 11, 23, 7));
    let done =
        groups::create_series(&mut db, &now, &series("Julgrupp", leaders, first, 8)).unwrap();
    assert_eq!(
        done.outcome,
        Outcome::SeriesCreated {
            sessions: 8,
            skipped: 2
        }
    );
    let id = done.id.unwrap();
    let page = db.read(|tx| tx.group_page(id)).unwrap().unwrap();
    let dates: Vec<String> = page
        .sessions
        .iter()
        .map(|s| s.start.date().to_string())
        .collect();
    assert_eq!(dates[0], "2026-12-17");
    assert_eq!(dates[1], "2027-01-07");
    assert!(!dates.contains(&"2026-12-24".to_string()));
    assert!(!dates.contains(&"2026-12-31".to_string()));
    // The same name again is refused; nothing is written twice.
    let again = groups::create_series(
        &mut db,
        &now,
        &series(
            "julgrupp",
            page.info.leaders.iter().map(|l| l.0).collect(),
            first,
            8,
        ),
    );
    assert_eq!(
        refusal(again.unwrap_err()),
        GroupRefusal::NameTaken("julgrupp".into())
    );
    // Editing keeps the sessions and changes the fields.
    let mut group = NewGroup {
        name: "Julgrupp Centrum".into(),
        method: None,
        language: Some("arabiska".into()),
        place: None,
        capacity: Some(7),
        leaders: page.info.leaders.iter().map(|l| l.0).take(1).collect(),
    };
    let edited = groups::edit_series(&mut db, &now, id, &group, Some("Centrum"), None).unwrap();
    assert_eq!(edited.outcome, Outcome::SeriesUpdated);
    let after = db.read(|tx| tx.group_page(id)).unwrap().unwrap();
    assert_eq!(after.info.name, "Julgrupp Centrum");
    assert_eq!(after.info.leaders.len(), 1);
    assert_eq!(after.sessions.len(), 8);
    assert_eq!(after.info.area.as_deref(), Some("Centrum"));
    // The report counts a series by its area: without one, it is refused.
    assert_eq!(
        refusal(groups::edit_series(&mut db, &now, id, &group, None, None).unwrap_err()),
        GroupRefusal::NoArea
    );
    group.leaders.clear();
    assert_eq!(
        refusal(groups::edit_series(&mut db, &now, id, &group, Some("Centrum"), None).unwrap_err()),
        GroupRefusal::NoLeader
    );
    let audit = db.read(|tx| tx.list_audit(None)).unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == AuditAction::Create && a.entity_id == Some(id))
    );
}

#[test]
fn a_leader_in_a_visit_and_a_session_at_once_is_found_both_ways() {
    let (_dir, mut db) = demo();
    let now = ctx(at(2026, 11, 23, 7));
    // A proposed visit, and a series put at its time with its staff.
    let ids: Vec<i64> = db
        .read(|tx| {
            tx.family_page(
                &hembesok::domain::family_list::FamilyQuery::default(),
                usize::MAX >> 1,
            )
            .map(|p| p.rows)
        })
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect();
    let options = ids
        .into_iter()
        .find_map(|id| {
            ops::visits::plan_booking(&mut db, &now, 7, id, None)
                .ok()
                .filter(|o| !o.proposals.is_empty())
        })
        .unwrap();
    let candidate = options.proposals[0].candidate.clone();
    let leader = candidate.staff[0].staff_id;
    let request = BookingRequest {
        family_id: options.family_id,
        child_id: options.visit.child_id,
        visit_no: Some(options.visit.visit_no),
        candidate: candidate.clone(),
        interpreter_language: options.interpreter_language.clone(),
        rebooking: None,
        override_reason: None,
    };
    // The slot is free, so a one-session series as long as the visit fits in it (the first
    // proposal may be on an area day, with the leader's next visit right after it).
    let mut fits = series("Krock", vec![leader], candidate.start, 1);
    fits.duration_min = candidate.duration_min;
    groups::create_series(&mut db, &now, &fits).unwrap();
    // Booking the visit now sees the session as the leader's busy time.
    let booked = ops::visits::book_visit(&mut db, &now, &request);
    assert!(
        matches!(
            booked,
            Err(OpsError::Refused(Refusal::Conflict(
                Conflict::DoubleBooked { .. }
            )))
        ),
        "{booked:?}"
    );
    // And the proposals no longer offer that slot to that leader.
    let again = ops::visits::plan_booking(&mut db, &now, 7, options.family_id, None).unwrap();
    assert!(again.proposals.iter().all(|p| {
        !(p.candidate.start == candidate.start
            && p.candidate.staff.iter().any(|a| a.staff_id == leader))
    }));
    // The other way round: a visit booked for the leader, then a series over it is refused.
    let visit = db
        .read(|tx| tx.busy_between(&[leader], now.now, now.now + Duration::days(60)))
        .unwrap()
        .into_iter()
        .find(|b| matches!(b.booking, hembesok::domain::booking::Booking::Visit(_)))
        .unwrap();
    let other = series("Krock 2", vec![leader], visit.start, 1);
    let refused = refusal(groups::create_series(&mut db, &now, &other).unwrap_err());
    assert!(
        matches!(
            refused,
            GroupRefusal::Conflict(_, Conflict::DoubleBooked { .. })
        ),
        "{refused:?}"
    );
}

#[test]
fn members_fit_the_capacity_and_the_roll_call_marks_one_row_each() {
    let (_dir, mut db) = demo();
    // The series started last week, so its first session can be marked today.
    let first = at(2026, 11, 19, 13);
    let days: Vec<_> = (0..4).map(|w| first + Duration::weeks(w)).collect();
    let leaders = free_leaders(&mut db, &days);
    let created = ctx(at(2026, 11, 1, 7));
    let id = groups::create_series(&mut db, &created, &series("Höst", leaders, first, 4))
        .unwrap()
        .id
        .unwrap();
    let span = (
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    );
    let found = db
        .read(|tx| tx.member_candidates(span, Some("svenska"), created.now))
        .unwrap();
    let families: Vec<i64> = found
        .iter()
        .filter(|(c, _)| !c.in_group)
        .map(|(c, _)| c.family_id)
        .take(7)
        .collect();
    assert_eq!(families.len(), 7);
    assert_eq!(
        refusal(groups::add_members(&mut db, &created, id, &families).unwrap_err()),
        GroupRefusal::Full { capacity: 6 }
    );
    let done = groups::add_members(&mut db, &created, id, &families[..6]).unwrap();
    assert_eq!(done.outcome, Outcome::MembersAdded(6));
    // One leaves before the second session.
    let left = ctx(at(2026, 11, 20, 9));
    groups::remove_member(&mut db, &left, id, families[5]).unwrap();
    let page = db.read(|tx| tx.group_page(id)).unwrap().unwrap();
    let (s1, s2, s3) = (
        page.sessions[0].id,
        page.sessions[1].id,
        page.sessions[2].id,
    );
    let today = ctx(at(2026, 11, 26, 15));
    let roll = db.read(|tx| tx.roll_call(s1)).unwrap().unwrap();
    assert_eq!(roll.lines.len(), 6);
    assert_eq!(
        db.read(|tx| tx.roll_call(s2)).unwrap().unwrap().lines.len(),
        5,
        "a member who left before the date is not listed"
    );
    let audit_before = db.read(|tx| tx.list_audit(None)).unwrap().len();
    for (i, line) in roll.lines.iter().enumerate() {
        let status = if i == 1 {
            AttendanceStatus::Absent
        } else {
            AttendanceStatus::Present
        };
        let m = groups::mark(&mut db, &today, s1, line.family_id, status, 1).unwrap();
        assert_eq!(m.now_held, i == 0);
    }
    // The family who left is no longer marked at a later session.
    assert_eq!(
        refusal(
            groups::mark(
                &mut db,
                &today,
                s2,
                families[5],
                AttendanceStatus::Present,
                1
            )
            .unwrap_err()
        ),
        GroupRefusal::NotMember
    );
    // A wrong mark is corrected by marking again.
    let fixed = groups::mark(
        &mut db,
        &today,
        s1,
        roll.lines[1].family_id,
        AttendanceStatus::Excused,
        2,
    )
    .unwrap();
    assert_eq!(fixed.line.adults, 0, "no adults when not present");
    let after = db.read(|tx| tx.roll_call(s1)).unwrap().unwrap();
    assert_eq!(after.session.status, SessionStatus::Held);
    assert_eq!(after.lines.iter().filter(|l| l.status.is_some()).count(), 6);
    assert_eq!(
        db.read(|tx| tx.list_audit(None)).unwrap().len(),
        audit_before + 7,
        "one audit row per mark"
    );
    // Cancelling: not with marks, not without a reason; then no marks.
    assert_eq!(
        refusal(
            groups::change_session(&mut db, &today, s1, &SessionChange::Cancel("sjuk".into()))
                .unwrap_err()
        ),
        GroupRefusal::HasMarks
    );
    assert_eq!(
        refusal(
            groups::change_session(&mut db, &today, s2, &SessionChange::Cancel(" ".into()))
                .unwrap_err()
        ),
        GroupRefusal::ReasonMissing
    );
    let (outcome, session) =
        groups::change_session(&mut db, &today, s2, &SessionChange::Cancel("sjuk".into())).unwrap();
    assert_eq!(outcome, Outcome::SessionCancelled);
    assert_eq!(session.cancel_reason.as_deref(), Some("sjuk"));
    assert_eq!(
        refusal(
            groups::mark(
                &mut db,
                &today,
                s2,
                families[0],
                AttendanceStatus::Present,
                1
            )
            .unwrap_err()
        ),
        GroupRefusal::Cancelled
    );
    // A cancellation undone: planned again, its reason gone, marks taken; cancelled anew.
    let (outcome, session) =
        groups::change_session(&mut db, &today, s2, &SessionChange::Reinstate).unwrap();
    assert_eq!(outcome, Outcome::SessionReinstated);
    assert_eq!(
        (session.status, session.cancel_reason),
        (hembesok::domain::enums::SessionStatus::Planned, None)
    );
    groups::change_session(&mut db, &today, s2, &SessionChange::Cancel("sjuk".into())).unwrap();
    // A later session has no attendance yet; drop-ins are counted on a held one.
    assert!(matches!(
        refusal(
            groups::mark(
                &mut db,
                &today,
                s3 + 1,
                families[0],
                AttendanceStatus::Present,
                1
            )
            .unwrap_err()
        ),
        GroupRefusal::NotYet(_)
    ));
    let (_, session) =
        groups::change_session(&mut db, &today, s1, &SessionChange::Dropins(3)).unwrap();
    assert_eq!(session.dropins, 3);
    // The family page's groups: present at the one held session.
    let mine = db.read(|tx| tx.groups_of_family(families[0])).unwrap();
    let mine = mine.iter().find(|g| g.group_id == id).unwrap();
    assert_eq!((mine.held, mine.present), (1, 1));
    // The list shows the series with its figures.
    let list = db
        .read(|tx| {
            tx.list_groups(
                today.now,
                0,
                60,
                hembesok::domain::group_views::Ended::Lately,
            )
        })
        .unwrap();
    let row = list.rows.iter().find(|g| g.id == id).unwrap();
    assert_eq!((row.members, row.present, row.marked), (5, 5, 6));
    assert_eq!(
        row.next.map(|n| n.date().to_string()).as_deref(),
        Some("2026-12-03")
    );
}

#[test]
fn import_visits_reports_a_clash_with_a_leaders_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("i.sqlite");
    common::import_all(&path);
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let anna = db
        .read(|tx| tx.staff_by_name("Anna Sköterska"))
        .unwrap()
        .unwrap()
        .id;
    let now = ctx(at(2026, 11, 23, 7));
    groups::create_series(
        &mut db,
        &now,
        &series("Julgrupp", vec![anna], at(2030, 11, 26, 10), 1),
    )
    .unwrap();
    drop(db);
    let file = dir.path().join("visits.csv");
    std::fs::write(
        &file,
        "family_ref,visit_no,start,duration_min,status,staff\nT-001,extra,2030-11-26 10:30,60,planned,Anna Sköterska\n",
    )
    .unwrap();
    let out = common::hembesok(&path)
        .args(["import", "visits"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let lines = common::stderr_lines(&out);
    assert_eq!(
        lines[0],
        "line 2: staff: Anna Sköterska is already booked then (Julgrupp 2030-11-26 10:00)",
        "{lines:?}"
    );
}
