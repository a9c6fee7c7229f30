//! Closed sets of values stored as text: statuses, roles, kinds, with their stored spelling.

use std::fmt;
use std::str::FromStr;

/// The error for a value outside a closed set: quotes the value and lists what is allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{value}\" is not one of: {allowed}")]
pub struct UnknownValue {
    pub value: String,
    pub allowed: String,
}

/// Whether `text` in lower case is `alias` (itself lower case), without making the lower-case
/// copy: a read of thousands of rows parses a value or more of each.
fn lower_is(text: &str, alias: &str) -> bool {
    text.chars().flat_map(char::to_lowercase).eq(alias.chars())
}

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in the database and in import files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Other words read as this value (lower case), such as the Swedish day names.
            pub fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($alias),*]),+ }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                // The stored spellings first: a read of many rows meets only those.
                $(if t.eq_ignore_ascii_case($text) { return Ok($name::$variant); })+
                $($(if lower_is(t, $alias) { return Ok($name::$variant); })*)+
                Err(UnknownValue {
                    value: t.to_string(),
                    allowed: [$($text),+].join(", "),
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// Skyddade personuppgifter: when not `None`, address and phone never leave the family's page.
    Protection {
        None => "none",
        Sekretessmarkering => "sekretessmarkering",
        SkyddadFolkbokforing => "skyddad_folkbokforing",
        Fingerade => "fingerade",
    }
);

impl Protection {
    pub fn is_protected(self) -> bool {
        self != Protection::None
    }
}

text_enum!(
    /// Where a family stands in the programme.
    FamilyStatus {
        Offered => "offered",
        Declined => "declined",
        Active => "active",
        Paused => "paused" | "pausad",
        Completed => "completed",
        Exited => "exited" | "avslutat",
    }
);

text_enum!(
    ExitReason {
        Moved => "moved",
        DeclinedFurther => "declined_further",
        Completed => "completed",
        AgedOut => "aged_out",
        Other => "other",
    }
);

text_enum!(
    /// Why the family is eligible for the extended programme.
    Eligibility {
        FirstChild => "first_child",
        FirstChildInSweden => "first_child_in_sweden",
        Other => "other",
    }
);

text_enum!(
    Role {
        Nurse => "nurse" | "sjuksköterska" | "bvc-sköterska",
        ParentAdvisor => "parent_advisor",
        FamilyTherapist => "family_therapist",
        Dental => "dental" | "tandvård" | "tandsköterska" | "tandhygienist",
        Interpreter => "interpreter",
        Other => "other",
    }
);

text_enum!(
    VisitStatus {
        Planned => "planned" | "planerat" | "bokad",
        Done => "done" | "genomförd",
        CancelledFamily => "cancelled_family",
        CancelledStaff => "cancelled_staff",
        NoShow => "no_show",
    }
);

text_enum!(
    Location {
        Home => "home",
        Clinic => "clinic",
        FamilyCentre => "family_centre",
        PhoneVideo => "phone_video" | "telefon" | "video",
    }
);

text_enum!(
    Referral {
        Dental => "dental" | "tandvård",
        OpenPreschool => "open_preschool" | "öppen förskola",
        Library => "library" | "bibliotek",
        SocialServices => "social_services" | "socialtjänst",
        MaternalHealth => "maternal_health" | "mödrahälsovård" | "mvc",
        Other => "other",
    }
);

text_enum!(
    /// Which of the family were at a visit that took place.
    FamilyPresent {
        OneCaregiver => "one_caregiver" | "en vårdnadshavare",
        BothCaregivers => "both_caregivers" | "båda vårdnadshavarna",
        WithOtherParent => "with_other_parent" | "med barnets andra förälder",
    }
);

text_enum!(
    /// Subjects a visit can cover; programme templates name them by this spelling.
    Theme {
        ChildDevelopment => "child_development",
        Feeding => "feeding" | "amning" | "mat",
        Sleep => "sleep",
        ChildSafety => "child_safety",
        DentalHealth => "dental_health",
        LanguageReading => "language_reading",
        Attachment => "attachment",
        Parenthood => "parenthood",
        WelfareSystem => "welfare_system",
        Vaccination => "vaccination",
        Infections => "infections",
        SocialNetwork => "social_network",
    }
);

text_enum!(
    SessionStatus {
        Planned => "planned" | "planerad",
        Held => "held" | "hållen" | "genomförd",
        Cancelled => "cancelled" | "inställd",
    }
);

text_enum!(
    AttendanceStatus {
        Present => "present" | "närvarande",
        Absent => "absent" | "frånvarande",
        Excused => "excused" | "anmält förhinder" | "förhinder",
    }
);

text_enum!(
    ConsentMethod {
        Oral => "oral" | "muntligt",
        Written => "written" | "skriftligt",
    }
);

text_enum!(
    /// Stored as mon…sun; the Swedish mån…sön and the whole names in both languages (as a
    /// spreadsheet's day format writes them) are read too.
    Weekday {
        Mon => "mon" | "mån" | "monday" | "måndag",
        Tue => "tue" | "tis" | "tuesday" | "tisdag",
        Wed => "wed" | "ons" | "wednesday" | "onsdag",
        Thu => "thu" | "tor" | "thursday" | "torsdag",
        Fri => "fri" | "fre" | "friday" | "fredag",
        Sat => "sat" | "lör" | "saturday" | "lördag",
        Sun => "sun" | "sön" | "sunday" | "söndag",
    }
);

impl Weekday {
    /// The day after, Sunday's being Monday.
    #[must_use]
    pub fn next(self) -> Weekday {
        let at = Weekday::ALL.iter().position(|d| *d == self).unwrap_or(0);
        Weekday::ALL[(at + 1) % Weekday::ALL.len()]
    }

    pub fn from_chrono(d: chrono::Weekday) -> Self {
        match d {
            chrono::Weekday::Mon => Weekday::Mon,
            chrono::Weekday::Tue => Weekday::Tue,
            chrono::Weekday::Wed => Weekday::Wed,
            chrono::Weekday::Thu => Weekday::Thu,
            chrono::Weekday::Fri => Weekday::Fri,
            chrono::Weekday::Sat => Weekday::Sat,
            chrono::Weekday::Sun => Weekday::Sun,
        }
    }
}

/// Working days as a person types them: day names, short or long, in either language, apart
/// by `|`, `,` or spaces, and spans such as `mån-fre`, `mån – fre` or `fre-mån` (from the first
/// day on to the last, round the weekend if need be); each day once, in week order. The first
/// word or span that is no day is named.
pub fn parse_days(text: &str) -> Result<Vec<Weekday>, UnknownValue> {
    let no_day = |part: &str| UnknownValue {
        value: part.to_string(),
        allowed: Weekday::ALL
            .iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    // A span's dash keeps its days together, spaces around it or not.
    let mut joined = text.replace(['–', '—'], "-");
    while joined.contains(" -") || joined.contains("- ") {
        joined = joined.replace(" -", "-").replace("- ", "-");
    }
    let mut days = Vec::new();
    for part in joined
        .split(|c: char| c == '|' || c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        match part.split('-').collect::<Vec<_>>().as_slice() {
            [one] => days.push(one.parse::<Weekday>()?),
            [first, last] => {
                let parse = |d: &str| d.parse::<Weekday>().map_err(|_| no_day(part));
                let (first, last) = (parse(first)?, parse(last)?);
                let mut day = first;
                days.push(day);
                while day != last {
                    day = day.next();
                    days.push(day);
                }
            }
            _ => return Err(no_day(part)),
        }
    }
    days.sort();
    days.dedup();
    Ok(days)
}

/// Parses a `|`-separated cell into values of a closed set, naming the first bad one.
pub fn parse_list<T: FromStr<Err = UnknownValue>>(cell: &str) -> Result<Vec<T>, UnknownValue> {
    split_list(cell).map(str::parse).collect()
}

/// The non-empty, trimmed parts of a `|`-separated cell.
pub fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

text_enum!(
    /// What an audit row records was done.
    AuditAction {
        View => "view",
        RevealProtected => "reveal_protected",
        Create => "create",
        Update => "update",
        AddCaregiver => "add_caregiver",
        AddChild => "add_child",
        UpdateCaregiver => "update_caregiver",
        RemoveCaregiver => "remove_caregiver",
        UpdateChild => "update_child",
        RemoveChild => "remove_child",
        Consent => "consent",
        Status => "status",
        Book => "book",
        Rebook => "rebook",
        Outcome => "outcome",
        Import => "import",
        Backup => "backup",
        Restore => "restore",
        Demo => "demo",
        ExportCalendar => "export_calendar",
        ExportReport => "export_report",
        AuditExtract => "audit_extract",
        AddMember => "add_member",
        RemoveMember => "remove_member",
        Attendance => "attendance",
        SessionHeld => "session_held",
        SessionCancelled => "session_cancelled",
        SessionReinstated => "session_reinstated",
        Dropins => "dropins",
        Retention => "retention",
        Encrypt => "encrypt",
        Decrypt => "decrypt",
        Rekey => "rekey",
        Repair => "repair",
    }
);

text_enum!(
    /// What an audit row is about.
    AuditEntity {
        Family => "family",
        Staff => "staff",
        Visit => "visit",
        Database => "database",
        Group => "group",
        Session => "session",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Working days typed as a person types them, with no `|` (AltGr on a Swedish keyboard):
    /// spans, commas and spaces, in either language.
    #[test]
    fn working_days_are_read_as_typed() {
        use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
        assert_eq!(parse_days("mån-fre"), Ok(vec![Mon, Tue, Wed, Thu, Fri]));
        assert_eq!(parse_days("mån–ons, fre"), Ok(vec![Mon, Tue, Wed, Fri]));
        assert_eq!(parse_days("tor tis  mån"), Ok(vec![Mon, Tue, Thu]));
        assert_eq!(parse_days("Mon|Tue|tue"), Ok(vec![Mon, Tue]));
        assert_eq!(parse_days(""), Ok(vec![]));
        assert_eq!(parse_days("mån - fre"), Ok(vec![Mon, Tue, Wed, Thu, Fri]));
        assert_eq!(parse_days("mån -ons,\tfre"), Ok(vec![Mon, Tue, Wed, Fri]));
        assert_eq!(
            parse_days("fre-mån"),
            Ok(vec![Mon, Fri, Sat, Sun]),
            "round the weekend"
        );
        assert_eq!(parse_days("MÅN-TIS"), Ok(vec![Mon, Tue]));
        let named = |text: &str| parse_days(text).map_err(|e| e.value);
        assert_eq!(named("mån-xyz"), Err("mån-xyz".to_string()));
        assert_eq!(named("mån-"), Err("mån-".to_string()));
        assert_eq!(named("månd"), Err("månd".to_string()));
    }

    #[test]
    fn round_trips_every_value() {
        for v in VisitStatus::ALL {
            assert_eq!(v.as_str().parse::<VisitStatus>(), Ok(*v));
        }
        for v in Protection::ALL {
            assert_eq!(v.to_string().parse::<Protection>(), Ok(*v));
        }
    }

    #[test]
    fn unknown_value_lists_the_allowed_ones() {
        let err = "läkare".parse::<Role>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"läkare\" is not one of: nurse, parent_advisor, family_therapist, dental, interpreter, other"
        );
    }

    #[test]
    fn swedish_day_names_are_read_too() {
        let days: Vec<Weekday> = parse_list("Mån|ons|fre").unwrap();
        assert_eq!(days, vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]);
        assert_eq!(Weekday::Thu.as_str(), "thu");
        let whole: Vec<Weekday> = parse_list("Måndag|onsdag|Friday").unwrap();
        assert_eq!(whole, vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]);
    }

    /// Stored spellings are compared before other words: no other word may be another value's
    /// spelling, or which value it reads as would depend on that order. Every value, and each
    /// of its other words in any case, reads as itself.
    #[test]
    fn every_word_of_every_set_reads_as_its_own_value() {
        fn check<T: Copy + PartialEq + fmt::Debug + FromStr + 'static>(
            all: &[T],
            text: fn(T) -> &'static str,
            words: fn(T) -> &'static [&'static str],
        ) where
            T::Err: fmt::Debug,
        {
            for v in all {
                for word in words(*v) {
                    assert!(
                        all.iter().all(|o| !text(*o).eq_ignore_ascii_case(word)),
                        "{word} is a stored spelling too"
                    );
                    assert_eq!(word.parse::<T>().ok(), Some(*v), "{word}");
                    assert_eq!(word.to_uppercase().parse::<T>().ok(), Some(*v), "{word}");
                }
                assert_eq!(text(*v).to_uppercase().parse::<T>().ok(), Some(*v));
            }
        }
        macro_rules! check_all {
            ($($name:ident),+) => {
                $(check($name::ALL, $name::as_str, $name::aliases);)+
            };
        }
        check_all!(
            Protection,
            FamilyStatus,
            ExitReason,
            Eligibility,
            Role,
            VisitStatus,
            Location,
            Referral,
            FamilyPresent,
            Theme,
            SessionStatus,
            AttendanceStatus,
            ConsentMethod,
            Weekday,
            AuditAction,
            AuditEntity
        );
    }

    #[test]
    fn lists_skip_blanks_and_trim() {
        let days: Vec<Weekday> = parse_list(" mon | | thu").unwrap();
        assert_eq!(days, vec![Weekday::Mon, Weekday::Thu]);
        assert!(parse_list::<Weekday>("mon|tors").is_err());
    }
}
