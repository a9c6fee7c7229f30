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

/// Runs an import that must fail, and checks its stderr lines and that nothing changed; returns
/// the hint printed after the problems, if any.
fn refused(db: &Path, kind: &str, file: &str, expected: &[&str]) -> Option<String> {
    refused_with(db, &["import", kind], file, expected)
}

fn refused_with(db: &Path, args: &[&str], file: &str, expected: &[&str]) -> Option<String> {
    let before = counts(db);
    let out = hembesok(db).args(args).arg(fixture(file)).output().unwrap();
    assert!(!out.status.success(), "{file} was accepted");
    let mut lines = stderr_lines(&out);
    let summary = lines.pop().unwrap();
    let hint = lines
        .last()
        .filter(|l| !l.starts_with("line ") && !l.starts_with("rad "))
        .cloned();
    if hint.is_some() {
        lines.pop();
    }
    assert_eq!(lines, expected, "{file}");
    assert!(
        summary.contains("nothing was imported") || summary.contains("inget importerades"),
        "{summary:?}"
    );
    assert!(
        summary.contains(&format!(" {} problem", expected.len())),
        "{summary:?}: the hint is not counted"
    );
    assert_eq!(counts(db), before, "{file} changed the database");
    hint
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
            "line 3: status: \"pågår\" is not one of: offered, declined, active, paused, completed, exited",
            "line 4: caregiver1_name: is required but empty",
            "line 4: caregiver2_name: is empty but the caregiver has an identity number; add the name or clear the number",
            "line 4: child1_birth_date: 2029-01-01 is more than ten months ahead; check the year",
            "line 4: family_name: is required but empty",
            "line 5: caregiver1_id: day 12 is a personal identity number's day, but the kind says coordination number (its day is the birth day + 60)",
            "line 5: family_ref: E-001 is already on line 2",
            "line 6: child1_id: is the same number as a child of E-001 on line 5; a child belongs to one family, so check both rows",
            "line 6: child1_id: says born 2026-05-04, but child1_birth_date says 2026-05-05",
            "line 6: family_ref: looks like an identity number; use your own reference instead",
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
            "line 2: role: \"läkare\" is not one of: nurse, parent_advisor, family_therapist, dental, interpreter, other",
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
            "line 2: start: Kristi himmelsfärdsdag is a public holiday",
            "line 3: child: \"Kalle\" is not a child of T-001; the children are: Lina Exempel",
            "line 3: duration_min: \"1000\" is not a duration; write minutes from 5 to 600",
            "line 3: interpreter: Bo Rådgivare is registered as parent_advisor, not interpreter",
            "line 3: location: \"trädgården\" is not one of: home, clinic, family_centre, phone_video",
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
        "line 4: start: Julafton is a day off in practice (not a public holiday by law)",
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
        "These are booking conflicts: fix them, or pass --allow-conflicts to import them anyway (they then show under To do in the app)."
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
            ": 6 new, 0 changed, 0 unchanged (5 booking conflicts kept, as asked)",
        ));
    assert_eq!(counts(&db).visits, before.visits + 6);
    // The same rows again are the same visits: no clash with themselves, and never a
    // duplicate, with or without --allow-conflicts.
    for args in [
        &["import", "visits"][..],
        &["import", "visits", "--allow-conflicts"],
    ] {
        hembesok(&db)
            .args(args)
            .arg(fixture("visits_conflicts.csv"))
            .assert()
            .success()
            .stdout(predicate::str::contains(": 0 new, 0 changed, 6 unchanged"));
        assert_eq!(counts(&db).visits, before.visits + 6);
    }
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
    // The operating-system user, by its id, whatever `$USER` says.
    assert!(audit.iter().all(|a| a.actor == hembesok::paths::os_user()));
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
        &"rad 3: location: \"trädgården\" är inte något av: hemma, mottagning, familjecentral, telefon/video"
            .to_string()
    ));
    assert!(
        sv.last()
            .unwrap()
            .ends_with(": 15 problem; inget importerades"),
        "{sv:?}"
    );
    // Every problem, then the hint about the booking conflicts among them.
    assert!(sv[..sv.len() - 2].iter().all(|l| l.starts_with("rad ")));
    assert!(sv[sv.len() - 2].starts_with("En del av det här är bokningskonflikter"));
    let en = run(&["--lang", "en"], &[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(
        en[0],
        "line 2: family_ref: NOPE-1 is not registered; import the family first"
    );
    assert!(en[..en.len() - 2].iter().all(|l| l.starts_with("line ")));
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

/// The database the binary writes, opened to look at what it stored.
fn open(db: &Path) -> hembesok::db::Db {
    hembesok::db::connect(db, hembesok::db::Mode::Create, None).unwrap()
}

/// A stored visit of T-001's child by visit number and start.
fn visit_of_t001(
    db: &Path,
    visit_no: Option<u32>,
    start: &str,
) -> hembesok::domain::model::NewVisit {
    let start = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%d %H:%M").unwrap();
    open(db)
        .read(|tx| {
            let family = tx.family_id_by_ref("T-001")?.unwrap();
            let child = tx.children_of(family)?[0].id;
            let id = tx.visit_at(child, visit_no, start)?.unwrap();
            tx.stored_visit(id)
        })
        .unwrap()
        .unwrap()
}

#[test]
fn a_visits_file_imported_again_updates_its_visits_instead_of_adding_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.sqlite");
    import_all(&db);
    hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "visits_ok.csv: 0 new, 0 changed, 3 unchanged\n",
        ));
    assert_eq!(counts(&db).visits, 3);
    // Same child, visit number and start: the same visit, changed as the file now says.
    hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_changed.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("imported 4 visits from "))
        .stdout(predicate::str::ends_with(
            "visits_changed.csv: 1 new, 2 changed, 1 unchanged\n",
        ));
    assert_eq!(counts(&db).visits, 4);
    let second = visit_of_t001(&db, Some(2), "2026-07-06 13:00");
    assert_eq!(second.duration_min, 75);
    assert_eq!(second.note.as_deref(), Some("kortare än planerat"));
    assert_eq!(
        second.themes,
        [
            hembesok::domain::enums::Theme::Attachment,
            hembesok::domain::enums::Theme::Sleep
        ]
    );
    let extra = visit_of_t001(&db, None, "2026-12-01 09:00");
    assert_eq!(extra.location, hembesok::domain::enums::Location::Clinic);
    hembesok(&db)
        .args(["--lang", "sv", "import", "visits"])
        .arg(fixture("visits_changed.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("importerade 4 besök från "))
        .stdout(predicate::str::ends_with(
            ": 0 nya, 0 ändrade, 4 oförändrade\n",
        ));
    assert_eq!(counts(&db).visits, 4);
}

#[test]
fn an_outcome_recorded_since_is_kept_when_the_planning_file_comes_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.sqlite");
    import_all(&db);
    // Recorded in the app after the file was imported: the family did not come.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE visit SET status = 'no_show' WHERE starts_at = '2026-12-01 09:00'",
            [],
        )
        .unwrap();
    hembesok(&db)
        .args(["import", "visits"])
        .arg(fixture("visits_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains(": 0 new, 0 changed, 3 unchanged"));
    assert_eq!(
        visit_of_t001(&db, None, "2026-12-01 09:00").status,
        hembesok::domain::enums::VisitStatus::NoShow
    );
}

#[test]
fn the_same_visit_twice_in_one_file_is_refused_even_with_allow_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    import_all(&db);
    let hint = refused_with(
        &db,
        &["import", "visits", "--allow-conflicts"],
        "visits_repeated_row.csv",
        &[
            "line 3: start: the same child, visit number and start as line 2: the same visit twice; keep one of the rows",
        ],
    );
    assert_eq!(hint, None);
}

