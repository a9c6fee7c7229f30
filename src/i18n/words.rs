//! A fixed text in Swedish and English side by side, written once where it is defined.

use super::{Lang, Text};

/// Words that never change: a label, a heading, a hint. A `const`, so each is one line in the
/// module of its screen or form, both languages on it; a text with values in it is a function
/// returning [`Text`] instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub sv: &'static str,
    pub en: &'static str,
}

impl Words {
    pub const fn new(sv: &'static str, en: &'static str) -> Self {
        Words { sv, en }
    }

    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::En => self.en,
        }
    }
}

impl From<Words> for Text {
    fn from(w: Words) -> Self {
        Text::new(w.sv, w.en)
    }
}
