//! A family's record: saving it, its people and consent, its status, and looking at it.

use super::{Changed, Ctx, Done, Outcome, Refusal, Result};
use crate::db::Db;
use crate::domain::enums::{AuditAction, ExitReason};
use crate::domain::model::{Consent, NewCaregiver, NewChild, NewFamily, StatusChange};

fn family_done(outcome: Outcome, family_id: i64) -> Done {
    Done {
        outcome,
        changed: Changed::Family(family_id),
        id: Some(family_id),
    }
}

/// Registers a new family on its programme's current version (stored the first time it is
/// used), or changes an existing family's own fields.
pub fn save_family(db: &mut Db, ctx: &Ctx, id: Option<i64>, family: &NewFamily) -> Result<Done> {
    db.write(|tx| match id {
        None => {
            let catalogue = tx.programme_catalogue()?;
            let programme = catalogue
                .current(&family.programme_id)
                .ok_or_else(|| Refusal::ProgrammeUnknown(family.programme_id.clone()))?;
            tx.ensure_programme(
                programme,
                catalogue.template_text(&programme.id).unwrap_or_default(),
            )?;
            let new_id = tx.insert_family(family, programme.version, ctx.now)?;
            tx.insert_audit(&ctx.audit_family(AuditAction::Create, new_id))?;
            Ok(family_done(Outcome::FamilyCreated, new_id))
        }
        Some(id) => {
            tx.update_family(id, family, ctx.now)?;
            tx.insert_audit(&ctx.audit_family(AuditAction::Update, id))?;
            Ok(family_done(Outcome::FamilyUpdated, id))
        }
    })
}

pub fn add_caregiver(
    db: &mut Db,
    ctx: &Ctx,
    family_id: i64,
    caregiver: &NewCaregiver,
) -> Result<Done> {
    db.write(|tx| {
        tx.add_caregiver(family_id, caregiver)?;
        tx.insert_audit(&ctx.audit_family(AuditAction::AddCaregiver, family_id))?;
        Ok(family_done(Outcome::CaregiverAdded, family_id))
    })
}

pub fn add_child(db: &mut Db, ctx: &Ctx, family_id: i64, child: &NewChild) -> Result<Done> {
    db.write(|tx| {
        tx.add_child(family_id, child)?;
        tx.insert_audit(&ctx.audit_family(AuditAction::AddChild, family_id))?;
        Ok(family_done(Outcome::ChildAdded, family_id))
    })
}

/// Changes one of the family's caregivers.
pub fn update_caregiver(
    db: &mut Db,
    ctx: &Ctx,
    family_id: i64,
    caregiver_id: i64,
    caregiver: &NewCaregiver,
) -> Result<Done> {
    db.write(|tx| {
        if !tx.update_caregiver(family_id, caregiver_id, caregiver)? {
            return Err(Refusal::PersonGone.into());
        }
        tx.insert_audit(&person_audit(
            ctx,
            AuditAction::UpdateCaregiver,
            family_id,
            caregiver_id,
        ))?;
        Ok(family_done(Outcome::CaregiverUpdated, family_id))
    })
}

/// Removes one of the family's caregivers.
pub fn remove_caregiver(db: &mut Db, ctx: &Ctx, family_id: i64, caregiver_id: i64) -> Result<Done> {
    db.write(|tx| {
        if !tx.delete_caregiver(family_id, caregiver_id)? {
            return Err(Refusal::PersonGone.into());
        }
        tx.insert_audit(&person_audit(
            ctx,
            AuditAction::RemoveCaregiver,
            family_id,
            caregiver_id,
        ))?;
        Ok(family_done(Outcome::CaregiverRemoved, family_id))
    })
}

