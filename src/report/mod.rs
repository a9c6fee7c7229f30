//! The report's file formats (JSON, CSV, XLSX), written from a computed `domain::report::Report`.
//! No aggregation and no clock here: the same report gives the same bytes.

pub mod csv;
pub mod docs;
pub mod json;
pub mod xlsx;

use crate::domain::report::{Cell, Municipality, Place, Report, Value};

/// The JSON's `format_version`; what changed between versions is in the README and the
/// CHANGELOG.
pub const FORMAT_VERSION: u32 = 2;

/// What a file says besides the figures, from outside the report's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The municipality's code and name from the config; the name is the `unit_name` of its rows.
    pub municipality: Municipality,
    /// The audit chain's head as of the period's last day, if the log has one.
    pub audit_head: Option<String>,
    /// The period had not ended when the report was made: its figures can still change.
    pub preliminary: bool,
    /// 1 for the period's first figures; more when an export's figures differ from earlier ones.
    pub revision: u32,
    /// The revision and SHA-256 of each earlier file of the period with other figures.
    pub earlier_checksums: Vec<(u32, String)>,
    /// What the period's figures lack, by kind (`MissingKind::ALL` order).
    pub missing: [u64; 5],
}

/// A row's place name: the municipality's own, or the unit's (none when not recorded).
fn unit_name<'a>(cell: &'a Cell, header: &'a Header) -> Option<&'a str> {
    match &cell.place {
        Place::Municipality => Some(header.municipality.name.as_str()),
        other => other.name(),
    }
}

/// A value as digits, percents with one decimal and the given separator; a top-coded percent
/// with `≥` before it.
fn number(value: Value, decimal: char) -> String {
    match value {
        Value::Count(n) => n.to_string(),
        Value::Percent { tenths } => format!("{}{decimal}{}", tenths / 10, tenths % 10),
        Value::PercentAtLeast { tenths } => format!("≥{}{decimal}{}", tenths / 10, tenths % 10),
    }
}

/// A cell as a file writes it: its value, or the marker (`..` hidden, `–` nothing to report).
fn shown(cell: &Cell, decimal: char) -> String {
    cell.published().map_or_else(
        || cell.status().marker().unwrap_or_default().to_string(),
        |v| number(v, decimal),
    )
}

/// What a row measures: a count for a percent's numerator and denominator rows.
fn measure(cell: &Cell) -> crate::domain::report::Unit {
    use crate::domain::report::{Category, Unit};
    match cell.category {
        Some(Category::Numerator | Category::Denominator) => Unit::Count,
        _ => cell.indicator.info().unit,
    }
}

/// The categories an indicator's rows use, in order (for visit numbers: those the period had).
fn categories_used(report: &Report, id: crate::domain::report::IndicatorId) -> Vec<String> {
    let mut cats: Vec<_> = report
        .cells
        .iter()
        .filter(|c| c.indicator == id && c.place == Place::Municipality)
        .filter_map(|c| c.category)
        .collect();
    cats.sort();
    cats.dedup();
    cats.into_iter().map(|c| c.key().into_owned()).collect()
}

#[cfg(test)]
mod tests;
