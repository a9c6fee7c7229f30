//! The real binary in a pseudo-terminal, driven by keys and read as a screen: the path a new
//! coordinator takes on the first day.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::time::Duration;

use common::pty::Session;

#[test]
fn find_a_family_read_its_timeline_open_help_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .args(["demo", "--families", "60", "--seed", "3"])
        .assert()
        .success();
    // A family whose surname no other family has, searched by part of it in lower case.
    let families = hembesok::db::connect(&db, hembesok::db::Mode::Create, None)
        .unwrap()
        .read(|tx| tx.list_families())
        .unwrap();
    let family = families
        .iter()
        .find(|f| {
            families
                .iter()
                .filter(|g| g.display_name == f.display_name)
                .count()
                == 1
        })
        .unwrap();
    let surname = family
        .display_name
        .trim_start_matches("Familjen ")
        .to_lowercase();
    let typed: String = surname.chars().take(5).collect();

    let mut s = Session::start(&db, dir.path());
    s.wait_for("Visits today and tomorrow");
    s.send("3");
    s.wait_for("Search");
    s.send("/");
    s.send(&typed);
    s.wait_for(&family.display_name);
    s.wait_for(&format!(" of {}", families.len()));
    s.send("\r");
    s.wait_for("Window");
    s.wait_for(&family.family_ref);
    // The timeline's rows come after its header in the same frame: wait for them, do not
    // read a half-drawn screen.
    s.wait_for_any(&["Newborn", "Home visit"]);
    s.send("\x1b");
    s.wait_for("Search");
    s.send("?");
    s.wait_for("Keys");
    // Back from the page is the list (the query kept), so help lists the list's keys.
    s.wait_for("new family");
    s.send("\x1b");
    s.send("q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "the terminal was left in the app's screen"
    );

    // Opening the family's page was written to the audit log, without names.
    let audit = hembesok::db::connect(&db, hembesok::db::Mode::Create, None)
        .unwrap()
        .read(|tx| tx.list_audit(None))
        .unwrap();
    let view = audit.iter().find(|a| a.action.as_str() == "view").unwrap();
    assert_eq!(
        (view.entity.as_str(), view.entity_id, view.actor.as_str()),
        // The operating-system user, by its id: `$USER` names no one.
        (
            "family",
            Some(family.id),
            hembesok::paths::os_user().as_str()
        )
    );
}

#[test]
fn the_first_run_on_a_new_database_in_a_new_folder_works() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("not/yet/there.sqlite");
    let mut s = Session::start(&db, dir.path());
    s.wait_for("No visits today or tomorrow.");
    s.wait_for("Nothing overdue or unbooked.");
    s.send("3");
    s.wait_for("No families yet");
    s.send("q");
    assert!(s.finish().success());
    assert!(db.exists());
}

#[test]
fn two_windows_open_one_database_and_a_whole_file_command_waits_for_both() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("one.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .args(["demo", "--families", "5"])
        .assert()
        .success();
    let mut first = Session::start(&db, dir.path());
    first.wait_for("Visits today and tomorrow");
    let mut second = Session::start(&db, dir.path());
    second.wait_for("Visits today and tomorrow");
    let key = dir.path().join("key");
    std::fs::write(&key, "a passphrase of some length\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let encrypt = || {
        assert_cmd::Command::cargo_bin("hembesok")
            .unwrap()
            .env("HEMBESOK_DB", &db)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .args(["--lang", "en", "encrypt", "--key-file"])
            .arg(&key)
            .assert()
    };
    encrypt().failure().stderr(predicates::str::contains(
        "open in another hembesok window or command",
    ));
    first.send("q");
    assert!(first.finish().success());
    encrypt().failure();
    second.send("q");
    assert!(second.finish().success());
    encrypt().success();
}

