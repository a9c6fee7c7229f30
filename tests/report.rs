//! `hembesok report` through the real binary: reruns are byte-identical, the CSV parses with
//! `;`, the XLSX is a zip with its sheets, and bad quarters are said clearly.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

use common::{hembesok, report_config};
use predicates::prelude::*;

fn demo(db: &Path) {
    demo_of(db, 60);
}

fn demo_of(db: &Path, families: usize) {
    hembesok(db)
        .args(["demo", "--families", &families.to_string(), "--seed", "3"])
        .assert()
        .success();
    common::report_config(db);
}

fn export(db: &Path, format: &str, out: &Path) -> String {
    let run = hembesok(db)
        .args(["report", "--quarter", "2026Q3", "--format", format, "--out"])
        .arg(out)
        .assert()
        .success()
        .stdout(predicate::str::contains("report for 2026Q3 written to"))
        .stdout(predicate::str::contains("preliminary").not());
    let stdout = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("SHA-256 "))
        .unwrap()
        .to_string()
}

#[test]
fn running_twice_gives_the_same_bytes_in_every_format_and_records_each_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    demo(&db);
    for format in ["json", "csv", "xlsx"] {
        let (a, b) = (
            dir.path().join(format!("a.{format}")),
            dir.path().join(format!("b.{format}")),
        );
        let sum_a = export(&db, format, &a);
        let sum_b = export(&db, format, &b);
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{format}"
        );
        assert_eq!(sum_a, sum_b, "{format}");
        assert_eq!(sum_a.len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&a).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{format}");
        }
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let runs: Vec<(String, String, i64, String, String)> = conn
        .prepare(
            "SELECT quarter, format, threshold, checksum, audit_head FROM report_run ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(runs.len(), 6);
    // The head is recorded as ROWID:HASH, which `check --head` takes.
    assert!(runs.iter().all(|r| {
        r.0 == "2026Q3"
            && r.2 == 5
            && r.4
                .split_once(':')
                .is_some_and(|(id, hash)| id.parse::<i64>().is_ok() && hash.len() == 64)
    }));
    // Each run's head is the chain as it stood, so the second run's differs from the first's.
    assert_ne!(runs[0].4, runs[1].4);
    let audited: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'export_report'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 6);
}

#[test]
fn the_csv_parses_with_semicolons_and_the_xlsx_is_a_workbook_with_its_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    demo(&db);
    let csv_path = dir.path().join("r.csv");
    export(&db, "csv", &csv_path);
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert!(rows.len() > 20);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    assert!(rows.iter().all(|r| &r[0] == "2026Q3"));
    assert!(rows.iter().any(|r| &r[3] == "visits_done"));
    // Preliminary is a column of its own, never written into the period.
    assert!(rows.iter().all(|r| &r[1] == "no"));

    let xlsx_path = dir.path().join("r.xlsx");
    export(&db, "xlsx", &xlsx_path);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx_path).unwrap()).unwrap();
    let mut workbook = String::new();
    archive
        .by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    // A wide sheet per breakdown plus the definitions, named in the interface language.
    for sheet in [
        "Municipality",
        "Area",
        "Clinic",
        "Programme",
        "Eligibility",
        "Definitions",
    ] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{workbook}"
        );
    }
    assert_eq!(workbook.matches("<sheet ").count(), 6, "{workbook}");
}

