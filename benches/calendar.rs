//! `hembesok calendar --all` at region scale, in a release build: `cargo bench --bench calendar`.
//! Makes (once) a 50,000-family demo database with the binary itself (`hembesok demo
//! --families 50000`), then times the real binary writing this week's calendar of every active
//! staff member into a folder: the first export (every event new, every file written), an
//! unchanged export (nothing to write), and an export into an empty folder (every file written
//! again, every event as before). DESIGN's target for one week: under 2 s.
#![allow(clippy::expect_used)] // a benchmark: a failure should stop it loudly

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use hembesok::domain::calendar::IsoWeek;

const BIN: &str = env!("CARGO_BIN_EXE_hembesok");

fn hembesok(db: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("--db").arg(db).args(["--lang", "sv"]);
    cmd
}

/// The demo database, made once; each measurement of a first export works on a fresh copy.
fn demo(families: usize) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("calendar-bench-{families}.sqlite"));
    if !path.exists() {
        eprintln!("creating {} ({families} families)…", path.display());
        let ok = hembesok(&path)
            .args(["demo", "--families", &families.to_string()])
            .status()
            .expect("demo")
            .success();
        assert!(ok, "demo failed");
    }
    path
}

fn fresh_copy(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    // The demo command checkpoints on close, so the main file is the whole database.
    std::fs::copy(from, to).expect("copy the demo database");
}

/// One `calendar --all` run; its time and the closing line it printed.
fn run(db: &Path, week: &str, dir: &Path) -> (Duration, String) {
    let t = Instant::now();
    let out = hembesok(db)
        .args(["calendar", "--all", "--week", week, "--dir"])
        .arg(dir)
        .output()
        .expect("calendar --all");
    let took = t.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    (took, stdout.lines().last().unwrap_or_default().to_string())
}

fn report(what: &str, mut times: Vec<Duration>, target_ms: f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    let worst = ms(times[times.len() - 1]);
    let verdict = if worst <= target_ms { "ok" } else { "OVER" };
    println!(
        "{what:<44} median {median:>8.0} ms  worst {worst:>8.0} ms  target {target_ms:>6.0} ms  {verdict}"
    );
}

fn main() {
    let families = 50_000;
    let source = demo(families);
    let week = IsoWeek::of(chrono::Local::now().date_naive());
    let week = format!("{}-W{:02}", week.year, week.week);
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("calendar-bench-work");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("work folder");
    let db = work.join("db.sqlite");
    println!("\n## calendar --all, {families} families, week {week}\n");

    let (mut first, mut unchanged, mut rewritten) = (Vec::new(), Vec::new(), Vec::new());
    let mut said = String::new();
    for round in 0..3 {
        fresh_copy(&source, &db);
        let dir = work.join(format!("round-{round}"));
        let (t, line) = run(&db, &week, &dir);
        first.push(t);
        said = line;
        for _ in 0..2 {
            unchanged.push(run(&db, &week, &dir).0);
        }
        let empty = work.join(format!("empty-{round}"));
        rewritten.push(run(&db, &week, &empty).0);
    }
    println!("{said}\n");
    report("first export (all new, every file written)", first, 2000.0);
    report("unchanged export (no file written)", unchanged, 2000.0);
    report(
        "into an empty folder (every file written)",
        rewritten,
        2000.0,
    );
    let _ = std::fs::remove_dir_all(&work);
}
