//! The use cases against a real database file, with a second connection acting as another
//! window or an import writing at the same time.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test
use hembesok::app::{Msg, WeekEffect};

use chrono::{NaiveDate, NaiveDateTime};
use hembesok::app::Effect;
use hembesok::db::{Db, Mode, connect};
use hembesok::domain::booking::Conflict;
use hembesok::domain::booking::plan::{BookingOptions, BookingRequest};
use hembesok::domain::enums::VisitStatus;
use hembesok::domain::model::VisitOutcome;
use hembesok::ops::{self, Ctx, OpsError, Outcome, Refusal};
use hembesok::tui::Runner;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(7, 0, 0)
        .unwrap()
}

fn ctx() -> Ctx {
    Ctx {
        actor: "test".into(),
        now: now(),
    }
}

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ops.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &path)
        .args(["demo", "--families", "120", "--seed", "5"])
        .args(["--today", "2026-11-23"])
        .assert()
        .success();
    (dir, path)
}

/// The first family with a proposal to book, and its options.
fn first_proposal(db: &mut Db) -> BookingOptions {
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
    ids.into_iter()
        .find_map(|id| {
            ops::visits::plan_booking(db, &ctx(), 7, id, None)
                .ok()
                .filter(|o| !o.proposals.is_empty())
        })
        .unwrap()
}

fn request(o: &BookingOptions, rebooking: Option<i64>) -> BookingRequest {
    BookingRequest {
        family_id: o.family_id,
        child_id: o.visit.child_id,
        visit_no: Some(o.visit.visit_no),
        candidate: o.proposals[0].candidate.clone(),
        interpreter_language: o.interpreter_language.clone(),
        rebooking,
        override_reason: None,
    }
}

fn counts(db: &mut Db) -> (i64, i64) {
    let c = db.read(|tx| tx.counts()).unwrap();
    (c.visits, c.audit)
}

#[test]
fn two_windows_booking_the_same_slot_book_it_once() {
    let (_dir, path) = demo();
    let mut a = connect(&path, Mode::Write, None).unwrap();
    let mut b = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut a);
    let r = request(&options, None);
    let before = counts(&mut a);
    let done = ops::visits::book_visit(&mut a, &ctx(), &r).unwrap();
    assert!(matches!(done.outcome, Outcome::Booked(t) if t == r.candidate.start));
    // The other window proposed the same slot a moment ago; its booking is checked again
    // inside its own write, against what the first one wrote.
    let second = ops::visits::book_visit(&mut b, &ctx(), &r).unwrap_err();
    assert!(
        matches!(
            second,
            OpsError::Refused(Refusal::Conflict(Conflict::DoubleBooked { .. }))
        ),
        "{second:?}"
    );
    // One visit and one audit row more, not two.
    assert_eq!(counts(&mut b), (before.0 + 1, before.1 + 1));
}

#[test]
fn a_move_after_the_outcome_was_recorded_elsewhere_is_refused() {
    let (_dir, path) = demo();
    let mut a = connect(&path, Mode::Write, None).unwrap();
    let mut b = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut a);
    let booked = ops::visits::book_visit(&mut a, &ctx(), &request(&options, None)).unwrap();
    let visit_id = booked.id.unwrap();
    // A window plans the move; meanwhile the visit is recorded as done in another.
    let plan =
        ops::visits::plan_booking(&mut a, &ctx(), 7, options.family_id, Some(visit_id)).unwrap();
    let staff_id = options.proposals[0].candidate.staff[0].staff_id;
    let later = Ctx {
        now: options.proposals[0].candidate.end() + chrono::Duration::hours(1),
        ..ctx()
    };
    ops::visits::record_outcome(
        &mut b,
        &later,
        &VisitOutcome {
            visit_id,
            status: VisitStatus::Done,
            attended: vec![(staff_id, true)],
            interpreter_used: false,
            family_present: None,
            themes: vec![],
            referrals: vec![],
            reason: None,
        },
    )
    .unwrap();
    let before = counts(&mut a);
    let mut moved = request(&plan, Some(visit_id));
    // A slot still ahead when the move is tried (area days come first, so not the next one).
    if let Some(other) = plan
        .proposals
        .iter()
        .find(|p| p.candidate.start > later.now)
    {
        moved.candidate = other.candidate.clone();
    }
    let err = ops::visits::book_visit(&mut a, &later, &moved).unwrap_err();
    assert!(
        matches!(err, OpsError::Refused(Refusal::VisitNotPlanned)),
        "{err:?}"
    );
    assert_eq!(
        counts(&mut a),
        before,
        "nothing written, not even the audit row"
    );
}