/// The demo's quarter reads as a real municipality's (issue 19 point 6): some families
/// declined the offer and some visits had no interpreter, so neither share is 100 %, and
/// both are published.
#[test]
fn the_demos_quarter_has_declines_and_visits_without_the_interpreter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    hembesok(&db)
        .args([
            "demo",
            "--families",
            "2000",
            "--seed",
            "1",
            "--today",
            "2026-12-07",
        ])
        .assert()
        .success();
    common::report_config(&db);
    let csv_path = dir.path().join("d.csv");
    export(&db, "csv", &csv_path);
    let bytes = std::fs::read(&csv_path).unwrap();
    let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap())
        .collect();
    let share = |indicator: &str| -> f64 {
        rows.iter()
            .find(|r| &r[3] == indicator && &r[5] == "municipality" && r[7].is_empty())
            .unwrap_or_else(|| panic!("{indicator}"))[10]
            .replace(',', ".")
            .parse()
            .unwrap_or_else(|e| panic!("{indicator}: {e}"))
    };
    let acceptance = share("acceptance_rate");
    let interpreter = share("interpreter_share");
    assert!((70.0..100.0).contains(&acceptance), "{acceptance}");
    assert!((80.0..100.0).contains(&interpreter), "{interpreter}");
}

#[test]
fn a_bad_quarter_is_said_and_an_unfinished_one_is_preliminary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    demo(&db);
    for (text, says) in [
        ("2026Q5", "a year has quarters 1 to 4, not 5"),
        ("26Q1", "is not a quarter"),
    ] {
        hembesok(&db)
            .args(["report", "--quarter", text, "--format", "json"])
            .current_dir(dir.path())
            .assert()
            .failure()
            .stderr(predicate::str::contains(says));
    }
    hembesok(&db)
        .args([
            "--lang",
            "sv",
            "report",
            "--quarter",
            "2026Q5",
            "--format",
            "csv",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("ett år har kvartal 1 till 4"));
    // Far ahead: not ended on any day this test runs. Without --out it goes to the folder.
    hembesok(&db)
        .args(["report", "--quarter", "2099Q1", "--format", "json"])
        .current_dir(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("preliminary"))
        .stdout(predicate::str::contains("hembesok-2099Q1.json"));
    let json = std::fs::read_to_string(dir.path().join("hembesok-2099Q1.json")).unwrap();
    assert!(json.contains("\"preliminary\": true"));
}

/// A JSON row's value as written (`null` when suppressed), found by its keys.
fn value_of(json: &str, indicator: &str, by: &str, category: &str) -> String {
    let key = format!(
        "{{\"indicator\": \"{indicator}\", \"by\": \"{by}\", \"unit_name\": \"{}\", \"category\": {category}, \"value\": ",
        match by {
            "municipality" => "Kommunen",
            "area" => "Norr",
            _ => "BVC Norr",
        }
    );
    let line = json
        .lines()
        .find(|l| l.trim_start().starts_with(&key))
        .unwrap_or_else(|| panic!("{key}"));
    let rest = &line.trim_start()[key.len()..];
    rest.split(',').next().unwrap().to_string()
}

