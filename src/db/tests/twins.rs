//! What schemas 9 and 10 keep, on every write and through an upgrade: twins' visits at one time
//! are one trip (Week counts and lists it once, naming both), and each series' first and last session.

use super::*;

fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn visit(child_id: i64, visit_no: Option<u32>, hour: u32, staff_id: i64) -> NewVisit {
    NewVisit {
        child_id,
        visit_no,
        start: monday().and_hms_opt(hour, 0, 0).unwrap(),
        duration_min: 60,
        location: Location::Home,
        status: VisitStatus::Planned,
        staff: vec![VisitStaff {
            staff_id,
            role: Role::Nurse,
            attended: None,
        }],
        interpreter_language: None,
        interpreter: Interpreter::None,
        themes: vec![],
        referrals: vec![],
        note: None,
        override_reason: None,
    }
}

fn twin() -> NewChild {
    NewChild {
        name: "Tvilling".into(),
        birth_date: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
        expected: false,
        first_child: false,
        first_born_in_sweden: false,
        identity: None,
    }
}

/// A family with twins (Barn and Tvilling), Anna; visit 3 of both at 10:00 and Barn's extra
/// visit at 13:00. Returns (the twins' visit ids, the child ids, Anna).
fn twins_booked(db: &mut Db) -> ([i64; 2], [i64; 2], i64) {
    db.write(|tx| {
        let version = store_goteborg(tx);
        let family = tx.insert_family(&sample_family("F-1"), version, now())?;
        tx.add_child(family, &twin())?;
        let nurse = tx.insert_staff(&sample_staff("Anna Sköterska", Role::Nurse))?;
        let children = tx.children_of(family)?;
        let (a, b) = (children[0].id, children[1].id);
        let first = tx.insert_visit(&visit(a, Some(3), 10, nurse), now())?;
        let second = tx.insert_visit(&visit(b, Some(3), 10, nurse), now())?;
        tx.insert_visit(&visit(a, None, 13, nurse), now())?;
        Ok::<_, DbError>(([first, second], [a, b], nurse))
    })
    .unwrap()
}

#[test]
fn twins_visit_is_one_trip_in_the_week_also_in_the_persons_week() {
    let mut db = Db::open_in_memory().unwrap();
    let ([first, _], _, nurse) = twins_booked(&mut db);
    for staff in [None, Some(nurse)] {
        let counts = db.read(|tx| tx.visits_per_day(monday(), staff)).unwrap();
        assert_eq!(
            counts,
            [2, 0, 0, 0, 0, 0, 0],
            "one trip and the extra visit"
        );
        let page = db
            .read(|tx| tx.day_visits_page(monday(), staff, 0, 10))
            .unwrap();
        let rows: Vec<(i64, &str)> = page
            .iter()
            .map(|v| (v.visit_id, v.child_name.as_str()))
            .collect();
        assert_eq!(rows[0], (first, "Barn & Tvilling"));
        assert_eq!(page[0].twins, vec!["Tvilling".to_string()]);
        assert_eq!(page.len(), 2);
        assert!(page[1].twins.is_empty());
        // Paging past the trip gives the next visit, not the twin.
        let second_page = db
            .read(|tx| tx.day_visits_page(monday(), staff, 1, 10))
            .unwrap();
        assert_eq!(second_page.len(), 1);
        assert_eq!(second_page[0].start.hour(), 13);
    }
}

#[test]
fn a_twin_moved_or_removed_alone_is_its_own_visit_again() {
    let mut db = Db::open_in_memory().unwrap();
    let ([first, second], [a, _], nurse) = twins_booked(&mut db);
    let count = |db: &mut Db| db.read(|tx| tx.visits_per_day(monday(), None)).unwrap()[0];
    // Moving the second twin's visit to 11:00 splits the trip; moving it back joins it again.
    db.write(|tx| tx.move_visit(second, &visit(a, Some(3), 11, nurse), now()))
        .unwrap();
    assert_eq!(count(&mut db), 3);
    db.write(|tx| tx.move_visit(second, &visit(a, Some(3), 10, nurse), now()))
        .unwrap();
    assert_eq!(count(&mut db), 2);
    // The first visit removed: the second stands alone, and is listed.
    db.conn
        .execute("DELETE FROM visit WHERE id = ?1", [first])
        .unwrap();
    assert_eq!(count(&mut db), 2);
    let page = db
        .read(|tx| tx.day_visits_page(monday(), None, 0, 10))
        .unwrap();
    assert_eq!(page[0].visit_id, second);
    assert!(page[0].twins.is_empty());
}