#[test]
fn swedish_words_are_read_wherever_a_code_is() {
    use hembesok::domain::enums::{
        Eligibility, FamilyStatus, Location, Protection, Referral, Role, Theme, VisitStatus,
        Weekday,
    };
    use hembesok::domain::model::Interpreter;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("staff", "staff_swedish_words.csv"),
        ("families", "families_ok.csv"),
        ("families", "families_swedish_words.csv"),
        ("visits", "visits_swedish_words.csv"),
    ] {
        hembesok(&db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
    let (staff, families) = open(&db)
        .read(|tx| Ok::<_, hembesok::db::DbError>((tx.list_staff()?, tx.list_families()?)))
        .unwrap();
    let person = |name: &str| staff.iter().find(|s| s.name == name).unwrap();
    assert_eq!(person("Eva Sköterska").role, Role::Nurse);
    assert_eq!(
        person("Eva Sköterska").work_days,
        [Weekday::Mon, Weekday::Wed, Weekday::Fri]
    );
    assert_eq!(person("Fia Tolk").role, Role::Interpreter);
    assert_eq!(person("Fia Tolk").work_days, [Weekday::Mon, Weekday::Tue]);
    assert_eq!(person("Gun Tandvård").role, Role::Dental);
    assert_eq!(person("Hans Behandlare").role, Role::FamilyTherapist);
    assert!(!person("Hans Behandlare").active);
    let family = |r: &str| families.iter().find(|f| f.family_ref == r).unwrap();
    assert_eq!(
        (family("S-001").protection, family("S-001").status),
        (Protection::SkyddadFolkbokforing, FamilyStatus::Active)
    );
    assert_eq!(
        (family("S-002").protection, family("S-002").status),
        (Protection::Sekretessmarkering, FamilyStatus::Offered)
    );
    assert_eq!(family("S-003").status, FamilyStatus::Paused);
    let eligibility = open(&db)
        .read(|tx| {
            tx.family_detail(family("S-002").id)
                .map(|f| f.map(|f| f.eligibility))
        })
        .unwrap()
        .unwrap();
    assert_eq!(eligibility, Some(Eligibility::FirstChildInSweden));
    let first = visit_of_t001(&db, Some(1), "2026-05-12 10:00");
    assert_eq!(first.status, VisitStatus::Done);
    assert_eq!(first.location, Location::Home);
    assert_eq!(first.interpreter, Interpreter::External);
    assert_eq!(
        first.themes,
        [Theme::Sleep, Theme::Feeding, Theme::ChildSafety]
    );
    assert_eq!(first.referrals, [Referral::Dental, Referral::Library]);
    let no_show = visit_of_t001(&db, None, "2026-06-02 10:00");
    assert_eq!(
        (no_show.status, no_show.location),
        (VisitStatus::NoShow, Location::PhoneVideo)
    );
    let booked = visit_of_t001(&db, None, "2030-11-25 10:00");
    assert_eq!(
        (booked.status, booked.location),
        (VisitStatus::Planned, Location::FamilyCentre)
    );
    // "somn" without its ö still names one theme; "mvc" is maternal health care.
    let cancelled = visit_of_t001(&db, None, "2030-11-26 10:00");
    assert_eq!(cancelled.status, VisitStatus::CancelledFamily);
    assert_eq!(cancelled.themes, [Theme::Sleep]);
    assert_eq!(cancelled.referrals, [Referral::MaternalHealth]);
}

#[test]
fn a_swedish_refusal_lists_the_swedish_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    import_all(&db);
    refused_with(
        &db,
        &["--lang", "sv", "import", "visits"],
        "visits_swedish_typo.csv",
        &[
            "rad 2: location: \"trädgården\" är inte något av: hemma, mottagning, familjecentral, telefon/video",
            "rad 2: themes: \"fika\" är inte något av: barnets utveckling, mat och amning, sömn, barnsäkerhet, tandhälsa, språk och läsning, anknytning, föräldraskap, samhällets stöd, vaccinationer, infektioner, socialt nätverk",
        ],
    );
}

