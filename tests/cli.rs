//! The command line as scripts use it: the real binary on a temporary database.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use common::{counts, fixture, hembesok, import_all};
use predicates::prelude::*;

#[test]
fn demo_then_check_pass_on_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    hembesok(&db)
        .args([
            "demo",
            "--families",
            "60",
            "--seed",
            "7",
            "--today",
            "2026-11-22",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("created 60 families"));
    hembesok(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("full check         ok"))
        .stdout(predicate::str::contains("60 families"))
        // Our own stamp is just "ok", not "another program's file" (issue 19, point 19).
        .stdout(predicate::str::contains("hembesok stamp     ok\n"))
        .stdout(predicate::str::contains("another").not());
}

#[test]
fn demo_is_the_same_for_the_same_seed_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let dump = |name: &str, seed: &str| {
        let db = dir.path().join(name);
        hembesok(&db)
            .args([
                "demo",
                "--families",
                "40",
                "--seed",
                seed,
                "--today",
                "2026-11-22",
            ])
            .assert()
            .success();
        let mut db = hembesok::db::connect(&db, hembesok::db::Mode::Create, None).unwrap();
        let families = db.read(|tx| tx.list_families()).unwrap();
        let staff = db.read(|tx| tx.list_staff()).unwrap();
        (
            format!("{families:?}"),
            format!("{staff:?}"),
            db.read(|tx| tx.counts()).unwrap().visits,
        )
    };
    let a = dump("a.sqlite", "5");
    assert_eq!(a, dump("b.sqlite", "5"));
    assert_ne!(a, dump("c.sqlite", "6"));
}

#[test]
fn demo_refuses_a_database_with_data_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    hembesok(&db)
        .args(["demo", "--families", "10"])
        .assert()
        .success();
    hembesok(&db)
        .args(["demo", "--families", "10"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already holds 10 families"));
    assert_eq!(counts(&db).families, 10);
    hembesok(&db)
        .args(["demo", "--families", "10", "--seed", "2", "--force"])
        .assert()
        .success();
    assert_eq!(counts(&db).families, 20);
}

#[test]
fn demo_data_has_what_a_coordinator_meets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    hembesok(&db)
        .args(["demo", "--today", "2026-11-22"])
        .assert()
        .success();
    let mut db = hembesok::db::connect(&db, hembesok::db::Mode::Create, None).unwrap();
    let families = db.read(|tx| tx.list_families()).unwrap();
    assert_eq!(families.len(), 120);
    let programmes: std::collections::BTreeSet<&str> =
        families.iter().map(|f| f.programme_id.as_str()).collect();
    assert_eq!(
        programmes.len(),
        5,
        "every shipped programme is used: {programmes:?}"
    );
    assert!(families.iter().any(|f| f.protection.is_protected()));
    assert!(
        families
            .iter()
            .filter(|f| f.interpreter_language.is_some())
            .count()
            > 20
    );
    let staff = db.read(|tx| tx.list_staff()).unwrap();
    for role in hembesok::domain::enums::Role::ALL {
        assert!(staff.iter().any(|s| s.role == *role), "no {role}");
    }
    let c = db.read(|tx| tx.counts()).unwrap();
    assert!(
        c.visits > 200 && c.sessions > 0 && c.attendance > 0,
        "{c:?}"
    );
    // Every family that left or completed has the day it did, so the report's list of what is
    // missing names only what a coordinator would have to fix.
    let conn = rusqlite::Connection::open(dir.path().join("demo.sqlite")).unwrap();
    let (ended, undated): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE exited_on IS NULL OR exit_reason IS NULL)
             FROM family WHERE status IN ('completed', 'exited')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(ended > 0);
    assert_eq!(undated, 0, "of {ended} families that ended");
}

#[test]
fn the_audit_log_and_a_familys_extract_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    import_all(&db);
    let all = hembesok(&db).arg("audit").output().unwrap();
    let text = String::from_utf8(all.stdout).unwrap();
    // Six entries, and the chain's head to keep elsewhere.
    assert_eq!(text.lines().count(), 7, "{text}");
    let (entries, head) = text.trim_end().rsplit_once('\n').unwrap();
    let user = hembesok::paths::os_user();
    assert!(entries.lines().all(|l| l.contains(&user)), "{entries}");
    assert!(head.starts_with("audit log head: 6:"), "{head}");
    assert!(
        text.contains("create            family T-002  (import)"),
        "{text}"
    );
    assert!(
        !text.contains("Prov") && !text.contains("Hodan"),
        "no names in the log"
    );
    let extract = hembesok(&db)
        .args(["audit", "--family", "T-001"])
        .output()
        .unwrap();
    let extract = String::from_utf8(extract.stdout).unwrap();
    // A header says whose extract, for which period, who took it and when; then the family's
    // visits; then its entries, the taking of this extract among them (it is logged before it
    // is shown).
    let mut parts = extract.split("\n\n");
    let (header, visits, entries) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    assert!(
        visits.starts_with("Visits (who of the family took part")
            && visits.contains("visit 1: done, who took part not recorded"),
        "{visits}"
    );
    assert!(
        header.starts_with("Extract of the audit log for family T-001")
            && header.contains(&format!("Taken by {user}")),
        "{header}"
    );
    assert_eq!(entries.lines().count(), 2, "{extract}");
    assert!(entries.contains("family T-001"));
    assert!(entries.contains("audit extract"));
    // Reading the extract is itself logged, and shows in the next extract.
    let again = hembesok(&db)
        .args(["audit", "--family", "T-001"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(again.stdout)
            .unwrap()
            .contains("audit extract")
    );
    hembesok(&db)
        .args(["audit", "--family", "NOPE"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "no family with reference \"NOPE\"",
        ));
    hembesok(&db)
        .args(["audit", "--since", "2999-01-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no entries"));
}

