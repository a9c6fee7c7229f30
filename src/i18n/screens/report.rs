//! Rapport / Report: its parts, the figures' categories and places, the kinds of missing
//! record, the lines about exports, and what opening a missing record says.

use crate::domain::report::{Category, MissingKind, Value};
use crate::i18n::{Lang, Text, Words};

pub const QUARTER: Words = Words::new("Kvartal", "Quarter");
pub const YEAR: Words = Words::new("År", "Year");
pub const PRELIMINARY: Words = Words::new(
    "preliminär: kvartalet har inte slutat",
    "preliminary: the quarter has not ended",
);
pub const FINAL: Words = Words::new("slutligt", "final");
/// The screen's parts, in the order of `app::report::Section::ALL`.
pub const SECTIONS: [Words; 4] = [
    Words::new("Tabeller", "Tables"),
    Words::new("Diagram och trend", "Chart and trend"),
    Words::new("Saknas", "Missing"),
    Words::new("Exporter", "Exports"),
];
/// The tables' breakdowns, in the order of `app::report::Breakdown::ALL`.
pub const BREAKDOWNS: [Words; 5] = [
    Words::new("kommun", "municipality"),
    Words::new("område", "area"),
    Words::new("BVC", "clinic"),
    Words::new("program", "programme"),
    Words::new("grund", "eligibility"),
];
pub const COMPUTING: Words = Words::new("Räknar …", "Computing …");
pub const NO_FIGURES: Words = Words::new("Inga siffror ännu.", "No figures yet.");
pub const CHART_TITLE: Words = Words::new(
    "Genomförda besök efter besöksnummer",
    "Visits done by visit number",
);
pub const TREND_TITLE: Words = Words::new("Trend, kommunen, %", "Trend, municipality, %");
/// A part of the list or the trend not read yet.
pub const NOT_YET: Words = Words::new("…", "…");
pub const MISSING_TITLE: Words = Words::new(
    "Det som gör kvartalets siffror ofullständiga",
    "What makes the quarter's figures incomplete",
);
pub const NOTHING_MISSING: Words = Words::new(
    "Inget saknas: kvartalets siffror är kompletta.",
    "Nothing is missing: the quarter's figures are complete.",
);
pub const EXPORTS_TITLE: Words = Words::new(
    "Tidigare exporter av kvartalet",
    "Earlier exports of the quarter",
);
/// Before the path of the file just written.
pub const WROTE: Words = Words::new("Skrev", "Wrote");
pub const UNKNOWN_PATH: Words = Words::new("(okänd plats)", "(unknown place)");
pub const NOT_RECORDED: Words = Words::new("(ej angivet)", "(not recorded)");

// The keys the screen names in its own lines, each given by the keymap.

/// The key under the tables, true figures shown: what the mark means, and the key (`sent`)
/// that shows the figures as the file sends them.
pub fn hidden_key(sent: &str) -> Text {
    Text::new(
        format!("* döljs i filen (..), – inget att redovisa · {sent}: som filen skickar den"),
        format!("* hidden in the file (..), – nothing to report · {sent}: as the file sends it"),
    )
}

/// The key under the tables, figures shown as sent.
pub fn sent_key(sent: &str) -> Text {
    Text::new(
        format!("som filen skickar den: .. dolt, – inget att redovisa · {sent}: de sanna talen"),
        format!("as the file sends it: .. hidden, – nothing to report · {sent}: the true figures"),
    )
}

pub fn quarter_keys(prev: &str, next: &str) -> Text {
    Text::new(
        format!("{prev} {next} byter kvartal"),
        format!("{prev} {next} changes quarter"),
    )
}

pub fn period_keys(toggle: &str) -> Text {
    Text::new(
        format!("{toggle} år/kvartal"),
        format!("{toggle} year/quarter"),
    )
}

pub fn export_key(export: &str) -> Text {
    Text::new(format!("{export} exporterar"), format!("{export} exports"))
}

pub fn breakdown_key(next: &str) -> Text {
    Text::new(
        format!("{next} byter indelning"),
        format!("{next} changes breakdown"),
    )
}

