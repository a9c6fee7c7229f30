//! Booking, moving, cancelling and recording visits.

use chrono::Duration;

use super::{Changed, Ctx, Done, Outcome, Refusal, Result};
use crate::db::Db;
use crate::domain::booking::plan::{BookingRequest, TwinVisit, is_twin_trip, twins_of};
use crate::domain::booking::{BookingRules, check_booking, past_start};
use crate::domain::enums::{AuditAction, Location, VisitStatus};
use crate::domain::model::{Interpreter, NewVisit, VisitOutcome, VisitStaff};

mod plan;
mod twins;
pub use plan::{plan_booking, plan_booking_by_hand};
use twins::{joined_twin_visits, twin_visits};

/// Books (or moves) a visit: checks it against the bookings as they stand and writes it, with
/// its audit row, in one transaction, so nothing booked meanwhile slips between.
pub fn book_visit(db: &mut Db, ctx: &Ctx, r: &BookingRequest) -> Result<Done> {
    let c = &r.candidate;
    if let Some(past) = past_start(c.start, ctx.now)
        && past.needs_reason()
        && r.override_reason
            .as_deref()
            .is_none_or(|t| t.trim().is_empty())
    {
        return Err(Refusal::InPast(past).into());
    }
    let ids: Vec<i64> = c
        .staff
        .iter()
        .map(|a| a.staff_id)
        .chain(c.interpreter_staff)
        .collect();
    let visit = NewVisit {
        child_id: r.child_id,
        visit_no: r.visit_no,
        start: c.start,
        duration_min: c.duration_min,
        location: Location::Home,
        status: VisitStatus::Planned,
        staff: c
            .staff
            .iter()
            .map(|a| VisitStaff {
                staff_id: a.staff_id,
                role: a.role,
                attended: None,
            })
            .collect(),
        interpreter_language: r.interpreter_language.clone(),
        interpreter: match (c.interpreter_staff, c.interpreter_external) {
            (Some(id), _) => Interpreter::Staff(id),
            (None, true) => Interpreter::External,
            (None, false) => Interpreter::None,
        },
        themes: Vec::new(),
        referrals: Vec::new(),
        note: None,
        override_reason: r.override_reason.clone(),
    };
    db.write(|tx| {
        let staff = tx.staff_by_ids(&ids)?;
        let moving = r
            .rebooking
            .map(|id| tx.visit_record(id))
            .transpose()?
            .flatten();
        // Twins go together: their visits of the same number are booked (or moved) with it.
        let twins = twin_visits(tx, r, moving.as_ref())?;
        let mut busy = tx.busy_between(
            &ids,
            c.start - Duration::days(1),
            c.end() + Duration::days(1),
        )?;
        // A twin's visit of the same number at the same time is the trip this one joins.
        let joined = joined_twin_visits(tx, r)?;
        let trip: Vec<TwinVisit> = twins
            .iter()
            .filter_map(|t| t.1)
            .map(|visit_id| TwinVisit {
                visit_id,
                start: c.start,
                moves_along: true,
            })
            .chain(joined.iter().map(|&visit_id| TwinVisit {
                visit_id,
                start: c.start,
                moves_along: false,
            }))
            .collect();
        busy.retain(|b| !is_twin_trip(b, &trip, c.start));
        let rules = BookingRules {
            required_roles: &[],
            window: None,
            staff: &staff,
            busy: &busy,
            interpreter_language: r.interpreter_language.as_deref(),
            rebooking: r.rebooking,
            check_hours: true,
        };
        if let Some(first) = check_booking(c, &rules).into_iter().next() {
            return Err(Refusal::Conflict(first).into());
        }
        let (id, old_day, outcome) = match r.rebooking {
            Some(id) => {
                let old = moving.as_ref().ok_or(Refusal::VisitGone)?;
                tx.move_visit(id, &visit, ctx.now)?;
                (id, old.start.date(), Outcome::Moved(c.start))
            }
            None => (
                tx.insert_visit(&visit, ctx.now)?,
                c.start.date(),
                Outcome::Booked(c.start),
            ),
        };
        let mut twin_ids = Vec::new();
        for (child_id, existing) in &twins {
            let twin = NewVisit {
                child_id: *child_id,
                ..visit.clone()
            };
            match existing {
                Some(twin_id) => {
                    tx.move_visit(*twin_id, &twin, ctx.now)?;
                    twin_ids.push(*twin_id);
                }
                None => twin_ids.push(tx.insert_visit(&twin, ctx.now)?),
            }
        }
        let action = if r.rebooking.is_some() {
            AuditAction::Rebook
        } else {
            AuditAction::Book
        };
        for visit_id in std::iter::once(id).chain(twin_ids) {
            tx.insert_audit(&crate::domain::model::AuditEntry {
                detail: Some(format!("visit {visit_id}")),
                ..ctx.audit_family(action, r.family_id)
            })?;
        }
        Ok(Done {
            outcome,
            changed: Changed::Visits {
                family_id: r.family_id,
                days: [old_day, c.start.date()],
            },
            id: Some(id),
        })
    })
}

/// Records what happened at a visit (done, cancelled, no-show), read and written in one
/// transaction with its audit row.
pub fn record_outcome(db: &mut Db, ctx: &Ctx, outcome: &VisitOutcome) -> Result<Done> {
    db.write(|tx| {
        let record = tx
            .visit_record(outcome.visit_id)?
            .ok_or(Refusal::VisitGone)?;
        // Done and no-show are facts about the past; cancelling ahead of time is fine.
        if record.start > ctx.now
            && matches!(outcome.status, VisitStatus::Done | VisitStatus::NoShow)
        {
            return Err(Refusal::NotHappenedYet(record.start).into());
        }
        let family_id = tx
            .family_of_child(record.child_id)?
            .ok_or(Refusal::FamilyGone)?;
        // A twin's visit of the same number at the same time was the same trip.
        let twins: Vec<i64> = match record.visit_no {
            Some(no) => {
                let children = tx
                    .family_detail(family_id)?
                    .map(|d| d.children)
                    .unwrap_or_default();
                let mut ids = Vec::new();
                for child in twins_of(&children, record.child_id) {
                    ids.extend(
                        tx.visits_of_child(child)?
                            .into_iter()
                            .filter(|v| {
                                v.visit_no == Some(no)
                                    && v.start == record.start
                                    && v.status == VisitStatus::Planned
                            })
                            .map(|v| v.id),
                    );
                }
                ids
            }
            None => Vec::new(),
        };
        for visit_id in std::iter::once(outcome.visit_id).chain(twins) {
            tx.set_visit_outcome(
                &VisitOutcome {
                    visit_id,
                    ..outcome.clone()
                },
                ctx.now,
            )?;
            tx.insert_audit(&crate::domain::model::AuditEntry {
                detail: Some(format!("visit {visit_id} {}", outcome.status.as_str())),
                ..ctx.audit_family(AuditAction::Outcome, family_id)
            })?;
        }
        let day = record.start.date();
        Ok(Done {
            outcome: Outcome::OutcomeRecorded(outcome.status),
            changed: Changed::Visits {
                family_id,
                days: [day, day],
            },
            id: None,
        })
    })
}
