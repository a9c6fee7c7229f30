//! Region-scale timings of the app, in a release build: `cargo bench --bench tui`.
//! Builds (once) demo databases of 50,000 and 200,000 families, then measures on each what
//! DESIGN.md §8 asks: first frame, a key handled and drawn, search per keystroke, opening a
//! family and the week, moving a week, memory. A screen must cost about the same on both.
//! `HEMBESOK_BENCH_SIZES=50000` measures one size only.
#![allow(clippy::expect_used)] // a benchmark: a failure should stop it loudly

use std::path::PathBuf;
use std::time::{Duration, Instant};

use hembesok::app::{App, Effect, FamilyEffect, Key, Lang, TodayMsg, VisitEffect};
use hembesok::session::Session;
use hembesok::tui::{Runner, apply, start};
use hembesok::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn database(families: usize) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-{families}.sqlite"));
    if !path.exists() {
        eprintln!("creating {} ({families} families)…", path.display());
        let inv = Session::load(None);
        let mut db =
            hembesok::db::connect(&path, hembesok::db::Mode::Create, None).expect("bench database");
        hembesok::ops::demo::generate(&mut db, families as u32, 1, inv.today(), false, &inv.ctx())
            .expect("demo data");
    }
    path
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|f| render(app, f, Theme { color: true }))
        .expect("draw");
}

struct Stats(Vec<Duration>);

impl Stats {
    fn report(mut self, what: &str, target_ms: f64) {
        self.0.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let median = ms(self.0[self.0.len() / 2]);
        let worst = ms(self.0[self.0.len() - 1]);
        let verdict = if worst <= target_ms { "ok" } else { "OVER" };
        println!(
            "{what:<44} median {median:>8.2} ms  worst {worst:>8.2} ms  target {target_ms:>6.0} ms  {verdict}"
        );
    }
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("HEMBESOK_BENCH_SIZES")
        .unwrap_or_else(|_| "50000,200000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    for families in sizes {
        println!("\n## {families} families\n");
        measure(families);
    }
    if let Some(mb) = peak_rss_mb() {
        println!("\npeak memory (all sizes, one process): {mb:.0} MB");
    }
}

/// Groups: open the screen (key 4), a series (Enter), a roll call (Enter on a past session),
/// and each mark (p), each read and drawn.
fn measure_groups(app: &mut App, runner: &mut Runner, terminal: &mut Terminal<TestBackend>) {
    app.close_all();
    let mut open_groups = Vec::new();
    for _ in 0..5 {
        app.handle_key(Key::Char('1'));
        app.groups = hembesok::app::groups::GroupsState::default();
        let t = Instant::now();
        let effects = app.handle_key(Key::Char('4'));
        apply(app, runner, effects);
        draw(terminal, app);
        open_groups.push(t.elapsed());
    }
    Stats(open_groups).report("key 4: open Groups, read and draw", 16.0);
    let mut open_series = Vec::new();
    let mut open_roll = Vec::new();
    let mut marks = Vec::new();
    let today = runner.now().date();
    for i in 0..5 {
        app.groups.page = None;
        app.groups.selected = i;
        let t = Instant::now();
        let effects = app.handle_key(Key::Enter);
        apply(app, runner, effects);
        draw(terminal, app);
        open_series.push(t.elapsed());
        let Some(page) = app.groups.page.as_mut() else {
            continue;
        };
        let Some(past) = page
            .data
            .sessions
            .iter()
            .rposition(|s| s.start.date() <= today)
        else {
            continue;
        };
        page.selected = past;
        let t = Instant::now();
        let effects = app.handle_key(Key::Enter);
        apply(app, runner, effects);
        draw(terminal, app);
        open_roll.push(t.elapsed());
        let lines = app.roll_call().map_or(0, |r| r.call.lines.len());
        for _ in 0..lines {
            let t = Instant::now();
            let effects = app.handle_key(Key::Char('p'));
            apply(app, runner, effects);
            draw(terminal, app);
            marks.push(t.elapsed());
        }
        app.close_all();
    }
    Stats(open_series).report("Enter: open a series, read and draw", 16.0);
    if !open_roll.is_empty() {
        Stats(open_roll).report("Enter: open a roll call, read and draw", 16.0);
    }
    if !marks.is_empty() {
        Stats(marks).report("p: one mark written and its line drawn", 16.0);
    }
}

