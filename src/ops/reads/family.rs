//! A family's page: the family, its children's visits as the timeline needs them, and its
//! parent groups. Viewing it is written to the audit log first.

use std::collections::HashMap;

use crate::db::{Db, DbError};
use crate::domain::group_views::FamilyGroup;
use crate::domain::timeline::VisitFact;
use crate::domain::views::FamilyDetail;
use crate::ops::{Ctx, OpsError, Refusal};

/// What a family's page is built from.
#[derive(Debug)]
pub struct FamilyRead {
    pub detail: FamilyDetail,
    /// Each child's visits, by child id.
    pub facts: HashMap<i64, Vec<VisitFact>>,
    pub groups: Vec<FamilyGroup>,
}

/// A family's page, opened: the view is in the audit log before anything is read.
pub fn open(db: &mut Db, ctx: &Ctx, family_id: i64) -> Result<FamilyRead, OpsError> {
    crate::ops::families::view_family(db, ctx, family_id)?;
    page(db, family_id)
}

/// A family's page again, after a change to it.
pub fn page(db: &mut Db, family_id: i64) -> Result<FamilyRead, OpsError> {
    let (detail, facts, groups) = db
        .read(|tx| {
            Ok::<_, DbError>((
                tx.family_detail(family_id)?,
                tx.visit_facts_of_family(family_id)?,
                tx.groups_of_family(family_id)?,
            ))
        })
        .map_err(OpsError::read)?;
    Ok(FamilyRead {
        detail: detail.ok_or(Refusal::FamilyGone)?,
        facts,
        groups,
    })
}
