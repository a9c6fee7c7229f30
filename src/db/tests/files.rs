//! Files: what is refused, upgrades, backups, the audit chain across versions.

use super::*;
use crate::db::values::{parse_date, parse_datetime};

#[test]
fn changed_programme_content_needs_a_new_version() {
    let mut db = Db::open_in_memory().unwrap();
    let p = builtin_programmes().unwrap().remove(0);
    db.write(|tx| tx.ensure_programme(&p, "one")).unwrap();
    db.write(|tx| tx.ensure_programme(&p, "one")).unwrap();
    let err = db.write(|tx| tx.ensure_programme(&p, "two")).unwrap_err();
    assert!(err.to_string().contains("raise `version`"), "{err}");
}

#[test]
fn refuses_files_that_are_not_ours_and_leaves_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.sqlite", vec![], "empty file"),
        (
            "garbage.sqlite",
            b"not a database at all, just text".repeat(10),
            "not a hembesok database",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let err = connect(&path, Mode::Create, None).unwrap_err().to_string();
        assert!(err.contains(expected), "{name}: {err}");
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was changed");
    }
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES (1);")
        .unwrap();
    let before = fs::read(&other).unwrap();
    let err = connect(&other, Mode::Create, None).unwrap_err().to_string();
    assert!(err.contains("another program's SQLite database"), "{err}");
    assert_eq!(fs::read(&other).unwrap(), before);
}

