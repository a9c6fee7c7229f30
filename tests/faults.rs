//! Faults a coordinator's machine can have: the program killed at a random moment, files left
//! behind. Kept short: a few dozen runs of the real binary.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::path::Path;
use std::time::Duration;

use common::hembesok;

/// Every file left in `dir`, with its mode.
#[cfg(unix)]
fn modes(dir: &Path) -> Vec<(String, u32)> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            let mode = e.metadata().unwrap().permissions().mode() & 0o777;
            (e.file_name().to_string_lossy().to_string(), mode)
        })
        .collect()
}

/// Killed at any moment while it makes a new database, hembesok leaves either no database
/// or a whole one: never a file that every later command refuses, and nothing readable by
/// others.
#[cfg(unix)]
#[test]
fn a_kill_while_a_new_database_is_made_never_leaves_a_refused_file() {
    let bin = assert_cmd::cargo::cargo_bin("hembesok");
    let mut rng = fastrand::Rng::with_seed(7);
    for run in 0..24 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("new.sqlite");
        let mut child = std::process::Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["demo", "--families", "30", "--today", "2026-11-23"])
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.u64(0..60)));
        let _ = child.kill();
        let _ = child.wait();
        if db.exists() {
            let len = std::fs::metadata(&db).unwrap().len();
            assert!(len > 0, "run {run}: a 0-byte database was left");
            let check = hembesok(&db).arg("check").output().unwrap();
            assert!(
                check.status.success(),
                "run {run}: the database left behind fails check: {}",
                String::from_utf8_lossy(&check.stdout)
            );
        }
        for (name, mode) in modes(dir.path()) {
            assert_eq!(mode, 0o600, "run {run}: {name} is {mode:o}");
        }
        // Whatever was left, the next command works on the same path.
        hembesok(&db)
            .args(["import", "staff"])
            .arg(common::fixture("staff_ok.csv"))
            .assert()
            .success();
    }
}

/// `check` opens the file for reading only: where SQLite cannot make its shared-memory file
/// (a read-only file or mount, a full disk; here a folder stands in its way), it still reads
/// the file and finds a healthy database healthy.
#[test]
fn check_reads_a_healthy_database_it_cannot_write_beside() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    hembesok(&db)
        .args(["import", "staff"])
        .arg(common::fixture("staff_ok.csv"))
        .assert()
        .success();
    let mut shm = db.as_os_str().to_owned();
    shm.push("-shm");
    std::fs::create_dir(&shm).unwrap();
    let out = hembesok(&db).arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A database from a newer hembesok is said to be so by `check`, not called damaged.
#[test]
fn check_says_a_newer_schema_is_from_a_newer_hembesok() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.sqlite");
    hembesok(&db)
        .args(["import", "staff"])
        .arg(common::fixture("staff_ok.csv"))
        .assert()
        .success();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let out = hembesok(&db).arg("check").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("newer hembesok"), "{err}");
    assert!(!err.contains("restore from a backup"), "{err}");
}

/// A pipe given as the database is refused at once instead of hanging `check` and `audit`.
#[cfg(unix)]
#[test]
fn a_pipe_as_the_database_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.sqlite");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for command in ["check", "audit"] {
        let out = hembesok(&fifo)
            .arg(command)
            .timeout(Duration::from_secs(10))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{command}");
        assert!(err.contains("not a plain file"), "{command}: {err}");
    }
}

/// A link to nothing gets a sentence, not "File exists (os error 17)".
#[cfg(unix)]
#[test]
fn a_dangling_link_as_the_database_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("gone.sqlite");
    std::os::unix::fs::symlink(dir.path().join("nowhere.sqlite"), &link).unwrap();
    let out = hembesok(&link)
        .args(["import", "staff"])
        .arg(common::fixture("staff_ok.csv"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("link to a file that does not exist"), "{err}");
    assert!(!err.contains("os error 17"), "{err}");
    assert!(!dir.path().join("nowhere.sqlite").exists());
}

/// Started on a file that is not ours, the app says so and leaves no lock file behind.
#[test]
fn the_app_on_a_refused_file_leaves_no_lock_behind() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("notes.txt");
    std::fs::write(&foreign, "family_ref;family_name\n").unwrap();
    let out = hembesok(&foreign).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("not a hembesok database"), "{err}");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(left, ["notes.txt"]);
}

