//! Text from files and other programs, made safe to show: control characters (escape
//! sequences, bells, NUL) never reach a terminal, a calendar or a report.

use std::borrow::Cow;

/// Whether `c` is a control character: C0 (except none), DEL and C1.
pub fn is_control(c: char) -> bool {
    c.is_control()
}

/// `text` without control characters; a tab or a line break becomes a space, the rest go.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if is_control(c) => None,
                c => Some(c),
            })
            .collect(),
    )
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

    proptest::proptest! {
        #[test]
        fn nothing_clean_holds_a_control_character(text in "(?s).{0,60}") {
            proptest::prop_assert!(!clean(&text).chars().any(is_control));
        }
    }
}
