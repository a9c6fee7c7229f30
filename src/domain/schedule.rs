//! When each programme visit falls due for a child, and where it stands today.

use chrono::{Days, NaiveDate};

use super::programme::ProgrammeVisit;

/// The dates a child reaches a visit's window ages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub earliest: NaiveDate,
    pub due: NaiveDate,
    pub late: NaiveDate,
    pub max: NaiveDate,
}

impl Window {
    pub fn for_visit(birth: NaiveDate, visit: &ProgrammeVisit) -> Self {
        Window {
            earliest: visit.earliest.from_birth(birth),
            due: visit.due.from_birth(birth),
            late: visit.late.from_birth(birth),
            max: visit.max.from_birth(birth),
        }
    }

    /// Inside the bookable window, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.earliest..=self.max).contains(&date)
    }
}

/// What has happened to a programme visit so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    None,
    /// A planned visit on this date (cancelled and no-show visits do not count).
    Planned(NaiveDate),
    Done(NaiveDate),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VisitState {
    /// The window has not opened yet.
    Upcoming,
    /// The window is open and nothing is booked.
    Due,
    Booked,
    Done,
    /// Not booked and past its late age, or its window closes within the warning days.
    Overdue,
    /// The window closed without the visit being done.
    Missed,
}

impl VisitState {
    pub fn as_str(self) -> &'static str {
        match self {
            VisitState::Upcoming => "upcoming",
            VisitState::Due => "due",
            VisitState::Booked => "booked",
            VisitState::Done => "done",
            VisitState::Overdue => "overdue",
            VisitState::Missed => "missed",
        }
    }
}

/// The state of one programme visit on `today`. `warning_days` turns a due visit overdue that
/// many days before its window closes.
pub fn visit_state(
    window: &Window,
    progress: Progress,
    today: NaiveDate,
    warning_days: u32,
) -> VisitState {
    match progress {
        Progress::Done(_) => VisitState::Done,
        _ if today > window.max => VisitState::Missed,
        Progress::Planned(_) => VisitState::Booked,
        Progress::None if today < window.earliest => VisitState::Upcoming,
        Progress::None => {
            let warn_from = window
                .max
                .checked_sub_days(Days::new(u64::from(warning_days)))
                .unwrap_or(window.earliest);
            if today > window.late || today >= warn_from {
                VisitState::Overdue
            } else {
                VisitState::Due
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::programme::Age;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn two_month_visit() -> ProgrammeVisit {
        ProgrammeVisit {
            number: 2,
            name: "2 mån".into(),
            name_en: "2 months".into(),
            earliest: Age::Weeks(7),
            due: Age::Months(2),
            late: Age::Weeks(11),
            max: Age::Months(3),
            roles: vec![],
            themes: vec![],
            ordinary: false,
        }
    }

    #[test]
    fn state_changes_on_the_exact_day_boundaries() {
        let birth = d(2026, 1, 10);
        let w = Window::for_visit(birth, &two_month_visit());
        assert_eq!(w.earliest, d(2026, 2, 28));
        assert_eq!(w.late, d(2026, 3, 28));
        assert_eq!(w.max, d(2026, 4, 10));
        let at = |day| visit_state(&w, Progress::None, day, 0);
        assert_eq!(at(d(2026, 2, 27)), VisitState::Upcoming);
        assert_eq!(at(d(2026, 2, 28)), VisitState::Due);
        assert_eq!(at(d(2026, 3, 28)), VisitState::Due);
        assert_eq!(at(d(2026, 3, 29)), VisitState::Overdue);
        assert_eq!(at(d(2026, 4, 10)), VisitState::Overdue);
        assert_eq!(at(d(2026, 4, 11)), VisitState::Missed);
    }

    #[test]
    fn warning_days_bring_overdue_forward() {
        let w = Window::for_visit(d(2026, 1, 10), &two_month_visit());
        assert_eq!(
            visit_state(&w, Progress::None, d(2026, 3, 20), 0),
            VisitState::Due
        );
        assert_eq!(
            visit_state(&w, Progress::None, d(2026, 3, 20), 21),
            VisitState::Overdue
        );
    }

    #[test]
    fn booked_and_done_win_until_the_window_closes() {
        let w = Window::for_visit(d(2026, 1, 10), &two_month_visit());
        let planned = Progress::Planned(d(2026, 3, 2));
        assert_eq!(
            visit_state(&w, planned, d(2026, 2, 1), 7),
            VisitState::Booked
        );
        assert_eq!(
            visit_state(&w, planned, d(2026, 4, 11), 7),
            VisitState::Missed
        );
        let done = Progress::Done(d(2026, 3, 2));
        assert_eq!(visit_state(&w, done, d(2027, 1, 1), 7), VisitState::Done);
    }

    #[test]
    fn born_on_the_last_of_january() {
        let mut v = two_month_visit();
        v.earliest = Age::Months(1);
        let w = Window::for_visit(d(2026, 1, 31), &v);
        assert_eq!(w.earliest, d(2026, 2, 28));
        assert_eq!(w.due, d(2026, 3, 31));
        let w_leap = Window::for_visit(d(2028, 1, 31), &v);
        assert_eq!(w_leap.earliest, d(2028, 2, 29));
    }

    #[test]
    fn born_on_a_leap_day() {
        let mut v = two_month_visit();
        v.max = Age::Months(12);
        let w = Window::for_visit(d(2024, 2, 29), &v);
        assert_eq!(w.max, d(2025, 2, 28));
        assert_eq!(
            visit_state(&w, Progress::None, d(2025, 3, 1), 0),
            VisitState::Missed
        );
        assert!(w.contains(d(2025, 2, 28)));
    }
}
