//! Familjer / Families: search as you type, filters, and the list of matches.

mod update;
use crate::app::Intent;

use std::collections::{BTreeSet, HashMap};

use crate::app::search_box::SearchBox;
use crate::app::today::TodayState;
use crate::app::{Effect, move_selection};
use crate::domain::alerts::AlertKind;
use crate::domain::enums::FamilyStatus;
use crate::domain::search::{Haystacks, Query, rank, sort_key};
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
    pub index: Vec<FamilyIndexEntry>,
    /// The search text of each entry of `index`, in the same order.
    haystacks: Haystacks,
    pub loaded: bool,
    pub requested: bool,
    pub query: SearchBox,
    pub searching: bool,
    pub filters: Filters,
    /// Positions in `index` that match, best first.
    pub results: Vec<usize>,
    pub selected: usize,
    areas: Vec<String>,
    clinics: Vec<String>,
    programmes: Vec<String>,
    due: HashMap<i64, AlertKind>,
    /// Recent queries and their matches under the current filters: typing one more letter
    /// looks only through the matches of what was typed before, and deleting one finds its
    /// matches here.
    recent: Vec<(String, Vec<usize>)>,
}

/// How many recent queries keep their matches (each at most one list of positions).
const RECENT_QUERIES: usize = 16;

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
    /// The index is read once, the first time the screen is shown.
    pub fn ensure_loaded(&mut self) -> Vec<Effect> {
        if self.loaded || self.requested {
            Vec::new()
        } else {
            self.requested = true;
            vec![Effect::Families(FamiliesEffect::LoadIndex)]
        }
    }

    pub fn set_index(&mut self, mut index: Vec<FamilyIndexEntry>, today: &TodayState) {
        self.forget();
        self.haystacks =
            Haystacks::with_capacity(index.len(), index.iter().map(|e| e.haystack.len()).sum());
        for e in &mut index {
            self.haystacks.push(&std::mem::take(&mut e.haystack));
        }
        let distinct = |f: fn(&FamilyIndexEntry) -> Option<&String>| -> Vec<String> {
            index
                .iter()
                .filter_map(f)
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        self.areas = distinct(|e| e.area.as_ref());
        self.clinics = distinct(|e| e.clinic.as_ref());
        self.programmes = distinct(|e| Some(&e.programme_id));
        self.index = index;
        self.loaded = true;
        self.refresh(today);
    }

    /// Puts one family's changed entry in its place in the index (sorted by name, then
    /// reference), instead of reading the whole index again.
    pub fn put_entry(&mut self, mut entry: FamilyIndexEntry) {
        if !self.loaded {
            return;
        }
        if let Some(old) = self.index.iter().position(|e| e.id == entry.id) {
            self.index.remove(old);
            self.haystacks.remove(old);
        }
        let key = (sort_key(&entry.display_name), entry.family_ref.clone());
        let at = self
            .index
            .partition_point(|e| (sort_key(&e.display_name), e.family_ref.clone()) < key);
        for (value, list) in [
            (entry.area.as_ref(), &mut self.areas),
            (entry.clinic.as_ref(), &mut self.clinics),
            (Some(&entry.programme_id), &mut self.programmes),
        ] {
            if let Some(v) = value
                && let Err(i) = list.binary_search(v)
            {
                list.insert(i, v.clone());
            }
        }
        self.haystacks
            .insert(at, &std::mem::take(&mut entry.haystack));
        self.index.insert(at, entry);
        self.forget();
        self.recompute();
    }

    /// Takes the latest due states from Today and recomputes the matches.
    pub fn refresh(&mut self, today: &TodayState) {
        self.due.clone_from(&today.due_by_family);
        self.forget();
        self.recompute();
    }

    /// The family's most pressing programme alert, for the list's marker.
    pub fn due_of(&self, family_id: i64) -> Option<AlertKind> {
        self.due.get(&family_id).copied()
    }

    pub fn selected_id(&self) -> Option<i64> {
        self.results.get(self.selected).map(|i| self.index[*i].id)
    }

    pub fn selected_entry(&self) -> Option<&FamilyIndexEntry> {
        self.results.get(self.selected).map(|i| &self.index[*i])
    }

    fn passes(&self, e: &FamilyIndexEntry) -> bool {
        let f = &self.filters;
        f.area.as_ref().is_none_or(|a| e.area.as_ref() == Some(a))
            && f.clinic
                .as_ref()
                .is_none_or(|c| e.clinic.as_ref() == Some(c))
            && f.programme.as_ref().is_none_or(|p| &e.programme_id == p)
            && f.status.is_none_or(|s| e.status == s)
            && match f.due {
                DueFilter::All => true,
                DueFilter::DueOrOverdue => self.due.contains_key(&e.id),
                DueFilter::Overdue => self.due.get(&e.id) == Some(&AlertKind::Overdue),
            }
    }

    /// Recomputes the matches for the query and filters; the selection goes to the best match.
    pub fn recompute(&mut self) {
        self.selected = 0;
        let typed = self.query.value().to_string();
        if let Some((_, results)) = self.recent.iter().find(|(q, _)| *q == typed) {
            self.results.clone_from(results);
            return;
        }
        let query = Query::new(&typed);
        // Every word of a longer query contains a word of a query it extends, so its matches
        // are among that query's matches.
        let base = self
            .recent
            .iter()
            .filter(|(q, _)| !q.trim().is_empty() && typed.starts_with(q.as_str()))
            .max_by_key(|(q, _)| q.len());
        let candidates: Vec<usize> = match base {
            Some((_, results)) => {
                let mut c = results.clone();
                c.sort_unstable();
                c
            }
            None => (0..self.index.len())
                .filter(|i| self.passes(&self.index[*i]))
                .collect(),
        };
        self.results = if query.is_empty() {
            candidates
        } else {
            let ranked = rank(
                &query,
                candidates.iter().map(|i| self.haystacks.get(*i)),
                usize::MAX,
            );
            ranked.into_iter().map(|r| candidates[r]).collect()
        };
        if self.recent.len() >= RECENT_QUERIES {
            self.recent.remove(0);
        }
        self.recent.push((typed, self.results.clone()));
    }

    /// Forgets the recent matches: the index or the filters changed.
    fn forget(&mut self) {
        self.recent.clear();
    }

    /// Starts typing in the search box, the earlier search selected.
    pub fn start_search(&mut self) {
        self.searching = true;
        self.query.start();
    }

    pub fn handle(&mut self, action: &Intent) {
        let filter_change = matches!(
            action,
            Intent::Families(
                FamiliesIntent::FilterArea
                    | FamiliesIntent::FilterClinic
                    | FamiliesIntent::FilterProgramme
                    | FamiliesIntent::FilterStatus
                    | FamiliesIntent::FilterDue
                    | FamiliesIntent::ClearFilters
            )
        );
        if filter_change {
            self.forget();
        }
        match action {
            Intent::Type(key) => {
                if self.query.type_key(*key) {
                    self.recompute();
                }
            }
            Intent::Back => self.searching = false,
            Intent::Families(FamiliesIntent::FilterArea) => {
                self.filters.area = cycle(self.filters.area.as_ref(), &self.areas);
                self.recompute();
            }
            Intent::Families(FamiliesIntent::FilterClinic) => {
                self.filters.clinic = cycle(self.filters.clinic.as_ref(), &self.clinics);
                self.recompute();
            }
            Intent::Families(FamiliesIntent::FilterProgramme) => {
                self.filters.programme = cycle(self.filters.programme.as_ref(), &self.programmes);
                self.recompute();
            }
            Intent::Families(FamiliesIntent::FilterStatus) => {
                self.filters.status = cycle(self.filters.status.as_ref(), FamilyStatus::ALL);
                self.recompute();
            }
            Intent::Families(FamiliesIntent::FilterDue) => {
                self.filters.due = match self.filters.due {
                    DueFilter::All => DueFilter::DueOrOverdue,
                    DueFilter::DueOrOverdue => DueFilter::Overdue,
                    DueFilter::Overdue => DueFilter::All,
                };
                self.recompute();
            }
            Intent::Families(FamiliesIntent::ClearFilters) => {
                self.filters = Filters::default();
                self.recompute();
            }
            other => self.selected = move_selection(self.selected, self.results.len(), other, 10),
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
    IndexLoaded(Vec<crate::domain::views::FamilyIndexEntry>),
    /// One family's entry of the search index, after it changed.
    IndexEntryLoaded(crate::domain::views::FamilyIndexEntry),
}

/// What the Families list asks the runtime to read.
#[derive(Debug, Clone, PartialEq)]
pub enum FamiliesEffect {
    LoadIndex,
    /// One family's entry of the search index, after it changed.
    LoadIndexEntry(i64),
}