/// The audit log cannot be rewritten unseen: a replaced row is refused, and a changed row or a
/// dropped trigger is found by `check`.
#[test]
fn a_tampered_audit_log_is_found_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    for file in ["staff_ok.csv", "staff_ok.csv"] {
        let _ = hembesok(&db)
            .args(["import", "staff"])
            .arg(common::fixture(file))
            .output()
            .unwrap();
    }
    hembesok(&db).arg("check").assert().success();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let replaced = conn.execute(
        "INSERT OR REPLACE INTO audit (id, at, actor, action, entity) VALUES (1, '2001-01-01 00:00:00', 'x', 'view', 'family')",
        [],
    );
    assert!(replaced.is_err(), "a row was replaced");
    // Someone with the file drops the trigger and backdates a row.
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; UPDATE audit SET at = '2001-01-01 00:00:00' WHERE id = 1;",
    )
    .unwrap();
    drop(conn);
    let out = hembesok(&db).arg("check").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        text.contains("audit_chain") && text.contains("broken at row 1"),
        "{text}"
    );
    assert!(text.contains("missing: audit_no_update"), "{text}");
}

/// A reference with an escape sequence in it (from a file, or written into the database by
/// another program) does not clear the screen of whoever reads the audit log.
#[test]
fn control_characters_never_reach_the_terminal_through_audit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    for (kind, file) in [("staff", "staff_ok.csv"), ("families", "families_ok.csv")] {
        hembesok(&db)
            .args(["import", kind])
            .arg(common::fixture(file))
            .assert()
            .success();
    }
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE family SET family_ref = 'T-\u{1b}[2J\u{7}' WHERE family_ref = 'T-001'",
            [],
        )
        .unwrap();
    let out = hembesok(&db).arg("audit").output().unwrap();
    assert!(out.status.success());
    assert!(
        !out.stdout.iter().any(|b| *b == 0x1b || *b == 0x07),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("T-[2J"));
}

/// A file that fails SQLite's quick check is read, never written: an import and a calendar
/// export are refused with what to do, and the file is left byte for byte as it was. Each page
/// of a small database is damaged in turn, so that some damage is found only by the check.
#[test]
fn a_damaged_database_is_not_written_into() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.sqlite");
    hembesok(&good)
        .args([
            "demo",
            "--families",
            "30",
            "--seed",
            "3",
            "--today",
            "2026-11-23",
        ])
        .assert()
        .success();
    let original = std::fs::read(&good).unwrap();
    let pages = original.len() / 4096;
    let mut found_only_by_the_check = 0;
    for page in 1..pages {
        let db = dir.path().join(format!("broken-{page}.sqlite"));
        let mut bytes = original.clone();
        for (i, b) in bytes[page * 4096 + 8..(page + 1) * 4096]
            .iter_mut()
            .enumerate()
        {
            *b = if i % 2 == 0 { 0xff } else { 0x00 };
        }
        std::fs::write(&db, &bytes).unwrap();
        let check = hembesok(&db).arg("check").output().unwrap();
        if check.status.success() {
            continue;
        }
        let out = hembesok(&db)
            .args(["import", "staff"])
            .arg(common::fixture("staff_ok.csv"))
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success(),
            "page {page}: imported into a damaged file"
        );
        assert!(err.contains("restore"), "page {page}: {err}");
        if err.contains("integrity check") {
            found_only_by_the_check += 1;
        }
        let ics = dir.path().join(format!("x-{page}.ics"));
        let out = hembesok(&db)
            .args(["calendar", "--staff", "1", "--out"])
            .arg(&ics)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "page {page}: exported from a damaged file"
        );
        assert!(!ics.exists());
        assert_eq!(
            std::fs::read(&db).unwrap(),
            bytes,
            "page {page}: the file was changed"
        );
    }
    assert!(
        found_only_by_the_check > 0,
        "no damage that only the check finds; the test needs another database"
    );
}

/// Under a write lock held elsewhere, a backup or a calendar cannot write its audit row, so
/// neither leaves a file: an export and its record succeed or fail together.
#[test]
fn no_export_or_backup_is_left_without_its_audit_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("locked.sqlite");
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_ok.csv"),
        ("visits", "visits_week48.csv"),
    ] {
        hembesok(&db)
            .args(["import", kind])
            .arg(common::fixture(file))
            .assert()
            .success();
    }
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let copy = dir.path().join("copy.sqlite");
    let out = hembesok(&db).arg("backup").arg(&copy).output().unwrap();
    assert!(!out.status.success(), "the backup claimed success");
    assert!(!copy.exists(), "a backup was left without its audit row");
    let ics = dir.path().join("anna.ics");
    let out = hembesok(&db)
        .args(["calendar", "--staff", "anna", "--week", "2026-W48", "--out"])
        .arg(&ics)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!ics.exists(), "a calendar was left without its audit row");
    holder.execute_batch("ROLLBACK").unwrap();
}
