//! Today's to-do reads a range of families at a time: each range is a step of the families'
//! status index and their children by family, not a pass over every recent child.

use super::*;
use crate::db::visits::facts::{CHILDREN_OF_FAMILIES, VISITS_OF_FAMILIES};
use rusqlite::params;

fn plan(db: &mut Db, query: &str) -> Vec<String> {
    super::query_plan(db, query, params!["2025-01-01", 1, 5000])
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
