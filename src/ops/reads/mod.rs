//! What each screen shows, read in one transaction a screen at a time: one file a screen, each
//! answering with domain values that cost what the screen holds. Rules stay in `domain` (the
//! alerts, the days' pages), the words in `i18n`; the runtime hands the answers to the app.

pub mod families;
pub mod family;
pub mod groups;
pub mod report;
pub mod staff;
pub mod today;
pub mod week;

#[cfg(test)]
mod tests;
