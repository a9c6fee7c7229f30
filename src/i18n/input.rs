//! What is wrong with a typed value, in both languages: identity numbers, dates, weeks, values
//! outside a closed set, and booking conflicts as an import states them. The domain returns the
//! typed errors; the app's forms and the command line both render them here, so they agree.

use super::{Lang, Text};
use crate::domain::booking::Conflict;
use crate::domain::calendar::{DateError, WeekError};
use crate::domain::enums::UnknownValue;
use crate::domain::identity::IdError;

/// Month names, January first.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Swedish month names, januari first.
pub const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The name of month 1–12 (a number outside that is clamped, never a panic).
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Sv => MONTHS_SV[i],
        Lang::En => MONTHS_EN[i],
    }
}

/// An identity-number problem, in words a coordinator can act on.
pub fn id_error(e: &IdError, lang: Lang) -> String {
    match lang {
        Lang::En => id_error_en(e),
        Lang::Sv => id_error_sv(e),
    }
}

/// An identity-number problem in both languages, for a form field.
pub fn id_error_text(e: &IdError) -> Text {
    Text::new(id_error(e, Lang::Sv), id_error(e, Lang::En))
}

fn id_error_en(e: &IdError) -> String {
    match e {
        IdError::Empty => "is empty".to_string(),
        IdError::Shape => "is not a personal identity number or coordination number: write YYMMDD-NNNN or YYYYMMDD-NNNN (10 or 12 digits); for any other format set the kind to reserve number (reservnummer in a file)".to_string(),
        IdError::NoneWithValue => "the kind says none, so leave the number empty".to_string(),
        IdError::Month { month } => format!("month {month:02} does not exist"),
        IdError::Day {
            year,
            month,
            day,
            days,
        } => format!(
            "{year:04}-{month:02}-{day:02} does not exist: {} {year} had {days} days",
            month_name(*month, Lang::En)
        ),
        IdError::Future(date) => format!("the birth date {date} is in the future"),
        IdError::TooOld(date) => format!(
            "says born {date}, over {} years ago; check the number and its - or + (a reserve number keeps another format: reservnummer in a file's kind column)",
            crate::domain::identity::MAX_AGE_YEARS
        ),
        IdError::CheckDigit { found, expected } => format!(
            "the check digit is {found} but should be {expected} for these digits; check for a typing error"
        ),
        IdError::KindSaysPersonnummer { day, born } => format!(
            "day {day} means a coordination number (born on day {born}), but the kind says personal identity number"
        ),
        IdError::KindSaysSamordningsnummer { day } => format!(
            "day {day} is a personal identity number's day, but the kind says coordination number (its day is the birth day + 60)"
        ),
        IdError::SerialZero => "birth number 000 is never issued".to_string(),
    }
}

fn id_error_sv(e: &IdError) -> String {
    match e {
        IdError::Empty => "är tomt".to_string(),
        IdError::Shape => "är inte ett personnummer eller samordningsnummer: skriv ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN (10 eller 12 siffror); välj reservnummer för andra format".to_string(),
        IdError::NoneWithValue => "typen är inget nummer, så lämna fältet tomt".to_string(),
        IdError::Month { month } => format!("månad {month:02} finns inte"),
        IdError::Day {
            year,
            month,
            day,
            days,
        } => format!(
            "{year:04}-{month:02}-{day:02} finns inte: {} {year} hade {days} dagar",
            month_name(*month, Lang::Sv)
        ),
        IdError::Future(date) => format!("födelsedatumet {date} är i framtiden"),
        IdError::TooOld(date) => format!(
            "anger född {date}, för över {} år sedan; kontrollera numret och dess - eller + (skriv reservnummer i typkolumnen för att behålla ett annat format)",
            crate::domain::identity::MAX_AGE_YEARS
        ),
        IdError::CheckDigit { found, expected } => format!(
            "kontrollsiffran är {found} men ska vara {expected} för de här siffrorna; kontrollera skrivfel"
        ),
        IdError::KindSaysPersonnummer { day, born } => format!(
            "dag {day} betyder samordningsnummer (född dag {born}), men typen är personnummer"
        ),
        IdError::KindSaysSamordningsnummer { day } => format!(
            "dag {day} är en personnummerdag, men typen är samordningsnummer (dag + 60)"
        ),
        IdError::SerialZero => "födelsenummer 000 delas aldrig ut".to_string(),
    }
}

/// What is wrong with `text`, typed as a date.
pub fn date_error(e: DateError, text: &str, lang: Lang) -> String {
    match (e, lang) {
        (DateError::Shape, Lang::En) => {
            format!("\"{text}\" is not a date; write YYYY-MM-DD, e.g. 2026-03-15")
        }
        (DateError::Shape, Lang::Sv) => {
            format!("\"{text}\" är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-15")
        }
        (DateError::Month(m), Lang::En) => {
            format!("\"{text}\" is not a date: there is no month {m}")
        }
        (DateError::Month(m), Lang::Sv) => {
            format!("\"{text}\" är inget datum: månad {m} finns inte")
        }
        (
            DateError::Day {
                year,
                month,
                day,
                days,
            },
            Lang::En,
        ) => format!(
            "{year:04}-{month:02}-{day:02} does not exist: {} {year} has {days} days",
            month_name(month, lang)
        ),
        (
            DateError::Day {
                year,
                month,
                day,
                days,
            },
            Lang::Sv,
        ) => format!(
            "{year:04}-{month:02}-{day:02} finns inte: {} {year} har {days} dagar",
            month_name(month, lang)
        ),
    }
}

