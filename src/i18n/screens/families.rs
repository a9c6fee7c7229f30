//! Familjer / Families: the search box, the filters and the list.

use crate::i18n::{Text, Words};

/// The empty search box: `search` is the key that starts typing there.
pub fn search_hint(search: &str) -> Text {
    Text::new(
        format!("tryck {search} och skriv en del av ett namn, en referens eller ett telefonnummer"),
        format!("press {search} and type part of a name, a reference or a phone number"),
    )
}
/// The visits filter's name, and its values other than "all".
pub const VISITS_FILTER: Words = Words::new("Besök", "Visits");
pub const DUE_OR_OVERDUE: Words = Words::new("att boka/bråttom", "due/closing soon");
pub const OVERDUE: Words = Words::new("bråttom", "closing soon");
pub const REFERENCE: Words = Words::new("Ref", "Ref");
pub const CAREGIVERS: Words = Words::new("Vårdnadshavare", "Caregivers");
/// The list's mark of a protected family.
pub const PROTECTED_SHORT: Words = Words::new("skydd", "prot.");
pub const NO_MATCH: Words = Words::new("Ingen familj matchar.", "No family matches.");

/// An empty register: `new` is the key that adds a family.
pub fn no_families(new: &str) -> Text {
    Text::new(
        format!(
            "Inga familjer ännu: {new} lägger till en, eller läs in en fil med hembesok import families."
        ),
        format!("No families yet: {new} adds one, or load a file with hembesok import families."),
    )
}
