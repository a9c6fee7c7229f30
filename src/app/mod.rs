//! The model and its update: state for every screen, `update(Action) -> Vec<Effect>`. No terminal
//! and no SQL here, so all of it is tested headless.

pub mod action;
pub mod booking;
pub mod families;
pub mod family;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod form;
pub mod forms;
pub mod keymap;
pub mod keymap_docs;
pub mod labels;
pub mod staff;
pub mod today;
pub mod week;

use chrono::NaiveDate;

pub use action::{Action, Effect, Key, Screen};
use keymap::Scope;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Sv,
    #[default]
    En,
}

/// A message in both languages; the screen shows the one in use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            sv: sv.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// A question waiting for y or n.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Quit although a form holds unsaved input.
    QuitUnsaved,
    /// Close a form and lose what was typed.
    DiscardForm,
    /// Book the marked proposal.
    Book(Box<booking::BookingRequest>),
    /// Change a family's status.
    Status {
        family_id: i64,
        status: crate::domain::enums::FamilyStatus,
    },
}

#[derive(Debug)]
pub struct App {
    pub lang: Lang,
    pub today: NaiveDate,
    pub screen: Screen,
    pub today_view: today::TodayState,
    pub week: week::WeekState,
    pub families: families::FamiliesState,
    pub family: Option<family::FamilyPage>,
    pub staff: staff::StaffState,
    pub form: Option<form::Form>,
    /// Proposed slots to choose from.
    pub booking: Option<booking::BookingState>,
    /// A day chosen in Week to book on, while the family is being picked.
    pub book_on: Option<NaiveDate>,
    pub question: Option<Question>,
    pub help: bool,
    pub message: Option<Text>,
    /// Programme ids a new family can follow.
    pub programmes: Vec<String>,
    pub warning_days: u32,
}

impl App {
    pub fn new(lang: Lang, today: NaiveDate, programmes: Vec<String>) -> Self {
        App {
            lang,
            today,
            screen: Screen::Today,
            today_view: today::TodayState::default(),
            week: week::WeekState::default(),
            families: families::FamiliesState::default(),
            family: None,
            staff: staff::StaffState::default(),
            form: None,
            booking: None,
            book_on: None,
            question: None,
            help: false,
            message: None,
            programmes,
            warning_days: 7,
        }
    }

