//! Faults a coordinator's machine can have: the program killed at a random moment (creating, importing,
//! restoring), two writers, a full disk, hostile files, files left
//! behind. Kept short: a few dozen runs of the real binary. `others` holds what happens when
//! something else opens the file.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod chain;
#[path = "../common/mod.rs"]
mod common;
mod damage;
mod others;

use std::fmt::Write as _;
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
        text.contains("audit chain") && text.contains("broken at row 1"),
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
        // A copy keeps the file's private mode, whatever the umask.
        std::fs::copy(&good, &db).unwrap();
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

/// A families file of `n` rows with references `PREFIX-1`…, all valid.
fn families_csv(path: &Path, prefix: &str, n: usize) {
    let header = std::fs::read_to_string(common::fixture("families_ok.csv")).unwrap();
    let header = header
        .lines()
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}');
    let mut text = format!("{header}\n");
    for i in 1..=n {
        writeln!(
            text,
            "{prefix}-{i};Familjen Prov{i};Norrby;BVC Norrby;Provgatan {i};;somaliska;somaliska;none;\
rinkeby;active;first_child_in_sweden;;;Hodan Prov{i};;;;;;Ifrah Prov{i};2026-08-15;;;;"
        )
        .unwrap();
    }
    std::fs::write(path, text).unwrap();
}

fn family_count(db: &Path) -> i64 {
    common::counts(db).families
}

/// What every fault test asserts of the folder afterwards: the database passes `check`, and
/// nothing in the folder is readable by others.
#[cfg(unix)]
fn assert_whole_and_private(dir: &Path, db: &Path, run: usize) {
    let check = hembesok(db).arg("check").output().unwrap();
    assert!(
        check.status.success(),
        "run {run}: check fails: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    for (name, mode) in modes(dir) {
        assert_eq!(mode, 0o600, "run {run}: {name} is {mode:o}");
    }
}

