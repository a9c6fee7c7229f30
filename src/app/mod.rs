//! The model and its update: state for every screen, `update(Action) -> Vec<Effect>`. No terminal
//! and no SQL here, so all of it is tested headless.

pub mod action;
pub mod booking;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod form;
pub mod forms;
#[cfg(test)]
pub(crate) mod group_fixtures;
pub mod keymap;
pub mod keymap_docs;
pub mod modal;
pub mod paging;
mod reload;
#[cfg(test)]
pub(crate) mod report_fixtures;
pub mod screens;
#[cfg(test)]
#[path = "served_fixtures.rs"]
pub(crate) mod served;
#[cfg(test)]
pub(crate) mod staff_fixtures;
pub use screens::{families, family, groups, report, staff, today, week};
pub mod search_box;

use chrono::NaiveDate;

pub use crate::i18n::{Lang, Text, labels};
pub use action::{
    Effect, FamiliesEffect, FamiliesIntent, FamiliesMsg, FamilyEffect, FamilyIntent, FamilyMsg,
    GroupsEffect, GroupsIntent, GroupsMsg, Intent, Key, Msg, ReportEffect, ReportIntent, ReportMsg,
    Screen, StaffEffect, StaffMsg, TodayEffect, TodayIntent, TodayMsg, VisitEffect, WeekEffect,
    WeekIntent, WeekMsg,
};
use keymap::Scope;
pub use modal::{Modal, Question};

#[derive(Debug)]
pub struct App {
    pub lang: Lang,
    pub today: NaiveDate,
    pub screen: Screen,
    pub today_view: today::TodayState,
    pub week: week::WeekState,
    pub families: families::FamiliesState,
    pub family: Option<family::FamilyPage>,
    /// The screen a family's page was opened from (Today, Week, Groups, Report): `Esc` on the
    /// page goes back there. `None` when it was opened on Families.
    pub family_from: Option<Screen>,
    pub staff: staff::StaffState,
    /// Everyone on staff, for picking a person and a series' leaders.
    pub roster: staff::Roster,
    pub groups: groups::GroupsState,
    pub report: report::ReportState,
    /// What is open over the screen, front last: see `modal`.
    modals: Vec<Modal>,
    /// A day chosen in Week to book on, while the family is being picked. Not a modal: the
    /// family is found with the Families screen's own search, and the day waits for its proposals.
    pub book_on: Option<NaiveDate>,
    pub message: Option<Text>,
    /// Programme ids a new family can follow.
    pub programmes: Vec<String>,
    /// The shipped programmes' names by id, for lists, filters and forms.
    programme_names: Vec<(String, Text)>,
    pub warning_days: u32,
    /// The file failed its integrity check: everything can be read, nothing is written.
    pub damaged: bool,
}

impl App {
    pub fn new(lang: Lang, today: NaiveDate, programmes: Vec<String>) -> Self {
        App {
            lang,
            today,
            screen: Screen::Today,
            family_from: None,
            today_view: today::TodayState::default(),
            week: week::WeekState::default(),
            families: families::FamiliesState::default(),
            family: None,
            staff: staff::StaffState::default(),
            roster: staff::Roster::default(),
            groups: groups::GroupsState::default(),
            report: report::ReportState::default(),
            modals: Vec::new(),
            book_on: None,
            message: None,
            programmes,
            programme_names: crate::domain::builtin::builtin_programmes()
                .unwrap_or_default()
                .into_iter()
                .map(|p| {
                    let name = labels::programme_name(&p.name, &p.name_en);
                    (p.id, name)
                })
                .collect(),
            warning_days: 7,
            damaged: false,
        }
    }

    /// A programme's name in both languages; its id when it is not one the app ships.
    pub fn programme_name(&self, id: &str) -> Text {
        self.programme_names
            .iter()
            .find(|(p, _)| p == id)
            .map_or_else(|| labels::name(id), |(_, name)| name.clone())
    }

    /// The programmes a new family can follow, as a form's options: id and name.
    pub fn programme_options(&self) -> Vec<(String, Text)> {
        self.programmes
            .iter()
            .map(|id| (id.clone(), self.programme_name(id)))
            .collect()
    }

    /// Where keys go now, most specific first: what is in front, else the screen.
    pub fn scopes(&self) -> Vec<Scope> {
        self.scopes_below(self.modals.len())
    }