#[test]
fn a_visits_file_reports_its_booking_conflicts_with_its_other_mistakes_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("one.sqlite");
    import_all(&db);
    hembesok(&db)
        .args(["import", "staff"])
        .arg(fixture("staff_inactive_interpreter.csv"))
        .assert()
        .success();
    let hint = refused(
        &db,
        "visits",
        "visits_one_round.csv",
        &[
            "line 2: start: Anna Sköterska does not work on Saturdays",
            "line 2: start: on a weekend",
            "line 3: start: Juldagen is a public holiday",
            "line 5: staff: Anna Sköterska is already booked then (line 4 of this file)",
            "line 6: start: outside Bo Rådgivare's working hours (08:00-16:00)",
            "line 7: interpreter: Emir Tolk is not active",
            "line 8: staff: no parent advisor is booked; the programme visit needs one",
            "line 9: duration_min: \"1000\" is not a duration; write minutes from 5 to 600",
            "line 10: start: \"2030-13-01 10:00\" is not a date: there is no month 13",
            "line 11: family_ref: NOPE-1 is not registered; import the family first",
            "line 12: staff: Okänd Person is not on the staff list; import staff first",
        ],
    );
    assert_eq!(
        hint.as_deref(),
        Some(
            "Some of these are booking conflicts: once the other problems are fixed, --allow-conflicts imports those anyway (they then show under To do in the app)."
        )
    );
    // --allow-conflicts lets the conflicts through, never the other mistakes.
    let hint = refused_with(
        &db,
        &["--lang", "sv", "import", "visits", "--allow-conflicts"],
        "visits_one_round.csv",
        &[
            "rad 2: start: Anna Sköterska arbetar inte på lördagar",
            "rad 2: start: på en helg",
            "rad 3: start: Juldagen är en helgdag",
            "rad 5: staff: Anna Sköterska är redan bokad då (rad 4 i den här filen)",
            "rad 6: start: utanför Bo Rådgivares arbetstid (08:00-16:00)",
            "rad 7: interpreter: Emir Tolk är inte aktiv",
            "rad 8: staff: ingen föräldrarådgivare är bokad; besöket kräver en",
            "rad 9: duration_min: \"1000\" är ingen längd; skriv minuter från 5 till 600",
            "rad 10: start: \"2030-13-01 10:00\" är inget datum: månad 13 finns inte",
            "rad 11: family_ref: NOPE-1 finns inte i registret; importera familjen först",
            "rad 12: staff: Okänd Person finns inte i personallistan; importera personalen först",
        ],
    );
    assert!(
        hint.unwrap()
            .starts_with("En del av det här är bokningskonflikter")
    );
}

