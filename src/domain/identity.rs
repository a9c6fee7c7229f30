//! Swedish identity numbers: personnummer, samordningsnummer, reservnummer; parsing, checking, masking.

use chrono::{Datelike, NaiveDate};
use std::fmt;

use super::enums::UnknownValue;

/// Which kind of number a person has; many families have none, and the app never needs one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    Personnummer,
    Samordningsnummer,
    /// A region's temporary number: kept exactly as given, no format is checked.
    Reservnummer,
    None,
}

impl IdKind {
    pub const ALL: &'static [IdKind] = &[
        IdKind::Personnummer,
        IdKind::Samordningsnummer,
        IdKind::Reservnummer,
        IdKind::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::Personnummer => "personnummer",
            IdKind::Samordningsnummer => "samordningsnummer",
            IdKind::Reservnummer => "reservnummer",
            IdKind::None => "none",
        }
    }
}

impl std::str::FromStr for IdKind {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IdKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownValue {
                value: s.trim().to_string(),
                allowed: "personnummer, samordningsnummer, reservnummer, none".to_string(),
            })
    }
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person's number as stored: personnummer and samordningsnummer as 12 digits with the century,
/// reservnummer as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityNumber {
    pub kind: IdKind,
    pub value: String,
}

impl IdentityNumber {
    /// The birth date encoded in a personnummer or samordningsnummer.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        match self.kind {
            IdKind::Personnummer | IdKind::Samordningsnummer => {
                let digits = self.value.as_bytes();
                if digits.len() != 12 {
                    return None;
                }
                let year = number(&digits[0..4])?;
                let month = number(&digits[4..6])?;
                let mut day = number(&digits[6..8])?;
                if self.kind == IdKind::Samordningsnummer {
                    day = day.checked_sub(60)?;
                }
                NaiveDate::from_ymd_opt(year as i32, month, day)
            }
            IdKind::Reservnummer | IdKind::None => None,
        }
    }

    /// What lists may show: the birth part, the last four replaced by `****`.
    pub fn masked(&self) -> String {
        match self.kind {
            IdKind::Personnummer | IdKind::Samordningsnummer if self.value.len() == 12 => {
                format!("{}-****", &self.value[..8])
            }
            IdKind::None => String::new(),
            _ => "****".to_string(),
        }
    }

    /// The usual written form, `YYYYMMDD-NNNC`.
    pub fn formatted(&self) -> String {
        match self.kind {
            IdKind::Personnummer | IdKind::Samordningsnummer if self.value.len() == 12 => {
                format!("{}-{}", &self.value[..8], &self.value[8..])
            }
            _ => self.value.clone(),
        }
    }
}

fn number(ascii_digits: &[u8]) -> Option<u32> {
    std::str::from_utf8(ascii_digits).ok()?.parse().ok()
}

/// What is wrong with a typed identity number; `i18n::input` says it in words a coordinator
/// can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    Empty,
    /// Neither 10 nor 12 digits in a known layout.
    Shape,
    /// The kind says none, yet a number is given.
    NoneWithValue,
    Month {
        month: u32,
    },
    /// A day the month does not have (`days` is how many it has).
    Day {
        year: i32,
        month: u32,
        day: u32,
        days: u32,
    },
    Future(NaiveDate),
    /// Born more than [`MAX_AGE_YEARS`] years ago: a typing error (a `+` for a `-`, say). A
    /// reservnummer is kept as given.
    TooOld(NaiveDate),
    CheckDigit {
        found: u32,
        expected: u32,
    },
    KindSaysPersonnummer {
        day: u32,
        born: u32,
    },
    KindSaysSamordningsnummer {
        day: u32,
    },
    SerialZero,
}

/// Nobody in the register is older than this; an identity number saying so is mistyped.
pub const MAX_AGE_YEARS: u32 = 120;

