//! Booking a visit: the proposed slots for a family's next due visit, one to choose, or the
//! form by hand.

use super::{Effect, Intent, Text, move_selection};
use crate::domain::booking::Candidate;
use crate::domain::booking::plan::BookingOptions;
use crate::domain::booking::plan::People;
use crate::domain::enums::Role;
use crate::domain::schedule::Window;
use crate::domain::views::InterpreterBooked;

mod update;

/// A proposed slot with the names the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalView {
    pub candidate: Candidate,
    pub people: Vec<(Role, String)>,
    /// Who would interpret, if the family needs it.
    pub interpreter: Option<InterpreterBooked>,
    /// The same staff already visit the family's area that day.
    pub same_area: bool,
    /// A twin's booked visit of the same number: booking it joins that trip.
    pub twin_trip: bool,
}

/// What can be booked for a family now, and the slots for it.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingPlan {
    pub family_id: i64,
    pub child_id: i64,
    /// Whom the visit is for, as titles say it: the child's name, or the words for a protected
    /// family (whose people are named only on its own page).
    pub child: Text,
    pub visit_no: Option<u32>,
    pub visit_name: Text,
    pub window: Option<Window>,
    pub interpreter_language: Option<String>,
    /// The planned visit being moved, if this is a rebooking.
    pub rebooking: Option<i64>,
    /// The moved visit as it is booked now: what moving it by hand starts from.
    pub booked: Option<Candidate>,
    pub proposals: Vec<ProposalView>,
    /// What booking by hand is checked against: the roles, the people who could go, and when
    /// they are busy.
    pub required_roles: Vec<Role>,
    pub staff: Vec<crate::domain::model::Staff>,
    /// Whether `staff` is everyone who could go (what the form by hand offers) or only the
    /// people the proposals weighed.
    pub people: People,
    pub busy: Vec<crate::domain::booking::Busy>,
    /// The twins' visits among `busy` that are this booking's own trip, not clashes.
    pub twins: Vec<crate::domain::booking::plan::TwinVisit>,
    /// When the plan was read: booking by hand before it needs a reason.
    pub now: chrono::NaiveDateTime,
}

pub use crate::domain::booking::plan::BookingRequest;

impl BookingPlan {
    /// The plan as the screens show it: the proposals with the names of who would go.
    pub fn from_options(o: BookingOptions) -> BookingPlan {
        let name = |id: i64| {
            o.staff
                .iter()
                .find(|s| s.id == id)
                .map_or_else(String::new, |s| s.name.clone())
        };
        let proposals = o
            .proposals
            .into_iter()
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
                    (Some(id), _) => Some(InterpreterBooked::Staff(name(id))),
                    (None, true) => Some(InterpreterBooked::External),
                    (None, false) => None,
                },
                same_area: p.same_area,
                twin_trip: p.twin_trip,
                candidate: p.candidate,
            })
            .collect();
        BookingPlan {
            family_id: o.family_id,
            child_id: o.visit.child_id,
            child: super::labels::shown_name(&o.visit.child_name, o.protection),
            visit_no: Some(o.visit.visit_no),
            visit_name: super::labels::programme_name(&o.visit_name, &o.visit_name_en),
            window: Some(o.visit.window),
            interpreter_language: o.interpreter_language,
            rebooking: o.rebooking,
            booked: o.booked,
            proposals,
            required_roles: o.required_roles,
            staff: o.staff,
            people: o.people,
            busy: o.busy,
            twins: o.twins,
            now: o.now,
        }
    }
}

/// Booking by hand asked for before everyone who could go was read: the slot its form starts
/// from (none: empty fields).
#[derive(Debug)]
struct ByHand {
    from: Option<Candidate>,
}

#[derive(Debug)]
pub struct BookingState {
    pub plan: BookingPlan,
    pub selected: usize,
    /// Everyone who could go is being read in the background, for the form by hand.
    reading_everyone: bool,
    /// `m` was pressed before they were here: the form opens when they are, unless another key
    /// on the list comes first.
    by_hand: Option<ByHand>,
}

impl BookingState {
    pub fn new(plan: BookingPlan) -> Self {
        BookingState {
            plan,
            selected: 0,
            reading_everyone: false,
            by_hand: None,
        }
    }

    /// Whether an answer is for these proposals: the family's, moving `rebook` (or none).
    fn is_for(&self, family_id: i64, rebook: Option<i64>) -> bool {
        family_id == self.plan.family_id && rebook == self.plan.rebooking
    }

    /// The read of everyone who could go, for proposals that name only the people they weighed
    /// (none when the plan holds everyone already, or the read is on its way).
    fn read_everyone(&mut self) -> Option<Effect> {
        if self.plan.people == People::Everyone || self.reading_everyone {
            return None;
        }
        self.reading_everyone = true;
        Some(Effect::Visit(VisitEffect::ReadEveryone {
            family_id: self.plan.family_id,
            rebook: self.plan.rebooking,
        }))
    }

    /// Everyone who could go arrived for these proposals' visit: the plan holds them, its slots
    /// as shown.
    fn take_everyone(&mut self, plan: BookingPlan) {
        self.plan.staff = plan.staff;
        self.plan.busy = plan.busy;
        self.plan.twins = plan.twins;
        self.plan.people = People::Everyone;
        self.reading_everyone = false;
    }

    /// The request for the marked proposal.
    pub fn request(&self) -> Option<BookingRequest> {
        let p = self.plan.proposals.get(self.selected)?;
        Some(BookingRequest {
            family_id: self.plan.family_id,
            child_id: self.plan.child_id,
            visit_no: self.plan.visit_no,
            candidate: p.candidate.clone(),
            interpreter_language: self.plan.interpreter_language.clone(),
            rebooking: self.plan.rebooking,
            override_reason: None,
        })
    }

    pub fn handle(&mut self, action: &Intent) {
        self.selected = move_selection(self.selected, self.plan.proposals.len(), action, 5);
    }
}

/// Booking, moving and recording visits, from whichever screen a visit is marked on.
#[derive(Debug, Clone, PartialEq)]
pub enum VisitEffect {
    /// Proposes slots for a family's next due visit, or for moving a planned one.
    LoadProposals {
        family_id: i64,
        rebook: Option<i64>,
    },
    /// The same, with everyone who could go, for the form by hand (which offers them all).
    PlanByHand {
        family_id: i64,
        rebook: Option<i64>,
    },
    /// [`VisitEffect::PlanByHand`] in the background, while the proposals are on the screen:
    /// answered with [`crate::app::Msg::EveryoneLoaded`].
    ReadEveryone {
        family_id: i64,
        rebook: Option<i64>,
    },
    Book(Box<BookingRequest>),
    /// Records what happened at a visit.
    SetOutcome(Box<crate::domain::model::VisitOutcome>),
    /// A visit by id, to open its outcome form.
    LoadForOutcome(i64),
}

/// `r` on a visit: a planned visit is moved; after it took place, was cancelled or missed, the
/// family's next visit is booked.
pub(crate) fn rebook(v: &crate::domain::views::DayVisit) -> Vec<crate::app::Effect> {
    let moving = v.status == crate::domain::enums::VisitStatus::Planned;
    vec![crate::app::Effect::Visit(VisitEffect::LoadProposals {
        family_id: v.family_id,
        rebook: moving.then_some(v.visit_id),
    })]
}
