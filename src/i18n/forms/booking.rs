//! Booking by hand: the fields, and what the form says before any conflict (those are
//! `i18n::booking`'s).

use crate::i18n::{Text, Words};

/// Booking a visit (its name in both languages) for a child.
pub fn booking_title(visit: &Text, child: &Text) -> Text {
    Text::new(
        format!("Boka: {} · {}", visit.sv, child.sv),
        format!("Book: {} · {}", visit.en, child.en),
    )
}

/// No free slot in the window: the form opens for booking by hand.
pub fn no_free_slots(visit: &Text) -> Text {
    Text::new(
        format!(
            "Inga lediga tider i fönstret för {}; boka för hand.",
            visit.sv
        ),
        format!(
            "No free slots in the window for {}; book by hand.",
            visit.en
        ),
    )
}

pub const TIME: Words = Words::new("Tid", "Time");
pub const TIME_HINT: Words = Words::new("TT:MM, t.ex. 09:30", "HH:MM, e.g. 09:30");
pub const TIME_FORMAT: Words = Words::new(
    "skriv tiden som TT:MM, t.ex. 09:30",
    "write the time as HH:MM, e.g. 09:30",
);
pub const MINUTES: Words = Words::new("Minuter", "Minutes");
pub const MINUTES_RANGE: Words = Words::new("minuter från 5 till 600", "minutes from 5 to 600");
pub const NARROW_HINT: Words = Words::new(
    "←/→ väljer; skriv en del av namnet för att söka",
    "←/→ chooses; type part of a name to narrow",
);
pub const EXTERNAL_INTERPRETER: Words = Words::new("extern tolk", "external interpreter");
pub const NONE_BOOKED: Words = Words::new("ingen bokad ännu", "none booked yet");
pub const BOOKING_REASON_HINT: Words = Words::new(
    "krävs bara för en tid utanför fönstret, en helgdag eller en tid som har varit",
    "needed only outside the window, on a holiday or for a time already past",
);