#[test]
fn a_small_register_gives_the_hand_counted_figures_with_one_secondary_suppression() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    let file = dir.path().join("families.csv");
    let mut csv = String::from(
        "family_ref,family_name,programme,caregiver1_name,child1_name,child1_birth_date,area,clinic,status,offered_on,enrolled_on,declined_on\n",
    );
    // In 2026Q1: 7 offered and enrolled, 3 offered and declined; 5 enrolled the year before.
    for i in 0..7 {
        writeln!(
            csv,
            "E-{i},F,rinkeby,C,B,2025-06-01,Norr,BVC Norr,active,2026-01-1{i},2026-02-0{},",
            i + 1
        )
        .unwrap();
    }
    for i in 0..3 {
        writeln!(
            csv,
            "D-{i},F,rinkeby,C,B,2025-06-01,Norr,BVC Norr,declined,2026-01-2{i},,2026-03-0{}",
            i + 1
        )
        .unwrap();
    }
    for i in 0..5 {
        writeln!(
            csv,
            "O-{i},F,rinkeby,C,B,2025-06-01,Norr,BVC Norr,active,2025-09-0{},2025-10-0{},",
            i + 1,
            i + 1
        )
        .unwrap();
    }
    std::fs::write(&file, csv).unwrap();
    report_config(&db);
    hembesok(&db)
        .args(["import", "families"])
        .arg(&file)
        .assert()
        .success();
    let out = dir.path().join("q1.json");
    hembesok(&db)
        .args(["report", "--quarter", "2026Q1", "--format", "json", "--out"])
        .arg(&out)
        .assert()
        .success();
    let json = std::fs::read_to_string(&out).unwrap();
    // Rule change: one area and one clinic are the municipality again, so those breakdowns are
    // left out of the file.
    assert!(!json.contains("\"by\": \"area\""));
    assert!(!json.contains("\"by\": \"clinic\""));
    let by = "municipality";
    // 3 declined is below k = 5; with the 10 offered and the 7 enrolled published it would be
    // 10 − 7. Rule change: the total goes first (the audit spares the acceptance rate's own
    // counts), but the 7 enrolled are the acceptance rate's numerator, hidden below for its
    // small complement, so they go too.
    assert_eq!(value_of(&json, "families_offered", by, "null"), "null");
    assert_eq!(
        value_of(&json, "families_offered", by, "\"declined\""),
        "null"
    );
    assert_eq!(
        value_of(&json, "families_offered", by, "\"enrolled\""),
        "null"
    );
    assert_eq!(
        value_of(&json, "families_offered", by, "\"undecided\""),
        "0"
    );
    // 7 of 10: the 3 who did not is a small complement. The numerator is hidden with it, and
    // so is the denominator: with no one undecided it is the hidden total offered.
    assert_eq!(value_of(&json, "acceptance_rate", by, "null"), "null");
    assert_eq!(
        value_of(&json, "acceptance_rate", by, "\"numerator\""),
        "null"
    );
    assert_eq!(
        value_of(&json, "acceptance_rate", by, "\"denominator\""),
        "null"
    );
    assert_eq!(value_of(&json, "families_active_end", by, "null"), "12");
    // With k = 3 nothing here is small, but rule change: the same quarter was exported with
    // k = 5, and what that file hid stays hidden (published now, the 7 and the 3 would be read
    // against the earlier file). So the cells are the first file's: not a revision.
    let out3 = dir.path().join("q1-k3.json");
    hembesok(&db)
        .args([
            "report",
            "--quarter",
            "2026Q1",
            "--format",
            "json",
            "--threshold",
            "3",
            "--out",
        ])
        .arg(&out3)
        .assert()
        .success()
        .stdout(predicate::str::contains("revision").not());
    let json = std::fs::read_to_string(&out3).unwrap();
    assert!(json.contains("\"threshold\": 3,"));
    assert!(json.contains("\"revision\": 1,"));
    assert_eq!(
        value_of(&json, "families_offered", "municipality", "\"enrolled\""),
        "null"
    );
    assert_eq!(
        value_of(&json, "families_offered", "municipality", "\"declined\""),
        "null"
    );
    assert_eq!(
        value_of(&json, "acceptance_rate", "municipality", "null"),
        "null"
    );
    // A database that never sent the quarter publishes it all at k = 3.
    let fresh = dir.path().join("fresh.sqlite");
    std::fs::copy(&db, &fresh).unwrap();
    let conn = rusqlite::Connection::open(&fresh).unwrap();
    conn.execute("DELETE FROM report_run", []).unwrap();
    drop(conn);
    report_config(&fresh);
    let out_fresh = dir.path().join("q1-fresh.json");
    hembesok(&fresh)
        .args([
            "report",
            "--quarter",
            "2026Q1",
            "--format",
            "json",
            "--threshold",
            "3",
            "--out",
        ])
        .arg(&out_fresh)
        .assert()
        .success();
    let json = std::fs::read_to_string(&out_fresh).unwrap();
    assert_eq!(
        value_of(&json, "families_offered", "municipality", "\"enrolled\""),
        "7"
    );
    assert_eq!(
        value_of(&json, "acceptance_rate", "municipality", "null"),
        "70.0"
    );
}