fn measure(families: usize) {
    let path = database(families);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");

    // First frame: open, read Today, draw.
    let mut first = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let db = hembesok::db::connect(&path, hembesok::db::Mode::Create, None).expect("open");
        let mut runner = Runner::new(db, "bench".into(), 7).expect("runner");
        let mut app = App::new(Lang::Sv, runner.now().date(), runner.programme_ids());
        start(&mut app, &mut runner).expect("today");
        draw(&mut terminal, &app);
        first.push(t.elapsed());
    }
    Stats(first).report(
        "first frame (open, Today, Families' first page, draw)",
        150.0,
    );

    // The background read: every alert. The screen stays usable meanwhile; this says how soon
    // its data is there.
    let mut alerts_ready = Vec::new();
    let mut app = App::new(Lang::Sv, chrono::Local::now().date_naive(), Vec::new());
    let mut runner = Runner::new(
        hembesok::db::connect(&path, hembesok::db::Mode::Create, None).expect("open"),
        "bench".into(),
        7,
    )
    .expect("runner");
    for _ in 0..3 {
        runner = Runner::new(
            hembesok::db::connect(&path, hembesok::db::Mode::Create, None).expect("open"),
            "bench".into(),
            7,
        )
        .expect("runner");
        app = App::new(Lang::Sv, runner.now().date(), runner.programme_ids());
        let t = Instant::now();
        start(&mut app, &mut runner).expect("today");
        while let Some(action) = runner.background_answer(true) {
            let alerts = matches!(action, hembesok::app::Msg::Today(TodayMsg::AlertsLoaded(_)));
            let more = app.receive(action);
            apply(&mut app, &mut runner, more);
            if alerts {
                alerts_ready.push(t.elapsed());
            }
        }
    }
    Stats(alerts_ready).report("background: every alert there (from start)", 1000.0);
    assert!(
        app.families.loaded && app.today_view.alerts.is_some(),
        "background reads answered"
    );

    let t = Instant::now();
    let effects = app.handle_key(Key::Char('3'));
    apply(&mut app, &mut runner, effects);
    draw(&mut terminal, &app);
    Stats(vec![t.elapsed()]).report("key 3: show Families (first page read)", 16.0);

    let mut moves = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let effects = app.handle_key(Key::Down);
        apply(&mut app, &mut runner, effects);
        draw(&mut terminal, &app);
        moves.push(t.elapsed());
    }
    Stats(moves).report("key: move down the list, and draw", 16.0);

    let mut search = Vec::new();
    let mut search_and_draw = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    app.handle_key(Key::Char('/'));
    for query in [
        "familjen",
        "haddad",
        "ab",
        "anna berg",
        "0701740",
        "d1-0123",
    ] {
        for c in query.chars() {
            let t = Instant::now();
            let effects = app.handle_key(Key::Char(c));
            apply(&mut app, &mut runner, effects);
            search.push(t.elapsed());
            slowest.push((
                t.elapsed(),
                format!("typed {:?}", app.families.query.value()),
            ));
            draw(&mut terminal, &app);
            search_and_draw.push(t.elapsed());
        }
        for _ in query.chars() {
            let t = Instant::now();
            let effects = app.handle_key(Key::Backspace);
            apply(&mut app, &mut runner, effects);
            search.push(t.elapsed());
            draw(&mut terminal, &app);
            search_and_draw.push(t.elapsed());
        }
    }
    assert_eq!(app.families.total, families, "the list is of every family");
    slowest.sort();
    for (d, what) in slowest.iter().rev().take(3) {
        println!(
            "  slowest keystrokes: {what} {:.2} ms",
            d.as_secs_f64() * 1000.0
        );
    }
    Stats(search).report("search: one keystroke and its page read", 10.0);
    Stats(search_and_draw).report("search: keystroke and draw", 16.0);

    let mut open = Vec::new();
    for id in [1, 777, 25_000, 49_999] {
        let t = Instant::now();
        let effects = vec![Effect::Family(FamilyEffect::Load(id))];
        apply(&mut app, &mut runner, effects);
        draw(&mut terminal, &app);
        open.push(t.elapsed());
    }
    Stats(open).report("open a family's page (audit row, read, draw)", 16.0);

    // Proposals for families that really have a visit due, as pressing n on their page does.
    let due: Vec<i64> = {
        let mut ids: Vec<i64> = app.today_view.due_by_family.keys().copied().collect();
        ids.sort_unstable();
        ids.into_iter().take(20).collect()
    };
    assert!(!due.is_empty(), "the demo data has due visits");
    let mut proposals = Vec::new();
    let mut found = 0;
    for id in &due {
        app.close_all();
        let t = Instant::now();
        apply(
            &mut app,
            &mut runner,
            vec![Effect::Visit(VisitEffect::LoadProposals {
                family_id: *id,
                rebook: None,
            })],
        );
        draw(&mut terminal, &app);
        proposals.push(t.elapsed());
        found += app.booking().map_or(0, |b| b.plan.proposals.len());
    }
    let asked = proposals.len();
    Stats(proposals).report("proposals for a due visit, drawn", 100.0);
    println!("  {found} slots proposed for {asked} families");

    // Week: open it from Today (key 2), then move a week forward and back (] and [).
    app.close_all();
    let mut open_week = Vec::new();
    for _ in 0..5 {
        app.handle_key(Key::Char('1'));
        app.week = hembesok::app::week::WeekState::default();
        let t = Instant::now();
        let effects = app.handle_key(Key::Char('2'));
        apply(&mut app, &mut runner, effects);
        draw(&mut terminal, &app);
        open_week.push(t.elapsed());
    }
    Stats(open_week).report("key 2: open Week, read and draw", 16.0);
    let mut move_week = Vec::new();
    for i in 0..20 {
        let t = Instant::now();
        let effects = app.handle_key(Key::Char(if i % 4 < 2 { ']' } else { '[' }));
        apply(&mut app, &mut runner, effects);
        draw(&mut terminal, &app);
        move_week.push(t.elapsed());
    }
    Stats(move_week).report("key ] or [: move a week, read and draw", 16.0);

    measure_groups(&mut app, &mut runner, &mut terminal);

    match peak_rss_mb() {
        Some(mb) => println!(
            "{:<44} {mb:>8.1} MB  target    150 MB  {}",
            "peak memory",
            if mb <= 150.0 { "ok" } else { "OVER" }
        ),
        None => println!("peak memory: not available on this system"),
    }
}
