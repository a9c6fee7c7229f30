//! Booking against the database: which visit is due, who could go, when they are free, and
//! writing the booking after checking it once more.

use chrono::{Days, Duration, NaiveDateTime, Timelike};

use super::effects::Runner;
use crate::app::booking::{BookingPlan, BookingRequest, ProposalView};
use crate::app::{Action, Text};
use crate::db::DbError;
use crate::domain::booking::{BookingRules, ProposalRequest, check_booking, propose};
use crate::domain::enums::{FamilyStatus, Location, Role, VisitStatus};
use crate::domain::model::{AuditEntry, Interpreter, NewVisit, Staff, VisitOutcome, VisitStaff};
use crate::domain::schedule::{VisitState, Window};
use crate::domain::timeline::timeline;

/// How many staff per role the proposer weighs: the family's own first, then the area's.
const CANDIDATES_PER_ROLE: usize = 8;
/// How far ahead an upcoming visit may be booked from the family page.
const BOOK_AHEAD_DAYS: u64 = 30;

/// The next half hour at least an hour from now: nobody books a visit for the next minute.
fn earliest_start(now: NaiveDateTime) -> NaiveDateTime {
    let t = now + Duration::hours(1);
    let rounded = t
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(t);
    let minute = rounded.minute();
    if minute == 0 || minute == 30 {
        rounded
    } else if minute < 30 {
        rounded.with_minute(30).unwrap_or(rounded)
    } else {
        rounded.with_minute(0).unwrap_or(rounded) + Duration::hours(1)
    }
}

