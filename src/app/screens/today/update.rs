//! Where Today's keys lead, and what its answers from the runtime change.

use crate::app::{App, Effect, GroupsEffect, Intent, TodayIntent, TodayMsg, VisitEffect, forms};

impl App {
    pub(crate) fn handle_today(&mut self, action: &Intent) -> Vec<Effect> {
        let view = &self.today_view;
        match action {
            Intent::RecordOutcome => {
                if let Some(v) = view.outcome_target().cloned() {
                    self.open_form(forms::outcome(&v));
                }
                return Vec::new();
            }
            Intent::Rebook => {
                return view
                    .rebook_target()
                    .map_or_else(Vec::new, crate::app::booking::rebook);
            }
            Intent::Today(TodayIntent::RollCall) => {
                return view
                    .roll_call_target()
                    .map(|id| vec![Effect::Groups(GroupsEffect::LoadRollCall(id))])
                    .unwrap_or_default();
            }
            Intent::Book => {
                return view.book_target().map_or_else(Vec::new, |family_id| {
                    vec![Effect::Visit(VisitEffect::LoadProposals {
                        family_id,
                        rebook: None,
                    })]
                });
            }
            _ => {}
        }
        match self.today_view.handle(action) {
            Some(family_id) => self.open_family(family_id),
            None => self.today_view.follow(),
        }
    }

    /// Today's answers from the runtime.
    pub(crate) fn receive_today(&mut self, msg: TodayMsg) -> Vec<Effect> {
        match msg {
            TodayMsg::Loaded(data) => {
                self.today = data.date;
                self.today_view.set(*data);
            }
            TodayMsg::PageLoaded(page) => self.today_view.set_page(*page),
            TodayMsg::AlertsLoaded(alerts) => {
                self.today_view.set_alerts(alerts);
                return self.families.refresh(&self.today_view);
            }
            TodayMsg::FamilyAlertsLoaded(changed) => {
                self.today_view.set_family_alerts(*changed);
                return self.families.refresh(&self.today_view);
            }
        }
        Vec::new()
    }
}
