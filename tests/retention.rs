//! Retention (*gallring*) through the real binary: the dry run changes nothing, `--apply`
//! leaves no name of an anonymised family anywhere in the file's bytes, and a family still
//! active is untouched.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::path::Path;

use common::hembesok;
use rusqlite::Connection;

const ENDED: &str = "status IN ('exited','completed','declined')
    AND COALESCE(exited_on, offered_on, enrolled_on) < '2026-11-24'";

fn demo(db: &Path) {
    hembesok(db)
        .args(["demo", "--families", "120", "--today", "2026-11-23"])
        .assert()
        .success();
}

/// Every text that names or reaches a person in the families `filter` picks.
fn personal_texts(conn: &Connection, filter: &str) -> Vec<String> {
    let sql = format!(
        "SELECT family_ref FROM family WHERE {filter}
         UNION SELECT display_name FROM family WHERE {filter}
         UNION SELECT address FROM family WHERE {filter} AND address IS NOT NULL
         UNION SELECT phone FROM family WHERE {filter} AND phone IS NOT NULL
         UNION SELECT name FROM caregiver WHERE family_id IN (SELECT id FROM family WHERE {filter})
         UNION SELECT id_value FROM caregiver WHERE id_value IS NOT NULL
             AND family_id IN (SELECT id FROM family WHERE {filter})
         UNION SELECT name FROM child WHERE family_id IN (SELECT id FROM family WHERE {filter})
         UNION SELECT given_by FROM consent WHERE family_id IN (SELECT id FROM family WHERE {filter})"
    );
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|t| !t.is_empty())
        .collect()
}

fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    if let Ok(wal) = std::fs::read(db.with_extension("sqlite-wal")) {
        bytes.extend(wal);
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn family_rows(conn: &Connection, filter: &str) -> Vec<String> {
    let sql = format!(
        "SELECT f.family_ref || f.display_name || coalesce(f.address,'') || coalesce(f.phone,'')
              || f.status || coalesce(f.area,'') || coalesce(c.name,'') || coalesce(k.name,'')
         FROM family f LEFT JOIN caregiver c ON c.family_id = f.id
              LEFT JOIN child k ON k.family_id = f.id
         WHERE {filter} ORDER BY f.id, c.id, k.id"
    );
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn the_dry_run_counts_without_names_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    demo(&db);
    let names = personal_texts(&Connection::open(&db).unwrap(), ENDED);
    assert!(!names.is_empty(), "the demo has families that ended");
    let before = std::fs::read(&db).unwrap();
    let out = hembesok(&db)
        .args(["retention", "--before", "2026-11-24"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("nothing was changed"), "{text}");
    for name in &names {
        assert!(!text.contains(name.as_str()), "the dry run shows {name}");
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the dry run changed the file"
    );
    assert!(
        !db.with_extension("sqlite-wal").exists() || {
            std::fs::metadata(db.with_extension("sqlite-wal"))
                .unwrap()
                .len()
                == 0
        }
    );
}

#[test]
fn apply_waits_until_the_app_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    demo(&db);
    let names = personal_texts(&Connection::open(&db).unwrap(), ENDED);
    let app_window = hembesok::db::InstanceLock::shared(&db).unwrap();
    let out = hembesok(&db)
        .args(["retention", "--before", "2026-11-24", "--apply"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains("open in another hembesok window or command"),
        "{said}"
    );
    assert_eq!(
        personal_texts(&Connection::open(&db).unwrap(), ENDED),
        names,
        "nothing was anonymised"
    );
    drop(app_window);
    hembesok(&db)
        .args(["retention", "--before", "2026-11-24", "--apply"])
        .assert()
        .success();
}

#[test]
fn applied_no_name_of_an_anonymised_family_is_left_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    demo(&db);
    let (names, active_before, kept_texts) = {
        let conn = Connection::open(&db).unwrap();
        let kept = personal_texts(&conn, &format!("NOT ({ENDED})"));
        let staff: Vec<String> = conn
            .prepare("SELECT name FROM staff")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        (
            personal_texts(&conn, ENDED),
            family_rows(&conn, "f.status = 'active'"),
            [kept, staff].concat(),
        )
    };
    assert!(!active_before.is_empty());
    let out = hembesok(&db)
        .args(["retention", "--before", "2026-11-24", "--apply"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("without their names"), "{text}");
    {
        let conn = Connection::open(&db).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        assert_eq!(
            family_rows(&conn, "f.status = 'active'"),
            active_before,
            "an active family changed"
        );
        let left: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM family WHERE {ENDED} AND display_name <> ''"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
    }
    let bytes = file_bytes(&db);
    // A name another family or a staff member also has is still rightly in the file.
    let gone: Vec<&String> = names
        .iter()
        .filter(|n| n.len() >= 4 && !kept_texts.iter().any(|k| k.contains(n.as_str())))
        .collect();
    assert!(gone.len() > 10, "too few distinct names to test: {gone:?}");
    let found: Vec<&&String> = gone.iter().filter(|n| contains(&bytes, n)).collect();
    assert!(found.is_empty(), "still in the file's bytes: {found:?}");
    hembesok(&db).arg("check").assert().success();
    let audit = hembesok(&db).arg("audit").output().unwrap();
    assert!(
        String::from_utf8(audit.stdout)
            .unwrap()
            .contains("retention")
    );
    // A second run finds nothing more.
    let again = hembesok(&db)
        .args(["retention", "--before", "2026-11-24"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(again.stdout)
            .unwrap()
            .contains("before 2026-11-24: 0 ("),
    );
}

/// With another connection reading (the app open on the file, say), the WAL cannot be emptied:
/// the run still anonymises, and says that removed names may remain until it runs again.
#[test]
fn applied_under_an_open_reader_says_the_file_is_not_wiped_yet() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    demo(&db);
    let reader = Connection::open(&db).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let _: i64 = reader
        .query_row("SELECT count(*) FROM family", [], |r| r.get(0))
        .unwrap();
    let out = hembesok(&db)
        .args(["retention", "--before", "2026-11-24", "--apply"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("could not be rewritten now"), "{text}");
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    let again = hembesok(&db)
        .args(["retention", "--before", "2026-11-24", "--apply"])
        .output()
        .unwrap();
    let text = String::from_utf8(again.stdout).unwrap();
    assert!(text.contains("anonymised 0 families"), "{text}");
    assert!(text.contains("without their names"), "{text}");
}
