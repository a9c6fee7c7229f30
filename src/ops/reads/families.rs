//! Families: a page of the list the Families screen shows, and what its filters offer.

use crate::db::Db;
use crate::domain::family_list::{FAMILY_PAGE, FamilyChoices, FamilyPage, FamilyQuery};
use crate::ops::OpsError;

/// What the filters offer and how many families there are, with the list's page for `q`.
pub fn open(db: &mut Db, q: &FamilyQuery) -> Result<(FamilyChoices, FamilyPage), OpsError> {
    db.read(|tx| Ok((tx.family_choices()?, tx.family_page(q, FAMILY_PAGE)?)))
        .map_err(OpsError::Read)
}

/// The page of the list `q` asks for.
pub fn page(db: &mut Db, q: &FamilyQuery) -> Result<FamilyPage, OpsError> {
    page_of(db, q, FAMILY_PAGE)
}

/// `limit` families of the list `q` asks for.
pub fn page_of(db: &mut Db, q: &FamilyQuery, limit: usize) -> Result<FamilyPage, OpsError> {
    db.read(|tx| tx.family_page(q, limit))
        .map_err(OpsError::Read)
}
