//! The cells an export published, kept as text beside its run: one line per cell, tab-separated,
//! so that a later export of the period can be audited together with it.

use crate::domain::report::{CellKey, EarlierFile, StoredCell};

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `None` as nothing, a name as `=name`, so that an empty name and no name differ.
fn opt(text: Option<&str>) -> String {
    text.map_or_else(String::new, |t| format!("={}", escape(t)))
}

fn read_opt(field: &str) -> Option<String> {
    field.strip_prefix('=').map(unescape)
}

/// One line per cell: indicator, breakdown, unit, category, value, top-coded.
pub(super) fn encode(file: &EarlierFile) -> String {
    let mut out = String::new();
    for c in &file.cells {
        out.push_str(&escape(&c.key.indicator));
        out.push('\t');
        out.push_str(&escape(&c.key.by));
        out.push('\t');
        out.push_str(&opt(c.key.unit.as_deref()));
        out.push('\t');
        out.push_str(&opt(c.key.category.as_deref()));
        out.push('\t');
        if let Some(v) = c.value {
            out.push_str(&v.to_string());
        }
        out.push('\t');
        if c.top_coded {
            out.push('t');
        }
        out.push('\n');
    }
    out
}

/// The cells back; a line this program cannot read is left out (it cannot join the audit).
pub(super) fn decode(text: &str) -> EarlierFile {
    let cells = text
        .lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let [indicator, by, unit, category, value, top] = f.as_slice() else {
                return None;
            };
            Some(StoredCell {
                key: CellKey {
                    indicator: unescape(indicator),
                    by: unescape(by),
                    unit: read_opt(unit),
                    category: read_opt(category),
                },
                value: if value.is_empty() {
                    None
                } else {
                    Some(value.parse().ok()?)
                },
                top_coded: *top == "t",
            })
        })
        .collect();
    EarlierFile { cells }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_as_written_whatever_the_names() {
        let file = EarlierFile {
            cells: vec![
                StoredCell {
                    key: CellKey {
                        indicator: "visits_done".into(),
                        by: "area".into(),
                        unit: Some("Norr\tväst\\ny\n".into()),
                        category: Some("extra".into()),
                    },
                    value: Some(12),
                    top_coded: false,
                },
                StoredCell {
                    key: CellKey {
                        indicator: "joint_visit_share".into(),
                        by: "area".into(),
                        unit: Some(String::new()),
                        category: None,
                    },
                    value: Some(950),
                    top_coded: true,
                },
                StoredCell {
                    key: CellKey {
                        indicator: "visits_done".into(),
                        by: "area".into(),
                        unit: None,
                        category: None,
                    },
                    value: None,
                    top_coded: false,
                },
            ],
        };
        assert_eq!(decode(&encode(&file)), file);
    }
}
