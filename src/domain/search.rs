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

/// A phone number as search finds it: as written, and as bare digits (numbers are typed both ways).
pub fn phone_terms(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    format!("{phone} {digits}")
}

/// A typed query, folded once and split into words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(typed: &str) -> Self {
        Query {
            words: fold(typed).split_whitespace().map(str::to_string).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How well a folded text matches: `None` when some word is missing; otherwise higher is
    /// better (a word at the start of the text or of a word beats one inside a word).
    pub fn score(&self, folded: &str) -> Option<u32> {
        let mut score = 0;
        for word in &self.words {
            let mut best = None;
            for (at, _) in folded.match_indices(word.as_str()) {
                let s = if at == 0 {
                    3
                } else if !folded.as_bytes()[at - 1].is_ascii_alphanumeric() {
                    2
                } else {
                    1
                };
                best = best.max(Some(s));
                if s == 3 {
                    break;
                }
            }
            score += best?;
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
    let mut hits: Vec<(u32, usize)> = haystacks
        .enumerate()
        .filter_map(|(i, h)| query.score(h).map(|s| (s, i)))
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.into_iter().take(limit).map(|(_, i)| i).collect()
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
