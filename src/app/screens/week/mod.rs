//! Vecka / Week: one ISO week of visits, a column per day, optionally one staff member's.

mod update;
use crate::app::Intent;

use chrono::Datelike;

use crate::app::{Effect, move_selection};
use crate::domain::calendar::IsoWeek;
pub use crate::domain::days::{
    DayEntry, DayPage, DaySession, PAGE, SESSIONS_PER_DAY, WeekData, WeekQuery,
};
use crate::domain::model::Staff;
use crate::domain::views::DayVisit;

#[derive(Debug, Default)]
pub struct WeekState {
    /// The week shown; `None` until the screen is first opened.
    pub week: Option<IsoWeek>,
    pub loaded: bool,
    /// How many visits each day holds (all, or the chosen person's).
    pub counts: [usize; 7],
    /// The part of each day's visits that is read.
    pub pages: [DayPage; 7],
    /// Each day's parent-group sessions, listed for their leaders among the visits.
    pub sessions: [Vec<DaySession>; 7],
    /// The marked day, 0 = Monday.
    pub day: usize,
    /// The marked line within the day, sessions and visits in time order (counted from the
    /// day's first, not the page's).
    pub selected: usize,
    /// Show only this staff member's visits.
    pub staff: Option<(i64, String)>,
}

/// Choosing whose week to show: what is typed, and which match is marked. It lives on the modal
/// stack while open.
#[derive(Debug, Default)]
pub struct StaffPick {
    pub input: tui_input::Input,
    pub marked: usize,
}

impl WeekState {
    /// The read part of a day's visits (0 = Monday), in time order.
    pub fn page(&self, day: usize) -> &DayPage {
        static EMPTY: DayPage = DayPage {
            offset: 0,
            visits: Vec::new(),
        };
        self.pages.get(day).unwrap_or(&EMPTY)
    }

    /// How many visits the week shows in all.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Days to draw: Monday to Friday, and Saturday and Sunday only when something is booked or
    /// a session is held then.
    pub fn days(&self) -> Vec<usize> {
        (0..7).filter(|d| *d < 5 || self.lines(*d) > 0).collect()
    }

    /// How many lines a day holds: its sessions and its visits.
    pub fn lines(&self, day: usize) -> usize {
        self.counts[day] + self.sessions.get(day).map_or(0, Vec::len)
    }

    fn day_sessions(&self, day: usize) -> &[DaySession] {
        self.sessions.get(day).map_or(&[][..], Vec::as_slice)
    }

    /// What the `i`-th line of `day` is.
    pub fn entry(&self, day: usize, i: usize) -> DayEntry {
        crate::domain::days::day_entry(self.day_sessions(day), i)
    }

    /// The marked visit, when a visit is marked (and read).
    pub fn marked(&self) -> Option<&DayVisit> {
        let DayEntry::Visit(v) = self.entry(self.day, self.selected) else {
            return None;
        };
        let page = self.page(self.day);
        page.visits.get(v.checked_sub(page.offset)?)
    }

    /// The marked session, when a session is marked.
    pub fn marked_session(&self) -> Option<&crate::domain::group_views::WeekSession> {
        match self.entry(self.day, self.selected) {
            DayEntry::Session(k) => self.day_sessions(self.day).get(k).map(|s| &s.session),
            DayEntry::Visit(_) => None,
        }
    }

    /// The visit the mark is at or next to: where the day's part to read is centred.
    fn marked_visit_index(&self) -> usize {
        match self.entry(self.day, self.selected) {
            DayEntry::Visit(v) => v,
            DayEntry::Session(k) => self
                .day_sessions(self.day)
                .get(k)
                .map_or(0, |s| s.visits_before)
                .min(self.counts[self.day].saturating_sub(1)),
        }
    }

    /// What to read for the week on screen, the marked day from `from`.
    fn query_from(&self, from: usize) -> Option<WeekQuery> {
        Some(WeekQuery {
            week: self.week?,
            staff: self.staff.as_ref().map(|(id, _)| *id),
            day: self.day,
            from,
        })
    }

    /// Reads the week on screen again, keeping the marked day's part.
    pub fn reload(&self) -> Option<Effect> {
        self.query_from(self.page(self.day).offset)
            .map(|q| Effect::Week(WeekEffect::Load(q)))
    }

    /// Opens the week that holds `today` the first time the screen is shown.
    pub fn ensure_loaded(&mut self, today: chrono::NaiveDate) -> Vec<Effect> {
        match self.week {
            Some(_) => Vec::new(),
            None => self.go_to(IsoWeek::of(today), today),
        }
    }

    fn go_to(&mut self, week: IsoWeek, today: chrono::NaiveDate) -> Vec<Effect> {
        self.week = Some(week);
        self.loaded = false;
        self.selected = 0;
        self.day = if IsoWeek::of(today) == week {
            today.weekday().num_days_from_monday() as usize
        } else {
            0
        };
        self.query_from(0)
            .map(|q| Effect::Week(WeekEffect::Load(q)))
            .into_iter()
            .collect()
    }

    pub fn set(&mut self, data: WeekData) {
        let q = data.query;
        if self.week != Some(q.week) || self.staff.as_ref().map(|(id, _)| *id) != q.staff {
            return;
        }
        self.counts = data.counts;
        self.pages = data.pages;
        self.sessions = data.sessions;
        self.loaded = true;
        // A weekend day is drawn only when booked; otherwise mark the nearest weekday.
        let days = self.days();
        if !days.contains(&self.day) {
            self.day = days
                .iter()
                .copied()
                .filter(|d| *d <= self.day)
                .max()
                .unwrap_or(0);
        }
        self.selected = self.selected.min(self.lines(self.day).saturating_sub(1));
    }

