//! Encryption at rest through the real binary: a demo database encrypted, opened with the
//! right key only, backed up, restored, checked, decrypted and rekeyed.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// The binary on `db`, with no key unless given and no terminal to be asked on.
fn cmd(db: &Path) -> Command {
    let mut cmd = common::hembesok(db);
    cmd.env_remove("HEMBESOK_KEY_FILE").write_stdin("");
    cmd
}

/// hembesok with the passphrase from `key`.
fn keyed(db: &Path, key: &Path) -> Command {
    let mut cmd = cmd(db);
    cmd.arg("--key-file").arg(key);
    cmd
}

fn key_file(dir: &Path, name: &str, passphrase: &str, mode: u32) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    fs::write(&path, format!("{passphrase}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
    path
}

fn demo(db: &Path) {
    cmd(db)
        .args([
            "demo",
            "--families",
            "40",
            "--seed",
            "3",
            "--today",
            "2026-11-22",
        ])
        .assert()
        .success();
}

/// Every family's and caregiver's name, read from the plain file.
fn names(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT display_name FROM family UNION SELECT name FROM caregiver")
        .unwrap();
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(names.len() >= 40, "{names:?}");
    names
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn assert_encrypted(path: &Path, names: &[String]) {
    let bytes = fs::read(path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"), "{}", path.display());
    for name in names {
        assert!(!contains(&bytes, name), "{name} in {}", path.display());
    }
}

fn families(db: &Path, key: &Path) -> String {
    let out = keyed(db, key).arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn an_encrypted_demo_hides_its_names_and_opens_only_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reg.sqlite");
    demo(&db);
    let names = names(&db);
    assert!(
        contains(&fs::read(&db).unwrap(), &names[0]),
        "the test reads names"
    );
    let key = key_file(dir.path(), "key", "rätt lösen med ' och \"", 0o600);
    keyed(&db, &key)
        .arg("encrypt")
        .assert()
        .success()
        .stdout(predicate::str::contains("is now encrypted"));
    assert_encrypted(&db, &names);
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(&db).unwrap().permissions().mode() & 0o777
    };
    assert_eq!(mode, 0o600);
    let check = families(&db, &key);
    assert!(check.contains("full check         ok"), "{check}");
    assert!(check.contains("40 families"), "{check}");

    // A wrong key: said so, and not a byte changed.
    let before = fs::read(&db).unwrap();
    let wrong = key_file(dir.path(), "wrong", "fel lösen", 0o600);
    keyed(&db, &wrong)
        .args(["audit"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("wrong passphrase"));
    cmd(&db)
        .args(["--lang", "sv", "--key-file"])
        .arg(&wrong)
        .arg("check")
        .assert()
        .failure()
        .stderr(predicate::str::contains("fel lösenfras"));
    assert_eq!(fs::read(&db).unwrap(), before);

    // No key and no terminal: how to give one, not "not a hembesok database".
    cmd(&db)
        .arg("audit")
        .assert()
        .failure()
        .stderr(predicate::str::contains("is encrypted"))
        .stderr(predicate::str::contains("--key-file"));
    cmd(&db)
        .arg("decrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("no terminal"));
    // A key file others can read is refused, before the database is touched.
    let open = key_file(dir.path(), "open", "rätt lösen med ' och \"", 0o644);
    keyed(&db, &open)
        .arg("check")
        .assert()
        .failure()
        .stderr(predicate::str::contains("can be read by others"))
        .stderr(predicate::str::contains("chmod 600"));
    // The same through the environment.
    cmd(&db)
        .env("HEMBESOK_KEY_FILE", &key)
        .arg("audit")
        .assert()
        .success()
        .stdout(predicate::str::contains("encrypt"));
    assert_eq!(fs::read(&db).unwrap().len() % 1024, 0);
    // Encrypting twice is refused.
    keyed(&db, &key)
        .arg("encrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("already encrypted"));
}

#[test]
fn backups_of_an_encrypted_database_stay_encrypted_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reg.sqlite");
    demo(&db);
    let names = names(&db);
    let key = key_file(dir.path(), "key", "ett långt lösen", 0o600);
    keyed(&db, &key).arg("encrypt").assert().success();
    let backup = dir.path().join("copy.sqlite");
    keyed(&db, &key)
        .arg("backup")
        .arg(&backup)
        .assert()
        .success();
    assert_encrypted(&backup, &names);
    let check = families(&backup, &key);
    assert!(check.contains("40 families"), "{check}");
    cmd(&backup).arg("check").assert().failure();

    keyed(&db, &key)
        .arg("restore")
        .arg(&backup)
        .assert()
        .success()
        .stdout(predicate::str::contains("40 families"));
    assert_encrypted(&db, &names);
    let check = families(&db, &key);
    assert!(check.contains("audit chain        ok"), "{check}");
    // The safety copy made before the restore is encrypted too.
    let safety: Vec<PathBuf> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(safety.len(), 1);
    assert_encrypted(&safety[0], &names);
}

/// A new passphrase from a file is held to the rule for one typed: ten characters at least.
#[test]
fn a_short_new_passphrase_in_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reg.sqlite");
    demo(&db);
    let before = fs::read(&db).unwrap();
    let short = key_file(dir.path(), "short", "x", 0o600);
    keyed(&db, &short)
        .arg("encrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("at least 10 characters"));
    assert_eq!(fs::read(&db).unwrap(), before, "nothing was changed");
    let good = key_file(dir.path(), "good", "tio tecken minst", 0o600);
    keyed(&db, &good).arg("encrypt").assert().success();
    keyed(&db, &good)
        .arg("rekey")
        .arg("--new-key-file")
        .arg(&short)
        .assert()
        .failure()
        .stderr(predicate::str::contains("at least 10 characters"));
    families(&db, &good);
}

#[test]
fn decrypt_and_rekey_keep_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reg.sqlite");
    demo(&db);
    let names_before = names(&db);
    let counts = common::counts(&db);
    let old = key_file(dir.path(), "old", "gammal lösenfras", 0o600);
    let new = key_file(dir.path(), "new", "ny lösenfras", 0o400);
    keyed(&db, &old).arg("encrypt").assert().success();

    keyed(&db, &old)
        .arg("rekey")
        .arg("--new-key-file")
        .arg(&new)
        .assert()
        .success()
        .stdout(predicate::str::contains("new passphrase"));
    assert_encrypted(&db, &names_before);
    keyed(&db, &old)
        .arg("check")
        .assert()
        .failure()
        .stderr(predicate::str::contains("wrong passphrase"));
    families(&db, &new);

    keyed(&db, &new)
        .arg("decrypt")
        .assert()
        .success()
        .stdout(predicate::str::contains("no longer encrypted"));
    assert!(fs::read(&db).unwrap().starts_with(b"SQLite format 3"));
    assert_eq!(names(&db), names_before);
    let after = common::counts(&db);
    assert_eq!(after.families, counts.families);
    assert_eq!(after.visits, counts.visits);
    // encrypt, rekey and decrypt are each in the log.
    assert_eq!(after.audit, counts.audit + 3);
    cmd(&db).arg("check").assert().success();
    // A plain database with a key is said so.
    keyed(&db, &new)
        .arg("check")
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not encrypted"));
    cmd(&db)
        .arg("decrypt")
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not encrypted"));
}

#[test]
fn encrypt_waits_for_no_window_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reg.sqlite");
    demo(&db);
    let before = fs::read(&db).unwrap();
    let key = key_file(dir.path(), "key", "ett långt lösen", 0o600);
    let window = hembesok::db::InstanceLock::shared(&db).unwrap();
    for command in ["encrypt", "decrypt", "rekey"] {
        keyed(&db, &key)
            .arg(command)
            .assert()
            .failure()
            .stderr(predicate::str::contains(
                "open in another hembesok window or command",
            ));
    }
    assert_eq!(fs::read(&db).unwrap(), before);
    drop(window);
    keyed(&db, &key).arg("encrypt").assert().success();
}

/// Backups made before `encrypt` are copies of the plain file: encrypting says which are still
/// there, so none is forgotten with every name in it.
#[test]
fn encrypt_names_the_earlier_backups_that_stay_plain() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reg.sqlite");
    demo(&db);
    let old = dir.path().join("before.bak");
    cmd(&db).arg("backup").arg(&old).assert().success();
    let gone = dir.path().join("gone.bak");
    cmd(&db).arg("backup").arg(&gone).assert().success();
    fs::remove_file(&gone).unwrap();
    let key = key_file(dir.path(), "key", "ett långt lösen", 0o600);
    let out = keyed(&db, &key).arg("encrypt").output().unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("earlier backups are not encrypted"), "{said}");
    assert!(said.contains("before.bak"), "{said}");
    assert!(
        !said.contains("gone.bak"),
        "a removed backup is not listed: {said}"
    );
}