#[test]
fn a_birth_date_corrected_makes_or_unmakes_twins() {
    let mut db = Db::open_in_memory().unwrap();
    let (_, [_, b], _) = twins_booked(&mut db);
    let count = |db: &mut Db| db.read(|tx| tx.visits_per_day(monday(), None)).unwrap()[0];
    db.conn
        .execute(
            "UPDATE child SET birth_date = '2026-10-01' WHERE id = ?1",
            [b],
        )
        .unwrap();
    assert_eq!(count(&mut db), 3, "siblings, not twins: two trips");
    db.conn
        .execute(
            "UPDATE child SET birth_date = '2026-09-30' WHERE id = ?1",
            [b],
        )
        .unwrap();
    assert_eq!(count(&mut db), 2);
}

#[test]
fn upgrading_links_the_twins_trips_already_booked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.sqlite");
    let db = super::db_at_version(&path, 8);
    db.conn
        .execute_batch(
            "INSERT INTO programme (id, version, name, definition) VALUES ('p', 1, 'P', '');
             INSERT INTO family (id, family_ref, display_name, programme_id, programme_version,
                 status, created_at, updated_at) VALUES
               (1, 'T', 'Familjen T', 'p', 1, 'active', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),
               (2, 'S', 'Familjen S', 'p', 1, 'active', '2026-01-01 08:00:00', '2026-01-01 08:00:00');
             INSERT INTO child (id, family_id, position, name, birth_date) VALUES
               (1, 1, 1, 'A', '2026-09-30'), (2, 1, 2, 'B', '2026-09-30'),
               (3, 2, 1, 'C', '2025-01-01'), (4, 2, 2, 'D', '2026-09-30');
             INSERT INTO visit (id, child_id, visit_no, starts_at, duration_min, created_at, updated_at) VALUES
               (10, 1, 3, '2026-11-30 10:00', 60, '2026-01-01 08:00', '2026-01-01 08:00'),
               (11, 2, 3, '2026-11-30 10:00', 60, '2026-01-01 08:00', '2026-01-01 08:00'),
               (12, 2, 4, '2026-12-01 10:00', 60, '2026-01-01 08:00', '2026-01-01 08:00'),
               (13, 3, 3, '2026-11-30 10:00', 60, '2026-01-01 08:00', '2026-01-01 08:00'),
               (14, 4, 3, '2026-11-30 10:00', 60, '2026-01-01 08:00', '2026-01-01 08:00');",
        )
        .unwrap();
    drop(db);
    let mut db = connect(&path, Mode::Create, None).unwrap();
    let links: Vec<(i64, Option<i64>)> = db
        .conn
        .prepare("SELECT id, twin_of FROM visit ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    // Only the twins' visit 3 at one time is one trip; siblings born apart are not twins.
    assert_eq!(
        links,
        vec![
            (10, None),
            (11, Some(10)),
            (12, None),
            (13, None),
            (14, None)
        ]
    );
    let counts = db.read(|tx| tx.visits_per_day(monday(), None)).unwrap();
    assert_eq!(counts[..2], [3, 1]);
}

#[test]
fn upgrading_keeps_each_series_first_and_last_session_from_then_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v9.sqlite");
    let db = super::db_at_version(&path, 9);
    db.conn
        .execute_batch(
            "INSERT INTO parent_group (id, name) VALUES (1, 'Höst'), (2, 'Tom');
             INSERT INTO group_session (id, group_id, starts_at, duration_min) VALUES
               (1, 1, '2026-10-01 10:00', 90), (2, 1, '2026-09-01 10:00', 90),
               (3, 1, '2026-11-01 10:00', 90);",
        )
        .unwrap();
    drop(db);
    let db = connect(&path, Mode::Create, None).unwrap();
    let span = |db: &Db| -> Vec<(Option<String>, Option<String>)> {
        db.conn
            .prepare("SELECT first_at, last_at FROM parent_group ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let s = |t: &str| Some(t.to_string());
    assert_eq!(
        span(&db),
        vec![(s("2026-09-01 10:00"), s("2026-11-01 10:00")), (None, None)]
    );
    // Sessions added, moved and removed keep it.
    db.conn
        .execute_batch(
            "INSERT INTO group_session (group_id, starts_at, duration_min)
               VALUES (2, '2027-01-10 10:00', 90);
             UPDATE group_session SET starts_at = '2026-12-01 10:00' WHERE id = 3;
             DELETE FROM group_session WHERE id = 2;",
        )
        .unwrap();
    assert_eq!(
        span(&db),
        vec![
            (s("2026-10-01 10:00"), s("2026-12-01 10:00")),
            (s("2027-01-10 10:00"), s("2027-01-10 10:00"))
        ]
    );
}
