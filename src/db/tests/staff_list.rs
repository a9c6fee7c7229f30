//! The Staff list read a page at a time: on a generated roster, paging lists what one read of
//! the whole roster lists when searched in memory, in the same order; and people stored before
//! the list was paged are found too.

use super::*;
use crate::domain::model::Staff;
use crate::domain::staff_list::{STAFF_PAGE, StaffQuery};

const GIVEN: &[&str] = &[
    "Åsa", "Anna", "Örjan", "Émile", "Ubah", "Ali", "Sara", "Liban",
];
const SURNAMES: &[&str] = &[
    "Åberg", "Öberg", "Berg", "Haddad", "Warsame", "Yılmaz", "Ek",
];
const LANGUAGES: &[&[&str]] = &[&[], &["arabiska"], &["somaliska", "svenska"], &["dari"]];

fn roster(db: &mut Db) {
    db.write(|tx| {
        for i in 0..(3 * STAFF_PAGE + 17) {
            let name = format!(
                "{} {} {}",
                GIVEN[i % GIVEN.len()],
                SURNAMES[(i / GIVEN.len()) % SURNAMES.len()],
                i / (GIVEN.len() * SURNAMES.len())
            );
            tx.insert_staff(&NewStaff {
                name,
                role: Role::ALL[i % Role::ALL.len()],
                organisation: None,
                languages: LANGUAGES[i % LANGUAGES.len()]
                    .iter()
                    .map(|l| l.to_string())
                    .collect(),
                work_days: Weekday::ALL[..5].to_vec(),
                work_hours: WorkHours::parse("08:00-16:00").unwrap(),
                active: i % 5 != 0,
            })?;
        }
        Ok::<_, DbError>(())
    })
    .unwrap();
}

/// The roles' names as the app gives them, folded.
fn role_names() -> Vec<(Role, Vec<String>)> {
    Role::ALL
        .iter()
        .map(|r| {
            let name = crate::i18n::labels::role(*r);
            (
                *r,
                vec![
                    crate::domain::search::fold(&name.sv),
                    crate::domain::search::fold(&name.en),
                ],
            )
        })
        .collect()
}

#[test]
fn paging_the_staff_list_lists_what_a_whole_read_finds_in_the_same_order() {
    let mut db = Db::open_in_memory().unwrap();
    roster(&mut db);
    let all = db.read(|tx| tx.list_staff()).unwrap();
    for typed in [
        "", "a", "ABERG", "öberg", "yilm", "tolk", "interp", "arab", "1", "2 sa", "%", "_", "zz",
    ] {
        let q = StaffQuery::new(typed, &role_names());
        let mut expected: Vec<(String, i64)> = all
            .iter()
            .filter(|s| q.matches(s))
            .map(|s| (s.name.clone(), s.id))
            .collect();
        expected.sort();
        let mut paged = Vec::new();
        loop {
            let page = db
                .read(|tx| tx.staff_page(&q.at(paged.len()), STAFF_PAGE))
                .unwrap();
            assert_eq!(page.count, expected.len(), "{typed:?}");
            assert_eq!(page.total, all.len());
            if page.rows.is_empty() {
                break;
            }
            paged.extend(page.rows.iter().map(|s| (s.name.clone(), s.id)));
        }
        assert_eq!(paged, expected, "{typed:?}");
    }
    // What the search promises: folded letters, a role by either language's name, a language.
    let found = |typed: &str| {
        let q = StaffQuery::new(typed, &role_names());
        all.iter().filter(|s| q.matches(s)).count()
    };
    assert!(found("orjan oberg") > 0);
    assert_eq!(found("tolk"), found("interpreter"));
    assert!(found("somal") > 0);
    assert_eq!(found("%"), 0, "a typed % is a percent sign, not a wildcard");
}

#[test]
fn people_stored_before_the_paged_list_are_found_by_search() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v17.sqlite");
    let mut conn = super::raw_open(&path).unwrap();
    migrate_to(&mut conn, &path, 17).unwrap();
    conn.execute_batch(
        "INSERT INTO staff (id, name, name_key, role, languages, work_days, work_start, work_end,
             active) VALUES
           (1, 'Åsa Öberg', 'åsa öberg', 'nurse', '', 'mon', '08:00', '16:00', 1),
           (2, 'Ali Haddad', 'ali haddad', 'interpreter', 'arabiska|dari', 'mon', '08:00', '16:00', 1);",
    )
    .unwrap();
    drop(conn);
    let mut db = connect(&path, Mode::Create, None).unwrap();
    let page = |db: &mut Db, typed: &str| -> Vec<i64> {
        let q = StaffQuery::new(typed, &role_names());
        db.read(|tx| tx.staff_page(&q, STAFF_PAGE))
            .unwrap()
            .rows
            .iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(page(&mut db, "asa ober"), [1]);
    assert_eq!(page(&mut db, "dari"), [2]);
    assert_eq!(page(&mut db, ""), [2, 1], "in name order");
}

#[test]
fn a_booking_weighs_the_known_people_and_a_bounded_part_of_each_role() {
    let mut db = Db::open_in_memory().unwrap();
    roster(&mut db);
    let all = db.read(|tx| tx.list_staff()).unwrap();
    let last_nurse = all
        .iter()
        .rev()
        .find(|s| s.role == Role::Nurse)
        .map(|s| s.id)
        .unwrap();
    let people = db
        .read(|tx| {
            tx.bookable_staff(
                &[Role::Nurse, Role::ParentAdvisor],
                Some("SVENSKA"),
                &[last_nurse],
                3,
            )
        })
        .unwrap();
    let ids: Vec<i64> = people.iter().map(|s| s.id).collect();
    assert!(
        ids.contains(&last_nurse),
        "the family's earlier nurse, wherever in the roster"
    );
    for role in [Role::Nurse, Role::ParentAdvisor] {
        let first: Vec<i64> = all
            .iter()
            .filter(|s| s.role == role && s.active)
            .take(3)
            .map(|s| s.id)
            .collect();
        assert!(first.iter().all(|id| ids.contains(id)), "{role:?}");
    }
    let interpreters: Vec<&Staff> = people
        .iter()
        .filter(|s| s.role == Role::Interpreter)
        .collect();
    assert!(!interpreters.is_empty());
    assert!(
        interpreters
            .iter()
            .all(|s| s.active && s.languages.iter().any(|l| l == "svenska"))
    );
    assert!(people.len() <= 3 * 3 + 1, "{}", people.len());
    let mut sorted = people.clone();
    sorted.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    assert_eq!(people, sorted, "by name, as the roster is");
}
