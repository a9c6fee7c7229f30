//! A family's forms: new and edit, consent, leaving the programme.

use crate::i18n::{Text, Words, labels};

pub const NEW_FAMILY: Words = Words::new("Ny familj", "New family");
pub const REFERENCE: Words = Words::new("Referens", "Reference");
pub const REFERENCE_HINT: Words = Words::new(
    "egen referens hos er, t.ex. 2026-017; aldrig ett personnummer",
    "your own reference, e.g. 2026-017; never an identity number",
);
pub const LOOKS_LIKE_ID: Words = Words::new(
    "ser ut som ett personnummer; använd en egen referens",
    "looks like an identity number; use your own reference",
);
pub const FAMILY_NAME_HINT: Words = Words::new(
    "som det visas i listor, t.ex. Familjen Andersson",
    "as lists show it, e.g. Familjen Andersson",
);
pub const PROGRAMME_HINT: Words = Words::new(
    "←/→ väljer programmet familjen följer",
    "←/→ chooses the programme the family follows",
);
pub const LANGUAGES_HINT: Words = Words::new(
    "flera språk med komma emellan",
    "several languages separated by commas",
);
pub const INTERPRETER_LANGUAGE: Words = Words::new("Tolkspråk", "Interpreter");
pub const INTERPRETER_LANGUAGE_HINT: Words = Words::new(
    "språket om familjen behöver tolk, annars tomt",
    "the language if the family needs an interpreter, else empty",
);
pub const PROTECTION: Words = Words::new("Skydd", "Protection");
pub const PROTECTION_HINT: Words = Words::new(
    "←/→ väljer; skyddad adress och telefon visas aldrig i listor",
    "←/→ chooses; a protected address and phone never show in lists",
);

// Consent.
pub const GIVEN_BY: Words = Words::new("Samtycke från", "Given by");
pub const CONSENT_SCOPE: Words = Words::new("Omfattning", "Scope");
pub const CONSENT_METHOD: Words = Words::new("Hur", "How");
pub const WITHDRAWN_ON: Words = Words::new("Återkallat", "Withdrawn");
pub const WITHDRAWN_HINT: Words = Words::new(
    "datum om samtycket har återkallats, annars tomt",
    "the date consent was withdrawn, else empty",
);

/// The usual scope of a consent, offered in the form; either spelling reads back the same.
pub fn usual_scope() -> Text {
    labels::free_text("samverkan BVC och socialtjänst")
}

// Leaving the programme.
pub const END_PARTICIPATION: Words = Words::new("Avsluta deltagandet", "End participation");

/// The reason's hint: `save` is the key that ends the participation.
pub fn exit_reason_hint(save: &str) -> Text {
    Text::new(
        format!("←/→ väljer; {save} avslutar familjens deltagande"),
        format!("←/→ chooses; {save} ends the family's participation"),
    )
}

pub const EXIT_NOTE: Words = Words::new("Beskrivning", "Description");
pub const EXIT_NOTE_HINT: Words = Words::new(
    "med egna ord, när orsaken är annat",
    "in your own words, when the reason is other",
);
pub const SAY_WHY_OTHER: Words = Words::new(
    "skriv varför, när orsaken är annat",
    "say why, when the reason is other",
);
pub const EXITED_ON: Words = Words::new("Avslutad den", "Left on");
pub const EXITED_ON_HINT: Words = Words::new(
    "ÅÅÅÅ-MM-DD, om familjen slutade en tidigare dag; tomt är i dag",
    "YYYY-MM-DD, when the family left on an earlier day; empty is today",
);
