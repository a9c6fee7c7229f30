//! The Report screen against a real database: its figures come from the background worker,
//! a record listed as missing is fixed through `Enter`, and the figure on screen changes.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test
use hembesok::app::ReportEffect;
use hembesok::app::form::FieldId;

use chrono::NaiveDate;
use hembesok::app::report::Section;
use hembesok::app::{App, Key, Lang};
use hembesok::domain::report::{Category, IndicatorId, MissingKind, Place, Report, Value};
use hembesok::tui::{Runner, apply, start};

/// A demo register made on 2026-08-01, opened on 2026-10-15: the visits it booked for August
/// and September have passed without an outcome.
fn setup() -> (tempfile::TempDir, App, Runner) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sqlite");
    let made = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
    {
        let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap();
        let ctx = hembesok::ops::Ctx {
            actor: "demo".into(),
            now: made.and_hms_opt(8, 0, 0).unwrap(),
        };
        hembesok::ops::demo::generate(&mut db, 150, 7, made, false, &ctx).unwrap();
    }
    let db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap();
    let mut runner = Runner::new(db, "samordnare".into(), 7).unwrap();
    // The municipality an export names, as the config gives it.
    runner.municipality = Ok(hembesok::domain::report::Municipality {
        code: "1442".into(),
        name: "Kommunen".into(),
    });
    runner.clock = NaiveDate::from_ymd_opt(2026, 10, 15)
        .unwrap()
        .and_hms_opt(9, 0, 0);
    let mut app = App::new(Lang::En, runner.now().date(), runner.programme_ids());
    start(&mut app, &mut runner).unwrap();
    drain(&mut app, &mut runner);
    (dir, app, runner)
}

fn drain(app: &mut App, runner: &mut Runner) {
    while let Some(action) = runner.background_answer(true) {
        let more = app.receive(action);
        apply(app, runner, more);
    }
}

fn key(app: &mut App, runner: &mut Runner, k: Key) {
    let effects = app.handle_key(k);
    apply(app, runner, effects);
    drain(app, runner);
}

fn visits_done(report: &Report) -> u64 {
    match report
        .cell(IndicatorId::VisitsDone, &Place::Municipality, None)
        .and_then(|c| c.published())
    {
        Some(Value::Count(n)) => n,
        other => panic!("visits done: {other:?}"),
    }
}

#[test]
fn a_visit_without_an_outcome_is_listed_and_fixing_it_counts_it() {
    let (_dir, mut app, mut runner) = setup();
    key(&mut app, &mut runner, Key::Char('6'));
    let state = &app.report;
    assert_eq!(state.quarter.unwrap().to_string(), "2026Q3");
    let before = visits_done(state.report().unwrap());
    let missing = state.missing().unwrap().clone();
    let outcomes = missing.counts[MissingKind::VisitOutcome.index()];
    assert!(outcomes > 0, "{missing:?}");
    // The trend's eight quarters are all there, from the same computation.
    assert!(state.trend().iter().all(|(_, line)| line.is_some()));

    key(&mut app, &mut runner, Key::Tab);
    key(&mut app, &mut runner, Key::Tab);
    assert_eq!(app.report.section, Section::Missing);
    let marked = app.report.marked_missing().unwrap().clone();
    assert_eq!(marked.kind, MissingKind::VisitOutcome);
    // Enter opens the outcome form of that visit; Enter again saves it as done.
    key(&mut app, &mut runner, Key::Enter);
    assert!(app.form().is_some(), "the outcome form is open");
    key(&mut app, &mut runner, Key::Enter);
    assert!(app.form().is_none(), "{:?}", app.message);

    let state = &app.report;
    assert_eq!(visits_done(state.report().unwrap()), before + 1);
    let after = state.missing().unwrap();
    assert_eq!(
        after.counts[MissingKind::VisitOutcome.index()],
        outcomes - 1
    );
    assert!(
        after
            .items
            .iter()
            .all(|i| i.id != marked.id || i.kind != marked.kind)
    );
    // The visit was counted under its number.
    let number = state.report().unwrap().cells.iter().any(|c| {
        c.indicator == IndicatorId::VisitsDone && matches!(c.category, Some(Category::Visit(_)))
    });
    assert!(number);
}