#[test]
fn a_damaged_database_gets_a_message_on_the_normal_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "not a database").unwrap();
    let mut s = Session::start(&db, dir.path());
    let status = s.finish();
    assert!(!status.success());
    assert!(
        s.screen().contains("not a hembesok database"),
        "{}",
        s.screen()
    );
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn book_the_first_proposed_slot_see_it_in_week_and_today_mark_it_done() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.sqlite");
    // Monday 23 November 2026, seven in the morning: the first free slot is this morning. (Seed
    // 5: the demo's declines and pause days changed what seed 4 drew.)
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .args([
            "demo",
            "--families",
            "120",
            "--seed",
            "5",
            "--today",
            "2026-11-23",
        ])
        .assert()
        .success();
    let (family, visit_name) = common::family_with_a_due_visit(&db, today);
    let surname = family.trim_start_matches("Familjen ").to_string();

    let mut s = Session::start_at(&db, dir.path(), "2026-11-23 07:00");
    s.wait_for("Visits today and tomorrow");
    s.send("/");
    s.send(&surname.to_lowercase());
    s.wait_for(&family);
    s.send("\r");
    s.wait_for("Window");
    s.send("n");
    s.wait_for(&format!("Book: {visit_name}"));
    s.send("\r");
    s.wait_for("y = yes");
    s.send("y");
    s.wait_for("Booked: 2026-11-23 ");
    s.wait_for_line(&[
        &visit_name.chars().take(15).collect::<String>(),
        "booked",
        "2026-11-23",
    ]);

    // In the week, and in today's list.
    s.send("2");
    s.wait_for("Week 48");
    s.wait_for(&surname.chars().take(6).collect::<String>());
    s.send("1");
    s.wait_for("today 0");
    let short: String = family.chars().take(12).collect();
    s.wait_for(&short);

    s.send("q");
    assert!(s.finish().success());

    // At noon, after the visit: mark it done (everyone came is the form's default), then see
    // the timeline.
    let mut s = Session::start_at(&db, dir.path(), "2026-11-23 12:00");
    s.wait_for(&short);
    s.send("o");
    s.wait_for("Outcome:");
    s.send("\r");
    s.wait_for("The outcome is recorded.");
    s.send("\r");
    // Long visit names are cut to fit 80 columns; their start is enough to find the row.
    let name_start: String = visit_name.chars().take(15).collect();
    s.wait_for_line(&[&name_start, "done", "2026-11-23"]);
    s.send("q");
    assert!(s.finish().success());

    // Both roles are recorded as present, so it counts as a joint visit.
    let mut db = hembesok::db::connect(&db, hembesok::db::Mode::Create, None).unwrap();
    let audit = db.read(|tx| tx.list_audit(None)).unwrap();
    assert!(
        audit.iter().any(|a| a.action.as_str() == "book")
            && audit.iter().any(|a| a.action.as_str() == "outcome")
    );
}

/// Issue 9's whole job: a series of 8 over the Christmas weeks (julafton and nyårsafton
/// skipped), 6 suggested families added, session 1's roll call in 6 keys, session 2 cancelled
/// with a reason, and the grid showing both.
#[test]
fn a_parent_group_over_christmas_from_series_to_roll_call() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("groups.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .args([
            "demo",
            "--families",
            "300",
            "--seed",
            "4",
            "--today",
            "2026-12-17",
        ])
        .assert()
        .success();
    // Two leaders with no visits, so nothing of the demo's clashes with the series.
    let staff = dir.path().join("leaders.csv");
    std::fs::write(
        &staff,
        "name,role,work_days,work_hours\nGull Ledare,parent_advisor,mon|tue|wed|thu|fri,08:00-16:30\nPer Ledare,nurse,mon|tue|wed|thu|fri,08:00-16:30\n",
    )
    .unwrap();
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .arg("import")
        .arg("staff")
        .arg(&staff)
        .assert()
        .success();

    let mut s = Session::start_at(&db, dir.path(), "2026-12-17 08:00");
    s.wait_for("Visits today");
    s.send("4");
    s.wait_for("Next session");
    s.send("n");
    s.wait_for("New parent group");
    // The leaders have no visits and there is no place, so the area is chosen (→).
    s.send(
        "Julgruppen\t\tsvenska\t\tGull Ledare, Per Ledare\t\x1b[C\t\x156\t\x152026-12-17 13:00\t",
    );
    s.wait_for("8 sessions, Thu 13:00: 17/12 7/1 14/1");
    s.wait_for("skips 24/12");
    s.wait_for("Christmas Eve, 31/12 New Year's Eve");
    s.send("\r");
    s.wait_for("The group is saved with 8 sessions (2 weeks skipped).");
    s.wait_for("No families in the group yet");
    s.send("m");
    s.wait_for("Suggested families (6 places left)");
    s.wait_for("6 ticked");
    s.send("\r");
    s.wait_for("6 families added.");
    // The page is on session 1, today's.
    s.send("\r");
    s.wait_for("Roll call · Julgruppen · session 1");
    s.send("pppppp");
    s.wait_for("6/6 marked  ·  6 present");
    s.send("\r");
    s.wait_for_line(&["1. Thu 2026-12-17 13:00", "held"]);
    s.send("j\r");
    s.wait_for("Roll call · Julgruppen · session 2");
    s.send("c");
    s.wait_for("Cancel the session 2027-01-07 13:00");
    s.send("Leader ill\r");
    s.wait_for("The session is cancelled.");
    s.send("\r");
    // The roll call closed: the grid's header shows again.
    s.wait_for("  1  2  3  4  5  6  7  8");
    s.wait_for_line(&["2. Thu 2027-01-07 13:00", "cancelled: Leader ill"]);
    // The grid: six present at session 1, and session 2's column is × all the way down.
    let grid: Vec<String> = s
        .screen()
        .lines()
        // A protected family is listed by its whole reference, not by name.
        .filter(|l| l.starts_with(" Familjen") || l.starts_with(" protected fami"))
        .map(str::to_string)
        .collect();
    assert_eq!(grid.len(), 6, "{}", s.screen());
    assert!(grid.iter().all(|l| l.contains("✓")), "{}", s.screen());
    let column: String = grid
        .iter()
        .filter_map(|l| {
            let start = l.find('✓')?;
            l[start..].chars().nth(3)
        })
        .collect();
    assert_eq!(column, "××××××", "{}", s.screen());
    assert!(
        s.screen().contains("× cancelled"),
        "the legend: {}",
        s.screen()
    );
    s.send("q");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
}

