//! The Families list read a page at a time from the trigram index: on a generated register,
//! paging lists what one read lists, and both list what search promises.

use std::collections::HashSet;

use super::{now, sample_family, store_goteborg};
use crate::db::Db;
use crate::domain::enums::{FamilyStatus, Protection};
use crate::domain::family_list::{FamilyQuery, MATCH_CAP};
use crate::domain::model::{NewCaregiver, NewChild};
use crate::domain::search::{fold, list_key, phone_terms};

const SURNAMES: &[&str] = &[
    "Åberg",
    "Öberg",
    "Ängström",
    "Berg",
    "Bergström",
    "Haddad",
    "Nowak",
    "Warsame",
    "Yılmaz",
    "Čolić",
    "Lindqvist",
    "Ek",
    "Åström",
    "Ahmadi",
    "Şahin",
    "Öztürk",
    "Müller",
    "Ørsted",
    "Çelik",
];
const GIVEN: &[&str] = &[
    "Åsa",
    "Anna",
    "Erik",
    "Amina",
    "Ali",
    "Sara",
    "Ubah",
    "Liban",
    "Agnieszka",
    "Örjan",
    "Émile",
    "Jo",
    "Ängla",
    "Bo",
];
const AREAS: &[&str] = &["Centrum", "Norrby", "Söderäng"];

/// What a family is searched by, as the generator made it.
struct Made {
    id: i64,
    family_ref: String,
    name: String,
    protection: Protection,
    area: String,
    status: FamilyStatus,
    text: String,
}

/// `n` families: shared names, twins, protected ones with phone numbers, Swedish letters.
fn register(db: &mut Db, n: usize) -> Vec<Made> {
    let mut rng = fastrand::Rng::with_seed(18);
    db.write(|tx| {
        let version = store_goteborg(tx);
        let mut made = Vec::new();
        for i in 0..n {
            let mut f = sample_family(&format!("S-{i:04}"));
            let surname = SURNAMES[rng.usize(..SURNAMES.len())];
            let pick = |rng: &mut fastrand::Rng| GIVEN[rng.usize(..GIVEN.len())];
            f.facts.display_name = format!("Familjen {surname}");
            f.facts.area = Some(AREAS[i % AREAS.len()].into());
            f.facts.status = FamilyStatus::ALL[rng.usize(..FamilyStatus::ALL.len())];
            f.facts.protection = if i % 9 == 0 {
                Protection::Sekretessmarkering
            } else {
                Protection::None
            };
            f.facts.phone = Some(format!("070-{:03} {:02} {:02}", i % 997, i % 89, i % 97));
            let carers = (0..rng.usize(1..=2))
                .map(|_| format!("{} {surname}", pick(&mut rng)))
                .collect::<Vec<_>>();
            f.caregivers = carers
                .iter()
                .map(|name| NewCaregiver {
                    name: name.clone(),
                    relation: None,
                    identity: None,
                })
                .collect();
            // Every seventh family has twins.
            let twins = if i % 7 == 0 { 2 } else { 1 };
            let template = f.children[0].clone();
            f.children = (0..twins)
                .map(|_| NewChild {
                    name: pick(&mut rng).to_string(),
                    ..template.clone()
                })
                .collect();
            let id = tx.insert_family(&f, version, now())?;
            let mut text = format!(
                "{} {} {} {}",
                f.facts.display_name,
                carers.join(" "),
                f.children
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                f.facts.family_ref
            );
            if !f.facts.protection.is_protected() {
                text = format!(
                    "{text} {}",
                    phone_terms(f.facts.phone.as_deref().unwrap_or(""))
                );
            }
            made.push(Made {
                id,
                family_ref: f.facts.family_ref.clone(),
                name: f.facts.display_name.clone(),
                protection: f.facts.protection,
                area: AREAS[i % AREAS.len()].into(),
                status: f.facts.status,
                text: fold(&text),
            });
        }
        Ok::<_, crate::db::DbError>(made)
    })
    .unwrap()
}

/// What search promises: every typed word somewhere in the folded text, in Swedish name order,
/// the protected families after the others by reference.
fn expected(made: &[Made], q: &FamilyQuery) -> Vec<i64> {
    let words = q.words();
    let mut hits: Vec<&Made> = made
        .iter()
        .filter(|m| words.iter().all(|w| m.text.contains(w.as_str())))
        .filter(|m| q.area.as_ref().is_none_or(|a| *a == m.area))
        .filter(|m| q.status.is_none_or(|s| s == m.status))
        .filter(|m| q.only.as_ref().is_none_or(|ids| ids.contains(&m.id)))
        .collect();
    hits.sort_by(|a, b| {
        (list_key(&a.name, a.protection), &a.family_ref)
            .cmp(&(list_key(&b.name, b.protection), &b.family_ref))
    });
    hits.iter().map(|m| m.id).collect()
}