#[test]
fn staff_and_families_already_registered_are_reported_with_the_rows_mistakes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("again.sqlite");
    import_all(&db);
    refused(
        &db,
        "staff",
        "staff_again_with_mistakes.csv",
        &[
            "line 2: name: Anna Sköterska is already registered",
            "line 3: name: Bo Rådgivare is already registered",
            "line 3: role: \"rådgivare\" is not one of: nurse, parent_advisor, family_therapist, dental, interpreter, other",
            "line 4: work_hours: \"8-16\" is not working hours; write e.g. 08:00-16:30",
        ],
    );
    refused(
        &db,
        "families",
        "families_again_with_mistakes.csv",
        &[
            "line 2: family_ref: T-001 is already registered",
            "line 3: child1_birth_date: \"2026-08-5\" is not a date; write YYYY-MM-DD, e.g. 2026-03-15",
            "line 3: family_ref: T-002 is already registered",
            "line 4: programme: \"stockholm\" is not a programme; the programmes are: rinkeby, goteborg, grastorp, vaxa_tryggt, ordinary",
        ],
    );
}

#[test]
fn dates_follow_one_rule_in_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    import_all(&db);
    refused(
        &db,
        "visits",
        "visits_date_shape.csv",
        &[
            "line 2: start: \"2030-9-20 10:00\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30",
            "line 3: start: \"2030-09-20 9:00\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30",
            "line 4: start: 2030-02-30 does not exist: February 2030 has 28 days",
        ],
    );
    refused_with(
        &db,
        &["--lang", "sv", "import", "families"],
        "families_date_shape.csv",
        &[
            "rad 2: child1_birth_date: \"2026-08-5\" är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-15",
            "rad 2: enrolled_on: \"2026-9-20\" är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-15",
        ],
    );
}

#[test]
fn a_childs_number_belongs_to_one_family() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    refused(
        &db,
        "families",
        "families_child_twice.csv",
        &[
            "line 3: child1_id: is the same number as a child of K-001 on line 2; a child belongs to one family, so check both rows",
            "line 4: child1_id: is the same number as a child of K-001 on line 2; a child belongs to one family, so check both rows",
            "line 4: child2_id: is the same number as a child of K-001 on line 2; a child belongs to one family, so check both rows",
        ],
    );
    import_all(&db);
    refused_with(
        &db,
        &["--lang", "sv", "import", "families"],
        "families_child_registered.csv",
        &[
            "rad 2: child1_id: är numret för ett barn som redan är registrerat i T-001; ett barn hör till en familj, så kontrollera numret eller den familjen",
        ],
    );
}

