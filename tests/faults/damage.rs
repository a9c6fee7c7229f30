//! Damage only SQLite's full check finds (an index that lost an entry): writes are refused, as
//! for damage the quick check finds, until `check --repair` rebuilds the indexes.

use std::path::Path;

use rusqlite::Connection;

use super::common::{hembesok, import_all};

/// Makes the index `family_area` miss one family's entry: the index is briefly declared to
/// hold no rows, one family's area changes, and the declaration is put back.
fn lose_an_index_entry(db: &Path) {
    let set_sql = |sql: &str| {
        let conn = Connection::open(db).unwrap();
        conn.execute_batch("PRAGMA writable_schema = ON;").unwrap();
        conn.execute(
            "UPDATE sqlite_master SET sql = ?1 WHERE name = 'family_area'",
            [sql],
        )
        .unwrap();
    };
    set_sql("CREATE INDEX family_area ON family (area) WHERE 0");
    Connection::open(db)
        .unwrap()
        .execute(
            "UPDATE family SET area = 'Östra' WHERE family_ref = 'T-001'",
            [],
        )
        .unwrap();
    set_sql("CREATE INDEX family_area ON family (area)");
}

#[test]
fn index_damage_refuses_an_import_until_check_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite");
    import_all(&db);
    lose_an_index_entry(&db);
    let quick: String = Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quick, "ok", "the quick check cannot see it");
    let before = std::fs::read(&db).unwrap();
    let csv = dir.path().join("more.csv");
    super::families_csv(&csv, "D", 3);
    hembesok(&db)
        .args(["import", "families"])
        .arg(&csv)
        .assert()
        .failure()
        .stderr(predicates::str::contains("open for reading only"));
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was written");
    let out = hembesok(&db).arg("check").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("missing from index family_area"));
    hembesok(&db)
        .args(["check", "--repair"])
        .assert()
        .success()
        .stdout(predicates::str::contains("the indexes were rebuilt"));
    let log: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'repair'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(log, 1, "the repair is in the audit log");
    hembesok(&db)
        .args(["import", "families"])
        .arg(&csv)
        .assert()
        .success();
}

/// The app on a file whose pages are damaged: the check at start makes it read-only, so opening
/// a family's page (which writes who looked) writes nothing. Each page is damaged in turn; a
/// page whose damage the app cannot even read past is left out.
#[test]
fn the_app_writes_nothing_into_a_damaged_file() {
    use hembesok::app::{App, Effect, FamilyEffect, Lang};
    use hembesok::tui::{Runner, apply, start};
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.sqlite");
    import_all(&good);
    let original = std::fs::read(&good).unwrap();
    let mut tried = 0;
    for page in 1..original.len() / 4096 {
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
        let Ok(opened) = hembesok::db::connect(&db, hembesok::db::Mode::Write, None) else {
            continue;
        };
        let Ok(mut runner) = Runner::new(opened, "t".into(), 7) else {
            continue;
        };
        let mut app = App::new(Lang::En, runner.now().date(), runner.programme_ids());
        if start(&mut app, &mut runner).is_err() {
            continue;
        }
        while let Some(action) = runner.background_answer(true) {
            let more = app.receive(action);
            apply(&mut app, &mut runner, more);
        }
        if !app.damaged {
            continue;
        }
        tried += 1;
        apply(
            &mut app,
            &mut runner,
            vec![Effect::Family(FamilyEffect::Load(1))],
        );
        drop(runner);
        assert_eq!(
            std::fs::read(&db).unwrap(),
            bytes,
            "page {page}: the app wrote into a damaged file"
        );
    }
    assert!(
        tried > 0,
        "no page's damage was found; the test needs another database"
    );
}

/// A report appends its record and its audit row, nothing else: before it writes it checks those
/// tables with their indexes, the schema's page and the free pages, not the whole file (which
/// took a second at 50,000 families). Damage in any of them refuses the export, says what to do,
/// and leaves the file as it was and no report behind.
#[test]
fn a_report_refuses_a_file_whose_record_or_audit_log_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.sqlite");
    hembesok(&good)
        .args(["demo", "--families", "30", "--seed", "3"])
        .args(["--today", "2026-11-23"])
        .assert()
        .success();
    let out = dir.path().join("q3.json");
    let report = |db: &Path| {
        super::common::report_config(db);
        hembesok(db)
            .args(["report", "--quarter", "2026Q3", "--format", "json", "--out"])
            .arg(&out)
            .output()
            .unwrap()
    };
    assert!(report(&good).status.success(), "a whole file is reported");
    std::fs::remove_file(&out).unwrap();
    let original = std::fs::read(&good).unwrap();
    let roots: Vec<(String, i64)> = Connection::open(&good)
        .unwrap()
        .prepare("SELECT name, rootpage FROM sqlite_master WHERE tbl_name IN ('audit', 'report_run') AND rootpage > 0")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(roots.len(), 4, "{roots:?}");
    for (name, page) in roots {
        let db = dir.path().join(format!("broken-{name}.sqlite"));
        let mut bytes = original.clone();
        let at = usize::try_from(page - 1).unwrap() * 4096;
        for (i, b) in bytes[at + 8..at + 4096].iter_mut().enumerate() {
            *b = if i % 2 == 0 { 0xff } else { 0x00 };
        }
        // A copy keeps the file's private mode.
        std::fs::copy(&good, &db).unwrap();
        std::fs::write(&db, &bytes).unwrap();
        let refused = report(&db);
        let err = String::from_utf8_lossy(&refused.stderr);
        assert!(
            !refused.status.success(),
            "{name}: reported from a damaged file"
        );
        assert!(err.contains("restore"), "{name}: {err}");
        assert!(!out.exists(), "{name}: a report was left");
        assert_eq!(
            std::fs::read(&db).unwrap(),
            bytes,
            "{name}: the file was changed"
        );
    }
}
