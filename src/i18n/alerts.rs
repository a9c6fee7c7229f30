//! The to-do list in words: what each alert of `domain::alerts` is about. The date comes first:
//! it is what the coordinator sorts by, and at 80 columns the end of a row is what gets cut.

use super::{Text, labels};
use crate::domain::alerts::{Alert, AlertDetail, AlertKind};

/// An alert's detail; `record_key` is the key that records an outcome, as the keymap has it.
pub fn detail(alert: &Alert, record_key: &str) -> Text {
    let stamp = |at: &chrono::NaiveDateTime| at.format("%Y-%m-%d %H:%M").to_string();
    match &alert.detail {
        AlertDetail::Programme {
            visit,
            visit_en,
            child,
            day,
            ..
        } => {
            let whose = child
                .as_ref()
                .map_or_else(String::new, |name| format!(" · {name}"));
            if alert.kind == AlertKind::Overdue {
                // The window is still open: it closes on that day.
                Text::new(
                    format!("senast {day} · {visit}{whose}"),
                    format!("closes {day} · {visit_en}{whose}"),
                )
            } else {
                Text::new(
                    format!("{day} · {visit}{whose}"),
                    format!("{day} · {visit_en}{whose}"),
                )
            }
        }
        AlertDetail::InterpreterMissing { at, language } => {
            let lang = labels::language(language);
            let when = stamp(at);
            Text::new(
                format!("{when}: ingen tolk bokad ({})", lang.sv),
                format!("{when}: no interpreter booked ({})", lang.en),
            )
        }
        AlertDetail::DoubleBooked {
            staff,
            first,
            second,
        } => {
            let (first, second) = (stamp(first), second.format("%H:%M"));
            Text::new(
                format!("{staff}: {first} och {second}"),
                format!("{staff}: {first} and {second}"),
            )
        }
        AlertDetail::SessionClash { staff, at, session } => {
            let when = stamp(at);
            let session = format!("{} {}", session.group, session.start.format("%H:%M"));
            Text::new(
                format!("{staff}: {when} och gruppträffen {session}"),
                format!("{staff}: {when} and the group session {session}"),
            )
        }
        AlertDetail::NotRecorded { at } => {
            let when = stamp(at);
            Text::new(
                format!("{when}: registrera utfallet ({record_key})"),
                format!("{when}: record the outcome ({record_key})"),
            )
        }
        AlertDetail::StaffInactive { at, name } => {
            let when = stamp(at);
            Text::new(
                format!("{when} · inte längre aktiv: {name}"),
                format!("{when} · no longer active: {name}"),
            )
        }
    }
}
