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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Each word, and the same word after a space (to find it at the start of a word).
    words: Vec<(String, String)>,
}

impl Query {
    pub fn new(typed: &str) -> Self {
        Query {
            words: fold(typed)
                .split_whitespace()
                .map(|w| (w.to_string(), format!(" {w}")))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How well a folded text matches: `None` when some word is missing; otherwise higher is
    /// better: a word at the start of the text (3) beats one at the start of a later word (2),
    /// which beats one inside a word (1). At most three substring searches per word, so a
    /// letter that occurs often costs no more than a rare one.
    pub fn score(&self, folded: &str) -> Option<u32> {
        let mut score = 0;
        for (word, spaced) in &self.words {
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
}

/// The indexes of `haystacks` that match, best first, ties in their original order, at most `limit`.
pub fn rank<'a>(
    query: &Query,
    haystacks: impl Iterator<Item = &'a str>,
    limit: usize,
) -> Vec<usize> {
    // Scores are small whole numbers, so a bucket per score sorts in one pass and keeps each
    // bucket in the original order.
    let mut buckets: Vec<Vec<usize>> = Vec::new();
    for (i, h) in haystacks.enumerate() {
        if let Some(score) = query.score(h) {
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
        let ranked = rank(&Query::new("ad"), items.iter().copied(), 10);
        assert_eq!(ranked, vec![2, 0, 1]);
        assert_eq!(rank(&Query::new("ad"), items.iter().copied(), 1), vec![2]);
    }
}
