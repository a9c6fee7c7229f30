//! Parent groups: series with their leaders, sessions, members and attendance; the list of
//! series, one series' page and roll call, and what other screens show of them.

mod links;
mod list;
mod read;
mod rows;
mod write;
