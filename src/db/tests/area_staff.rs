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

    // A family's other changes leave its visits' area as it is.
    db.write(|tx| {
        let mut family = sample_family("F-2");
        family.area = Some("Norr".into());
        family.display_name = "Familjen Norr".into();
        tx.update_family(south, &family, now())
    })
    .unwrap();
    assert_eq!(area_staff(&mut db, "Norr").len(), 4);
}
