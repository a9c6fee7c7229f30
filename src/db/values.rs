//! How domain values are stored: the closed sets as their text (`ToSql`/`FromSql`, written once
//! here), days and times as text that sorts, lists as `a|b`; and reading them from a row.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, Type, ValueRef};

use super::error::BadValue;
use crate::domain::enums::{
    AttendanceStatus, AuditAction, AuditEntity, ConsentMethod, Eligibility, ExitReason,
    FamilyPresent, FamilyStatus, Location, Protection, Referral, Role, SessionStatus, Theme,
    VisitStatus, Weekday,
};
use crate::domain::ics::EventKind;
use crate::domain::identity::IdKind;

/// A closed set stored as its spelling (`as_str`), read back as that spelling (a walk of a few
/// constants: a report reads hundreds of thousands of them), else as its `FromStr` reads it; a
/// stored value outside the set is a [`BadValue::Code`]. (A blanket impl over a trait is not
/// allowed for rusqlite's traits, so the sets are named here.)
macro_rules! stored_as_text {
    ($($t:ty),+ $(,)?) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                if let Some(v) = <$t>::ALL.iter().find(|v| v.as_str() == text) {
                    return Ok(*v);
                }
                text.parse()
                    .map_err(|_| FromSqlError::Other(Box::new(BadValue::Code(text.to_string()))))
            }
        }
    )+};
}

stored_as_text!(
    AttendanceStatus,
    AuditAction,
    AuditEntity,
    ConsentMethod,
    Eligibility,
    EventKind,
    ExitReason,
    FamilyPresent,
    FamilyStatus,
    IdKind,
    Location,
    Protection,
    Referral,
    Role,
    SessionStatus,
    Theme,
    VisitStatus,
    Weekday,
);

/// A day as stored: `YYYY-MM-DD`.
pub(crate) fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A time as stored: `YYYY-MM-DD HH:MM`.
pub(crate) fn datetime_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// A moment as stored where seconds are kept (`created_at`, `updated_at`, the audit's `at`, a
/// calendar's LAST-MODIFIED, which must grow with every change).
pub(crate) fn stamp_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

/// The digits at `range` of an ASCII text as a number.
fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    b.get(range)?.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `YYYY-MM-DD` as stored; by hand, since chrono's format parser is slow over many rows.
fn date_of(b: &[u8]) -> Option<NaiveDate> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(b, 0..4)? as i32, digits(b, 5..7)?, digits(b, 8..10)?)
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, BadValue> {
    Some(text.as_bytes())
        .filter(|b| b.len() == 10)
        .and_then(date_of)
        .ok_or_else(|| BadValue::Date(text.to_string()))
}

/// `YYYY-MM-DD HH:MM` as stored.
pub(crate) fn parse_datetime(text: &str) -> Result<NaiveDateTime, BadValue> {
    let b = text.as_bytes();
    let parsed = (b.len() == 16 && b[10] == b' ' && b[13] == b':')
        .then(|| date_of(b)?.and_hms_opt(digits(b, 11..13)?, digits(b, 14..16)?, 0))
        .flatten();
    parsed.ok_or_else(|| BadValue::Time(text.to_string()))
}

/// A moment with seconds, or (as older rows keep it) without.
pub(crate) fn parse_stamp(text: &str) -> Result<NaiveDateTime, BadValue> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| parse_datetime(text))
        .map_err(|_| BadValue::Time(text.to_string()))
}

/// A clock time of day as stored: `HH:MM` (read digit by digit, as a roster of thousands has
/// two a person; any other spelling as chrono reads `%H:%M`).
pub(crate) fn parse_clock(text: &str) -> Result<NaiveTime, BadValue> {
    let b = text.as_bytes();
    (b.len() == 5 && b[2] == b':')
        .then(|| NaiveTime::from_hms_opt(digits(b, 0..2)?, digits(b, 3..5)?, 0))
        .flatten()
        .or_else(|| NaiveTime::parse_from_str(text, "%H:%M").ok())
        .ok_or_else(|| BadValue::Time(text.to_string()))
}

/// A word's LIKE pattern: anywhere in the text, its own `%`, `_` and `\` taken literally (with
/// `ESCAPE '\'`).
pub(crate) fn like_anywhere(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    out.push('%');
    for c in word.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

pub(crate) fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join("|")
}

/// Values of a closed set as one stored list.
pub(crate) fn join_codes<T: Copy>(items: &[T], code: impl Fn(T) -> &'static str) -> String {
    join_list(&items.iter().map(|t| code(*t)).collect::<Vec<_>>())
}

pub(crate) fn split_list(text: &str) -> Vec<String> {
    crate::domain::enums::split_list(text)
        .map(str::to_string)
        .collect()
}

/// Reads a stored value of a closed set where its column holds more than one set (the status
/// of a visit or of a session); a value outside it is a [`BadValue::Code`].
pub(crate) fn parse_code<T: FromStr>(text: &str) -> Result<T, BadValue> {
    text.parse().map_err(|_| BadValue::Code(text.to_string()))
}

/// Reads a stored list of a closed set (`a|b`); a value outside it is a [`BadValue::Code`].
pub(crate) fn parse_codes<T: FromStr>(text: &str) -> Result<Vec<T>, BadValue> {
    crate::domain::enums::split_list(text)
        .map(|t| t.parse().map_err(|_| BadValue::Code(t.to_string())))
        .collect()
}

/// A bad value at column `idx`, as rusqlite carries a failed conversion.
fn bad(idx: usize, value: BadValue) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(value))
}