#[test]
fn a_visit_in_the_future_cannot_be_recorded_as_done() {
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let booked = ops::visits::book_visit(&mut db, &ctx(), &request(&options, None)).unwrap();
    let before = counts(&mut db);
    let err = ops::visits::record_outcome(
        &mut db,
        &ctx(),
        &VisitOutcome {
            visit_id: booked.id.unwrap(),
            status: VisitStatus::NoShow,
            attended: vec![],
            interpreter_used: false,
            family_present: None,
            themes: vec![],
            referrals: vec![],
            reason: None,
        },
    )
    .unwrap_err();
    assert!(
        matches!(err, OpsError::Refused(Refusal::NotHappenedYet(_))),
        "{err:?}"
    );
    assert_eq!(counts(&mut db), before);
}

#[test]
fn a_failed_read_in_the_app_says_it_could_not_read() {
    let (_dir, path) = demo();
    let mut runner =
        Runner::new(connect(&path, Mode::Write, None).unwrap(), "t".into(), 7).unwrap();
    // Another program breaks the file's schema under the open window.
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch("ALTER TABLE visit RENAME TO visit_elsewhere")
        .unwrap();
    let week = hembesok::domain::calendar::IsoWeek::of(now().date());
    let answers = runner.run(Effect::Week(WeekEffect::Load(
        hembesok::app::week::WeekQuery {
            week,
            staff: None,
            day: 0,
            from: 0,
        },
    )));
    let [Msg::Failed(text)] = answers.as_slice() else {
        panic!("{answers:?}");
    };
    assert!(text.en.starts_with("Could not read"), "{}", text.en);
    assert!(text.sv.starts_with("Kunde inte läsa"), "{}", text.sv);
}

