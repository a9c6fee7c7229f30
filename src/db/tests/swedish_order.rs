//! The list files marked letters the Swedish way (schema 24): å, ä and ö after z, other marked
//! letters under their plain letter in either case, in the Families list, search and every
//! family, and a file of schema 23 takes that order when it is upgraded.

use super::protected_order::{both_orders, listed};
use super::*;

/// One family row of each name, references in the order given, all named.
fn families_sql(names: &[&str]) -> String {
    let rows: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            format!(
                "({id}, 'S-{id}', 'Familjen {name}', 'none', 'p', 1, 'active', \
                 '2026-01-01 08:00:00', '2026-01-01 08:00:00')",
                id = i + 1
            )
        })
        .collect();
    format!(
        "INSERT INTO programme (id, version, name, definition) VALUES ('p', 1, 'P', '');
         INSERT INTO family (id, family_ref, display_name, protection, programme_id,
             programme_version, status, created_at, updated_at) VALUES {};",
        rows.join(",\n")
    )
}

/// S-1 … S-9 by name; the list wants them in this order of references.
const NAMES: [&str; 9] = [
    "Öztürk", "ŞAHIN", "Sandberg", "Émile", "Eriksson", "Müller", "Myrberg", "Çelik", "Ärlig",
];
const LISTED: [&str; 9] = [
    "S-8", "S-4", "S-5", "S-6", "S-7", "S-2", "S-3", "S-9", "S-1",
];

#[test]
fn marked_letters_stand_under_their_letter_in_the_list_and_in_search() {
    let mut db = Db::open_in_memory().unwrap();
    db.conn.execute_batch(&families_sql(&NAMES)).unwrap();
    assert_eq!(listed(&mut db, ""), LISTED, "the whole list");
    assert_eq!(listed(&mut db, "familjen"), LISTED, "a word all share");
    assert_eq!(listed(&mut db, "s-"), LISTED, "a short word");
    let (by_text, by_key) = both_orders(&mut db);
    assert_eq!(by_text, LISTED);
    assert_eq!(by_key, LISTED, "the names' keys order them alike");
    let every: Vec<String> = db
        .read(|tx| tx.list_families())
        .unwrap()
        .into_iter()
        .map(|f| f.family_ref)
        .collect();
    assert_eq!(every, LISTED, "every family");
}

#[test]
fn upgrading_files_marked_letters_under_their_letter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v23.sqlite");
    let db = super::db_at_version(&path, 23);
    db.conn.execute_batch(&families_sql(&NAMES)).unwrap();
    drop(db);
    let mut db = connect(&path, Mode::Create, None).unwrap();
    assert_eq!(listed(&mut db, ""), LISTED);
    let (by_text, by_key) = both_orders(&mut db);
    assert_eq!(by_text, LISTED);
    assert_eq!(by_key, by_text);
    // The family index of the old expression is gone; the texts' own index holds the order.
    let indexes: Vec<String> = db
        .read(|tx| {
            let mut stmt = tx
                .tx
                .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('family', 'family_text')")?;
            let names = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok::<_, crate::db::DbError>(names)
        })
        .unwrap();
    assert!(
        !indexes.iter().any(|i| i == "family_name_order"),
        "{indexes:?}"
    );
    assert!(
        indexes.iter().any(|i| i == "family_text_order"),
        "{indexes:?}"
    );
}

/// The key a family's text keeps, made in SQL by the migration's views, is the key the table
/// gives, for a name that holds every letter of the table in either case and ASCII besides.
#[test]
fn the_stored_key_is_the_tables_for_every_letter() {
    use crate::domain::enums::Protection;
    use crate::domain::search::{SORT_LETTERS, list_key};
    let letters: String = SORT_LETTERS.iter().map(|(letter, _)| *letter).collect();
    let name = format!("Familjen {letters} AZaz-09 ÕÑĞ{{|}}");
    let db = Db::open_in_memory().unwrap();
    db.conn.execute_batch(&families_sql(&["Berg"])).unwrap();
    db.conn
        .execute("UPDATE family SET display_name = ?1 WHERE id = 1", [&name])
        .unwrap();
    let stored: String = db
        .conn
        .query_row("SELECT sort FROM family_text WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, list_key(&name, Protection::None));
}
