//! Nothing committed is lost when something else opens the file: another program reading it,
//! a command while a whole-file command runs, a second name for the same file.

use std::path::Path;
use std::time::Duration;

use super::common::pty::Session;
use super::common::{hembesok, import_all};

/// How many rounds a racing test runs: a few in every run of the suite, more when asked
/// (`HEMBESOK_FAULT_ROUNDS=40`, as the fault run that found these faults did).
fn rounds(default: usize) -> usize {
    std::env::var("HEMBESOK_FAULT_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn view_rows(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT count(*) FROM audit WHERE action = 'view'",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// Whether process `pid` holds a POSIX lock on `file` (SQLite's locks), as `/proc/locks` says.
#[cfg(target_os = "linux")]
fn holds_a_lock_on(pid: u32, file: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let inode = std::fs::metadata(file).unwrap().ino();
    std::fs::read_to_string("/proc/locks")
        .unwrap()
        .lines()
        .any(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            // "1: POSIX  ADVISORY  READ 1234 fe:00:5578946 123 123"
            fields.get(1) == Some(&"POSIX")
                && fields.get(4) == Some(&pid.to_string().as_str())
                && fields
                    .get(5)
                    .and_then(|dev_ino| dev_ino.rsplit(':').next())
                    .is_some_and(|i| i == inode.to_string())
        })
}

/// Another program (here a plain SQLite connection in the test's own process) opens and closes
/// the database while the app has it open. The app's locks must hold, so that program does not
/// take the app's write-ahead log away: a family opened afterwards (a `view` row) is kept.
#[test]
fn a_save_made_after_another_program_read_the_file_is_kept() {
    for round in 0..rounds(2) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.sqlite");
        import_all(&db);
        let before = view_rows(&db);
        let mut app = Session::start(&db, dir.path());
        app.wait_for("Today");
        // The background reader has opened its connection and the start's reads are done.
        app.settle(Duration::from_millis(1500));
        #[cfg(target_os = "linux")]
        assert!(
            holds_a_lock_on(app.pid(), &db),
            "round {round}: the app holds no lock on the database file"
        );
        {
            let other = rusqlite::Connection::open(&db).unwrap();
            let n: i64 = other
                .query_row("SELECT count(*) FROM family", [], |r| r.get(0))
                .unwrap();
            assert!(n > 0);
        }
        let mut wal = db.as_os_str().to_owned();
        wal.push("-wal");
        assert!(
            Path::new(&wal).exists(),
            "round {round}: the other program took the app's write-ahead log away"
        );
        app.send("3");
        app.wait_for("Caregivers");
        app.send("\r");
        app.wait_for("Visit ");
        app.send("q");
        app.finish();
        assert_eq!(
            view_rows(&db),
            before + 1,
            "round {round}: the opening of the family was lost"
        );
        hembesok(&db).arg("check").assert().success();
    }
}