/// Sane limits, said in words: a child born before any programme's children, a cell longer
/// than any name or note, a control character no one means to type, someone over 120.
#[test]
fn values_beyond_sane_limits_are_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.sqlite");
    let header = "family_ref;family_name;programme;caregiver1_name;caregiver1_id;child1_name;child1_birth_date";
    let long_name = "A".repeat(10_000);
    let text = format!(
        "{header}\n\
         L-1;Familjen Gammal;goteborg;Amal Gammal;;Lina;0000-01-01\n\
         L-2;Familjen {long_name};goteborg;Amal Lång;;Lina;2026-05-04\n\
         L-3\u{1b}[2J;Familjen Styr;goteborg;Amal Styr;;Lina;2026-05-04\n\
         L-4;Familjen Äldst;goteborg;Amal Äldst;500101+2342;Lina;2026-05-04\n"
    );
    let file = dir.path().join("limits.csv");
    std::fs::write(&file, text).unwrap();
    let out = hembesok(&db)
        .args(["import", "families"])
        .arg(&file)
        .output()
        .unwrap();
    let lines = stderr_lines(&out);
    assert!(!out.status.success());
    let has = |start: &str, part: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(start) && l.contains(part))
    };
    assert!(
        has("line 2: child1_birth_date:", "more than 7 years ago"),
        "{lines:?}"
    );
    assert!(
        has("line 3: family_name:", "longer than 1000 characters"),
        "{lines:?}"
    );
    assert!(
        has(
            "line 4: family_ref:",
            "character 4 is an escape character (U+001B)"
        ),
        "{lines:?}"
    );
    assert!(
        has("line 5: caregiver1_id:", "over 120 years ago"),
        "{lines:?}"
    );
    assert!(
        lines.iter().all(|l| l.len() < 400),
        "no line quotes the long name"
    );
}

/// Text that drives a terminal or reads backwards is refused where it stands, by line, column
/// and character, and never reaches the terminal of whoever imports the file: not from a cell,
/// not from the header.
#[test]
fn control_and_invisible_characters_are_refused_by_position_and_never_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let header = "family_ref;family_name;programme;caregiver1_name;child1_name;child1_birth_date";
    let hostile_header =
        format!("{header};X\u{1b}]0,OWNED\u{7}\u{1b}[2J\nC-1;F;goteborg;A;L;2026-05-04;\n");
    let hostile_cells = format!(
        "{header}\n\
         C-1;Familjen \u{202E}grebÅ;goteborg;Amal;Lina;2026-05-04\n\
         \"C-\r2\";Familjen Ett;goteborg;Amal;Lina;2026-05-04\n\
         \"C-3\nX\";Familjen Två;goteborg;Amal;Li\u{200B}na;2026-05-04\n"
    );
    for (name, text) in [
        ("header.csv", &hostile_header),
        ("cells.csv", &hostile_cells),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        for lang in ["en", "sv"] {
            let out = hembesok(&db)
                .args(["--lang", lang, "import", "families"])
                .arg(&file)
                .output()
                .unwrap();
            assert!(!out.status.success());
            assert!(
                !out.stderr.iter().any(|b| *b == 0x1b || *b == 0x07),
                "an escape or a bell reached the terminal"
            );
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(
                !err.contains('\u{202E}') && !err.contains('\u{200B}'),
                "{err}"
            );
            let lines: Vec<&str> = err.lines().collect();
            let has = |start: &str, part: &str| {
                lines
                    .iter()
                    .any(|l| l.starts_with(start) && l.contains(part))
            };
            match (name, lang) {
                ("header.csv", "en") => {
                    assert!(has("line 1: X]0,OWNED[2J:", "unknown column"), "{lines:?}");
                }
                ("cells.csv", "en") => {
                    assert!(
                        has(
                            "line 2: family_name:",
                            "character 10 is an invisible character that turns the text's direction (U+202E)"
                        ),
                        "{lines:?}"
                    );
                    assert!(
                        has(
                            "line 3: family_ref:",
                            "character 3 is a line break (U+000D)"
                        ),
                        "{lines:?}"
                    );
                    assert!(
                        has(
                            "line 4: family_ref:",
                            "character 4 is a line break (U+000A)"
                        ),
                        "{lines:?}"
                    );
                    assert!(
                        has(
                            "line 4: child1_name:",
                            "character 3 is an invisible character (U+200B)"
                        ),
                        "{lines:?}"
                    );
                }
                ("cells.csv", _) => assert!(
                    has(
                        "rad 2: family_name:",
                        "tecken 10 är ett osynligt tecken som vänder textens riktning"
                    ),
                    "{lines:?}"
                ),
                _ => {}
            }
        }
    }
    assert_eq!(counts(&db).families, 0, "all rows or none");
}

