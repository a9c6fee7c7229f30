//! Search as coordinators type: case and Swedish letters folded (å, ä → a; ö → o), every typed
//! word must match, better matches first.

use crate::domain::enums::Protection;

/// Lower case, with å/ä/á/à → a, ö/ø/ó → o, é/è → e and so on, so that a name typed on a
/// keyboard without Swedish letters still matches.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            out.push(match lower {
                'å' | 'ä' | 'á' | 'à' | 'â' | 'ã' => 'a',
                'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ç' | 'č' | 'ć' => 'c',
                'š' | 'ś' | 'ş' => 's',
                'ž' | 'ź' | 'ż' => 'z',
                'ñ' | 'ń' => 'n',
                'ł' => 'l',
                'đ' => 'd',
                'ğ' => 'g',
                other => other,
            });
        }
    }
    out
}

/// Where a protected family stands in a list of families: after every name. The last code point
/// there is sorts after every text but one that begins with it, and it is a noncharacter no name
/// has. The protected families stand among themselves by reference.
pub const AFTER_EVERY_NAME: &str = "\u{10FFFF}";

/// Where a family stands in a list of families, before its reference: its name the Swedish way
/// ([`sort_key`]), or, for a protected family, [`AFTER_EVERY_NAME`]. A protected family's place
/// among names would tell a reader of the list what its name begins with.
pub fn list_key(name: &str, protection: Protection) -> String {
    if protection.is_protected() {
        AFTER_EVERY_NAME.to_string()
    } else {
        sort_key(name)
    }
}

/// How the list files letters that are not plain ASCII, in both cases (SQLite's `lower()`
/// lowers ASCII only): å, ä and ö after z, in that order, with æ as ä and ø, ő as ö, the way
/// Swedish files them; ü, ű and ý as y; other marked letters as their plain letter (é as e, ş
/// and ș as s). A letter not here stands where its code point puts it, after ö. Each letter
/// becomes one ASCII character, so the order of the table does not matter.
///
/// The key every family's text keeps is made in SQL from this table (the views of migration
/// 24, `0024_swedish_order.sql`, which a test compares with it): a change here needs a new
/// migration that makes the views and the keys again.
pub const SORT_LETTERS: &[(char, char)] = &[
    ('å', '{'),
    ('Å', '{'),
    ('ä', '|'),
    ('Ä', '|'),
    ('æ', '|'),
    ('Æ', '|'),
    ('ö', '}'),
    ('Ö', '}'),
    ('ø', '}'),
    ('Ø', '}'),
    ('ő', '}'),
    ('Ő', '}'),
    ('ü', 'y'),
    ('Ü', 'y'),
    ('ű', 'y'),
    ('Ű', 'y'),
    ('á', 'a'),
    ('Á', 'a'),
    ('à', 'a'),
    ('À', 'a'),
    ('â', 'a'),
    ('Â', 'a'),
    ('ã', 'a'),
    ('Ã', 'a'),
    ('ą', 'a'),
    ('Ą', 'a'),
    ('ę', 'e'),
    ('Ę', 'e'),
    ('ó', 'o'),
    ('Ó', 'o'),
    ('ò', 'o'),
    ('Ò', 'o'),
    ('ô', 'o'),
    ('Ô', 'o'),
    ('õ', 'o'),
    ('Õ', 'o'),
    ('é', 'e'),
    ('É', 'e'),
    ('è', 'e'),
    ('È', 'e'),
    ('ê', 'e'),
    ('Ê', 'e'),
    ('ë', 'e'),
    ('Ë', 'e'),
    ('í', 'i'),
    ('Í', 'i'),
    ('ì', 'i'),
    ('Ì', 'i'),
    ('î', 'i'),
    ('Î', 'i'),
    ('ï', 'i'),
    ('Ï', 'i'),
    ('ı', 'i'),
    ('İ', 'i'),
    ('ú', 'u'),
    ('Ú', 'u'),
    ('ù', 'u'),
    ('Ù', 'u'),
    ('û', 'u'),
    ('Û', 'u'),
    ('ç', 'c'),
    ('Ç', 'c'),
    ('č', 'c'),
    ('Č', 'c'),
    ('ć', 'c'),
    ('Ć', 'c'),
    ('š', 's'),
    ('Š', 's'),
    ('ś', 's'),
    ('Ś', 's'),
    ('ş', 's'),
    ('Ş', 's'),
    ('ž', 'z'),
    ('Ž', 'z'),
    ('ź', 'z'),
    ('Ź', 'z'),
    ('ż', 'z'),
    ('Ż', 'z'),
    ('ñ', 'n'),
    ('Ñ', 'n'),
    ('ń', 'n'),
    ('Ń', 'n'),
    ('ł', 'l'),
    ('Ł', 'l'),
    ('đ', 'd'),
    ('Đ', 'd'),
    ('ğ', 'g'),
    ('Ğ', 'g'),
    ('ă', 'a'),
    ('Ă', 'a'),
    ('ā', 'a'),
    ('Ā', 'a'),
    ('ě', 'e'),
    ('Ě', 'e'),
    ('ē', 'e'),
    ('Ē', 'e'),
    ('ė', 'e'),
    ('Ė', 'e'),
    ('ī', 'i'),
    ('Ī', 'i'),
    ('ū', 'u'),
    ('Ū', 'u'),
    ('ů', 'u'),
    ('Ů', 'u'),
    ('ý', 'y'),
    ('Ý', 'y'),
    ('ÿ', 'y'),
    ('ș', 's'),
    ('Ș', 's'),
    ('ț', 't'),
    ('Ț', 't'),
    ('ţ', 't'),
    ('Ţ', 't'),
    ('ť', 't'),
    ('Ť', 't'),
    ('ř', 'r'),
    ('Ř', 'r'),
    ('ň', 'n'),
    ('Ň', 'n'),
    ('ď', 'd'),
    ('Ď', 'd'),
];