#[test]
fn a_reader_that_stops_early_gets_no_panic_and_the_work_is_done() {
    // `hembesok calendar --all --dir D | head -1`: the pipe closes before the lines are written.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    import_all(&db);
    let out_dir = dir.path().join("calendars");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hembesok"))
        .env("HEMBESOK_DB", &db)
        .env("XDG_CONFIG_HOME", dir.path().join("no-config-here"))
        .env("LANG", "C.UTF-8")
        .args(["calendar", "--all", "--week", "2026-W48", "--dir"])
        .arg(&out_dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let files = fs::read_dir(&out_dir).unwrap().count();
    assert!(
        files >= 2,
        "every staff member's calendar is written: {files}"
    );
}

#[test]
fn foreign_and_damaged_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.sqlite");
    fs::write(&empty, b"").unwrap();
    hembesok(&empty)
        .arg("check")
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "empty file, not a hembesok database",
        ));
    assert_eq!(fs::metadata(&empty).unwrap().len(), 0);
    let csv = fixture("staff_ok.csv");
    let before = fs::read(&csv).unwrap();
    hembesok(&csv)
        .arg("check")
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a hembesok database"));
    assert_eq!(fs::read(&csv).unwrap(), before);
}

#[test]
fn check_fails_on_a_damaged_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("broken.sqlite");
    hembesok(&db)
        .args(["demo", "--families", "30"])
        .assert()
        .success();
    // Overwrite a stretch of pages in the middle, leaving the header intact.
    let mut bytes = fs::read(&db).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 8192] {
        *b = 0x55;
    }
    fs::write(&db, &bytes).unwrap();
    hembesok(&db)
        .arg("check")
        .assert()
        .failure()
        .stdout(predicate::str::contains("FAIL"));
}

#[test]
fn backup_writes_a_verified_copy_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.sqlite");
    let copy = dir.path().join("copy.sqlite");
    hembesok(&db)
        .args(["demo", "--families", "20"])
        .assert()
        .success();
    hembesok(&db)
        .arg("backup")
        .arg(&copy)
        .assert()
        .success()
        .stdout(predicate::str::contains("verified"));
    assert_eq!(counts(&copy).families, 20);
    hembesok(&db)
        .arg("backup")
        .arg(&copy)
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists; pass --force"));
    hembesok(&db)
        .arg("backup")
        .arg(&copy)
        .arg("--force")
        .assert()
        .success();
    hembesok(&copy).arg("check").assert().success();
}

#[test]
fn restore_puts_a_backup_back_keeps_a_safety_copy_and_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.sqlite");
    let copy = dir.path().join("copy.sqlite");
    hembesok(&db)
        .args(["demo", "--families", "20"])
        .assert()
        .success();
    hembesok(&db).arg("backup").arg(&copy).assert().success();
    hembesok(&db)
        .args(["demo", "--families", "15", "--seed", "2", "--force"])
        .assert()
        .success();
    assert_eq!(counts(&db).families, 35);
    hembesok(&db)
        .arg("restore")
        .arg(&copy)
        .assert()
        .success()
        .stdout(predicate::str::contains("restored 20 families"));
    assert_eq!(counts(&db).families, 20);
    let safety: Vec<PathBuf> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(safety.len(), 1);
    assert_eq!(counts(&safety[0]).families, 35, "what was there is kept");
    let log = hembesok::db::connect(&db, hembesok::db::Mode::Create, None)
        .unwrap()
        .read(|tx| tx.list_audit(None))
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|a| a.action.as_str()).collect();
    assert!(
        actions.contains(&"backup") && actions.last() == Some(&"restore"),
        "{actions:?}"
    );
    hembesok(&db).arg("check").assert().success();
}

