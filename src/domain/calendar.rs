//! The Swedish calendar: ISO weeks (Monday first), public holidays, working days.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// A day on which offices are closed, with its Swedish name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
    /// A public holiday by law (helgdag); eves such as midsommarafton are closed by custom only.
    pub public: bool,
}

/// Easter Sunday (Gregorian, the anonymous algorithm in Meeus' form).
#[allow(clippy::many_single_char_names)] // the algorithm's own names
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Every caller passes a real date of a year chrono supports.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        date + Days::new(days as u64)
    } else {
        date - Days::new(days.unsigned_abs())
    }
}

/// The first `weekday` on or after `from`.
fn first_on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + i64::from(weekday.num_days_from_monday())
        - i64::from(from.weekday().num_days_from_monday()))
        % 7;
    shift(from, ahead)
}

/// Swedish public holidays (helgdagar) and the customary closed eves of a year, in date order.
pub fn holidays(year: i32) -> Vec<Holiday> {
    let easter = easter_sunday(year);
    let midsummer_day = first_on_or_after(ymd(year, 6, 20), Weekday::Sat);
    let all_saints = first_on_or_after(ymd(year, 10, 31), Weekday::Sat);
    let public = |date, name| Holiday {
        date,
        name,
        public: true,
    };
    let eve = |date, name| Holiday {
        date,
        name,
        public: false,
    };
    let mut days = vec![
        public(ymd(year, 1, 1), "Nyårsdagen"),
        public(ymd(year, 1, 6), "Trettondedag jul"),
        public(shift(easter, -2), "Långfredagen"),
        public(easter, "Påskdagen"),
        public(shift(easter, 1), "Annandag påsk"),
        public(ymd(year, 5, 1), "Första maj"),
        public(shift(easter, 39), "Kristi himmelsfärdsdag"),
        public(shift(easter, 49), "Pingstdagen"),
        eve(shift(midsummer_day, -1), "Midsommarafton"),
        public(midsummer_day, "Midsommardagen"),
        public(all_saints, "Alla helgons dag"),
        eve(ymd(year, 12, 24), "Julafton"),
        public(ymd(year, 12, 25), "Juldagen"),
        public(ymd(year, 12, 26), "Annandag jul"),
        eve(ymd(year, 12, 31), "Nyårsafton"),
    ];
    // The national day became a public holiday in 2005, in place of Whit Monday.
    if year >= 2005 {
        days.push(public(ymd(year, 6, 6), "Sveriges nationaldag"));
    } else {
        days.push(public(shift(easter, 50), "Annandag pingst"));
    }
    days.sort_by_key(|h| h.date);
    days
}

/// The holiday or closed eve on `date`, if any.
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    holidays(date.year()).into_iter().find(|h| h.date == date)
}

pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday to Friday and neither a public holiday nor a closed eve.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && holiday_on(date).is_none()
}

/// An ISO 8601 week: the year it belongs to (which may differ from the date's year) and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u32,
}

impl IsoWeek {
    pub fn of(date: NaiveDate) -> Self {
        let w = date.iso_week();
        IsoWeek {
            year: w.year(),
            week: w.week(),
        }
    }

    pub fn monday(self) -> Option<NaiveDate> {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon)
    }

    /// The seven days, Monday first.
    pub fn days(self) -> Vec<NaiveDate> {
        self.monday()
            .map(|m| (0..7).map(|i| shift(m, i)).collect())
            .unwrap_or_default()
    }

    /// Parses `2026-W48` (also `2026W48`, lower-case w).
    pub fn parse(text: &str) -> Result<Self, WeekError> {
        let t = text.trim();
        let (year, week) = t
            .split_once(['W', 'w'])
            .map(|(y, w)| (y.trim_end_matches('-'), w))
            .ok_or(WeekError::Shape)?;
        let year: i32 = year.parse().map_err(|_| WeekError::Shape)?;
        let week: u32 = week.parse().map_err(|_| WeekError::Shape)?;
        let parsed = IsoWeek { year, week };
        if parsed.monday().is_none() {
            return Err(WeekError::NoSuchWeek { year, week });
        }
        Ok(parsed)
    }
}

/// What is wrong with a typed ISO week; `i18n::input` says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekError {
    /// Not written as 2026-W48.
    Shape,
    NoSuchWeek {
        year: i32,
        week: u32,
    },
}

impl std::fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-W{:02}", self.year, self.week)
    }
}

/// What is wrong with a typed date; `i18n::input` says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not written as YYYY-MM-DD.
    Shape,
    Month(u32),
    Day {
        year: i32,
        month: u32,
        day: u32,
        days: u32,
    },
}