/// A date problem in both languages, for a form field.
pub fn date_error_text(e: DateError, text: &str) -> Text {
    Text::new(date_error(e, text, Lang::Sv), date_error(e, text, Lang::En))
}

/// What is wrong with `text`, typed as an ISO week.
pub fn week_error(e: WeekError, text: &str, lang: Lang) -> String {
    let text = text.trim();
    match (e, lang) {
        (WeekError::Shape, Lang::En) => format!("\"{text}\" is not a week; write it as 2026-W48"),
        (WeekError::Shape, Lang::Sv) => {
            format!("\"{text}\" är ingen vecka; skriv den som 2026-W48")
        }
        (WeekError::NoSuchWeek { year, week }, Lang::En) => format!("{year} has no week {week}"),
        (WeekError::NoSuchWeek { year, week }, Lang::Sv) => {
            format!("{year} har ingen vecka {week}")
        }
    }
}

/// A value outside a closed set: the value quoted, the stored spellings listed.
pub fn unknown_value(e: &UnknownValue, lang: Lang) -> String {
    match lang {
        Lang::En => format!("\"{}\" is not one of: {}", e.value, e.allowed),
        Lang::Sv => format!("\"{}\" är inte något av: {}", e.value, e.allowed),
    }
}

/// A booking conflict as a fact, without the app's advice on getting past it: an import gets
/// past it with `--allow-conflicts`, not with a reason.
pub fn conflict_fact(c: &Conflict, lang: Lang) -> String {
    super::booking::conflict_fact(c).get(lang).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::{IsoWeek, parse_day};
    use crate::domain::identity::{IdKind, compose_number, parse_identity, parse_swedish_number};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn identity_problems_read_the_same_as_before_in_both_languages() {
        let err = parse_swedish_number("701063-2392", today()).unwrap_err();
        assert_eq!(
            id_error(&err, Lang::En),
            "the check digit is 2 but should be 1 for these digits; check for a typing error"
        );
        assert_eq!(
            id_error(&err, Lang::Sv),
            "kontrollsiffran är 2 men ska vara 1 för de här siffrorna; kontrollera skrivfel"
        );
        let id = compose_number(NaiveDate::from_ymd_opt(2023, 2, 28).unwrap(), 123, false);
        let typed = id.value.replacen("20230228", "20230229", 1);
        let err = parse_swedish_number(&typed, today()).unwrap_err();
        assert_eq!(
            id_error(&err, Lang::En),
            "2023-02-29 does not exist: February 2023 had 28 days"
        );
        assert_eq!(
            id_error(&err, Lang::Sv),
            "2023-02-29 finns inte: februari 2023 hade 28 dagar"
        );
        let s = compose_number(NaiveDate::from_ymd_opt(1990, 1, 5).unwrap(), 77, true);
        let err = parse_identity(&s.value, Some(IdKind::Personnummer), today()).unwrap_err();
        assert!(id_error(&err, Lang::En).contains("coordination number (born on day 5)"));
        for bad in ["12345", "abcdefghij"] {
            let err = parse_swedish_number(bad, today()).unwrap_err();
            assert!(id_error(&err, Lang::En).contains("reservnummer"), "{bad}");
            assert!(id_error(&err, Lang::Sv).contains("reservnummer"), "{bad}");
        }
    }

    #[test]
    fn every_identity_problem_has_text_in_both_languages() {
        let all = [
            IdError::Empty,
            IdError::Shape,
            IdError::NoneWithValue,
            IdError::Month { month: 13 },
            IdError::Day {
                year: 2023,
                month: 2,
                day: 29,
                days: 28,
            },
            IdError::Future(today()),
            IdError::CheckDigit {
                found: 1,
                expected: 2,
            },
            IdError::KindSaysPersonnummer { day: 65, born: 5 },
            IdError::KindSaysSamordningsnummer { day: 5 },
            IdError::SerialZero,
        ];
        for e in &all {
            let text = id_error_text(e);
            assert!(!text.sv.is_empty() && !text.en.is_empty(), "{e:?}");
            assert_ne!(text.sv, text.en, "{e:?}");
        }
    }

    #[test]
    fn typed_dates_say_what_is_wrong() {
        let e = parse_day("2027-02-30").unwrap_err();
        assert_eq!(
            date_error(e, "2027-02-30", Lang::En),
            "2027-02-30 does not exist: February 2027 has 28 days"
        );
        assert_eq!(
            date_error(e, "2027-02-30", Lang::Sv),
            "2027-02-30 finns inte: februari 2027 har 28 dagar"
        );
        let shape = parse_day("2026/01/01").unwrap_err();
        assert_eq!(
            date_error(shape, "2026/01/01", Lang::Sv),
            "\"2026/01/01\" är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2026-03-15"
        );
    }

    #[test]
    fn weeks_say_what_is_wrong() {
        let e = IsoWeek::parse("vecka 48").unwrap_err();
        assert_eq!(
            week_error(e, "vecka 48", Lang::En),
            "\"vecka 48\" is not a week; write it as 2026-W48"
        );
        let e = IsoWeek::parse("2025-W53").unwrap_err();
        assert_eq!(
            week_error(e, "2025-W53", Lang::Sv),
            "2025 har ingen vecka 53"
        );
    }

    #[test]
    fn month_names_never_panic() {
        assert_eq!(month_name(0, Lang::En), "January");
        assert_eq!(month_name(99, Lang::Sv), "december");
    }
}