fn ids(db: &mut Db, q: &FamilyQuery, limit: usize) -> (Vec<i64>, usize, bool) {
    let page = db.read(|tx| tx.family_page(q, limit)).unwrap();
    (
        page.rows.iter().map(|e| e.id).collect(),
        page.count,
        page.more,
    )
}

fn query(text: &str) -> FamilyQuery {
    FamilyQuery {
        text: text.into(),
        ..FamilyQuery::default()
    }
}

#[test]
fn paging_the_search_lists_what_one_read_lists_in_swedish_name_order() {
    let mut db = Db::open_in_memory().unwrap();
    let made = register(&mut db, 400);
    let every_fifth: Vec<i64> = made.iter().map(|m| m.id).step_by(5).collect();
    let mut asked = Vec::new();
    for text in [
        "", "a", "ab", "berg", "aberg", "oberg", "familjen", "ann berg", "070", "0701", "s-01",
        "x", "yilmaz", "colic", "emile", "ängla", "b ek", "zzz",
    ] {
        asked.push(query(text));
        asked.push(FamilyQuery {
            area: Some("Söderäng".into()),
            status: Some(FamilyStatus::Active),
            ..query(text)
        });
        asked.push(FamilyQuery {
            only: Some(every_fifth.clone()),
            ..query(text)
        });
    }
    for q in &asked {
        let want = expected(&made, q);
        let (whole, count, more) = ids(&mut db, q, usize::MAX >> 1);
        assert_eq!(whole, want, "{q:?}");
        assert_eq!((count, more), (want.len(), false), "{q:?}");
        let mut paged = Vec::new();
        while paged.len() < count {
            let (page, page_count, _) = ids(&mut db, &q.at(paged.len()), 7);
            assert_eq!(page_count, count, "{q:?}");
            assert!(!page.is_empty(), "{q:?}");
            paged.extend(page);
        }
        assert_eq!(paged, whole, "pages of 7: {q:?}");
    }
}

#[test]
fn search_finds_names_references_children_and_open_numbers_with_swedish_letters_typed_plain() {
    let mut db = Db::open_in_memory().unwrap();
    let made = register(&mut db, 60);
    let find = |db: &mut Db, text: &str| ids(db, &query(text), 1000).0;
    let by_name = |name: &str| -> HashSet<i64> {
        made.iter()
            .filter(|m| m.name == name)
            .map(|m| m.id)
            .collect()
    };
    // a, a, o find å, ä, ö.
    let aberg: HashSet<i64> = find(&mut db, "familjen aberg").into_iter().collect();
    assert_eq!(aberg, by_name("Familjen Åberg"));
    assert!(!aberg.is_empty());
    let angstrom: HashSet<i64> = find(&mut db, "ANGSTROM").into_iter().collect();
    assert_eq!(angstrom, by_name("Familjen Ängström"));
    // A reference, and a child's name.
    assert_eq!(find(&mut db, "s-0042"), [made[42].id]);
    let children = db.read(|tx| tx.children_of(made[5].id)).unwrap();
    let child = children[0].name.clone();
    assert!(find(&mut db, &format!("{child} s-0005")).contains(&made[5].id));
    // An open number finds its family, written or as digits; a protected one's does not.
    assert_eq!(find(&mut db, "070-005 05 05"), [made[5].id]);
    assert_eq!(find(&mut db, "070005"), [made[5].id]);
    assert!(find(&mut db, "070009").is_empty(), "family 9 is protected");
    assert!(find(&mut db, "070-009").is_empty());
    // It is still found by its name and reference, and listed without its caregivers.
    let page = db.read(|tx| tx.family_page(&query("s-0009"), 10)).unwrap();
    assert_eq!(page.rows.len(), 1);
    assert!(page.rows[0].protection.is_protected());
}

