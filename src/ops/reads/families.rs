//! Families: the search index of every family, and one family's entry after it changed.

use crate::db::Db;
use crate::domain::views::FamilyIndexEntry;
use crate::ops::OpsError;

/// Every family's entry in the search index.
pub fn index(db: &mut Db) -> Result<Vec<FamilyIndexEntry>, OpsError> {
    db.read(|tx| tx.family_index()).map_err(OpsError::Read)
}

/// One family's entry, after it changed; none when it is gone.
pub fn index_entry(db: &mut Db, family_id: i64) -> Result<Option<FamilyIndexEntry>, OpsError> {
    db.read(|tx| tx.family_index_entry(family_id))
        .map_err(OpsError::Read)
}
