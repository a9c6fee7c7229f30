//! A family among the others of a group's list (members, a roll call, suggestions, the form for
//! a family leaving): by name, told apart from another of the same name by its reference, and a
//! protected family never by name.

use super::labels::PROTECTED_FAMILY;
use super::{Lang, Text};
use crate::domain::enums::Protection;

/// One family of a group's list: its name, reference and protection.
pub type Member<'a> = (&'a str, &'a str, Protection);

/// How one family of a group's list is told apart from the others: the rule of every such
/// list (members, a roll call, suggestions, the form for a family leaving).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberLabel {
    /// Its name, no other family's in the list (an anonymised family's is the words for one).
    Name(String),
    /// A name another family of the list shares (case ignored), and its reference.
    Shared(String, String),
    /// A protected family: never a name, the words for one and its reference.
    Protected(String),
}

impl MemberLabel {
    /// The whole label (`Familjen Warsame · D1-00012`, `skyddad familj D1-00040`).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            MemberLabel::Name(name) => name.clone(),
            MemberLabel::Shared(name, family_ref) => format!("{name} · {family_ref}"),
            MemberLabel::Protected(family_ref) => {
                format!("{} {family_ref}", PROTECTED_FAMILY.get(lang))
            }
        }
    }
}

/// The families of one list as it tells them apart, in `lang` (the words for an anonymised
/// family are in it).
pub fn member_labels(members: &[Member<'_>], lang: Lang) -> Vec<MemberLabel> {
    let named = |name: &str| -> String {
        if name.is_empty() {
            super::screens::ANONYMISED_FAMILY.get(lang).to_string()
        } else {
            crate::domain::text::clean(name).into_owned()
        }
    };
    let keys: Vec<Option<String>> = members
        .iter()
        .map(|(name, _, protection)| {
            (!protection.is_protected()).then(|| named(name).to_lowercase())
        })
        .collect();
    members
        .iter()
        .zip(&keys)
        .map(|((name, family_ref, protection), key)| {
            if protection.is_protected() {
                MemberLabel::Protected((*family_ref).to_string())
            } else if keys.iter().filter(|k| *k == key).count() > 1 {
                MemberLabel::Shared(named(name), (*family_ref).to_string())
            } else {
                MemberLabel::Name(named(name))
            }
        })
        .collect()
}

/// [`member_labels`] in both languages, for a choice.
pub fn member_texts(members: &[Member<'_>]) -> Vec<Text> {
    member_labels(members, Lang::Sv)
        .iter()
        .zip(member_labels(members, Lang::En))
        .map(|(sv, en)| Text::new(sv.text(Lang::Sv), en.text(Lang::En)))
        .collect()
}
