//! The staff register.

use super::{Changed, Ctx, Done, Outcome, Result};
use crate::db::Db;
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::domain::model::NewStaff;

/// Adds a staff member (no id) or changes one, with its audit row.
pub fn save_staff(db: &mut Db, ctx: &Ctx, id: Option<i64>, staff: &NewStaff) -> Result<Done> {
    db.write(|tx| {
        let saved = match id {
            Some(id) => {
                tx.update_staff(id, staff)?;
                id
            }
            None => tx.insert_staff(staff)?,
        };
        let action = if id.is_some() {
            AuditAction::Update
        } else {
            AuditAction::Create
        };
        tx.insert_audit(&ctx.audit(action, AuditEntity::Staff, Some(saved)))?;
        Ok(Done {
            outcome: Outcome::StaffSaved,
            changed: Changed::Staff,
            id: Some(saved),
        })
    })
}
