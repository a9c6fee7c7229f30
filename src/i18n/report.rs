//! The report's words: a bad quarter or year, the preliminary note, the CSV header, the
//! breakdowns, statuses and notes, in Swedish and English. The indicators' own names live in their table
//! (`domain::report::INDICATORS`), once.

use super::{Lang, labels};
use crate::domain::enums::Eligibility;
use crate::domain::period::{Period, YearError};
use crate::domain::quarter::QuarterError;
use crate::domain::report::{
    Breakdown, Category, Cell, MissingKind, Place, Report, Status, Suppression, Unit,
    WithheldReason,
};

/// The CSV's header row.
pub fn csv_header(lang: Lang) -> [&'static str; 13] {
    match lang {
        Lang::Sv => [
            "Period",
            "Preliminär",
            "Revision",
            "Indikator",
            "Namn",
            "Indelning",
            "Enhet",
            "Kategori",
            "Kategorinamn",
            "Mått",
            "Värde",
            "Status",
            "Anmärkning",
        ],
        Lang::En => [
            "Period",
            "Preliminary",
            "Revision",
            "Indicator",
            "Name",
            "Breakdown",
            "Unit",
            "Category",
            "Category name",
            "Measure",
            "Value",
            "Status",
            "Note",
        ],
    }
}

pub fn yes_no(yes: bool, lang: Lang) -> &'static str {
    match (yes, lang) {
        (true, Lang::Sv) => "ja",
        (false, Lang::Sv) => "nej",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

/// A value's status in words.
pub fn status(status: Status, lang: Lang) -> &'static str {
    match (status, lang) {
        (Status::Published, Lang::Sv) => "redovisad",
        (Status::Published, Lang::En) => "published",
        (Status::Hidden, Lang::Sv) => "dold",
        (Status::Hidden, Lang::En) => "hidden",
        (Status::Empty, Lang::Sv) => "inget att redovisa",
        (Status::Empty, Lang::En) => "nothing to report",
    }
}

/// An eligibility (its stored spelling) in words.
pub fn eligibility(key: &str, lang: Lang) -> String {
    key.parse::<Eligibility>().map_or_else(
        |_| key.to_string(),
        |e| labels::eligibility(e).get(lang).to_string(),
    )
}

/// Why a breakdown is not published for an indicator, in words.
pub fn withheld(reason: WithheldReason, breakdown: Breakdown, lang: Lang) -> String {
    let by = breakdown_name(breakdown, lang);
    match (reason, lang) {
        (WithheldReason::MostHidden, Lang::Sv) => format!(
            "redovisas inte per {by}: de flesta av cellerna skulle ha dolts; kommunens rad gäller"
        ),
        (WithheldReason::MostHidden, Lang::En) => format!(
            "not broken down by {by}: most of its cells would have been hidden; the municipality's row stands"
        ),
        (WithheldReason::FewFamilies, Lang::Sv) => format!(
            "redovisas inte per {by}: någon enhet har färre än k familjer under perioden; kommunens rad gäller"
        ),
        (WithheldReason::FewFamilies, Lang::En) => format!(
            "not broken down by {by}: a unit has fewer than k families in the period; the municipality's row stands"
        ),
        (WithheldReason::Unprotectable, Lang::Sv) => format!(
            "redovisas inte per {by}: ett dolt tal hade kunnat räknas ut ur de andra hur många som än doldes"
        ),
        (WithheldReason::Unprotectable, Lang::En) => format!(
            "not published by {by}: a hidden figure could be worked out from the others however many were hidden"
        ),
    }
}

/// The note beside a value: why a breakdown is withheld, or that a share is top-coded.
pub fn note(report: &Report, cell: &Cell, lang: Lang) -> String {
    if cell.suppressed == Some(Suppression::Withheld) {
        let breakdown = cell.place.breakdown();
        if let Some(w) = report
            .withheld
            .iter()
            .find(|w| w.indicator == cell.indicator && w.breakdown == breakdown)
        {
            return withheld(w.reason, breakdown, lang);
        }
    }
    if cell.top_coded && cell.published().is_some() {
        return match lang {
            Lang::Sv => "minst 95 %; exakt andel redovisas inte när få besök föll bort".into(),
            Lang::En => {
                "at least 95 %; the exact share is not given when few visits fell short".into()
            }
        };
    }
    String::new()
}

