//! Languages as families, staff and parent groups are given them: kept in Swedish, the way
//! registers and the demo write them, so that one language is one word whoever typed it, and an
//! interpreter who speaks "arabiska" is found for a family whose need was typed "Arabic".

/// The common languages, as kept (Swedish) and in English.
pub const KNOWN: [(&str, &str); 24] = [
    ("svenska", "Swedish"),
    ("engelska", "English"),
    ("arabiska", "Arabic"),
    ("somaliska", "Somali"),
    ("tigrinja", "Tigrinya"),
    ("dari", "Dari"),
    ("persiska", "Persian"),
    ("pashto", "Pashto"),
    ("polska", "Polish"),
    ("bosniska", "Bosnian"),
    ("kurdiska", "Kurdish"),
    ("sorani", "Sorani"),
    ("kurmanji", "Kurmanji"),
    ("ukrainska", "Ukrainian"),
    ("ryska", "Russian"),
    ("turkiska", "Turkish"),
    ("spanska", "Spanish"),
    ("franska", "French"),
    ("thai", "Thai"),
    ("amhariska", "Amharic"),
    ("finska", "Finnish"),
    ("romani", "Romani"),
    ("albanska", "Albanian"),
    ("rumänska", "Romanian"),
];

/// The known language `name` is, in either language and any case: its Swedish and English name.
pub fn known(name: &str) -> Option<(&'static str, &'static str)> {
    let name = name.trim().to_lowercase();
    KNOWN
        .iter()
        .find(|(sv, en)| name == *sv || name == en.to_lowercase())
        .copied()
}

/// A language as it is kept: a known one by its Swedish name, another as typed, trimmed.
pub fn kept(name: &str) -> String {
    known(name).map_or_else(|| name.trim().to_string(), |(sv, _)| sv.to_string())
}

/// Whether two names are one language: "Arabic" and "arabiska", in any case.
pub fn same(a: &str, b: &str) -> bool {
    kept(a).to_lowercase() == kept(b).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_language_is_kept_in_swedish_whichever_way_it_is_typed() {
        assert_eq!(kept(" Arabic "), "arabiska");
        assert_eq!(kept("ARABISKA"), "arabiska");
        assert_eq!(kept("Rumänska"), "rumänska");
        assert_eq!(kept("Romanian"), "rumänska");
        assert_eq!(kept("oromo"), "oromo", "an unknown one as typed");
        assert!(same("Somali", "somaliska"));
        assert!(same("Oromo", "oromo"));
        assert!(!same("Kurdish", "sorani"));
    }
}
