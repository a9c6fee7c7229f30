//! Vecka / Week: a column per day, whose week it is, booking on a chosen day.

use crate::i18n::{Text, Words};

pub const WEEK: Words = Words::new("Vecka", "Week");
/// Whose week is shown when it is no one person's.
pub const EVERYONE: Words = Words::new("alla", "everyone");
pub const NO_VISITS_WEEK: Words = Words::new("Inga besök den här veckan.", "No visits this week.");

/// Booking on a day chosen in Week: the family is found with the Families search, `open`
/// picks it and `back` gives up.
pub fn book_on_day(day: chrono::NaiveDate, open: &str, back: &str) -> Text {
    Text::new(
        format!("Boka {day}: sök familjen och tryck {open} ({back} avbryter)."),
        format!("Book on {day}: search for the family and press {open} ({back} cancels)."),
    )
}

/// A group session in a day column and under the grid: what it is and how long.
pub fn session_length(minutes: u32) -> Text {
    Text::new(
        format!("gruppträff, {minutes} min"),
        format!("group session, {minutes} min"),
    )
}

/// Under the grid, a session marked: `open` takes its roll call.
pub fn session_roll_call(open: &str) -> Text {
    Text::new(
        format!("{open}: närvaro för träffen"),
        format!("{open}: the session's roll call"),
    )
}
