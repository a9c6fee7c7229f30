//! The audit log's chain against someone who can write the file: cuts at the end, rows
//! rewritten with their hashes recomputed, times that go backwards. The chain alone cannot see
//! a cut or a recomputation; a head kept elsewhere can.

use std::path::Path;

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use super::common::{hembesok, import_all};

fn head(db: &Path) -> String {
    let out = hembesok(db).args(["audit", "--head"]).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// An audit row as the chain covers it.
struct Row {
    id: i64,
    at: String,
    actor: String,
    action: String,
    entity: String,
    entity_id: Option<i64>,
    detail: Option<String>,
}

/// The chain's hash of a row, as hembesok computes it: SHA-256 over the previous hash and each
/// field, each preceded by its length.
fn row_hash(prev: &str, row: &Row) -> String {
    use std::fmt::Write as _;
    let id = row.id.to_string();
    let entity_id = row.entity_id.map(|i| i.to_string()).unwrap_or_default();
    let mut h = Sha256::new();
    for field in [
        prev,
        &id,
        &row.at,
        &row.actor,
        &row.action,
        &row.entity,
        &entity_id,
        row.detail.as_deref().unwrap_or("\u{0}"),
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    h.finalize().iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// What someone with write access and the program's source can do: drop the append-only
/// triggers, change rows, recompute every hash from the first changed row on, and put the
/// triggers back.
fn rewrite(db: &Path, change: &str) {
    let conn = Connection::open(db).unwrap();
    let triggers: Vec<String> = conn
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_no_replace;",
    )
    .unwrap();
    conn.execute_batch(change).unwrap();
    let rows: Vec<Row> = conn
        .prepare("SELECT id, at, actor, action, entity, entity_id, detail FROM audit ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok(Row {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                detail: r.get(6)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut prev = "0".repeat(64);
    for row in rows {
        let hash = row_hash(&prev, &row);
        conn.execute(
            "UPDATE audit SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            rusqlite::params![row.id, prev, hash],
        )
        .unwrap();
        prev = hash;
    }
    for sql in triggers {
        conn.execute_batch(&sql).unwrap();
    }
}

fn check(db: &Path, head: Option<&str>) -> (bool, String) {
    let mut cmd = hembesok(db);
    cmd.arg("check");
    if let Some(head) = head {
        cmd.args(["--head", head]);
    }
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn newest_rows_cut_off_pass_the_chain_but_not_a_head_kept_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    import_all(&db);
    let kept = head(&db);
    assert!(kept.starts_with("6:"), "{kept}");
    assert!(check(&db, Some(&kept)).0, "the head of now passes");
    rewrite(&db, "DELETE FROM audit WHERE id >= 5;");
    let (ok, text) = check(&db, None);
    assert!(ok, "the chain alone cannot see a cut at its end: {text}");
    let (ok, text) = check(&db, Some(&kept));
    assert!(!ok);
    assert!(
        text.contains("chain head") && text.contains("is not in the log"),
        "{text}"
    );
}

#[test]
fn a_log_rewritten_and_recomputed_fails_a_head_kept_elsewhere_and_backwards_time_fails_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    import_all(&db);
    let kept = head(&db);
    // The hash alone (as an older report file carries it) is enough too.
    let hash_only = kept.split_once(':').unwrap().1.to_string();
    rewrite(&db, "UPDATE audit SET actor = 'someone else' WHERE id = 2;");
    let (ok, text) = check(&db, None);
    assert!(ok, "a recomputed chain holds by itself: {text}");
    for held in [&kept, &hash_only] {
        let (ok, text) = check(&db, Some(held));
        assert!(!ok, "{text}");
    }
    assert!(check(&db, Some(&kept)).1.contains("rewritten"));
    rewrite(
        &db,
        "UPDATE audit SET at = '2001-01-01 00:00:00' WHERE id = 4;",
    );
    let (ok, text) = check(&db, None);
    assert!(!ok);
    assert!(
        text.contains("audit times") && text.contains("row 4 is logged before"),
        "{text}"
    );
    let out = hembesok(&db).arg("audit").output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("WARNING"),
        "audit warns first"
    );
}

#[test]
fn a_broken_log_is_backed_up_with_a_warning_and_audit_warns_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite");
    import_all(&db);
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'x' WHERE id = 3;")
        .unwrap();
    drop(conn);
    let out = hembesok(&db).arg("audit").output().unwrap();
    assert!(out.status.success());
    let warning = String::from_utf8_lossy(&out.stderr);
    assert!(warning.contains("broken at row 3"), "{warning}");
    let family = hembesok(&db)
        .args(["audit", "--family", "T-001"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&family.stderr).contains("broken at row 3"));
    let copy = dir.path().join("evidence.bak");
    let out = hembesok(&db).arg("backup").arg(&copy).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("broken at row 3"));
    assert!(copy.exists());
}
