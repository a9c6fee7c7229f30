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

// The days of a family's status changes.
pub const OFFERED_ON: Words = Words::new("Erbjuden den", "Offered on");
pub const ENROLLED_ON: Words = Words::new("Inskriven den", "Enrolled on");
pub const DECLINED_ON: Words = Words::new("Tackade nej den", "Declined on");
pub const PAUSED_ON: Words = Words::new("Vilande sedan", "Paused since");
pub const KNOWN_DAY_HINT: Words = Words::new(
    "ÅÅÅÅ-MM-DD; tomt när dagen inte är känd",
    "YYYY-MM-DD; empty when the day is not known",
);

/// The label of one status day.
pub fn status_day(day: crate::domain::status_dates::StatusDay) -> Words {
    use crate::domain::status_dates::StatusDay;
    match day {
        StatusDay::Offered => OFFERED_ON,
        StatusDay::Enrolled => ENROLLED_ON,
        StatusDay::Declined => DECLINED_ON,
        StatusDay::Paused => PAUSED_ON,
        StatusDay::Exited => EXITED_ON,
    }
}

/// A status form's title: the status the family moves to.
pub fn status_title(status: crate::domain::enums::FamilyStatus) -> Text {
    let s = labels::status(status);
    Text::new(format!("Status: {}", s.sv), format!("Status: {}", s.en))
}

/// The hint under a status form's day: `save` is the key that changes the status.
pub fn status_save_hint(save: &str) -> Text {
    Text::new(
        format!("ÅÅÅÅ-MM-DD, om det hände en tidigare dag; tomt är i dag; {save} ändrar status"),
        format!(
            "YYYY-MM-DD, when it happened on an earlier day; empty is today; {save} changes the status"
        ),
    )
}

/// Why a status day cannot be.
pub fn date_problem(p: crate::domain::status_dates::DateProblem) -> Text {
    use crate::domain::status_dates::DateProblem;
    match p {
        DateProblem::InFuture => super::IN_FUTURE.into(),
        DateProblem::BeforeOffer(d) => Text::new(
            format!("är före erbjudandet ({d})"),
            format!("is before the offer ({d})"),
        ),
        DateProblem::BeforeEnrolment(d) => Text::new(
            format!("är före inskrivningen ({d})"),
            format!("is before the enrolment ({d})"),
        ),
    }
}
