//! Visits with the staff who attend them: booked, moved and recorded; listed by day, read for
//! timelines and alerts, and exported to calendars.

mod calendar;
mod day;
pub(super) mod facts;
mod read;
mod rows;
mod write;

pub use rows::VisitRecord;
