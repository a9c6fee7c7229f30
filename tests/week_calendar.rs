//! Calendars from Week: `c` on one person's week writes their file, and on everyone's week
//! every active person's, into the folder the app was started in, private from the first byte,
//! and the status line says where and how many events.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

use chrono::NaiveDate;
use hembesok::app::{App, Key, Lang};
use hembesok::tui::{Runner, apply, start};

/// A demo register made today (a Wednesday), so this week holds visits; the calendars go to
/// a folder of their own, as if the app had been started there.
fn setup() -> (tempfile::TempDir, App, Runner) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sqlite");
    let today = NaiveDate::from_ymd_opt(2026, 10, 14).unwrap();
    {
        let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap();
        let ctx = hembesok::ops::Ctx {
            actor: "demo".into(),
            now: today.and_hms_opt(7, 0, 0).unwrap(),
        };
        hembesok::ops::demo::generate(&mut db, 150, 7, today, false, &ctx).unwrap();
    }
    let db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap();
    let mut runner = Runner::new(db, "samordnare".into(), 7).unwrap();
    runner.clock = today.and_hms_opt(9, 0, 0);
    runner.folder = dir.path().join("start");
    std::fs::create_dir(&runner.folder).unwrap();
    let mut app = App::new(Lang::Sv, today, runner.programme_ids());
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

fn message(app: &App, lang: Lang) -> String {
    app.message.as_ref().unwrap().get(lang).to_string()
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn c_on_a_persons_week_writes_their_calendar_into_the_start_folder() {
    let (_dir, mut app, mut runner) = setup();
    key(&mut app, &mut runner, Key::Char('2'));
    // Someone who visits a family this week.
    let visit = app
        .week
        .pages
        .iter()
        .flat_map(|p| p.visits.iter())
        .find(|v| !v.staff.is_empty())
        .cloned()
        .unwrap();
    let person = visit.staff[0].name.clone();
    key(&mut app, &mut runner, Key::Char('s'));
    for c in person.chars() {
        key(&mut app, &mut runner, Key::Char(c));
    }
    key(&mut app, &mut runner, Key::Enter);
    assert_eq!(
        app.week.staff.as_ref().map(|(_, n)| n.clone()),
        Some(person.clone())
    );

    key(&mut app, &mut runner, Key::Char('c'));
    let file = runner
        .folder
        .join(format!("{}.ics", person.replace(' ', "-")));
    let text = std::fs::read_to_string(&file).unwrap();
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let events = text.matches("BEGIN:VEVENT").count();
    assert!(events > 0, "{text}");
    // The person's visit is among them.
    assert!(
        text.contains(&format!("UID:visit-{}-", visit.visit_id)),
        "{text}"
    );
    // The status line says where, and how many events, in both languages.
    let (sv, en) = (message(&app, Lang::Sv), message(&app, Lang::En));
    let shown = file.display().to_string();
    assert!(
        sv.starts_with(&format!("{events} händelse")) && sv.contains(&shown),
        "{sv}"
    );
    assert!(
        en.starts_with(&format!("{events} event")) && en.contains(&shown),
        "{en}"
    );
}

#[test]
fn c_on_everyones_week_writes_every_active_persons_calendar() {
    let (_dir, mut app, mut runner) = setup();
    key(&mut app, &mut runner, Key::Char('2'));
    assert!(app.week.staff.is_none());
    key(&mut app, &mut runner, Key::Char('c'));
    let active = runner
        .db
        .read(|tx| tx.list_staff())
        .unwrap()
        .into_iter()
        .filter(|s| s.active)
        .count();
    let files: Vec<_> = std::fs::read_dir(&runner.folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), active, "{files:?}");
    let mut events = 0;
    for f in &files {
        #[cfg(unix)]
        assert_eq!(mode(f), 0o600, "{f:?}");
        events += std::fs::read_to_string(f)
            .unwrap()
            .matches("BEGIN:VEVENT")
            .count();
    }
    assert!(events > 0);
    let (sv, en) = (message(&app, Lang::Sv), message(&app, Lang::En));
    let shown = runner.folder.display().to_string();
    assert!(
        sv.starts_with(&format!("{active} kalendrar")) && sv.contains(&shown),
        "{sv}"
    );
    assert!(
        en.starts_with(&format!("{active} calendars")) && en.contains(&shown),
        "{en}"
    );
    // A first export: every event in the files is new.
    assert!(en.contains(&format!("{events} new")), "{en}");
}