impl Runner {
    /// Proposals for the family's most pressing unbooked visit, or for moving `rebook`.
    pub(super) fn load_proposals(
        &mut self,
        family_id: i64,
        rebook: Option<i64>,
    ) -> Result<Action, DbError> {
        let now = self.now();
        let today = now.date();
        let (detail, facts, previous, moving) = self.db.read(|tx| {
            Ok::<_, DbError>((
                tx.family_detail(family_id)?,
                tx.visit_facts_of_family(family_id)?,
                tx.family_staff(family_id)?,
                rebook.map(|id| tx.visit_record(id)).transpose()?.flatten(),
            ))
        })?;
        let detail =
            detail.ok_or_else(|| DbError::Conflict("the family no longer exists".into()))?;
        // Only families in the programme (or offered it) get visits; the others need a status
        // change first, which is a decision to make on purpose.
        if !matches!(detail.status, FamilyStatus::Active | FamilyStatus::Offered) {
            let status = crate::app::labels::status(detail.status);
            return Ok(Action::Failed(Text::new(
                format!(
                    "Familjen är {}: ändra status (a = aktiv) innan du bokar.",
                    status.sv
                ),
                format!(
                    "The family is {}: change the status (a = active) before booking.",
                    status.en
                ),
            )));
        }
        let programme = self
            .programmes
            .iter()
            .find(|p| p.id == detail.programme_id && p.version == detail.programme_version)
            .cloned()
            .ok_or_else(|| {
                DbError::Conflict(format!("programme {} is not known", detail.programme_id))
            })?;
        let horizon = today
            .checked_add_days(Days::new(BOOK_AHEAD_DAYS))
            .unwrap_or(today);
        // The visit to book: the one being moved, else the most pressing open one.
        let mut choice: Option<(i64, String, u32, Window)> = None;
        for child in detail.children.iter().filter(|c| !c.expected) {
            let visits = facts.get(&child.id).map_or(&[][..], Vec::as_slice);
            for e in timeline(
                &programme,
                child.birth_date,
                visits,
                today,
                self.warning_days,
            ) {
                let wanted = match &moving {
                    Some(m) => m.child_id == child.id && m.visit_no == Some(e.visit_no),
                    None => {
                        matches!(e.state, VisitState::Due | VisitState::Overdue)
                            || (e.state == VisitState::Upcoming && e.window.earliest <= horizon)
                    }
                };
                if wanted && choice.as_ref().is_none_or(|c| e.window.due < c.3.due) {
                    choice = Some((child.id, child.name.clone(), e.visit_no, e.window));
                }
            }
        }
        let Some((child_id, child_name, visit_no, window)) = choice else {
            return Ok(Action::Failed(Text::new(
                "Inget besök att boka just nu: allt är bokat, gjort, eller långt fram.",
                "Nothing to book now: every visit is booked, done, or far ahead.",
            )));
        };
        let Some(pv) = programme.visit(visit_no) else {
            return Err(DbError::Conflict(format!(
                "visit {visit_no} is not in the programme"
            )));
        };
        let all_staff = self.db.read(|tx| tx.list_staff())?;
        let area_staff = match &detail.area {
            Some(area) => self.db.read(|tx| {
                tx.area_staff(area, now - Duration::days(60), now + Duration::days(60))
            })?,
            None => Vec::new(),
        };
        let mut chosen: Vec<i64> = Vec::new();
        for role in &pv.roles {
            let of_role = |id: &i64| {
                all_staff
                    .iter()
                    .any(|s| s.id == *id && s.role == *role && s.active)
            };
            let mut ids: Vec<i64> = previous
                .iter()
                .chain(&area_staff)
                .copied()
                .filter(of_role)
                .collect();
            if ids.len() < 3 {
                ids.extend(
                    all_staff
                        .iter()
                        .filter(|s| s.role == *role && s.active)
                        .map(|s| s.id)
                        .take(5),
                );
            }
            // Keep the first of each: previous staff, then the area's, then anyone.
            let mut seen = Vec::new();
            ids.retain(|id| {
                let first = !seen.contains(id);
                seen.push(*id);
                first
            });
            chosen.extend(ids.into_iter().take(CANDIDATES_PER_ROLE));
        }
        if let Some(lang) = &detail.interpreter_language {
            chosen.extend(
                all_staff
                    .iter()
                    .filter(|s| {
                        s.role == Role::Interpreter
                            && s.active
                            && s.languages.iter().any(|l| l.eq_ignore_ascii_case(lang))
                    })
                    .map(|s| s.id)
                    .take(CANDIDATES_PER_ROLE),
            );
        }
        chosen.sort_unstable();
        chosen.dedup();
        let staff: Vec<Staff> = all_staff
            .into_iter()
            .filter(|s| chosen.contains(&s.id))
            .collect();
        let from = earliest_start(now).max(window.earliest.and_hms_opt(0, 0, 0).unwrap_or(now));
        let until = window
            .max
            .checked_add_days(Days::new(1))
            .unwrap_or(window.max)
            .and_hms_opt(0, 0, 0)
            .unwrap_or(now);
        let busy = self.db.read(|tx| tx.busy_between(&chosen, from, until))?;
        let request = ProposalRequest {
            rules: BookingRules {
                required_roles: &pv.roles,
                window: Some(window),
                staff: &staff,
                busy: &busy,
                interpreter_language: detail.interpreter_language.as_deref(),
                rebooking: rebook,
                check_hours: true,
            },
            duration_min: 60,
            from,
            area: detail.area.as_deref(),
            preferred: &previous,
            // One spare: moving a booked visit drops the slot it already has.
            count: 6,
        };
        let current_slot = moving
            .as_ref()
            .filter(|m| m.status == crate::domain::enums::VisitStatus::Planned)
            .map(|m| m.start);
        let name = |id: i64| {
            staff
                .iter()
                .find(|s| s.id == id)
                .map_or_else(String::new, |s| s.name.clone())
        };
        let proposals = propose(&request)
            .into_iter()
            .filter(|p| Some(p.candidate.start) != current_slot)
            .take(5)
            .map(|p| ProposalView {
                people: p
                    .candidate
                    .staff
                    .iter()
                    .map(|a| (a.role, name(a.staff_id)))
                    .collect(),
                interpreter: match (
                    p.candidate.interpreter_staff,
                    p.candidate.interpreter_external,
                ) {
                    (Some(id), _) => Some(name(id)),
                    (None, true) => Some("external".into()),
                    (None, false) => None,
                },
                same_area: p.same_area,
                candidate: p.candidate,
            })
            .collect();
        Ok(Action::ProposalsLoaded(Box::new(BookingPlan {
            family_id,
            child_id,
            child_name,
            visit_no: Some(visit_no),
            visit_name: Text::new(pv.name.clone(), pv.name_en.clone()),
            window: Some(window),
            interpreter_language: detail.interpreter_language.clone(),
            rebooking: rebook,
            proposals,
            required_roles: pv.roles.clone(),
            staff: staff.clone(),
            busy: busy.clone(),
        })))
    }

