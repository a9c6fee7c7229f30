//! Where the Families list's keys lead, and what its answers from the runtime change.

use crate::app::{App, Effect, FamiliesMsg, FamilyEffect, Intent, Screen, VisitEffect, forms};

impl App {
    pub(crate) fn handle_families(&mut self, action: Intent) -> Vec<Effect> {
        if action == Intent::Back && self.book_on.take().is_some() {
            self.message = None;
        }
        match action {
            Intent::New => {
                self.open_form(forms::new_family(
                    &self.programme_options(),
                    self.today,
                    self.lang,
                ));
                Vec::new()
            }
            Intent::Open => match self.families.selected_id() {
                Some(id) => {
                    let mut effects = self.open_family(id);
                    if self.book_on.is_some() {
                        // The day's form by hand opens on the answer: it offers everyone.
                        effects.push(Effect::Visit(VisitEffect::PlanByHand {
                            family_id: id,
                            rebook: None,
                        }));
                    }
                    effects
                }
                None => Vec::new(),
            },
            other => self.families.handle(&other),
        }
    }

    pub(crate) fn open_family(&mut self, family_id: i64) -> Vec<Effect> {
        self.family_from = (self.screen != Screen::Families).then_some(self.screen);
        self.screen = Screen::Families;
        self.families.searching = false;
        let mut effects = self.families.ensure_loaded();
        effects.push(Effect::Family(FamilyEffect::Load(family_id)));
        effects
    }

    /// The Families list's answers from the runtime.
    pub(crate) fn receive_families(&mut self, msg: FamiliesMsg) -> Vec<Effect> {
        match msg {
            FamiliesMsg::Loaded(answer) => {
                let (choices, page) = *answer;
                self.families.set_choices(choices);
                self.families.set_page(page);
            }
            FamiliesMsg::PageLoaded(page) => self.families.set_page(*page),
        }
        Vec::new()
    }
}