#[test]
fn refuses_a_database_from_a_newer_program() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    drop(connect(&path, Mode::Create, None).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    let err = connect(&path, Mode::Create, None).unwrap_err();
    assert!(matches!(err, DbError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer hembesok"));
}

#[test]
fn refuses_cloud_synced_folders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Dropbox/hembesok.sqlite");
    let err = connect(&path, Mode::Create, None).unwrap_err().to_string();
    assert!(err.contains("cloud-synced"), "{err}");
    assert!(!path.exists());
}

/// The schema a fresh database gets, as text, for comparing migration paths.
fn schema_of(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(format!(
            "{}|{}|{}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?
        ))
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

#[test]
fn every_earlier_version_upgrades_to_the_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = connect(&dir.path().join("fresh.sqlite"), Mode::Create, None).unwrap();
    let expected = schema_of(&fresh.conn);
    // Version 0 is a file we have just created: `Db::open` makes it, as in `suite_on_a_file`.
    let earlier: Vec<i64> = (1..LATEST_VERSION).collect();
    for start in earlier {
        let path = dir.path().join(format!("from-{start}.sqlite"));
        let db = super::db_at_version(&path, start);
        drop(db);
        let mut db = connect(&path, Mode::Create, None).unwrap();
        assert_eq!(
            schema_of(&db.conn),
            expected,
            "upgrade from version {start}"
        );
        assert!(db.check().iter().all(|c| c.ok), "from {start}");
    }
    assert_eq!(MIGRATIONS.len() as i64, LATEST_VERSION);
}

#[test]
fn backup_is_verified_private_and_never_overwrites_by_accident() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = connect(&dir.path().join("live.sqlite"), Mode::Create, None).unwrap();
    db.write(|tx| {
        let v = store_goteborg(tx);
        tx.insert_family(&sample_family("F-9"), v, now())
    })
    .unwrap();
    let target = dir.path().join("copy.sqlite");
    db.backup(&target, false).unwrap();
    let mut copy = connect(&target, Mode::Create, None).unwrap();
    assert_eq!(copy.read(|tx| tx.counts()).unwrap().families, 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let err = db.backup(&target, false).unwrap_err().to_string();
    assert!(err.contains("already exists"), "{err}");
    db.backup(&target, true).unwrap();
    let err = db
        .backup(&dir.path().join("live.sqlite"), true)
        .unwrap_err()
        .to_string();
    assert!(err.contains("database itself"), "{err}");
    let leftovers = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("partial")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn stored_dates_and_times_parse_and_refuse_garbage() {
    assert_eq!(
        parse_date("2024-02-29").unwrap(),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
    );
    assert_eq!(
        parse_datetime("2026-11-23 09:05").unwrap(),
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap()
    );
    for bad in [
        "2023-02-29",
        "2026-13-01",
        "2026-1-01",
        "20261101",
        "2026-11-01x",
        "",
    ] {
        assert!(parse_date(bad).is_err(), "{bad}");
    }
    for bad in [
        "2026-11-23 24:00",
        "2026-11-23 9:05",
        "2026-11-23T09:05",
        "2026-11-23 09:60",
    ] {
        assert!(parse_datetime(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_second_connection_sees_a_new_database_as_ours_at_once() {
    // A new database's stamp must be in the file itself, not only in the write-ahead log, while
    // the first connection is still open (the app's background reader opens it at once).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    let first = connect(&path, Mode::Create, None).unwrap();
    let second = connect(&path, Mode::Create, None);
    assert!(second.is_ok(), "{:?}", second.err());
    drop(first);
}

#[test]
fn a_stamp_still_in_the_wal_is_found_through_sqlite() {
    // A file whose header still says 0 while the write-ahead log holds our stamp (as after a
    // crash right after creation): it is ours, and must not be refused as another program's.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wal.sqlite");
    let raw = super::raw_open(&path).unwrap();
    raw.execute_batch(&format!(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA application_id = {APPLICATION_ID}; CREATE TABLE t (x);"
    ))
    .unwrap();
    let header = fs::read(&path).unwrap();
    assert_eq!(
        &header[68..72],
        &[0, 0, 0, 0],
        "the stamp is only in the WAL"
    );
    let opened = connect(&path, Mode::Create, None);
    assert!(opened.is_ok(), "{:?}", opened.err());
    drop(raw);
    // Without our stamp anywhere, the same kind of file is still refused.
    let other = dir.path().join("other.sqlite");
    let raw = Connection::open(&other).unwrap();
    raw.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x);",
    )
    .unwrap();
    assert!(connect(&other, Mode::Create, None).is_err());
}

#[cfg(unix)]
#[test]
fn a_backup_is_private_while_it_is_written_not_only_when_done() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.sqlite");
    let mut db = connect(&path, Mode::Create, None).unwrap();
    // Some 30 MB, so that the copy takes long enough to be looked at while it is written.
    db.write(|tx| {
        tx.tx.execute_batch(
            "CREATE TABLE filler (x BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
             INSERT INTO filler SELECT randomblob(1000) FROM n;",
        )?;
        Ok::<_, DbError>(())
    })
    .unwrap();
    let target = dir.path().join("copy.sqlite");
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let folder = dir.path().to_path_buf();
    let watcher = std::thread::spawn(move || {
        let mut seen = Vec::new();
        while done_rx.try_recv().is_err() {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                if name.starts_with(".copy.sqlite")
                    && let Ok(meta) = entry.metadata()
                {
                    seen.push((name, meta.permissions().mode() & 0o777));
                }
            }
        }
        seen
    });
    db.backup(&target, false).unwrap();
    done_tx.send(()).unwrap();
    let seen = watcher.join().unwrap();
    assert!(!seen.is_empty(), "the copy was never seen while written");
    let open: Vec<_> = seen.iter().filter(|(_, mode)| *mode != 0o600).collect();
    assert!(
        open.is_empty(),
        "{} looks at files readable by others while written, e.g. {:?}",
        open.len(),
        open.first()
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        // The database's instance lock stays beside it, by design.
        .filter(|n| n.starts_with('.') && !has_lock_suffix(n))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn rows_logged_before_the_chain_existed_are_sealed_into_it_at_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.sqlite");
    let mut conn = super::raw_open(&path).unwrap();
    migrate_to(&mut conn, &path, 3).unwrap();
    conn.execute_batch(
        "INSERT INTO audit (at, actor, action, entity) VALUES ('2026-01-01 09:00:00', 'a', 'view', 'family');
         INSERT INTO audit (at, actor, action, entity, detail) VALUES ('2026-01-02 09:00:00', 'b', 'import', 'staff', '3 rows');",
    )
    .unwrap();
    drop(conn);
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let chain = super::audit::verify_chain(&db.conn).unwrap();
    assert!(
        matches!(chain, super::audit::ChainState::Whole { rows: 2, .. }),
        "{chain:?}"
    );
    // New rows carry on from the sealed ones, and the head moves with each.
    let head = db.read(|tx| tx.audit_head()).unwrap();
    db.write(|tx| {
        tx.insert_audit(&AuditEntry {
            at: now(),
            actor: "c".into(),
            action: crate::domain::enums::AuditAction::Backup,
            entity: crate::domain::enums::AuditEntity::Database,
            entity_id: None,
            detail: None,
        })
    })
    .unwrap();
    assert_ne!(db.read(|tx| tx.audit_head()).unwrap(), head);
    assert!(db.check().iter().all(|c| c.ok));
}

#[test]
fn a_write_into_a_file_replaced_meanwhile_is_refused_and_the_new_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite");
    let mut db = connect(&path, Mode::Create, None).unwrap();
    let copy = dir.path().join("copy.sqlite");
    db.backup(&copy, false).unwrap();
    // Another program puts another file at the database's name.
    fs::rename(&copy, &path).unwrap();
    let entry = crate::domain::model::AuditEntry {
        at: chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        actor: "a".into(),
        action: crate::domain::enums::AuditAction::View,
        entity: crate::domain::enums::AuditEntity::Family,
        entity_id: Some(1),
        detail: None,
    };
    let err = db.write(|tx| tx.insert_audit(&entry)).unwrap_err();
    assert!(matches!(err, DbError::FileReplaced { .. }), "{err:?}");
    assert!(err.to_string().contains("replaced or removed"), "{err}");
    drop(db);
    let fresh = connect(&path, Mode::Read, None)
        .unwrap()
        .read(|tx| tx.counts());
    assert_eq!(fresh.unwrap().audit, 0, "nothing went into the new file");
}

fn has_lock_suffix(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("lock"))
}

#[cfg(unix)]
#[test]
fn a_creation_killed_after_its_link_leaves_a_name_that_the_next_open_removes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite");
    drop(connect(&path, Mode::Create, None).unwrap());
    // The temporary name a killed creation leaves, still linked to the database.
    let leftover = dir.path().join(".h.sqlite.4242.new");
    fs::hard_link(&path, &leftover).unwrap();
    drop(connect(&path, Mode::Write, None).unwrap());
    assert!(
        !leftover.exists(),
        "the creation's leftover name was removed"
    );
    // Any other second name is the user's: it is refused, and left as it is.
    let other = dir.path().join("copy-by-link.sqlite");
    fs::hard_link(&path, &other).unwrap();
    let err = connect(&path, Mode::Write, None).unwrap_err().to_string();
    assert!(err.contains("2 names"), "{err}");
    assert!(other.exists());
}

