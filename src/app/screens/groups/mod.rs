//! Grupper / Groups: the list of series, a series page (sessions and the members × sessions
//! grid), the roll call of a session, and the picker of suggested members.

mod messages;
mod update;
use crate::app::Intent;
pub use messages::{GroupsEffect, GroupsIntent, GroupsMsg};

use chrono::NaiveDate;

use crate::app::{Effect, move_selection};
use crate::domain::enums::{AttendanceStatus, SessionStatus};
use crate::domain::group_views::{
    Ended, GroupList, GroupPage, GroupRow, RollCall, RollLine, SessionRow, Suggestion,
};
use crate::domain::groups::SessionChange;

/// Series read at a time: more than any terminal shows, so scrolling reads again only every
/// few dozen rows.
pub const GROUP_PAGE: usize = 60;

#[derive(Debug, Default)]
pub struct GroupsState {
    /// How many series each section holds: current, planned, ended.
    pub counts: [usize; 3],
    /// The part of the list that is read: the `offset`-th series on (current first, then
    /// planned, then ended, as the database orders them).
    pub offset: usize,
    pub list: Vec<GroupRow>,
    pub loaded: bool,
    requested: bool,
    /// Which ended series are listed.
    pub ended: Ended,
    /// How many series ended before the list's usual reach (listed with [`Ended::All`]).
    pub earlier: usize,
    /// The marked series, counted from the list's first (not the part read).
    pub selected: usize,
    /// The open series page.
    pub page: Option<SeriesPage>,
}

/// A series page, the marked session.
#[derive(Debug)]
pub struct SeriesPage {
    pub data: GroupPage,
    pub selected: usize,
}

impl GroupsState {
    pub fn ensure_loaded(&mut self) -> Vec<Effect> {
        if self.loaded || self.requested {
            Vec::new()
        } else {
            self.requested = true;
            vec![Effect::Groups(GroupsEffect::LoadList(0, self.ended))]
        }
    }

    /// Reads the list again, keeping the part on screen.
    pub fn reload(&self) -> Effect {
        Effect::Groups(GroupsEffect::LoadList(self.offset, self.ended))
    }

    /// How many series the list holds in all.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// A part of the list arrived: the marked series kept.
    pub fn set(&mut self, part: GroupList) {
        let marked = self.selected().map(|g| g.id);
        self.counts = part.counts;
        self.earlier = part.earlier;
        self.offset = part.offset;
        self.list = part.rows;
        self.loaded = true;
        let found = marked
            .and_then(|id| self.list.iter().position(|g| g.id == id))
            .map(|i| i + self.offset);
        self.selected = found.unwrap_or(self.selected.min(self.total().saturating_sub(1)));
    }

    /// The series at `i` in the whole list, when it is in the part read.
    pub fn row(&self, i: usize) -> Option<&GroupRow> {
        self.list.get(i.checked_sub(self.offset)?)
    }

    pub fn selected(&self) -> Option<&GroupRow> {
        self.row(self.selected)
    }

    /// After the mark moved: read the part around it when it is not read, or when a
    /// screenful next to it is not.
    fn follow(&self) -> Vec<Effect> {
        let margin = GROUP_PAGE / 3;
        let read_end = self.offset + self.list.len();
        let short_before = self.offset > 0 && self.selected < self.offset + margin;
        let short_after = read_end < self.total() && self.selected + margin >= read_end;
        if short_before || short_after {
            vec![Effect::Groups(GroupsEffect::LoadList(
                self.selected.saturating_sub(GROUP_PAGE / 2),
                self.ended,
            ))]
        } else {
            Vec::new()
        }
    }

    /// Lists the series that ended long ago too, the mark on the first of them (they follow
    /// the ones that ended lately), or hides them again.
    fn toggle_earlier(&mut self) -> Vec<Effect> {
        if self.ended == Ended::Lately && self.earlier == 0 {
            return Vec::new();
        }
        self.ended = self.ended.toggled();
        let from = match self.ended {
            Ended::All => {
                self.selected = self.total();
                self.selected.saturating_sub(GROUP_PAGE / 2)
            }
            Ended::Lately => {
                let left = self.total().saturating_sub(self.earlier);
                self.selected = self.selected.min(left.saturating_sub(1));
                self.selected.saturating_sub(GROUP_PAGE / 2)
            }
        };
        vec![Effect::Groups(GroupsEffect::LoadList(from, self.ended))]
    }

    pub fn set_page(&mut self, data: GroupPage, today: NaiveDate) {
        let keep = self
            .page
            .as_ref()
            .filter(|p| p.data.info.id == data.info.id)
            .map(|p| p.selected);
        // A new page opens on the next session to take place (or the last one).
        let first = data
            .sessions
            .iter()
            .position(|s| s.start.date() >= today)
            .unwrap_or(data.sessions.len().saturating_sub(1));
        self.page = Some(SeriesPage {
            selected: keep
                .unwrap_or(first)
                .min(data.sessions.len().saturating_sub(1)),
            data,
        });
    }

    pub fn handle_list(&mut self, action: &Intent) -> Vec<Effect> {
        match action {
            Intent::Open => self
                .selected()
                .map(|g| vec![Effect::Groups(GroupsEffect::Load(g.id))])
                .unwrap_or_default(),
            Intent::Groups(GroupsIntent::EarlierSeries) => self.toggle_earlier(),
            other => {
                self.selected = move_selection(self.selected, self.total(), other, 10);
                self.follow()
            }
        }
    }

