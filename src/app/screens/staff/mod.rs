//! Personal / Staff: the roster, a page at a time, narrowed by typing part of a name, an id, a
//! role or a language after `/`.

mod roster;
mod update;
use crate::app::Intent;

pub use roster::Roster;

use crate::app::search_box::SearchBox;
use crate::app::{Effect, move_selection, paging};
use crate::domain::model::Staff;
pub use crate::domain::staff_list::{STAFF_PAGE, StaffPage, StaffQuery};

#[derive(Debug, Default)]
pub struct StaffState {
    pub loaded: bool,
    requested: bool,
    pub query: SearchBox,
    /// Typing goes to the search line.
    pub searching: bool,
    /// How many people the register holds, and how many match.
    pub total: usize,
    pub count: usize,
    /// The part of the list that is read: the `offset`-th match on.
    pub offset: usize,
    pub rows: Vec<Staff>,
    /// The marked person, counted from the list's first match (not the part read).
    pub selected: usize,
    /// What was last asked for: an answer to an older question is left unread.
    asked: StaffQuery,
    /// What the rows held answer: the mark stays on its person only within the same list.
    shown: StaffQuery,
    /// The widest cell of each column over the people read since the screen was first shown,
    /// as drawn (narrow and wide terminals have different columns), so that columns stay put
    /// while the search narrows the list.
    widths: std::cell::RefCell<[Option<Vec<usize>>; 2]>,
    /// People read since the columns were last measured, for each width class (the latest
    /// [`UNMEASURED`] of them).
    unmeasured: std::cell::RefCell<[Vec<Staff>; 2]>,
}

/// Read people kept to be measured into the columns' widths, at most.
const UNMEASURED: usize = 4 * STAFF_PAGE;

impl StaffState {
    pub fn ensure_loaded(&mut self) -> Vec<Effect> {
        if self.loaded || self.requested {
            Vec::new()
        } else {
            self.requested = true;
            vec![self.load()]
        }
    }

    /// Reads the part of the list on screen again (the file changed).
    pub fn load(&mut self) -> Effect {
        self.asked = self.question(self.offset);
        Effect::Staff(StaffEffect::Load(self.asked.clone()))
    }

    /// What the search line asks for, from the `from`-th match.
    fn question(&self, from: usize) -> StaffQuery {
        StaffQuery::new(
            self.query.value(),
            &crate::i18n::labels::role_search_names(),
        )
        .at(from)
    }

    fn ask_from(&mut self, from: usize) -> Vec<Effect> {
        self.asked = self.question(from);
        vec![Effect::Staff(StaffEffect::Load(self.asked.clone()))]
    }

    /// A part of the list arrived: the mark stays on its person when they are still there.
    pub fn set_page(&mut self, page: StaffPage) {
        if !page.query.same_list(&self.asked) {
            return;
        }
        // Read again (the file changed, the mark moved): the mark stays on its person. Another
        // search starts at its first match.
        let marked = page
            .query
            .same_list(&self.shown)
            .then(|| self.selected().map(|s| s.id))
            .flatten();
        self.shown = page.query.clone();
        self.total = page.total;
        self.count = page.count;
        self.offset = page.query.from;
        for list in self.unmeasured.get_mut() {
            list.extend(page.rows.iter().cloned());
            let over = list.len().saturating_sub(UNMEASURED);
            list.drain(..over);
        }
        self.rows = page.rows;
        self.loaded = true;
        let found = marked
            .and_then(|id| self.rows.iter().position(|s| s.id == id))
            .map(|i| i + self.offset);
        self.selected = found.unwrap_or(self.selected.min(self.count.saturating_sub(1)));
    }

    /// The people read, each with their place in the whole list.
    pub fn rows(&self) -> impl Iterator<Item = (usize, &Staff)> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, s)| (i + self.offset, s))
    }

    pub fn selected(&self) -> Option<&Staff> {
        self.rows.get(self.selected.checked_sub(self.offset)?)
    }

    /// The column widths for a narrow or a wide terminal: those measured before, widened by
    /// `measure` over the people read since (once, not per frame).
    pub fn natural_widths(
        &self,
        wide: bool,
        measure: impl FnOnce(&[Staff]) -> Vec<usize>,
    ) -> Vec<usize> {
        let at = usize::from(wide);
        let mut widths = self.widths.borrow_mut();
        let mut unmeasured = self.unmeasured.borrow_mut();
        if widths[at].is_none() || !unmeasured[at].is_empty() {
            let new = measure(&unmeasured[at]);
            unmeasured[at].clear();
            let merged = match &widths[at] {
                Some(old) => old.iter().zip(&new).map(|(a, b)| *a.max(b)).collect(),
                None => new,
            };
            widths[at] = Some(merged);
        }
        widths[at].clone().unwrap_or_default()
    }

    /// Starts typing in the search line, the earlier search selected.
    pub fn start_search(&mut self) {
        self.searching = true;
        self.query.start();
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

    pub fn handle(&mut self, action: &Intent) -> Vec<Effect> {
        match action {
            Intent::Type(key) => {
                if self.query.type_key(*key) {
                    self.selected = 0;
                    return self.ask_from(0);
                }
                Vec::new()
            }
            Intent::Back => {
                self.searching = false;
                Vec::new()
            }
            other => {
                self.selected = move_selection(self.selected, self.count, other, 10);
                self.follow()
            }
        }
    }
}

/// The Staff screen's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum StaffMsg {
    /// A page of the Staff list.
    PageLoaded(Box<StaffPage>),
    /// Everyone on staff, for picking a person (Week) and a series' leaders.
    RosterLoaded(Vec<Staff>),
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
    /// A page of the list.
    Load(StaffQuery),
    /// Everyone on staff.
    LoadRoster,
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
