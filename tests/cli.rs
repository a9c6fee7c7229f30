//! The command line as scripts use it: the real binary on a temporary database.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use hembesok::db::Db;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn hembesok(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("hembesok").unwrap();
    cmd.env("HEMBESOK_DB", db).env("USER", "test-coordinator");
    cmd
}

fn counts(db: &Path) -> hembesok::db::Counts {
    Db::open(db).unwrap().read(|tx| tx.counts()).unwrap()
}

fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8(out.stderr.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Imports the three good fixtures in the order the manual gives.
fn import_all(db: &Path) {
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_ok.csv"),
        ("visits", "visits_ok.csv"),
    ] {
        hembesok(db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
}

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
        .stdout(predicate::str::contains("integrity_check    ok"))
        .stdout(predicate::str::contains("60 families"));
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
        let mut db = Db::open(&db).unwrap();
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
    let mut db = Db::open(&db).unwrap();
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
}

#[test]
fn good_files_import_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.sqlite");
    hembesok(&db)
        .args(["import", "staff"])
        .arg(fixture("staff_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("imported 3 staff"));
    hembesok(&db)
        .args(["import", "families"])
        .arg(fixture("families_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "imported 3 families (4 caregivers, 3 children)",
        ));
    hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("imported 3 visits"));
    let c = counts(&db);
    assert_eq!((c.staff, c.families, c.visits), (3, 3, 3));
}

/// Runs an import that must fail, and checks its stderr lines and that nothing changed.
fn refused(db: &Path, kind: &str, file: &str, expected: &[&str]) {
    let before = counts(db);
    let out = hembesok(db)
        .args(["import", kind])
        .arg(fixture(file))
        .output()
        .unwrap();
    assert!(!out.status.success(), "{file} was accepted");
    let lines = stderr_lines(&out);
    let (problems, summary) = lines.split_at(lines.len() - 1);
    assert_eq!(problems, expected, "{file}");
    assert!(summary[0].contains("nothing was imported"), "{summary:?}");
    assert_eq!(counts(db), before, "{file} changed the database");
}

#[test]
fn every_family_mistake_is_listed_by_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.sqlite");
    refused(
        &db,
        "families",
        "families_errors.csv",
        &[
            "line 2: caregiver1_id: the check digit is 1 but should be 0 for these digits; check for a typing error",
            "line 3: caregiver1_id: 2023-02-29 does not exist: February 2023 had 28 days",
            "line 3: child1_birth_date: 2026-02-30 does not exist: February 2026 has 28 days",
            "line 3: programme: \"stockholm\" is not a programme; the programmes are: rinkeby, goteborg, grastorp, vaxa_tryggt, ordinary",
            "line 3: protection: \"hemlig\" is not one of: none, sekretessmarkering, skyddad_folkbokforing, fingerade",
            "line 3: status: \"aktiv\" is not one of: offered, declined, active, paused, completed, exited",
            "line 4: caregiver1_name: is required but empty",
            "line 4: caregiver2_name: is empty but the caregiver has an identity number; add the name or clear the number",
            "line 4: child1_birth_date: 2029-01-01 is more than ten months ahead; check the year",
            "line 4: family_name: is required but empty",
            "line 5: caregiver1_id: day 12 is a personnummer day, but the kind says samordningsnummer (its day is the birth day + 60)",
            "line 5: family_ref: E-001 is already on line 2",
            "line 6: child1_id: says born 2026-05-04, but child1_birth_date says 2026-05-05",
            "line 6: family_ref: looks like a personnummer; use your own reference, never an identity number",
        ],
    );
}

#[test]
fn header_mistakes_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    let out = hembesok(&db)
        .args(["import", "families"])
        .arg(fixture("families_bad_header.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let lines = stderr_lines(&out);
    assert_eq!(
        lines[0],
        "line 1: child1_birth_date: required column is missing from the header"
    );
    assert!(
        lines[1]
            .starts_with("line 1: favourite_colour: unknown column; the columns are: family_ref,")
    );
}

#[test]
fn a_row_with_a_missing_delimiter_is_named() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        &dir.path().join("w.sqlite"),
        "families",
        "families_wrong_cell_count.csv",
        &["line 3: row: has 5 cells but the header has 6; check for a missing or extra delimiter"],
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    hembesok(&dir.path().join("l.sqlite"))
        .args(["import", "families"])
        .arg(fixture("families_latin1.csv"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("line 2: the file is not UTF-8"));
}

#[test]
fn importing_the_same_families_twice_is_an_error_not_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    import_all(&db);
    refused(
        &db,
        "families",
        "families_ok.csv",
        &[
            "line 2: family_ref: T-001 is already registered",
            "line 3: family_ref: T-002 is already registered",
            "line 4: family_ref: T-003 is already registered",
        ],
    );
}

#[test]
fn every_staff_mistake_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        &dir.path().join("s.sqlite"),
        "staff",
        "staff_errors.csv",
        &[
            "line 2: role: \"sjuksköterska\" is not one of: nurse, parent_advisor, family_therapist, dental, interpreter, other",
            "line 3: name: is required but empty",
            "line 4: active: \"kanske\" is not yes or no (ja/nej, true/false, 1/0)",
            "line 4: work_days: \"tors\" is not one of: mon, tue, wed, thu, fri, sat, sun",
            "line 4: work_hours: \"8-16\" is not working hours; write e.g. 08:00-16:30",
            "line 5: name: Cecilia Exempel is already on line 2; staff names must be unique",
            "line 5: work_hours: 16:00-08:00 ends before it starts",
        ],
    );
}