    /// Books (or moves) a visit after checking it again: someone may have booked meanwhile.
    pub(super) fn book_visit(&mut self, r: &BookingRequest) -> Result<Vec<Action>, DbError> {
        let c = &r.candidate;
        let ids: Vec<i64> = c
            .staff
            .iter()
            .map(|a| a.staff_id)
            .chain(c.interpreter_staff)
            .collect();
        let now = self.now();
        let (staff, busy) = self.db.read(|tx| {
            Ok::<_, DbError>((
                tx.list_staff()?,
                tx.busy_between(
                    &ids,
                    c.start - Duration::days(1),
                    c.end() + Duration::days(1),
                )?,
            ))
        })?;
        let rules = BookingRules {
            required_roles: &[],
            window: None,
            staff: &staff,
            busy: &busy,
            interpreter_language: r.interpreter_language.as_deref(),
            rebooking: r.rebooking,
            check_hours: true,
        };
        let conflicts = check_booking(c, &rules);
        if let Some(first) = conflicts.first() {
            return Ok(vec![Action::Failed(Text::new(
                format!("Inte bokat: {}", first.message_sv()),
                format!("Not booked: {}", first.message_en()),
            ))]);
        }
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
        let actor = self.actor.clone();
        let family_id = r.family_id;
        let rebooking = r.rebooking;
        self.db.write(|tx| {
            let id = match rebooking {
                Some(id) => {
                    tx.move_visit(id, &visit, now)?;
                    id
                }
                None => tx.insert_visit(&visit, now)?,
            };
            tx.insert_audit(&AuditEntry {
                at: now,
                actor,
                action: if rebooking.is_some() {
                    "rebook".into()
                } else {
                    "book".into()
                },
                entity: "family".into(),
                entity_id: Some(family_id),
                detail: Some(format!("visit {id}")),
            })
        })?;
        let when = c.start.format("%Y-%m-%d %H:%M");
        self.after_family_change(
            family_id,
            Text::new(format!("Bokat: {when}."), format!("Booked: {when}.")),
        )
    }

    /// Records what happened at a visit, with its audit row; the timeline and Today follow.
    pub(super) fn set_outcome(&mut self, outcome: &VisitOutcome) -> Result<Vec<Action>, DbError> {
        let now = self.now();
        let record = self.db.read(|tx| tx.visit_record(outcome.visit_id))?;
        // Done and no-show are facts about the past; cancelling ahead of time is fine.
        if let Some(r) = &record
            && r.start > now
            && matches!(outcome.status, VisitStatus::Done | VisitStatus::NoShow)
        {
            let when = r.start.format("%Y-%m-%d %H:%M");
            return Ok(vec![Action::Failed(Text::new(
                format!(
                    "Besöket {when} har inte ägt rum ännu; anteckna det efteråt (avbokning går bra nu)."
                ),
                format!(
                    "The visit at {when} has not happened yet; record it afterwards (cancelling is fine now)."
                ),
            ))]);
        }
        let family_id = self.db.read(|tx| {
            let child = tx.visit_record(outcome.visit_id)?.map(|v| v.child_id);
            Ok::<_, DbError>(child.map(|c| tx.family_of_child(c)).transpose()?.flatten())
        })?;
        let Some(family_id) = family_id else {
            return Err(DbError::Conflict("the visit no longer exists".into()));
        };
        let entry = AuditEntry {
            detail: Some(format!(
                "visit {} {}",
                outcome.visit_id,
                outcome.status.as_str()
            )),
            ..self.audit("outcome", Some(family_id))
        };
        self.db.write(|tx| {
            tx.set_visit_outcome(outcome, now)?;
            tx.insert_audit(&entry)
        })?;
        self.after_family_change(
            family_id,
            Text::new("Utfallet är antecknat.", "The outcome is recorded."),
        )
    }
}
