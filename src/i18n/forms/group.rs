//! The parent-group forms: a new or edited series (and the dates it will have), cancelling a
//! session, a family leaving.

use crate::i18n::{Lang, Text, Words, screens};

pub const NEW_GROUP: Words = Words::new("Ny föräldragrupp", "New parent group");
pub const METHOD_HINT: Words = Words::new(
    "t.ex. BVC-föräldragrupp, ICDP",
    "e.g. BVC parent group, ICDP",
);
pub const LANGUAGE: Words = Words::new("Språk", "Language");
pub const LEADERS_HINT: Words = Words::new(
    "namn eller id ur Personal, med komma emellan",
    "names or ids from Staff, separated by commas",
);
pub const CAPACITY: Words = Words::new("Platser (familjer)", "Capacity (families)");
pub const FIRST_SESSION: Words = Words::new("Första träffen", "First session");
pub const FIRST_SESSION_HINT: Words = Words::new(
    "ÅÅÅÅ-MM-DD TT:MM; veckodag och tid för alla träffar",
    "YYYY-MM-DD HH:MM; the weekday and time of every session",
);
pub const SESSION_COUNT: Words = Words::new("Antal träffar", "Sessions");
pub const LENGTH: Words = Words::new("Längd (minuter)", "Length (minutes)");
pub const BORN_FROM: Words = Words::new("Barn födda från", "Children born from");
pub const BORN_TO: Words = Words::new("Barn födda till", "Children born until");

pub const START_FORMAT: Words = Words::new(
    "skriv datum och tid som 2026-12-17 10:00",
    "write the date and time as 2026-12-17 10:00",
);
pub const ON_OR_AFTER_FROM: Words = Words::new(
    "ska vara samma dag eller efter \"från\"",
    "must be on or after \"from\"",
);

pub fn number_from_one(max: u32) -> Text {
    Text::new(
        format!("skriv ett tal från 1 till {max}"),
        format!("write a number from 1 to {max}"),
    )
}

/// A leader typed that no one in Staff is called.
pub fn no_one_called(part: &str) -> Text {
    Text::new(
        format!("ingen i Personal heter \"{part}\""),
        format!("no one in Staff is called \"{part}\""),
    )
}

/// A leader typed that fits several people: the first few of them.
pub fn fits_several(part: &str, names: &[&str]) -> Text {
    let names = names.join(", ");
    Text::new(
        format!("\"{part}\" passar flera ({names}); skriv mer"),
        format!("\"{part}\" fits several ({names}); type more"),
    )
}

/// When the leaders cannot meet weekly on the first session's weekday.
pub fn too_few_weeks(found: usize, count: u32) -> Text {
    Text::new(
        format!("bara {found} av {count} veckor går; välj en veckodag alla ledare arbetar"),
        format!("only {found} of {count} weeks work; choose a weekday every leader works"),
    )
}

/// The dates a new series will have (`dates`, written short), on `weekday` at `time`, and the
/// weeks it skips, each with why.
pub fn series_preview(
    weekday: chrono::Weekday,
    time: &str,
    dates: &[String],
    skipped: &[(String, Text)],
) -> Text {
    let line = |lang: Lang, sessions: &str, skips: &str| {
        let mut line = format!(
            "{} {sessions}, {} {time}: {}",
            dates.len(),
            screens::weekday(weekday).get(lang),
            dates.join(" ")
        );
        if !skipped.is_empty() {
            let why: Vec<String> = skipped
                .iter()
                .map(|(day, why)| format!("{day} {}", why.get(lang)))
                .collect();
            line = format!("{line} · {skips} {}", why.join(", "));
        }
        line
    };
    Text::new(
        line(Lang::Sv, "träffar", "hoppar över"),
        line(Lang::En, "sessions", "skips"),
    )
}

pub fn cancel_session_title(at: &str) -> Text {
    Text::new(
        format!("Ställ in träffen {at}"),
        format!("Cancel the session {at}"),
    )
}

pub const CANCEL_HINT: Words = Words::new("t.ex. ledaren sjuk", "e.g. the leader is ill");

pub fn leaving_title(group: &str) -> Text {
    Text::new(
        format!("Familj som slutar i {group}"),
        format!("A family leaving {group}"),
    )
}

pub const LEAVING_HINT: Words = Words::new(
    "←/→ väljer; närvaron hittills finns kvar",
    "←/→ chooses; the attendance so far is kept",
);
pub const SERIES_AREA_HINT: Words = Words::new(
    "←/→ väljer bland områdena; följer platsen eller ledarnas vanliga område tills du väljer",
    "←/→ chooses among the areas; follows the place or the leaders' usual area until you choose",
);
