//! A team on one file: several windows at once, each showing what the others and the command
//! line did without a key, and a window that ends however it ends leaving nothing that blocks
//! the next command. The real binary in pseudo-terminals.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::path::Path;

use common::pty::Session;

fn demo(db: &Path, families: &str, today: Option<&str>) {
    let mut args = vec!["demo", "--families", families, "--seed", "5"];
    if let Some(day) = today {
        args.extend(["--today", day]);
    }
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", db)
        .args(args)
        .assert()
        .success();
}

fn hembesok(db: &Path, home: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("hembesok").unwrap();
    cmd.env("HEMBESOK_DB", db)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .args(["--lang", "en"]);
    cmd
}

#[test]
fn a_family_imported_from_the_command_line_shows_in_both_open_windows_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.sqlite");
    demo(&db, "5", None);
    let mut first = Session::start(&db, dir.path());
    first.wait_for("Visits today and tomorrow");
    first.send("3");
    first.wait_for("Search");
    let mut second = Session::start(&db, dir.path());
    second.wait_for("Visits today and tomorrow");
    second.send("3");
    second.wait_for("Search");
    assert!(!first.screen().contains("Familjen Exempel"));

    hembesok(&db, dir.path())
        .args(["import", "families"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/families_ok.csv"))
        .assert()
        .success();
    // No key is pressed: each window sees the file's commit count move and reads again.
    first.wait_for("Familjen Exempel");
    second.wait_for("Familjen Exempel");
    first.send("q");
    second.send("q");
    assert!(first.finish().success());
    assert!(second.finish().success());
}

#[test]
fn a_visit_booked_in_one_window_shows_in_the_others_week_and_today() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.sqlite");
    demo(&db, "120", Some("2026-11-23"));
    let mut planner = Session::start_at(&db, dir.path(), "2026-11-23 07:00");
    planner.wait_for("Visits today and tomorrow");
    let mut nurse = Session::start_at(&db, dir.path(), "2026-11-23 07:00");
    nurse.wait_for("Visits today and tomorrow");
    nurse.send("2");
    nurse.wait_for("Week 48");

    // A family's due visit, booked in its first proposed slot.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let (family, _) = common::family_with_a_due_visit(&db, today);
    let surname = family.trim_start_matches("Familjen ").to_string();
    planner.send("/");
    planner.send(&surname.to_lowercase());
    planner.wait_for(&family);
    planner.send("\r");
    planner.wait_for("Window");
    planner.send("n");
    planner.wait_for("Book: ");
    planner.send("\r");
    planner.wait_for("y = yes");
    planner.send("y");
    planner.wait_for("Booked: 2026-11-2");
    let booked = planner
        .screen()
        .lines()
        .find_map(|l| l.split("Booked: ").nth(1).map(str::to_string))
        .unwrap();
    // "2026-11-23 08:00 …": the day and the time, as the other window's week shows them.
    let time: String = booked.chars().skip(11).take(5).collect();
    let short: String = surname.chars().take(6).collect();
    nurse.wait_for_line(&[&time, &short]);
    nurse.send("1");
    nurse.wait_for_line(&[&time, &short]);
    planner.send("q");
    nurse.send("q");
    assert!(planner.finish().success());
    assert!(nurse.finish().success());
}

/// A window cut off (a dropped SSH link) or killed leaves no lock or log that blocks the
/// next whole-file command, and the file is whole.
#[test]
fn after_sighup_and_kill_9_encrypt_runs_and_the_file_checks_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.sqlite");
    demo(&db, "20", None);
    let mut hung_up = Session::start(&db, dir.path());
    hung_up.wait_for("Visits today and tomorrow");
    let mut killed = Session::start(&db, dir.path());
    killed.wait_for("Visits today and tomorrow");

    hung_up.signal("HUP");
    hung_up.finish();
    killed.signal("KILL");
    killed.finish();

    let key = dir.path().join("key");
    std::fs::write(&key, "a passphrase of some length\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    hembesok(&db, dir.path())
        .arg("encrypt")
        .arg("--key-file")
        .arg(&key)
        .assert()
        .success();
    hembesok(&db, dir.path())
        .arg("--key-file")
        .arg(&key)
        .arg("check")
        .assert()
        .success();
}

