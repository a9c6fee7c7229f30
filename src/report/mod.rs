//! The report's file formats (JSON, CSV), written from a computed `domain::report::Report`.
//! No aggregation and no clock here: the same report gives the same bytes.

pub mod csv;
pub mod docs;
pub mod json;
pub mod xlsx;

use crate::domain::report::{Cell, Place, Report, Value};

/// What a file says besides the figures, from outside the report's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The municipality's name from the config: the `unit_name` of its rows.
    pub municipality: String,
    /// The audit chain's head as of the quarter's last day, if the log has one.
    pub audit_head: Option<String>,
    /// The quarter had not ended when the report was made: its figures can still change.
    pub preliminary: bool,
}

/// The marker published in place of a suppressed value.
pub const MARKER: &str = "..";

/// A row's place name: the municipality's own, an area's or a clinic's (none when not recorded).
fn unit_name<'a>(cell: &'a Cell, header: &'a Header) -> Option<&'a str> {
    match &cell.place {
        Place::Municipality => Some(header.municipality.as_str()),
        other => other.name(),
    }
}

/// A value as digits, percents with one decimal and the given separator.
fn number(value: Value, decimal: char) -> String {
    match value {
        Value::Count(n) => n.to_string(),
        Value::Percent { tenths } => format!("{}{decimal}{}", tenths / 10, tenths % 10),
    }
}

/// The categories an indicator's rows use, in order (for visit numbers: those the quarter had).
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
