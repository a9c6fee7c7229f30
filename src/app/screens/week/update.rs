//! Where Week's keys lead, and what its answers from the runtime change.

use super::StaffPick;
use crate::app::keymap::{Scope, key_for};
use crate::app::{App, Effect, Intent, Modal, Screen, WeekIntent, WeekMsg, forms};
use crate::i18n::screens as w;

impl App {
    pub(crate) fn handle_week(&mut self, action: &Intent) -> Vec<Effect> {
        if *action == Intent::Week(WeekIntent::PickStaff) {
            self.push(Modal::PickStaff(StaffPick::default()));
            // Everyone who can have a week is offered, so the roster is needed.
            return self.roster.ensure_loaded();
        }
        if *action == Intent::Week(WeekIntent::ExportCalendar) {
            // The week shown, Monday to Sunday, as `calendar --week` writes it.
            let days = self.week.week.map(|w| w.days()).unwrap_or_default();
            let (Some(first), Some(last)) = (days.first(), days.last()) else {
                return Vec::new();
            };
            let staff = self.week.staff.as_ref().map(|(id, _)| *id);
            return vec![Effect::Week(crate::app::WeekEffect::ExportCalendar {
                days: (*first, *last),
                staff,
            })];
        }
        if *action == Intent::BookOnDay {
            let day = self
                .week
                .week
                .and_then(|w| w.days().get(self.week.day).copied());
            if let Some(day) = day {
                self.book_on = Some(day);
                let mut effects = self.show(Screen::Families);
                self.family = None;
                self.families.start_search();
                // The family is picked in the Families search: its keys are the ones to name.
                let (open, back) = (
                    key_for(Scope::Search, &Intent::Open),
                    key_for(Scope::Search, &Intent::Back),
                );
                self.message = Some(w::book_on_day(day, &open, &back));
                effects.extend(self.families.ensure_loaded());
                return effects;
            }
        }
        // A session marked: Enter takes its roll call, as on the series page.
        if let (Intent::Open, Some(session)) = (action, self.week.marked_session()) {
            return vec![Effect::Groups(crate::app::GroupsEffect::LoadRollCall(
                session.id,
            ))];
        }
        match (action, self.week.marked().cloned()) {
            (Intent::Open, Some(v)) => self.open_family(v.family_id),
            (Intent::RecordOutcome, Some(v)) => {
                self.open_form(forms::outcome(&v));
                Vec::new()
            }
            (Intent::Rebook, Some(v)) => crate::app::booking::rebook(&v),
            (other, _) => self.week.handle(other, self.today),
        }
    }

    /// Week's answers from the runtime.
    pub(crate) fn receive_week(&mut self, msg: WeekMsg) -> Vec<Effect> {
        match msg {
            WeekMsg::Loaded(data) => self.week.set(*data),
            WeekMsg::DayLoaded(query, page) => self.week.set_day(query, page),
            WeekMsg::CalendarWritten(done) => self.message = Some(done),
        }
        Vec::new()
    }
}