/// Changes one of the family's children.
pub fn update_child(
    db: &mut Db,
    ctx: &Ctx,
    family_id: i64,
    child_id: i64,
    child: &NewChild,
) -> Result<Done> {
    db.write(|tx| {
        if !tx.update_child(family_id, child_id, child)? {
            return Err(Refusal::PersonGone.into());
        }
        tx.insert_audit(&person_audit(
            ctx,
            AuditAction::UpdateChild,
            family_id,
            child_id,
        ))?;
        Ok(family_done(Outcome::ChildUpdated, family_id))
    })
}

/// Removes one of the family's children with its visits; refused when a visit took place (the
/// report counts it).
pub fn remove_child(db: &mut Db, ctx: &Ctx, family_id: i64, child_id: i64) -> Result<Done> {
    db.write(|tx| {
        let done = tx.done_visits_of_child(child_id)?;
        if done > 0 {
            return Err(Refusal::ChildHasDoneVisits(done).into());
        }
        if !tx.delete_child(family_id, child_id)? {
            return Err(Refusal::PersonGone.into());
        }
        tx.insert_audit(&person_audit(
            ctx,
            AuditAction::RemoveChild,
            family_id,
            child_id,
        ))?;
        Ok(Done {
            outcome: Outcome::ChildRemoved,
            // Its booked visits went with it.
            changed: Changed::FamilyVisits(family_id),
            id: Some(family_id),
        })
    })
}

/// The family's audit row, naming which of its people.
fn person_audit(
    ctx: &Ctx,
    action: AuditAction,
    family_id: i64,
    person_id: i64,
) -> crate::domain::model::AuditEntry {
    crate::domain::model::AuditEntry {
        detail: Some(format!("person {person_id}")),
        ..ctx.audit_family(action, family_id)
    }
}

pub fn add_consent(db: &mut Db, ctx: &Ctx, family_id: i64, consent: &Consent) -> Result<Done> {
    db.write(|tx| {
        tx.add_consent(family_id, consent)?;
        tx.insert_audit(&ctx.audit_family(AuditAction::Consent, family_id))?;
        Ok(family_done(Outcome::ConsentRecorded, family_id))
    })
}

/// Moves a family to another status; leaving keeps the reason and the day. With
/// `cancel_booked`, the family's visits booked from now on are cancelled on its side, with its
/// reason, in the same transaction; the outcome says how many.
pub fn set_status(db: &mut Db, ctx: &Ctx, family_id: i64, change: &StatusChange) -> Result<Done> {
    db.write(|tx| {
        let note = change
            .exit_note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        tx.set_family_status(
            family_id,
            change.status,
            change
                .exit
                .map(|r| (r, change.exited_on.unwrap_or(ctx.now.date()))),
            note,
            ctx.now,
        )?;
        let cancelled = if change.cancel_booked {
            // The reason kept on each visit: the coordinator's words, else the code of why the
            // family left (or of its new status), like every other stored code.
            let reason = note.unwrap_or_else(|| {
                change
                    .exit
                    .map_or(change.status.as_str(), ExitReason::as_str)
            });
            tx.cancel_booked_of_family(family_id, reason, ctx.now)?
        } else {
            0
        };
        tx.insert_audit(&ctx.audit_family(AuditAction::Status, family_id))?;
        Ok(Done {
            outcome: Outcome::StatusChanged {
                status: change.status,
                cancelled,
            },
            changed: if cancelled > 0 {
                Changed::FamilyVisits(family_id)
            } else {
                Changed::Family(family_id)
            },
            id: Some(family_id),
        })
    })
}

/// A look at a family's page, written to the audit log before anything is shown.
pub fn view_family(db: &mut Db, ctx: &Ctx, family_id: i64) -> Result<()> {
    db.write(|tx| Ok(tx.insert_audit(&ctx.audit_family(AuditAction::View, family_id))?))
}

/// Showing a protected family's address and phone, written to the audit log first.
pub fn reveal_protected(db: &mut Db, ctx: &Ctx, family_id: i64) -> Result<()> {
    db.write(|tx| Ok(tx.insert_audit(&ctx.audit_family(AuditAction::RevealProtected, family_id))?))
}
