//! Where the Staff screen's keys lead, and what its answers from the runtime change.

use crate::app::{App, Effect, Intent, Question, StaffEffect, StaffMsg, forms};

impl App {
    pub(crate) fn handle_staff(&mut self, action: Intent) -> Vec<Effect> {
        match action {
            Intent::New => {
                self.open_form(forms::new_staff(self.lang));
                Vec::new()
            }
            Intent::Edit | Intent::Open => {
                self.staff.searching = false;
                if let Some(s) = self.staff.selected() {
                    self.open_form(forms::edit_staff(s, self.lang));
                }
                Vec::new()
            }
            other => self.staff.handle(&other),
        }
    }

    /// The Staff screen's answers from the runtime.
    pub(crate) fn receive_staff(&mut self, msg: StaffMsg) -> Vec<Effect> {
        match msg {
            StaffMsg::PageLoaded(page) => {
                self.staff.set_page(*page);
                Vec::new()
            }
            StaffMsg::RosterLoaded(list) => {
                self.roster.set(list);
                Vec::new()
            }
            StaffMsg::BookingsLoaded(id, staff, visits) => {
                if visits.is_empty() {
                    vec![Effect::Staff(StaffEffect::Save {
                        id: Some(id),
                        staff,
                    })]
                } else {
                    self.ask(Question::DeactivateStaff { id, staff, visits });
                    Vec::new()
                }
            }
        }
    }
}
