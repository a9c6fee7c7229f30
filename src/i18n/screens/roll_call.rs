//! The roll call of a session and the picker of suggested families.

use crate::i18n::{Text, Words};

pub const ROLL_CALL: Words = Words::new("Närvaro", "Roll call");
/// "session 3" in the roll call's title.
pub const SESSION_NUMBER: Words = Words::new("träff", "session");
pub const MARKED: Words = Words::new("antecknade", "marked");
pub const ADULT: Words = Words::new("vuxen", "adult");
pub const ADULTS: Words = Words::new("vuxna", "adults");
pub const NO_ONE_THAT_DAY: Words = Words::new(
    "Inga familjer var med i gruppen den dagen.",
    "No families were in the group on that day.",
);

/// The keys of the roll call that the footer has no room for, each named by the keymap.
pub fn roll_call_keys(
    [one, two]: [&str; 2],
    [more, fewer]: [&str; 2],
    held: &str,
    cancel: &str,
) -> Text {
    Text::new(
        format!("{one}/{two} vuxna  {more}/{fewer} drop-in  {held} genomförd  {cancel} ställ in"),
        format!("{one}/{two} adults  {more}/{fewer} drop-ins  {held} held  {cancel} cancel"),
    )
}

/// The keys under a cancelled session's roll call: `undo` plans it again.
pub fn cancelled_keys(undo: &str) -> Text {
    Text::new(
        format!("inställd: {undo} ångrar det"),
        format!("cancelled: {undo} undoes it"),
    )
}

/// A mark or a count asked on a cancelled session.
pub fn cancelled_session(undo: &str) -> Text {
    Text::new(
        format!("Träffen är inställd och har ingen närvaro; {undo} ångrar att den ställdes in."),
        format!("The session is cancelled and has no attendance; {undo} undoes the cancellation."),
    )
}

pub const PLACES_LEFT: Words = Words::new("platser kvar", "places left");
pub const SUGGESTED: Words = Words::new("Föreslagna familjer", "Suggested families");

/// Under the suggestions: how many are ticked, and the keys that tick and add.
pub fn pick_footer(chosen: usize, tick: &str, add: &str) -> Text {
    Text::new(
        format!(
            "{chosen} markerade · {} markerar · {add} lägger till",
            in_swedish(tick)
        ),
        format!("{chosen} ticked · {tick} ticks · {add} adds"),
    )
}

/// A key's name inside a Swedish sentence: help lists the space bar as "Space", prose says
/// "Mellanslag".
fn in_swedish(key: &str) -> &str {
    if key == "Space" { "Mellanslag" } else { key }
}