    /// A mark arrived: the series page's grid takes it too (no reload).
    pub fn put_mark(&mut self, session_id: i64, line: &RollLine, now_held: bool) {
        let Some(page) = self.page.as_mut() else {
            return;
        };
        let Some(session) = page.data.sessions.iter_mut().find(|s| s.id == session_id) else {
            return;
        };
        if now_held {
            session.status = SessionStatus::Held;
        }
        let marks = &mut page.data.marks;
        marks.retain(|(s, f, _)| !(*s == session_id && *f == line.family_id));
        if let Some(status) = line.status {
            marks.push((session_id, line.family_id, status));
        }
    }

    /// A session changed: its row on the series page is replaced.
    pub fn put_session(&mut self, session: &SessionRow) {
        if let Some(row) = self
            .page
            .as_mut()
            .and_then(|p| p.data.sessions.iter_mut().find(|s| s.id == session.id))
        {
            *row = session.clone();
        }
    }
}

impl SeriesPage {
    pub fn marked_session(&self) -> Option<&SessionRow> {
        self.data.sessions.get(self.selected)
    }

    pub fn handle(&mut self, action: &Intent) {
        self.selected = move_selection(self.selected, self.data.sessions.len(), action, 5);
    }
}

/// A session's roll call: one line per member, the cursor on the first.
#[derive(Debug, Clone, PartialEq)]
pub struct RollCallState {
    pub call: RollCall,
    pub selected: usize,
}

impl RollCallState {
    pub fn new(call: RollCall) -> Self {
        RollCallState { call, selected: 0 }
    }

    pub fn session_id(&self) -> i64 {
        self.call.session.id
    }

    /// What a key does: a mark or present with its adults (written at once, the cursor to the
    /// next line), drop-ins, held; cancelling opens a form, so it is answered by the caller.
    pub fn handle(&mut self, action: &Intent) -> Vec<Effect> {
        let session_id = self.session_id();
        let line = self.call.lines.get(self.selected);
        let mark = |status: AttendanceStatus, adults: u32| {
            line.map(|l| {
                Effect::Groups(GroupsEffect::Mark {
                    session_id,
                    family_id: l.family_id,
                    status,
                    adults,
                })
            })
        };
        let adults = line.map_or(1, |l| l.adults.max(1));
        let (effect, next) = match action {
            Intent::Groups(GroupsIntent::MarkPresent) => {
                (mark(AttendanceStatus::Present, adults), true)
            }
            Intent::Groups(GroupsIntent::MarkAbsent) => (mark(AttendanceStatus::Absent, 0), true),
            Intent::Groups(GroupsIntent::MarkExcused) => (mark(AttendanceStatus::Excused, 0), true),
            // As every mark does: a leader working down the list with `p 2 a` marks three
            // families, not one twice.
            Intent::Groups(GroupsIntent::OneAdult) => (mark(AttendanceStatus::Present, 1), true),
            Intent::Groups(GroupsIntent::TwoAdults) => (mark(AttendanceStatus::Present, 2), true),
            Intent::Groups(GroupsIntent::MoreDropins | GroupsIntent::FewerDropins) => {
                let now = self.call.session.dropins;
                let n = if *action == Intent::Groups(GroupsIntent::MoreDropins) {
                    now.saturating_add(1)
                } else {
                    now.saturating_sub(1)
                };
                let effect = (n != now).then_some(Effect::Groups(GroupsEffect::ChangeSession {
                    session_id,
                    change: SessionChange::Dropins(n),
                }));
                (effect, false)
            }
            Intent::Groups(GroupsIntent::MarkHeld) => (
                Some(Effect::Groups(GroupsEffect::ChangeSession {
                    session_id,
                    change: SessionChange::Held,
                })),
                false,
            ),
            other => {
                self.selected = move_selection(self.selected, self.call.lines.len(), other, 5);
                (None, false)
            }
        };
        if next && effect.is_some() {
            self.selected = (self.selected + 1).min(self.call.lines.len().saturating_sub(1));
        }
        effect.into_iter().collect()
    }

    /// The written mark: its one line is redrawn.
    pub fn put_mark(&mut self, line: &RollLine, now_held: bool) {
        if let Some(l) = self
            .call
            .lines
            .iter_mut()
            .find(|l| l.family_id == line.family_id)
        {
            l.status = line.status;
            l.adults = line.adults;
        }
        if now_held {
            self.call.session.status = SessionStatus::Held;
        }
    }

    /// How many lines are marked, and how many present.
    pub fn counts(&self) -> (usize, usize) {
        let marked = self
            .call
            .lines
            .iter()
            .filter(|l| l.status.is_some())
            .count();
        let present = self
            .call
            .lines
            .iter()
            .filter(|l| l.status == Some(AttendanceStatus::Present))
            .count();
        (marked, present)
    }
}

/// Suggested families to add to a series: the first that fit are ticked, so Enter adds them.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberPick {
    pub group_id: i64,
    pub suggestions: Vec<Suggestion>,
    pub ticked: Vec<bool>,
    pub selected: usize,
    /// Places left, when the series has a capacity.
    pub room: Option<usize>,
}

impl MemberPick {
    pub fn new(group_id: i64, suggestions: Vec<Suggestion>, room: Option<usize>) -> Self {
        let fit = room.unwrap_or(suggestions.len());
        let ticked = (0..suggestions.len()).map(|i| i < fit).collect();
        MemberPick {
            group_id,
            suggestions,
            ticked,
            selected: 0,
            room,
        }
    }

    pub fn chosen(&self) -> Vec<i64> {
        self.suggestions
            .iter()
            .zip(&self.ticked)
            .filter(|(_, t)| **t)
            .map(|(s, _)| s.family_id)
            .collect()
    }

    pub fn handle(&mut self, action: &Intent) {
        match action {
            Intent::Tick => {
                if let Some(t) = self.ticked.get_mut(self.selected) {
                    *t = !*t;
                }
            }
            other => {
                self.selected = move_selection(self.selected, self.suggestions.len(), other, 10);
            }
        }
    }
}