/// The period as a heading says it, with the warning when it has not ended.
pub fn period_label(period: Period, preliminary: bool, lang: Lang) -> String {
    let kind = match (period, lang) {
        (Period::Quarter(_), Lang::Sv) => "kvartal",
        (Period::Quarter(_), Lang::En) => "quarter",
        (Period::Year(_), Lang::Sv) => "år",
        (Period::Year(_), Lang::En) => "year",
    };
    match (preliminary, lang) {
        (false, _) => format!("{period} ({kind})"),
        (true, Lang::Sv) => format!("{period} ({kind}, preliminär)"),
        (true, Lang::En) => format!("{period} ({kind}, preliminary)"),
    }
}

/// A category as a reader of the report calls it (the stable key stays beside it in the files).
pub fn category(category: Category, lang: Lang) -> String {
    let text = |sv: &str, en: &str| match lang {
        Lang::Sv => sv.to_string(),
        Lang::En => en.to_string(),
    };
    match category {
        Category::Enrolled => text("tackat ja", "enrolled"),
        Category::Declined => text("tackat nej", "declined"),
        Category::Undecided => text("ej beslutat", "undecided"),
        Category::Exit(reason) => labels::exit_reason(reason).get(lang).to_string(),
        Category::Visit(n) => match lang {
            Lang::Sv => format!("besök {n}"),
            Lang::En => format!("visit {n}"),
        },
        Category::Extra => text("extra besök", "extra visits"),
        Category::Referral(kind) => labels::referral(kind).get(lang).to_string(),
        Category::Present(who) => labels::family_present(who).get(lang).to_string(),
        Category::PresentNotRecorded => text("ej angivet", "not recorded"),
        Category::All => text("alla besök", "all visits"),
        Category::AtLeast4 => text("minst 4 men inte alla", "at least 4 but not all"),
        Category::FewerThan4 => text("färre än 4", "fewer than 4"),
        Category::Numerator => text("täljare", "numerator"),
        Category::Denominator => text("nämnare", "denominator"),
    }
}

/// A breakdown's name.
pub fn breakdown(place: &Place, lang: Lang) -> &'static str {
    breakdown_name(place.breakdown(), lang)
}

pub fn breakdown_name(b: Breakdown, lang: Lang) -> &'static str {
    match (b, lang) {
        (Breakdown::Municipality, Lang::Sv) => "kommun",
        (Breakdown::Municipality, Lang::En) => "municipality",
        (Breakdown::Area, Lang::Sv) => "område",
        (Breakdown::Area, Lang::En) => "area",
        (Breakdown::Clinic, Lang::Sv) => "BVC",
        (Breakdown::Clinic, Lang::En) => "clinic",
        (Breakdown::Programme, Lang::Sv) => "program",
        (Breakdown::Programme, Lang::En) => "programme",
        (Breakdown::Eligibility, Lang::Sv) => "grund",
        (Breakdown::Eligibility, Lang::En) => "eligibility",
    }
}

/// The XLSX sheet of a breakdown.
pub fn sheet_name(b: Breakdown, lang: Lang) -> &'static str {
    match (b, lang) {
        (Breakdown::Municipality, Lang::Sv) => "Kommun",
        (Breakdown::Municipality, Lang::En) => "Municipality",
        (Breakdown::Area, Lang::Sv) => "Område",
        (Breakdown::Area, Lang::En) => "Area",
        (Breakdown::Clinic, Lang::Sv) => "BVC",
        (Breakdown::Clinic, Lang::En) => "Clinic",
        (Breakdown::Programme, Lang::Sv) => "Program",
        (Breakdown::Programme, Lang::En) => "Programme",
        (Breakdown::Eligibility, Lang::Sv) => "Grund",
        (Breakdown::Eligibility, Lang::En) => "Eligibility",
    }
}

pub fn definitions_sheet(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Definitioner",
        Lang::En => "Definitions",
    }
}

/// The labels of the about rows of the definitions sheet, in order: period, municipality,
/// kommunkod, preliminary, revision, earlier files, threshold, hidden marker, empty marker,
/// top code, audit head.
pub fn about_rows(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Sv => [
            "Period",
            "Kommun",
            "Kommunkod",
            "Preliminär",
            "Revision",
            "Tidigare filer (revision: SHA-256)",
            "Minsta redovisade antal (k)",
            "Dolt värde",
            "Inget att redovisa",
            "Andelar av besök",
            "Granskningsloggens kedjehuvud",
        ],
        Lang::En => [
            "Period",
            "Municipality",
            "Municipality code",
            "Preliminary",
            "Revision",
            "Earlier files (revision: SHA-256)",
            "Smallest published count (k)",
            "Hidden value",
            "Nothing to report",
            "Shares of visits",
            "Audit log chain head",
        ],
    }
}

