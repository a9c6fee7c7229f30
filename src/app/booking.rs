//! Booking a visit: the proposed slots for a family's next due visit, one to choose.

use super::{Action, Text, move_selection};
use crate::domain::booking::Candidate;
use crate::domain::enums::Role;
use crate::domain::schedule::Window;

/// A proposed slot with the names the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalView {
    pub candidate: Candidate,
    pub people: Vec<(Role, String)>,
    /// A staff interpreter's name, `external`, or none needed.
    pub interpreter: Option<String>,
    /// The same staff already visit the family's area that day.
    pub same_area: bool,
}

/// What can be booked for a family now, and the slots for it.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingPlan {
    pub family_id: i64,
    pub child_id: i64,
    pub child_name: String,
    pub visit_no: Option<u32>,
    pub visit_name: Text,
    pub window: Option<Window>,
    pub interpreter_language: Option<String>,
    /// The planned visit being moved, if this is a rebooking.
    pub rebooking: Option<i64>,
    pub proposals: Vec<ProposalView>,
    /// What booking by hand is checked against: the roles, the people who could go, and when
    /// they are busy.
    pub required_roles: Vec<Role>,
    pub staff: Vec<crate::domain::model::Staff>,
    pub busy: Vec<crate::domain::booking::Busy>,
}

/// What saving a booking needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BookingRequest {
    pub family_id: i64,
    pub child_id: i64,
    pub visit_no: Option<u32>,
    pub candidate: Candidate,
    pub interpreter_language: Option<String>,
    pub rebooking: Option<i64>,
    /// Why it is booked outside the visit's window.
    pub override_reason: Option<String>,
}

#[derive(Debug)]
pub struct BookingState {
    pub plan: BookingPlan,
    pub selected: usize,
}

impl BookingState {
    pub fn new(plan: BookingPlan) -> Self {
        BookingState { plan, selected: 0 }
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

    pub fn handle(&mut self, action: &Action) {
        self.selected = move_selection(self.selected, self.plan.proposals.len(), action, 5);
    }
}
