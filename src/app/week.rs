//! Vecka / Week: one ISO week of visits, a column per day, optionally one staff member's.

use chrono::Datelike;

use super::{Action, Effect, move_selection};
use crate::domain::calendar::IsoWeek;
use crate::domain::views::DayVisit;

#[derive(Debug, Default)]
pub struct WeekState {
    /// The week shown; `None` until the screen is first opened.
    pub week: Option<IsoWeek>,
    pub visits: Vec<DayVisit>,
    pub loaded: bool,
    /// The marked day, 0 = Monday.
    pub day: usize,
    /// The marked visit within the day.
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
    /// The visits shown (all, or one staff member's), in time order.
    pub fn shown(&self) -> impl Iterator<Item = &DayVisit> {
        self.visits.iter().filter(move |v| {
            self.staff
                .as_ref()
                .is_none_or(|(id, _)| v.staff.iter().any(|a| a.staff_id == *id))
        })
    }

    /// The shown visits on a day of the week (0 = Monday).
    pub fn on_day(&self, day: usize) -> Vec<&DayVisit> {
        self.shown()
            .filter(|v| v.start.weekday().num_days_from_monday() as usize == day)
            .collect()
    }

    /// Days to draw: Monday to Friday, and Saturday and Sunday only when something is booked then.
    pub fn days(&self) -> Vec<usize> {
        let weekend_booked = |d: usize| {
            self.visits
                .iter()
                .any(|v| v.start.weekday().num_days_from_monday() as usize == d)
        };
        (0..7).filter(|d| *d < 5 || weekend_booked(*d)).collect()
    }

    pub fn marked(&self) -> Option<&DayVisit> {
        self.on_day(self.day).get(self.selected).copied()
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
        vec![Effect::LoadWeek(week)]
    }

    pub fn set(&mut self, week: IsoWeek, visits: Vec<DayVisit>) {
        if self.week == Some(week) {
            self.visits = visits;
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
            self.selected = self
                .selected
                .min(self.on_day(self.day).len().saturating_sub(1));
        }
    }

    fn shift_week(&mut self, weeks: i64, today: chrono::NaiveDate) -> Vec<Effect> {
        let Some(monday) = self.week.and_then(IsoWeek::monday) else {
            return Vec::new();
        };
        let target = monday + chrono::Duration::weeks(weeks);
        self.go_to(IsoWeek::of(target), today)
    }

    /// The people in this week's visits whose names match what is typed in the picker.
    pub fn pick_matches(&self, pick: &StaffPick) -> Vec<(i64, String)> {
        let query = crate::domain::search::Query::new(pick.input.value());
        let mut people: Vec<(i64, String)> = self
            .visits
            .iter()
            .flat_map(|v| v.staff.iter().map(|a| (a.staff_id, a.name.clone())))
            .collect();
        people.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        people.dedup();
        people.retain(|(_, name)| {
            query.is_empty() || query.score(&crate::domain::search::fold(name)).is_some()
        });
        people
    }

    /// Keys while picking whose week to show; `true` when the picker is done.
    pub fn handle_pick(&mut self, pick: &mut StaffPick, action: &Action) -> bool {
        let matches = self.pick_matches(pick);
        match action {
            Action::Back => return true,
            Action::Open => {
                let typed = pick.input.value().trim().to_string();
                self.staff = if typed.is_empty() {
                    None
                } else {
                    matches.get(pick.marked).cloned()
                };
                self.selected = 0;
                return true;
            }
            Action::Down => pick.marked = (pick.marked + 1).min(matches.len().saturating_sub(1)),
            Action::Up => pick.marked = pick.marked.saturating_sub(1),
            Action::Type(key) => {
                let request = match key {
                    super::Key::Char(c) => Some(tui_input::InputRequest::InsertChar(*c)),
                    super::Key::Backspace => Some(tui_input::InputRequest::DeletePrevChar),
                    super::Key::Ctrl('u') => Some(tui_input::InputRequest::DeleteLine),
                    _ => None,
                };
                if let Some(r) = request {
                    pick.input.handle(r);
                    pick.marked = 0;
                }
            }
            _ => {}
        }
        false
    }

    pub fn handle(&mut self, action: &Action, today: chrono::NaiveDate) -> Vec<Effect> {
        match action {
            Action::PrevWeek => self.shift_week(-1, today),
            Action::NextWeek => self.shift_week(1, today),
            Action::ThisWeek => self.go_to(IsoWeek::of(today), today),
            Action::PrevDay | Action::NextDay => {
                let days = self.days();
                let at = days.iter().position(|d| *d == self.day).unwrap_or(0);
                let next = if *action == Action::NextDay {
                    (at + 1).min(days.len() - 1)
                } else {
                    at.saturating_sub(1)
                };
                self.day = days.get(next).copied().unwrap_or(0);
                self.selected = self
                    .selected
                    .min(self.on_day(self.day).len().saturating_sub(1));
                Vec::new()
            }
            other => {
                self.selected =
                    move_selection(self.selected, self.on_day(self.day).len(), other, 10);
                Vec::new()
            }
        }
    }
}
