//! Region-scale timings of the app, in a release build: `cargo bench --bench tui`.
//! Builds (once) a 50,000-family demo database, then measures what DESIGN.md §8 asks:
//! first frame, a key handled and drawn, search per keystroke, opening a family, memory.
#![allow(clippy::expect_used)] // a benchmark: a failure should stop it loudly

use std::path::PathBuf;
use std::time::{Duration, Instant};

use hembesok::app::{App, Effect, Key, Lang};
use hembesok::commands::Invocation;
use hembesok::db::Db;
use hembesok::tui::{Runner, apply, start};
use hembesok::ui::{Theme, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn database() -> PathBuf {
    let path = std::env::var_os("HEMBESOK_BENCH_DB").map_or_else(
        || PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-50k.sqlite"),
        PathBuf::from,
    );
    if !path.exists() {
        eprintln!("creating {} (50,000 families)…", path.display());
        let inv = Invocation::from_environment();
        let mut db = Db::open(&path).expect("bench database");
        hembesok::commands::demo::generate(&mut db, 50_000, 1, inv.today(), false, &inv)
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
    let path = database();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");

    // First frame: open, read Today, draw.
    let mut first = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let db = Db::open(&path).expect("open");
        let mut runner = Runner::new(db, "bench".into(), 7).expect("runner");
        let mut app = App::new(Lang::Sv, runner.now().date(), runner.programme_ids());
        start(&mut app, &mut runner).expect("today");
        draw(&mut terminal, &app);
        first.push(t.elapsed());
    }
    Stats(first).report("first frame (open, Today, draw)", 150.0);

    // The background reads: every alert, and the search index of every family. The screen
    // stays usable meanwhile; these say how soon their data is there.
    let mut alerts_ready = Vec::new();
    let mut index_ready = Vec::new();
    let mut app = App::new(Lang::Sv, chrono::Local::now().date_naive(), Vec::new());
    let mut runner =
        Runner::new(Db::open(&path).expect("open"), "bench".into(), 7).expect("runner");
    for _ in 0..3 {
        runner = Runner::new(Db::open(&path).expect("open"), "bench".into(), 7).expect("runner");
        app = App::new(Lang::Sv, runner.now().date(), runner.programme_ids());
        let t = Instant::now();
        start(&mut app, &mut runner).expect("today");
        while let Some(action) = runner.background_answer(true) {
            let alerts = matches!(action, hembesok::app::Action::AlertsLoaded(_));
            let more = app.update(action);
            apply(&mut app, &mut runner, more);
            if alerts {
                alerts_ready.push(t.elapsed());
            } else {
                index_ready.push(t.elapsed());
            }
        }
    }
    Stats(alerts_ready).report("background: every alert there (from start)", 1000.0);
    Stats(index_ready).report("background: search index there (from start)", 1000.0);
    assert!(
        app.families.loaded && app.today_view.alerts.is_some(),
        "background reads answered"
    );

    let t = Instant::now();
    let effects = app.handle_key(Key::Char('3'));
    apply(&mut app, &mut runner, effects);
    draw(&mut terminal, &app);
    Stats(vec![t.elapsed()]).report("key 3: show Families (index ready)", 16.0);

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
            app.handle_key(Key::Char(c));
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
            app.handle_key(Key::Backspace);
            search.push(t.elapsed());
            draw(&mut terminal, &app);
            search_and_draw.push(t.elapsed());
        }
    }
    assert_eq!(
        app.families.index.len(),
        50_000,
        "search ran over the whole index"
    );
    slowest.sort();
    for (d, what) in slowest.iter().rev().take(3) {
        println!(
            "  slowest keystrokes: {what} {:.2} ms",
            d.as_secs_f64() * 1000.0
        );
    }
    Stats(search).report("search: one keystroke over 50,000 families", 10.0);
    Stats(search_and_draw).report("search: keystroke and draw", 16.0);

    let mut open = Vec::new();
    for id in [1, 777, 25_000, 49_999] {
        let t = Instant::now();
        let effects = vec![Effect::LoadFamily(id)];
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
            vec![Effect::LoadProposals {
                family_id: *id,
                rebook: None,
            }],
        );
        draw(&mut terminal, &app);
        proposals.push(t.elapsed());
        found += app.booking().map_or(0, |b| b.plan.proposals.len());
    }
    let asked = proposals.len();
    Stats(proposals).report("proposals for a due visit, drawn", 100.0);
    println!("  {found} slots proposed for {asked} families");

    match peak_rss_mb() {
        Some(mb) => println!(
            "{:<44} {mb:>8.1} MB  target    150 MB  {}",
            "peak memory",
            if mb <= 150.0 { "ok" } else { "OVER" }
        ),
        None => println!("peak memory: not available on this system"),
    }
}
