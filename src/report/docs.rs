//! The indicator table as documentation: the README's table and the manual's INDICATORS
//! section, generated from `domain::report::INDICATORS` so that they cannot drift from the
//! figures the report computes.

use std::fmt::Write as _;

use crate::domain::report::{Categories, INDICATORS, Indicator};

/// The categories as the documentation names them.
fn categories(row: &Indicator) -> String {
    match row.categories {
        Categories::None => String::new(),
        Categories::Fixed(list) => list
            .iter()
            .map(|c| format!("`{}`", c.key()))
            .collect::<Vec<_>>()
            .join(", "),
        Categories::VisitNumbers => "`1` … `n`, `extra`".to_string(),
    }
}

/// The indicators as a Markdown table, for the README.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| id | name | unit | categories | definition |\n|---|---|---|---|---|\n");
    for row in INDICATORS {
        let _ = writeln!(
            out,
            "| `{}` | {} (*{}*) | {} | {} | {} |",
            row.key,
            row.name_en,
            row.name_sv,
            row.unit.as_str(),
            categories(row),
            row.definition_en.replace('|', "\\|")
        );
    }
    out
}

/// The indicators as a man-page section body.
pub fn roff_section() -> String {
    let mut out = String::new();
    for row in INDICATORS {
        let cats = categories(row).replace('`', "");
        let by = if cats.is_empty() {
            String::new()
        } else {
            format!(", by {cats}")
        };
        let _ = writeln!(
            out,
            ".TP\n.B {}\n{} ({}{}). {}",
            row.key,
            row.name_en,
            row.unit.as_str(),
            by,
            row.definition_en.replace('-', "\\-")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indicator_is_documented() {
        let md = markdown_table();
        let man = roff_section();
        for row in INDICATORS {
            assert!(md.contains(&format!("| `{}` |", row.key)), "{}", row.key);
            assert!(man.contains(&format!(".B {}\n", row.key)), "{}", row.key);
        }
        assert!(md.contains("`enrolled`, `declined`, `undecided`"));
        assert!(man.contains("visits_done\nVisits done (count, by 1 … n, extra)."));
    }
}
