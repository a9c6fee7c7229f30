//! Twins' visit is one trip: booked once for both, Week shows one line naming both (also in
//! the person's week), its day counts one, and the staff's calendar has one event for it.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::{fixture, hembesok};
use hembesok::app::{App, Key, Lang};
use hembesok::db::{Mode, connect};
use hembesok::domain::booking::plan::BookingRequest;
use hembesok::domain::booking::{Assigned, Candidate};
use hembesok::domain::enums::Role;
use hembesok::ops::{self, Ctx};
use hembesok::tui::{Runner, apply, start};
use hembesok::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// The staff and a family with twins, whose visit 3 is booked for one of them on Thursday
/// of week 48 (so for both), with Anna and Bo.
fn twins_booked(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("twins.sqlite");
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_twins.csv"),
    ] {
        hembesok(&db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
    let mut conn = connect(&db, Mode::Write, None).unwrap();
    let ctx = Ctx {
        actor: "test".into(),
        now: at("2026-11-20 09:00"),
    };
    let (family_id, child_id, anna, bo) = conn
        .read(|tx| {
            let family = tx.family_id_by_ref("W-001")?.unwrap();
            let child = tx.children_of(family)?[0].id;
            let anna = tx.staff_by_name("Anna Sköterska")?.unwrap().id;
            let bo = tx.staff_by_name("Bo Rådgivare")?.unwrap().id;
            Ok::<_, hembesok::db::DbError>((family, child, anna, bo))
        })
        .unwrap();
    let request = BookingRequest {
        family_id,
        child_id,
        visit_no: Some(3),
        candidate: Candidate {
            start: at("2026-11-26 10:00"),
            duration_min: 60,
            staff: vec![
                Assigned {
                    role: Role::Nurse,
                    staff_id: anna,
                },
                Assigned {
                    role: Role::ParentAdvisor,
                    staff_id: bo,
                },
            ],
            interpreter_staff: None,
            interpreter_external: false,
        },
        interpreter_language: None,
        rebooking: None,
        override_reason: Some("test".into()),
    };
    let before = conn.read(|tx| tx.counts()).unwrap().visits;
    ops::visits::book_visit(&mut conn, &ctx, &request).unwrap();
    assert_eq!(
        conn.read(|tx| tx.counts()).unwrap().visits,
        before + 2,
        "booked for both"
    );
    db
}

fn screen_text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(200, 30)).unwrap();
    terminal
        .draw(|f| render(app, f, Theme { color: false }))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn twins_visit_is_one_line_in_week_and_one_trip_in_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = twins_booked(dir.path());
    let mut runner = Runner::new(connect(&db, Mode::Write, None).unwrap(), "t".into(), 7).unwrap();
    runner.clock = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 0, 0);
    let mut app = App::new(Lang::Sv, runner.now().date(), runner.programme_ids());
    start(&mut app, &mut runner).unwrap();
    let effects = app.handle_key(Key::Char('2'));
    apply(&mut app, &mut runner, effects);
    assert!(app.week.loaded);
    assert_eq!(
        app.week.counts,
        [0, 0, 0, 1, 0, 0, 0],
        "one trip on Thursday"
    );
    let thursday = &app.week.page(3).visits;
    assert_eq!(thursday.len(), 1);
    assert_eq!(thursday[0].child_name, "Alva Tvåsson & Elsa Tvåsson");
    let text = screen_text(&app);
    assert_eq!(text.matches("Tvåsson (tvillingar)").count(), 1, "{text}");
    assert_eq!(text.matches("10:00 Tvåsson").count(), 1, "one line: {text}");
    // The person's week says the same.
    let mut other = connect(&db, Mode::Write, None).unwrap();
    let anna = other
        .read(|tx| tx.staff_by_name("Anna Sköterska"))
        .unwrap()
        .unwrap()
        .id;
    let page = other
        .read(|tx| {
            tx.day_visits_page(
                NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
                Some(anna),
                0,
                60,
            )
        })
        .unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].twins, vec!["Elsa Tvåsson".to_string()]);
}