#[test]
fn a_changed_caregiver_or_name_is_found_at_once_and_the_old_name_no_more() {
    let mut db = Db::open_in_memory().unwrap();
    let made = register(&mut db, 20);
    let id = made[3].id;
    db.write(|tx| {
        tx.add_caregiver(
            id,
            &NewCaregiver {
                name: "Zlatan Östlund".into(),
                relation: None,
                identity: None,
            },
        )
    })
    .unwrap();
    assert_eq!(ids(&mut db, &query("ostlund"), 10).0, [id]);
    db.write(|tx| {
        tx.tx.execute(
            "UPDATE family SET display_name = 'Familjen Zetterlund' WHERE id = ?1",
            [id],
        )?;
        Ok::<_, crate::db::DbError>(())
    })
    .unwrap();
    assert_eq!(ids(&mut db, &query("zetterlund"), 10).0, [id]);
    let page = db
        .read(|tx| tx.family_page(&query("zetterlund"), 10))
        .unwrap();
    assert_eq!(page.rows[0].display_name, "Familjen Zetterlund");
    // The old name is gone from its text (its caregivers keep their own surnames).
    db.write(|tx| {
        tx.tx
            .execute("DELETE FROM caregiver WHERE family_id = ?1", [id])?;
        Ok::<_, crate::db::DbError>(())
    })
    .unwrap();
    let old = made[3].name.trim_start_matches("Familjen ").to_string();
    assert!(
        !ids(&mut db, &query(&format!("{old} s-0003")), 10)
            .0
            .contains(&id)
    );
    assert!(
        ids(&mut db, &query("zetterlund s-0003"), 10)
            .0
            .contains(&id)
    );
    // In its new place in name order: after Yılmaz, before Åberg.
    let page = db.read(|tx| tx.family_page(&query(""), 100)).unwrap();
    let at = page.rows.iter().position(|e| e.id == id).unwrap();
    let keys: Vec<String> = page
        .rows
        .iter()
        .map(|e| list_key(&e.display_name, e.protection))
        .collect();
    assert!(
        keys[..at]
            .iter()
            .all(|k| k.as_str() <= "familjen zetterlund"),
        "{keys:?}"
    );
    assert!(
        keys[at + 1..]
            .iter()
            .all(|k| k.as_str() >= "familjen zetterlund"),
        "{keys:?}"
    );
    // The texts keep the list's order too, for walks that test each text (a short word shared
    // by many): after the changes it is still the order of the names' keys.
    let by_text: Vec<i64> = db
        .read(|tx| {
            let mut stmt = tx.tx.prepare(&format!(
                "SELECT t.id FROM family_text t ORDER BY {}",
                crate::db::families::search::TEXT_ORDER
            ))?;
            let ids = stmt
                .query_map([], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok::<_, crate::db::DbError>(ids)
        })
        .unwrap();
    let mut by_key: Vec<(String, String, i64)> = db
        .read(|tx| tx.list_families())
        .unwrap()
        .into_iter()
        .map(|f| (list_key(&f.display_name, f.protection), f.family_ref, f.id))
        .collect();
    by_key.sort();
    assert_eq!(by_text, by_key.into_iter().map(|k| k.2).collect::<Vec<_>>());
}

#[test]
fn many_matches_are_counted_up_to_the_cap_and_paged_in_name_order() {
    let mut db = Db::open_in_memory().unwrap();
    let made = register(&mut db, MATCH_CAP + 150);
    for text in ["familjen", "a", "070"] {
        let q = query(text);
        let want = expected(&made, &q);
        assert!(want.len() > MATCH_CAP, "{text}");
        let (first, count, more) = ids(&mut db, &q, 7);
        assert_eq!((count, more), (MATCH_CAP, true), "{text}");
        assert_eq!(first, want[..7], "{text}");
        let (deep, _, _) = ids(&mut db, &q.at(MATCH_CAP - 7), 7);
        assert_eq!(deep, want[MATCH_CAP - 7..MATCH_CAP], "{text}");
    }
}

fn plan(db: &mut Db, query: &str) -> Vec<String> {
    super::query_plan(db, query, [])
}

#[test]
fn the_list_walks_the_name_order_index() {
    use crate::db::families::search::TEXT_ORDER;
    let mut db = Db::open_in_memory().unwrap();
    register(&mut db, 5);
    // The list, filtered or not, and a walk that tests each family's text read the texts in
    // the list's order from their own index, and sort nothing.
    for walk in [
        "family_text t INDEXED BY family_text_order WHERE 1",
        "family_text t INDEXED BY family_text_order CROSS JOIN family f ON f.id = t.id
         WHERE 1 AND +f.area = 'Norrby'",
        "family_text t WHERE t.text LIKE '%be%'",
    ] {
        let plan = plan(
            &mut db,
            &format!("SELECT t.id FROM {walk} ORDER BY {TEXT_ORDER} LIMIT 60"),
        );
        assert!(
            plan.iter().any(|p| p.contains("INDEX family_text_order"))
                && !plan.iter().any(|p| p.contains("TEMP B-TREE")),
            "{walk}: {plan:?}"
        );
    }
}