#[test]
fn a_families_file_brings_its_status_history_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    let file = dir.path().join("history.csv");
    std::fs::write(
        &file,
        "family_ref,family_name,programme,caregiver1_name,child1_name,child1_birth_date,status,offered_on,declined_on,paused_on,enrolled_on,exited_on,exit_reason\n\
         H-1,Familjen Ett,rinkeby,Förälder Ett,Barn Ett,2026-03-01,declined,2026-03-10,2026-03-20,,,,\n\
         H-2,Familjen Två,rinkeby,Förälder Två,Barn Två,2026-03-02,completed,2026-03-11,,2026-05-01,2026-03-15,2026-08-01,\n\
         H-3,Familjen Tre,rinkeby,Förälder Tre,Barn Tre,2026-03-03,exited,2026-03-12,,,2026-03-16,2026-07-01,moved\n",
    )
    .unwrap();
    hembesok(&db)
        .args(["import", "families"])
        .arg(&file)
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<Vec<Option<String>>> = conn
        .prepare(
            "SELECT offered_on, declined_on, paused_on, enrolled_on, exited_on, exit_reason
             FROM family ORDER BY family_ref",
        )
        .unwrap()
        .query_map([], |r| (0..6).map(|i| r.get(i)).collect())
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        rows,
        vec![
            vec![s("2026-03-10"), s("2026-03-20"), None, None, None, None],
            // Completing is its own exit reason.
            vec![
                s("2026-03-11"),
                None,
                s("2026-05-01"),
                s("2026-03-15"),
                s("2026-08-01"),
                s("completed")
            ],
            vec![
                s("2026-03-12"),
                None,
                None,
                s("2026-03-16"),
                s("2026-07-01"),
                s("moved")
            ],
        ]
    );
}

#[test]
fn a_status_date_in_the_future_or_an_unknown_exit_reason_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    let file = dir.path().join("future.csv");
    std::fs::write(
        &file,
        "family_ref,family_name,programme,caregiver1_name,child1_name,child1_birth_date,status,paused_on,exit_reason\n\
         H-1,Familjen Ett,rinkeby,Förälder Ett,Barn Ett,2026-03-01,paused,2099-01-01,\n\
         H-2,Familjen Två,rinkeby,Förälder Två,Barn Två,2026-03-01,exited,,flytt\n",
    )
    .unwrap();
    let out = hembesok(&db)
        .args(["import", "families"])
        .arg(&file)
        .assert()
        .failure()
        .get_output()
        .clone();
    let lines = stderr_lines(&out);
    assert!(
        lines.iter().any(|l| l.starts_with("line 2: paused_on:")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("line 3: exit_reason:")),
        "{lines:?}"
    );
}

/// Staff, families and visits of the good fixtures, then their parent groups.
fn with_groups(db: &Path) {
    import_all(db);
    hembesok(db)
        .args(["import", "groups"])
        .arg(fixture("groups_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "imported 2 parent groups (8 sessions, 3 members)",
        ));
}

#[test]
fn a_groups_file_generates_weekly_sessions_skipping_the_holidays() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite");
    with_groups(&db);
    let c = counts(&db);
    assert_eq!((c.groups, c.sessions), (2, 8));
    let days: Vec<String> = hembesok::db::connect(&db, hembesok::db::Mode::Create, None)
        .unwrap()
        .read(|tx| {
            let id = tx.group_id_by_name("julgruppen")?.unwrap();
            Ok::<_, hembesok::db::DbError>(tx.group_page(id)?.unwrap().sessions)
        })
        .unwrap()
        .iter()
        .map(|s| s.start.format("%Y-%m-%d %H:%M").to_string())
        .collect();
    // Julafton and nyårsafton are skipped; the series still has its four sessions.
    assert_eq!(
        days,
        [
            "2030-12-17 10:00",
            "2031-01-07 10:00",
            "2031-01-14 10:00",
            "2031-01-21 10:00"
        ]
    );
}

