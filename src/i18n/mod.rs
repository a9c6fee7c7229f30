//! The language and the message catalogue: every text a user reads, in Swedish and in English.
//! Lower layers return typed outcomes and problems; this module renders them.

pub mod alerts;
pub mod booking;
pub mod calendar;
pub mod forms;
pub mod help;
pub mod input;
pub mod io;
pub mod labels;
pub mod members;
pub mod messages;
pub mod report;
pub mod screens;
mod words;

pub use words::Words;

/// The interface language, for the app and the command line alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Sv,
    #[default]
    En,
}

/// A message in both languages; the screen shows the one in use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            sv: sv.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}
