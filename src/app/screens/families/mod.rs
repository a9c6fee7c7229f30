//! Familjer / Families: search as you type, filters, and the list of matches.

mod update;
use crate::app::Intent;

use std::collections::HashMap;

use crate::app::search_box::SearchBox;
use crate::app::today::TodayState;
use crate::app::{Effect, move_selection, paging};
use crate::domain::alerts::AlertKind;
use crate::domain::enums::FamilyStatus;
pub use crate::domain::family_list::{
    FAMILY_PAGE, FamilyChoices, FamilyPage, FamilyQuery, MATCH_CAP,
};
use crate::domain::views::FamilyIndexEntry;

/// The programme-visit filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DueFilter {
    #[default]
    All,
    /// A visit due within 14 days and not booked, or overdue.
    DueOrOverdue,
    Overdue,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub area: Option<String>,
    pub clinic: Option<String>,
    pub programme: Option<String>,
    pub status: Option<FamilyStatus>,
    pub due: DueFilter,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

#[derive(Debug, Default)]
pub struct FamiliesState {
    pub loaded: bool,
    pub requested: bool,
    pub query: SearchBox,
    pub searching: bool,
    pub filters: Filters,
    /// How many families the register holds.
    pub total: usize,
    /// How many match: at most [`MATCH_CAP`], `more` saying when more do.
    pub count: usize,
    pub more: bool,
    /// The part of the list that is read: the `offset`-th match on.
    pub offset: usize,
    pub rows: Vec<FamilyIndexEntry>,
    /// The marked family, counted from the list's first match (not the part read).
    pub selected: usize,
    /// What was last asked for: an answer to an older question is left unread.
    asked: FamilyQuery,
    /// What the rows held answer: the mark stays on its family only within the same list.
    shown: FamilyQuery,
    areas: Vec<String>,
    clinics: Vec<String>,
    programmes: Vec<String>,
    due: HashMap<i64, AlertKind>,
}

/// The next value in `values` after `current`, wrapping through "all" (`None`).
fn cycle<T: Clone + PartialEq>(current: Option<&T>, values: &[T]) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(v) => values
            .iter()
            .position(|x| x == v)
            .and_then(|i| values.get(i + 1))
            .cloned(),
    }
}

impl FamiliesState {
    /// The list is read the first time the screen is shown.
    pub fn ensure_loaded(&mut self) -> Vec<Effect> {
        if self.loaded || self.requested {
            Vec::new()
        } else {
            self.requested = true;
            vec![self.load()]
        }
    }

    /// Reads the filters' values, the count and the part of the list on screen again.
    pub fn load(&mut self) -> Effect {
        self.asked = self.question(self.offset);
        Effect::Families(FamiliesEffect::Load(self.asked.clone()))
    }

    /// What the query and the filters ask for, from the `from`-th match.
    fn question(&self, from: usize) -> FamilyQuery {
        let f = &self.filters;
        let due = |keep: fn(&AlertKind) -> bool| {
            let mut ids: Vec<i64> = self
                .due
                .iter()
                .filter(|(_, k)| keep(k))
                .map(|(id, _)| *id)
                .collect();
            ids.sort_unstable();
            Some(ids)
        };
        FamilyQuery {
            text: self.query.value().trim().to_string(),
            area: f.area.clone(),
            clinic: f.clinic.clone(),
            programme: f.programme.clone(),
            status: f.status,
            only: match f.due {
                DueFilter::All => None,
                DueFilter::DueOrOverdue => due(|_| true),
                DueFilter::Overdue => due(|k| *k == AlertKind::Overdue),
            },
            from,
        }
    }

    /// Asks for the list again from its first match, the mark on it: the query or a filter
    /// changed.
    fn ask_afresh(&mut self) -> Vec<Effect> {
        self.selected = 0;
        self.ask_from(0)
    }

    fn ask_from(&mut self, from: usize) -> Vec<Effect> {
        self.asked = self.question(from);
        vec![Effect::Families(FamiliesEffect::LoadPage(
            self.asked.clone(),
        ))]
    }

    /// The filters' values and a page arrived.
    pub fn set_choices(&mut self, choices: FamilyChoices) {
        self.total = choices.total;
        self.areas = choices.areas;
        self.clinics = choices.clinics;
        self.programmes = choices.programmes;
    }

