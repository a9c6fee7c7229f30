//! The report at region scale, in a release build: `cargo bench --bench report`. Makes (once) a
//! 50,000-family demo database with the binary itself (`hembesok demo --families 50000`), then
//! times, for the last finished quarter: the raw SQL that reads the same rows as `report_input`
//! (the floor: SQLite's own work), `report_input` itself (its queries and the parsing into
//! domain rows), the suppression with its interval audit alone, and the whole report (read,
//! compute, audit, render the JSON); and the whole `hembesok report` command as a user runs it.
//! The audit's cost is timed at 150 families too (Grästorp's size, where most cells are small).
//! Targets (DESIGN §8, issue 10): the whole report within 1 s, and the read within 2× the raw
//! SQL.
#![allow(clippy::expect_used)] // a benchmark: a failure should stop it loudly

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use hembesok::db::{Mode, connect};
use hembesok::domain::period::Period;
use hembesok::domain::quarter::Quarter;
use hembesok::domain::report::{Municipality, Report, Threshold};
use hembesok::report::{Header, json};

const BIN: &str = env!("CARGO_BIN_EXE_hembesok");

fn demo(families: usize) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("report-bench-{families}-v2.sqlite"));
    if !path.exists() {
        eprintln!("creating {} ({families} families)…", path.display());
        let ok = Command::new(BIN)
            .arg("--db")
            .arg(&path)
            .args(["demo", "--families", &families.to_string(), "--seed", "7"])
            .status()
            .expect("demo")
            .success();
        assert!(ok, "demo failed");
    }
    path
}