#[test]
fn sigterm_restores_the_terminal_and_ends_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.sqlite");
    demo(&db, "5", None);
    let mut s = Session::start(&db, dir.path());
    s.wait_for("Visits today and tomorrow");
    assert!(s.parser.screen().alternate_screen());
    s.signal("TERM");
    let status = s.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "the terminal was left in the app's screen"
    );
    assert!(
        !s.parser.screen().hide_cursor(),
        "the cursor was left hidden"
    );
}

/// Whether this test may run processes as other users (root can), else why not: the test
/// then fails, unless `HEMBESOK_TEST_WITHOUT_ROOT` asks to skip it (see the README).
fn may_switch_users() -> bool {
    if nix::unistd::geteuid().is_root() {
        return true;
    }
    assert!(
        std::env::var_os("HEMBESOK_TEST_WITHOUT_ROOT").is_some(),
        "running windows as two users needs root; set HEMBESOK_TEST_WITHOUT_ROOT=1 to skip the tests that need it"
    );
    eprintln!("skipped, as HEMBESOK_TEST_WITHOUT_ROOT asks: not root, so no other user can be run");
    false
}

/// Two members of the team's group open the database, each in a window, each as themselves;
/// a user outside the group cannot read the file.
#[cfg(unix)]
#[test]
fn two_users_of_the_team_share_the_file_and_a_third_cannot_read_it() {
    use std::os::unix::fs::PermissionsExt;
    if !may_switch_users() {
        return;
    }
    let group = nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(100))
        .unwrap()
        .map_or_else(|| "users".to_string(), |g| g.name);
    let dir = tempfile::tempdir().unwrap();
    // The other users must reach the team's folder through the test's own.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let db = dir.path().join("team").join("hembesok.sqlite");
    hembesok(&db, dir.path())
        .args(["init", "--group", &group, "--no-system-config"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicates::str::contains("0660"));
    demo(&db, "5", None);
    let folder = db.parent().unwrap();
    assert_eq!(
        std::fs::metadata(folder).unwrap().permissions().mode() & 0o7777,
        0o2770
    );
    assert_eq!(
        std::fs::metadata(&db).unwrap().permissions().mode() & 0o777,
        0o660
    );

    // Each user's own home, which that user may write.
    let home = |uid: u32| {
        let home = dir.path().join(format!("home-{uid}"));
        std::fs::create_dir(&home).unwrap();
        std::os::unix::fs::chown(&home, Some(uid), Some(100)).unwrap();
        home
    };
    let as_user = |uid: u32| {
        [
            "setpriv".to_string(),
            format!("--reuid={uid}"),
            "--regid=100".to_string(),
            "--clear-groups".to_string(),
        ]
    };
    let window = |uid: u32| {
        let through = as_user(uid);
        let through: Vec<&str> = through.iter().map(String::as_str).collect();
        let home = home(uid);
        let mut s =
            Session::spawn_through(&through, &db, &home, None, &[("HOME", home.as_os_str())]);
        s.wait_for("Visits today and tomorrow");
        // Opening a family's page is written to the audit log, under the window's user.
        s.send("3");
        s.wait_for("5 of 5");
        s.send("\r");
        s.wait_for("Window");
        s
    };
    let mut first = window(64_101);
    let mut second = window(64_102);
    first.send("q");
    second.send("q");
    assert!(first.finish().success());
    assert!(second.finish().success());

    let audit = hembesok::db::connect(&db, hembesok::db::Mode::Create, None)
        .unwrap()
        .read(|tx| tx.list_audit(None))
        .unwrap();
    for uid in ["64101", "64102"] {
        assert!(
            audit
                .iter()
                .any(|a| a.action.as_str() == "view" && a.actor == format!("uid {uid}")),
            "no view by {uid}: {:?}",
            audit.iter().map(|a| &a.actor).collect::<Vec<_>>()
        );
    }

    // Someone outside the group is refused by the file system itself.
    let outsider = std::process::Command::new("setpriv")
        .args(["--reuid=64103", "--regid=64103", "--clear-groups", "cat"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!outsider.status.success(), "an outsider read the file");
}