/// A key that sorts names the Swedish way: case ignored, and the letters of [`SORT_LETTERS`]
/// where Swedish files them. The same key as the stored one the list is read in order of.
pub fn sort_key(text: &str) -> String {
    text.chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            SORT_LETTERS
                .iter()
                .find(|(letter, _)| *letter == c)
                .map_or(c, |(_, filed)| *filed)
        })
        .collect()
}

/// A phone number as search finds it: as written, and as bare digits (numbers are typed both ways).
pub fn phone_terms(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("{phone} {digits}")
}

/// A typed query, folded once and split into words.
/// Which letters a folded text holds, so that a query can pass over a text that cannot match
/// without reading it, and score a one-letter word without a search.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// The text's first letter.
    first: u8,
    /// Letters that begin a word (after the first).
    starts: u64,
    /// Letters anywhere.
    any: u64,
    /// Pairs of letters next to each other, hashed into 128 buckets.
    pairs: u128,
}

/// A letter's bit: a–z, 0–9, '-' and the rest each have their own; anything else shares one.
fn bit(c: char) -> u8 {
    match c {
        'a'..='z' => c as u8 - b'a',
        '0'..='9' => 26 + (c as u8 - b'0'),
        '-' => 36,
        '+' => 37,
        _ => 38,
    }
}

fn pair_bit(a: char, b: char) -> u32 {
    (u32::from(bit(a)) * 41 + u32::from(bit(b))) % 128
}

impl Marks {
    pub fn of(folded: &str) -> Marks {
        let mut m = Marks {
            first: folded.chars().next().map_or(u8::MAX, bit),
            ..Marks::default()
        };
        let mut previous: Option<char> = None;
        for c in folded.chars() {
            if c == ' ' {
                previous = Some(c);
                continue;
            }
            m.any |= 1 << bit(c);
            match previous {
                Some(' ') => m.starts |= 1 << bit(c),
                Some(p) => m.pairs |= 1 << pair_bit(p, c),
                None => {}
            }
            previous = Some(c);
        }
        m
    }

    /// Whether `word` can occur in the text: every letter and every pair of it is there.
    fn may_hold(&self, word: &str) -> bool {
        let mut previous: Option<char> = None;
        for c in word.chars() {
            if self.any & (1 << bit(c)) == 0 {
                return false;
            }
            if let Some(p) = previous
                && self.pairs & (1 << pair_bit(p, c)) == 0
            {
                return false;
            }
            previous = Some(c);
        }
        true
    }
}

/// A typed word, with a searcher built once for all the texts it is looked for in.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    finder: memchr::memmem::Finder<'static>,
}

#[derive(Debug, Clone, Default)]
pub struct Query {
    words: Vec<Word>,
}

