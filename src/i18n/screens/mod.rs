//! The screens' words, Swedish and English side by side: one module per screen (mirroring
//! `ui/screens`), the words several screens share here. A text that names a key takes the key
//! as a parameter, so it follows the keymap rather than going stale.

mod families;
mod family;
mod groups;
mod overlays;
pub mod report;
mod roll_call;
mod staff;
mod today;
mod week;

// One flat name space (`screens::NO_ALERTS`), so a screen's renderer reads its words by name;
// the files only keep each screen's words together.
pub use families::*;
pub use family::*;
pub use groups::*;
pub use overlays::*;
pub use roll_call::*;
pub use staff::*;
pub use today::*;
pub use week::*;

use super::{Lang, Words};

pub const TOO_SMALL: Words = Words::new(
    "Fönstret är för litet. hembesok behöver minst 80×24 tecken; gör fönstret större.",
    "The window is too small. hembesok needs at least 80×24 characters; make the window larger.",
);
/// On every screen while the file is damaged: nothing can be saved meanwhile.
pub const DAMAGED_BANNER: Words = Words::new(
    " Databasen är skadad: bara läsning. Kör hembesok check, sedan restore från en kopia.",
    " The database is damaged: reading only. Run hembesok check, then restore a backup.",
);
/// Before the week's number at the right of the tabs.
pub const WEEK_LABEL: Words = Words::new("v.", "week");
pub const LOADING: Words = Words::new("Läser in…", "Loading…");
pub const SEARCH: Words = Words::new("Sök", "Search");
/// "3 of 12".
pub const OF: Words = Words::new("av", "of");
/// A filter not in use.
pub const ALL: Words = Words::new("alla", "all");
pub const FAMILY: Words = Words::new("Familj", "Family");
pub const AREA: Words = Words::new("Område", "Area");
pub const CLINIC: Words = Words::new("BVC", "Clinic");
pub const STAFF: Words = Words::new("Personal", "Staff");
pub const INTERPRETER: Words = Words::new("Tolk", "Interpreter");
/// An interpreter booked from outside the staff.
pub const INTERPRETER_EXTERNAL: Words = Words::new("extern", "external");
pub const PROGRAMME: Words = Words::new("Program", "Programme");
pub const STATUS: Words = Words::new("Status", "Status");
pub const LANGUAGES: Words = Words::new("Språk", "Languages");
pub const NAME: Words = Words::new("Namn", "Name");
pub const WINDOW: Words = Words::new("Fönster", "Window");
pub const DATE: Words = Words::new("Datum", "Date");
pub const BORN: Words = Words::new("född", "born");
/// A family whose names retention removed.
pub const ANONYMISED_FAMILY: Words = Words::new("(gallrad familj)", "(anonymised family)");

const WEEKDAYS: [Words; 7] = [
    Words::new("mån", "Mon"),
    Words::new("tis", "Tue"),
    Words::new("ons", "Wed"),
    Words::new("tor", "Thu"),
    Words::new("fre", "Fri"),
    Words::new("lör", "Sat"),
    Words::new("sön", "Sun"),
];

/// A weekday's short name, Monday first (as chrono counts them from Monday).
pub fn weekday(day: chrono::Weekday) -> Words {
    WEEKDAYS[day.num_days_from_monday() as usize]
}

/// The seven short names in one language, Monday first.
pub fn weekdays(lang: Lang) -> [&'static str; 7] {
    WEEKDAYS.map(|w| w.get(lang))
}

/// "1 family", "2 families": the count with the noun in the number it needs.
pub fn count(n: usize, one: Words, many: Words, lang: Lang) -> String {
    format!("{n} {}", if n == 1 { one } else { many }.get(lang))
}
