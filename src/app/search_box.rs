//! A one-line search box, shared by Families and Staff: the typed text, and whether it is all
//! selected, so that opening the search again and typing replaces the old text.

use tui_input::{Input, InputRequest};

use super::Key;

#[derive(Debug, Default, Clone)]
pub struct SearchBox {
    pub input: Input,
    /// The whole text is selected: the next letter replaces it, Backspace clears it.
    pub selected: bool,
}

impl SearchBox {
    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn visual_cursor(&self) -> usize {
        self.input.visual_cursor()
    }

    /// Opens the box for typing: an earlier search stays, selected, so it can be kept (Enter,
    /// arrows) or replaced by typing.
    pub fn start(&mut self) {
        self.selected = !self.input.value().is_empty();
    }

    /// Types a key into the box; whether the text changed.
    pub fn type_key(&mut self, key: Key) -> bool {
        if std::mem::take(&mut self.selected) {
            match key {
                Key::Char(_) => self.input = Input::default(),
                Key::Backspace | Key::Delete | Key::Ctrl('u' | 'w') => {
                    self.input = Input::default();
                    return true;
                }
                // Moving the cursor keeps the text, unselected.
                _ => {}
            }
        }
        let Some(request) = edit(key) else {
            return false;
        };
        self.input.handle(request).is_some_and(|c| c.value)
    }
}

/// The editing keys of every text field (forms, search boxes, choosing a person): what each
/// does to the text.
pub fn edit(key: Key) -> Option<InputRequest> {
    Some(match key {
        Key::Char(c) => InputRequest::InsertChar(c),
        Key::Backspace => InputRequest::DeletePrevChar,
        Key::Delete => InputRequest::DeleteNextChar,
        Key::Left => InputRequest::GoToPrevChar,
        Key::Right => InputRequest::GoToNextChar,
        Key::Home => InputRequest::GoToStart,
        Key::End => InputRequest::GoToEnd,
        Key::Ctrl('u') => InputRequest::DeleteLine,
        Key::Ctrl('w') => InputRequest::DeletePrevWord,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(b: &mut SearchBox, text: &str) {
        for c in text.chars() {
            b.type_key(Key::Char(c));
        }
    }

    #[test]
    fn a_new_search_replaces_the_old_text_and_an_arrow_keeps_it() {
        let mut b = SearchBox::default();
        typed(&mut b, "aberg");
        b.start();
        typed(&mut b, "sultani");
        assert_eq!(b.value(), "sultani");
        b.start();
        b.type_key(Key::End);
        typed(&mut b, "s");
        assert_eq!(b.value(), "sultanis");
        b.start();
        assert!(b.type_key(Key::Backspace));
        assert_eq!(b.value(), "");
        b.start();
        assert!(!b.selected, "nothing to select in an empty box");
    }
}