/// An encrypted database: the app asks for the passphrase before it draws, refuses a wrong
/// one and opens Today with the right one; three wrong ones end it with a failure.
#[test]
fn an_encrypted_database_asks_for_its_passphrase() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("secret.sqlite");
    let key = dir.path().join("key");
    std::fs::write(&key, "rätt lösen\n").unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .env_remove("HEMBESOK_KEY_FILE")
        .args(["demo", "--families", "5"])
        .assert()
        .success();
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .env("HEMBESOK_KEY_FILE", &key)
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .arg("encrypt")
        .write_stdin("")
        .assert()
        .success();
    // The terminal stops echoing just after the prompt is written: a person types later.
    let pause = || std::thread::sleep(Duration::from_millis(200));
    let mut s = Session::start(&db, dir.path());
    s.wait_for("Passphrase for");
    pause();
    s.send("fel\r");
    s.wait_for("Wrong passphrase; try again (2 left)");
    pause();
    s.send("rätt lösen\r");
    s.wait_for("Visits today and tomorrow");
    assert!(
        !s.screen().contains("rätt lösen"),
        "the passphrase was echoed"
    );
    s.send("q");
    assert!(s.finish().success());

    let mut s = Session::start(&db, dir.path());
    s.wait_for("Passphrase for");
    pause();
    s.send("fel\r");
    for left in ["(2 left)", "(1 left)"] {
        s.wait_for(left);
        pause();
        s.send("fel\r");
    }
    let status = s.finish();
    assert!(!status.success());
    assert!(
        s.screen().contains("wrong passphrase three times"),
        "{}",
        s.screen()
    );
    assert!(
        !s.screen().lines().any(|l| l.trim() == "fel"),
        "the passphrase was echoed:\n{}",
        s.screen()
    );
}

#[test]
fn export_the_quarter_from_the_report_screen_and_check_the_file() {
    use sha2::Digest;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("report.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &db)
        .args([
            "demo",
            "--families",
            "200",
            "--seed",
            "3",
            "--today",
            "2026-11-23",
        ])
        .assert()
        .success();
    let out = dir.path().join("hembesok-2026Q3.csv");
    // The region's file names the municipality and its code, from the config.
    let config = dir.path().join("config").join("hembesok");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "municipality = \"Kommunen\"\nmunicipality_code = \"1442\"\n",
    )
    .unwrap();
    let mut s = Session::start_at(&db, dir.path(), "2026-11-23 08:00");
    s.wait_for("Today");
    s.send("6");
    s.wait_for_line(&["Quarter 2026Q3", "final"]);
    s.wait_for_line(&["Visits done"]);
    s.send("x");
    s.wait_for("Export the report 2026Q3");
    // csv, then the file: a full path into the test's folder.
    s.send("\x1b[C");
    s.wait_for("csv (semicolon");
    s.send("\t\x15");
    s.send(&out.display().to_string());
    s.send("\r");
    s.wait_for_line(&["SHA-256 "]);
    let screen = s.screen();
    let shown = screen
        .lines()
        .find_map(|l| l.trim().strip_prefix("SHA-256 "))
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(shown.len(), 64, "{screen}");
    let meta = std::fs::metadata(&out).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"\xef\xbb\xbf"),
        "a CSV for Swedish Excel"
    );
    let sum = sha2::Sha256::digest(&bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            use std::fmt::Write as _;
            let _ = write!(s, "{b:02x}");
            s
        });
    assert_eq!(sum, shown);
    // The earlier exports of the quarter list it.
    s.wait_for("Earlier exports of the quarter");
    s.send("q");
    assert!(s.finish().success());
}