fn key_file(dir: &Path, name: &str, passphrase: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("{passphrase}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    path
}

fn families_with(db: &Path, key: Option<&Path>) -> i64 {
    let key = key.map(|k| hembesok::ops::key::read_key_file(k).unwrap());
    hembesok::db::connect(db, hembesok::db::Mode::Read, key.as_ref())
        .unwrap()
        .read(|tx| tx.counts())
        .unwrap()
        .families
}

/// An import racing `encrypt`, `rekey` or `decrypt`: either the import ran first and the
/// conversion waited its turn (refused while the import has the file), or the conversion ran
/// and the import found the file changed and wrote nothing. An import that says it imported its
/// rows always has them in the file, and the file always opens with the key it should.
#[cfg(unix)]
#[test]
fn an_import_beside_a_whole_file_command_loses_no_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    hembesok(&db)
        .args(["import", "staff"])
        .arg(super::common::fixture("staff_ok.csv"))
        .assert()
        .success();
    let keys = [
        key_file(dir.path(), "k1", "first passphrase"),
        key_file(dir.path(), "k2", "second passphrase"),
    ];
    let mut key: Option<std::path::PathBuf> = None;
    let mut families = 0;
    let mut rng = fastrand::Rng::with_seed(15);
    let (mut imported, mut converted) = (0, 0);
    let total = rounds(9);
    let rows = if total > 9 { 20_000 } else { 1500 };
    for round in 0..total {
        let csv = dir.path().join(format!("r{round}.csv"));
        super::families_csv(&csv, &format!("R{round}"), rows);
        let mut import = std::process::Command::new(assert_cmd::cargo::cargo_bin("hembesok"));
        import
            .arg("--db")
            .arg(&db)
            .args(["import", "families"])
            .arg(&csv)
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        if let Some(k) = &key {
            import.arg("--key-file").arg(k);
        }
        // Either may start first; the other follows a moment later.
        let import_first = round % 2 == 0;
        let pause = Duration::from_millis(rng.u64(0..150));
        let next = &keys[round % 2];
        let mut convert = std::process::Command::new(assert_cmd::cargo::cargo_bin("hembesok"));
        convert
            .arg("--db")
            .arg(&db)
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"));
        let after = match &key {
            None => {
                convert.args(["encrypt", "--key-file"]).arg(next);
                Some(next.clone())
            }
            Some(k) if round % 3 == 2 => {
                convert.args(["decrypt", "--key-file"]).arg(k);
                None
            }
            Some(k) => {
                convert
                    .args(["rekey", "--key-file"])
                    .arg(k)
                    .arg("--new-key-file")
                    .arg(next);
                Some(next.clone())
            }
        };
        convert
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let (import, convert) = if import_first {
            let import = import.spawn().unwrap();
            std::thread::sleep(pause);
            (import, convert.spawn().unwrap())
        } else {
            let convert = convert.spawn().unwrap();
            std::thread::sleep(pause);
            (import.spawn().unwrap(), convert)
        };
        let convert = convert.wait_with_output().unwrap();
        let import = import.wait_with_output().unwrap();
        assert_ne!(import.status.code(), Some(101), "round {round}: a panic");
        assert_ne!(convert.status.code(), Some(101), "round {round}: a panic");
        if convert.status.success() {
            key = after;
            converted += 1;
        }
        if import.status.success() {
            families += rows as i64;
            imported += 1;
        }
        assert_eq!(
            families_with(&db, key.as_deref()),
            families,
            "round {round}: import said {:?} ({}), conversion said {:?}",
            import.status,
            String::from_utf8_lossy(&import.stderr).trim(),
            String::from_utf8_lossy(&convert.stderr).trim()
        );
        let mut check = hembesok(&db);
        check.arg("check");
        if let Some(k) = &key {
            check.arg("--key-file").arg(k);
        }
        check.assert().success();
    }
    println!("{imported} imports and {converted} conversions of {total} rounds went through");
}

/// A hard link is a second name for the database: each name would get its own lock and its
/// own write-ahead log. It is refused by both names, and nothing is written.
#[cfg(unix)]
#[test]
fn a_database_with_a_second_name_is_refused_by_both() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    import_all(&db);
    let before = super::family_count(&db);
    let other = dir.path().join("other-name.sqlite");
    std::fs::hard_link(&db, &other).unwrap();
    let csv = dir.path().join("more.csv");
    super::families_csv(&csv, "L", 20);
    for name in [&db, &other] {
        hembesok(name)
            .args(["import", "families"])
            .arg(&csv)
            .assert()
            .failure()
            .stderr(predicates::str::contains("has 2 names (hard links)"));
    }
    std::fs::remove_file(&other).unwrap();
    assert_eq!(super::family_count(&db), before);
    hembesok(&db)
        .args(["import", "families"])
        .arg(&csv)
        .assert()
        .success();
}

