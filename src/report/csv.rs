//! The CSV file for Swedish Excel: `;`, UTF-8 with a BOM, CRLF, decimal comma, SCB's markers
//! (`..` hidden, `–` nothing to report), the header and the words in the interface language.

use super::{Header, measure, shown, unit_name};
use crate::domain::report::Report;
use crate::i18n::{Lang, report as words};

/// A text field, quoted when it holds the separator, a quote or a line break. A text that a
/// spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or CR first) gets a leading
/// `'`, so that a name from an imported file is shown, never run.
fn field(s: &str) -> String {
    // A name stored by an older version may hold control or invisible characters: the file
    // for the region gets none.
    let s = &*crate::domain::text::clean(s);
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([';', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The whole file as bytes: BOM, header row, one row per cell, each line ending in CRLF. The
/// period and whether it is preliminary are columns of their own; a hidden value is `..`,
/// nothing to report `–`, a top-coded share `≥95,0`.
pub fn render(report: &Report, header: &Header, lang: Lang) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    let period = report.period.to_string();
    let preliminary = words::yes_no(header.preliminary, lang);
    let revision = header.revision.to_string();
    out.push_str(&words::csv_header(lang).join(";"));
    out.push_str("\r\n");
    for cell in &report.cells {
        let info = cell.indicator.info();
        let name = match lang {
            Lang::Sv => info.name_sv,
            Lang::En => info.name_en,
        };
        let category = cell.category.map(|c| c.key()).unwrap_or_default();
        let category_name = cell
            .category
            .map(|c| words::category(c, lang))
            .unwrap_or_default();
        let unit = match &cell.place {
            crate::domain::report::Place::Eligibility(Some(e)) => words::eligibility(e, lang),
            _ => unit_name(cell, header).unwrap_or_default().to_string(),
        };
        let row = [
            field(&period),
            field(preliminary),
            field(&revision),
            field(info.key),
            field(name),
            field(words::breakdown(&cell.place, lang)),
            field(&unit),
            field(&category),
            field(&category_name),
            field(words::unit(measure(cell), lang)),
            field(&shown(cell, ',')),
            field(words::status(cell.status(), lang)),
            field(&words::note(report, cell, lang)),
        ];
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(field("Norr"), "Norr");
        assert_eq!(field("Norr; Väst"), "\"Norr; Väst\"");
        assert_eq!(field("\"Öst\""), "\"\"\"Öst\"\"\"");
    }

    #[test]
    fn a_name_that_looks_like_a_formula_stays_text() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+46 Norr"), "'+46 Norr");
        assert_eq!(field("-Väst"), "'-Väst");
        assert_eq!(field("@Öst"), "'@Öst");
        assert_eq!(field("Norr-Väst"), "Norr-Väst");
    }
}
