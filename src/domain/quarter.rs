//! Calendar quarters (`2026Q3`): the period a quarterly report covers, and the quarters before it.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A calendar quarter: `2026Q3` is 2026-07-01 … 2026-09-30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    year: i32,
    number: u8,
}

/// What is wrong with a typed quarter; `i18n::report` says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuarterError {
    /// Not written as a four-digit year, `Q` and a digit, e.g. `2026Q3`.
    Shape,
    /// The year is fine but there is no such quarter (`2026Q5`).
    NoSuchQuarter { year: i32, number: u32 },
}

/// Years whose every day chrono can name, so that no quarter's first or last day is missing.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl Quarter {
    /// The quarter, when `number` is 1 to 4 and the year has four digits.
    pub fn new(year: i32, number: u32) -> Option<Self> {
        ((1..=4).contains(&number) && YEARS.contains(&year)).then_some(Quarter {
            year,
            number: number as u8,
        })
    }

    /// Parses `2026Q3`; a lower-case `q` and `2026-Q3` are read too.
    pub fn parse(text: &str) -> Result<Self, QuarterError> {
        let t = text.trim();
        let (year, number) = t.split_once(['Q', 'q']).ok_or(QuarterError::Shape)?;
        let year = year.strip_suffix('-').unwrap_or(year);
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year) || number.len() != 1 || !digits(number) {
            return Err(QuarterError::Shape);
        }
        let year: i32 = year.parse().map_err(|_| QuarterError::Shape)?;
        let number: u32 = number.parse().map_err(|_| QuarterError::Shape)?;
        Quarter::new(year, number).ok_or(QuarterError::NoSuchQuarter { year, number })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1 to 4.
    pub fn number(self) -> u32 {
        u32::from(self.number)
    }

    /// The quarter a day falls in.
    pub fn of(date: NaiveDate) -> Self {
        Quarter {
            year: date.year(),
            number: ((date.month0() / 3) + 1) as u8,
        }
    }

    pub fn first_day(self) -> NaiveDate {
        let month = u32::from(self.number - 1) * 3 + 1;
        // Every quarter's year is in YEARS, where every first of a month exists.
        NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// Whether a day lies in the quarter, both ends included.
    pub fn contains(self, date: NaiveDate) -> bool {
        (self.first_day()..=self.last_day()).contains(&date)
    }

    /// The quarter after this one (chrono's range ends in year 262,143, far past any report).
    #[must_use]
    pub fn next(self) -> Self {
        if self.number == 4 {
            Quarter {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// The quarter before this one.
    #[must_use]
    pub fn previous(self) -> Self {
        if self.number == 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number - 1,
            }
        }
    }

    /// The `count` quarters ending with this one, oldest first: `trend(8)` is the eight-quarter trend.
    pub fn trend(self, count: usize) -> Vec<Quarter> {
        let mut quarters: Vec<Quarter> = std::iter::successors(Some(self), |q| Some(q.previous()))
            .take(count)
            .collect();
        quarters.reverse();
        quarters
    }

    /// The last quarter that had ended before `today`: the one a report is usually made for.
    pub fn last_finished(today: NaiveDate) -> Self {
        Quarter::of(today).previous()
    }

    /// Whether the quarter is over on `today` (its last day has passed); a report of a quarter
    /// that is not over is preliminary.
    pub fn has_ended_on(self, today: NaiveDate) -> bool {
        today > self.last_day()
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}Q{}", self.year, self.number)
    }
}

impl std::str::FromStr for Quarter {
    type Err = QuarterError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Quarter::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_and_prints() {
        let q = Quarter::parse("2026Q3").unwrap();
        assert_eq!((q.year(), q.number()), (2026, 3));
        assert_eq!(q.to_string(), "2026Q3");
        assert_eq!(Quarter::parse(" 2026q1 ").unwrap().to_string(), "2026Q1");
        assert_eq!(Quarter::parse("2026-Q4").unwrap().to_string(), "2026Q4");
    }

    #[test]
    fn refuses_what_is_not_a_quarter() {
        assert_eq!(
            Quarter::parse("2026Q5"),
            Err(QuarterError::NoSuchQuarter {
                year: 2026,
                number: 5
            })
        );
        assert_eq!(
            Quarter::parse("2026Q0"),
            Err(QuarterError::NoSuchQuarter {
                year: 2026,
                number: 0
            })
        );
        for bad in [
            "26Q1", "2026", "Q3", "2026Q", "2026Q12", "2026 Q3", "+026Q1", "2026Q+1", "",
            "kvartal", "2026-07",
        ] {
            assert_eq!(Quarter::parse(bad), Err(QuarterError::Shape), "{bad}");
        }
        assert_eq!(
            Quarter::parse("0000Q1"),
            Err(QuarterError::NoSuchQuarter { year: 0, number: 1 })
        );
    }

    #[test]
    fn first_and_last_days() {
        let q = |s: &str| Quarter::parse(s).unwrap();
        assert_eq!(q("2026Q1").first_day(), d(2026, 1, 1));
        assert_eq!(q("2026Q1").last_day(), d(2026, 3, 31));
        assert_eq!(q("2026Q2").last_day(), d(2026, 6, 30));
        assert_eq!(q("2026Q3").first_day(), d(2026, 7, 1));
        assert_eq!(q("2026Q3").last_day(), d(2026, 9, 30));
        assert_eq!(q("2026Q4").last_day(), d(2026, 12, 31));
        assert_eq!(q("9999Q4").last_day(), d(9999, 12, 31));
    }

    #[test]
    fn trend_and_neighbours() {
        let q = Quarter::parse("2026Q2").unwrap();
        let names: Vec<String> = q.trend(8).iter().map(|q| q.to_string()).collect();
        assert_eq!(
            names,
            [
                "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2"
            ]
        );
        assert_eq!(q.previous().next(), q);
        assert!(q.trend(0).is_empty());
    }

    #[test]
    fn the_quarter_of_a_day_and_the_last_finished_one() {
        assert_eq!(Quarter::of(d(2026, 9, 30)).to_string(), "2026Q3");
        assert_eq!(Quarter::of(d(2026, 10, 1)).to_string(), "2026Q4");
        assert_eq!(Quarter::last_finished(d(2026, 10, 1)).to_string(), "2026Q3");
        assert_eq!(Quarter::last_finished(d(2026, 1, 15)).to_string(), "2025Q4");
        let q3 = Quarter::parse("2026Q3").unwrap();
        assert!(!q3.has_ended_on(d(2026, 9, 30)));
        assert!(q3.has_ended_on(d(2026, 10, 1)));
        assert!(!q3.has_ended_on(d(2026, 8, 1)));
    }

    proptest! {
        #[test]
        fn every_day_is_in_its_quarter(days in 0i64..3_000_000) {
            let date = d(1, 1, 1) + chrono::Duration::days(days);
            let q = Quarter::of(date);
            prop_assert!(q.contains(date));
            prop_assert!(!q.previous().contains(date));
            prop_assert!(!q.next().contains(date));
            prop_assert_eq!(q.next().first_day(), q.last_day().succ_opt().unwrap());
            prop_assert_eq!(Quarter::parse(&q.to_string()), Ok(q));
        }

        #[test]
        fn parsing_never_panics(text in ".{0,12}") {
            let _ = Quarter::parse(&text);
        }
    }
}