#[test]
fn every_visit_mistake_is_listed_including_references() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.sqlite");
    import_all(&db);
    refused(
        &db,
        "visits",
        "visits_errors.csv",
        &[
            "line 2: family_ref: NOPE-1 is not registered; import the family first",
            "line 3: child: \"Kalle\" is not a child of T-001; the children are: Lina Exempel",
            "line 3: duration_min: \"1000\" is not a duration; write minutes from 5 to 600",
            "line 3: interpreter: Bo Rådgivare is registered as parent_advisor, not interpreter",
            "line 3: location: \"hemma\" is not one of: home, clinic, family_centre, phone_video",
            "line 3: referrals: \"bank\" is not one of: dental, open_preschool, library, social_services, maternal_health, other",
            "line 3: staff: Okänd Person is not on the staff list; import staff first",
            "line 3: start: \"2026-05-14\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30",
            "line 3: status: \"klar\" is not one of: planned, done, cancelled_family, cancelled_staff, no_show",
            "line 3: themes: \"fika\" is not one of: child_development, feeding, sleep, child_safety, dental_health, language_reading, attachment, parenthood, welfare_system, vaccination, infections, social_network",
            "line 3: visit_no: 9 is not a visit of programme goteborg (it has 6); use extra for an extra visit",
            "line 4: interpreter_language: is empty but an interpreter is named; give the language",
            "line 4: start: \"14/05/2026 10:00\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30",
            "line 4: visit_no: \"0\" is not a visit number; write the programme's visit number (1, 2, …) or extra",
        ],
    );
}

#[test]
fn visit_imports_run_the_booking_checks_and_allow_conflicts_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    import_all(&db);
    let expected = [
        "line 2: staff: no parent_advisor is booked; the programme visit needs one",
        "line 3: staff: Anna Sköterska is already booked then (line 2 of this file)",
        "line 4: start: Julafton is a public holiday",
        "line 5: start: Bo Rådgivare does not work on wed",
        "line 6: start: outside Bo Rådgivare's working hours (08:00-16:00)",
    ];
    let before = counts(&db);
    let out = hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_conflicts.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let lines = stderr_lines(&out);
    assert_eq!(&lines[..5], expected);
    assert!(lines[5].contains("--allow-conflicts"), "{lines:?}");
    assert_eq!(counts(&db), before);
    hembesok(&db)
        .args(["import", "visits", "--allow-conflicts"])
        .arg(fixture("visits_conflicts.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "imported 6 visits (5 booking conflicts kept, as asked)",
        ));
    // Booked against what is now in the database, the same rows clash with themselves.
    let again = hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_conflicts.csv"))
        .output()
        .unwrap();
    assert!(stderr_lines(&again).iter().any(|l| l.starts_with(
        "line 2: staff: Anna Sköterska is already booked then (Familjen Exempel 2030-11-25 10:00)"
    )));
}

#[test]
fn a_visit_cannot_be_done_before_it_happens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.sqlite");
    import_all(&db);
    refused(
        &db,
        "visits",
        "visits_future_done.csv",
        &["line 2: status: is done, but the visit at 2031-03-03 10:00 has not happened yet"],
    );
}

#[test]
fn imports_are_written_to_the_audit_log_without_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    import_all(&db);
    let audit = Db::open(&db)
        .unwrap()
        .read(|tx| tx.list_audit(None))
        .unwrap();
    let actions: Vec<(&str, &str)> = audit
        .iter()
        .map(|a| (a.action.as_str(), a.entity.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("import", "staff"),
            ("create", "family"),
            ("create", "family"),
            ("create", "family"),
            ("import", "family"),
            ("import", "visit"),
        ]
    );
    assert!(audit.iter().all(|a| a.actor == "test-coordinator"));
    let text = format!("{audit:?}");
    assert!(
        !text.contains("Exempel") && !text.contains("19940312"),
        "{text}"
    );
}

#[test]
fn the_audit_log_and_a_familys_extract_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    import_all(&db);
    let all = hembesok(&db).arg("audit").output().unwrap();
    let text = String::from_utf8(all.stdout).unwrap();
    assert_eq!(text.lines().count(), 6, "{text}");
    assert!(text.lines().all(|l| l.contains("test-coordinator")));
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
    assert_eq!(extract.lines().count(), 1);
    assert!(extract.contains("family T-001"));
    // Reading the extract is itself logged, and shows in the next extract.
    let again = hembesok(&db)
        .args(["audit", "--family", "T-001"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(again.stdout)
            .unwrap()
            .contains("audit_extract")
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
    let log = Db::open(&db)
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
    let _app_window = hembesok::db::InstanceLock::acquire(&db).unwrap();
    hembesok(&db)
        .arg("restore")
        .arg(&copy)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "already open in another hembesok window",
        ));
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        "demo", "import", "check", "backup", "restore", "calendar", "audit",
    ] {
        Command::cargo_bin("hembesok")
            .unwrap()
            .args([sub, "--help"])
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