#[test]
fn the_audit_log_keeps_the_real_time_whatever_the_planning_clock_says() {
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let family_id = db
        .read(|tx| {
            tx.family_page(
                &hembesok::domain::family_list::FamilyQuery::default(),
                usize::MAX >> 1,
            )
            .map(|p| p.rows)
        })
        .unwrap()[0]
        .id;
    // The planning clock set years back, as HEMBESOK_NOW does in a demonstration.
    let backdated = Ctx {
        actor: "test".into(),
        now: NaiveDate::from_ymd_opt(2001, 1, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
    };
    let before = chrono::Local::now().naive_local() - chrono::Duration::seconds(5);
    ops::families::view_family(&mut db, &backdated, family_id).unwrap();
    let after = chrono::Local::now().naive_local() + chrono::Duration::seconds(5);
    let log = db.read(|tx| tx.list_audit(None)).unwrap();
    let last = log.last().unwrap();
    assert!(last.at >= before && last.at <= after, "{:?}", last.at);
}

#[test]
fn leaving_the_programme_cancels_its_booked_visits_in_one_write() {
    use hembesok::domain::enums::{ExitReason, FamilyStatus};
    use hembesok::domain::model::StatusChange;
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let booked = ops::visits::book_visit(&mut db, &ctx(), &request(&options, None)).unwrap();
    let visit_id = booked.id.unwrap();
    let before = counts(&mut db);
    let done = ops::families::set_status(
        &mut db,
        &ctx(),
        options.family_id,
        &StatusChange {
            status: FamilyStatus::Exited,
            exit: Some(ExitReason::Other),
            exit_note: Some("flyttar utomlands".into()),
            cancel_booked: true,
            since: None,
        },
    )
    .unwrap();
    assert!(
        matches!(done.outcome, Outcome::StatusChanged { cancelled, .. } if cancelled >= 1),
        "{:?}",
        done.outcome
    );
    let visit = db.read(|tx| tx.visit_record(visit_id)).unwrap().unwrap();
    assert_eq!(visit.status, VisitStatus::CancelledFamily);
    let detail = db
        .read(|tx| tx.family_detail(options.family_id))
        .unwrap()
        .unwrap();
    assert_eq!(detail.exit_note.as_deref(), Some("flyttar utomlands"));
    assert_eq!(detail.exited_on, Some(now().date()), "no day given: today");
    // The visits are the same rows, changed; one audit row for the whole change.
    assert_eq!(counts(&mut db), (before.0, before.1 + 1));
}

#[test]
fn a_pause_that_keeps_the_visits_cancels_nothing() {
    use hembesok::domain::enums::FamilyStatus;
    use hembesok::domain::model::StatusChange;
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let booked = ops::visits::book_visit(&mut db, &ctx(), &request(&options, None)).unwrap();
    let done = ops::families::set_status(
        &mut db,
        &ctx(),
        options.family_id,
        &StatusChange {
            status: FamilyStatus::Paused,
            exit: None,
            exit_note: None,
            cancel_booked: false,
            since: None,
        },
    )
    .unwrap();
    assert!(matches!(
        done.outcome,
        Outcome::StatusChanged { cancelled: 0, .. }
    ));
    let visit = db
        .read(|tx| tx.visit_record(booked.id.unwrap()))
        .unwrap()
        .unwrap();
    assert_eq!(visit.status, VisitStatus::Planned);
}

#[test]
fn a_visit_booked_with_someone_deactivated_is_listed_for_the_to_dos() {
    use hembesok::domain::model::NewStaff;
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let booked = ops::visits::book_visit(&mut db, &ctx(), &request(&options, None)).unwrap();
    let visit_id = booked.id.unwrap();
    let staff_id = options.proposals[0].candidate.staff[0].staff_id;
    let ids = db.read(|tx| tx.staff_bookings(staff_id, now())).unwrap();
    assert!(ids.contains(&visit_id), "{ids:?}");
    let s = db
        .read(|tx| tx.list_staff())
        .unwrap()
        .into_iter()
        .find(|s| s.id == staff_id)
        .unwrap();
    let staff = NewStaff {
        active: false,
        ..s.data.clone()
    };
    ops::staff::save_staff(&mut db, &ctx(), Some(staff_id), &staff).unwrap();
    let listed = db
        .read(|tx| tx.visits_with_inactive_staff(now(), None))
        .unwrap();
    assert!(listed.contains(&(visit_id, s.data.name)), "{listed:?}");
}

#[test]
fn a_booking_in_the_past_without_a_reason_is_refused() {
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let mut r = request(&options, None);
    let later = Ctx {
        now: r.candidate.start + chrono::Duration::days(1),
        ..ctx()
    };
    let before = counts(&mut db);
    let err = ops::visits::book_visit(&mut db, &later, &r).unwrap_err();
    assert!(
        matches!(err, OpsError::Refused(Refusal::InPast(_))),
        "{err:?}"
    );
    assert_eq!(counts(&mut db), before);
    r.override_reason = Some("noted afterwards".into());
    ops::visits::book_visit(&mut db, &later, &r).unwrap();
}

#[test]
fn a_child_with_a_visit_that_took_place_is_not_removed() {
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let booked = ops::visits::book_visit(&mut db, &ctx(), &request(&options, None)).unwrap();
    let child_id = options.visit.child_id;
    let later = Ctx {
        now: options.proposals[0].candidate.end() + chrono::Duration::hours(1),
        ..ctx()
    };
    let staff_id = options.proposals[0].candidate.staff[0].staff_id;
    ops::visits::record_outcome(
        &mut db,
        &later,
        &VisitOutcome {
            visit_id: booked.id.unwrap(),
            status: VisitStatus::Done,
            attended: vec![(staff_id, true)],
            interpreter_used: false,
            family_present: None,
            themes: vec![],
            referrals: vec![],
            reason: None,
        },
    )
    .unwrap();
    let before = counts(&mut db);
    let err =
        ops::families::remove_child(&mut db, &later, options.family_id, child_id).unwrap_err();
    assert!(
        matches!(err, OpsError::Refused(Refusal::ChildHasDoneVisits(n)) if n >= 1),
        "{err:?}"
    );
    let text = hembesok::i18n::messages::outcome::ops_error(&err);
    assert!(text.sv.contains("genomför"), "{}", text.sv);
    assert_eq!(counts(&mut db), before);
}

#[test]
fn a_caregiver_is_changed_and_removed_with_audit_rows() {
    use hembesok::domain::model::NewCaregiver;
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let family = options.family_id;
    let detail = db.read(|tx| tx.family_detail(family)).unwrap().unwrap();
    let first = detail.caregivers[0].id;
    let before = counts(&mut db);
    ops::families::update_caregiver(
        &mut db,
        &ctx(),
        family,
        first,
        &NewCaregiver {
            name: "Rättat Namn".into(),
            relation: None,
            identity: None,
        },
    )
    .unwrap();
    let detail = db.read(|tx| tx.family_detail(family)).unwrap().unwrap();
    assert_eq!(detail.caregivers[0].name, "Rättat Namn");
    ops::families::remove_caregiver(&mut db, &ctx(), family, first).unwrap();
    let after = db.read(|tx| tx.family_detail(family)).unwrap().unwrap();
    assert!(after.caregivers.iter().all(|c| c.id != first));
    assert_eq!(counts(&mut db).1, before.1 + 2, "one audit row each");
    // Someone else's caregiver is not this family's to change.
    let err = ops::families::remove_caregiver(&mut db, &ctx(), family, first).unwrap_err();
    assert!(
        matches!(err, OpsError::Refused(Refusal::PersonGone)),
        "{err:?}"
    );
}

#[test]
fn twins_are_booked_together_and_one_outcome_records_both() {
    use hembesok::domain::model::NewChild;
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let family = options.family_id;
    let detail = db.read(|tx| tx.family_detail(family)).unwrap().unwrap();
    let first = detail
        .children
        .iter()
        .find(|c| c.id == options.visit.child_id)
        .unwrap()
        .clone();
    ops::families::add_child(
        &mut db,
        &ctx(),
        family,
        &NewChild {
            name: "Tvilling Testsson".into(),
            birth_date: first.birth_date,
            expected: false,
            first_child: false,
            first_born_in_sweden: false,
            identity: None,
        },
    )
    .unwrap();
    let twin = db
        .read(|tx| tx.family_detail(family))
        .unwrap()
        .unwrap()
        .children
        .into_iter()
        .find(|c| c.name == "Tvilling Testsson")
        .unwrap()
        .id;
    let before = counts(&mut db);
    let booked = ops::visits::book_visit(&mut db, &ctx(), &request(&options, None)).unwrap();
    assert_eq!(
        counts(&mut db),
        (before.0 + 2, before.1 + 2),
        "two visits, two audit rows"
    );
    let start = options.proposals[0].candidate.start;
    let twin_visit = db
        .read(|tx| tx.visits_of_child(twin))
        .unwrap()
        .into_iter()
        .find(|v| v.start == start && v.visit_no == Some(options.visit.visit_no))
        .unwrap();
    assert_eq!(twin_visit.status, VisitStatus::Planned);
    let later = Ctx {
        now: options.proposals[0].candidate.end() + chrono::Duration::hours(1),
        ..ctx()
    };
    let staff_id = options.proposals[0].candidate.staff[0].staff_id;
    ops::visits::record_outcome(
        &mut db,
        &later,
        &VisitOutcome {
            visit_id: booked.id.unwrap(),
            status: VisitStatus::Done,
            attended: vec![(staff_id, true)],
            interpreter_used: false,
            family_present: None,
            themes: vec![],
            referrals: vec![],
            reason: None,
        },
    )
    .unwrap();
    let twin_after = db
        .read(|tx| tx.visit_record(twin_visit.id))
        .unwrap()
        .unwrap();
    assert_eq!(twin_after.status, VisitStatus::Done, "one outcome for both");
}

#[test]
fn an_exit_recorded_afterwards_keeps_the_day_the_family_left() {
    use hembesok::domain::enums::{ExitReason, FamilyStatus};
    use hembesok::domain::model::StatusChange;
    let (_dir, path) = demo();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut db);
    let left = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    ops::families::set_status(
        &mut db,
        &ctx(),
        options.family_id,
        &StatusChange {
            status: FamilyStatus::Exited,
            exit: Some(ExitReason::Moved),
            exit_note: None,
            cancel_booked: true,
            since: Some(left),
        },
    )
    .unwrap();
    let detail = db
        .read(|tx| tx.family_detail(options.family_id))
        .unwrap()
        .unwrap();
    assert_eq!(detail.exited_on, Some(left));
}

/// Moving a visit reads it as booked (when, how long, who goes, who interprets), which booking
/// it by hand starts from; a new booking has nothing booked yet.
#[test]
fn moving_a_visit_reads_it_as_booked() {
    let (_dir, path) = demo();
    let mut a = connect(&path, Mode::Write, None).unwrap();
    let options = first_proposal(&mut a);
    assert_eq!(options.booked, None);
    let mut r = request(&options, None);
    r.candidate = options.proposals.last().unwrap().candidate.clone();
    let visit_id = ops::visits::book_visit(&mut a, &ctx(), &r)
        .unwrap()
        .id
        .unwrap();
    let plan =
        ops::visits::plan_booking(&mut a, &ctx(), 7, options.family_id, Some(visit_id)).unwrap();
    let mut booked = plan.booked.unwrap();
    let mut expected = r.candidate.clone();
    booked.staff.sort_by_key(|s| s.staff_id);
    expected.staff.sort_by_key(|s| s.staff_id);
    assert_eq!(booked, expected);
}