#[test]
fn restore_refuses_a_bad_backup_and_an_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.sqlite");
    hembesok(&db)
        .args(["demo", "--families", "10"])
        .assert()
        .success();
    let before = counts(&db);
    let garbage = dir.path().join("garbage.sqlite");
    fs::write(&garbage, "not a backup").unwrap();
    hembesok(&db)
        .arg("restore")
        .arg(&garbage)
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing was restored"));
    assert_eq!(counts(&db), before);
    let copy = dir.path().join("copy.sqlite");
    hembesok(&db).arg("backup").arg(&copy).assert().success();
    let _app_window = hembesok::db::InstanceLock::shared(&db).unwrap();
    hembesok(&db)
        .arg("restore")
        .arg(&copy)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "open in another hembesok window or command",
        ));
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "demo", "import", "check", "backup", "restore", "calendar", "audit",
    ] {
        Command::cargo_bin("hembesok")
            .unwrap()
            .args(["--lang", "en", sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage: hembesok"));
    }
}

#[test]
fn demo_wins_over_the_database_in_the_environment() {
    // Without a terminal the app cannot start, but the arguments must be accepted and the real
    // database left alone.
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.sqlite");
    let out = Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &real)
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .arg("--demo")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("cannot be used with"), "{stderr}");
    assert!(!real.exists(), "the real database was not created");
}

/// `--demo` means the demo database for every command, as for the app: made on first use,
/// never the real database, never encrypted.
#[test]
fn demo_means_the_demo_database_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.sqlite");
    let demo = dir.path().join("data/hembesok/demo.sqlite");
    let run = |args: &[&str]| {
        let mut cmd = hembesok(&real);
        cmd.env("XDG_DATA_HOME", dir.path().join("data"))
            .arg("--demo")
            .args(args);
        cmd
    };
    let calendars = dir.path().join("cal");
    run(&["calendar", "--all", "--dir"])
        .arg(&calendars)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "demo database created with 120 fictional families",
        ));
    assert!(demo.exists(), "the demo database was made");
    assert!(
        fs::read_dir(&calendars).unwrap().count() > 0,
        "the demo's staff got calendars"
    );
    run(&["check"]).assert().success();
    run(&["audit"])
        .assert()
        .success()
        .stdout(predicate::str::contains("export calendar"));
    run(&["encrypt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "the demo database is never encrypted",
        ));
    run(&["--lang", "sv", "rekey"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("demodatabasen krypteras aldrig"));
    assert!(!real.exists(), "the real database was not touched");
    assert!(!hembesok::db::looks_encrypted(&demo));
}

#[test]
fn the_app_without_a_terminal_says_so_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    hembesok(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("the app needs a terminal"))
        .stderr(predicate::str::contains("panicked").not());
    assert!(!db.exists());
}

#[test]
fn help_is_in_the_language_asked_for() {
    let help = |args: &[&str]| {
        let out = Command::cargo_bin("hembesok")
            .unwrap()
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let sv = help(&["--lang", "sv", "import", "--help"]);
    assert!(
        sv.contains(
            "Importera familjer, personal, besök, föräldragrupper eller närvaro från en CSV-fil"
        ),
        "{sv}"
    );
    assert!(sv.contains("Användning: hembesok import"), "{sv}");
    assert!(sv.contains("rad N: KOLUMN: vad som är fel"), "{sv}");
    assert!(sv.contains("Visa hjälpen"), "{sv}");
    assert!(!sv.contains("Usage:") && !sv.contains("Print help"), "{sv}");
    // The flag may also come after the subcommand, and as --lang=sv.
    assert_eq!(help(&["import", "--lang=sv", "--help"]), sv);
    let en = help(&["--lang", "en", "import", "--help"]);
    assert!(
        en.contains("Import families, staff, visits, parent groups or attendance from a CSV file"),
        "{en}"
    );
    assert!(en.contains("Usage: hembesok import"), "{en}");
    assert!(en.contains("line N: COLUMN: what is wrong"), "{en}");
    let top = help(&["--lang", "sv", "--help"]);
    assert!(
        top.contains("Kommandon:") && top.contains("Visa versionen"),
        "{top}"
    );
}

#[test]
fn check_audit_and_errors_speak_swedish_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sv.sqlite");
    hembesok(&db)
        .args(["--lang", "sv", "demo", "--families", "10"])
        .assert()
        .success()
        .stdout(predicate::str::contains("skapade 10 familjer"));
    hembesok(&db)
        .args(["--lang", "sv", "check"])
        .assert()
        .success()
        .stdout(predicate::str::contains("full kontroll      ok"))
        .stdout(predicate::str::contains("10 familjer"));
    hembesok(&db)
        .args(["--lang", "sv", "audit", "--since", "2999-01-01"])
        .assert()
        .success()
        .stdout(predicate::str::contains("inga poster"));
    hembesok(&db)
        .args(["--lang", "sv", "audit", "--family", "NOPE"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "hembesok: ingen familj har referensen \"NOPE\"",
        ));
    hembesok(&db)
        .args([
            "--lang", "sv", "calendar", "--staff", "1", "--week", "vecka 48",
        ])
        .arg("--out")
        .arg(dir.path().join("x.ics"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--week: \"vecka 48\" är ingen vecka; skriv den som 2026-W48",
        ));
    hembesok(&db)
        .args(["--lang", "sv", "demo", "--families", "10"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "databasen innehåller redan 10 familjer",
        ));
}
