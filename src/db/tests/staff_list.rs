//! The Staff list read a page at a time: on a generated roster, paging lists what one read of
//! the whole roster lists when searched in memory, in the same order; and people stored before
//! the list was paged are found too.

use super::*;
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
    crate::i18n::labels::role_search_names()
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

/// Who a visit of a nurse and a parent advisor may be booked with, for a family that speaks
/// Swedish (written as no one stores it) and was visited by `known` before.
fn bookable(db: &mut Db, known: i64, per_role: Option<usize>) -> Vec<crate::domain::model::Staff> {
    db.read(|tx| {
        tx.bookable_staff(
            &[Role::Nurse, Role::ParentAdvisor],
            Some("SVENSKA"),
            &[known],
            per_role,
        )
    })
    .unwrap()
}

#[test]
fn a_booking_offers_the_known_people_and_everyone_active_of_its_roles_not_the_others() {
    let mut db = Db::open_in_memory().unwrap();
    roster(&mut db);
    let all = db.read(|tx| tx.list_staff()).unwrap();
    // An earlier visitor of the family, of a role this visit does not need.
    let therapist = all
        .iter()
        .find(|s| s.role == Role::FamilyTherapist)
        .map(|s| s.id)
        .unwrap();
    let people = bookable(&mut db, therapist, None);
    let mut expected: Vec<i64> = all
        .iter()
        .filter(|s| {
            s.id == therapist
                || (s.active
                    && (matches!(s.role, Role::Nurse | Role::ParentAdvisor)
                        || (s.role == Role::Interpreter
                            && s.languages.iter().any(|l| l == "svenska"))))
        })
        .map(|s| s.id)
        .collect();
    expected.sort_unstable();
    let mut ids: Vec<i64> = people.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    assert_eq!(
        ids, expected,
        "the language compared without regard to case"
    );
    assert!(people.len() < all.len(), "not the whole roster");
    let mut sorted = people.clone();
    sorted.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    assert_eq!(people, sorted, "by name, as the roster is");
}

#[test]
fn proposals_read_the_known_people_and_only_the_first_of_each_role_by_name() {
    let mut db = Db::open_in_memory().unwrap();
    roster(&mut db);
    let mut all = db.read(|tx| tx.list_staff()).unwrap();
    all.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let therapist = all
        .iter()
        .find(|s| s.role == Role::FamilyTherapist)
        .map(|s| s.id)
        .unwrap();
    let first = |wanted: &dyn Fn(&crate::domain::model::Staff) -> bool| {
        all.iter()
            .find(|s| s.active && wanted(s))
            .map(|s| s.id)
            .unwrap()
    };
    let mut expected = vec![
        therapist,
        first(&|s| s.role == Role::Nurse),
        first(&|s| s.role == Role::ParentAdvisor),
        first(&|s| s.role == Role::Interpreter && s.languages.iter().any(|l| l == "svenska")),
    ];
    expected.sort_unstable();
    let people = bookable(&mut db, therapist, Some(1));
    let mut ids: Vec<i64> = people.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    assert_eq!(ids, expected);
    let everyone = bookable(&mut db, therapist, None);
    assert!(everyone.len() > people.len(), "the roster has more of each");
}