#[test]
fn a_staff_calendar_has_one_event_for_the_twins_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = twins_booked(dir.path());
    let out = dir.path().join("anna.ics");
    hembesok(&db)
        .args([
            "--lang", "en", "calendar", "--staff", "anna", "--week", "2026-W48", "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "{text}");
    assert!(
        text.replace("\r\n ", "")
            .contains("Alva Tvåsson & Elsa Tvåsson"),
        "{text}"
    );
}

/// Today's paged read (each day's count, a page at a time, twins skipped in the database) lists
/// the same lines as reading every visit of the days and merging twins did, on a demo register
/// with a family of twins.
#[test]
fn todays_pages_list_what_the_full_read_listed_twins_as_one_line() {
    use hembesok::app::today;
    let dir = tempfile::tempdir().unwrap();
    hembesok(&dir.path().join("twins.sqlite"))
        .args([
            "demo",
            "--families",
            "300",
            "--seed",
            "7",
            "--today",
            "2026-11-22",
        ])
        .assert()
        .success();
    let db = twins_booked(dir.path());
    let mut conn = connect(&db, Mode::Write, None).unwrap();
    let mut listed = 0;
    let mut twins_lines = 0;
    for day in 16..=30 {
        let date = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let next = today::next_working_day(date);
        let (full, counts, paged) = conn
            .read(|tx| {
                let full = tx.day_visits(date, next)?;
                let counts = tx.trips_per_day(date, next)?;
                let total: usize = counts.iter().sum();
                let mut paged = Vec::new();
                let mut offset = 0;
                while offset < total + 7 {
                    paged.extend(tx.days_visits_page(date, next, offset, 7)?);
                    offset += 7;
                }
                Ok::<_, hembesok::db::DbError>((full, counts, paged))
            })
            .unwrap();
        let old = today::today_data(date, full, None);
        assert_eq!(paged, old.visits, "the lines of {date}");
        assert_eq!(counts, old.counts, "the counts of {date}");
        listed += paged.len();
        twins_lines += paged.iter().filter(|v| !v.twins.is_empty()).count();
    }
    assert!(listed > 50, "the demo has visits on these days: {listed}");
    assert!(twins_lines > 0, "the twins' visit is among them");
}

/// A family of twins whose Alva had her visit 4 booked (Monday 7 December 10:00, Anna and Bo)
/// before Elsa, her twin, was registered: the database, its connection, the time, the family,
/// Elsa's id, Anna's id, Alva's booking and its trip.
struct LaterTwin {
    db: std::path::PathBuf,
    conn: hembesok::db::Db,
    ctx: Ctx,
    family_id: i64,
    elsa_id: i64,
    anna: i64,
    request: BookingRequest,
    trip: Candidate,
}

fn a_twin_added_later(dir: &std::path::Path) -> LaterTwin {
    let db = dir.join("later.sqlite");
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_twins.csv"),
    ] {
        hembesok(&db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
    let mut conn = connect(&db, Mode::Write, None).unwrap();
    let ctx = Ctx {
        actor: "test".into(),
        now: at("2026-11-20 09:00"),
    };
    let (family_id, alva, elsa, anna, bo) = conn
        .read(|tx| {
            let family = tx.family_id_by_ref("W-001")?.unwrap();
            let children = tx.children_of(family)?;
            let anna = tx.staff_by_name("Anna Sköterska")?.unwrap().id;
            let bo = tx.staff_by_name("Bo Rådgivare")?.unwrap().id;
            Ok::<_, hembesok::db::DbError>((
                family,
                children[0].clone(),
                children[1].clone(),
                anna,
                bo,
            ))
        })
        .unwrap();
    // Only Alva is registered when her visit 4 is booked; Elsa, her twin, comes later.
    ops::families::remove_child(&mut conn, &ctx, family_id, elsa.id).unwrap();
    let trip = Candidate {
        start: at("2026-12-07 10:00"),
        duration_min: 60,
        staff: vec![
            Assigned {
                role: Role::Nurse,
                staff_id: anna,
            },
            Assigned {
                role: Role::ParentAdvisor,
                staff_id: bo,
            },
        ],
        interpreter_staff: None,
        interpreter_external: false,
    };
    let request = BookingRequest {
        family_id,
        child_id: alva.id,
        visit_no: Some(4),
        candidate: trip.clone(),
        interpreter_language: None,
        rebooking: None,
        override_reason: None,
    };
    ops::visits::book_visit(&mut conn, &ctx, &request).unwrap();
    let child = hembesok::domain::model::NewChild {
        name: elsa.name.clone(),
        birth_date: alva.birth_date,
        expected: false,
        first_child: false,
        first_born_in_sweden: true,
        identity: None,
    };
    ops::families::add_child(&mut conn, &ctx, family_id, &child).unwrap();
    let elsa_id = conn
        .read(|tx| tx.children_of(family_id))
        .unwrap()
        .iter()
        .find(|c| c.name == elsa.name)
        .unwrap()
        .id;
    LaterTwin {
        db,
        conn,
        ctx,
        family_id,
        elsa_id,
        anna,
        request,
        trip,
    }
}

#[test]
fn a_twin_added_later_is_first_proposed_the_booked_twins_trip() {
    let dir = tempfile::tempdir().unwrap();
    let LaterTwin {
        mut conn,
        ctx,
        family_id,
        elsa_id,
        anna,
        request,
        trip,
        ..
    } = a_twin_added_later(dir.path());
    // Her visit 4 is proposed first as her twin's trip: same time, same people.
    let options = ops::visits::plan_booking(&mut conn, &ctx, 7, family_id, None).unwrap();
    assert_eq!(
        (options.visit.child_id, options.visit.visit_no),
        (elsa_id, 4)
    );
    let first = &options.proposals[0];
    assert!(first.twin_trip, "{:?}", options.proposals);
    assert_eq!(first.candidate, trip);
    assert!(options.proposals[1..].iter().all(|p| !p.twin_trip));
    // Booking it is no clash with the twin's visit: it joins it, one trip.
    let join = BookingRequest {
        child_id: elsa_id,
        candidate: first.candidate.clone(),
        ..request
    };
    ops::visits::book_visit(&mut conn, &ctx, &join).unwrap();
    let visits = conn
        .read(|tx| {
            tx.calendar_visits(
                NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 13).unwrap(),
                Some(anna),
            )
        })
        .unwrap();
    assert_eq!(visits.len(), 1, "one trip for both: {visits:?}");
}

/// Sets a field of the open form to `text`, by keys: Tab to it, Ctrl-U, type.
fn set_field(app: &mut App, id: hembesok::app::form::FieldId, text: &str) {
    let form = app.form().unwrap();
    let target = form.fields.iter().position(|f| f.id == id).unwrap();
    while app.form().unwrap().focus != target {
        app.handle_key(Key::Tab);
    }
    app.handle_key(Key::Ctrl('u'));
    for c in text.chars() {
        app.handle_key(Key::Char(c));
    }
}

/// Booking Elsa's visit by hand at her twin's booked time with the same people is no clash
/// while typing, as it is none when saved: it joins the trip. Before, the form said Anna was
/// already booked then (by her own family's visit) and would not save.
#[test]
fn booking_by_hand_at_the_twins_time_says_no_clash_and_joins_the_trip() {
    use hembesok::app::form::FieldId as F;
    let dir = tempfile::tempdir().unwrap();
    let LaterTwin {
        db,
        ctx,
        anna,
        trip,
        ..
    } = a_twin_added_later(dir.path());
    let mut runner = Runner::new(connect(&db, Mode::Write, None).unwrap(), "t".into(), 7).unwrap();
    runner.clock = Some(ctx.now);
    let mut app = App::new(Lang::En, runner.now().date(), runner.programme_ids());
    start(&mut app, &mut runner).unwrap();
    // Families, the family's page, its next visit to book, the second slot (not the trip), by hand.
    for key in [
        Key::Char('3'),
        Key::Enter,
        Key::Char('n'),
        Key::Down,
        Key::Char('m'),
    ] {
        let effects = app.handle_key(key);
        apply(&mut app, &mut runner, effects);
    }
    // Everyone who could go is read in the background behind the proposals; the form opens
    // with its answer.
    while let Some(answer) = runner.background_answer(true) {
        let more = app.receive(answer);
        apply(&mut app, &mut runner, more);
    }
    assert!(app.form().is_some(), "the form for booking by hand is open");
    set_field(&mut app, F::Date, "2026-12-07");
    set_field(&mut app, F::Time, "10:00");
    let form = app.form().unwrap();
    assert_eq!(
        (form.value(F::StaffInRole(0)), form.value(F::StaffInRole(1))),
        (
            trip.staff[0].staff_id.to_string().as_str(),
            trip.staff[1].staff_id.to_string().as_str()
        ),
        "the same people as the twin's visit"
    );
    let errors: Vec<String> = form
        .fields
        .iter()
        .filter_map(|f| f.error.as_ref().map(|e| e.en.clone()))
        .collect();
    assert!(
        errors.is_empty(),
        "no clash with the twin's own visit: {errors:?}"
    );
    // Saved, it joins the twin's visit: one trip in Anna's week.
    let effects = app.handle_key(Key::Enter);
    assert!(!effects.is_empty(), "the form saves");
    apply(&mut app, &mut runner, effects);
    assert!(app.form().is_none(), "saved and closed");
    let mut conn = connect(&db, Mode::Read, None).unwrap();
    let visits = conn
        .read(|tx| {
            tx.calendar_visits(
                NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 13).unwrap(),
                Some(anna),
            )
        })
        .unwrap();
    assert_eq!(visits.len(), 1, "one trip for both: {visits:?}");
}