    /// The scopes of what is under the help overlay: what the help describes.
    pub fn scopes_under_help(&self) -> Vec<Scope> {
        let help = self.modals.iter().rposition(|m| matches!(m, Modal::Help));
        self.scopes_below(help.unwrap_or(self.modals.len()))
    }

    /// The scopes of the stack cut to its first `depth` modals.
    fn scopes_below(&self, depth: usize) -> Vec<Scope> {
        match depth.checked_sub(1).and_then(|i| self.modals.get(i)) {
            Some(modal) => modal.scopes(),
            None => self.screen_scopes(),
        }
    }

    /// The scopes of the screen: its own from the screen table, unless a part of it has the keys.
    fn screen_scopes(&self) -> Vec<Scope> {
        let own = match self.screen {
            Screen::Families if self.family.is_some() => Scope::FamilyPage,
            Screen::Families if self.families.searching => return vec![Scope::Search],
            Screen::Groups if self.groups.page.is_some() => Scope::GroupPage,
            Screen::Staff if self.staff.searching => return vec![Scope::StaffSearch],
            screen => screen.info().scope,
        };
        vec![own, Scope::List, Scope::Global]
    }

    /// Turns a key into an action through the keymap; letters go to a text field that has focus.
    pub fn handle_key(&mut self, key: Key) -> Vec<Effect> {
        let scopes = self.scopes();
        if keymap::is_swedish_yes(key) && self.lang == Lang::Sv && scopes.contains(&Scope::Confirm)
        {
            return self.update(Intent::Yes);
        }
        match keymap::action_for(&scopes, key) {
            Some(action) => self.update(action),
            None if matches!(
                scopes.as_slice(),
                [Scope::Form | Scope::Search | Scope::StaffSearch | Scope::PickStaff]
            ) =>
            {
                self.update(Intent::Type(key))
            }
            None => Vec::new(),
        }
    }

    /// Whether `action` does something where the keys are now: the footer offers only those.
    pub fn offers(&self, action: &Intent) -> bool {
        if self.top().is_some() {
            return true;
        }
        match (self.screen, action) {
            (Screen::Today, Intent::RecordOutcome) => self.today_view.outcome_target().is_some(),
            (Screen::Today, Intent::Rebook) => self.today_view.rebook_target().is_some(),
            (Screen::Today, Intent::Book) => self.today_view.book_target().is_some(),
            (Screen::Today, Intent::Today(TodayIntent::RollCall)) => {
                self.today_view.roll_call_target().is_some()
            }
            (Screen::Today, Intent::Open) => match self.today_view.pane {
                today::Pane::Visits => self.today_view.marked_visit().is_some(),
                today::Pane::Alerts => self.today_view.marked_alert().is_some(),
            },
            (Screen::Week, Intent::RecordOutcome | Intent::Rebook) => self.week.marked().is_some(),
            // The running quarter (or year) is the last there is.
            (Screen::Report, Intent::Report(ReportIntent::NextQuarter)) => self
                .report
                .quarter
                .is_none_or(|q| q < q.running(self.today)),
            (Screen::Report, Intent::Open) => self.report.marked_missing().is_some(),
            _ => true,
        }
    }

    /// Whether quitting now would lose typed input.
    pub fn has_unsaved_input(&self) -> bool {
        self.modals.iter().any(Modal::has_unsaved_input)
    }