/// Under a write lock held by another program, a backup, a report or a calendar cannot write
/// its audit row: each fails, and the file that was at its target is there as it was (the old
/// file or the whole new one, never neither).
#[test]
fn a_failed_export_or_backup_leaves_the_file_it_would_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("locked.sqlite");
    import_all(&db);
    super::common::report_config(&db);
    let bak = dir.path().join("old.bak");
    let csv = dir.path().join("old.csv");
    let ics = dir.path().join("old.ics");
    let cal = dir.path().join("cal");
    hembesok(&db).arg("backup").arg(&bak).assert().success();
    hembesok(&db)
        .args(["report", "--quarter", "2026Q3", "--format", "csv", "--out"])
        .arg(&csv)
        .assert()
        .success();
    hembesok(&db)
        .args(["calendar", "--staff", "anna", "--week", "2026-W48", "--out"])
        .arg(&ics)
        .assert()
        .success();
    hembesok(&db)
        .args(["calendar", "--all", "--week", "2026-W48", "--dir"])
        .arg(&cal)
        .assert()
        .success();
    let snapshot = |path: &Path| -> Vec<(String, Vec<u8>)> {
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .unwrap()
                .flatten()
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read(e.path()).unwrap(),
                    )
                })
                .collect();
            files.sort();
            files
        } else {
            vec![(String::new(), std::fs::read(path).unwrap())]
        }
    };
    let before: Vec<_> = [&bak, &csv, &ics, &cal]
        .iter()
        .map(|p| snapshot(p))
        .collect();
    // Another quarter and another week, so that every file would change.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("hembesok"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("XDG_CONFIG_HOME", db.with_file_name("no-config-here"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let children = vec![
        run(&["backup".as_ref(), "--force".as_ref(), bak.as_os_str()]),
        run(&[
            "report".as_ref(),
            "--quarter".as_ref(),
            "2026Q4".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            "--out".as_ref(),
            csv.as_os_str(),
        ]),
        run(&[
            "calendar".as_ref(),
            "--staff".as_ref(),
            "anna".as_ref(),
            "--week".as_ref(),
            "2026-W49".as_ref(),
            "--out".as_ref(),
            ics.as_os_str(),
        ]),
        run(&[
            "calendar".as_ref(),
            "--all".as_ref(),
            "--week".as_ref(),
            "2026-W49".as_ref(),
            "--dir".as_ref(),
            cal.as_os_str(),
        ]),
    ];
    for mut child in children {
        assert!(
            !child.wait().unwrap().success(),
            "a write under another's lock succeeded"
        );
    }
    holder.execute_batch("ROLLBACK").unwrap();
    let after: Vec<_> = [&bak, &csv, &ics, &cal]
        .iter()
        .map(|p| snapshot(p))
        .collect();
    assert!(
        before == after,
        "a file was lost or changed without its record"
    );
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .chain(std::fs::read_dir(&cal).unwrap())
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            let ext = Path::new(n).extension().unwrap_or_default();
            ext.eq_ignore_ascii_case("partial") || ext.eq_ignore_ascii_case("old")
        })
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// A backup killed while it copied leaves a full copy of the register under a hidden name;
/// the next backup to that place removes it (a copy of a process still running is left).
#[cfg(target_os = "linux")]
#[test]
fn the_copy_a_killed_backup_left_is_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    import_all(&db);
    let target = dir.path().join("copy.sqlite");
    let left = dir
        .path()
        .join(format!(".copy.sqlite.{}.partial", u32::MAX));
    std::fs::copy(&db, &left).unwrap();
    hembesok(&db).arg("backup").arg(&target).assert().success();
    assert!(!left.exists(), "the killed backup's copy is still there");
    assert!(target.exists());
}

/// An endless file (a device) or one larger than any register is refused before it is read
/// whole, with the file named and what to do.
#[cfg(unix)]
#[test]
fn an_endless_or_huge_import_file_is_refused_before_it_fills_the_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    hembesok(&db)
        .args(["import", "families", "/dev/zero"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("is larger than 64 MB"));
    assert!(!db.exists(), "no database was made for a refused file");
}