/// A date typed as YYYY-MM-DD, with the reason when it is not one.
pub fn parse_day(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(DateError::Shape);
    };
    let shaped = y.len() == 4
        && m.len() == 2
        && d.len() == 2
        && t.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let (Some(year), Some(month), Some(day)) = (
        y.parse::<i32>().ok(),
        m.parse::<u32>().ok(),
        d.parse::<u32>().ok(),
    ) else {
        return Err(DateError::Shape);
    };
    if !shaped {
        return Err(DateError::Shape);
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(month));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        };
        let days = next.and_then(|n| n.pred_opt()).map_or(31, |l| l.day());
        DateError::Day {
            year,
            month,
            day,
            days,
        }
    })
}

/// What is wrong with a typed date and time; `i18n` says it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTimeError {
    /// Not written as YYYY-MM-DD HH:MM.
    Shape,
    /// Written so, but the day does not exist.
    Date(DateError),
}

/// A date and time typed as `YYYY-MM-DD HH:MM`, by the same rule as [`parse_day`] for the date
/// (so `2026-9-20 10:00` is refused like `2026-9-20`) and two digits each for hour and minute.
pub fn parse_day_time(text: &str) -> Result<NaiveDateTime, DateTimeError> {
    let (day, time) = text.trim().split_once(' ').ok_or(DateTimeError::Shape)?;
    let time = time.trim();
    let shaped = time.len() == 5
        && time.as_bytes()[2] == b':'
        && time
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_digit());
    if !shaped {
        return Err(DateTimeError::Shape);
    }
    let time = NaiveTime::parse_from_str(time, "%H:%M").map_err(|_| DateTimeError::Shape)?;
    match parse_day(day) {
        Ok(date) => Ok(date.and_time(time)),
        Err(DateError::Shape) => Err(DateTimeError::Shape),
        Err(e) => Err(DateTimeError::Date(e)),
    }
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        ymd(year + 1, 1, 1)
    } else {
        ymd(year, month + 1, 1)
    };
    let last = next.pred_opt().unwrap_or(next);
    shift(last, -i64::from(last.weekday().num_days_from_sunday()))
}

