//! The report's reads and its exports: one period's facts in a few flat queries, the records
//! that leave a quarter incomplete, and every export with the cells it published.

mod cells;
mod read;
mod review;
mod runs;
mod stock;
mod visits;

pub use runs::{EarlierRun, NewRun};

/// The tables an export of the report writes to: its record and its audit row.
pub const REPORT_WRITES: &[&str] = &["report_run", "audit"];
