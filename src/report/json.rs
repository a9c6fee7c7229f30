//! The JSON file: the indicator table as metadata, then every row, as DESIGN §7 shows it.

use std::fmt::Write as _;

use super::{Header, MARKER, categories_used, number, unit_name};
use crate::domain::report::{INDICATORS, Report};

/// A JSON string, quoted and escaped.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // What turns the text's direction or hides in it is not the region's to read.
            c if crate::domain::text::is_invisible(c) => {}
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn opt(s: Option<&str>) -> String {
    s.map_or_else(|| "null".to_string(), string)
}

/// The whole file, UTF-8, one row per line, ending in a newline.
pub fn render(report: &Report, header: &Header) -> String {
    let mut out = String::new();
    let q = report.quarter;
    out.push_str("{\n");
    out.push_str("  \"format\": \"hembesok-report\",\n");
    out.push_str("  \"format_version\": 1,\n");
    let _ = writeln!(out, "  \"quarter\": {},", string(&q.to_string()));
    let _ = writeln!(
        out,
        "  \"period\": {{\"start\": \"{}\", \"end\": \"{}\"}},",
        q.first_day().format("%Y-%m-%d"),
        q.last_day().format("%Y-%m-%d")
    );
    let _ = writeln!(out, "  \"preliminary\": {},", header.preliminary);
    let _ = writeln!(out, "  \"municipality\": {},", string(&header.municipality));
    let _ = writeln!(out, "  \"threshold\": {},", report.threshold.get());
    let _ = writeln!(out, "  \"marker\": {},", string(MARKER));
    let _ = writeln!(
        out,
        "  \"audit_head\": {},",
        opt(header.audit_head.as_deref())
    );
    out.push_str("  \"indicators\": [\n");
    for (i, row) in INDICATORS.iter().enumerate() {
        let cats: Vec<String> = categories_used(report, row.id)
            .iter()
            .map(|c| string(c))
            .collect();
        let _ = write!(
            out,
            "    {{\"id\": {}, \"name_sv\": {}, \"name_en\": {}, \"definition_sv\": {}, \"definition_en\": {}, \"unit\": {}, \"categories\": [{}]}}",
            string(row.key),
            string(row.name_sv),
            string(row.name_en),
            string(row.definition_sv),
            string(row.definition_en),
            string(row.unit.as_str()),
            cats.join(", ")
        );
        out.push_str(if i + 1 < INDICATORS.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("  ],\n");
    out.push_str("  \"values\": [\n");
    for (i, cell) in report.cells.iter().enumerate() {
        let category = cell.category.map(|c| c.key());
        let _ = write!(
            out,
            "    {{\"indicator\": {}, \"by\": {}, \"unit_name\": {}, \"category\": {}, \"value\": {}, \"suppressed\": {}}}",
            string(cell.indicator.info().key),
            string(cell.place.by()),
            opt(unit_name(cell, header)),
            opt(category.as_deref()),
            cell.published()
                .map_or_else(|| "null".to_string(), |v| number(v, '.')),
            cell.suppressed.is_some()
        );
        out.push_str(if i + 1 < report.cells.len() {
            ",\n"
        } else {
            "\n"
        });
    }
    out.push_str("  ]\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
        assert_eq!(opt(None), "null");
    }
}