/// The statements `report_input` runs, with the same bounds, every column read and nothing
/// parsed: what any reader of these rows must pay. (The register's units, a few hundred seeks
/// through their index, are left out.)
fn raw_sql(path: &Path, quarter: Period) -> usize {
    let conn = rusqlite::Connection::open(path).expect("open");
    let start = quarter.first_day().format("%Y-%m-%d").to_string();
    let end = quarter
        .last_day()
        .succ_opt()
        .expect("a day after")
        .format("%Y-%m-%d")
        .to_string();
    // The families and children by the indexes on their dates: the period's (the stock still in
    // the programme and those who left since its start) and, for the children, the ranges of
    // birth dates that reach 30 days or a programme's last window (18 or 10 months) in it.
    let born_30 = (
        quarter.first_day() - chrono::Days::new(30),
        quarter.last_day() - chrono::Days::new(30),
    );
    let born_last = |months| {
        (
            quarter.first_day() - chrono::Months::new(months) - chrono::Days::new(7),
            quarter.last_day() - chrono::Months::new(months) + chrono::Days::new(7),
        )
    };
    let day = |d: chrono::NaiveDate| format!("'{}'", d.format("%Y-%m-%d"));
    let children = |(lo, hi)| {
        format!(
            "SELECT c.id, c.family_id, c.birth_date, c.expected, f.programme_id, f.programme_version,
                    (SELECT count(DISTINCT v.visit_no) FROM visit v
                      WHERE v.child_id = c.id AND v.status = 'done' AND v.visit_no IS NOT NULL),
                    (SELECT min(substr(v.starts_at, 1, 10)) FROM visit v
                      WHERE v.child_id = c.id AND v.status = 'done' AND v.visit_no IS NOT NULL
                        AND v.visit_no = 1)
             FROM child c JOIN family f ON f.id = c.family_id
             WHERE c.birth_date >= {} AND c.birth_date <= {}",
            day(lo),
            day(hi)
        )
    };
    let family = |filter: &str| {
        format!(
            "SELECT id, area, clinic, offered_on, enrolled_on, declined_on, paused_on, exited_on,
                    exit_reason, interpreter_language, programme_id, eligibility
             FROM family WHERE {filter}"
        )
    };
    let last = day(quarter.last_day());
    let first = day(quarter.first_day());
    let owned: Vec<(String, bool)> = vec![
        ("SELECT definition FROM programme".into(), false),
        (
            family(&format!("exited_on IS NULL AND enrolled_on <= {last}")),
            false,
        ),
        (
            family(&format!("offered_on >= {first} AND offered_on <= {last}")),
            false,
        ),
        (
            family(&format!("declined_on >= {first} AND declined_on <= {last}")),
            false,
        ),
        (
            family(&format!(
                "exited_on >= {first} AND (exited_on <= {last} OR enrolled_on <= {last})"
            )),
            false,
        ),
        (
            "SELECT v.id, c.family_id, v.visit_no, v.status, v.starts_at,
                    c.birth_date, c.expected, f.programme_id, f.programme_version,
                    v.interpreter_staff_id IS NOT NULL OR v.interpreter_external = 1, v.referrals,
                    v.family_present,
                    (SELECT group_concat(vs.role) FROM visit_staff vs
                      WHERE vs.visit_id = v.id AND coalesce(vs.attended, 1) = 1)
             FROM visit v INDEXED BY visit_report
                  JOIN child c INDEXED BY child_of ON c.id = v.child_id
                  JOIN family f INDEXED BY family_programme_of ON f.id = c.family_id
             WHERE v.starts_at >= ?1 AND v.starts_at < ?2"
                .into(),
            true,
        ),
        (children(born_30), false),
        (children(born_last(18)), false),
        (children(born_last(10)), false),
        (
            "SELECT id, area FROM parent_group ORDER BY id".into(),
            false,
        ),
        (
            "SELECT group_id, family_id, joined_on, left_on FROM group_member
             WHERE group_id IN (SELECT group_id FROM group_session
                                 WHERE starts_at >= ?1 AND starts_at < ?2)
             ORDER BY group_id, family_id"
                .into(),
            true,
        ),
        (
            "SELECT s.id, s.group_id, substr(s.starts_at, 1, 10), s.status, s.dropin_count,
                    a.family_id, a.status
             FROM group_session s LEFT JOIN attendance a ON a.session_id = s.id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2
             ORDER BY s.starts_at, s.id, a.family_id"
                .into(),
            true,
        ),
    ];
    let statements: Vec<(&str, bool)> = owned.iter().map(|(s, b)| (s.as_str(), *b)).collect();
    let mut cells = 0;
    let tx = conn.unchecked_transaction().expect("read");
    for (sql, bounded) in statements.iter().copied() {
        let mut stmt = tx.prepare(sql).expect("prepare");
        let n = stmt.column_count();
        let params: &[&dyn rusqlite::ToSql] = if bounded { &[&start, &end] } else { &[] };
        let mut rows = stmt.query(params).expect("query");
        while let Some(row) = rows.next().expect("row") {
            for i in 0..n {
                let _ = row.get_ref(i).expect("cell");
                cells += 1;
            }
        }
    }
    cells
}

fn time<T>(rounds: usize, mut f: impl FnMut() -> T) -> (Vec<Duration>, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..rounds {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    (times, last.expect("at least one round"))
}

fn line(what: &str, times: &[Duration], target_ms: Option<f64>) -> f64 {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[times.len() / 2]);
    let worst = ms(times[times.len() - 1]);
    let target = target_ms.map_or_else(String::new, |t| {
        format!(
            "  target {t:>6.0} ms  {}",
            if worst <= t { "ok" } else { "OVER" }
        )
    });
    println!("{what:<40} median {median:>8.1} ms  worst {worst:>8.1} ms{target}");
    median
}

fn header() -> Header {
    Header {
        municipality: Municipality {
            code: "1442".into(),
            name: "Kommunen".into(),
        },
        audit_head: None,
        preliminary: false,
        revision: 1,
        earlier_checksums: Vec::new(),
        missing: [0; 5],
    }
}

/// The suppression and its audit alone, on rows already read: `rounds` times each period.
fn audit_cost(path: &Path, families: usize, periods: &[Period], rounds: usize) {
    let mut db = connect(path, Mode::Write, None).expect("open the demo database");
    println!("\n## suppression with its interval audit, {families} families\n");
    for &period in periods {
        let input = db.read(|tx| tx.report_input(period)).expect("report_input");
        let (times, report) = time(rounds, || {
            Report::compute(&input, period, Threshold::default())
        });
        let hidden = report
            .cells
            .iter()
            .filter(|c| c.published().is_none())
            .count();
        line(
            &format!(
                "{period}: {} cells, {hidden} not published, {} programs",
                report.cells.len(),
                report.audit.solves
            ),
            &times,
            None,
        );
    }
}