impl Query {
    pub fn new(typed: &str) -> Self {
        Query {
            words: fold(typed)
                .split_whitespace()
                .map(|w| Word {
                    text: w.to_string(),
                    finder: memchr::memmem::Finder::new(w.as_bytes()).into_owned(),
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How well a folded text matches: `None` when some word is missing; otherwise higher is
    /// better: a word at the start of the text (3) beats one at the start of a later word (2),
    /// which beats one inside a word (1).
    pub fn score(&self, folded: &str) -> Option<u32> {
        self.score_marked(folded, &Marks::of(folded))
    }

    /// [`Self::score`] with the text's [`Marks`] at hand: a text that cannot match is passed
    /// over unread, and a one-letter word is scored from the marks alone. Otherwise one pass
    /// over the text per word finds where it occurs.
    pub fn score_marked(&self, folded: &str, marks: &Marks) -> Option<u32> {
        let hay = folded.as_bytes();
        let mut score = 0;
        for word in &self.words {
            if !marks.may_hold(&word.text) {
                return None;
            }
            let mut letters = word.text.chars();
            if let (Some(c), None) = (letters.next(), letters.next())
                && bit(c) < 38
            {
                score += if marks.first == bit(c) {
                    3
                } else if marks.starts & (1 << bit(c)) != 0 {
                    2
                } else {
                    1
                };
                continue;
            }
            let mut best = 0;
            for at in word.finder.find_iter(hay) {
                // A word never holds a space, so a match at a word's start cannot hide inside
                // an earlier, overlapping match.
                if at == 0 {
                    best = 3;
                    break;
                }
                if hay[at - 1] == b' ' {
                    best = 2;
                    break;
                }
                best = 1;
            }
            if best == 0 {
                return None;
            }
            score += best;
        }
        Some(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_swedish_and_other_letters() {
        assert_eq!(fold("Åsa Öberg-Ängström"), "asa oberg-angstrom");
        assert_eq!(fold("Hodžić Wiśniewska Yılmaz"), "hodzic wisniewska yilmaz");
    }

    #[test]
    fn sorts_the_swedish_alphabet() {
        let mut names = vec!["Öberg", "Zetterlund", "Ärlig", "Åberg", "andersson", "Berg"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            ["andersson", "Berg", "Zetterlund", "Åberg", "Ärlig", "Öberg"]
        );
    }

    /// Each letter of the table becomes one ASCII character and is no other letter's
    /// replacement, so the SQL that makes the stored key in a chain of replacements gives what
    /// one pass here gives, in any order.
    #[test]
    fn the_sort_table_maps_each_marked_letter_once_to_ascii() {
        let mut seen = std::collections::HashSet::new();
        for (letter, filed) in SORT_LETTERS {
            assert!(!letter.is_ascii() && filed.is_ascii(), "{letter} {filed}");
            assert!(seen.insert(letter), "{letter} twice");
        }
    }

    /// Marked letters other than å, ä and ö stand where Swedish files them: Şahin among the
    /// S, Émile among the E, Müller as Myller; æ and ø with ä and ö.
    #[test]
    fn files_other_marked_letters_under_their_letter() {
        let mut names = vec![
            "Öztürk",
            "Şahin",
            "Sandberg",
            "Émile",
            "Eriksson",
            "Mutlu",
            "Müller",
            "Myrberg",
            "Ørsted",
            "Ærø",
            "Ärlig",
            "Çelik",
            "Carlsson",
            "Dąbrowski",
            "Dahl",
        ];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(
            names,
            [
                "Carlsson",
                "Çelik",
                "Dąbrowski",
                "Dahl",
                "Émile",
                "Eriksson",
                "Mutlu",
                "Müller",
                "Myrberg",
                "Şahin",
                "Sandberg",
                "Ärlig",
                "Ærø",
                "Ørsted",
                "Öztürk",
            ]
        );
    }

    #[test]
    fn every_word_must_match_anywhere() {
        let q = Query::new("ang OBE");
        assert!(q.score(&fold("Åsa Öberg-Ängström")).is_some());
        assert!(q.score(&fold("Åsa Berg")).is_none());
        assert!(Query::new("  ").is_empty());
    }

    #[test]
    fn word_starts_score_above_inner_matches() {
        let q = Query::new("ad");
        let scores: Vec<Option<u32>> = ["adam berg", "familjen haddad", "familjen ahmadi"]
            .iter()
            .map(|t| q.score(t))
            .collect();
        assert_eq!(scores, [Some(3), Some(1), Some(1)]);
        let h = Query::new("h");
        assert_eq!(h.score("familjen haddad"), Some(2), "h begins a word");
        assert_eq!(h.score("familjen ahmadi"), Some(1));
    }

    /// The score by plain substring searches, as it was before the marks.
    fn plain_score(q: &Query, folded: &str) -> Option<u32> {
        let mut score = 0;
        for w in &q.words {
            let (word, spaced) = (&w.text, format!(" {}", w.text));
            score += if folded.starts_with(word.as_str()) {
                3
            } else if folded.contains(spaced.as_str()) {
                2
            } else if folded.contains(word.as_str()) {
                1
            } else {
                return None;
            };
        }
        Some(score)
    }

    proptest::proptest! {
        /// The marks only speed the search up: every text scores as plain substring search says.
        #[test]
        fn marks_never_change_a_score(
            text in "[ab1 \\-åé]{0,12}",
            typed in "[ab1 \\-åé]{0,5}",
        ) {
            let folded = fold(&text);
            let q = Query::new(&typed);
            proptest::prop_assert_eq!(q.score_marked(&folded, &Marks::of(&folded)), plain_score(&q, &folded));
        }

        #[test]
        fn marks_never_change_a_score_on_names(
            text in "[a-zåäö0-9 -]{0,40}",
            typed in "[a-zåäö0-9 -]{0,6}",
        ) {
            let folded = fold(&text);
            let q = Query::new(&typed);
            proptest::prop_assert_eq!(q.score_marked(&folded, &Marks::of(&folded)), plain_score(&q, &folded));
        }
    }
}
