//! What the user sees, timed from outside: `cargo bench --bench outside`.
//!
//! Drives the release binary in a pseudo-terminal, keys in, and reads the screen back
//! with vt100. Each step is the time from writing a key to the chunk of output that makes the
//! screen show its answer (see `Until` for the criteria), taken only once the app is quiet (no
//! output, no CPU), so the start's background work and the report's trend never run under a
//! step. Nothing is subtracted: the probe's own floor is measured and printed beside it.
//!
//! Demo databases are made once with `hembesok demo` and kept in the target folder.
//! `HEMBESOK_BENCH_SIZES` (default `50000,200000`) chooses the sizes, `HEMBESOK_BENCH_RUNS`
//! (default 3) how many full sessions per size, `HEMBESOK_BENCH_TERM` (default `80x24`) the
//! terminal, `HEMBESOK_BENCH_TIMEOUT` (default 10 s) when a step counts as missed.
#![allow(clippy::expect_used)] // a benchmark: a failure should stop it loudly

#[path = "outside/pty.rs"]
mod pty;
#[path = "outside/setup.rs"]
mod setup;
#[path = "outside/table.rs"]
mod table;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use pty::{Pty, Until, shows};
use setup::{BIN, NOW, QUARTER, command, database, environment, folder, remove_database};
use table::{Results, thousands};

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".into(),
        |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

