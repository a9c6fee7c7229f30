//! Today's to-do reads a range of families at a time: each range is a step of the families'
//! status index and their children by family, not a pass over every recent child.

use super::*;
use crate::db::visits::facts::{CHILDREN_OF_FAMILIES, VISITS_OF_FAMILIES};
use rusqlite::params;

/// How SQLite would run `query`, one line a step.
fn plan(db: &mut Db, query: &str) -> Vec<String> {
    db.read(|tx| {
        let mut stmt = tx.tx.prepare(&format!("EXPLAIN QUERY PLAN {query}"))?;
        let rows = stmt
            .query_map(params!["2025-01-01", 1, 5000], |r| r.get::<_, String>(3))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok::<_, crate::db::DbError>(rows)
    })
    .unwrap()
}

#[test]
fn a_range_of_families_is_found_by_status_and_id() {
    let mut db = Db::open_in_memory().unwrap();
    for query in [CHILDREN_OF_FAMILIES, VISITS_OF_FAMILIES] {
        let steps = plan(&mut db, query);
        assert!(
            steps
                .first()
                .is_some_and(|s| s.contains("family_status") && s.contains("rowid>")),
            "{steps:?}"
        );
        assert!(
            steps.iter().any(|s| s.contains("child_family")),
            "{steps:?}"
        );
    }
}
