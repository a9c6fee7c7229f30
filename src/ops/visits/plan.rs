//! The options for booking a family's next visit: the visit, the proposed slots, and who could
//! go. Proposals read the few people they weigh; the form by hand, everyone who could go.

use chrono::{Duration, NaiveDateTime};

use super::twins::{trip_twins, twin_trip};
use crate::db::{Db, ReadTx};
use crate::domain::booking::plan::{
    BookingOptions, People, WEIGHED_BY_NAME, bookable, candidate_staff, proposal_span,
    ranked_staff, visit_to_book,
};
use crate::domain::booking::{BookingRules, Busy, Candidate, ProposalRequest, propose};
use crate::domain::enums::{Role, VisitStatus};
use crate::domain::model::Staff;
use crate::ops::{Ctx, OpsError, Refusal, Result};

/// How far around the family's area staff count as working there.
const AREA_DAYS: i64 = 60;
/// Proposals shown; one more is asked for, since moving a visit drops the slot it has.
const PROPOSALS: usize = 5;

/// The proposals for the family's most pressing unbooked visit, or for moving `rebook`, with
/// the people they weigh. When no slot is free the form by hand opens instead, so the options
/// then hold everyone who could go, as [`plan_booking_by_hand`]'s do.
pub fn plan_booking(
    db: &mut Db,
    ctx: &Ctx,
    warning_days: u32,
    family_id: i64,
    rebook: Option<i64>,
) -> Result<BookingOptions> {
    plan(db, ctx, warning_days, family_id, rebook, People::Weighed)
}

/// [`plan_booking`] for the form by hand: the options hold everyone active who could go, best
/// first, which at a region's size is thousands of people.
pub fn plan_booking_by_hand(
    db: &mut Db,
    ctx: &Ctx,
    warning_days: u32,
    family_id: i64,
    rebook: Option<i64>,
) -> Result<BookingOptions> {
    plan(db, ctx, warning_days, family_id, rebook, People::Everyone)
}

/// The options, read in one transaction, with `people` of the staff.
fn plan(
    db: &mut Db,
    ctx: &Ctx,
    warning_days: u32,
    family_id: i64,
    rebook: Option<i64>,
    people: People,
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
        let who = Who {
            roles: &pv.roles,
            language: detail.interpreter_language.as_deref(),
            previous: &previous,
            area_staff: &area_staff,
        };
        let (mut staff, weighed) = who.read(tx, people)?;
        let (from, until) = proposal_span(visit.window, now);
        let mut busy = who.busy(tx, &weighed, people, (from, until))?;
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
            Some(m) => tx.stored_visit(m.id)?.as_ref().map(Candidate::of_visit),
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
            .collect::<Vec<_>>();
        let mut people = people;
        if proposals.is_empty() && people == People::Weighed {
            // No slot is free: the form by hand opens instead, and offers everyone.
            people = People::Everyone;
            staff = who.read(tx, people)?.0;
            busy = who.busy(tx, &weighed, people, (from, until))?;
        }
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
            people,
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

/// Who could go on a visit: its roles, the family's interpreter language, the people who
/// visited the family before and those who work its area.
struct Who<'a> {
    roles: &'a [Role],
    language: Option<&'a str>,
    previous: &'a [i64],
    area_staff: &'a [i64],
}

impl Who<'_> {
    /// The people of `people`, best first (by hand everyone who could go is offered so), and of
    /// them the few the proposer weighs. The proposer weighs the known people and, when they are
    /// few, the first of each role by name: all it needs of a roster that may be thousands.
    fn read(&self, tx: &ReadTx<'_>, people: People) -> Result<(Vec<Staff>, Vec<Staff>)> {
        let known: Vec<i64> = self
            .previous
            .iter()
            .chain(self.area_staff)
            .copied()
            .collect();
        let per_role = match people {
            People::Weighed => Some(WEIGHED_BY_NAME),
            People::Everyone => None,
        };
        let all = tx.bookable_staff(self.roles, self.language, &known, per_role)?;
        let chosen = candidate_staff(
            self.roles,
            &all,
            self.previous,
            self.area_staff,
            self.language,
        );
        let staff: Vec<Staff> = ranked_staff(
            self.roles,
            &all,
            self.previous,
            self.area_staff,
            self.language,
        )
        .into_iter()
        .cloned()
        .collect();
        let weighed = staff
            .iter()
            .filter(|s| chosen.binary_search(&s.id).is_ok())
            .cloned()
            .collect();
        Ok((staff, weighed))
    }

    /// When they are busy in `span`: the few the proposer weighs and, for the form by hand, the
    /// family's earlier staff and those who work the area, the people a coordinator picks by
    /// hand too. Anyone else chosen by hand is checked when the booking is saved, in its write
    /// transaction.
    fn busy(
        &self,
        tx: &ReadTx<'_>,
        weighed: &[Staff],
        people: People,
        (from, until): (NaiveDateTime, NaiveDateTime),
    ) -> Result<Vec<Busy>> {
        let mut ids: Vec<i64> = weighed.iter().map(|s| s.id).collect();
        if people == People::Everyone {
            ids.extend(self.previous);
            ids.extend(self.area_staff);
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(tx.busy_between(&ids, from, until)?)
    }
}
