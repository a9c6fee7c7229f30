//! The forms' words, Swedish and English side by side: each field's label and hint, each
//! form's title, what is wrong with a value. One module per form (mirroring `app/forms`), the
//! words several forms share here; a hint that names a key takes it from the keymap.

mod booking;
mod family;
mod group;
mod people;
mod report;
mod staff;
mod visit;

// One flat name space (`forms::REFERENCE`), as for the screens.
pub use booking::*;
pub use family::*;
pub use group::*;
pub use people::*;
pub use report::*;
pub use staff::*;
pub use visit::*;

// Labels that are the screens' words for the same thing.
pub use super::screens::{
    ACTIVE, ADDRESS, AREA, CLINIC, CONSENT, DATE, ELIGIBILITY, FAMILY, LANGUAGES, LEADERS, METHOD,
    NAME, ORGANISATION, PHONE, PROGRAMME, ROLE,
};

use super::{Text, Words};

/// A required field left empty, once saving was tried.
pub const REQUIRED: Words = Words::new("måste fyllas i", "is required");
pub const FIX_MARKED: Words = Words::new(
    "Rätta de markerade fälten; inget är sparat ännu.",
    "Fix the marked fields; nothing is saved yet.",
);
/// The empty first option of a choice that may be left unsaid.
pub const NOT_SAID: Words = Words::new("–", "–");
pub const DATE_HINT: Words = Words::new("ÅÅÅÅ-MM-DD", "YYYY-MM-DD");
/// A choice field's hint: ←/→ are the field's own keys, not the keymap's.
pub const CHOOSES: Words = Words::new("←/→ väljer", "←/→ chooses");
/// Why a visit or a booking is as it is ("Skäl").
pub const REASON: Words = Words::new("Skäl", "Reason");
/// Why a family left or a session is cancelled ("Orsak").
pub const CAUSE: Words = Words::new("Orsak", "Reason");
pub const PLACE: Words = Words::new("Plats", "Place");
pub const IN_FUTURE: Words = Words::new("är i framtiden", "is in the future");
/// A birth date, or an expected one, more than ten months ahead.
pub const TOO_FAR_AHEAD: Words = Words::new(
    "mer än tio månader fram; kontrollera året",
    "more than ten months ahead; check the year",
);

/// Editing something with a name: a family, a series.
pub fn edit_title(name: &str) -> Text {
    Text::new(format!("Ändra {name}"), format!("Edit {name}"))
}