fn spawn_killable(db: &Path, args: &[&std::ffi::OsStr]) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("hembesok"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("XDG_CONFIG_HOME", db.with_file_name("no-config"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// Killed (SIGKILL) at any moment of an import, hembesok leaves the rows of before or all
/// the new ones, a database that passes `check`, and no file readable by others.
#[cfg(unix)]
#[test]
fn a_kill_during_an_import_leaves_all_rows_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("families.csv");
    families_csv(&file, "K", 300);
    let mut rng = fastrand::Rng::with_seed(11);
    let (mut none, mut all) = (0, 0);
    for run in 0..16 {
        let sub = tempfile::tempdir().unwrap();
        let db = sub.path().join("h.sqlite");
        hembesok(&db)
            .args(["import", "staff"])
            .arg(common::fixture("staff_ok.csv"))
            .assert()
            .success();
        let mut child = spawn_killable(
            &db,
            &["import".as_ref(), "families".as_ref(), file.as_os_str()],
        );
        std::thread::sleep(Duration::from_millis(rng.u64(0..400)));
        let _ = child.kill();
        let _ = child.wait();
        assert_whole_and_private(sub.path(), &db, run);
        match family_count(&db) {
            0 => none += 1,
            300 => all += 1,
            n => panic!("run {run}: {n} of 300 families were imported"),
        }
    }
    println!("kill during import: {none} runs kept none, {all} all");
}

/// Killed at any moment of a restore, the database holds what it held or the whole backup,
/// passes `check`, and the safety copy and every temporary file are private.
#[cfg(unix)]
#[test]
fn a_kill_during_a_restore_leaves_the_old_database_or_the_backup() {
    let template = tempfile::tempdir().unwrap();
    let db0 = template.path().join("h.sqlite");
    let file = template.path().join("a.csv");
    families_csv(&file, "A", 200);
    hembesok(&db0)
        .args(["import", "families"])
        .arg(&file)
        .assert()
        .success();
    let bk0 = template.path().join("bk.sqlite");
    hembesok(&db0).arg("backup").arg(&bk0).assert().success();
    families_csv(&file, "B", 200);
    hembesok(&db0)
        .args(["import", "families"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(family_count(&db0), 400);
    let mut rng = fastrand::Rng::with_seed(5);
    let (mut old, mut new) = (0, 0);
    for run in 0..12 {
        let sub = tempfile::tempdir().unwrap();
        let (db, bk) = (sub.path().join("h.sqlite"), sub.path().join("bk.sqlite"));
        std::fs::copy(&db0, &db).unwrap();
        std::fs::copy(&bk0, &bk).unwrap();
        let mut child = spawn_killable(&db, &["restore".as_ref(), bk.as_os_str()]);
        std::thread::sleep(Duration::from_millis(rng.u64(0..300)));
        let _ = child.kill();
        let _ = child.wait();
        assert_whole_and_private(sub.path(), &db, run);
        match family_count(&db) {
            400 => old += 1,
            200 => new += 1,
            n => panic!("run {run}: {n} families"),
        }
    }
    println!("kill during restore: {old} runs kept the old database, {new} the backup");
}

/// Killed at any moment of `encrypt`, the database is the plain one or the encrypted one,
/// whole either way, and nothing readable by others is left; the next `encrypt` finishes and
/// clears what the killed one left.
#[cfg(unix)]
#[test]
fn a_kill_during_encrypt_leaves_the_plain_database_or_the_encrypted_one() {
    use std::os::unix::fs::PermissionsExt;
    let template = tempfile::tempdir().unwrap();
    let db0 = template.path().join("h.sqlite");
    hembesok(&db0)
        .args(["demo", "--families", "400", "--today", "2026-11-22"])
        .assert()
        .success();
    let mut rng = fastrand::Rng::with_seed(17);
    let (mut plain, mut encrypted) = (0, 0);
    for run in 0..10 {
        let sub = tempfile::tempdir().unwrap();
        let db = sub.path().join("h.sqlite");
        std::fs::copy(&db0, &db).unwrap();
        let key = sub.path().join("key");
        std::fs::write(&key, "ett långt lösen\n").unwrap();
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
        let keyed = ["--key-file".as_ref(), key.as_os_str()];
        let mut child = spawn_killable(&db, &[keyed[0], keyed[1], "encrypt".as_ref()]);
        std::thread::sleep(Duration::from_millis(rng.u64(0..600)));
        let _ = child.kill();
        let _ = child.wait();
        for (name, mode) in modes(sub.path()) {
            assert_eq!(mode, 0o600, "run {run}: {name} is {mode:o}");
        }
        if std::fs::read(&db).unwrap().starts_with(b"SQLite format 3") {
            plain += 1;
            hembesok(&db).arg("check").assert().success();
            hembesok(&db).args(keyed).arg("encrypt").assert().success();
            let left: Vec<String> = std::fs::read_dir(sub.path())
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| n.contains("converting"))
                .collect();
            assert!(left.is_empty(), "run {run}: {left:?} left after encrypt");
        } else {
            encrypted += 1;
        }
        hembesok(&db).args(keyed).arg("check").assert().success();
    }
    println!("kill during encrypt: {plain} runs kept the plain file, {encrypted} the encrypted");
}

/// Two imports into one database at once: both succeed, one after the other, and no row of
/// either is lost.
#[test]
fn two_writers_import_in_turn_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    hembesok(&db)
        .args(["import", "staff"])
        .arg(common::fixture("staff_ok.csv"))
        .assert()
        .success();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    families_csv(&a, "A", 150);
    families_csv(&b, "B", 150);
    let writers: Vec<_> = [&a, &b]
        .into_iter()
        .map(|f| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("hembesok"));
            cmd.arg("--db")
                .arg(&db)
                .args(["import", "families"])
                .arg(f)
                .env("XDG_CONFIG_HOME", dir.path().join("no-config"));
            cmd.spawn().unwrap()
        })
        .collect();
    for mut w in writers {
        assert!(w.wait().unwrap().success(), "a writer failed");
    }
    assert_eq!(family_count(&db), 300);
    hembesok(&db).arg("check").assert().success();
}

