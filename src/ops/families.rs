//! A family's record: saving it, its people and consent, its status, and looking at it.

use super::{Changed, Ctx, Done, Outcome, Refusal, Result};
use crate::db::Db;
use crate::domain::enums::{AuditAction, ExitReason, FamilyStatus};
use crate::domain::model::{Consent, NewCaregiver, NewChild, NewFamily};

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

pub fn add_consent(db: &mut Db, ctx: &Ctx, family_id: i64, consent: &Consent) -> Result<Done> {
    db.write(|tx| {
        tx.add_consent(family_id, consent)?;
        tx.insert_audit(&ctx.audit_family(AuditAction::Consent, family_id))?;
        Ok(family_done(Outcome::ConsentRecorded, family_id))
    })
}

/// Moves a family to another status; leaving keeps the reason and the day.
pub fn set_status(
    db: &mut Db,
    ctx: &Ctx,
    family_id: i64,
    status: FamilyStatus,
    exit: Option<ExitReason>,
) -> Result<Done> {
    db.write(|tx| {
        tx.set_family_status(
            family_id,
            status,
            exit.map(|r| (r, ctx.now.date())),
            ctx.now,
        )?;
        tx.insert_audit(&ctx.audit_family(AuditAction::Status, family_id))?;
        Ok(family_done(Outcome::StatusChanged(status), family_id))
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
