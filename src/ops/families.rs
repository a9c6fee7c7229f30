//! A family's record: saving it, its people and consent, its status, and looking at it.

use super::{Changed, Ctx, Done, Outcome, Refusal, Result};
use crate::db::Db;
use crate::domain::enums::{AuditAction, ExitReason, FamilyStatus};
use crate::domain::model::{Consent, NewCaregiver, NewChild, NewFamily, StatusChange};
use crate::domain::status_dates::{StatusDates, StatusDay, StatusMove};

fn family_done(outcome: Outcome, family_id: i64) -> Done {
    Done {
        outcome,
        changed: Changed::Family(family_id),
        id: Some(family_id),
    }
}

/// Registers a new family on its programme's current version (stored the first time it is
/// used), or changes an existing family's own fields.
/// Saves a new family, or an edited one with its corrected status days (`dates`), refused when
/// a day is in the future or before the offer or enrolment it follows.
pub fn save_family(
    db: &mut Db,
    ctx: &Ctx,
    id: Option<i64>,
    family: &NewFamily,
    dates: Option<&StatusDates>,
) -> Result<Done> {
    if let Some((day, problem)) = dates
        .map(|d| d.problems(ctx.now.date()))
        .and_then(|p| p.first().copied())
    {
        return Err(Refusal::StatusDay(day, problem).into());
    }
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
            if let Some(dates) = dates {
                tx.set_status_dates(id, dates)?;
            }
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
        let on = change.since.unwrap_or(ctx.now.date());
        let from = tx.family_status(family_id)?;
        if let Some(dates) = tx.status_dates(family_id)?
            && let Some(problem) = dates.change_problem(change.status, on, ctx.now.date())
        {
            return Err(Refusal::StatusDay(StatusDay::of(change.status), problem).into());
        }
        tx.set_family_status(family_id, change.status, change.exit, on, note, ctx.now)?;
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
        // The log says from what to what, on which day, and why a family left.
        let moved = StatusMove {
            from,
            to: change.status,
            on,
            // Completing is its own reason.
            exit: change
                .exit
                .filter(|_| change.status == FamilyStatus::Exited),
        };
        tx.insert_audit(&crate::domain::model::AuditEntry {
            detail: Some(moved.code()),
            ..ctx.audit_family(AuditAction::Status, family_id)
        })?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::FamilyStatus;
    use crate::domain::status_dates::DateProblem;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    /// A family enrolled on 2026-10-01, and the clock on 2026-11-22.
    fn enrolled() -> (Db, Ctx, i64) {
        let mut db = Db::open_in_memory().unwrap();
        let ctx = Ctx {
            actor: "test".into(),
            now: d(11, 22).and_hms_opt(9, 0, 0).unwrap(),
        };
        let family = crate::db::tests::sample_family("2026-100");
        let id = save_family(&mut db, &ctx, None, &family, None)
            .unwrap()
            .id
            .unwrap();
        (db, ctx, id)
    }

    fn change(status: FamilyStatus, since: NaiveDate) -> StatusChange {
        StatusChange {
            status,
            exit: (status == FamilyStatus::Exited).then_some(ExitReason::Moved),
            exit_note: None,
            cancel_booked: false,
            since: Some(since),
        }
    }

    fn refused(result: Result<Done>) -> Refusal {
        match result {
            Err(super::super::OpsError::Refused(r)) => r,
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_status_day_before_the_enrolment_or_in_the_future_is_refused_and_changes_nothing() {
        let (mut db, ctx, id) = enrolled();
        let r = refused(set_status(
            &mut db,
            &ctx,
            id,
            &change(FamilyStatus::Exited, d(9, 15)),
        ));
        assert_eq!(
            r,
            Refusal::StatusDay(StatusDay::Exited, DateProblem::BeforeEnrolment(d(10, 1)))
        );
        let r = refused(set_status(
            &mut db,
            &ctx,
            id,
            &change(FamilyStatus::Paused, d(11, 23)),
        ));
        assert_eq!(
            r,
            Refusal::StatusDay(StatusDay::Paused, DateProblem::InFuture)
        );
        let detail = db.read(|tx| tx.family_detail(id)).unwrap().unwrap();
        assert_eq!(detail.status, FamilyStatus::Active);
        // The real day, earlier than today, is kept.
        set_status(&mut db, &ctx, id, &change(FamilyStatus::Paused, d(11, 2))).unwrap();
        let detail = db.read(|tx| tx.family_detail(id)).unwrap().unwrap();
        assert_eq!(
            (detail.status, detail.paused_on),
            (FamilyStatus::Paused, Some(d(11, 2)))
        );
    }

    #[test]
    fn an_edit_corrects_the_status_days_and_refuses_impossible_ones() {
        let (mut db, ctx, id) = enrolled();
        let detail = db.read(|tx| tx.family_detail(id)).unwrap().unwrap();
        let family = NewFamily {
            facts: detail.facts.clone(),
            caregivers: Vec::new(),
            children: Vec::new(),
        };
        let mut dates = detail.status_dates();
        dates.offered_on = Some(d(10, 5));
        let r = refused(save_family(&mut db, &ctx, Some(id), &family, Some(&dates)));
        assert_eq!(
            r,
            Refusal::StatusDay(StatusDay::Enrolled, DateProblem::BeforeOffer(d(10, 5)))
        );
        dates.offered_on = Some(d(9, 20));
        save_family(&mut db, &ctx, Some(id), &family, Some(&dates)).unwrap();
        let after = db.read(|tx| tx.family_detail(id)).unwrap().unwrap();
        assert_eq!(after.offered_on, Some(d(9, 20)));
        assert_eq!(after.enrolled_on, Some(d(10, 1)));
    }
}