    /// Where keys go now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.help {
            vec![Scope::Help]
        } else {
            self.scopes_under_help()
        }
    }

    /// The scopes of what is under the help overlay: what the help describes.
    pub fn scopes_under_help(&self) -> Vec<Scope> {
        if self.question.is_some() {
            return vec![Scope::Confirm];
        }
        if self.form.is_some() {
            return vec![Scope::Form];
        }
        if self.booking.is_some() {
            return vec![Scope::Booking, Scope::List];
        }
        match self.screen {
            Screen::Today => vec![Scope::Today, Scope::List, Scope::Global],
            Screen::Week => vec![Scope::Week, Scope::List, Scope::Global],
            Screen::Families if self.family.is_some() => {
                vec![Scope::FamilyPage, Scope::List, Scope::Global]
            }
            Screen::Families if self.families.searching => vec![Scope::Search],
            Screen::Families => vec![Scope::Families, Scope::List, Scope::Global],
            Screen::Staff => vec![Scope::Staff, Scope::List, Scope::Global],
        }
    }

    /// Turns a key into an action through the keymap; letters go to a text field that has focus.
    pub fn handle_key(&mut self, key: Key) -> Vec<Effect> {
        let scopes = self.scopes();
        match keymap::action_for(&scopes, key) {
            Some(action) => self.update(action),
            None if scopes == [Scope::Form] || scopes == [Scope::Search] => {
                self.update(Action::Type(key))
            }
            None => Vec::new(),
        }
    }

    /// Whether quitting now would lose typed input.
    pub fn has_unsaved_input(&self) -> bool {
        self.form.as_ref().is_some_and(|f| f.dirty)
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::TodayLoaded(data) => {
                self.today = data.date;
                self.today_view.set(*data);
                Vec::new()
            }
            Action::AlertsLoaded(alerts) => {
                self.today_view.set_alerts(alerts);
                self.families.refresh(&self.today_view);
                Vec::new()
            }
            Action::IndexLoaded(index) => {
                self.families.set_index(index, &self.today_view);
                Vec::new()
            }
            Action::FamilyLoaded(data) => {
                let revealed = self
                    .family
                    .as_ref()
                    .is_some_and(|p| p.revealed && p.data.detail.id == data.detail.id);
                self.family = Some(family::FamilyPage::new(*data, revealed));
                Vec::new()
            }
            Action::ProposalsLoaded(plan) => {
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
                        && let Some(f) = form.fields.iter_mut().find(|f| f.id == "date")
                    {
                        f.input = tui_input::Input::new(day.to_string());
                    }
                    forms::validate(&mut form, self.today);
                    self.form = Some(form);
                    return Vec::new();
                }
                if plan.proposals.is_empty() {
                    // No free slot: book by hand, where each conflict is explained.
                    let mut form = forms::manual(&plan, None);
                    form.error = Some(Text::new(
                        format!(
                            "Inga lediga tider i fönstret för {}; boka för hand.",
                            plan.visit_name.sv
                        ),
                        format!(
                            "No free slots in the window for {}; book by hand.",
                            plan.visit_name.en
                        ),
                    ));
                    self.form = Some(form);
                } else {
                    self.booking = Some(booking::BookingState::new(*plan));
                }
                Vec::new()
            }
            Action::Revealed(id) => {
                if let Some(page) = self.family.as_mut().filter(|p| p.data.detail.id == id) {
                    page.revealed = true;
                }
                Vec::new()
            }
            Action::WeekLoaded(week, visits) => {
                self.week.set(week, visits);
                Vec::new()
            }
            Action::StaffLoaded(list) => {
                self.staff.set(list);
                Vec::new()
            }
            Action::Saved(text) => {
                self.form = None;
                self.booking = None;
                self.message = Some(text);
                // The week on screen may hold the visit that changed.
                match self.week.week {
                    Some(week) if self.week.loaded => vec![Effect::LoadWeek(week)],
                    _ => Vec::new(),
                }
            }
            Action::Failed(text) => {
                if let Some(form) = self.form.as_mut() {
                    form.error = Some(text);
                } else {
                    self.message = Some(text);
                }
                Vec::new()
            }
            Action::Help => {
                self.help = true;
                Vec::new()
            }
            Action::Quit => {
                if self.has_unsaved_input() {
                    self.question = Some(Question::QuitUnsaved);
                    Vec::new()
                } else {
                    vec![Effect::Quit]
                }
            }
            Action::Show(screen) => self.show(screen),
            Action::Search => {
                let mut effects = self.show(Screen::Families);
                self.family = None;
                self.families.searching = true;
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

    fn show(&mut self, screen: Screen) -> Vec<Effect> {
        self.screen = screen;
        match screen {
            Screen::Today => Vec::new(),
            Screen::Week => self.week.ensure_loaded(self.today),
            Screen::Families => self.families.ensure_loaded(),
            Screen::Staff => self.staff.ensure_loaded(),
        }
    }

    /// Sends an action to whatever has the keys now.
    fn route(&mut self, action: Action) -> Vec<Effect> {
        if self.help {
            if action == Action::Back {
                self.help = false;
            }
            return Vec::new();
        }
        if let Some(question) = self.question.take() {
            return self.answer(&question, action == Action::Yes);
        }
        if self.form.is_some() {
            return self.handle_form(action);
        }
        if let Some(state) = self.booking.as_mut() {
            match action {
                Action::Back => self.booking = None,
                Action::Open => {
                    if let Some(request) = state.request() {
                        self.question = Some(Question::Book(Box::new(request)));
                    }
                }
                Action::BookManually => {
                    let marked = state
                        .plan
                        .proposals
                        .get(state.selected)
                        .map(|p| p.candidate.clone());
                    let mut form = forms::manual(&state.plan, marked.as_ref());
                    forms::validate(&mut form, self.today);
                    self.form = Some(form);
                    self.booking = None;
                }
                other => state.handle(&other),
            }
            return Vec::new();
        }
        match self.screen {
            Screen::Today => self.handle_today(&action),
            Screen::Week => self.handle_week(&action),
            Screen::Families if self.family.is_some() => self.handle_family_page(&action),
            Screen::Families => self.handle_families(action),
            Screen::Staff => self.handle_staff(action),
        }
    }

    fn answer(&mut self, question: &Question, yes: bool) -> Vec<Effect> {
        if !yes {
            return Vec::new();
        }
        match question {
            Question::QuitUnsaved => vec![Effect::Quit],
            Question::DiscardForm => {
                self.form = None;
                Vec::new()
            }
            Question::Book(request) => vec![Effect::BookVisit(request.clone())],
            Question::Status { family_id, status } => vec![Effect::SetStatus {
                family_id: *family_id,
                status: *status,
                exit: None,
            }],
        }
    }

    fn handle_form(&mut self, action: Action) -> Vec<Effect> {
        let Some(form) = self.form.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::Back => {
                if form.dirty {
                    self.question = Some(Question::DiscardForm);
                } else {
                    self.form = None;
                }
                Vec::new()
            }
            Action::Save => match forms::submit(form, self.today) {
                Some(effect) => vec![effect],
                None => Vec::new(),
            },
            other => {
                form.handle(&other, self.today);
                Vec::new()
            }
        }
    }

    fn handle_today(&mut self, action: &Action) -> Vec<Effect> {
        let marked = self.today_view.marked_visit().cloned();
        match (action, marked) {
            (Action::RecordOutcome, Some(v)) => {
                self.form = Some(forms::outcome(&v));
                return Vec::new();
            }
            (Action::Rebook, Some(v)) => {
                // A planned visit is moved; after a cancellation or no-show a new one is booked.
                let rebook =
                    (v.status == crate::domain::enums::VisitStatus::Planned).then_some(v.visit_id);
                return vec![Effect::LoadProposals {
                    family_id: v.family_id,
                    rebook,
                }];
            }
            _ => {}
        }
        match self.today_view.handle(action) {
            Some(family_id) => self.open_family(family_id),
            None => Vec::new(),
        }
    }

    fn handle_week(&mut self, action: &Action) -> Vec<Effect> {
        if *action == Action::BookOnDay {
            let day = self
                .week
                .week
                .and_then(|w| w.days().get(self.week.day).copied());
            if let Some(day) = day {
                self.book_on = Some(day);
                let mut effects = self.show(Screen::Families);
                self.family = None;
                self.families.searching = true;
                self.message = Some(Text::new(
                    format!("Boka {day}: sök familjen och tryck Enter (Esc avbryter)."),
                    format!("Book on {day}: search for the family and press Enter (Esc cancels)."),
                ));
                effects.extend(self.families.ensure_loaded());
                return effects;
            }
        }
        match (action, self.week.marked().cloned()) {
            (Action::Open, Some(v)) => self.open_family(v.family_id),
            (Action::RecordOutcome, Some(v)) => {
                self.form = Some(forms::outcome(&v));
                Vec::new()
            }
            (Action::Rebook, Some(v)) => {
                let rebook =
                    (v.status == crate::domain::enums::VisitStatus::Planned).then_some(v.visit_id);
                vec![Effect::LoadProposals {
                    family_id: v.family_id,
                    rebook,
                }]
            }
            (other, _) => self.week.handle(other, self.today),
        }
    }

    fn handle_families(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Back && self.book_on.take().is_some() {
            self.message = None;
        }
        match action {
            Action::New => {
                self.form = Some(forms::new_family(&self.programmes, self.today));
                Vec::new()
            }
            Action::Open => match self.families.selected_id() {
                Some(id) => {
                    let mut effects = self.open_family(id);
                    if self.book_on.is_some() {
                        effects.push(Effect::LoadProposals {
                            family_id: id,
                            rebook: None,
                        });
                    }
                    effects
                }
                None => Vec::new(),
            },
            other => {
                self.families.handle(&other);
                Vec::new()
            }
        }
    }

    fn open_family(&mut self, family_id: i64) -> Vec<Effect> {
        self.screen = Screen::Families;
        self.families.searching = false;
        let mut effects = self.families.ensure_loaded();
        effects.push(Effect::LoadFamily(family_id));
        effects
    }

    fn handle_family_page(&mut self, action: &Action) -> Vec<Effect> {
        let Some(page) = self.family.as_mut() else {
            return Vec::new();
        };
        let detail = &page.data.detail;
        let id = detail.id;
        match action {
            Action::Back => {
                self.family = None;
                Vec::new()
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                page.scroll(action);
                Vec::new()
            }
            Action::Edit => {
                self.form = Some(forms::edit_family(detail, &self.programmes));
                Vec::new()
            }
            Action::AddCaregiver => {
                self.form = Some(forms::add_caregiver(id));
                Vec::new()
            }
            Action::AddChild => {
                self.form = Some(forms::add_child(id));
                Vec::new()
            }
            Action::RecordConsent => {
                let first = detail
                    .caregivers
                    .first()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                self.form = Some(forms::consent(id, &first, self.today));
                Vec::new()
            }
            Action::Exit => {
                self.form = Some(forms::exit(id));
                Vec::new()
            }
            Action::Activate | Action::Decline | Action::Pause => {
                use crate::domain::enums::FamilyStatus;
                let status = match action {
                    Action::Activate => FamilyStatus::Active,
                    Action::Decline => FamilyStatus::Declined,
                    _ => FamilyStatus::Paused,
                };
                if detail.status == status {
                    self.message = Some(Text::new(
                        "Familjen har redan den statusen.",
                        "The family already has that status.",
                    ));
                } else {
                    self.question = Some(Question::Status {
                        family_id: id,
                        status,
                    });
                }
                Vec::new()
            }
            Action::Book => vec![Effect::LoadProposals {
                family_id: id,
                rebook: None,
            }],
            Action::Reveal => {
                if detail.protection.is_protected() && !page.revealed {
                    vec![Effect::Reveal(id)]
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        }
    }

    fn handle_staff(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::New => {
                self.form = Some(forms::new_staff());
                Vec::new()
            }
            Action::Edit | Action::Open => {
                if let Some(s) = self.staff.selected() {
                    self.form = Some(forms::edit_staff(s));
                }
                Vec::new()
            }
            other => {
                self.staff.handle(&other);
                Vec::new()
            }
        }
    }
}

/// Moves a selection in a list of `len` rows; `page` rows at a time for page keys.
pub fn move_selection(selected: usize, len: usize, action: &Action, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match action {
        Action::Down => (selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::PageDown => (selected + page).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => selected.min(last),
    }
}

#[cfg(test)]
mod tests;