    /// A key's intent: help, quitting, switching screens and searching are everyone's; the
    /// rest goes to whatever has the keys now (what is in front, else the screen).
    pub fn update(&mut self, intent: Intent) -> Vec<Effect> {
        match intent {
            Intent::Help => {
                if !matches!(self.top(), Some(Modal::Help)) {
                    self.push(Modal::Help);
                }
                Vec::new()
            }
            Intent::Quit => {
                if self.has_unsaved_input() {
                    self.ask(Question::QuitUnsaved);
                    Vec::new()
                } else {
                    vec![Effect::Quit]
                }
            }
            Intent::Show(screen) => {
                // A screen's number shows its start: a family's page or a series' page open
                // on it closes, and Today's focus is where the app starts it.
                if screen == self.screen {
                    match screen {
                        Screen::Families => self.family = None,
                        Screen::Groups => self.groups.page = None,
                        _ => {}
                    }
                }
                if screen == Screen::Today {
                    self.today_view.pane = today::Pane::default();
                }
                self.family_from = None;
                // A message is about the screen it came on: another screen shows its keys.
                // Picking a family for a day in Week ends with its prompt.
                self.message = None;
                self.book_on = None;
                self.show(screen)
            }
            // On the Staff screen `/` searches the roster; everywhere else, the families.
            Intent::Search if self.screen == Screen::Staff && self.top().is_none() => {
                self.staff.start_search();
                self.staff.ensure_loaded()
            }
            Intent::Search => {
                if self.book_on.is_none() {
                    self.message = None;
                }
                let mut effects = self.show(Screen::Families);
                self.family = None;
                self.family_from = None;
                self.families.start_search();
                effects.extend(self.families.ensure_loaded());
                effects
            }
            other => {
                // While a family is being picked for a day in Week, the prompt stays.
                if self.book_on.is_none() {
                    self.message = None;
                }
                self.route(other)
            }
        }
    }

    /// An answer from the runtime: each screen takes its own; what every screen shares (a
    /// change saved or refused, the file's check, proposed slots) is taken here.
    pub fn receive(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Today(m) => self.receive_today(m),
            Msg::Week(m) => self.receive_week(m),
            Msg::Families(m) => self.receive_families(m),
            Msg::Family(m) => self.receive_family(m),
            Msg::Staff(m) => self.receive_staff(m),
            Msg::Groups(m) => self.receive_groups(m),
            Msg::Report(m) => self.receive_report(m),
            Msg::ProposalsLoaded(plan) => self.show_proposals(*plan),
            Msg::EveryoneLoaded(plan) => {
                self.everyone_loaded(*plan);
                Vec::new()
            }
            Msg::Saved(text, changed, _) => {
                self.close_writers();
                self.message = Some(text);
                self.reload_after(changed)
            }
            Msg::EveryoneFailed {
                family_id,
                rebook,
                text,
            } => {
                self.everyone_failed(family_id, rebook, text);
                Vec::new()
            }
            Msg::Failed(text) => {
                if let Some(form) = self.form_mut() {
                    form.error = Some(text);
                } else {
                    self.message = Some(text);
                }
                Vec::new()
            }
            Msg::IntegrityChecked(ok) => {
                self.damaged = !ok;
                Vec::new()
            }
            Msg::ChangedElsewhere => self.reload_shown(),
        }
    }

    fn show(&mut self, screen: Screen) -> Vec<Effect> {
        self.screen = screen;
        match screen {
            Screen::Today => Vec::new(),
            Screen::Week => self.week.ensure_loaded(self.today),
            Screen::Families => self.families.ensure_loaded(),
            Screen::Groups => self.groups.ensure_loaded(),
            Screen::Staff => self.staff.ensure_loaded(),
            Screen::Report => self.report.open(self.today),
        }
    }

    /// Sends an action to whatever has the keys now: what is in front, else the screen.
    fn route(&mut self, action: Intent) -> Vec<Effect> {
        if self.top().is_some() {
            let mut effects = self.route_modal(action);
            // Back on the Report screen after a fix (a roll call closed): what a change
            // dropped from its cache is read again.
            if self.screen == Screen::Report && self.top().is_none() {
                effects.extend(self.report.open(self.today));
            }
            return effects;
        }
        match self.screen {
            Screen::Today => self.handle_today(&action),
            Screen::Week => self.handle_week(&action),
            Screen::Families if self.family.is_some() => self.handle_family_page(&action),
            Screen::Families => self.handle_families(action),
            Screen::Groups => self.handle_groups(&action),
            Screen::Staff => self.handle_staff(action),
            Screen::Report => self.handle_report(&action),
        }
    }
}

/// Moves a selection in a list of `len` rows; `page` rows at a time for page keys.
pub fn move_selection(selected: usize, len: usize, action: &Intent, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match action {
        Intent::Down => (selected + 1).min(last),
        Intent::Up => selected.saturating_sub(1),
        Intent::PageDown => (selected + page).min(last),
        Intent::PageUp => selected.saturating_sub(page),
        Intent::Top => 0,
        Intent::Bottom => last,
        _ => selected.min(last),
    }
}

#[cfg(test)]
mod tests;