/// The columns a row mapper reads beyond what `FromSql` gives: days, times and lists, parsed
/// as stored, so that a mapper builds its value in one step.
pub(crate) trait Columns {
    fn date(&self, idx: usize) -> rusqlite::Result<NaiveDate>;
    fn opt_date(&self, idx: usize) -> rusqlite::Result<Option<NaiveDate>>;
    fn datetime(&self, idx: usize) -> rusqlite::Result<NaiveDateTime>;
    fn opt_datetime(&self, idx: usize) -> rusqlite::Result<Option<NaiveDateTime>>;
    fn stamp(&self, idx: usize) -> rusqlite::Result<NaiveDateTime>;
    /// A clock time of day, `HH:MM`.
    fn clock(&self, idx: usize) -> rusqlite::Result<NaiveTime>;
    /// A `|`-separated list of a closed set; NULL is none.
    fn codes<T: FromStr>(&self, idx: usize) -> rusqlite::Result<Vec<T>>;
    /// A `|`-separated list of free words (languages).
    fn words(&self, idx: usize) -> rusqlite::Result<Vec<String>>;
    /// A text borrowed from the row, not copied (a read of many rows); NULL is none.
    fn text(&self, idx: usize) -> rusqlite::Result<Option<&str>>;
}

impl Columns for Row<'_> {
    fn date(&self, idx: usize) -> rusqlite::Result<NaiveDate> {
        parse_date(self.get_ref(idx)?.as_str()?).map_err(|e| bad(idx, e))
    }

    fn opt_date(&self, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
        self.get_ref(idx)?
            .as_str_or_null()?
            .map(|t| parse_date(t).map_err(|e| bad(idx, e)))
            .transpose()
    }

    fn datetime(&self, idx: usize) -> rusqlite::Result<NaiveDateTime> {
        parse_datetime(self.get_ref(idx)?.as_str()?).map_err(|e| bad(idx, e))
    }

    fn opt_datetime(&self, idx: usize) -> rusqlite::Result<Option<NaiveDateTime>> {
        self.get_ref(idx)?
            .as_str_or_null()?
            .map(|t| parse_datetime(t).map_err(|e| bad(idx, e)))
            .transpose()
    }

    fn stamp(&self, idx: usize) -> rusqlite::Result<NaiveDateTime> {
        parse_stamp(self.get_ref(idx)?.as_str()?).map_err(|e| bad(idx, e))
    }

    fn clock(&self, idx: usize) -> rusqlite::Result<NaiveTime> {
        parse_clock(self.get_ref(idx)?.as_str()?).map_err(|e| bad(idx, e))
    }

    fn codes<T: FromStr>(&self, idx: usize) -> rusqlite::Result<Vec<T>> {
        let text = self.get_ref(idx)?.as_str_or_null()?.unwrap_or_default();
        parse_codes(text).map_err(|e| bad(idx, e))
    }

    fn words(&self, idx: usize) -> rusqlite::Result<Vec<String>> {
        Ok(split_list(self.get_ref(idx)?.as_str()?))
    }

    fn text(&self, idx: usize) -> rusqlite::Result<Option<&str>> {
        Ok(self.get_ref(idx)?.as_str_or_null()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, DbError};

    #[test]
    fn a_closed_set_goes_in_as_its_spelling_and_comes_back() {
        let mut db = Db::open_in_memory().unwrap();
        let back: (VisitStatus, Option<Protection>, Option<Role>) = db
            .read(|tx| {
                Ok::<_, DbError>(tx.tx.query_row(
                    "SELECT ?1, ?2, NULL",
                    rusqlite::params![VisitStatus::CancelledFamily, Protection::Fingerade],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )?)
            })
            .unwrap();
        assert_eq!(
            back,
            (
                VisitStatus::CancelledFamily,
                Some(Protection::Fingerade),
                None
            )
        );
    }

    #[test]
    fn a_stored_value_outside_its_set_or_form_is_a_bad_value() {
        let mut db = Db::open_in_memory().unwrap();
        let read = |db: &mut Db, sql: &str| {
            db.read(|tx| {
                Ok::<_, DbError>(tx.tx.query_row(sql, [], |r| {
                    let _: VisitStatus = r.get(0)?;
                    let _ = r.date(1)?;
                    let _ = r.datetime(2)?;
                    let _: Vec<Theme> = r.codes(3)?;
                    Ok(())
                })?)
            })
        };
        let cases = [
            (
                "SELECT 'gone', '2026-01-01', '2026-01-01 09:00', ''",
                BadValue::Code("gone".into()),
            ),
            (
                "SELECT 'done', '2026-13-01', '2026-01-01 09:00', ''",
                BadValue::Date("2026-13-01".into()),
            ),
            (
                "SELECT 'done', '2026-01-01', '2026-01-01 9:00', ''",
                BadValue::Time("2026-01-01 9:00".into()),
            ),
            (
                "SELECT 'done', '2026-01-01', '2026-01-01 09:00', 'sleep|naps'",
                BadValue::Code("naps".into()),
            ),
        ];
        for (sql, expected) in cases {
            match read(&mut db, sql) {
                Err(DbError::BadValue(found)) => assert_eq!(found, expected, "{sql}"),
                other => panic!("{sql}: {other:?}"),
            }
        }
        assert!(
            read(
                &mut db,
                "SELECT 'done', '2026-01-01', '2026-01-01 09:00', NULL"
            )
            .is_ok()
        );
    }

    #[test]
    fn a_wrongly_typed_column_stays_a_database_error() {
        let mut db = Db::open_in_memory().unwrap();
        let found = db.read(|tx| {
            Ok::<_, DbError>(
                tx.tx
                    .query_row("SELECT 7", [], |r| r.get::<_, VisitStatus>(0))?,
            )
        });
        assert!(matches!(found, Err(DbError::Sqlite(_))), "{found:?}");
    }
}
