//! Search as coordinators type: case and Swedish letters folded (å, ä → a; ö → o), every typed
//! word must match, better matches first.

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

/// A key that sorts names the Swedish way: case ignored, and å, ä, ö after z in that order.
pub fn sort_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            other => other,
        })
        .collect()
}

/// A phone number as search finds it: as written, and as bare digits (numbers are typed both ways).
pub fn phone_terms(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("{phone} {digits}")
}

/// A typed query, folded once and split into words.
/// Which letters a folded text holds, kept beside it so that a query can pass over a text
/// that cannot match without reading it, and score a one-letter word without a search: what
/// keeps the first keystrokes fast over hundreds of thousands of families.
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

/// Every family's search text in one block of memory, in the order of the index, with each
/// one's [`Marks`] beside it: a search then reads memory front to back instead of following a
/// pointer per family, which is what keeps a keystroke fast at 200,000 families.
#[derive(Debug, Clone, Default)]
pub struct Haystacks {
    text: String,
    spans: Vec<(u32, u32)>,
    marks: Vec<Marks>,
}

impl Haystacks {
    /// Room for `count` texts of `bytes` in all, so loading the index allocates once.
    pub fn with_capacity(count: usize, bytes: usize) -> Haystacks {
        Haystacks {
            text: String::with_capacity(bytes),
            spans: Vec::with_capacity(count),
            marks: Vec::with_capacity(count),
        }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    fn span_of(&mut self, folded: &str) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.push_str(folded);
        (start, folded.len() as u32)
    }

    pub fn push(&mut self, folded: &str) {
        let span = self.span_of(folded);
        self.spans.push(span);
        self.marks.push(Marks::of(folded));
    }

    /// Puts a text at position `at`; its bytes go to the end of the block (a changed family
    /// leaves its old text unused, which is a few dozen bytes a save).
    pub fn insert(&mut self, at: usize, folded: &str) {
        let span = self.span_of(folded);
        self.spans.insert(at, span);
        self.marks.insert(at, Marks::of(folded));
    }

    pub fn remove(&mut self, at: usize) {
        if at < self.spans.len() {
            self.spans.remove(at);
            self.marks.remove(at);
        }
    }

    /// The text at position `i` and its marks.
    pub fn get(&self, i: usize) -> (&str, &Marks) {
        static NONE: Marks = Marks {
            first: u8::MAX,
            starts: 0,
            any: 0,
            pairs: 0,
        };
        match (self.spans.get(i), self.marks.get(i)) {
            (Some((start, len)), Some(marks)) => {
                let (start, len) = (*start as usize, *len as usize);
                (self.text.get(start..start + len).unwrap_or(""), marks)
            }
            _ => ("", &NONE),
        }
    }
}

/// The indexes of `haystacks` that match, best first, ties in their original order, at most `limit`.
pub fn rank<'a>(
    query: &Query,
    haystacks: impl Iterator<Item = (&'a str, &'a Marks)>,
    limit: usize,
) -> Vec<usize> {
    // Scores are small whole numbers, so a bucket per score sorts in one pass and keeps each
    // bucket in the original order.
    let mut buckets: Vec<Vec<usize>> = Vec::new();
    for (i, (h, marks)) in haystacks.enumerate() {
        if let Some(score) = query.score_marked(h, marks) {
            let score = score as usize;
            if buckets.len() <= score {
                buckets.resize_with(score + 1, Vec::new);
            }
            buckets[score].push(i);
        }
    }
    buckets.into_iter().rev().flatten().take(limit).collect()
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

    #[test]
    fn every_word_must_match_anywhere() {
        let q = Query::new("ang OBE");
        assert!(q.score(&fold("Åsa Öberg-Ängström")).is_some());
        assert!(q.score(&fold("Åsa Berg")).is_none());
        assert!(Query::new("  ").is_empty());
    }

    #[test]
    fn word_starts_rank_before_inner_matches() {
        let items = ["familjen haddad", "familjen ahmadi", "adam berg"];
        let marks: Vec<Marks> = items.iter().map(|t| Marks::of(t)).collect();
        let both = || items.iter().copied().zip(marks.iter());
        let ranked = rank(&Query::new("ad"), both(), 10);
        assert_eq!(ranked, vec![2, 0, 1]);
        assert_eq!(rank(&Query::new("ad"), both(), 1), vec![2]);
        let one_letter = rank(&Query::new("h"), both(), 10);
        assert_eq!(one_letter, vec![0, 1], "h begins a word only in haddad");
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
