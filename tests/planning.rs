//! Booking every due visit of a demo municipality from the proposals leaves no double booking.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test
use hembesok::app::{TodayEffect, VisitEffect};

use hembesok::app::{App, Effect, Lang};
use hembesok::domain::timeline::double_bookings;
use hembesok::tui::{Runner, apply, start};

/// A demo database of `families` made for 2026-11-23, and the app on it at 07:00 that day with
/// its background reads done.
fn demo_app(families: &str, seed: &str) -> (tempfile::TempDir, std::path::PathBuf, App, Runner) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &path)
        .args(["demo", "--families", families, "--seed", seed])
        .args(["--today", "2026-11-23"])
        .assert()
        .success();
    let mut runner = Runner::new(
        hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap(),
        "test".into(),
        7,
    )
    .unwrap();
    runner.clock = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(7, 0, 0);
    let mut app = App::new(Lang::En, runner.now().date(), runner.programme_ids());
    start(&mut app, &mut runner).unwrap();
    while let Some(action) = runner.background_answer(true) {
        let more = app.receive(action);
        apply(&mut app, &mut runner, more);
    }
    (dir, path, app, runner)
}

#[test]
fn booking_every_due_visit_from_proposals_makes_no_conflict() {
    let (_dir, path, mut app, mut runner) = demo_app("200", "11");
    let mut due: Vec<i64> = app.today_view.due_by_family.keys().copied().collect();
    due.sort_unstable();
    assert!(due.len() >= 5, "the demo has due visits: {}", due.len());

    let mut booked = 0;
    for family_id in &due {
        apply(
            &mut app,
            &mut runner,
            vec![Effect::Visit(VisitEffect::LoadProposals {
                family_id: *family_id,
                rebook: None,
            })],
        );
        let Some(state) = app.take_booking() else {
            continue;
        };
        let request = state.request().unwrap();
        apply(
            &mut app,
            &mut runner,
            vec![Effect::Visit(VisitEffect::Book(Box::new(request)))],
        );
        assert!(
            !matches!(app.message.as_ref(), Some(m) if m.en.starts_with("Not booked")),
            "a proposal was refused: {:?}",
            app.message
        );
        booked += 1;
    }
    assert!(
        booked * 10 >= due.len() * 8,
        "most due visits got a slot: {booked} of {}",
        due.len()
    );

    let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let mut bookings = db.read(|tx| tx.planned_bookings(from)).unwrap();
    assert_eq!(
        double_bookings(&mut bookings),
        vec![],
        "nobody is booked twice"
    );
    // And the alerts that were there are answered.
    apply(
        &mut app,
        &mut runner,
        vec![Effect::Today(TodayEffect::Load)],
    );
    while let Some(action) = runner.background_answer(true) {
        let more = app.receive(action);
        apply(&mut app, &mut runner, more);
    }
    let still_due = app.today_view.due_by_family.len();
    assert!(
        still_due < due.len(),
        "fewer families with due visits: {still_due} after, {} before",
        due.len()
    );
}

#[test]
fn moving_a_booked_visit_never_proposes_the_slot_it_already_has() {
    let (_dir, path, mut app, mut runner) = demo_app("60", "5");
    let mut due: Vec<i64> = app.today_view.due_by_family.keys().copied().collect();
    due.sort_unstable();
    let family_id = *due.first().unwrap();
    let load = |rebook| Effect::Visit(VisitEffect::LoadProposals { family_id, rebook });
    apply(&mut app, &mut runner, vec![load(None)]);
    let request = app.take_booking().unwrap().request().unwrap();
    let slot = request.candidate.start;
    let first_staff = request.candidate.staff[0].staff_id;
    apply(
        &mut app,
        &mut runner,
        vec![Effect::Visit(VisitEffect::Book(Box::new(request)))],
    );
    let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap();
    let visit_id = db
        .read(|tx| tx.planned_bookings(slot))
        .unwrap()
        .into_iter()
        .find(|b| b.start == slot && b.staff_id == first_staff)
        .and_then(|b| match b.booking {
            hembesok::domain::booking::Booking::Visit(id) => Some(id),
            _ => None,
        })
        .unwrap();

    apply(&mut app, &mut runner, vec![load(Some(visit_id))]);
    let plan = &app.booking().unwrap().plan;
    assert_eq!(plan.rebooking, Some(visit_id));
    assert!(!plan.proposals.is_empty(), "other slots are offered");
    assert!(
        plan.proposals.iter().all(|p| p.candidate.start != slot),
        "the visit's own time is not a move"
    );
}

#[test]
fn proposals_from_the_few_they_weigh_are_the_proposals_from_everyone_who_could_go() {
    use hembesok::domain::booking::plan::People;
    use hembesok::ops::{Ctx, visits};
    // Enough families for more nurses and parent advisors than the proposer weighs by name.
    let (_dir, path, app, _runner) = demo_app("400", "3");
    let mut due: Vec<i64> = app.today_view.due_by_family.keys().copied().collect();
    due.sort_unstable();
    let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Read, None).unwrap();
    let ctx = Ctx {
        actor: "test".into(),
        now: chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(7, 0, 0)
            .unwrap(),
    };
    let (mut compared, mut fewer) = (0, 0);
    for family_id in due {
        let Ok(few) = visits::plan_booking(&mut db, &ctx, 7, family_id, None) else {
            continue;
        };
        let all = visits::plan_booking_by_hand(&mut db, &ctx, 7, family_id, None).unwrap();
        assert_eq!(all.people, People::Everyone);
        assert_eq!(few.proposals, all.proposals, "family {family_id}");
        if few.proposals.is_empty() {
            assert_eq!(few.people, People::Everyone, "the form by hand opens");
        } else {
            assert_eq!(few.people, People::Weighed);
            assert!(few.staff.iter().all(|s| all.staff.contains(s)));
            // The form by hand knows when more people are busy: those it may name in a clash.
            assert!(few.busy.iter().all(|b| all.busy.contains(b)));
            fewer += usize::from(few.staff.len() < all.staff.len());
        }
        compared += 1;
    }
    assert!(compared >= 5, "families with a visit to book: {compared}");
    assert!(fewer > 0, "the proposals read fewer people than everyone");
}

#[test]
fn everyone_for_booking_by_hand_is_read_once_the_proposals_are_drawn() {
    use hembesok::app::Msg;
    use hembesok::domain::booking::plan::People;
    let (_dir, _path, mut app, mut runner) = demo_app("200", "11");
    let mut due: Vec<i64> = app.today_view.due_by_family.keys().copied().collect();
    due.sort_unstable();
    assert!(!runner.busy(), "the start's reads are done");
    let shown = due.into_iter().find(|&family_id| {
        apply(
            &mut app,
            &mut runner,
            vec![Effect::Visit(VisitEffect::LoadProposals {
                family_id,
                rebook: None,
            })],
        );
        app.booking().is_some()
    });
    assert!(shown.is_some(), "a family with slots to propose");
    assert_eq!(app.booking().unwrap().plan.people, People::Weighed);
    assert!(
        !runner.busy(),
        "nothing competes with drawing the proposals"
    );
    runner.drawn();
    assert!(runner.busy(), "once they are drawn, everyone is read");
    let answer = runner.background_answer(true).unwrap();
    assert!(matches!(answer, Msg::EveryoneLoaded(_)), "{answer:?}");
    app.receive(answer);
    assert_eq!(app.booking().unwrap().plan.people, People::Everyone);
}