/// Stockholm's offset from UTC in hours for a local time: +2 from the last Sunday of March at
/// 02:00 to the last Sunday of October at 03:00 (EU summer time), +1 otherwise.
pub fn stockholm_utc_offset(local: chrono::NaiveDateTime) -> i64 {
    let year = local.year();
    let summer_from = last_sunday(year, 3).and_hms_opt(2, 0, 0);
    let summer_to = last_sunday(year, 10).and_hms_opt(3, 0, 0);
    match (summer_from, summer_to) {
        (Some(from), Some(to)) if local >= from && local < to => 2,
        _ => 1,
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
    fn easter_matches_known_years() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2026), d(2026, 4, 5));
        assert_eq!(easter_sunday(2027), d(2027, 3, 28));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25));
    }

    #[test]
    fn the_national_day_took_whit_mondays_place_in_2005() {
        let names = |year| {
            holidays(year)
                .into_iter()
                .map(|h| h.name)
                .collect::<Vec<_>>()
        };
        assert!(names(2005).contains(&"Sveriges nationaldag"));
        assert!(!names(2005).contains(&"Annandag pingst"));
        assert!(names(2004).contains(&"Annandag pingst"));
        assert!(!names(2004).contains(&"Sveriges nationaldag"));
        // Whit Monday 2004 was 31 May; 6 June 2004 was an ordinary Sunday.
        assert_eq!(
            holiday_on(d(2004, 5, 31)).map(|h| h.name),
            Some("Annandag pingst")
        );
        assert_eq!(holiday_on(d(2004, 6, 6)), None);
        assert!(holiday_on(d(2026, 12, 24)).is_some_and(|h| !h.public));
    }

    #[test]
    fn holidays_of_2026() {
        let h = holidays(2026);
        let find = |name: &str| h.iter().find(|x| x.name == name).unwrap().date;
        assert_eq!(find("Långfredagen"), d(2026, 4, 3));
        assert_eq!(find("Kristi himmelsfärdsdag"), d(2026, 5, 14));
        assert_eq!(find("Pingstdagen"), d(2026, 5, 24));
        assert_eq!(find("Midsommarafton"), d(2026, 6, 19));
        assert_eq!(find("Midsommardagen"), d(2026, 6, 20));
        assert_eq!(find("Alla helgons dag"), d(2026, 10, 31));
        assert!(!is_working_day(d(2026, 6, 19)));
        assert!(!is_working_day(d(2026, 1, 6)));
        assert!(is_working_day(d(2026, 11, 23)));
        assert!(!is_working_day(d(2026, 11, 22)), "a Sunday");
    }

    #[test]
    fn iso_weeks_cross_year_ends() {
        assert_eq!(
            IsoWeek::of(d(2026, 11, 22)),
            IsoWeek {
                year: 2026,
                week: 47
            }
        );
        assert_eq!(
            IsoWeek::of(d(2026, 11, 23)),
            IsoWeek {
                year: 2026,
                week: 48
            }
        );
        // 1 January 2027 is a Friday: it belongs to week 53 of 2026.
        assert_eq!(
            IsoWeek::of(d(2027, 1, 1)),
            IsoWeek {
                year: 2026,
                week: 53
            }
        );
        assert_eq!(
            IsoWeek::parse("2026-W53").unwrap().monday(),
            Some(d(2026, 12, 28))
        );
        assert_eq!(
            IsoWeek::parse("2025-W53"),
            Err(WeekError::NoSuchWeek {
                year: 2025,
                week: 53
            })
        );
        assert_eq!(IsoWeek::parse("vecka 48"), Err(WeekError::Shape));
        assert_eq!(IsoWeek::parse("2026w48").unwrap().to_string(), "2026-W48");
    }

    #[test]
    fn typed_dates_say_what_is_wrong() {
        assert_eq!(parse_day(" 2024-02-29 "), Ok(d(2024, 2, 29)));
        assert_eq!(
            parse_day("2027-02-30"),
            Err(DateError::Day {
                year: 2027,
                month: 2,
                day: 30,
                days: 28
            })
        );
        assert_eq!(parse_day("2026-13-01"), Err(DateError::Month(13)));
        for bad in [
            "",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-01x",
            "abcd-ef-gh",
            "2026-01-+1",
        ] {
            assert_eq!(parse_day(bad), Err(DateError::Shape), "{bad}");
        }
    }

    #[test]
    fn typed_dates_and_times_follow_the_date_rule() {
        assert_eq!(
            parse_day_time(" 2026-09-20 10:05 "),
            Ok(d(2026, 9, 20).and_hms_opt(10, 5, 0).unwrap())
        );
        for bad in [
            "2026-9-20 10:00",
            "2026-09-20 9:00",
            "2026-09-20",
            "2026-09-20T10:00",
            "2026-09-20 10:00:00",
            "2026-09-20 25:00",
            "20-09-2026 10:00",
            "2026-09-20 1a:00",
        ] {
            assert_eq!(parse_day_time(bad), Err(DateTimeError::Shape), "{bad}");
        }
        assert_eq!(
            parse_day_time("2026-02-30 10:00"),
            Err(DateTimeError::Date(DateError::Day {
                year: 2026,
                month: 2,
                day: 30,
                days: 28
            }))
        );
    }

    #[test]
    fn summer_time_follows_the_eu_rule() {
        let t = |y, m, day, h| d(y, m, day).and_hms_opt(h, 0, 0).unwrap();
        assert_eq!(stockholm_utc_offset(t(2026, 3, 29, 1)), 1);
        assert_eq!(stockholm_utc_offset(t(2026, 3, 29, 3)), 2);
        assert_eq!(stockholm_utc_offset(t(2026, 10, 25, 2)), 2);
        assert_eq!(stockholm_utc_offset(t(2026, 10, 25, 3)), 1);
        assert_eq!(stockholm_utc_offset(t(2026, 11, 22, 12)), 1);
        assert_eq!(stockholm_utc_offset(t(2027, 7, 1, 12)), 2);
    }

    proptest! {
        #[test]
        fn midsummer_and_all_saints_fall_in_their_ranges(year in 1900i32..2200) {
            let h = holidays(year);
            let md = h.iter().find(|x| x.name == "Midsommardagen").unwrap().date;
            prop_assert_eq!(md.weekday(), Weekday::Sat);
            prop_assert!(md >= d(year, 6, 20) && md <= d(year, 6, 26));
            let ahd = h.iter().find(|x| x.name == "Alla helgons dag").unwrap().date;
            prop_assert_eq!(ahd.weekday(), Weekday::Sat);
            prop_assert!(ahd >= d(year, 10, 31) && ahd <= d(year, 11, 6));
            let easter = easter_sunday(year);
            prop_assert_eq!(easter.weekday(), Weekday::Sun);
            prop_assert!(easter >= d(year, 3, 22) && easter <= d(year, 4, 25));
        }

        #[test]
        fn a_week_has_its_date(days in 0u64..80_000) {
            let date = d(1950, 1, 1) + Days::new(days);
            let week = IsoWeek::of(date);
            prop_assert!(week.days().contains(&date));
            prop_assert_eq!(week.days()[0].weekday(), Weekday::Mon);
        }
    }
}