#[test]
fn each_groups_mistake_is_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite");
    with_groups(&db);
    refused(
        &db,
        "groups",
        "groups_unknown_leader.csv",
        &["line 2: leaders: Okänd Person is not on the staff list; import staff first"],
    );
    refused(
        &db,
        "groups",
        "groups_session_count.csv",
        &[
            "line 2: sessions: \"sex\" is not a number of sessions; write a whole number from 1 to 52",
        ],
    );
    refused(
        &db,
        "groups",
        "groups_day_off.csv",
        &[
            "line 2: first_session: only 0 of 3 weekly sessions fit within two years (holidays and the leaders' days off are skipped); check the weekday or the leaders",
        ],
    );
    refused(
        &db,
        "groups",
        "groups_name_taken.csv",
        &[
            "line 2: group: Höstgruppen is already registered",
            "line 4: group: gruppen b is already on line 3",
        ],
    );
    // Every other mistake of a row, all in one run.
    refused(
        &db,
        "groups",
        "groups_errors.csv",
        &[
            "line 2: capacity: \"tio\" is not a capacity; write a number of families from 1 to 50",
            "line 2: duration_min: \"2\" is not a duration; write minutes from 5 to 600",
            "line 2: first_session: \"2027-02-02\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30",
            "line 2: group: is required but empty",
            "line 2: leaders: is required but empty",
            "line 2: themes: names 5 themes for 4 sessions; give one theme per session, in order",
            "line 3: leaders: Anna Sköterska is named twice",
            "line 3: members: T-404 is not registered; import the family first",
            "line 3: members: names 2 families but the capacity is 1",
            "line 3: themes: names 3 themes for 2 sessions; give one theme per session, in order",
        ],
    );
}

#[test]
fn a_session_clashing_with_a_leaders_booking_is_reported_like_a_visit_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite");
    with_groups(&db);
    refused(
        &db,
        "groups",
        "groups_visit_clash.csv",
        &[
            "line 2: first_session: the session at 2026-12-01 08:30: Anna Sköterska is already booked then (Familjen Exempel 2026-12-01 09:00)",
        ],
    );
    refused(
        &db,
        "groups",
        "groups_clash_in_file.csv",
        &[
            "line 3: first_session: the session at 2027-02-16 14:00: Bo Rådgivare is already booked then (Gruppen A 2027-02-16 13:00)",
        ],
    );
}

/// A cancelling row's `reason` is the session's reason; without one it stays "import".
#[test]
fn a_cancellation_imported_keeps_the_reason_its_row_gives() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    with_groups(&db);
    hembesok(&db)
        .args(["import", "attendance"])
        .arg(fixture("attendance_reason.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("2 sessions cancelled"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let reasons: Vec<(String, String)> = conn
        .prepare(
            "SELECT substr(starts_at, 1, 10), cancel_reason FROM group_session
             WHERE status = 'cancelled' ORDER BY starts_at",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        reasons,
        [
            ("2026-09-15".to_string(), "import".to_string()),
            ("2026-09-22".to_string(), "ledaren sjuk".to_string())
        ]
    );
}

#[test]
fn attendance_is_imported_once_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    with_groups(&db);
    hembesok(&db)
        .args(["import", "attendance"])
        .arg(fixture("attendance_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("imported attendance from"))
        .stdout(predicate::str::contains(
            "4 marks written, 0 unchanged, 1 session cancelled",
        ));
    let before = counts(&db);
    assert_eq!(before.attendance, 4);
    hembesok(&db)
        .args(["import", "attendance"])
        .arg(fixture("attendance_ok.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 marks written, 5 unchanged, 0 sessions cancelled",
        ));
    assert_eq!(counts(&db), before);
    // Marks stored since make the session impossible to cancel from a file.
    refused(
        &db,
        "attendance",
        "attendance_cancel_marked.csv",
        &[
            "line 2: status: the session on 2026-09-01 already has marks; a cancelled session has none, so clear them in the app first",
        ],
    );
}

#[test]
fn a_session_cancelled_in_the_file_cannot_also_have_marks() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    with_groups(&db);
    refused(
        &db,
        "attendance",
        "attendance_cancelled_with_marks.csv",
        &[
            "line 3: status: the session is cancelled on line 2, so it cannot also have marks; keep one or the other",
        ],
    );
}

#[test]
fn each_attendance_mistake_is_its_own_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    with_groups(&db);
    let out = hembesok(&db)
        .args(["--lang", "sv", "import", "attendance"])
        .arg(fixture("attendance_cancelled_with_marks.csv"))
        .output()
        .unwrap();
    assert_eq!(
        stderr_lines(&out)[0],
        "rad 3: status: träffen är inställd på rad 2, så den kan inte också ha närvaro; behåll det ena eller det andra"
    );
    refused(
        &db,
        "attendance",
        "attendance_errors.csv",
        &[
            "line 2: group: there is no parent group called \"Vårgruppen\"; import it with import groups first",
            "line 3: date: Höstgruppen has no session on 2026-09-02; check the date",
            "line 4: family_ref: T-003 was not a member of Höstgruppen on 2026-09-22",
            "line 5: family_ref: must be empty on a cancelled row: cancelled is for the whole session",
            "line 6: adults: \"2\": only a present family has adults present; leave it empty",
            "line 7: adults: \"3\" is not adults present; write 1 or 2",
            "line 7: dropins: \"många\" is not a number of drop-ins; write a whole number from 0 to 100",
            "line 8: date: the session on 2030-12-17 has not taken place yet",
            "line 9: status: \"kanske\" is not one of: present, absent, excused, cancelled",
        ],
    );
}

