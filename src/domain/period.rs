//! The period a report covers: one calendar quarter (`2026Q3`) or one calendar year (`2026`),
//! for municipalities whose quarters are too thin to say anything.

use std::fmt;

use chrono::NaiveDate;

use super::quarter::{Quarter, QuarterError};

/// A calendar quarter or a calendar year. Never a rolling span: two overlapping spans give the
/// quarter between them back by subtraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Quarter(Quarter),
    Year(i32),
}

/// What is wrong with a typed year; `i18n::report` says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearError;

impl Period {
    /// Parses a quarter (`2026Q3`).
    pub fn quarter(text: &str) -> Result<Self, QuarterError> {
        Quarter::parse(text).map(Period::Quarter)
    }

    /// Parses a year of four digits (`2025`).
    pub fn year(text: &str) -> Result<Self, YearError> {
        let t = text.trim();
        if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(YearError);
        }
        let year: i32 = t.parse().map_err(|_| YearError)?;
        // The year's quarters must exist, so its first and last day do.
        Quarter::new(year, 1).ok_or(YearError)?;
        Ok(Period::Year(year))
    }

    /// Reads either spelling, as stored in `report_run`.
    pub fn parse(text: &str) -> Option<Self> {
        Self::quarter(text).ok().or_else(|| Self::year(text).ok())
    }

    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Quarter(q) => q.first_day(),
            Period::Year(y) => Quarter::new(y, 1).map_or(NaiveDate::MIN, Quarter::first_day),
        }
    }

    pub fn last_day(self) -> NaiveDate {
        match self {
            Period::Quarter(q) => q.last_day(),
            Period::Year(y) => Quarter::new(y, 4).map_or(NaiveDate::MAX, Quarter::last_day),
        }
    }

    /// Whether a day lies in the period, both ends included.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&date)
    }

    /// Whether the period is over on `today`; a report of one that is not is preliminary.
    pub fn has_ended_on(self, today: NaiveDate) -> bool {
        today > self.last_day()
    }

    /// `quarter` or `year`, as the files name the kind.
    pub fn kind(self) -> &'static str {
        match self {
            Period::Quarter(_) => "quarter",
            Period::Year(_) => "year",
        }
    }

    /// The quarter, for a quarter's report.
    pub fn as_quarter(self) -> Option<Quarter> {
        match self {
            Period::Quarter(q) => Some(q),
            Period::Year(_) => None,
        }
    }

    /// The calendar year the period lies in.
    pub fn calendar_year(self) -> i32 {
        match self {
            Period::Quarter(q) => q.year(),
            Period::Year(y) => y,
        }
    }

    /// The period after this one, of the same kind.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Period::Quarter(q) => Period::Quarter(q.next()),
            Period::Year(y) => Period::Year(y + 1),
        }
    }

    /// The period before this one, of the same kind.
    #[must_use]
    pub fn previous(self) -> Self {
        match self {
            Period::Quarter(q) => Period::Quarter(q.previous()),
            Period::Year(y) => Period::Year(y - 1),
        }
    }

    /// The `count` periods of the same kind ending with this one, oldest first.
    pub fn trend(self, count: usize) -> Vec<Period> {
        let mut out: Vec<Period> = std::iter::successors(Some(self), |p| Some(p.previous()))
            .take(count)
            .collect();
        out.reverse();
        out
    }

    /// The period of the other kind that holds this one's last day (a quarter's year, a year's
    /// last quarter).
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Period::Quarter(q) => Period::Year(q.year()),
            Period::Year(y) => Quarter::new(y, 4).map_or(self, Period::Quarter),
        }
    }

    /// The period of this kind that holds `today` (the one still running).
    #[must_use]
    pub fn running(self, today: NaiveDate) -> Self {
        use chrono::Datelike;
        match self {
            Period::Quarter(_) => Period::Quarter(Quarter::of(today)),
            Period::Year(_) => Period::Year(today.year()),
        }
    }

    /// The last calendar year that had ended before `today`.
    pub fn last_finished_year(today: NaiveDate) -> Self {
        use chrono::Datelike;
        Period::Year(today.year() - 1)
    }
}

impl From<Quarter> for Period {
    fn from(q: Quarter) -> Self {
        Period::Quarter(q)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Quarter(q) => q.fmt(f),
            Period::Year(y) => write!(f, "{y:04}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_runs_from_january_to_december_and_reads_back() {
        let y = Period::year("2025").unwrap();
        assert_eq!(y.to_string(), "2025");
        assert_eq!(y.first_day(), NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        assert_eq!(y.last_day(), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        assert_eq!(Period::parse("2025"), Some(y));
        assert_eq!(
            Period::parse("2025Q2"),
            Some(Period::Quarter(Quarter::new(2025, 2).unwrap()))
        );
        assert!(y.has_ended_on(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
        assert!(!y.has_ended_on(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()));
        for bad in ["25", "2025-", "20251", "abcd", "0000"] {
            assert_eq!(Period::year(bad), Err(YearError), "{bad}");
        }
    }
}
