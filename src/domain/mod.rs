//! Pure rules of the programme: no SQL, no terminal, no clock (`today` is always an argument).

pub mod alerts;
pub mod booking;
pub mod builtin;
pub mod calendar;
pub mod catalogue;
pub mod days;
pub mod enums;
pub mod family_list;
pub mod group_views;
pub mod groups;
pub mod ics;
pub mod identity;
pub mod language;
pub mod model;
pub mod period;
pub mod programme;
pub mod quarter;
pub mod report;
pub mod schedule;
pub mod search;
pub mod staff_list;
pub mod status_dates;
pub mod text;
pub mod timeline;
pub mod views;
