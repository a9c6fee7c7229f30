//! The quarterly report's words: a bad quarter, the preliminary note, the CSV header and the
//! breakdowns, in Swedish and English. The indicators' own names live in their table
//! (`domain::report::INDICATORS`), once.

use super::{Lang, labels};
use crate::domain::quarter::{Quarter, QuarterError};
use crate::domain::report::{Category, Place, Unit};

/// The CSV's header row.
pub fn csv_header(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Sv => [
            "Kvartal",
            "Indikator",
            "Namn",
            "Indelning",
            "Enhet (kommun, område, BVC)",
            "Kategori",
            "Kategorinamn",
            "Mått",
            "Värde",
        ],
        Lang::En => [
            "Quarter",
            "Indicator",
            "Name",
            "Breakdown",
            "Unit (municipality, area, clinic)",
            "Category",
            "Category name",
            "Measure",
            "Value",
        ],
    }
}

/// The quarter as a row says it, with the warning when it has not ended.
pub fn quarter_label(quarter: Quarter, preliminary: bool, lang: Lang) -> String {
    match (preliminary, lang) {
        (false, _) => quarter.to_string(),
        (true, Lang::Sv) => format!("{quarter} (preliminär)"),
        (true, Lang::En) => format!("{quarter} (preliminary)"),
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
        Category::All => text("alla besök", "all visits"),
        Category::AtLeast4 => text("minst 4 men inte alla", "at least 4 but not all"),
        Category::FewerThan4 => text("färre än 4", "fewer than 4"),
    }
}

/// A breakdown's name.
pub fn breakdown(place: &Place, lang: Lang) -> &'static str {
    match (place, lang) {
        (Place::Municipality, Lang::Sv) => "kommun",
        (Place::Municipality, Lang::En) => "municipality",
        (Place::Area(_), Lang::Sv) => "område",
        (Place::Area(_), Lang::En) => "area",
        (Place::Clinic(_), Lang::Sv) => "BVC",
        (Place::Clinic(_), Lang::En) => "clinic",
    }
}

/// The XLSX sheet of a breakdown.
pub fn sheet_name(place: &Place, lang: Lang) -> &'static str {
    match (place, lang) {
        (Place::Municipality, Lang::Sv) => "Kommun",
        (Place::Municipality, Lang::En) => "Municipality",
        (Place::Area(_), Lang::Sv) => "Område",
        (Place::Area(_), Lang::En) => "Area",
        (Place::Clinic(_), Lang::Sv) => "BVC",
        (Place::Clinic(_), Lang::En) => "Clinic",
    }
}

pub fn definitions_sheet(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "Definitioner",
        Lang::En => "Definitions",
    }
}

/// The labels above the definitions: quarter, municipality, threshold, marker, audit head.
pub fn about_rows(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Sv => [
            "Kvartal",
            "Kommun",
            "Minsta redovisade antal (k)",
            "Markering för dolt värde",
            "Granskningsloggens kedjehuvud",
        ],
        Lang::En => [
            "Quarter",
            "Municipality",
            "Smallest published count (k)",
            "Marker for a suppressed value",
            "Audit log chain head",
        ],
    }
}

pub fn definition_columns(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Sv => [
            "Indikator",
            "Namn (svenska)",
            "Namn (engelska)",
            "Definition (svenska)",
            "Definition (engelska)",
            "Mått",
            "Kategorier",
        ],
        Lang::En => [
            "Indicator",
            "Name (Swedish)",
            "Name (English)",
            "Definition (Swedish)",
            "Definition (English)",
            "Measure",
            "Categories",
        ],
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