/// What the top code means, for the definitions sheet.
pub fn top_code_rule(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "minst 95 % visas som ≥95,0 när färre än k besök föll bort (från 20 besök)",
        Lang::En => {
            "95 % or more is shown as ≥95.0 when fewer than k visits fell short (from 20 visits)"
        }
    }
}

/// The heading of the completeness rows and of the withheld rows.
pub fn completeness_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Det som saknas i periodens uppgifter",
        Lang::En => "What the period's records lack",
    }
}

pub fn withheld_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Indelningar som inte redovisas",
        Lang::En => "Breakdowns not published",
    }
}

/// A kind of missing record, as the file names it.
pub fn missing(kind: MissingKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (MissingKind::VisitOutcome, Lang::Sv) => "passerade besök utan utfall",
        (MissingKind::VisitOutcome, Lang::En) => "past visits without an outcome",
        (MissingKind::VisitAttendees, Lang::Sv) => "genomförda besök utan vem som kom",
        (MissingKind::VisitAttendees, Lang::En) => "done visits without who attended",
        (MissingKind::SessionAttendance, Lang::Sv) => "hållna träffar utan närvaro",
        (MissingKind::SessionAttendance, Lang::En) => "held sessions without attendance",
        (MissingKind::SessionOutcome, Lang::Sv) => "passerade träffar som fortfarande är planerade",
        (MissingKind::SessionOutcome, Lang::En) => "past sessions still planned",
        (MissingKind::FamilyFacts, Lang::Sv) => "familjer utan grund eller datum",
        (MissingKind::FamilyFacts, Lang::En) => "families without eligibility or dates",
    }
}

/// The columns of the definitions table: wholly in the reader's language.
pub fn definition_columns(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Sv => ["Indikator", "Namn", "Definition", "Mått", "Kategorier"],
        Lang::En => ["Indicator", "Name", "Definition", "Measure", "Categories"],
    }
}

pub fn unit(unit: Unit, lang: Lang) -> &'static str {
    match (unit, lang) {
        (Unit::Count, Lang::Sv) => "antal",
        (Unit::Count, Lang::En) => "count",
        (Unit::Percent, Lang::Sv) => "procent",
        (Unit::Percent, Lang::En) => "percent",
    }
}

/// What is wrong with `text`, typed as a quarter.
pub fn quarter_error(e: QuarterError, text: &str, lang: Lang) -> String {
    let text = text.trim();
    match (e, lang) {
        (QuarterError::Shape, Lang::En) => {
            format!("\"{text}\" is not a quarter; write the year and the quarter, e.g. 2026Q3")
        }
        (QuarterError::Shape, Lang::Sv) => {
            format!("\"{text}\" är inget kvartal; skriv året och kvartalet, t.ex. 2026Q3")
        }
        (QuarterError::NoSuchQuarter { year, number }, Lang::En) => {
            format!("\"{text}\": a year has quarters 1 to 4, not {number}; e.g. {year:04}Q4")
        }
        (QuarterError::NoSuchQuarter { year, number }, Lang::Sv) => {
            format!("\"{text}\": ett år har kvartal 1 till 4, inte {number}; t.ex. {year:04}Q4")
        }
    }
}

/// What is wrong with `text`, typed as a year.
pub fn year_error(_: YearError, text: &str, lang: Lang) -> String {
    let text = text.trim();
    match lang {
        Lang::En => format!("\"{text}\" is not a year; write four digits, e.g. 2025"),
        Lang::Sv => format!("\"{text}\" är inget år; skriv fyra siffror, t.ex. 2025"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quarter::Quarter;

    #[test]
    fn bad_quarters_say_how_to_write_one() {
        let e = Quarter::parse("26Q1").unwrap_err();
        assert_eq!(
            quarter_error(e, "26Q1", Lang::En),
            "\"26Q1\" is not a quarter; write the year and the quarter, e.g. 2026Q3"
        );
        assert!(quarter_error(e, "26Q1", Lang::Sv).contains("inget kvartal"));
        let e = Quarter::parse("2026Q5").unwrap_err();
        assert_eq!(
            quarter_error(e, "2026Q5", Lang::En),
            "\"2026Q5\": a year has quarters 1 to 4, not 5; e.g. 2026Q4"
        );
        assert_eq!(
            quarter_error(e, "2026Q5", Lang::Sv),
            "\"2026Q5\": ett år har kvartal 1 till 4, inte 5; t.ex. 2026Q4"
        );
    }
}
