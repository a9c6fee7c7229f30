//! The days a family's status changes keep, and what makes one of them impossible: a day in the
//! future, or before the offer or the enrolment it follows.

use chrono::NaiveDate;

use super::enums::{ExitReason, FamilyStatus};

/// The days a family reached each status it has had (the first offer and enrolment, the latest
/// decline and pause, the day it left).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusDates {
    pub offered_on: Option<NaiveDate>,
    pub enrolled_on: Option<NaiveDate>,
    pub declined_on: Option<NaiveDate>,
    pub paused_on: Option<NaiveDate>,
    pub exited_on: Option<NaiveDate>,
}

/// One of a family's status days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusDay {
    Offered,
    Enrolled,
    Declined,
    Paused,
    Exited,
}

impl StatusDay {
    pub const ALL: [StatusDay; 5] = [
        StatusDay::Offered,
        StatusDay::Enrolled,
        StatusDay::Declined,
        StatusDay::Paused,
        StatusDay::Exited,
    ];

    /// The day a change to `status` keeps.
    pub fn of(status: FamilyStatus) -> StatusDay {
        match status {
            FamilyStatus::Offered => StatusDay::Offered,
            FamilyStatus::Active => StatusDay::Enrolled,
            FamilyStatus::Declined => StatusDay::Declined,
            FamilyStatus::Paused => StatusDay::Paused,
            FamilyStatus::Completed | FamilyStatus::Exited => StatusDay::Exited,
        }
    }
}

/// Why a status day cannot be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    InFuture,
    /// Before the family was offered the programme (on this day).
    BeforeOffer(NaiveDate),
    /// Before the family was enrolled (on this day).
    BeforeEnrolment(NaiveDate),
}

impl StatusDates {
    pub fn get(&self, day: StatusDay) -> Option<NaiveDate> {
        match day {
            StatusDay::Offered => self.offered_on,
            StatusDay::Enrolled => self.enrolled_on,
            StatusDay::Declined => self.declined_on,
            StatusDay::Paused => self.paused_on,
            StatusDay::Exited => self.exited_on,
        }
    }

    pub fn set(&mut self, day: StatusDay, value: Option<NaiveDate>) {
        match day {
            StatusDay::Offered => self.offered_on = value,
            StatusDay::Enrolled => self.enrolled_on = value,
            StatusDay::Declined => self.declined_on = value,
            StatusDay::Paused => self.paused_on = value,
            StatusDay::Exited => self.exited_on = value,
        }
    }

    /// What is wrong with one day: in the future, or before the day it follows (a pause and an
    /// exit follow the enrolment, else the offer; an enrolment and a decline follow the offer).
    pub fn problem(&self, day: StatusDay, today: NaiveDate) -> Option<DateProblem> {
        let on = self.get(day)?;
        if on > today {
            return Some(DateProblem::InFuture);
        }
        let enrolled = match day {
            StatusDay::Paused | StatusDay::Exited => self.enrolled_on.filter(|e| on < *e),
            _ => None,
        };
        if let Some(e) = enrolled {
            return Some(DateProblem::BeforeEnrolment(e));
        }
        match day {
            StatusDay::Offered => None,
            _ => self
                .offered_on
                .filter(|o| on < *o)
                .map(DateProblem::BeforeOffer),
        }
    }

    /// Every day that cannot be, with why.
    pub fn problems(&self, today: NaiveDate) -> Vec<(StatusDay, DateProblem)> {
        StatusDay::ALL
            .iter()
            .filter_map(|d| self.problem(*d, today).map(|p| (*d, p)))
            .collect()
    }

    /// The days after a change to `status` on `on`, as the database keeps them: the first offer
    /// and enrolment stay, a decline, a pause and an exit take the new day.
    #[must_use]
    pub fn after(&self, status: FamilyStatus, on: NaiveDate) -> StatusDates {
        let mut next = *self;
        let day = StatusDay::of(status);
        let first_only = matches!(day, StatusDay::Offered | StatusDay::Enrolled);
        if !first_only || self.get(day).is_none() {
            next.set(day, Some(on));
        }
        next
    }

    /// What is wrong with changing to `status` on `on`, if anything.
    pub fn change_problem(
        &self,
        status: FamilyStatus,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Option<DateProblem> {
        let next = self.after(status, on);
        let day = StatusDay::of(status);
        // A day the change does not keep (a second enrolment) is not checked.
        (next.get(day) == Some(on))
            .then(|| next.problem(day, today))
            .flatten()
    }
}

/// A status change as the audit log keeps it: from what, to what, on which day, and why a
/// family left. Kept as codes (`active → exited 2026-11-20 moved`), so the log reads the same
/// whatever the language of whoever wrote it, and is said in words when printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusMove {
    /// `None` when the family could not be read before the change (it never happens in one
    /// transaction, but the log says so rather than guess).
    pub from: Option<FamilyStatus>,
    pub to: FamilyStatus,
    pub on: NaiveDate,
    pub exit: Option<ExitReason>,
}