/// An archive brought in from the programme's first years holds children long past school age:
/// a family whose participation ended (exited, completed, declined) may have them, a family
/// still in a programme may not, and no child is born before 1900.
#[test]
fn history_of_ended_participations_imports_with_children_of_any_age() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    let header = "family_ref;family_name;programme;status;exited_on;exit_reason;caregiver1_name;child1_name;child1_birth_date";
    let history = dir.path().join("history.csv");
    std::fs::write(
        &history,
        format!(
            "{header}\n\
             H-1;Familjen Arkiv;goteborg;exited;2014-06-01;moved;Amal Arkiv;Lina;2013-03-04\n\
             H-2;Familjen Klar;goteborg;completed;2016-04-01;completed;Sara Klar;Omar;2015-02-10\n\
             H-3;Familjen Nej;goteborg;declined;;;Hodan Nej;Ali;2014-09-30\n"
        ),
    )
    .unwrap();
    hembesok(&db)
        .args(["import", "families"])
        .arg(&history)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("imported 3 families"));
    assert_eq!(counts(&db).families, 3);

    let wrong = dir.path().join("wrong.csv");
    std::fs::write(
        &wrong,
        format!(
            "{header}\n\
             W-1;Familjen Aktiv;goteborg;active;;;Amal Aktiv;Lina;2013-03-04\n\
             W-2;Familjen Skriv;goteborg;exited;2014-06-01;moved;Sara Skriv;Omar;1813-02-10\n"
        ),
    )
    .unwrap();
    let out = hembesok(&db)
        .args(["import", "families"])
        .arg(&wrong)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let lines = stderr_lines(&out);
    let has = |start: &str, part: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(start) && l.contains(part))
    };
    assert!(
        has(
            "line 2: child1_birth_date:",
            "older than any programme's children"
        ) && has(
            "line 2: child1_birth_date:",
            "exited, completed or declined"
        ),
        "{lines:?}"
    );
    assert!(
        has(
            "line 3: child1_birth_date:",
            "1813-02-10 is before 1900-01-01"
        ),
        "{lines:?}"
    );
    assert_eq!(counts(&db).families, 3);
}

/// A series whose weeks fall on holidays says so after the import, as the new-series form does,
/// and a first date on a holiday says where the series starts instead.
#[test]
fn an_imported_series_says_which_weeks_it_skips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite");
    import_all(&db);
    let file = dir.path().join("jul.csv");
    std::fs::write(
        &file,
        "group;leaders;first_session;sessions\n\
         Julaftonsgruppen;Anna Sköterska;2030-12-24 10:00;2\n\
         Vårgruppen;Anna Sköterska;2031-03-04 10:00;2\n",
    )
    .unwrap();
    let out = hembesok(&db)
        .args(["--lang", "sv", "import", "groups"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("importerade 2 föräldragrupper"),
        "{stdout}"
    );
    assert_eq!(
        lines[1],
        "Julaftonsgruppen hoppar över 2030-12-24 julafton, 2030-12-31 nyårsafton; \
         första träffen blir 2031-01-07"
    );
    let db2 = dir.path().join("g2.sqlite");
    import_all(&db2);
    hembesok(&db2)
        .args(["--lang", "en", "import", "groups"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\nJulaftonsgruppen skips 2030-12-24 Christmas Eve, 2030-12-31 New Year's Eve; \
             its first session is 2031-01-07\n",
        ));
}