/// Hostile files, made by mangling a good one in many ways: the import never panics, and
/// either takes every row or leaves the database as it was.
#[test]
fn hostile_csv_files_never_panic_and_import_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    let good = dir.path().join("good.csv");
    families_csv(&good, "H", 6);
    let good = std::fs::read(&good).unwrap();
    let mut rng = fastrand::Rng::with_seed(1414);
    let hostile: &[&[u8]] = &[
        b"\0",
        b"\x1b[2J",
        b";",
        b"\"",
        b"\r",
        b"\n",
        b"\xff\xfe",
        b"=cmd|' /C calc'!A0",
        b"\xe2\x80\xae",
        b"9999-99-99",
        b"-",
        b"+46",
        b"\t",
    ];
    let (mut families, mut taken) = (0, 0);
    for run in 0..40 {
        let mut bytes = good.clone();
        for _ in 0..rng.usize(1..6) {
            let at = rng.usize(..=bytes.len());
            match rng.u8(0..4) {
                0 => {
                    let piece = hostile[rng.usize(..hostile.len())];
                    bytes.splice(at..at, piece.iter().copied());
                }
                1 => {
                    let end = (at + rng.usize(1..40)).min(bytes.len());
                    let at = at.min(end);
                    bytes.drain(at..end);
                }
                2 => bytes.truncate(at),
                _ => {
                    let long = vec![b'x'; rng.usize(500..3000)];
                    bytes.splice(at..at, long);
                }
            }
        }
        let file = dir.path().join(format!("bad-{run}.csv"));
        std::fs::write(&file, &bytes).unwrap();
        let out = hembesok(&db)
            .args(["import", "families"])
            .arg(&file)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "run {run}: {err}");
        assert_ne!(out.status.code(), Some(101), "run {run}: a panic");
        let now = if db.exists() { family_count(&db) } else { 0 };
        if out.status.success() {
            assert!(now > families, "run {run}: success without a new row");
            taken += 1;
        } else {
            assert_eq!(
                now, families,
                "run {run}: a refused import wrote rows: {err}"
            );
        }
        families = now;
    }
    println!("hostile files: {taken} of 40 were valid enough to import whole");
}

/// A small file system of its own for a test (tmpfs, mounted here; it needs root). Where it
/// cannot be mounted the test fails, unless `HEMBESOK_TEST_WITHOUT_ROOT` is set (see README),
/// which skips it and says so: a test that cannot run never passes unseen.
#[cfg(target_os = "linux")]
struct SmallDisk {
    point: std::path::PathBuf,
}

#[cfg(target_os = "linux")]
impl SmallDisk {
    fn mount(point: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(point).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(point)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if mounted {
            return Some(SmallDisk {
                point: point.to_path_buf(),
            });
        }
        assert!(
            std::env::var_os("HEMBESOK_TEST_WITHOUT_ROOT").is_some(),
            "cannot mount a small file system here (it needs root); set HEMBESOK_TEST_WITHOUT_ROOT=1 to skip the tests that need one"
        );
        println!(
            "skipped, as HEMBESOK_TEST_WITHOUT_ROOT asks: no small file system can be mounted"
        );
        None
    }

    /// Makes the file system read-only.
    fn read_only(&self) {
        let done = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.point)
            .status()
            .unwrap();
        assert!(done.success(), "remount read-only");
    }
}

#[cfg(target_os = "linux")]
impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.point)
            .status();
    }
}

/// A full disk never changes the file: on a small file system an import that cannot fit is
/// refused, saying the disk is full, and the database is as it was. (800 kB: a new database, its
/// write-ahead log and 20 families fit, with room for nothing much more.)
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&dir.path().join("small"), "800k") else {
        return;
    };
    let db = disk.point.join("h.sqlite");
    let small = dir.path().join("small.csv");
    families_csv(&small, "S", 20);
    hembesok(&db)
        .args(["import", "families"])
        .arg(&small)
        .assert()
        .success();
    let big = dir.path().join("big.csv");
    families_csv(&big, "F", 4000);
    let out = hembesok(&db)
        .args(["import", "families"])
        .arg(&big)
        .output()
        .unwrap();
    assert!(!out.status.success(), "4000 families fit in 800 kB?");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the disk is full"), "{err}");
    assert_eq!(family_count(&db), 20);
    hembesok(&db).arg("check").assert().success();
}

/// On a read-only disk (a mounted backup, a locked-down share), what only reads still works:
/// `check`, `audit` and the retention dry run.
#[cfg(target_os = "linux")]
#[test]
fn reading_commands_work_on_a_read_only_disk() {
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&dir.path().join("ro"), "8m") else {
        return;
    };
    let db = disk.point.join("h.sqlite");
    common::import_all(&db);
    disk.read_only();
    hembesok(&db).arg("check").assert().success();
    hembesok(&db)
        .arg("audit")
        .assert()
        .success()
        .stdout(predicates::str::contains("audit log head"));
    hembesok(&db)
        .args(["retention", "--before", "2026-11-24"])
        .assert()
        .success();
}
