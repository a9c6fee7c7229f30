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
        super::common::write_private(&db, &bytes);
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