pub fn missing_hint(open: &str) -> Text {
    Text::new(
        format!("{open} rättar markerad post"),
        format!("{open} fixes the marked record"),
    )
}

pub fn no_exports(export: &str) -> Text {
    Text::new(
        format!("Kvartalet har inte exporterats än. {export} exporterar."),
        format!("The quarter has not been exported yet. {export} exports."),
    )
}

/// The report file just written, as the footer says it.
pub fn wrote(path: &str) -> Text {
    Text::new(
        format!("{} {path}", WROTE.sv),
        format!("{} {path}", WROTE.en),
    )
}

/// Opening a family that lacks its eligibility: it is set in the edit form (`edit`); `back`
/// returns to the report.
pub fn set_eligibility(edit: &str, back: &str) -> Text {
    Text::new(
        format!("Ange grund med {edit} (ändra); {back} tar dig tillbaka till rapporten."),
        format!("Set the eligibility with {edit} (edit); {back} takes you back to the report."),
    )
}

/// Opening a family that lacks the day of its status: a status's day is set by the status keys
/// (`exit` asks for the day; the others record today), not by a form.
pub fn status_date_missing(exit: &str, [active, paused, declined]: [&str; 3], back: &str) -> Text {
    Text::new(
        format!(
            "Statusens datum saknas: {exit} (avsluta) tar dagen familjen slutade; {active}, {paused} och {declined} sparar dagens datum. {back} tar dig tillbaka."
        ),
        format!(
            "The status's date is missing: {exit} (exit) takes the day the family left; {active}, {paused} and {declined} record today's date. {back} takes you back."
        ),
    )
}

/// A category as the tables name it: the same words as the exported files.
pub fn category(c: Category) -> Text {
    Text::new(
        crate::i18n::report::category(c, Lang::Sv),
        crate::i18n::report::category(c, Lang::En),
    )
}

/// A published value: a count, or a percent with one decimal (a comma in Swedish).
pub fn value(v: Value, lang: Lang) -> String {
    match v {
        Value::Count(n) => n.to_string(),
        Value::Percent { tenths } => {
            let sep = if lang == Lang::Sv { ',' } else { '.' };
            format!("{}{sep}{} %", tenths / 10, tenths % 10)
        }
        Value::PercentAtLeast { tenths } => {
            let sep = if lang == Lang::Sv { ',' } else { '.' };
            format!("≥{}{sep}{} %", tenths / 10, tenths % 10)
        }
    }
}

/// A percent without its sign, for the trend's narrow columns.
pub fn bare_value(v: Value, lang: Lang) -> String {
    value(v, lang).trim_end_matches(" %").to_string()
}

/// A kind of missing record: in the summary, and as the short mark of a list row.
pub fn missing_kind(kind: MissingKind) -> (Words, Words) {
    match kind {
        MissingKind::VisitOutcome => (
            Words::new(
                "Passerade besök utan utfall",
                "Past visits without an outcome",
            ),
            Words::new("utfall", "outcome"),
        ),
        MissingKind::VisitAttendees => (
            Words::new(
                "Genomförda besök utan vem som kom",
                "Done visits without who attended",
            ),
            Words::new("vem kom", "attended"),
        ),
        MissingKind::SessionAttendance => (
            Words::new(
                "Genomförda träffar utan närvaro",
                "Held sessions without attendance",
            ),
            Words::new("närvaro", "roll call"),
        ),
        MissingKind::SessionOutcome => (
            Words::new(
                "Passerade träffar som fortfarande är planerade",
                "Past sessions still planned",
            ),
            Words::new("träff", "session"),
        ),
        MissingKind::FamilyFacts => (
            Words::new(
                "Familjer utan grund eller datum",
                "Families without eligibility or dates",
            ),
            Words::new("familj", "family"),
        ),
    }
}

/// What a family lacks, in words.
pub fn family_lacks(eligibility: bool, date: bool) -> Words {
    match (eligibility, date) {
        (true, true) => Words::new("grund och datum", "eligibility and dates"),
        (true, false) => Words::new("grund", "eligibility"),
        _ => Words::new("datum för status", "dates of its status"),
    }
}
