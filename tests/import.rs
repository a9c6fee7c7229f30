//! Importing coordinators' spreadsheets through the real binary: every problem by line and
//! column, all rows or none, booking checks on visits.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::path::Path;

use common::{counts, fixture, hembesok, import_all, stderr_lines};
use predicates::prelude::*;

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
        "line 2: staff: no parent advisor is booked; the programme visit needs one",
        "line 3: staff: Anna Sköterska is already booked then (line 2 of this file)",
        "line 4: start: Julafton is a public holiday",
        "line 5: start: Bo Rådgivare does not work on Wednesdays",
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
    // The hint is advice after the problems, not a sixth problem.
    assert_eq!(
        lines[5],
        "These are booking conflicts: fix them, or pass --allow-conflicts to import them anyway (they then show as alerts)."
    );
    assert!(
        lines[6].ends_with(": 5 problems; nothing was imported"),
        "{lines:?}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("line 0")), "{lines:?}");
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
    let audit = hembesok::db::connect(&db, hembesok::db::Mode::Create, None)
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
fn problems_and_summaries_follow_the_flag_the_config_and_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sv.sqlite");
    hembesok(&db)
        .args(["--lang", "sv", "import", "staff"])
        .arg(fixture("staff_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "importerade 3 personer till personallistan från ",
        ));
    hembesok(&db)
        .args(["--lang", "sv", "import", "families"])
        .arg(fixture("families_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "importerade 3 familjer (4 vårdnadshavare, 3 barn) från ",
        ));
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = hembesok(&db);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd
            .args(args)
            .args(["import", "visits"])
            .arg(fixture("visits_errors.csv"))
            .output()
            .unwrap();
        assert!(!out.status.success());
        stderr_lines(&out)
    };
    let sv = run(&["--lang", "sv"], &[]);
    assert_eq!(
        sv[0],
        "rad 2: family_ref: NOPE-1 finns inte i registret; importera familjen först"
    );
    assert!(sv.contains(
        &"rad 3: location: \"hemma\" är inte något av: home, clinic, family_centre, phone_video"
            .to_string()
    ));
    assert!(
        sv.last()
            .unwrap()
            .ends_with(": 14 problem; inget importerades"),
        "{sv:?}"
    );
    assert!(sv[..sv.len() - 1].iter().all(|l| l.starts_with("rad ")));
    let en = run(&["--lang", "en"], &[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(
        en[0],
        "line 2: family_ref: NOPE-1 is not registered; import the family first"
    );
    assert!(en[..en.len() - 1].iter().all(|l| l.starts_with("line ")));
    // Without the flag, the locale decides...
    let by_locale = run(&[], &[("LANG", "sv_SE.UTF-8")]);
    assert!(by_locale[0].starts_with("rad 2: "), "{by_locale:?}");
    // ...unless the config says otherwise.
    let config_home = dir.path().join("config");
    std::fs::create_dir_all(config_home.join("hembesok")).unwrap();
    std::fs::write(config_home.join("hembesok/config.toml"), "lang = \"sv\"\n").unwrap();
    let by_config = run(&[], &[("XDG_CONFIG_HOME", config_home.to_str().unwrap())]);
    assert!(by_config[0].starts_with("rad 2: "), "{by_config:?}");
}

#[test]
fn a_refusal_always_names_a_problem() {
    // Saved twice with a byte-order mark: once the marks are read there is nothing left, and
    // the import used to refuse it with "0 problems" and nothing else.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    let out = hembesok(&db)
        .args(["import", "staff"])
        .arg(fixture("staff_two_boms.csv"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let lines = stderr_lines(&out);
    assert_eq!(
        lines[0],
        "line 1: header: the file is empty or starts with an empty line; the first line must name the columns, e.g. name,role"
    );
    assert!(
        lines[1].ends_with(": 1 problem; nothing was imported"),
        "{lines:?}"
    );
}

/// Makes T-001 follow goteborg version 7, whose stored template is `definition` (raw bytes, so
/// that a test can also store text the program cannot read).
fn follow_stored_version(db: &Path, definition: &[u8]) {
    // Written straight into the file: the program itself never changes a family's version.
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO programme (id, version, name, definition) VALUES ('goteborg', 7, 'Göteborg 7', CAST(?1 AS TEXT))",
        [definition],
    )
    .unwrap();
    conn.execute(
        "UPDATE family SET programme_version = 7 WHERE family_ref = 'T-001'",
        [],
    )
    .unwrap();
}

#[test]
fn visits_are_checked_against_the_stored_version_the_family_follows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite");
    import_all(&db);
    let shipped = hembesok::domain::builtin::template_text("goteborg").unwrap();
    // In version 7 every visit is made with a family therapist instead of a parent advisor.
    let edited = shipped.replacen("version = 1", "version = 7", 1).replace(
        "roles = [\"nurse\", \"parent_advisor\"]",
        "roles = [\"nurse\", \"family_therapist\"]",
    );
    follow_stored_version(&db, edited.as_bytes());
    let before = counts(&db);
    let out = hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_visit3.csv"))
        .output()
        .unwrap();
    let lines = stderr_lines(&out);
    assert!(
        !out.status.success(),
        "imported against the shipped version"
    );
    assert_eq!(
        lines[0],
        "line 2: staff: no family therapist is booked; the programme visit needs one"
    );
    assert_eq!(counts(&db), before);
}

#[test]
fn a_database_error_during_a_visits_import_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.sqlite");
    import_all(&db);
    // A stored template that is not even text: reading it is a database error, which used to
    // be taken for "no such programme", and the visits were imported unchecked.
    follow_stored_version(&db, b"\xff\xfe");
    let before = counts(&db);
    hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_visit3.csv"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "hembesok: nothing was imported: database error:",
        ));
    assert_eq!(counts(&db), before);
}
