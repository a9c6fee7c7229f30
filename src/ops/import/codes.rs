//! Reading a closed set's value from a cell: the stored code, or the Swedish or English word the
//! app shows for it (`i18n::labels`), or one of the set's aliases.

use crate::domain::enums::{
    AttendanceStatus, ConsentMethod, Eligibility, ExitReason, FamilyStatus, Location, Protection,
    Referral, Role, SessionStatus, Theme, VisitStatus, Weekday, split_list,
};
use crate::domain::identity::IdKind;
use crate::i18n::{Text, labels};
use crate::ops::import::ProblemKind;

/// A closed set an import file may name by code or by word.
pub trait Code: Copy + Eq + 'static {
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    /// Further words read as this value, lower case.
    fn aliases(self) -> &'static [&'static str];
    /// The names the screens show, when the set has them.
    fn label(self) -> Option<Text>;
}

macro_rules! code {
    ($t:ty, $label:expr) => {
        impl Code for $t {
            fn all() -> &'static [Self] {
                <$t>::ALL
            }
            fn code(self) -> &'static str {
                self.as_str()
            }
            fn aliases(self) -> &'static [&'static str] {
                <$t>::aliases(self)
            }
            fn label(self) -> Option<Text> {
                $label(self)
            }
        }
    };
}

code!(Protection, |v| Some(labels::protection(v)));
code!(FamilyStatus, |v| Some(labels::status(v)));
code!(ExitReason, |v| Some(labels::exit_reason(v)));
code!(Eligibility, |v| Some(labels::eligibility(v)));
code!(Role, |v| Some(labels::role(v)));
code!(VisitStatus, |v| Some(labels::visit_status(v)));
code!(Location, |v| Some(labels::location(v)));
code!(Referral, |v| Some(labels::referral(v)));
code!(Theme, |v| Some(labels::theme(v)));
code!(ConsentMethod, |v| Some(labels::consent_method(Some(v))));
// These sets have no entry in the labels table; their Swedish words are their aliases.
code!(Weekday, |_| None);
code!(SessionStatus, |_| None);
code!(AttendanceStatus, |_| None);

impl Code for IdKind {
    fn all() -> &'static [Self] {
        IdKind::ALL
    }
    fn code(self) -> &'static str {
        self.as_str()
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            IdKind::None => &["inget", "ingen"],
            _ => &[],
        }
    }
    fn label(self) -> Option<Text> {
        Some(labels::id_kind(self))
    }
}

/// Lower case, with `_`, `-` and runs of spaces read as one space: `no_show`, `no-show` and
/// `No show` are one word.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// å, ä, ö (and é, ü) written without their marks, as on a keyboard without them.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            'ü' => 'u',
            other => other,
        })
        .collect()
}

/// Every word a value is read from, normalised.
fn words<T: Code>(value: T) -> Vec<String> {
    let mut out = vec![normalise(value.code())];
    out.extend(value.aliases().iter().map(|a| normalise(a)));
    if let Some(label) = value.label() {
        out.push(normalise(&label.sv));
        out.push(normalise(&label.en));
    }
    out
}

/// The one value `text` names: first by its exact word (in any case), else with the Swedish
/// letters folded, but only when that leaves a single value (so folding never guesses).
pub fn parse_code<T: Code>(text: &str) -> Result<T, ProblemKind> {
    let typed = normalise(text);
    let exact: Vec<T> = T::all()
        .iter()
        .copied()
        .filter(|v| words(*v).contains(&typed))
        .collect();
    if let [one] = exact.as_slice() {
        return Ok(*one);
    }
    if exact.is_empty() {
        let folded = fold(&typed);
        let by_fold: Vec<T> = T::all()
            .iter()
            .copied()
            .filter(|v| words(*v).iter().any(|w| fold(w) == folded))
            .collect();
        if let [one] = by_fold.as_slice() {
            return Ok(*one);
        }
    }
    Err(unknown::<T>(text))
}

/// A `|`-separated list of values, naming the first that is not one.
pub fn parse_codes<T: Code>(cell: &str) -> Result<Vec<T>, ProblemKind> {
    split_list(cell).map(parse_code).collect()
}