    /// A part of the list arrived: the mark stays on its family when that is still there.
    pub fn set_page(&mut self, page: FamilyPage) {
        if !page.query.same_list(&self.asked) {
            return;
        }
        // Read again (the file changed, the mark moved): the mark stays on its family. Another
        // search or filter starts at its first match.
        let marked = page
            .query
            .same_list(&self.shown)
            .then(|| self.selected_id())
            .flatten();
        self.shown = page.query.clone();
        self.count = page.count;
        self.more = page.more;
        self.offset = page.query.from;
        self.rows = page.rows;
        self.loaded = true;
        let found = marked
            .and_then(|id| self.rows.iter().position(|e| e.id == id))
            .map(|i| i + self.offset);
        self.selected = found.unwrap_or(self.selected.min(self.count.saturating_sub(1)));
    }

    /// Takes the latest due states from Today; the list is read again when the due filter uses
    /// them.
    pub fn refresh(&mut self, today: &TodayState) -> Vec<Effect> {
        self.due.clone_from(&today.due_by_family);
        if self.filters.due != DueFilter::All && (self.loaded || self.requested) {
            self.ask_from(self.offset)
        } else {
            Vec::new()
        }
    }

    /// The family's most pressing programme alert, for the list's marker.
    pub fn due_of(&self, family_id: i64) -> Option<AlertKind> {
        self.due.get(&family_id).copied()
    }

    /// The family at `i` in the whole list, when it is in the part read.
    pub fn row(&self, i: usize) -> Option<&FamilyIndexEntry> {
        self.rows.get(i.checked_sub(self.offset)?)
    }

    pub fn selected_id(&self) -> Option<i64> {
        self.selected_entry().map(|e| e.id)
    }

    pub fn selected_entry(&self) -> Option<&FamilyIndexEntry> {
        self.row(self.selected)
    }

    /// The clinics and the programmes the filters offer (the wide table sizes its columns by them).
    pub fn clinics(&self) -> &[String] {
        &self.clinics
    }

    pub fn programmes(&self) -> &[String] {
        &self.programmes
    }

    /// After the mark moved: read the part around it when it is not read, or when a screenful
    /// next to it is not.
    fn follow(&mut self) -> Vec<Effect> {
        if paging::short(self.selected, self.offset, self.rows.len(), self.count) {
            self.ask_from(paging::start(self.selected))
        } else {
            Vec::new()
        }
    }

    /// Starts typing in the search box, the earlier search selected.
    pub fn start_search(&mut self) {
        self.searching = true;
        self.query.start();
    }

    pub fn handle(&mut self, action: &Intent) -> Vec<Effect> {
        match action {
            Intent::Type(key) => {
                if self.query.type_key(*key) {
                    return self.ask_afresh();
                }
                Vec::new()
            }
            Intent::Back => {
                self.searching = false;
                Vec::new()
            }
            Intent::Families(FamiliesIntent::FilterArea) => {
                self.filters.area = cycle(self.filters.area.as_ref(), &self.areas);
                self.ask_afresh()
            }
            Intent::Families(FamiliesIntent::FilterClinic) => {
                self.filters.clinic = cycle(self.filters.clinic.as_ref(), &self.clinics);
                self.ask_afresh()
            }
            Intent::Families(FamiliesIntent::FilterProgramme) => {
                self.filters.programme = cycle(self.filters.programme.as_ref(), &self.programmes);
                self.ask_afresh()
            }
            Intent::Families(FamiliesIntent::FilterStatus) => {
                self.filters.status = cycle(self.filters.status.as_ref(), FamilyStatus::ALL);
                self.ask_afresh()
            }
            Intent::Families(FamiliesIntent::FilterDue) => {
                self.filters.due = match self.filters.due {
                    DueFilter::All => DueFilter::DueOrOverdue,
                    DueFilter::DueOrOverdue => DueFilter::Overdue,
                    DueFilter::Overdue => DueFilter::All,
                };
                self.ask_afresh()
            }
            Intent::Families(FamiliesIntent::ClearFilters) => {
                self.filters = Filters::default();
                self.ask_afresh()
            }
            other => {
                self.selected = move_selection(self.selected, self.count, other, 10);
                self.follow()
            }
        }
    }
}

/// The Families list's own keys: its filters.
#[derive(Debug, Clone, PartialEq)]
pub enum FamiliesIntent {
    FilterArea,
    FilterClinic,
    FilterProgramme,
    FilterStatus,
    FilterDue,
    ClearFilters,
}

/// The Families list's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum FamiliesMsg {
    /// What the filters offer, with a page of the list.
    Loaded(Box<(FamilyChoices, FamilyPage)>),
    PageLoaded(Box<FamilyPage>),
}

/// What the Families list asks the runtime to read.
#[derive(Debug, Clone, PartialEq)]
pub enum FamiliesEffect {
    /// What the filters offer and the page asked for: on first showing, and when the file
    /// changed.
    Load(FamilyQuery),
    /// Another page of the list, or the list for another query or filter.
    LoadPage(FamilyQuery),
}