/// Parses a personnummer or samordningsnummer (which one follows from the day: +60 means
/// samordningsnummer). `today` resolves the century of a 10-digit number: `-` or no separator
/// means under 100 years old, `+` means 100 or older.
pub fn parse_swedish_number(input: &str, today: NaiveDate) -> Result<IdentityNumber, IdError> {
    let text: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    let shape = || IdError::Shape;
    let (digits, separator) = split_separator(&text).ok_or_else(shape)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(shape());
    }
    let (year, rest) = match digits.len() {
        12 => (
            number(&digits.as_bytes()[0..4]).ok_or_else(shape)? as i32,
            &digits[4..],
        ),
        10 => {
            let yy = number(&digits.as_bytes()[0..2]).ok_or_else(shape)? as i32;
            (
                century_for(yy, &digits[2..6], separator == Some('+'), today),
                &digits[2..],
            )
        }
        _ => return Err(shape()),
    };
    let month = number(&rest.as_bytes()[0..2]).ok_or_else(shape)?;
    let raw_day = number(&rest.as_bytes()[2..4]).ok_or_else(shape)?;
    let serial = number(&rest.as_bytes()[4..7]).ok_or_else(shape)?;
    let check = number(&rest.as_bytes()[7..8]).ok_or_else(shape)?;
    let (kind, day) = if raw_day > 60 {
        (IdKind::Samordningsnummer, raw_day - 60)
    } else {
        (IdKind::Personnummer, raw_day)
    };
    if !(1..=12).contains(&month) {
        return Err(IdError::Month { month });
    }
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| IdError::Day {
        year,
        month,
        day,
        days: days_in_month(year, month),
    })?;
    if date > today {
        return Err(IdError::Future(date));
    }
    if today
        .checked_sub_months(chrono::Months::new(12 * MAX_AGE_YEARS))
        .is_some_and(|limit| date < limit)
    {
        return Err(IdError::TooOld(date));
    }
    if serial == 0 {
        return Err(IdError::SerialZero);
    }
    let expected = luhn_check_digit(&format!("{:02}{}", year % 100, &rest[..7]));
    if check != expected {
        return Err(IdError::CheckDigit {
            found: check,
            expected,
        });
    }
    Ok(IdentityNumber {
        kind,
        value: format!("{year:04}{rest}"),
    })
}

/// Whether text is shaped like a Swedish identity number with a real birth date, even with a
/// wrong check digit: such text must not be kept where identity numbers do not belong.
pub fn looks_like_identity_number(input: &str, today: NaiveDate) -> bool {
    matches!(
        parse_swedish_number(input, today),
        Ok(_) | Err(IdError::CheckDigit { .. } | IdError::SerialZero)
    )
}

/// Checks a number against the kind a person declared; an empty kind accepts either Swedish kind,
/// `reservnummer` keeps any text, `none` wants no number.
pub fn parse_identity(
    value: &str,
    declared: Option<IdKind>,
    today: NaiveDate,
) -> Result<Option<IdentityNumber>, IdError> {
    let value = value.trim();
    match declared {
        Some(IdKind::None) => {
            if value.is_empty() {
                Ok(None)
            } else {
                Err(IdError::NoneWithValue)
            }
        }
        None if value.is_empty() => Ok(None),
        Some(IdKind::Reservnummer) => {
            if value.is_empty() {
                Err(IdError::Empty)
            } else {
                Ok(Some(IdentityNumber {
                    kind: IdKind::Reservnummer,
                    value: value.to_string(),
                }))
            }
        }
        Some(want @ (IdKind::Personnummer | IdKind::Samordningsnummer)) => {
            let id = parse_swedish_number(value, today)?;
            let raw_day = number(&id.value.as_bytes()[6..8]).unwrap_or(0);
            match (want, id.kind) {
                (IdKind::Personnummer, IdKind::Samordningsnummer) => {
                    Err(IdError::KindSaysPersonnummer {
                        day: raw_day,
                        born: raw_day - 60,
                    })
                }
                (IdKind::Samordningsnummer, IdKind::Personnummer) => {
                    Err(IdError::KindSaysSamordningsnummer { day: raw_day })
                }
                _ => Ok(Some(id)),
            }
        }
        None => parse_swedish_number(value, today).map(Some),
    }
}

/// Generates a well-formed number (valid date and check digit) from the parts; used for fictional data.
pub fn compose_number(birth: NaiveDate, serial: u32, samordning: bool) -> IdentityNumber {
    let day = birth.day() + if samordning { 60 } else { 0 };
    let nine = format!(
        "{:02}{:02}{:02}{:03}",
        birth.year() % 100,
        birth.month(),
        day,
        serial % 1000
    );
    let check = luhn_check_digit(&nine);
    IdentityNumber {
        kind: if samordning {
            IdKind::Samordningsnummer
        } else {
            IdKind::Personnummer
        },
        value: format!("{:02}{nine}{check}", birth.year() / 100),
    }
}