fn unknown<T: Code>(text: &str) -> ProblemKind {
    ProblemKind::UnknownCode {
        value: text.trim().to_string(),
        codes: T::all().iter().map(|v| v.code()).collect(),
        words_sv: T::all()
            .iter()
            .map(|v| match v.label() {
                Some(label) => label.sv,
                None => v.aliases().first().unwrap_or(&v.code()).to_string(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_the_words_the_app_shows_are_read_in_any_case() {
        assert_eq!(
            parse_codes::<Theme>("sömn| amning"),
            Ok(vec![Theme::Sleep, Theme::Feeding])
        );
        assert_eq!(parse_code::<Theme>("Mat och amning"), Ok(Theme::Feeding));
        assert_eq!(parse_code::<Theme>("SÖMN"), Ok(Theme::Sleep));
        assert_eq!(
            parse_code::<Theme>("child development"),
            Ok(Theme::ChildDevelopment)
        );
        assert_eq!(parse_code::<Referral>("tandvård"), Ok(Referral::Dental));
        assert_eq!(parse_code::<Referral>("Tandvården"), Ok(Referral::Dental));
        assert_eq!(
            parse_code::<VisitStatus>("genomfört"),
            Ok(VisitStatus::Done)
        );
        assert_eq!(
            parse_code::<VisitStatus>("no-show"),
            Ok(VisitStatus::NoShow)
        );
        assert_eq!(
            parse_code::<VisitStatus>("avbokat av familjen"),
            Ok(VisitStatus::CancelledFamily)
        );
        assert_eq!(parse_code::<Role>("BVC-sjuksköterska"), Ok(Role::Nurse));
        assert_eq!(parse_code::<Role>("tolk"), Ok(Role::Interpreter));
        assert_eq!(parse_code::<Weekday>("Mån"), Ok(Weekday::Mon));
        assert_eq!(parse_code::<Weekday>("Torsdag"), Ok(Weekday::Thu));
        assert_eq!(parse_code::<Weekday>("lordag"), Ok(Weekday::Sat));
        assert_eq!(parse_code::<Location>("hemma"), Ok(Location::Home));
        assert_eq!(
            parse_code::<Location>("telefon/video"),
            Ok(Location::PhoneVideo)
        );
        assert_eq!(parse_code::<IdKind>("inget nummer"), Ok(IdKind::None));
        assert_eq!(
            parse_code::<Protection>("skyddad folkbokföring"),
            Ok(Protection::SkyddadFolkbokforing)
        );
        assert_eq!(
            parse_code::<Eligibility>("första barnet"),
            Ok(Eligibility::FirstChild)
        );
        assert_eq!(
            parse_code::<FamilyStatus>("aktiv"),
            Ok(FamilyStatus::Active)
        );
        assert_eq!(parse_code::<ExitReason>("flyttat"), Ok(ExitReason::Moved));
    }

    #[test]
    fn swedish_letters_may_be_folded_when_that_names_one_value() {
        assert_eq!(parse_code::<Theme>("somn"), Ok(Theme::Sleep));
        assert_eq!(parse_code::<Weekday>("lor"), Ok(Weekday::Sat));
        assert_eq!(
            parse_code::<Role>("foraldraradgivare"),
            Ok(Role::ParentAdvisor)
        );
        assert_eq!(
            parse_code::<Protection>("skyddad folkbokforing"),
            Ok(Protection::SkyddadFolkbokforing)
        );
        assert!(parse_code::<Weekday>("tors").is_err());
    }

    /// Every set reads back each of its own codes and words as that value, so no word of one
    /// value is also a word of another (which would make the table ambiguous).
    fn round_trips<T: Code + std::fmt::Debug>() {
        for v in T::all() {
            for w in words(*v) {
                assert_eq!(parse_code::<T>(&w), Ok(*v), "{w}");
            }
        }
    }

    #[test]
    fn no_word_names_two_values() {
        round_trips::<Protection>();
        round_trips::<FamilyStatus>();
        round_trips::<ExitReason>();
        round_trips::<Eligibility>();
        round_trips::<Role>();
        round_trips::<VisitStatus>();
        round_trips::<Location>();
        round_trips::<Referral>();
        round_trips::<Theme>();
        round_trips::<Weekday>();
        round_trips::<IdKind>();
        round_trips::<SessionStatus>();
        round_trips::<AttendanceStatus>();
        round_trips::<ConsentMethod>();
    }
}
