//! What the report reads: status dates through upgrades and changes, the quarter's facts.

use super::report_read::joint_visit;
use super::*;

#[test]
fn status_dates_upgrade_keeps_what_the_audit_log_knows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite");
    let db = super::db_at_version(&path, 7);
    db.conn
        .execute_batch(
            "INSERT INTO programme (id, version, name, definition) VALUES ('p', 1, 'P', '');
             INSERT INTO family (id, family_ref, display_name, programme_id, programme_version,
                 status, exited_on, exit_reason, created_at, updated_at) VALUES
               (1, 'D', 'd', 'p', 1, 'declined', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (2, 'P', 'p', 'p', 1, 'paused', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (3, 'C', 'c', 'p', 1, 'completed', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (4, 'X', 'x', 'p', 1, 'exited', '2026-02-02', 'moved', '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (5, 'I', 'i', 'p', 1, 'declined', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00');
             INSERT INTO audit (at, actor, action, entity, entity_id) VALUES
               ('2026-03-04 10:00:00', 'a', 'status', 'family', 1),
               ('2026-03-09 10:00:00', 'a', 'status', 'family', 1),
               ('2026-03-05 10:00:00', 'a', 'view', 'family', 2),
               ('2026-04-05 10:00:00', 'a', 'status', 'family', 2),
               ('2026-04-06 10:00:00', 'a', 'status', 'family', 3),
               ('2026-04-07 10:00:00', 'a', 'status', 'family', 4);",
        )
        .unwrap();
    drop(db);
    let db = connect(&path, Mode::Create, None).unwrap();
    let rows: Vec<(i64, [Option<String>; 4])> = db
        .conn
        .prepare(
            "SELECT id, declined_on, paused_on, exited_on, exit_reason FROM family ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        rows,
        vec![
            // The last status change is the decline.
            (1, [s("2026-03-09"), None, None, None]),
            // A view is no status change.
            (2, [None, s("2026-04-05"), None, None]),
            (3, [None, None, s("2026-04-06"), s("completed")]),
            // A day already recorded is kept.
            (4, [None, None, s("2026-02-02"), s("moved")]),
            // Declined with no change logged (imported so): cannot be known.
            (5, [None, None, None, None]),
        ]
    );
    let run_columns: Vec<String> = db
        .conn
        .prepare("SELECT name FROM pragma_table_info('report_run')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(run_columns.contains(&"threshold".to_string()));
    assert!(run_columns.contains(&"audit_head".to_string()));
}

#[test]
fn every_status_change_keeps_its_day() {
    let mut db = Db::open_in_memory().unwrap();
    let day = |d: u32| {
        NaiveDate::from_ymd_opt(2026, 3, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    };
    let id = db
        .write(|tx| {
            let v = store_goteborg(tx);
            let mut f = sample_family("F-1");
            f.status = FamilyStatus::Offered;
            f.enrolled_on = None;
            tx.insert_family(&f, v, day(1))
        })
        .unwrap();
    let dates = |db: &mut Db| -> Vec<Option<String>> {
        db.conn
            .query_row(
                "SELECT offered_on, enrolled_on, declined_on, paused_on, exited_on, exit_reason
                 FROM family WHERE id = ?1",
                [id],
                |r| (0..6).map(|i| r.get(i)).collect(),
            )
            .unwrap()
    };
    let steps: [(FamilyStatus, u32); 6] = [
        (FamilyStatus::Offered, 2),
        (FamilyStatus::Declined, 3),
        (FamilyStatus::Active, 4),
        (FamilyStatus::Paused, 5),
        (FamilyStatus::Active, 6),
        (FamilyStatus::Completed, 7),
    ];
    for (status, d) in steps {
        db.write(|tx| tx.set_family_status(id, status, None, day(d).date(), None, day(d)))
            .unwrap();
    }
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        dates(&mut db),
        vec![
            // The first offer and the first enrolment stay; the decline and pause are kept.
            s("2026-03-02"),
            s("2026-03-04"),
            s("2026-03-03"),
            s("2026-03-05"),
            s("2026-03-07"),
            s("completed"),
        ]
    );
    db.write(|tx| {
        tx.set_family_status(
            id,
            FamilyStatus::Exited,
            Some(crate::domain::enums::ExitReason::Moved),
            day(9).date(),
            None,
            day(10),
        )
    })
    .unwrap();
    let after = dates(&mut db);
    assert_eq!(after[4], s("2026-03-09"));
    assert_eq!(after[5], s("moved"));
}

#[test]
fn report_input_reads_the_quarter_and_only_it() {
    use crate::domain::quarter::Quarter;
    let mut db = Db::open_in_memory().unwrap();
    let at = |m: u32, d: u32| {
        NaiveDate::from_ymd_opt(2026, m, d)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    };
    let (family_id, child_id, nurse, advisor) = db
        .write(|tx| {
            let v = store_goteborg(tx);
            let f = tx.insert_family(&sample_family("F-1"), v, now())?;
            let nurse = tx.insert_staff(&sample_staff("Anna", Role::Nurse))?;
            let advisor = tx.insert_staff(&sample_staff("Bo", Role::ParentAdvisor))?;
            let child = tx.children_of(f)?[0].id;
            Ok::<_, DbError>((f, child, nurse, advisor))
        })
        .unwrap();
    let visit =
        |no: Option<u32>, start: NaiveDateTime, status, advisor_went: Option<bool>| NewVisit {
            interpreter_language: Some("arabiska".into()),
            interpreter: Interpreter::External,
            referrals: vec![crate::domain::enums::Referral::Dental],
            ..joint_visit(child_id, (nurse, advisor), no, start, status, advisor_went)
        };
    db.write(|tx| {
        tx.insert_visit(&visit(Some(1), at(10, 10), VisitStatus::Done, None), now())?;
        tx.insert_visit(
            &visit(Some(2), at(11, 30), VisitStatus::Done, Some(false)),
            now(),
        )?;
        // Outside the quarter, on its either side.
        tx.insert_visit(&visit(Some(3), at(9, 30), VisitStatus::Done, None), now())?;
        tx.insert_visit(
            &visit(
                Some(3),
                NaiveDate::from_ymd_opt(2027, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap(),
                VisitStatus::Planned,
                None,
            ),
            now(),
        )
    })
    .unwrap();
    let input = db
        .read(|tx| tx.report_input(Quarter::parse("2026Q4").unwrap()))
        .unwrap();
    assert_eq!(input.families.len(), 1);
    assert_eq!(input.families[0].id, family_id);
    assert!(input.families[0].needs_interpreter);
    let seen: Vec<(Option<u32>, bool, bool)> = input
        .visits
        .iter()
        .map(|v| (v.visit_no, v.required_roles_met, v.interpreter_used))
        .collect();
    // Not marked counts as gone; a recorded absence breaks the joint visit.
    assert_eq!(seen, vec![(Some(1), true, true), (Some(2), false, true)]);
    assert!(input.visits.iter().all(|v| v.window.is_some()));
    assert_eq!(input.visits[0].referrals.len(), 1);
    // Born 2026-09-30: 30 days old in the quarter; visit 1 done, 3 distinct done ever.
    assert_eq!(input.children.len(), 1);
    assert_eq!(
        (
            input.children[0].first_visit_done_on,
            input.children[0].visits_done
        ),
        (NaiveDate::from_ymd_opt(2026, 10, 10), 3)
    );
    assert!(input.sessions.is_empty());
}

#[test]
fn check_passes_a_healthy_file_of_an_older_version_and_leaves_it_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.sqlite");
    let db = super::db_at_version(&path, 8);
    drop(db);
    let (items, counts) = crate::db::check_file(&path, None, None).unwrap();
    assert!(items.iter().all(|i| i.ok), "{items:?}");
    let schema = items
        .iter()
        .find(|i| i.name == crate::db::CheckName::SchemaVersion)
        .unwrap();
    assert!(
        matches!(
            schema.detail,
            crate::db::CheckDetail::SchemaVersion { found: 8, .. }
        ),
        "{:?}",
        schema.detail
    );
    assert!(counts.is_some());
    let version: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 8, "check upgrades nothing");
}
