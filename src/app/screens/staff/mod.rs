//! Personal / Staff: the roster, narrowed by typing part of a name, an id, a role or a
//! language after `/`.

mod update;
use crate::app::Intent;

use crate::app::search_box::SearchBox;
use crate::app::{Effect, move_selection};
use crate::domain::model::Staff;
use crate::domain::search::{Query, fold};

#[derive(Debug, Default)]
pub struct StaffState {
    pub list: Vec<Staff>,
    pub loaded: bool,
    requested: bool,
    /// The position in `shown` of the marked person.
    pub selected: usize,
    pub query: SearchBox,
    /// Typing goes to the search line.
    pub searching: bool,
    /// Positions in `list` that match the search, in roster order.
    pub shown: Vec<usize>,
    /// The widest cell of each column over the whole roster, as drawn (narrow and wide
    /// terminals have different columns): measured once per roster read, not per frame.
    widths: std::cell::RefCell<[Option<Vec<usize>>; 2]>,
}

/// What the search looks through: the name, the id, the role in both languages and the
/// languages, so "tolk" or "arab" finds the interpreters too.
fn haystack(s: &Staff) -> String {
    let role = crate::app::labels::role(s.role);
    fold(&format!(
        "{} {} {} {} {}",
        s.name,
        s.id,
        role.sv,
        role.en,
        s.languages.join(" ")
    ))
}

impl StaffState {
    pub fn ensure_loaded(&mut self) -> Vec<Effect> {
        if self.loaded || self.requested {
            Vec::new()
        } else {
            self.requested = true;
            vec![Effect::Staff(StaffEffect::Load)]
        }
    }

    pub fn set(&mut self, list: Vec<Staff>) {
        let marked = self.selected().map(|s| s.id);
        self.list = list;
        self.widths.replace([None, None]);
        self.loaded = true;
        self.recompute();
        if let Some(at) =
            marked.and_then(|id| self.shown.iter().position(|i| self.list[*i].id == id))
        {
            self.selected = at;
        }
    }

    /// The people shown, in roster order.
    pub fn rows(&self) -> impl Iterator<Item = &Staff> {
        self.shown.iter().filter_map(|i| self.list.get(*i))
    }

    pub fn selected(&self) -> Option<&Staff> {
        self.shown
            .get(self.selected)
            .and_then(|i| self.list.get(*i))
    }

    /// The roster's column widths for a narrow or a wide terminal, measured by `measure` the
    /// first time after the roster was read.
    pub fn natural_widths(&self, wide: bool, measure: impl FnOnce() -> Vec<usize>) -> Vec<usize> {
        let mut widths = self.widths.borrow_mut();
        widths[usize::from(wide)]
            .get_or_insert_with(measure)
            .clone()
    }

    /// Starts typing in the search line, the earlier search selected.
    pub fn start_search(&mut self) {
        self.searching = true;
        self.query.start();
    }

    fn recompute(&mut self) {
        let query = Query::new(self.query.value());
        self.shown = self
            .list
            .iter()
            .enumerate()
            .filter(|(_, s)| query.is_empty() || query.score(&haystack(s)).is_some())
            .map(|(i, _)| i)
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    pub fn handle(&mut self, action: &Intent) {
        match action {
            Intent::Type(key) => {
                if self.query.type_key(*key) {
                    self.selected = 0;
                    self.recompute();
                }
            }
            Intent::Back => self.searching = false,
            other => self.selected = move_selection(self.selected, self.shown.len(), other, 10),
        }
    }
}

/// The Staff screen's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum StaffMsg {
    Loaded(Vec<Staff>),
    /// The visits booked from now on for a staff member (by id) about to be saved as not
    /// active.
    BookingsLoaded(
        i64,
        Box<crate::domain::model::NewStaff>,
        Vec<crate::domain::views::DayVisit>,
    ),
}

/// What the Staff screen asks the runtime to read or write.
#[derive(Debug, Clone, PartialEq)]
pub enum StaffEffect {
    Load,
    /// Before a staff member is saved as not active: the visits booked for them.
    LoadBookings {
        id: i64,
        staff: Box<crate::domain::model::NewStaff>,
    },
    Save {
        id: Option<i64>,
        staff: Box<crate::domain::model::NewStaff>,
    },
}