impl StatusMove {
    /// The audit row's detail.
    pub fn code(&self) -> String {
        let from = self.from.map_or("?", FamilyStatus::as_str);
        let mut code = format!("{from} \u{2192} {} {}", self.to.as_str(), self.on);
        if let Some(exit) = self.exit {
            code.push(' ');
            code.push_str(exit.as_str());
        }
        code
    }

    /// Reads a detail written by [`StatusMove::code`]; `None` for anything else (rows written
    /// before the log said what changed have no detail).
    pub fn parse(detail: &str) -> Option<Self> {
        let (from, rest) = detail.split_once(" \u{2192} ")?;
        let mut parts = rest.split(' ');
        let to = parts.next()?.parse().ok()?;
        let on = NaiveDate::parse_from_str(parts.next()?, "%Y-%m-%d").ok()?;
        let exit = parts.next().map(str::parse).transpose().ok()?;
        if parts.next().is_some() {
            return None;
        }
        let from = if from == "?" {
            None
        } else {
            Some(from.parse().ok()?)
        };
        Some(Self { from, to, on, exit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_status_move_reads_back_what_it_wrote_and_nothing_else() {
        let moved = StatusMove {
            from: Some(FamilyStatus::Active),
            to: FamilyStatus::Exited,
            on: d(11, 20),
            exit: Some(ExitReason::Moved),
        };
        assert_eq!(moved.code(), "active \u{2192} exited 2026-11-20 moved");
        assert_eq!(StatusMove::parse(&moved.code()), Some(moved));
        let paused = StatusMove {
            from: None,
            to: FamilyStatus::Paused,
            exit: None,
            ..moved
        };
        assert_eq!(StatusMove::parse(&paused.code()), Some(paused));
        for other in [
            "",
            "person 3",
            "active \u{2192} nowhere 2026-11-20",
            "active \u{2192} paused 2026-11-20 moved extra",
        ] {
            assert_eq!(StatusMove::parse(other), None, "{other}");
        }
    }

    #[test]
    fn a_day_is_refused_in_the_future_and_before_what_it_follows() {
        let today = d(12, 7);
        let dates = StatusDates {
            offered_on: Some(d(3, 1)),
            enrolled_on: Some(d(4, 1)),
            ..StatusDates::default()
        };
        let p = |s, on| dates.change_problem(s, on, today);
        assert_eq!(
            p(FamilyStatus::Paused, d(12, 8)),
            Some(DateProblem::InFuture)
        );
        assert_eq!(
            p(FamilyStatus::Paused, d(3, 15)),
            Some(DateProblem::BeforeEnrolment(d(4, 1)))
        );
        assert_eq!(
            p(FamilyStatus::Exited, d(3, 31)),
            Some(DateProblem::BeforeEnrolment(d(4, 1)))
        );
        assert_eq!(
            p(FamilyStatus::Declined, d(2, 1)),
            Some(DateProblem::BeforeOffer(d(3, 1)))
        );
        assert_eq!(p(FamilyStatus::Paused, d(4, 1)), None);
        assert_eq!(p(FamilyStatus::Exited, today), None);
        // Back from a pause: the first enrolment stays, so no day is checked.
        assert_eq!(p(FamilyStatus::Active, d(1, 1)), None);
        let offered = StatusDates {
            offered_on: Some(d(3, 1)),
            ..StatusDates::default()
        };
        assert_eq!(
            offered.change_problem(FamilyStatus::Active, d(2, 1), today),
            Some(DateProblem::BeforeOffer(d(3, 1)))
        );
    }

    #[test]
    fn corrected_days_are_checked_against_each_other() {
        let dates = StatusDates {
            offered_on: Some(d(5, 1)),
            enrolled_on: Some(d(4, 1)),
            paused_on: Some(d(3, 1)),
            ..StatusDates::default()
        };
        assert_eq!(
            dates.problems(d(12, 7)),
            vec![
                (StatusDay::Enrolled, DateProblem::BeforeOffer(d(5, 1))),
                (StatusDay::Paused, DateProblem::BeforeEnrolment(d(4, 1))),
            ]
        );
    }
}
