//! The JSON file (`format_version` 2): the period, the municipality's code and name, the
//! revision, the completeness block, the withheld breakdowns, the indicator table, then every
//! value with its status (`published`, `hidden`, `empty`).

use std::fmt::Write as _;

use super::{FORMAT_VERSION, Header, categories_used, number, unit_name};
use crate::domain::report::{
    EMPTY, HIDDEN, INDICATORS, MissingKind, Report, TOP_CODE_TENTHS, Value,
};
use crate::i18n::{Lang, report as words};

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

/// Items of a list, one a line, with the given indent.
fn list(out: &mut String, indent: &str, items: &[String]) {
    for (i, item) in items.iter().enumerate() {
        out.push_str(indent);
        out.push_str(item);
        out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
    }
}

/// The whole file, UTF-8, one row per line, ending in a newline.
pub fn render(report: &Report, header: &Header) -> String {
    let mut out = String::new();
    let p = report.period;
    out.push_str("{\n");
    out.push_str("  \"format\": \"hembesok-report\",\n");
    let _ = writeln!(out, "  \"format_version\": {FORMAT_VERSION},");
    let _ = writeln!(
        out,
        "  \"period\": {{\"kind\": {}, \"id\": {}, \"start\": \"{}\", \"end\": \"{}\"}},",
        string(p.kind()),
        string(&p.to_string()),
        p.first_day().format("%Y-%m-%d"),
        p.last_day().format("%Y-%m-%d")
    );
    let _ = writeln!(out, "  \"preliminary\": {},", header.preliminary);
    let _ = writeln!(out, "  \"revision\": {},", header.revision);
    let earlier: Vec<String> = header
        .earlier_checksums
        .iter()
        .map(|(r, sum)| format!("{{\"revision\": {r}, \"sha256\": {}}}", string(sum)))
        .collect();
    let _ = writeln!(out, "  \"earlier_files\": [{}],", earlier.join(", "));
    let _ = writeln!(
        out,
        "  \"municipality\": {{\"code\": {}, \"name\": {}}},",
        string(&header.municipality.code),
        string(&header.municipality.name)
    );
    let _ = writeln!(out, "  \"threshold\": {},", report.threshold.get());
    let _ = writeln!(
        out,
        "  \"markers\": {{\"hidden\": {}, \"empty\": {}}},",
        string(HIDDEN),
        string(EMPTY)
    );
    let _ = writeln!(
        out,
        "  \"rules\": {{\"zeros\": \"published\", \"hidden_at_least\": 1, \"top_code_percent\": {}.{}, \"top_code_min_denominator\": 20}},",
        TOP_CODE_TENTHS / 10,
        TOP_CODE_TENTHS % 10
    );
    let _ = writeln!(
        out,
        "  \"audit_head\": {},",
        opt(header.audit_head.as_deref())
    );
    let missing: Vec<String> = MissingKind::ALL
        .iter()
        .map(|k| format!("{}: {}", string(k.key()), header.missing[k.index()]))
        .collect();
    let _ = writeln!(out, "  \"completeness\": {{{}}},", missing.join(", "));
    out.push_str("  \"withheld\": [\n");
    let withheld: Vec<String> = report
        .withheld
        .iter()
        .map(|w| {
            format!(
                "{{\"indicator\": {}, \"by\": {}, \"reason\": {}, \"reason_sv\": {}, \"reason_en\": {}}}",
                string(w.indicator.info().key),
                string(w.breakdown.key()),
                string(w.reason.as_str()),
                string(&words::withheld(w.reason, w.breakdown, Lang::Sv)),
                string(&words::withheld(w.reason, w.breakdown, Lang::En))
            )
        })
        .collect();
    list(&mut out, "    ", &withheld);
    out.push_str("  ],\n");
    out.push_str("  \"indicators\": [\n");
    let indicators: Vec<String> = INDICATORS
        .iter()
        .map(|row| {
            let cats: Vec<String> = categories_used(report, row.id)
                .iter()
                .map(|c| string(c))
                .collect();
            format!(
                "{{\"id\": {}, \"name_sv\": {}, \"name_en\": {}, \"definition_sv\": {}, \"definition_en\": {}, \"unit\": {}, \"categories\": [{}]}}",
                string(row.key),
                string(row.name_sv),
                string(row.name_en),
                string(row.definition_sv),
                string(row.definition_en),
                string(row.unit.as_str()),
                cats.join(", ")
            )
        })
        .collect();
    list(&mut out, "    ", &indicators);
    out.push_str("  ],\n");
    out.push_str("  \"values\": [\n");
    let values: Vec<String> = report
        .cells
        .iter()
        .map(|cell| {
            let category = cell.category.map(|c| c.key());
            let published = cell.published();
            let bound = if matches!(published, Some(Value::PercentAtLeast { .. })) {
                ", \"bound\": \"at_least\""
            } else {
                ""
            };
            let value = published.map_or_else(
                || "null".to_string(),
                |v| number(v, '.').trim_start_matches('≥').to_string(),
            );
            format!(
                "{{\"indicator\": {}, \"by\": {}, \"unit_name\": {}, \"category\": {}, \"value\": {value}, \"status\": {}{bound}}}",
                string(cell.indicator.info().key),
                string(cell.place.by()),
                opt(unit_name(cell, header)),
                opt(category.as_deref()),
                string(cell.status().as_str()),
            )
        })
        .collect();
    list(&mut out, "    ", &values);
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
