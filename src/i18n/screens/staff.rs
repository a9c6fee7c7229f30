//! Personal / Staff: the roster's columns and what an empty one says.

use crate::i18n::{Text, Words};

pub const ID: Words = Words::new("Id", "Id");
pub const ROLE: Words = Words::new("Roll", "Role");
pub const ORGANISATION: Words = Words::new("Organisation", "Organisation");
pub const DAYS: Words = Words::new("Dagar", "Days");
pub const HOURS: Words = Words::new("Tid", "Hours");
pub const ACTIVE: Words = Words::new("Aktiv", "Active");
pub const NO_STAFF_MATCH: Words = Words::new(
    "Ingen i personalen matchar sökningen.",
    "No staff member matches the search.",
);

/// An empty roster: `new` is the key that adds someone.
pub fn no_staff(new: &str) -> Text {
    Text::new(
        format!("Ingen personal ännu: {new} lägger till."),
        format!("No staff yet: {new} adds one."),
    )
}