#[test]
fn a_file_of_an_earlier_schema_is_said_to_be_upgraded_once_a_new_one_never() {
    use std::sync::Mutex;
    static SAID: Mutex<Vec<(std::path::PathBuf, i64, i64)>> = Mutex::new(Vec::new());
    super::super::on_upgrade(Box::new(|path, from, to| {
        SAID.lock().unwrap().push((path.to_path_buf(), from, to));
    }));
    let said_of = |path: &std::path::Path| -> Vec<(i64, i64)> {
        SAID.lock()
            .unwrap()
            .iter()
            .filter(|(p, _, _)| p == path)
            .map(|(_, from, to)| (*from, *to))
            .collect()
    };
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v21.sqlite");
    let db = super::db_at_version(&old, 21);
    drop(db);
    drop(connect(&old, Mode::Create, None).unwrap());
    assert_eq!(said_of(&old), [(21, LATEST_VERSION)]);
    drop(connect(&old, Mode::Create, None).unwrap());
    assert_eq!(
        said_of(&old),
        [(21, LATEST_VERSION)],
        "once: it is current now"
    );
    let new = dir.path().join("new.sqlite");
    drop(connect(&new, Mode::Create, None).unwrap());
    assert!(
        SAID.lock()
            .unwrap()
            .iter()
            .all(|(p, _, _)| !p.starts_with(&new)),
        "a file just made is not upgraded"
    );
}
