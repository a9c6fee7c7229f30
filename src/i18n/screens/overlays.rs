//! What is drawn over any screen: help, questions, the proposed slots, a form's hidden field.

use crate::i18n::{Text, Words};

pub const HELP_TITLE: Words = Words::new("Tangenter", "Keys");

/// Under the help: `close` is the key that closes it.
pub fn help_footer(close: &str) -> Text {
    Text::new(format!("{close} stänger"), format!("{close} closes"))
}

pub const QUESTION: Words = Words::new("Fråga", "Question");

/// Under every question: the keys that answer it.
pub fn yes_no(yes: &str, no: &str) -> Text {
    Text::new(
        format!("{yes} = ja   {no} = nej"),
        format!("{yes} = yes   {no} = no"),
    )
}

pub const QUIT_UNSAVED: Words = Words::new(
    "Formuläret har osparade ändringar. Avsluta ändå?",
    "The form has unsaved changes. Quit anyway?",
);
pub const DISCARD_FORM: Words = Words::new(
    "Kasta det du har skrivit i formuläret?",
    "Throw away what you typed in the form?",
);
/// Before the new status's name, and a question mark.
pub const SET_STATUS: Words = Words::new(
    "Ändra familjens status till",
    "Change the family's status to",
);
pub const BOOKED_CANCELLED: Words = Words::new(
    "Ja avbokar också dessa bokade besök:",
    "Yes cancels these booked visits too:",
);
/// Under the question whether a pause cancels them.
pub const BOOKED_VISITS: Words =
    Words::new("Familjens bokade besök:", "The family's booked visits:");
pub const BOOKED_KEPT_OR_NOT: Words = Words::new(
    "Familjen har bokade besök; nästa fråga är om de ska avbokas:",
    "The family has booked visits; you are asked next whether to cancel them:",
);

/// Whether a pause cancels the family's booked visits, by the keys that answer; `back` takes
/// the pause back.
pub fn cancel_booked(yes: &str, no: &str, back: &str) -> Text {
    Text::new(
        format!(
            "Avboka familjens bokade besök? {yes} avbokar dem, {no} behåller dem; {back} ångrar pausen."
        ),
        format!(
            "Cancel the family's booked visits? {yes} cancels them, {no} keeps them; {back} takes the pause back."
        ),
    )
}

/// Under a list cut short to fit the question.
pub fn and_more(n: usize) -> Text {
    Text::new(format!("… och {n} till"), format!("… and {n} more"))
}

pub fn deactivate_staff(name: &str) -> Text {
    Text::new(
        format!(
            "{name} har bokade besök. Spara ändå som inte aktiv? Besöken blir kvar och visas under Att göra i Idag tills de bokas om:"
        ),
        format!(
            "{name} has booked visits. Save as not active anyway? The visits stay and are listed as to-dos in Today until rebooked:"
        ),
    )
}

pub fn remove_caregiver(name: &str) -> Text {
    Text::new(
        format!("Ta bort vårdnadshavaren {name} ur familjen?"),
        format!("Remove the caregiver {name} from the family?"),
    )
}

pub fn remove_child(name: &str) -> Text {
    Text::new(
        format!(
            "Ta bort barnet {name} ur familjen? Barnets bokade besök tas bort med det; ett barn med genomförda besök tas inte bort."
        ),
        format!(
            "Remove the child {name} from the family? The child's booked visits go with it; a child with visits that took place is not removed."
        ),
    )
}

// The proposed slots, and the question before booking one.
pub const BOOK: Words = Words::new("Boka", "Book");
pub const DUE_WORD: Words = Words::new("ska göras", "due");
pub const SAME_AREA: Words = Words::new("samma område", "same area");
/// A proposal that is the twin's booked visit: booking it makes one trip of both.
pub const TWIN_TRIP: Words = Words::new("tvillingens besök", "twin's visit");

/// The question before booking a slot: when, who goes, and the interpreter the family needs
/// (`interpreter`: the language's name, and who interprets, `None` while no one is booked).
/// Who interprets at a proposed slot, as the booking question names them: the person, or
/// "extern"/"external".
pub fn interpreter_booked(booked: &crate::domain::views::InterpreterBooked) -> Text {
    match booked {
        crate::domain::views::InterpreterBooked::Staff(name) => {
            Text::new(name.clone(), name.clone())
        }
        crate::domain::views::InterpreterBooked::External => Text::new(
            super::INTERPRETER_EXTERNAL.get(crate::i18n::Lang::Sv),
            super::INTERPRETER_EXTERNAL.get(crate::i18n::Lang::En),
        ),
    }
}

pub fn book_question(at: &str, people: &str, interpreter: Option<(&Text, Option<&Text>)>) -> Text {
    let (sv, en) = match interpreter {
        None => (String::new(), String::new()),
        Some((language, who)) => {
            let sv_who = who.map_or("ingen bokad ännu", |w| w.sv.as_str());
            let en_who = who.map_or("none booked yet", |w| w.en.as_str());
            (
                format!(" · tolk på {}: {sv_who}", language.sv),
                format!(" · {} interpreter: {en_who}", language.en),
            )
        }
    };
    Text::new(
        format!("Boka {at} – {people}{sv}?"),
        format!("Book {at} – {people}{en}?"),
    )
}

/// A form's protected field before it is shown: `reveal` is the key that shows it.
pub fn hidden_field(reveal: &str) -> Text {
    Text::new(
        format!("dold (skyddad) – {reveal} visar, loggas"),
        format!("hidden (protected) – {reveal} shows it, logged"),
    )
}
