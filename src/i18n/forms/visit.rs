//! After a visit: the outcome form.

use crate::i18n::{Text, Words};

/// Recording what happened at a visit to `who` (already the words for a protected family).
pub fn outcome_title(who: &Text, when: &str) -> Text {
    Text::new(
        format!("Utfall: {} {when}", who.sv),
        format!("Outcome: {} {when}", who.en),
    )
}

pub const OUTCOME: Words = Words::new("Utfall", "Outcome");
pub const OUTCOME_HINT: Words = Words::new(
    "←/→ väljer: genomfört, avbokat av familjen eller personalen, uteblev",
    "←/→ chooses: done, cancelled by family or staff, no-show",
);

/// Whether a staff member came.
pub fn came(name: &str) -> Text {
    Text::new(format!("{name} kom"), format!("{name} came"))
}

pub const FAMILY_PRESENT: Words = Words::new("Med från familjen", "Family present");
pub const FAMILY_PRESENT_HINT: Words = Words::new(
    "←/→ väljer vilka som var med: en vårdnadshavare, båda, eller med barnets andra förälder",
    "←/→ chooses who was there: one caregiver, both, or with the child's other parent",
);

/// Which of the family were at the visit, as the outcome form offers it.
pub fn family_present(p: crate::domain::enums::FamilyPresent) -> Text {
    crate::i18n::labels::family_present(p)
}

pub const INTERPRETER_USED: Words = Words::new("Tolk användes", "Interpreter used");
/// A checklist's hint: ←/→ and Space are the field's own keys, not the keymap's.
pub const TICK_HINT: Words = Words::new(
    "←/→ flyttar, en bokstav hoppar dit, mellanslag kryssar i eller ur",
    "←/→ moves, a letter jumps there, Space ticks or unticks",
);
pub const THEMES: Words = Words::new("Teman", "Themes");
pub const REFERRED_TO: Words = Words::new("Hänvisat till", "Referred to");
pub const CANCELLED_HINT: Words =
    Words::new("varför besöket avbokades", "why the visit was cancelled");
pub const SAY_WHY_CANCELLED: Words = Words::new(
    "ange varför besöket avbokades",
    "say why the visit was cancelled",
);