    /// One day's page, read when the marked visit scrolled out of the part that was read.
    pub fn set_day(&mut self, query: WeekQuery, page: DayPage) {
        if self.week == Some(query.week)
            && self.staff.as_ref().map(|(id, _)| *id) == query.staff
            && let Some(slot) = self.pages.get_mut(query.day)
        {
            *slot = page;
        }
    }

    /// After the marked visit moved: read the part of its day around it when it is not read,
    /// or when a screenful next to it is not.
    fn follow(&mut self) -> Vec<Effect> {
        let page = self.page(self.day);
        let count = self.counts[self.day];
        let margin = PAGE / 3;
        let read_end = page.offset + page.visits.len();
        let marked = self.marked_visit_index();
        let short_before = page.offset > 0 && marked < page.offset + margin;
        let short_after = read_end < count && marked + margin >= read_end;
        if !(short_before || short_after) {
            return Vec::new();
        }
        let from = marked.saturating_sub(PAGE / 2);
        self.query_from(from)
            .map(|q| Effect::Week(WeekEffect::LoadDay(q)))
            .into_iter()
            .collect()
    }

    fn shift_week(&mut self, weeks: i64, today: chrono::NaiveDate) -> Vec<Effect> {
        let Some(monday) = self.week.and_then(IsoWeek::monday) else {
            return Vec::new();
        };
        let target = monday + chrono::Duration::weeks(weeks);
        self.go_to(IsoWeek::of(target), today)
    }

    /// The active staff whose names match what is typed in the picker: everyone who can have
    /// a week, not only those with visits in this one.
    pub fn pick_matches(pick: &StaffPick, staff: &[Staff]) -> Vec<(i64, String)> {
        let query = crate::domain::search::Query::new(pick.input.value());
        let mut people: Vec<(i64, String)> = staff
            .iter()
            .filter(|s| s.active)
            .filter(|s| {
                query.is_empty() || query.score(&crate::domain::search::fold(&s.name)).is_some()
            })
            .map(|s| (s.id, s.name.clone()))
            .collect();
        people.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        people
    }

    /// Keys while picking whose week to show; the reads to make, and `true` when the picker is
    /// done.
    pub fn handle_pick(
        &mut self,
        pick: &mut StaffPick,
        staff: &[Staff],
        action: &Intent,
    ) -> (Vec<Effect>, bool) {
        let matches = Self::pick_matches(pick, staff);
        match action {
            Intent::Back => return (Vec::new(), true),
            Intent::Open => {
                let typed = pick.input.value().trim().to_string();
                self.staff = if typed.is_empty() {
                    None
                } else {
                    matches.get(pick.marked).cloned()
                };
                self.selected = 0;
                self.loaded = false;
                let read = self
                    .query_from(0)
                    .map(|q| Effect::Week(WeekEffect::Load(q)));
                return (read.into_iter().collect(), true);
            }
            Intent::Down => pick.marked = (pick.marked + 1).min(matches.len().saturating_sub(1)),
            Intent::Up => pick.marked = pick.marked.saturating_sub(1),
            Intent::Type(key) => {
                if let Some(r) = crate::app::search_box::edit(*key) {
                    pick.input.handle(r);
                    pick.marked = 0;
                }
            }
            _ => {}
        }
        (Vec::new(), false)
    }

    pub fn handle(&mut self, action: &Intent, today: chrono::NaiveDate) -> Vec<Effect> {
        match action {
            Intent::Week(WeekIntent::PrevWeek) => self.shift_week(-1, today),
            Intent::Week(WeekIntent::NextWeek) => self.shift_week(1, today),
            Intent::Week(WeekIntent::ThisWeek) => self.go_to(IsoWeek::of(today), today),
            Intent::Week(WeekIntent::PrevDay | WeekIntent::NextDay) => {
                let days = self.days();
                let at = days.iter().position(|d| *d == self.day).unwrap_or(0);
                let next = if *action == Intent::Week(WeekIntent::NextDay) {
                    (at + 1).min(days.len() - 1)
                } else {
                    at.saturating_sub(1)
                };
                self.day = days.get(next).copied().unwrap_or(0);
                self.selected = self.selected.min(self.lines(self.day).saturating_sub(1));
                self.follow()
            }
            other => {
                self.selected = move_selection(self.selected, self.lines(self.day), other, 10);
                self.follow()
            }
        }
    }
}

/// Week's own keys.
#[derive(Debug, Clone, PartialEq)]
pub enum WeekIntent {
    PrevWeek,
    NextWeek,
    ThisWeek,
    PrevDay,
    NextDay,
    /// Choose whose week to show (by typing part of a name), or everyone's.
    PickStaff,
    /// The calendar of the week shown, as `hembesok calendar` writes it: the chosen person's
    /// file, or everyone's, in the folder the app was started in.
    ExportCalendar,
}

/// Week's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum WeekMsg {
    /// A week's visits per day, and a page of each day.
    Loaded(Box<WeekData>),
    /// Another page of one day of the week.
    DayLoaded(WeekQuery, DayPage),
    /// The calendars of the week were written: where, and how many events, in words.
    CalendarWritten(crate::app::Text),
}

/// What Week asks the runtime to read.
#[derive(Debug, Clone, PartialEq)]
pub enum WeekEffect {
    /// A week: how many visits each day holds, and a page of each day.
    Load(WeekQuery),
    /// The page of the marked day from the query's `from`.
    LoadDay(WeekQuery),
    /// Writes the week's calendar of one staff member, or of everyone (`None`), into the
    /// folder the app was started in.
    ExportCalendar {
        days: (chrono::NaiveDate, chrono::NaiveDate),
        staff: Option<i64>,
    },
}