#[test]
fn flipping_back_to_a_quarter_seen_reads_nothing_again() {
    let (_dir, mut app, mut runner) = setup();
    key(&mut app, &mut runner, Key::Char('6'));
    // 2026Q2 is in the trend: its report came with it, only its missing list is read.
    let effects = app.handle_key(Key::Char('['));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, hembesok::app::Effect::Report(ReportEffect::Load { .. }))),
        "{effects:?}"
    );
    assert!(app.report.report().is_some());
    apply(&mut app, &mut runner, effects);
    drain(&mut app, &mut runner);
    assert_eq!(app.report.quarter.unwrap().to_string(), "2026Q2");
    assert!(app.report.report().is_some());
    // The quarter running now can be shown; the one after it cannot.
    key(&mut app, &mut runner, Key::Char(']'));
    let effects = app.handle_key(Key::Char(']'));
    assert_eq!(app.report.quarter.unwrap().to_string(), "2026Q4");
    assert!(!effects.is_empty(), "the running quarter is read");
    apply(&mut app, &mut runner, effects);
    drain(&mut app, &mut runner);
    assert!(app.handle_key(Key::Char(']')).is_empty());
    assert_eq!(app.report.quarter.unwrap().to_string(), "2026Q4");
    // Back to 2026Q3: cached, nothing to read.
    assert!(app.handle_key(Key::Char('[')).is_empty());
    assert!(app.report.report().is_some());
}

#[test]
fn exporting_from_the_screen_lists_the_export_with_its_checksum() {
    let (dir, mut app, mut runner) = setup();
    key(&mut app, &mut runner, Key::Char('6'));
    key(&mut app, &mut runner, Key::Char('x'));
    // A folder that does not exist: the form stays, with what was typed.
    let bad = dir.path().join("no-such-folder").join("r.xlsx");
    let form = app.form().unwrap();
    assert_eq!(form.value(FieldId::Path), "hembesok-2026Q3.xlsx");
    key(&mut app, &mut runner, Key::Tab);
    key(&mut app, &mut runner, Key::Ctrl('u'));
    for c in bad.display().to_string().chars() {
        key(&mut app, &mut runner, Key::Char(c));
    }
    key(&mut app, &mut runner, Key::Enter);
    let form = app.form().expect("the form stays open");
    assert_eq!(form.value(FieldId::Path), bad.display().to_string());
    assert!(form.error.is_some());
    // A folder that exists.
    let good = dir.path().join("r.xlsx");
    key(&mut app, &mut runner, Key::Ctrl('u'));
    for c in good.display().to_string().chars() {
        key(&mut app, &mut runner, Key::Char(c));
    }
    key(&mut app, &mut runner, Key::Enter);
    assert!(app.form().is_none(), "{:?}", app.message);
    let done = app.report.last_export.clone().unwrap();
    assert_eq!(done.path, good);
    let bytes = std::fs::read(&good).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx file");
    let runs = app.report.runs().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0].checksum, done.checksum);
    assert_eq!(
        runs[0].path.as_deref(),
        Some(good.display().to_string().as_str())
    );
    assert_eq!(app.report.section, Section::Exports);
}

#[test]
fn the_missing_list_read_in_small_pages_is_the_list_read_at_once() {
    let (dir, _app, runner) = setup();
    drop(runner);
    let mut db =
        hembesok::db::connect(&dir.path().join("r.sqlite"), hembesok::db::Mode::Read, None)
            .unwrap();
    let q = hembesok::domain::quarter::Quarter::parse("2026Q3").unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 10, 15)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let whole = db
        .read(|tx| tx.missing_page(q.into(), now, 0, 10_000))
        .unwrap();
    assert!(
        whole.counts.iter().filter(|n| **n > 0).count() >= 2,
        "{:?}",
        whole.counts
    );
    assert_eq!(whole.items.len(), whole.total());
    let mut paged = Vec::new();
    for offset in (0..whole.total()).step_by(7) {
        let page = db
            .read(|tx| tx.missing_page(q.into(), now, offset, 7))
            .unwrap();
        assert_eq!(page.counts, whole.counts);
        assert_eq!(page.offset, offset);
        paged.extend(page.items);
    }
    assert_eq!(paged, whole.items);
    // Grouped by kind, in the order of the counts.
    assert!(paged.windows(2).all(|w| w[0].kind <= w[1].kind));
}
