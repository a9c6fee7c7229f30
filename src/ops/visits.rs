//! Booking, moving, cancelling and recording visits.

use chrono::Duration;

use super::{Changed, Ctx, Done, OpsError, Outcome, Refusal, Result};
use crate::db::Db;
use crate::domain::booking::plan::{
    BookingOptions, BookingRequest, TwinVisit, bookable, candidate_staff, is_twin_trip,
    proposal_span, ranked_staff, twins_of, visit_to_book,
};
use crate::domain::booking::{
    Assigned, BookingRules, Candidate, ProposalRequest, check_booking, past_start, propose,
};
use crate::domain::enums::{AuditAction, Location, VisitStatus};
use crate::domain::model::{Interpreter, NewVisit, Staff, VisitOutcome, VisitStaff};

/// How far around the family's area staff count as working there.
const AREA_DAYS: i64 = 60;
/// Proposals shown; one more is asked for, since moving a visit drops the slot it has.
const PROPOSALS: usize = 5;

mod twins;
use twins::{joined_twin_visits, trip_twins, twin_trip, twin_visits};

/// The proposals for the family's most pressing unbooked visit, or for moving `rebook`: all
/// read in one transaction.
pub fn plan_booking(
    db: &mut Db,
    ctx: &Ctx,
    warning_days: u32,
    family_id: i64,
    rebook: Option<i64>,
) -> Result<BookingOptions> {
    let now = ctx.now;
    db.read(|tx| {
        let detail = tx.family_detail(family_id)?.ok_or(Refusal::FamilyGone)?;
        if !bookable(detail.status) {
            return Err(Refusal::NotBookable(detail.status).into());
        }
        let catalogue = tx.programme_catalogue()?;
        let programme = catalogue
            .get(&detail.programme_id, detail.programme_version)
            .ok_or_else(|| Refusal::ProgrammeUnknown(detail.programme_id.clone()))?;
        let facts = tx.visit_facts_of_family(family_id)?;
        let moving = rebook.map(|id| tx.visit_record(id)).transpose()?.flatten();
        let visit = visit_to_book(
            programme,
            &detail.children,
            &facts,
            now.date(),
            warning_days,
            moving.as_ref().map(|m| (m.child_id, m.visit_no)),
        )
        .ok_or(Refusal::NothingToBook)?;
        let pv = programme
            .visit(visit.visit_no)
            .ok_or(Refusal::NothingToBook)?;
        let previous = tx.family_staff(family_id)?;
        let area_staff = match &detail.area {
            Some(area) => tx.area_staff(
                area,
                now - Duration::days(AREA_DAYS),
                now + Duration::days(AREA_DAYS),
            )?,
            None => Vec::new(),
        };
        let known: Vec<i64> = previous.iter().chain(&area_staff).copied().collect();
        let all_staff =
            tx.bookable_staff(&pv.roles, detail.interpreter_language.as_deref(), &known)?;
        let chosen = candidate_staff(
            &pv.roles,
            &all_staff,
            &previous,
            &area_staff,
            detail.interpreter_language.as_deref(),
        );
        // By hand, everyone who could go is offered, best first; the proposer weighs the few.
        let staff: Vec<Staff> = ranked_staff(
            &pv.roles,
            &all_staff,
            &previous,
            &area_staff,
            detail.interpreter_language.as_deref(),
        )
        .into_iter()
        .cloned()
        .collect();
        let weighed: Vec<Staff> = staff
            .iter()
            .filter(|s| chosen.binary_search(&s.id).is_ok())
            .cloned()
            .collect();
        let (from, until) = proposal_span(visit.window, now);
        // Busy times are read for the few the proposer weighs, the family's earlier staff and
        // those who work the area: the people a coordinator picks by hand too. Anyone else
        // chosen by hand is checked when the booking is saved, in its write transaction.
        let mut ids: Vec<i64> = weighed.iter().map(|s| s.id).collect();
        ids.extend(previous.iter().copied());
        ids.extend(area_staff.iter().copied());
        ids.sort_unstable();
        ids.dedup();
        let busy = tx.busy_between(&ids, from, until)?;
        let request = ProposalRequest {
            rules: BookingRules {
                required_roles: &pv.roles,
                window: Some(visit.window),
                staff: &weighed,
                busy: &busy,
                interpreter_language: detail.interpreter_language.as_deref(),
                rebooking: rebook,
                check_hours: true,
            },
            duration_min: 60,
            from,
            area: detail.area.as_deref(),
            preferred: &previous,
            count: PROPOSALS + 1,
        };
        let planned = moving.as_ref().filter(|m| m.status == VisitStatus::Planned);
        let current_slot = planned.map(|m| m.start);
        let booked = match planned {
            Some(m) => tx.stored_visit(m.id)?.as_ref().map(booked_candidate),
            None => None,
        };
        // The twins' visits that are this booking's own trip: the form checks as the save does.
        let twins = trip_twins(
            tx,
            &detail.children,
            visit.child_id,
            visit.visit_no,
            moving.as_ref(),
        )?;
        // A twin's visit of this number already booked: joining it comes first, one trip.
        let joined = match rebook {
            None => twin_trip(tx, &detail.children, &visit, now)?,
            Some(_) => None,
        };
        let proposals = joined
            .into_iter()
            .chain(
                propose(&request)
                    .into_iter()
                    .filter(|p| Some(p.candidate.start) != current_slot),
            )
            .take(PROPOSALS)
            .collect();
        Ok(BookingOptions {
            family_id,
            protection: detail.protection,
            visit_name: pv.name.clone(),
            visit_name_en: pv.name_en.clone(),
            required_roles: pv.roles.clone(),
            visit,
            interpreter_language: detail.interpreter_language.clone(),
            rebooking: rebook,
            booked,
            proposals,
            staff,
            busy,
            twins,
            now,
        })
    })
    .map_err(|e: OpsError| match e {
        OpsError::Save(e) => OpsError::Read(e),
        other => other,
    })
}

/// A stored visit as the booking it is: when, how long, who goes and who interprets.
fn booked_candidate(v: &NewVisit) -> Candidate {
    Candidate {
        start: v.start,
        duration_min: v.duration_min,
        staff: v
            .staff
            .iter()
            .map(|s| Assigned {
                role: s.role,
                staff_id: s.staff_id,
            })
            .collect(),
        interpreter_staff: match v.interpreter {
            Interpreter::Staff(id) => Some(id),
            Interpreter::None | Interpreter::External => None,
        },
        interpreter_external: v.interpreter == Interpreter::External,
    }
}

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
