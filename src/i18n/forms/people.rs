//! The forms about a family's people: a caregiver, a child, and which of them to change.

use chrono::NaiveDate;

use crate::i18n::{Text, Words};

pub const CAREGIVER: Words = Words::new("Vårdnadshavare", "Caregiver");
pub const ID_KIND: Words = Words::new("ID-typ", "ID kind");
pub const ID_KIND_HINT: Words = Words::new(
    "←/→ väljer; inget nummer behövs",
    "←/→ chooses; no number is needed",
);
pub const ID_NUMBER: Words = Words::new("ID-nummer", "ID number");
pub const ID_NUMBER_HINT: Words = Words::new(
    "ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN; tomt om inget finns",
    "YYMMDD-NNNN or YYYYMMDD-NNNN; empty if there is none",
);
pub const RELATION: Words = Words::new("Relation", "Relation");
pub const RELATION_HINT: Words = Words::new(
    "t.ex. mamma, pappa, förälder",
    "e.g. mother, father, parent",
);
pub const CHILD_NAME: Words = Words::new("Barnets namn", "Child's name");
pub const BORN_ON: Words = Words::new("Född", "Born");
pub const BORN_ON_HINT: Words = Words::new(
    "ÅÅÅÅ-MM-DD; före födseln: beräknat datum",
    "YYYY-MM-DD; before birth: the expected date",
);
pub const CHILD_ID: Words = Words::new("Barnets ID", "Child's ID");
pub const CHILD_ID_HINT: Words = Words::new(
    "personnummer eller samordningsnummer; tomt om inget finns",
    "personal identity or coordination number; empty if there is none",
);
pub const BORN_IN_SWEDEN: Words =
    Words::new("Första barnet fött i Sverige", "First child born in Sweden");

/// A child's identity number that says another birth date than the one typed.
pub fn born_otherwise(born: NaiveDate, typed: NaiveDate) -> Text {
    Text::new(
        format!("säger född {born}, inte {typed}"),
        format!("says born {born}, not {typed}"),
    )
}

pub const ADD_CAREGIVER: Words = Words::new("Ny vårdnadshavare", "Add caregiver");
pub const ADD_CHILD: Words = Words::new("Nytt barn", "Add child");
pub const EDIT_CAREGIVER: Words = Words::new("Ändra vårdnadshavare", "Edit caregiver");
pub const EDIT_CHILD: Words = Words::new("Ändra barn", "Edit child");
pub const WHO: Words = Words::new("Vem", "Who");

/// Whom a caregiver form is about: `remove` is the key that removes them.
pub fn which_caregiver_hint(remove: &str) -> Text {
    Text::new(
        format!("←/→ väljer vem; {remove} tar bort personen"),
        format!("←/→ chooses whom; {remove} removes them"),
    )
}

/// Which child a form is about: `remove` is the key that removes the child.
pub fn which_child_hint(remove: &str) -> Text {
    Text::new(
        format!("←/→ väljer vem; {remove} tar bort barnet"),
        format!("←/→ chooses whom; {remove} removes the child"),
    )
}
