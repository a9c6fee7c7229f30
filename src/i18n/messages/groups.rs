//! Parent groups in words: what the use cases did or refused, in Swedish and English.

use crate::i18n::Text;
use crate::i18n::booking::conflict;
use crate::ops::Outcome;
use crate::ops::groups::GroupRefusal;

fn when(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// The group outcomes; the others are worded in `outcome`.
pub fn outcome(o: &Outcome) -> Text {
    match o {
        Outcome::SeriesCreated { sessions, skipped } => Text::new(
            format!("Gruppen är sparad med {sessions} träffar ({skipped} veckor överhoppade)."),
            format!(
                "The group is saved with {sessions} sessions ({skipped} {} skipped).",
                if *skipped == 1 { "week" } else { "weeks" }
            ),
        ),
        Outcome::SeriesUpdated => Text::new("Gruppen är ändrad.", "The group is changed."),
        Outcome::MembersAdded(n) => Text::new(
            format!(
                "{n} {} tillagda.",
                if *n == 1 { "familj" } else { "familjer" }
            ),
            format!("{n} {} added.", if *n == 1 { "family" } else { "families" }),
        ),
        Outcome::MemberRemoved => Text::new(
            "Familjen har lämnat gruppen; dess närvaro finns kvar.",
            "The family has left the group; its attendance is kept.",
        ),
        Outcome::SessionHeld => Text::new("Träffen är genomförd.", "The session is held."),
        Outcome::SessionCancelled => Text::new("Träffen är inställd.", "The session is cancelled."),
        Outcome::SessionReinstated => Text::new(
            "Träffen är inte längre inställd; den är planerad igen.",
            "The session is no longer cancelled; it is planned again.",
        ),
        Outcome::DropinsSet(n) => Text::new(format!("Drop-in: {n}."), format!("Drop-ins: {n}.")),
        _ => Text::new("Sparat.", "Saved."),
    }
}

pub fn refusal(r: &GroupRefusal) -> Text {
    match r {
        GroupRefusal::GroupGone => {
            Text::new("Gruppen finns inte längre.", "The group no longer exists.")
        }
        GroupRefusal::SessionGone => Text::new(
            "Träffen finns inte längre.",
            "The session no longer exists.",
        ),
        GroupRefusal::NameTaken(name) => Text::new(
            format!("Det finns redan en grupp som heter \"{name}\"; välj ett annat namn."),
            format!("A group named \"{name}\" already exists; choose another name."),
        ),
        GroupRefusal::NoLeader => Text::new(
            "Ange minst en ledare (namn eller id ur Personal).",
            "Name at least one leader (a name or an id from Staff).",
        ),
        GroupRefusal::TooFewDates { wanted, found } => Text::new(
            format!(
                "Bara {found} av {wanted} veckor är lediga för ledarna; välj en veckodag de arbetar."
            ),
            format!(
                "Only {found} of {wanted} weeks are free for the leaders; choose a weekday they work."
            ),
        ),
        GroupRefusal::Conflict(at, c) => {
            let c = conflict(c);
            let at = when(*at);
            Text::new(
                format!("Inte sparat: träffen {at}: {}", c.sv),
                format!("Not saved: the session {at}: {}", c.en),
            )
        }
        GroupRefusal::Full { capacity } => Text::new(
            format!("Gruppen tar {capacity} familjer; välj färre eller höj antalet platser."),
            format!("The group takes {capacity} families; choose fewer or raise its capacity."),
        ),
        GroupRefusal::Cancelled => Text::new(
            "Träffen är inställd och har ingen närvaro.",
            "The session is cancelled and has no attendance.",
        ),
        GroupRefusal::NotYet(start) => {
            let at = when(*start);
            Text::new(
                format!("Träffen är {at}; närvaro tas samma dag eller senare."),
                format!("The session is at {at}; attendance is taken on the day or later."),
            )
        }
        GroupRefusal::HasMarks => Text::new(
            "Träffen har närvaro antecknad; en inställd träff har ingen. Den är inte inställd.",
            "The session has attendance marked; a cancelled one has none. It is not cancelled.",
        ),
        GroupRefusal::NotMember => Text::new(
            "Familjen är inte med i gruppen.",
            "The family is not in the group.",
        ),
        GroupRefusal::ReasonMissing => Text::new(
            "Skriv varför träffen ställs in.",
            "Say why the session is cancelled.",
        ),
        GroupRefusal::NoArea => Text::new(
            "Välj seriens område: rapporten räknar grupperna per område.",
            "Choose the series' area: the report counts groups by area.",
        ),
    }
}
