//! Idag / Today: the visits of today and the next working day, what needs doing, the group.

use crate::i18n::{Text, Words};

pub const TODAY: Words = Words::new("Idag", "Today");
pub const VISITS_TODAY_TOMORROW: Words =
    Words::new("Besök idag och imorgon", "Visits today and tomorrow");
/// When the next working day is not tomorrow (a Friday, a holiday eve).
pub const VISITS_TODAY_NEXT: Words = Words::new(
    "Besök idag och nästa arbetsdag",
    "Visits today and the next working day",
);
pub const NO_VISITS: Words = Words::new(
    "Inga besök idag eller imorgon.",
    "No visits today or tomorrow.",
);
pub const NO_VISITS_NEXT: Words = Words::new(
    "Inga besök idag eller nästa arbetsdag.",
    "No visits today or on the next working day.",
);
pub const ALERTS: Words = Words::new("Att göra", "To do");
pub const NO_ALERTS: Words = Words::new(
    "Inget försenat eller obokat.",
    "Nothing overdue or unbooked.",
);
pub const NEXT_GROUP: Words = Words::new("Nästa föräldragrupp", "Next parent group");
pub const NO_GROUP: Words = Words::new(
    "Ingen planerad föräldragrupp.",
    "No parent-group session planned.",
);
pub const WHEN: Words = Words::new("När", "When");
pub const TODAY_WORD: Words = Words::new("idag", "today");
pub const TOMORROW_WORD: Words = Words::new("imorgon", "tomorrow");

/// The heading of today's session, with the key to its roll call.
pub fn todays_group(roll_call: &str) -> Text {
    Text::new(
        format!("Dagens grupp ({roll_call}: närvaro)"),
        format!("Today's group ({roll_call}: roll call)"),
    )
}

/// Held sessions without attendance: the first, when, and how many more (" (+2)" or "").
pub fn attendance_missing(group: &str, when: &str, more: &str) -> Text {
    Text::new(
        format!("Närvaro saknas: {group} {when}{more}"),
        format!("Attendance not recorded: {group} {when}{more}"),
    )
}

/// The members of the next session, counted: "1 familj", "8 familjer".
pub const FAMILY_COUNTED: Words = Words::new("familj", "family");
pub const FAMILIES_COUNTED: Words = Words::new("familjer", "families");
