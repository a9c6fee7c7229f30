//! A family as a group's lists show it (members, roll call, suggestions): by name, told apart
//! from another of the same name by its reference, and a protected family never by name.

use crate::i18n::Lang;
use crate::i18n::labels::PROTECTED_FAMILY;
pub use crate::i18n::members::Member;
use crate::i18n::members::{MemberLabel, member_labels};

use super::{fit, fit_keeping};

/// The families of one list as it shows them, each within `width`: a name two families in the
/// list share gets each one's reference beside it (`Familjen Warsame · D1-00012`), the name cut
/// before the reference when short of room; a protected family shows only the words for one and
/// its reference (`skyddad familj D1-00040`), so the leader can tell it apart but never reads a
/// name (`i18n::members::member_labels`).
pub fn member_names(members: &[Member<'_>], lang: Lang, width: usize) -> Vec<String> {
    member_labels(members, lang)
        .into_iter()
        .map(|label| match &label {
            MemberLabel::Shared(name, family_ref) => {
                let tail = format!(" · {family_ref}");
                let room = width.saturating_sub(tail.chars().count());
                if room < 4 {
                    fit(&label.text(lang), width)
                } else {
                    format!("{}{tail}", fit(name, room))
                }
            }
            // The reference is what tells protected families apart: the words give way first.
            MemberLabel::Protected(family_ref) => {
                fit_keeping(PROTECTED_FAMILY.get(lang), &format!(" {family_ref}"), width)
            }
            MemberLabel::Name(_) => fit(&label.text(lang), width),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::Protection;

    #[test]
    fn a_shared_name_gets_the_reference_and_a_protected_family_no_name() {
        let members = [
            ("Familjen Warsame", "D1-00012", Protection::None),
            ("Familjen Amiri", "D1-00013", Protection::None),
            ("familjen warsame", "D1-00077", Protection::None),
            (
                "Familjen Warsame",
                "D1-00040",
                Protection::SkyddadFolkbokforing,
            ),
        ];
        assert_eq!(
            member_names(&members, Lang::Sv, 40),
            [
                "Familjen Warsame · D1-00012",
                "Familjen Amiri",
                "familjen warsame · D1-00077",
                "skyddad familj D1-00040",
            ]
        );
        let narrow = member_names(&members, Lang::En, 20);
        assert_eq!(narrow[0], "Familjen… · D1-00012");
        assert_eq!(narrow[3], "protected … D1-00040", "the reference whole");
        let fits = member_names(&members, Lang::En, 25);
        assert_eq!(fits[3], "protected family D1-00040");
        assert!(narrow.iter().all(|n| n.chars().count() <= 20), "{narrow:?}");
    }
}
