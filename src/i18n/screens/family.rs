//! A family's page: its details, protection, consent, people and each child's timeline; and
//! what the page answers when a key cannot do its work.

use crate::i18n::{Text, Words};

pub const PROTECTED_BANNER: Words = Words::new("SKYDDADE PERSONUPPGIFTER", "PROTECTED IDENTITY");
pub const REVEALED_BANNER: Words = Words::new(
    "adress och telefon visas; visningen är loggad",
    "address and phone shown; the view is logged",
);

/// A protected family's address or phone before it is shown: `reveal` is the key that shows it.
pub fn hidden(reveal: &str) -> Text {
    Text::new(
        format!("dold ({reveal} visar, loggas)"),
        format!("hidden ({reveal} shows, logged)"),
    )
}

pub const ADDRESS: Words = Words::new("Adress", "Address");
pub const PHONE: Words = Words::new("Telefon", "Phone");
pub const ELIGIBILITY: Words = Words::new("Grund", "Eligibility");
pub const CONSENT: Words = Words::new("Samtycke", "Consent");

/// No consent recorded yet: `record` is the key that records one.
pub fn no_consent(record: &str) -> Text {
    Text::new(
        format!("inget samtycke antecknat ({record})"),
        format!("no consent recorded ({record})"),
    )
}

pub const WITHDRAWN: Words = Words::new("återkallat", "withdrawn");
pub const CHILDREN: Words = Words::new("Barn", "Child");
pub const EXPECTED: Words = Words::new("beräknat", "expected");
pub const NO_NUMBER: Words = Words::new("inget nummer", "no number");
pub const VERSION: Words = Words::new("version", "version");
pub const ENROLLED: Words = Words::new("inskriven", "enrolled");
pub const PAUSED_SINCE: Words = Words::new("vilande sedan", "paused since");
pub const DECLINED_ON: Words = Words::new("tackade nej", "declined on");
pub const EXIT_REASON: Words = Words::new("orsak", "reason");
pub const PROGRAMME_MISSING: Words = Words::new(
    "Familjens programversion finns inte i databasen; tidslinjen kan inte visas.",
    "The family's programme version is not in the database; the timeline cannot be shown.",
);

// A child's timeline: its headings, and a done visit where a required role was missing.
pub const VISIT: Words = Words::new("Besök", "Visit");
pub const DUE: Words = Words::new("Ska göras", "Due");
pub const NOT_JOINT: Words = Words::new("ej gemens.", "not joint");
pub const EXTRA_VISIT: Words = Words::new("extra besök", "extra visit");
pub const EXTRA_VISITS: Words = Words::new("extra besök", "extra visits");

/// Editing a caregiver of a family without one: `add` is the key that adds one.
pub fn no_caregiver_yet(add: &str) -> Text {
    Text::new(
        format!("Familjen har ingen vårdnadshavare än; {add} lägger till en."),
        format!("The family has no caregiver yet; {add} adds one."),
    )
}

/// Editing a child of a family without one: `add` is the key that adds one.
pub fn no_child_yet(add: &str) -> Text {
    Text::new(
        format!("Familjen har inget barn än; {add} lägger till ett."),
        format!("The family has no child yet; {add} adds one."),
    )
}

pub const ALREADY_THAT_STATUS: Words = Words::new(
    "Familjen har redan den statusen; rätta dagen här.",
    "The family already has that status; correct its day here.",
);