#[test]
fn a_year_is_a_period_too_and_the_export_needs_the_municipality() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite");
    hembesok(&db)
        .args([
            "demo",
            "--families",
            "150",
            "--seed",
            "7",
            "--today",
            "2026-11-23",
        ])
        .assert()
        .success();
    // No config: refused, naming the key to set, and nothing written.
    let out = dir.path().join("y.json");
    hembesok(&db)
        .args(["report", "--year", "2025", "--format", "json", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("set municipality in config.toml"));
    assert!(!out.exists());
    report_config(&db);
    hembesok(&db)
        .args(["report", "--year", "25", "--format", "json"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--year: \"25\" is not a year"));
    hembesok(&db)
        .args([
            "report",
            "--quarter",
            "2025Q1",
            "--year",
            "2025",
            "--format",
            "json",
        ])
        .assert()
        .failure();
    let run = hembesok(&db)
        .args(["report", "--year", "2025", "--format", "json", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("report for 2025 written to"));
    let stdout = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["format_version"], 2);
    assert_eq!(json["period"]["kind"], "year");
    assert_eq!(json["period"]["id"], "2025");
    assert_eq!(json["period"]["start"], "2025-01-01");
    assert_eq!(json["period"]["end"], "2025-12-31");
    assert_eq!(json["municipality"]["code"], "1442");
    assert_eq!(json["revision"], 1);
    // The completeness block counts what the records lack; the command says it as a warning.
    let missing: u64 = json["completeness"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(
        missing > 0,
        stdout.contains("warning: the period's records are incomplete: "),
        "{stdout}"
    );
    // Every value has a status, and no hidden or empty one a value.
    for v in json["values"].as_array().unwrap() {
        let status = v["status"].as_str().unwrap();
        assert!(["published", "hidden", "empty"].contains(&status), "{v}");
        assert_eq!(v["value"].is_null(), status != "published", "{v}");
    }
}

#[test]
fn a_later_export_with_other_figures_is_a_revision_naming_the_earlier_file() {
    revision_at(60);
}

/// At a larger municipality's size top codes, withheld breakdowns and widened patterns appear,
/// and a second export of the same quarter, unchanged or corrected, was refused ("the audit
/// could not protect …"): the earlier file's published figures were taken for new exposures.
#[test]
fn exporting_again_or_correcting_works_at_a_thousand_families() {
    revision_at(1000);
}

fn revision_at(families: usize) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    demo_of(&db, families);
    let first = dir.path().join("a.json");
    // Exported twice unchanged: the same file.
    assert_eq!(
        export(&db, "json", &first),
        export(&db, "json", &dir.path().join("a2.json"))
    );
    let sum_a = export(&db, "json", &first);
    let a: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&first).unwrap()).unwrap();
    assert_eq!(a["revision"], 1);
    assert_eq!(a["earlier_files"], serde_json::json!([]));
    // A correction: a visit recorded as done was in fact a no-show.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let changed = conn
        .execute(
            "UPDATE visit SET status = 'no_show' WHERE id = (SELECT min(id) FROM visit
               WHERE status = 'done' AND starts_at >= '2026-07-01' AND starts_at < '2026-10-01')",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let second = dir.path().join("b.json");
    let sum_b = export(&db, "json", &second);
    assert_ne!(sum_a, sum_b);
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&second).unwrap()).unwrap();
    assert_eq!(b["revision"], 2);
    assert_eq!(
        b["earlier_files"],
        serde_json::json!([{"revision": 1, "sha256": sum_a}])
    );
    // Hidden stays hidden: nothing the first file hid is published in the second.
    let hidden = |v: &serde_json::Value| -> std::collections::BTreeSet<String> {
        v["values"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == "hidden")
            .map(|r| {
                format!(
                    "{} {} {} {}",
                    r["indicator"], r["by"], r["unit_name"], r["category"]
                )
            })
            .collect()
    };
    assert!(hidden(&a).is_subset(&hidden(&b)));
    // The same figures again: the same revision and the same bytes.
    let third = dir.path().join("c.json");
    assert_eq!(export(&db, "json", &third), sum_b);
}