/// The whole `hembesok report` command, as a user runs it (a process each time).
fn command(path: &Path, quarter: Period, rounds: usize) -> Vec<Duration> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-bench-config");
    std::fs::create_dir_all(dir.join("hembesok")).expect("config folder");
    std::fs::write(
        dir.join("hembesok").join("config.toml"),
        "municipality = \"Kommunen\"\nmunicipality_code = \"1442\"\n",
    )
    .expect("config");
    let out = dir.join("bench.json");
    let (times, ()) = time(rounds, || {
        let ok = Command::new(BIN)
            .arg("--db")
            .arg(path)
            .env("XDG_CONFIG_HOME", &dir)
            .args([
                "report",
                "--quarter",
                &quarter.to_string(),
                "--format",
                "json",
                "--out",
            ])
            .arg(&out)
            .output()
            .expect("report")
            .status
            .success();
        assert!(ok, "report failed");
    });
    times
}

fn main() {
    // `HEMBESOK_BENCH_FAMILIES=200000` times the same at another size.
    let families = std::env::var("HEMBESOK_BENCH_FAMILIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(50_000);
    let path = demo(families);
    let today = chrono::Local::now().date_naive();
    let quarter = Period::Quarter(Quarter::last_finished(today));
    let year = Period::last_finished_year(today);
    // Opening migrates an older demo file once; the timings below are of reads only.
    let mut db = connect(&path, Mode::Write, None).expect("open the demo database");
    println!("\n## report, {families} families, {quarter}\n");
    let rounds = 7;
    let (raw, cells) = time(rounds, || raw_sql(&path, quarter));
    let (read, input) = time(rounds, || {
        db.read(|tx| tx.report_input(quarter))
            .expect("report_input")
    });
    let (whole, bytes) = time(rounds, || {
        let input = db
            .read(|tx| tx.report_input(quarter))
            .expect("report_input");
        let report = Report::compute(&input, quarter, Threshold::default());
        json::render(&report, &header()).len()
    });
    println!(
        "{} families, {} visits, {} children, {} sessions read; raw SQL {cells} cells; JSON {bytes} bytes\n",
        input.families.len(),
        input.visits.len(),
        input.children.len(),
        input.sessions.len()
    );
    let raw_ms = line("raw SQL of the same rows", &raw, None);
    let read_ms = line("report_input", &read, Some(2.0 * raw_ms));
    line("whole report (read, compute, JSON)", &whole, Some(1000.0));
    println!("\nreport_input / raw SQL: {:.2}×", read_ms / raw_ms);
    let cmd = command(&path, quarter, 5);
    line("the `hembesok report` command, json", &cmd, Some(1000.0));
    audit_cost(&path, families, &[quarter, year], 5);
    let small = demo(150);
    audit_cost(
        &small,
        150,
        &[
            quarter,
            quarter.previous(),
            quarter.previous().previous(),
            year,
        ],
        5,
    );
    // The Report screen (6): in its background worker it computes the shown quarter and the
    // trend's other seven; what is missing is counted and one page of it read.
    println!("\n## Report screen, {families} families\n");
    let (trend, _) = time(3, || {
        quarter
            .trend(8)
            .into_iter()
            .map(|q| {
                let input = db.read(|tx| tx.report_input(q)).expect("report_input");
                hembesok::domain::report::Headline::of(&Report::compute(
                    &input,
                    q,
                    Threshold::default(),
                ))
            })
            .count()
    });
    line("trend: eight quarters computed in full", &trend, None);
    let now = chrono::Local::now().naive_local();
    let (missing, page) = time(rounds, || {
        db.read(|tx| tx.missing_page(quarter, now, 0, 40))
            .expect("missing_page")
    });
    println!("missing: {:?} by kind", page.counts);
    line("what is missing: counts and one page", &missing, None);
    let (runs, _) = time(rounds, || {
        db.read(|tx| tx.report_runs(quarter)).expect("report_runs")
    });
    line("earlier exports of the quarter", &runs, Some(16.0));
}
