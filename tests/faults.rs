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
