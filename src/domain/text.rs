//! Text from files and other programs, made safe to show: control characters (escape
//! sequences, bells, NUL) and the invisible characters that reorder or hide text (bidirectional
//! overrides, zero-width spaces, a byte-order mark inside text) never reach a terminal, a
//! calendar or a report.

use std::borrow::Cow;

/// Whether `c` may not stand in a line of text: a control character (C0, DEL, C1, line breaks
/// and tabs among them), or an invisible one that reorders or hides what is shown.
pub fn is_control(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// The invisible characters that change how text reads without showing themselves: the
/// bidirectional marks, embeddings, overrides and isolates, zero-width spaces and joiners, a
/// byte-order mark, and the Unicode line and paragraph separators.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2028}'..='\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Whether `c` may not stand in a text of several lines (a note): as [`is_control`], but line
/// breaks and tabs are part of such a text.
pub fn is_control_in_text(c: char) -> bool {
    is_control(c) && !matches!(c, '\n' | '\r' | '\t')
}

/// The first character of `text` that may not stand in one line: its place (1 for the first
/// character) and the character.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| is_control(*c))
        .map(|(i, c)| (i + 1, c))
}

/// As [`first_control`], for a text of several lines.
pub fn first_control_in_text(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| is_control_in_text(*c))
        .map(|(i, c)| (i + 1, c))
}

/// `text` without control or invisible characters; a tab or a line break becomes a space, the
/// rest go.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some(' '),
                c if is_control(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// `text` without control or invisible characters, keeping its line breaks and tabs (a note).
pub fn clean_text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control_in_text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|c| !is_control_in_text(*c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bells_are_taken_out() {
        assert_eq!(clean("F-1\u{1b}[2J\u{7}x"), "F-1[2Jx");
        assert_eq!(clean("a\tb\nc\0"), "a b c");
        assert_eq!(clean("\u{9b}31m"), "31m", "C1 as well");
        assert!(matches!(clean("Familjen Åberg"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_that_reads_backwards_or_hides_is_taken_out() {
        // "Familjen \u{202E}grebÅ" shows as "Familjen Åberg" reversed: a name that lies.
        assert_eq!(clean("Familjen \u{202E}grebÅ"), "Familjen grebÅ");
        assert_eq!(clean("T-\u{200B}001\u{FEFF}"), "T-001");
        assert_eq!(clean("a\u{2066}b\u{2069}c\u{061C}"), "abc");
        assert_eq!(first_control("T-0\u{202D}01"), Some((4, '\u{202D}')));
        assert_eq!(first_control("Åberg"), None);
    }

    #[test]
    fn a_note_keeps_its_lines_but_loses_the_rest() {
        assert_eq!(
            clean_text("rad ett\nrad två\u{1b}[2J"),
            "rad ett\nrad två[2J"
        );
        assert_eq!(first_control_in_text("a\nb\tc"), None);
        assert_eq!(first_control_in_text("a\nb\u{7}"), Some((4, '\u{7}')));
        assert_eq!(first_control("a\nb"), Some((2, '\n')), "not in one line");
    }

    proptest::proptest! {
        #[test]
        fn nothing_clean_holds_a_control_character(text in "(?s).{0,60}") {
            proptest::prop_assert!(!clean(&text).chars().any(is_control));
            proptest::prop_assert!(!clean_text(&text).chars().any(is_control_in_text));
        }
    }
}
