//! The Report screen's words in Swedish and English: its parts, the figures' categories and
//! places, the kinds of missing record, and the lines about exports.

use super::{Lang, Text};
use crate::domain::report::{Category, MissingKind, Value};

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

/// The words of the screen, in one language.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub quarter: &'static str,
    pub preliminary: &'static str,
    pub final_: &'static str,
    pub sections: [&'static str; 4],
    pub breakdowns: [&'static str; 5],
    /// The key under the tables: what the mark means, and the key that shows the file.
    pub hidden_key: &'static str,
    pub sent_key: &'static str,
    pub year: &'static str,
    pub period_keys: &'static str,
    pub computing: &'static str,
    pub no_figures: &'static str,
    pub indicator: &'static str,
    pub place: &'static str,
    pub value: &'static str,
    pub chart_title: &'static str,
    pub trend_title: &'static str,
    pub not_yet: &'static str,
    pub missing_title: &'static str,
    pub nothing_missing: &'static str,
    pub missing_hint: &'static str,
    pub exports_title: &'static str,
    pub no_exports: &'static str,
    pub wrote: &'static str,
    pub unknown_path: &'static str,
    pub not_recorded: &'static str,
    pub quarter_keys: &'static str,
    pub breakdown_key: &'static str,
    pub export_key: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

static SV: Words = Words {
    quarter: "Kvartal",
    preliminary: "preliminär: kvartalet har inte slutat",
    final_: "slutligt",
    sections: ["Tabeller", "Diagram och trend", "Saknas", "Exporter"],
    breakdowns: ["kommun", "område", "BVC", "program", "grund"],
    hidden_key: "* döljs i filen (..), – inget att redovisa · s visar som filen skickar den",
    sent_key: "som filen skickar den: .. dolt, – inget att redovisa · s visar de sanna talen",
    year: "År",
    period_keys: "y år/kvartal",
    computing: "Räknar …",
    no_figures: "Inga siffror ännu.",
    indicator: "Indikator",
    place: "Enhet",
    value: "Värde",
    chart_title: "Genomförda besök efter besöksnummer",
    trend_title: "Trend, kommunen, %",
    not_yet: "…",
    missing_title: "Det som gör kvartalets siffror ofullständiga",
    nothing_missing: "Inget saknas: kvartalets siffror är kompletta.",
    missing_hint: "Enter rättar markerad post",
    exports_title: "Tidigare exporter av kvartalet",
    no_exports: "Kvartalet har inte exporterats än. x exporterar.",
    wrote: "Skrev",
    unknown_path: "(okänd plats)",
    not_recorded: "(ej angivet)",
    quarter_keys: "[ ] byter kvartal",
    breakdown_key: "b byter indelning",
    export_key: "x exporterar",
};

static EN: Words = Words {
    quarter: "Quarter",
    preliminary: "preliminary: the quarter has not ended",
    final_: "final",
    sections: ["Tables", "Chart and trend", "Missing", "Exports"],
    breakdowns: ["municipality", "area", "clinic", "programme", "eligibility"],
    hidden_key: "* hidden in the file (..), – nothing to report · s shows it as the file sends it",
    sent_key: "as the file sends it: .. hidden, – nothing to report · s shows the true figures",
    year: "Year",
    period_keys: "y year/quarter",
    computing: "Computing …",
    no_figures: "No figures yet.",
    indicator: "Indicator",
    place: "Unit",
    value: "Value",
    chart_title: "Visits done by visit number",
    trend_title: "Trend, municipality, %",
    not_yet: "…",
    missing_title: "What makes the quarter's figures incomplete",
    nothing_missing: "Nothing is missing: the quarter's figures are complete.",
    missing_hint: "Enter fixes the marked record",
    exports_title: "Earlier exports of the quarter",
    no_exports: "The quarter has not been exported yet. x exports.",
    wrote: "Wrote",
    unknown_path: "(unknown place)",
    not_recorded: "(not recorded)",
    quarter_keys: "[ ] changes quarter",
    breakdown_key: "b changes breakdown",
    export_key: "x exports",
};

/// A category as the tables name it: the same words as the exported files.
pub fn category(c: Category) -> Text {
    Text::new(
        super::report::category(c, Lang::Sv),
        super::report::category(c, Lang::En),
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
pub fn missing_kind(kind: MissingKind) -> (Text, Text) {
    match kind {
        MissingKind::VisitOutcome => (
            t(
                "Passerade besök utan utfall",
                "Past visits without an outcome",
            ),
            t("utfall", "outcome"),
        ),
        MissingKind::VisitAttendees => (
            t(
                "Genomförda besök utan vem som kom",
                "Done visits without who attended",
            ),
            t("vem kom", "attended"),
        ),
        MissingKind::SessionAttendance => (
            t(
                "Genomförda träffar utan närvaro",
                "Held sessions without attendance",
            ),
            t("närvaro", "roll call"),
        ),
        MissingKind::SessionOutcome => (
            t(
                "Passerade träffar som fortfarande är planerade",
                "Past sessions still planned",
            ),
            t("träff", "session"),
        ),
        MissingKind::FamilyFacts => (
            t(
                "Familjer utan grund eller datum",
                "Families without eligibility or dates",
            ),
            t("familj", "family"),
        ),
    }
}

/// What a family lacks, in words.
pub fn family_lacks(eligibility: bool, date: bool) -> Text {
    match (eligibility, date) {
        (true, true) => t("grund och datum", "eligibility and dates"),
        (true, false) => t("grund", "eligibility"),
        _ => t("datum för status", "dates of its status"),
    }
}
