//! Booking a visit: the proposed slots for a family's next due visit, one to choose, or the
//! form by hand.

use super::form::FieldId;
use super::modal::{Modal, Question};
use super::{Effect, Intent, Text, forms, move_selection};
use crate::domain::booking::Candidate;
use crate::domain::booking::plan::BookingOptions;
use crate::domain::booking::plan::People;
use crate::domain::enums::Role;
use crate::domain::schedule::Window;
use crate::domain::views::InterpreterBooked;

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
    pub people: crate::domain::booking::plan::People,
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

/// Booking by hand, waiting for everyone who could go: the slot its form starts from (none:
/// empty fields).
#[derive(Debug)]
pub struct ByHand {
    from: Option<Candidate>,
}

#[derive(Debug)]
pub struct BookingState {
    pub plan: BookingPlan,
    pub selected: usize,
    /// Everyone who could go is being read in the background, for the form by hand.
    reading_everyone: bool,
}

impl BookingState {
    pub fn new(plan: BookingPlan) -> Self {
        BookingState {
            plan,
            selected: 0,
            reading_everyone: false,
        }
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

    /// Everyone who could go arrived: the plan holds them, its slots as shown. `false` when the
    /// answer is for another visit than the one these proposals are for.
    fn take_everyone(&mut self, plan: BookingPlan) -> bool {
        let same = plan.family_id == self.plan.family_id
            && plan.child_id == self.plan.child_id
            && plan.visit_no == self.plan.visit_no
            && plan.rebooking == self.plan.rebooking;
        if same && plan.people == People::Everyone {
            self.plan.staff = plan.staff;
            self.plan.busy = plan.busy;
            self.plan.twins = plan.twins;
            self.plan.people = People::Everyone;
        }
        self.reading_everyone = false;
        same
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

/// The proposals' keys, and what their answers open: the list, or the form by hand.
impl super::App {
    pub(super) fn handle_booking(&mut self, action: Intent) -> Vec<Effect> {
        let Some(Modal::Booking(state)) = self.modals.last_mut() else {
            return Vec::new();
        };
        match action {
            Intent::Back => {
                self.by_hand = None;
                self.pop();
            }
            Intent::Open => {
                if let Some(request) = state.request() {
                    self.ask(Question::Book(Box::new(request)));
                }
            }
            // `y` is the answer Enter's question waits for: the slot is booked at once.
            Intent::Yes => {
                if let Some(request) = state.request() {
                    return vec![Effect::Visit(VisitEffect::Book(Box::new(request)))];
                }
            }
            Intent::BookManually => {
                // Moving a visit by hand starts from the visit as booked, so that changing its
                // day alone keeps its time and its people; a new booking, from the marked slot.
                let marked = state.plan.booked.clone().or_else(|| {
                    state
                        .plan
                        .proposals
                        .get(state.selected)
                        .map(|p| p.candidate.clone())
                });
                if state.plan.people == People::Weighed {
                    // The form offers everyone who could go, read in the background since the
                    // proposals came: it opens when they are here (`everyone_loaded`).
                    let effects = state.read_everyone().into_iter().collect();
                    self.by_hand = Some(ByHand { from: marked });
                    return effects;
                }
                let mut form = forms::manual(&state.plan, marked.as_ref());
                forms::validate(&mut form, self.today);
                self.pop();
                self.open_form(form);
            }
            other => state.handle(&other),
        }
        Vec::new()
    }

    /// Proposed slots arrived: for a day chosen in Week, the form for that day; else the list to
    /// choose from, or booking by hand when nothing is free.
    pub(super) fn show_proposals(&mut self, plan: BookingPlan) -> Vec<Effect> {
        if let Some(day) = self.book_on.take() {
            self.message = None;
            // From Week: that day's slot, else the first one moved to that day, else by hand.
            let base = plan
                .proposals
                .iter()
                .find(|p| p.candidate.start.date() == day)
                .or(plan.proposals.first())
                .map(|p| {
                    let mut c = p.candidate.clone();
                    c.start = day.and_time(c.start.time());
                    c
                });
            let mut form = forms::manual(&plan, base.as_ref());
            if base.is_none()
                && let Some(f) = form.field_mut(FieldId::Date)
            {
                f.input = tui_input::Input::new(day.to_string());
            }
            forms::validate(&mut form, self.today);
            self.open_form(form);
            return Vec::new();
        }
        if plan.proposals.is_empty() {
            // No free slot: book by hand, where each conflict is explained (a moved visit
            // starts from how it is booked).
            let mut form = forms::manual(&plan, plan.booked.as_ref());
            form.error = Some(crate::i18n::forms::no_free_slots(&plan.visit_name));
            self.open_form(form);
            Vec::new()
        } else {
            // Everyone who could go is read while the slots are looked at: booking by hand
            // then opens at once.
            let mut state = BookingState::new(plan);
            let effects = state.read_everyone().into_iter().collect();
            self.push(Modal::Booking(state));
            effects
        }
    }

    /// Everyone who could go arrived for the proposals on the screen: booking by hand, if asked
    /// for meanwhile, opens now from the slot marked then. An answer for proposals no longer
    /// shown is left.
    pub(super) fn everyone_loaded(&mut self, plan: BookingPlan) {
        let by_hand = self.by_hand.take();
        let Some(Modal::Booking(state)) = self.modals.last_mut() else {
            return;
        };
        if !state.take_everyone(plan) {
            return;
        }
        if let Some(ByHand { from }) = by_hand {
            let mut form = forms::manual(&state.plan, from.as_ref());
            forms::validate(&mut form, self.today);
            self.pop();
            self.open_form(form);
        }
    }

    /// A read failed: booking by hand no longer waits for everyone, and `m` asks again.
    pub(super) fn everyone_failed(&mut self) {
        self.by_hand = None;
        if let Some(Modal::Booking(state)) = self.modals.last_mut() {
            state.reading_everyone = false;
        }
    }
}
