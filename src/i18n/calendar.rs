//! What a staff member's calendar says about a visit, in the user's language. A protected
//! family gets neither name nor address.

use super::{Lang, labels};
use crate::domain::enums::Location;
use crate::domain::ics::Withdrawal;
use crate::domain::views::{InterpreterBooked, StaffVisit};

/// A visit's title, place and description in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventText {
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
}

fn pick(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// The calendar's own name.
pub fn calendar_name(person: &str) -> String {
    format!("hembesok – {person}")
}

/// `visit_name` is the programme visit's name in the language (or none for an extra visit).
pub fn event_text(v: &StaffVisit, visit_name: Option<&str>, lang: Lang) -> EventText {
    let protected = v.protection.is_protected();
    let visit_name = visit_name.unwrap_or(pick(lang, "Extra besök", "Extra visit"));
    let interpreter = v
        .interpreter_language
        .as_ref()
        .map(|language| {
            let not_booked = if v.interpreter.is_none() {
                pick(lang, " (ej bokad)", " (not booked)")
            } else {
                ""
            };
            format!(
                ", {} {language}{not_booked}",
                pick(lang, "tolk", "interpreter")
            )
        })
        .unwrap_or_default();
    let who = if protected {
        pick(lang, "skyddad familj", "protected family").to_string()
    } else {
        v.family_name.clone()
    };
    let location = match v.location {
        Location::Home if protected => None,
        Location::Home => Some(
            [v.area.clone(), v.address.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
        )
        .filter(|s| !s.is_empty()),
        other => Some(labels::location(other).get(lang).to_string()),
    };
    let staff: Vec<String> = v.staff.iter().map(|a| a.name.clone()).collect();
    let mut description = vec![format!("Ref {}", v.family_ref)];
    if !protected {
        description.push(format!("{}: {}", pick(lang, "Barn", "Child"), v.child_name));
    }
    description.push(format!(
        "{}: {}",
        pick(lang, "Personal", "Staff"),
        staff.join(", ")
    ));
    if let Some(i) = &v.interpreter {
        let who = match i {
            InterpreterBooked::External => {
                pick(lang, "extern tolk", "external interpreter").to_string()
            }
            InterpreterBooked::Staff(name) => name.clone(),
        };
        description.push(format!("{}: {who}", pick(lang, "Tolk", "Interpreter")));
    }
    // RFC 5545 allows no control characters in a TEXT value; a line break is escaped later.
    let clean = |t: &str| crate::domain::text::clean(t).into_owned();
    EventText {
        summary: clean(&format!("{visit_name} – {who}{interpreter}")),
        location: location.map(|l| clean(&l)),
        description: description
            .iter()
            .map(|d| clean(d))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The cancellation sent for a visit that left a person's calendar. It names no family: the
/// calendar already shows which visit it replaces, at its time.
pub fn withdrawal_text(why: Withdrawal, lang: Lang) -> EventText {
    let (summary, description) = match why {
        Withdrawal::Removed => (
            pick(
                lang,
                "Inställt: besöket är borttaget",
                "Cancelled: the visit was removed",
            ),
            pick(
                lang,
                "Besöket finns inte längre i hembesok.",
                "The visit is no longer in hembesok.",
            ),
        ),
        Withdrawal::Reassigned => (
            pick(
                lang,
                "Inställt för dig: du är inte längre med på besöket",
                "Cancelled for you: you are no longer on this visit",
            ),
            pick(
                lang,
                "Besöket är bokat om till annan personal, eller behöver dig inte längre.",
                "The visit was rebooked to other staff, or no longer needs you.",
            ),
        ),
        Withdrawal::Cancelled => (
            pick(lang, "Inställt besök", "Visit cancelled"),
            pick(lang, "Besöket är inställt.", "The visit was cancelled."),
        ),
        Withdrawal::Moved => (
            pick(
                lang,
                "Flyttat: besöket har en ny tid",
                "Moved: the visit has a new time",
            ),
            pick(
                lang,
                "Den nya tiden kommer med kalendern för de dagar besöket nu ligger på.",
                "The new time comes with the calendar of the days the visit is on now.",
            ),
        ),
    };
    EventText {
        summary: summary.to_string(),
        location: None,
        description: description.to_string(),
    }
}

/// A parent-group session in its leader's calendar: the series, its theme and place. It names
/// no family.
pub fn session_text(s: &crate::domain::group_views::CalendarSession, lang: Lang) -> EventText {
    let label = pick(lang, "Föräldragrupp", "Parent group");
    let summary = match &s.theme {
        Some(theme) => format!("{label}: {} ({theme})", s.group),
        None => format!("{label}: {}", s.group),
    };
    let mut description = Vec::new();
    if let Some(method) = &s.method {
        description.push(method.clone());
    }
    if let Some(reason) = &s.cancel_reason {
        description.push(format!("{}: {reason}", pick(lang, "Inställd", "Cancelled")));
    }
    EventText {
        summary,
        location: s.place.clone(),
        description: description.join("\n"),
    }
}

/// The cancellation sent for a session that left a leader's calendar.
pub fn session_withdrawal_text(why: Withdrawal, lang: Lang) -> EventText {
    let (summary, description) = match why {
        Withdrawal::Removed => (
            pick(
                lang,
                "Inställt: gruppträffen är borttagen",
                "Cancelled: the group session was removed",
            ),
            pick(
                lang,
                "Gruppträffen finns inte längre i hembesok.",
                "The group session is no longer in hembesok.",
            ),
        ),
        Withdrawal::Reassigned => (
            pick(
                lang,
                "Inställt för dig: du leder inte längre gruppen",
                "Cancelled for you: you no longer lead this group",
            ),
            pick(
                lang,
                "Gruppen har fått andra ledare.",
                "The group has other leaders now.",
            ),
        ),
        Withdrawal::Cancelled => (
            pick(lang, "Inställd gruppträff", "Group session cancelled"),
            pick(
                lang,
                "Gruppträffen är inställd.",
                "The group session was cancelled.",
            ),
        ),
        Withdrawal::Moved => (
            pick(
                lang,
                "Flyttat: gruppträffen har en ny tid",
                "Moved: the group session has a new time",
            ),
            pick(
                lang,
                "Den nya tiden kommer med kalendern för de dagar träffen nu ligger på.",
                "The new time comes with the calendar of the days the session is on now.",
            ),
        ),
    };
    EventText {
        summary: summary.to_string(),
        location: None,
        description: description.to_string(),
    }
}