fn main() {
    std::fs::create_dir_all(folder().join("home")).expect("the bench's folder");
    setup::write_config().expect("the bench's config");
    let sizes: Vec<usize> = std::env::var("HEMBESOK_BENCH_SIZES")
        .unwrap_or_else(|_| "50000,200000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let runs: usize = std::env::var("HEMBESOK_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let (rows, cols) = pty::size();
    println!("# hembesok from outside: {cols}×{rows}, {cores} cores, clock {NOW}\n");
    println!("load average at start: {}", load_average());
    let mut all = Vec::new();
    for families in sizes {
        match database(families) {
            Ok(pristine) => {
                println!("\n## {} families\n", thousands(families));
                println!("load average before: {}\n", load_average());
                let results = measure(&pristine, families, runs);
                results.print();
                println!("\nload average after: {}", load_average());
                all.push((families, results));
            }
            Err(e) => println!("\n## {families} families: no demo database: {e}"),
        }
    }
    println!("\n## All sizes\n");
    table::combined(&all);
    println!("\nload average at end: {}", load_average());
}

/// Every step on a copy of the demo (the steps write: audit rows, marks, the report's exports).
fn measure(pristine: &Path, families: usize, runs: usize) -> Results {
    let db = folder().join(format!("run-{families}.sqlite"));
    remove_database(&db);
    std::fs::copy(pristine, &db).expect("a copy of the demo");
    let mut r = Results::default();
    echo_floor(&mut r);
    // The first start warms the file into the page cache; it is not counted.
    if let Some((mut app, _)) = start(&db, &mut Results::default()) {
        app.quit("q");
    }
    for run in 0..runs + 2 {
        let Some((mut app, pid)) = start(&db, &mut r) else {
            continue;
        };
        // The first two starts only start: the first frame gets two more samples cheaply.
        if run >= 2 {
            session(&mut app, &mut r);
            r.megabytes("peak memory of the app (VmHWM)", app.peak_mb("hembesok"));
        }
        if !app.quit("q") {
            println!("(pid {pid} did not quit on q and was killed)");
        }
    }
    report_command(&db, families, &mut r);
    remove_database(&db);
    r
}

/// The probe's floor: the same harness on a terminal whose only answer is the kernel's echo
/// of the key (`cat` reading it), so what is left of a step is the app's.
fn echo_floor(r: &mut Results) {
    let mut cmd = CommandBuilder::new("/bin/cat");
    cmd.env_clear();
    let Ok(mut echo) = Pty::spawn(cmd) else {
        return;
    };
    for _ in 0..20 {
        r.time(
            "probe: echo of a key (no app)",
            echo.press("x", Until::Settled),
        );
    }
    echo.quit("\x04");
}

/// Starts the app and times its first frame, and how long its background work keeps it busy.
fn start(db: &Path, r: &mut Results) -> Option<(Pty, u32)> {
    let mut cmd = CommandBuilder::new(BIN);
    cmd.env_clear();
    for (k, v) in environment(db) {
        cmd.env(k, v);
    }
    cmd.cwd(folder());
    cmd.args(["--lang", "en"]);
    let mut app = Pty::spawn(cmd).ok()?;
    let pid = app.pid()?;
    let (rows, cols) = pty::size();
    let blank = vt100::Parser::new(rows, cols, 0)
        .screen()
        .contents_formatted();
    let started = app.started;
    let first = app.wait(shows(&["Visits today", "To do"]), started, &blank);
    r.time("first frame (start to Today drawn)", first);
    let idle = app.quiet(Duration::from_secs(120));
    r.time(
        "start: background work done (CPU idle)",
        idle.map(|at| at.saturating_duration_since(started)),
    );
    Some((app, pid))
}

/// A screen reads its data the first time it is opened and only draws it after that: the two
/// are different steps.
fn opening(screen: &str, key: &str, i: usize) -> String {
    if i == 0 {
        format!("{screen}: first open (`{key}`)")
    } else {
        format!("{screen}: open again (`{key}`)")
    }
}

const TODAY_SHOWN: Until = Until::Screen {
    shows: &["Visits today"],
    hides: &[],
};

fn session(app: &mut Pty, r: &mut Results) {
    for _ in 0..10 {
        r.time(
            "probe: `?` help (no read)",
            app.press("?", shows(&["Keys"])),
        );
        app.press("\x1b", Until::Settled);
    }
    for i in 0..5 {
        let name = opening("Week", "2", i);
        r.time(&name, app.press("2", shows(&["Week 48 "])));
        r.time("Week: next (`]`)", app.press("]", shows(&["Week 49 "])));
        r.time("Week: previous (`[`)", app.press("[", shows(&["Week 48 "])));
        r.time("Today: open (`1`)", app.press("1", TODAY_SHOWN));
    }
    let families_shown = Until::Line(&["Search", " of "]);
    for i in 0..6 {
        if i > 0 {
            r.time("Today: open (`1`)", app.press("1", TODAY_SHOWN));
        }
        let name = opening("Families", "3", i);
        r.time(&name, app.press("3", families_shown));
    }
    for _ in 0..20 {
        r.time("Families: `j` in the list", app.press("j", Until::Settled));
    }
    // A given name, a phone number's start, a reference's and a surname many share: each
    // keystroke a new search. Esc leaves the box with the query kept; `/` then selects it, so
    // the next query replaces it.
    for (i, query) in ["anna", "070", "d1-1", "berg"].into_iter().enumerate() {
        if i > 0 {
            app.press("\x1b", Until::Settled);
        }
        app.press("/", Until::Settled);
        for c in query.chars() {
            let key = c.to_string();
            r.time(
                "Families: a search keystroke",
                app.press(&key, Until::Settled),
            );
        }
    }
    for _ in 0..5 {
        r.time(
            "Families: open a family (`Enter`)",
            app.press("\r", shows(&["Window"])),
        );
        app.press("\x1b", Until::Settled);
        app.press("\x1b[B", Until::Settled);
    }
    // Staff before Groups: Groups reads the roster too, and Staff's first open would not.
    for i in 0..5 {
        r.time("Today: open (`1`)", app.press("1", TODAY_SHOWN));
        let staff_shown = Until::Line(&["Id", "Name", "Role"]);
        r.time(&opening("Staff", "5", i), app.press("5", staff_shown));
    }
    groups(app, r);
    proposals(app, r);
    report(app, r);
}

fn groups(app: &mut Pty, r: &mut Results) {
    let list_shown = Until::Line(&["Phase", "Next session"]);
    for i in 0..5 {
        r.time("Today: open (`1`)", app.press("1", TODAY_SHOWN));
        r.time(&opening("Groups", "4", i), app.press("4", list_shown));
    }
    for _ in 0..3 {
        let page_shown = shows(&["Sessions (Enter: roll call)"]);
        r.time(
            "Groups: open a series (`Enter`)",
            app.press("\r", page_shown),
        );
        // Up to a held session: marks at one not begun yet are refused.
        for _ in 0..4 {
            match app.marked_row() {
                Some(row) if row.contains(" held") || row.contains(" 1. ") => break,
                _ => app.press("k", Until::Settled),
            };
        }
        if app.marked_row().is_some_and(|row| row.contains(" held")) {
            let roll_call = shows(&["Roll call ·"]);
            r.time(
                "Groups: open a roll call (`Enter`)",
                app.press("\r", roll_call),
            );
            for _ in 0..4 {
                r.time("Groups: a mark (`p`)", app.press("p", Until::Settled));
            }
            app.press("\x1b", Until::Settled);
        }
        app.press("\x1b", Until::Settled);
        app.press("j", Until::Settled);
    }
}

/// `n` on the to-do's rows that are a visit to book ("Closes soon", "Due, unbooked").
fn proposals(app: &mut Pty, r: &mut Results) {
    r.time("Today: open (`1`)", app.press("1", TODAY_SHOWN));
    app.press("\t", Until::Settled);
    let mut asked = 0;
    for _ in 0..40 {
        if asked == 5 {
            break;
        }
        let row = app.marked_row().unwrap_or_default();
        if row.contains("Closes soon") || row.contains("Due, unbooked") {
            let booking = shows(&["Book:"]);
            r.time("proposals for a due visit (`n`)", app.press("n", booking));
            // The form by hand offers everyone of the visit's roles: it reads them first.
            let form = shows(&["Reason"]);
            r.time(
                "booking by hand (`m` on the proposals)",
                app.press("m", form),
            );
            app.press("\x1b", Until::Settled);
            asked += 1;
        }
        app.press("j", Until::Settled);
    }
}

/// The Report screen, cold (each session computes it anew), then two earlier quarters.
fn report(app: &mut Pty, r: &mut Results) {
    let tables = Until::Screen {
        shows: &["Visits done", QUARTER],
        hides: &["Computing"],
    };
    r.time("Report: tables shown (`6`)", app.press("6", tables));
    // Behind the tables the worker computes the trend's other quarters, the missing records and
    // the exports: how long the app stays busy after the tables are on the screen.
    let shown = Instant::now();
    let idle = app.quiet(Duration::from_secs(600));
    r.time(
        "Report: worker busy after the tables (trend; CPU idle)",
        idle.map(|at| at.saturating_duration_since(shown)),
    );
    // Those quarters are kept: stepping back to one is a redraw.
    for quarter in ["Quarter 2026Q2", "Quarter 2026Q1"] {
        let shows = [quarter, "Visits done"];
        let earlier = Until::Screen {
            shows: &shows,
            hides: &["Computing"],
        };
        r.time(
            "Report: an earlier quarter, trend done (`[`)",
            app.press("[", earlier),
        );
    }
}

/// `hembesok report` as a scheduled task runs it: start, open, read, compute, write, exit.
fn report_command(db: &Path, families: usize, r: &mut Results) {
    let out = folder().join(format!("report-{families}.csv"));
    for _ in 0..3 {
        let started = Instant::now();
        let args = ["report", "--quarter", QUARTER, "--format", "csv", "--out"];
        let child = command(db, &args)
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            r.time("`hembesok report --format csv` (process)", None);
            continue;
        };
        let mut took = None;
        while started.elapsed() < Duration::from_secs(300) {
            if let Ok(Some(status)) = child.try_wait() {
                took = status.success().then(|| started.elapsed());
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        if took.is_none() {
            let _ = child.kill();
            let _ = child.wait();
        }
        r.time("`hembesok report --format csv` (process)", took);
        let _ = std::fs::remove_file(&out);
    }
}
