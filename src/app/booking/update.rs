//! The proposals' keys, and what their answers open: the list, or the form by hand.

use super::{BookingPlan, BookingState, ByHand, VisitEffect};
use crate::app::form::FieldId;
use crate::app::modal::{Modal, Question};
use crate::app::{App, Effect, Intent, Text, forms};
use crate::domain::booking::plan::People;

impl App {
    pub(in crate::app) fn handle_booking(&mut self, action: Intent) -> Vec<Effect> {
        let Some(Modal::Booking(state)) = self.modals.last_mut() else {
            return Vec::new();
        };
        // Any other key on the list means booking by hand is no longer waited for.
        if action != Intent::BookManually {
            state.by_hand = None;
        }
        match action {
            Intent::Back => {
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
                    state.by_hand = Some(ByHand { from: marked });
                    return state.read_everyone().into_iter().collect();
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
    pub(in crate::app) fn show_proposals(&mut self, plan: BookingPlan) -> Vec<Effect> {
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

    /// Everyone who could go arrived for proposals: those still open take them, and booking by
    /// hand, if asked for meanwhile and the list is in front, opens now from the slot marked
    /// then. An answer for proposals no longer open is left.
    pub(in crate::app) fn everyone_loaded(&mut self, plan: BookingPlan) {
        let front = matches!(self.modals.last(), Some(Modal::Booking(_)));
        let Some(state) = self.booking_for(|s| {
            s.is_for(plan.family_id, plan.rebooking)
                && (s.plan.child_id, s.plan.visit_no) == (plan.child_id, plan.visit_no)
        }) else {
            return;
        };
        if plan.people != People::Everyone {
            return;
        }
        state.take_everyone(plan);
        let Some(ByHand { from }) = state.by_hand.take() else {
            return;
        };
        if front {
            let mut form = forms::manual(&state.plan, from.as_ref());
            forms::validate(&mut form, self.today);
            self.pop();
            self.open_form(form);
        }
    }

    /// The read of everyone who could go for a family's visit (`rebook`: the one moved) failed:
    /// its proposals no longer wait for it (`m` asks again), and the message says why.
    pub(in crate::app) fn everyone_failed(
        &mut self,
        family_id: i64,
        rebook: Option<i64>,
        text: Text,
    ) {
        if let Some(state) = self.booking_for(|s| s.is_for(family_id, rebook)) {
            state.reading_everyone = false;
            state.by_hand = None;
        }
        self.message = Some(text);
    }

    /// The open proposals `wanted` picks, wherever they are among what is open.
    fn booking_for(&mut self, wanted: impl Fn(&BookingState) -> bool) -> Option<&mut BookingState> {
        self.modals.iter_mut().rev().find_map(|m| match m {
            Modal::Booking(state) if wanted(state) => Some(state),
            _ => None,
        })
    }
}
