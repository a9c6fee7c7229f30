//! A protected family's place in a list does not follow its name: it stands after every named
//! family, the protected ones among themselves by reference, in the Families list, a series'
//! members and a roll call, and it moves there when it is protected and back when it is not.

use super::*;
use crate::domain::family_list::FamilyQuery;
use crate::domain::search::list_key;

fn query(text: &str) -> FamilyQuery {
    FamilyQuery {
        text: text.into(),
        ..FamilyQuery::default()
    }
}

/// The references of the families in the Families list, searched for `text`.
pub(super) fn listed(db: &mut Db, text: &str) -> Vec<String> {
    db.read(|tx| tx.family_page(&query(text), 50))
        .unwrap()
        .rows
        .into_iter()
        .map(|e| e.family_ref)
        .collect()
}

/// The references in the list's order read from the texts' own index, and as the names' keys
/// order them (`domain::search::list_key`): the walks read the first, and the two agree.
pub(super) fn both_orders(db: &mut Db) -> (Vec<String>, Vec<String>) {
    use crate::db::families::search::TEXT_ORDER;
    db.read(|tx| {
        let mut stmt = tx.tx.prepare(&format!(
            "SELECT f.family_ref FROM family f JOIN family_text t ON t.id = f.id ORDER BY {TEXT_ORDER}"
        ))?;
        let by_text = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = tx
            .tx
            .prepare("SELECT display_name, protection, family_ref FROM family")?;
        let mut by_key = stmt
            .query_map([], |r| {
                Ok((
                    list_key(&r.get::<_, String>(0)?, r.get(1)?),
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        by_key.sort();
        let by_key = by_key.into_iter().map(|(_, r)| r).collect();
        Ok::<_, crate::db::DbError>((by_text, by_key))
    })
    .unwrap()
}

fn set_protection(db: &mut Db, family_ref: &str, protection: &str) {
    db.write(|tx| {
        tx.tx.execute(
            "UPDATE family SET protection = ?2 WHERE family_ref = ?1",
            [family_ref, protection],
        )?;
        Ok::<_, crate::db::DbError>(())
    })
    .unwrap();
}

/// Five families: three named (Berg, Zetterlund, Åberg) and two protected, whose names would
/// put them first (Ahmadi) and among the others (Lind). Each is a member of one series with a
/// session on 1 December.
fn register(db: &mut Db) -> (i64, i64) {
    db.write(|tx| {
        let version = store_goteborg(tx);
        let group = tx.insert_group(&NewGroup {
            name: "Babycafé".into(),
            method: None,
            language: None,
            place: None,
            capacity: None,
            leaders: vec![],
        })?;
        let session = tx.insert_session(&NewSession {
            group_id: group,
            start: NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            duration_min: 90,
            theme: None,
            status: SessionStatus::Planned,
            dropin_count: 0,
        })?;
        for (family_ref, name, protection) in [
            ("S-5", "Familjen Ahmadi", Protection::SkyddadFolkbokforing),
            ("S-1", "Familjen Zetterlund", Protection::None),
            ("S-4", "Familjen Lind", Protection::Sekretessmarkering),
            ("S-2", "Familjen Åberg", Protection::None),
            ("S-3", "Familjen Berg", Protection::None),
        ] {
            let mut f = sample_family(family_ref);
            f.facts.display_name = name.into();
            f.facts.protection = protection;
            let id = tx.insert_family(&f, version, now())?;
            tx.insert_member(
                group,
                id,
                NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
                None,
            )?;
        }
        Ok::<_, crate::db::DbError>((group, session))
    })
    .unwrap()
}

#[test]
fn protected_families_stand_after_the_named_ones_by_reference() {
    let mut db = Db::open_in_memory().unwrap();
    let (group, session) = register(&mut db);
    let want = ["S-3", "S-1", "S-2", "S-4", "S-5"];
    assert_eq!(listed(&mut db, ""), want, "the whole list");
    assert_eq!(listed(&mut db, "familjen"), want, "a word all share");
    assert_eq!(listed(&mut db, "s-"), want, "a short word");
    let (by_text, by_name) = both_orders(&mut db);
    assert_eq!(by_text, want, "the texts' order");
    assert_eq!(by_name, want, "the names' order");
    let members: Vec<String> = db
        .read(|tx| tx.group_page(group))
        .unwrap()
        .unwrap()
        .members
        .into_iter()
        .map(|m| m.family_ref)
        .collect();
    assert_eq!(members, want, "a series' members");
    let roll: Vec<String> = db
        .read(|tx| tx.roll_call(session))
        .unwrap()
        .unwrap()
        .lines
        .into_iter()
        .map(|l| l.family_ref)
        .collect();
    assert_eq!(roll, want, "a roll call");
    let summaries: Vec<String> = db
        .read(|tx| tx.list_families())
        .unwrap()
        .into_iter()
        .map(|f| f.family_ref)
        .collect();
    assert_eq!(summaries, want, "every family");
}

#[test]
fn a_family_moves_when_it_is_protected_and_back_when_it_is_not() {
    let mut db = Db::open_in_memory().unwrap();
    register(&mut db);
    set_protection(&mut db, "S-1", "fingerade");
    set_protection(&mut db, "S-5", "none");
    let want = ["S-5", "S-3", "S-2", "S-1", "S-4"];
    assert_eq!(listed(&mut db, ""), want);
    assert_eq!(listed(&mut db, "s-"), want, "the texts took the new order");
    let (by_text, by_name) = both_orders(&mut db);
    assert_eq!(by_text, want, "the texts' order");
    assert_eq!(by_name, want, "the names' order");
}

#[test]
fn upgrading_puts_the_protected_families_after_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v22.sqlite");
    let db = super::db_at_version(&path, 22);
    db.conn
        .execute_batch(
            "INSERT INTO programme (id, version, name, definition) VALUES ('p', 1, 'P', '');
             INSERT INTO family (id, family_ref, display_name, protection, programme_id,
                 programme_version, status, created_at, updated_at) VALUES
               (1, 'S-2', 'Familjen Ahmadi', 'sekretessmarkering', 'p', 1, 'active', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),
               (2, 'S-1', 'Familjen Berg', 'none', 'p', 1, 'active', '2026-01-01 08:00:00', '2026-01-01 08:00:00'),
               (3, 'S-3', 'Familjen Ek', 'none', 'p', 1, 'active', '2026-01-01 08:00:00', '2026-01-01 08:00:00');",
        )
        .unwrap();
    drop(db);
    let mut db = connect(&path, Mode::Create, None).unwrap();
    assert_eq!(listed(&mut db, ""), ["S-1", "S-3", "S-2"]);
    let (by_text, by_name) = both_orders(&mut db);
    assert_eq!(by_text, ["S-1", "S-3", "S-2"]);
    assert_eq!(by_name, by_text);
}
