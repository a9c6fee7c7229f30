//! Who works a family's area, as proposals weigh them: the staff of the area's latest visits,
//! read from the visits' own copy of their family's area, which follows the family.

use super::report_read::joint_visit;
use super::*;

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 10, day)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

#[test]
fn the_areas_staff_follow_their_visits_and_a_family_that_moves() {
    let mut db = Db::open_in_memory().unwrap();
    let (north, south, staff) = db
        .write(|tx| {
            let v = store_goteborg(tx);
            let mut family = sample_family("F-1");
            family.area = Some("Norr".into());
            let north = tx.insert_family(&family, v, now())?;
            family.family_ref = "F-2".into();
            family.area = Some("Söder".into());
            let south = tx.insert_family(&family, v, now())?;
            let mut staff = Vec::new();
            for (name, role) in [
                ("Anna", Role::Nurse),
                ("Bo", Role::ParentAdvisor),
                ("Cecilia", Role::Nurse),
                ("David", Role::ParentAdvisor),
            ] {
                staff.push(tx.insert_staff(&sample_staff(name, role))?);
            }
            Ok::<_, DbError>((north, south, staff))
        })
        .unwrap();
    db.write(|tx| {
        let north_child = tx.children_of(north)?[0].id;
        let south_child = tx.children_of(south)?[0].id;
        let planned = VisitStatus::Planned;
        for day in [5, 6] {
            let north_visit = joint_visit(
                north_child,
                (staff[0], staff[1]),
                None,
                at(day),
                planned,
                None,
            );
            tx.insert_visit(&north_visit, now())?;
        }
        let south_visit = joint_visit(
            south_child,
            (staff[2], staff[3]),
            None,
            at(7),
            planned,
            None,
        );
        tx.insert_visit(&south_visit, now())?;
        Ok::<_, DbError>(())
    })
    .unwrap();
    let area_staff =
        |db: &mut Db, area: &str| db.read(|tx| tx.area_staff(area, at(1), at(30))).unwrap();
    assert_eq!(area_staff(&mut db, "Norr"), vec![staff[0], staff[1]]);
    assert_eq!(area_staff(&mut db, "Söder"), vec![staff[2], staff[3]]);
    // Outside the span nobody counts.
    let later = db.read(|tx| tx.area_staff("Norr", at(8), at(30))).unwrap();
    assert!(later.is_empty(), "{later:?}");

    // The south family moves north: its visit's staff work the north now, after those with
    // more visits there, and the south has nobody left.
    db.write(|tx| {
        let mut family = sample_family("F-2");
        family.area = Some("Norr".into());
        tx.update_family(south, &family, now())
    })
    .unwrap();
    assert_eq!(
        area_staff(&mut db, "Norr"),
        vec![staff[0], staff[1], staff[2], staff[3]]
    );
    assert!(area_staff(&mut db, "Söder").is_empty());
}

#[test]
fn upgrading_gives_each_visit_its_familys_area_and_each_series_its_first_planned_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v20.sqlite");
    let db = super::db_at_version(&path, 20);
    db.conn
        .execute_batch(
            "INSERT INTO programme (id, version, name, definition) VALUES ('p', 1, 'P', '');
             INSERT INTO family (id, family_ref, display_name, area, programme_id,
                 programme_version, status, created_at, updated_at) VALUES
               (1, 'N', 'Familjen N', 'Norr', 'p', 1, 'active', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),
               (2, 'U', 'Familjen U', NULL, 'p', 1, 'active', '2026-01-01 08:00:00', '2026-01-01 08:00:00');
             INSERT INTO child (id, family_id, position, name, birth_date) VALUES
               (1, 1, 1, 'A', '2026-09-30'), (2, 2, 1, 'B', '2026-09-30');
             INSERT INTO visit (id, child_id, visit_no, starts_at, duration_min, created_at, updated_at) VALUES
               (10, 1, 3, '2026-10-05 10:00', 60, '2026-01-01 08:00', '2026-01-01 08:00'),
               (11, 2, 3, '2026-10-05 10:00', 60, '2026-01-01 08:00', '2026-01-01 08:00');
             INSERT INTO parent_group (id, name) VALUES (1, 'G'), (2, 'H');
             INSERT INTO group_session (group_id, starts_at, duration_min, status) VALUES
               (1, '2026-11-16 10:00', 90, 'held'), (1, '2026-11-30 10:00', 90, 'planned'),
               (1, '2026-11-25 10:00', 90, 'cancelled'), (1, '2026-12-07 10:00', 90, 'planned'),
               (2, '2026-11-17 10:00', 90, 'held');",
        )
        .unwrap();
    drop(db);
    let db = connect(&path, Mode::Create, None).unwrap();
    let column = |sql: &str| -> Vec<Option<String>> {
        db.conn
            .prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(
        column("SELECT area FROM visit ORDER BY id"),
        [Some("Norr".to_string()), None]
    );
    assert_eq!(
        column("SELECT planned_first FROM parent_group ORDER BY id"),
        [Some("2026-11-30 10:00".to_string()), None],
        "the first planned one, not the cancelled one before it"
    );
}