/// A demo visit: its id, child, the visit it rides on, and what twins' visits share.
type Visit = (i64, i64, Option<i64>, String);

/// The demo looks like a municipality: about one family in sixty-four has twins, whose visits
/// are one trip each as booking makes them (the second twin's visit points at the first's, at
/// the same time with the same people and outcome, and the day lists it once naming both); and
/// some done visits to families who need an interpreter had none, as the outcome form records
/// an interpreter who did not come (the language kept, no interpreter).
#[test]
fn a_seeded_demo_has_twins_on_one_trip_and_visits_the_interpreter_missed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite");
    hembesok(&path)
        .args([
            "demo",
            "--families",
            "640",
            "--seed",
            "1",
            "--today",
            "2026-12-07",
        ])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&path).unwrap();
    // One family in each 64 has twins: born (or expected) the same day, named apart.
    let twins: Vec<(i64, i64, i64, i64)> = conn
        .prepare(
            "SELECT count(*), count(DISTINCT birth_date), count(DISTINCT expected),
                    count(DISTINCT name)
             FROM child GROUP BY family_id HAVING count(*) > 1",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(twins, vec![(2, 1, 1, 2); 10]);
    // Each visit of a twin family: its child, the visit it rides on, and all that booking and
    // the outcome form give both twins alike (time, length, place, outcome, interpreter,
    // themes, referrals, and who of the staff came).
    let visits: Vec<Visit> = conn
        .prepare(
            "SELECT v.id, v.child_id, v.twin_of,
                    printf('%s/%s/%s/%s/%s/%s/%s/%s/%s/%s/%s', v.starts_at, v.visit_no,
                        v.duration_min, v.location, v.status, v.interpreter_language,
                        v.interpreter_staff_id, v.interpreter_external, v.themes, v.referrals,
                        (SELECT group_concat(s, ' ') FROM (
                            SELECT staff_id || role || coalesce(attended, '-') AS s
                            FROM visit_staff WHERE visit_id = v.id ORDER BY staff_id)))
             FROM visit v JOIN child c ON c.id = v.child_id
             WHERE c.family_id IN (SELECT family_id FROM child GROUP BY 1 HAVING count(*) > 1)
             ORDER BY v.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let by_id: std::collections::HashMap<i64, &Visit> = visits.iter().map(|v| (v.0, v)).collect();
    let riders: Vec<&Visit> = visits.iter().filter(|v| v.2.is_some()).collect();
    assert_eq!(riders.len() * 2, visits.len(), "every trip is two visits");
    assert!(
        riders.len() >= 20,
        "twins with visits: {} trips",
        riders.len()
    );
    for rider in &riders {
        let first = by_id[&rider.2.unwrap()];
        assert_ne!(first.1, rider.1, "the twin's, not its own");
        assert_eq!(first.3, rider.3, "visit {} is its twin's trip", rider.0);
    }
    // A trip is one row of its day, naming both children.
    let start = |v: &&&Visit| v.3.split('/').next().unwrap().to_string();
    let last = riders.iter().max_by_key(start).unwrap();
    let first = by_id[&last.2.unwrap()];
    let day = NaiveDate::parse_from_str(&start(&last), "%Y-%m-%d %H:%M").unwrap();
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let page = db
        .read(|tx| tx.day_visits_page(day, None, 0, 100_000))
        .unwrap();
    let listed: Vec<_> = page
        .iter()
        .filter(|v| v.visit_id == first.0 || v.visit_id == last.0)
        .collect();
    assert_eq!(listed.len(), 1, "one row for the trip on {day}");
    assert_eq!(listed[0].visit_id, first.0);
    assert_eq!(listed[0].twins.len(), 1, "naming the twin too");
    // Done visits to families who need an interpreter: most had one, some not.
    let (done, without): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE v.interpreter_staff_id IS NULL
                                                 AND v.interpreter_external = 0)
             FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             WHERE v.status = 'done' AND f.interpreter_language IS NOT NULL
               AND v.interpreter_language = f.interpreter_language",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        without > 0 && without * 100 < done * 12,
        "{without} of {done} done visits without the interpreter"
    );
}