/// Luhn (mod 10) with weights 2,1,2,… over the nine digits YYMMDDNNN.
fn luhn_check_digit(nine_digits: &str) -> u32 {
    let sum: u32 = nine_digits
        .bytes()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0') * if i % 2 == 0 { 2 } else { 1 };
            d / 10 + d % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

fn split_separator(text: &str) -> Option<(String, Option<char>)> {
    let seps: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| *c == '-' || *c == '+')
        .collect();
    match seps.as_slice() {
        [] => Some((text.to_string(), None)),
        [(i, c)] if text.len() - i == 5 => {
            Some((format!("{}{}", &text[..*i], &text[i + 1..]), Some(*c)))
        }
        _ => None,
    }
}

/// The four-digit year for a two-digit one: the latest century that puts the birth date not after
/// `today`, one century earlier for `+` (100 years or older).
fn century_for(yy: i32, mmdd: &str, hundred_plus: bool, today: NaiveDate) -> i32 {
    let this_century = today.year() - today.year().rem_euclid(100);
    let mut year = this_century + yy;
    let mm = number(&mmdd.as_bytes()[0..2]).unwrap_or(1);
    let dd = number(&mmdd.as_bytes()[2..4]).unwrap_or(1) % 60;
    let born_after_today =
        year > today.year() || (year == today.year() && (mm, dd) > (today.month(), today.day()));
    if born_after_today {
        year -= 100;
    }
    if hundred_plus {
        year -= 100;
    }
    year
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(31, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_mistyped_number_still_looks_like_one_but_a_reference_does_not() {
        let id = compose_number(NaiveDate::from_ymd_opt(1990, 1, 5).unwrap(), 77, false);
        assert!(looks_like_identity_number(&id.value, today()));
        let last = id.value.chars().last().unwrap().to_digit(10).unwrap();
        let wrong = format!("{}{}", &id.value[..11], (last + 1) % 10);
        assert!(looks_like_identity_number(&wrong, today()), "{wrong}");
        for reference in ["2026-017", "2026000017", "D1-00262", "199001"] {
            assert!(
                !looks_like_identity_number(reference, today()),
                "{reference}"
            );
        }
    }

    #[test]
    fn accepts_the_published_example_in_every_form() {
        // Skatteverket's samordningsnummer example 701063-2391 (born 3 October 1970).
        for form in ["701063-2391", "7010632391", "197010632391", "19701063-2391"] {
            let id = parse_swedish_number(form, today()).unwrap();
            assert_eq!(id.kind, IdKind::Samordningsnummer, "{form}");
            assert_eq!(id.value, "197010632391");
            assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(1970, 10, 3));
        }
    }

    #[test]
    fn names_the_right_check_digit() {
        let err = parse_swedish_number("701063-2392", today()).unwrap_err();
        assert_eq!(
            err,
            IdError::CheckDigit {
                found: 2,
                expected: 1
            }
        );
    }

    #[test]
    fn rejects_dates_that_never_were() {
        let id = compose_number(NaiveDate::from_ymd_opt(2023, 2, 28).unwrap(), 123, false);
        let typed = id.value.replacen("20230228", "20230229", 1);
        let err = parse_swedish_number(&typed, today()).unwrap_err();
        assert_eq!(
            err,
            IdError::Day {
                year: 2023,
                month: 2,
                day: 29,
                days: 28
            }
        );
        // 2024 was a leap year.
        let leap = compose_number(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap(), 123, false);
        assert!(parse_swedish_number(&leap.value, today()).is_ok());
        assert!(matches!(
            parse_swedish_number("201313-1234", today()),
            Err(IdError::Month { month: 13 })
        ));
    }

    #[test]
    fn plus_means_a_hundred_years_or_more() {
        let born = NaiveDate::from_ymd_opt(1920, 5, 17).unwrap();
        let id = compose_number(born, 456, false);
        let ten = &id.value[2..];
        let plus = format!("{}+{}", &ten[..6], &ten[6..]);
        let minus = format!("{}-{}", &ten[..6], &ten[6..]);
        assert_eq!(
            parse_swedish_number(&plus, today()).unwrap().birth_date(),
            Some(born)
        );
        assert_eq!(
            parse_swedish_number(&minus, today()).unwrap().birth_date(),
            NaiveDate::from_ymd_opt(2020, 5, 17)
        );
    }

    #[test]
    fn ten_digits_never_put_a_birth_in_the_future() {
        // Born 30 December 1926 and written without a century: a date later this year means last century.
        let id = compose_number(NaiveDate::from_ymd_opt(1926, 12, 30).unwrap(), 11, false);
        let parsed = parse_swedish_number(&id.value[2..], today()).unwrap();
        assert_eq!(parsed.value, id.value);
    }

    #[test]
    fn declared_kind_must_match_the_day() {
        let id = compose_number(NaiveDate::from_ymd_opt(1990, 1, 5).unwrap(), 77, true);
        let err = parse_identity(&id.value, Some(IdKind::Personnummer), today()).unwrap_err();
        assert_eq!(err, IdError::KindSaysPersonnummer { day: 65, born: 5 });
        let p = compose_number(NaiveDate::from_ymd_opt(1990, 1, 5).unwrap(), 77, false);
        assert!(parse_identity(&p.value, Some(IdKind::Samordningsnummer), today()).is_err());
    }

    #[test]
    fn reservnummer_and_none_need_no_format() {
        let r = parse_identity("99-ABC-123", Some(IdKind::Reservnummer), today()).unwrap();
        assert_eq!(r.unwrap().value, "99-ABC-123");
        assert_eq!(parse_identity("", None, today()), Ok(None));
        assert_eq!(parse_identity(" ", Some(IdKind::None), today()), Ok(None));
        assert!(parse_identity("x", None, today()).is_err());
    }

    #[test]
    fn masks_all_but_the_birth_date() {
        let id = compose_number(NaiveDate::from_ymd_opt(2025, 3, 9).unwrap(), 234, false);
        assert_eq!(id.masked(), "20250309-****");
        assert!(!id.masked().contains(&id.value[8..]));
    }

    #[test]
    fn nobody_is_older_than_120_unless_the_number_is_a_reservnummer() {
        let old = compose_number(NaiveDate::from_ymd_opt(1850, 1, 1).unwrap(), 234, false);
        let err = parse_swedish_number(&old.formatted(), today()).unwrap_err();
        assert!(
            matches!(err, IdError::TooOld(d) if d.year() == 1850),
            "{err:?}"
        );
        let kept = parse_identity("500101+2342", Some(IdKind::Reservnummer), today()).unwrap();
        assert_eq!(kept.map(|i| i.kind), Some(IdKind::Reservnummer));
    }

    #[test]
    fn rejects_other_shapes() {
        for bad in [
            "12345",
            "19900101-12345",
            "9001-011234",
            "abcdefghij",
            "900101--1234",
        ] {
            let err = parse_swedish_number(bad, today()).unwrap_err();
            assert_eq!(err, IdError::Shape, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn composed_numbers_parse_back(days in 0i64..45_000, serial in 1u32..1000, samordning: bool) {
            // From 120 years back (the oldest the register takes) to today.
            let birth = NaiveDate::from_ymd_opt(1907, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assume!(birth <= today());
            let id = compose_number(birth, serial, samordning);
            let back = parse_swedish_number(&id.formatted(), today()).unwrap();
            prop_assert_eq!(back.birth_date(), Some(birth));
            prop_assert_eq!(back, id);
        }

        #[test]
        fn any_text_is_answered_without_panicking(text in ".{0,20}", kind in 0usize..5) {
            let declared = [None, Some(IdKind::Personnummer), Some(IdKind::Samordningsnummer), Some(IdKind::Reservnummer), Some(IdKind::None)][kind];
            let _ = parse_identity(&text, declared, today());
            let digits: String = text.chars().filter(char::is_ascii_digit).take(12).collect();
            let _ = parse_swedish_number(&digits, today());
            let _ = parse_swedish_number(&format!("{}-{}", &digits[..digits.len().min(6)], &digits[digits.len().min(6)..]), today());
        }

        #[test]
        fn any_single_digit_change_is_caught(days in 0i64..40_000, serial in 1u32..1000, pos in 2usize..12, delta in 1u8..10) {
            let birth = NaiveDate::from_ymd_opt(1920, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assume!(birth <= today());
            let id = compose_number(birth, serial, false);
            let mut bytes = id.value.clone().into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            // Luhn catches every single-digit error (the century digits at 0..2 are outside it).
            prop_assert!(parse_swedish_number(&changed, today()).is_err(), "accepted {}", changed);
        }
    }
}
