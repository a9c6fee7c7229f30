//! The one table of the report's indicators: ids, names, definitions, units and categories.
//! It drives the computation's labels, the documentation and the JSON metadata.

use std::borrow::Cow;

use crate::domain::enums::{ExitReason, FamilyPresent, Referral};

/// Every indicator, in the report's order (the order of `INDICATORS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndicatorId {
    FamiliesOffered,
    AcceptanceRate,
    FamiliesActiveEnd,
    FamiliesExited,
    VisitsDone,
    JointVisitShare,
    InWindowShare,
    InterpreterShare,
    VisitsCancelledFamily,
    VisitsCancelledStaff,
    VisitsNoShow,
    Referrals,
    VisitsFamilyPresent,
    FirstVisitWithin30Days,
    ChildrenCompleted,
    GroupSessionsHeld,
    GroupSessionsCancelled,
    GroupFamiliesAttending,
    GroupAttendanceRate,
    GroupDropins,
}

/// Whether a figure is a count of people or events, or a share of a denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Count,
    Percent,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
        }
    }
}

/// One category of a categorised indicator; the order of the variants is the report's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Enrolled,
    Declined,
    Undecided,
    Exit(ExitReason),
    /// A programme visit by its number.
    Visit(u32),
    /// A visit outside the programme's list.
    Extra,
    Referral(Referral),
    /// Who of the family took part in a done visit.
    Present(FamilyPresent),
    /// A done visit where who of the family took part was not recorded.
    PresentNotRecorded,
    All,
    AtLeast4,
    FewerThan4,
    /// A percent's numerator, published as a count of its own.
    Numerator,
    /// A percent's denominator, published as a count of its own.
    Denominator,
}

impl Category {
    /// The stable spelling in every format.
    pub fn key(self) -> Cow<'static, str> {
        match self {
            Category::Enrolled => "enrolled".into(),
            Category::Declined => "declined".into(),
            Category::Undecided => "undecided".into(),
            Category::Exit(r) => r.as_str().into(),
            Category::Visit(n) => n.to_string().into(),
            Category::Extra => "extra".into(),
            Category::Referral(r) => r.as_str().into(),
            Category::Present(p) => p.as_str().into(),
            Category::PresentNotRecorded => "not_recorded".into(),
            Category::All => "all".into(),
            Category::AtLeast4 => "at_least_4".into(),
            Category::FewerThan4 => "fewer_than_4".into(),
            Category::Numerator => "numerator".into(),
            Category::Denominator => "denominator".into(),
        }
    }

    /// The category of this indicator spelled `text` (as `key` writes it).
    pub fn parse_for(id: IndicatorId, text: &str) -> Option<Self> {
        let info = id.info();
        if info.unit == Unit::Percent {
            return [Category::Numerator, Category::Denominator]
                .into_iter()
                .find(|c| c.key() == text);
        }
        match info.categories {
            Categories::None => None,
            Categories::Fixed(list) => list.iter().copied().find(|c| c.key() == text),
            Categories::VisitNumbers => match text {
                "extra" => Some(Category::Extra),
                digits => digits.parse().ok().map(Category::Visit),
            },
        }
    }
}

/// Which categories an indicator is broken into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Categories {
    None,
    /// Always these, in this order, zeros included.
    Fixed(&'static [Category]),
    /// The programme visit numbers done in the quarter (`1` … `n`), then `extra`.
    VisitNumbers,
}

#[derive(Debug)]
pub struct Indicator {
    pub id: IndicatorId,
    /// The stable id in every format.
    pub key: &'static str,
    pub name_sv: &'static str,
    pub name_en: &'static str,
    pub definition_sv: &'static str,
    pub definition_en: &'static str,
    pub unit: Unit,
    pub categories: Categories,
    /// Counted by the group's area: these have no rows by clinic.
    pub by_group: bool,
}

const OUTCOMES: &[Category] = &[Category::Enrolled, Category::Declined, Category::Undecided];
const EXIT_REASONS: &[Category] = &[
    Category::Exit(ExitReason::Moved),
    Category::Exit(ExitReason::DeclinedFurther),
    Category::Exit(ExitReason::Completed),
    Category::Exit(ExitReason::AgedOut),
    Category::Exit(ExitReason::Other),
];
const REFERRALS: &[Category] = &[
    Category::Referral(Referral::Dental),
    Category::Referral(Referral::OpenPreschool),
    Category::Referral(Referral::Library),
    Category::Referral(Referral::SocialServices),
    Category::Referral(Referral::MaternalHealth),
    Category::Referral(Referral::Other),
];
const FAMILY_PRESENT: &[Category] = &[
    Category::Present(FamilyPresent::OneCaregiver),
    Category::Present(FamilyPresent::BothCaregivers),
    Category::Present(FamilyPresent::WithOtherParent),
    Category::PresentNotRecorded,
];
const COMPLETION: &[Category] = &[Category::All, Category::AtLeast4, Category::FewerThan4];

#[allow(clippy::too_many_arguments)] // one row of the table, read as a row
const fn row(
    id: IndicatorId,
    key: &'static str,
    unit: Unit,
    categories: Categories,
    name_sv: &'static str,
    name_en: &'static str,
    definition_sv: &'static str,
    definition_en: &'static str,
) -> Indicator {
    Indicator {
        id,
        key,
        name_sv,
        name_en,
        definition_sv,
        definition_en,
        unit,
        categories,
        by_group: matches!(
            id,
            IndicatorId::GroupSessionsHeld
                | IndicatorId::GroupSessionsCancelled
                | IndicatorId::GroupFamiliesAttending
                | IndicatorId::GroupAttendanceRate
                | IndicatorId::GroupDropins
        ),
    }
}

use Categories as C;
use IndicatorId as I;
use Unit::{Count, Percent};

/// The indicators of DESIGN §7, in report order. "I kvartalet"/"in Q": the event's date lies in
/// the quarter.
pub static INDICATORS: &[Indicator] = &[
    row(
        I::FamiliesOffered,
        "families_offered",
        Count,
        C::Fixed(OUTCOMES),
        "Erbjudna familjer",
        "Families offered",
        "Familjer som erbjöds programmet i kvartalet, efter hur det stod på kvartalets sista dag: inskrivna, tackat nej, ej beslutat.",
        "Families offered the programme in the quarter, by where they stood on its last day: enrolled, declined, undecided.",
    ),
    row(
        I::AcceptanceRate,
        "acceptance_rate",
        Percent,
        C::None,
        "Andel som tackat ja",
        "Acceptance rate",
        "Av familjerna som erbjöds i kvartalet och hade bestämt sig vid dess slut (täljare: inskrivna; nämnare: inskrivna + tackat nej): andelen inskrivna.",
        "Of the families offered in the quarter who had decided by its end (numerator: enrolled; denominator: enrolled + declined): the share who enrolled.",
    ),
    row(
        I::FamiliesActiveEnd,
        "families_active_end",
        Count,
        C::None,
        "Aktiva familjer vid kvartalets slut",
        "Families active at the quarter's end",
        "Familjer i programmet på kvartalets sista dag: inskrivna senast då och inte avslutade senast då (vilande räknas).",
        "Families in the programme on the quarter's last day: enrolled by then and not exited or completed by then (paused ones count).",
    ),
    row(
        I::FamiliesExited,
        "families_exited",
        Count,
        C::Fixed(EXIT_REASONS),
        "Avslutade familjer",
        "Families exited",
        "Familjer som lämnade programmet i kvartalet, efter orsak (fullföljt inräknat; utan angiven orsak räknas som annat).",
        "Families who left the programme in the quarter, by reason (completed included; no recorded reason counts as other).",
    ),
    row(
        I::VisitsDone,
        "visits_done",
        Count,
        C::VisitNumbers,
        "Genomförda besök",
        "Visits done",
        "Besök genomförda i kvartalet, efter besöksnummer i programmet (extra: besök utanför programmets lista).",
        "Visits done in the quarter, by the programme visit number (extra: visits outside the programme's list).",
    ),
    row(
        I::JointVisitShare,
        "joint_visit_share",
        Percent,
        C::None,
        "Andel gemensamma besök",
        "Joint visit share",
        "Av programbesöken genomförda i kvartalet (nämnare): andelen där alla yrkesroller som programmet kräver för besöket deltog (täljare).",
        "Of the programme visits done in the quarter (denominator): the share where every role the programme requires for that visit attended (numerator).",
    ),
    row(
        I::InWindowShare,
        "in_window_share",
        Percent,
        C::None,
        "Andel besök i rätt ålder",
        "In-window share",
        "Av programbesöken genomförda i kvartalet vars barn har känt födelsedatum (nämnare): andelen gjorda mellan besökets tidigaste och sena ålder (täljare).",
        "Of the programme visits done in the quarter whose child's birth date is known (denominator): the share done between the visit's earliest and late ages (numerator).",
    ),
    row(
        I::InterpreterShare,
        "interpreter_share",
        Percent,
        C::None,
        "Andel besök med tolk när tolk behövs",
        "Interpreter share",
        "Av besöken genomförda i kvartalet hos familjer med tolkspråk (nämnare): andelen där tolk användes (täljare).",
        "Of the visits done in the quarter to families with an interpreter language (denominator): the share where an interpreter was used (numerator).",
    ),
    row(
        I::VisitsCancelledFamily,
        "visits_cancelled_family",
        Count,
        C::None,
        "Besök inställda av familjen",
        "Visits cancelled by the family",
        "Besök planerade till en tid i kvartalet som familjen ställde in.",
        "Visits planned for a time in the quarter that the family cancelled.",
    ),
    row(
        I::VisitsCancelledStaff,
        "visits_cancelled_staff",
        Count,
        C::None,
        "Besök inställda av personalen",
        "Visits cancelled by staff",
        "Besök planerade till en tid i kvartalet som personalen ställde in.",
        "Visits planned for a time in the quarter that staff cancelled.",
    ),
    row(
        I::VisitsNoShow,
        "visits_no_show",
        Count,
        C::None,
        "Uteblivna besök",
        "Visits with no show",
        "Besök planerade till en tid i kvartalet där familjen inte fanns på plats.",
        "Visits planned for a time in the quarter where the family was not there.",
    ),
    row(
        I::Referrals,
        "referrals",
        Count,
        C::Fixed(REFERRALS),
        "Hänvisningar",
        "Referrals",
        "Hänvisningar antecknade vid besök genomförda i kvartalet, efter slag.",
        "Referrals recorded on visits done in the quarter, by kind.",
    ),
    row(
        I::VisitsFamilyPresent,
        "visits_family_present",
        Count,
        C::Fixed(FAMILY_PRESENT),
        "Programbesök efter vilka i familjen som deltog",
        "Programme visits by who of the family took part",
        "Programbesök genomförda i kvartalet, efter vilka i familjen som var med: en vårdnadshavare, båda vårdnadshavarna, en vårdnadshavare med barnets andra förälder, eller ej angivet. Summan är programbesöken genomförda i kvartalet (nämnaren i andelen gemensamma besök).",
        "Programme visits done in the quarter, by who of the family took part: one caregiver, both caregivers, a caregiver with the child's other parent, or not recorded. They add up to the programme visits done in the quarter (the joint visit share's denominator).",
    ),
    row(
        I::FirstVisitWithin30Days,
        "first_visit_within_30_days",
        Percent,
        C::None,
        "Första besöket inom 30 dagar",
        "First visit within 30 days",
        "Av barnen i inskrivna familjer som fyllde 30 dagar i kvartalet (nämnare): andelen vars första programbesök var gjort senast den dagen (täljare).",
        "Of the children in enrolled families who turned 30 days old in the quarter (denominator): the share whose first programme visit was done by that day (numerator).",
    ),
    row(
        I::ChildrenCompleted,
        "children_completed",
        Count,
        C::Fixed(COMPLETION),
        "Barn som gått igenom programmet",
        "Children through the programme",
        "Barn i inskrivna familjer vars sista besöksfönster (högsta ålder) stängde i kvartalet, efter hur många av programmets besök som gjordes: alla, minst 4 men inte alla, färre än 4.",
        "Children in enrolled families whose programme's last window (max age) closed in the quarter, by how many of its visits were done: all, at least 4 but not all, fewer than 4.",
    ),
    row(
        I::GroupSessionsHeld,
        "group_sessions_held",
        Count,
        C::None,
        "Hållna gruppträffar",
        "Group sessions held",
        "Föräldragruppsträffar i kvartalet som hölls, efter gruppens område.",
        "Parent-group sessions in the quarter that were held, by the group's area.",
    ),
    row(
        I::GroupSessionsCancelled,
        "group_sessions_cancelled",
        Count,
        C::None,
        "Inställda gruppträffar",
        "Group sessions cancelled",
        "Föräldragruppsträffar i kvartalet som ställdes in, efter gruppens område.",
        "Parent-group sessions in the quarter that were cancelled, by the group's area.",
    ),
    row(
        I::GroupFamiliesAttending,
        "group_families_attending",
        Count,
        C::None,
        "Familjer i föräldragrupp",
        "Families attending groups",
        "Olika familjer som var närvarande vid minst en träff som hölls i kvartalet, som medlemmar.",
        "Distinct families present, as members, at one or more sessions held in the quarter.",
    ),
    row(
        I::GroupAttendanceRate,
        "group_attendance_rate",
        Percent,
        C::None,
        "Närvaro i föräldragrupp",
        "Group attendance rate",
        "Närvarande ÷ (närvarande + frånvarande + anmält förhinder), över medlemmarna vid träffar som hölls i kvartalet; ej registrerat räknas inte, inställda träffar räknas aldrig.",
        "Present ÷ (present + absent + excused), over the members at sessions held in the quarter; not recorded is not counted, cancelled sessions never are.",
    ),
    row(
        I::GroupDropins,
        "group_dropins",
        Count,
        C::None,
        "Besökare utan medlemskap",
        "Drop-in attendees",
        "Besökare som kom utan att vara medlemmar, vid träffar som hölls i kvartalet.",
        "Drop-in attendees at sessions held in the quarter.",
    ),
];

impl IndicatorId {
    /// The indicator's row in the table.
    pub fn info(self) -> &'static Indicator {
        // The table lists every id once, in the enum's order (a test proves it).
        &INDICATORS[self as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_every_id_once_in_order() {
        for (i, row) in INDICATORS.iter().enumerate() {
            assert_eq!(row.id as usize, i, "{}", row.key);
            assert_eq!(row.id.info().key, row.key);
        }
        assert_eq!(INDICATORS.len(), IndicatorId::GroupDropins as usize + 1);
    }

    #[test]
    fn every_row_is_filled_in_both_languages() {
        let mut keys = std::collections::BTreeSet::new();
        for row in INDICATORS {
            assert!(keys.insert(row.key), "{} twice", row.key);
            assert!(
                row.key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            );
            for text in [
                row.name_sv,
                row.name_en,
                row.definition_sv,
                row.definition_en,
            ] {
                assert!(!text.is_empty(), "{}", row.key);
            }
            assert_ne!(row.definition_sv, row.definition_en, "{}", row.key);
            // A percent is never categorised: its numerator and denominator are one pair.
            if row.unit == Unit::Percent {
                assert_eq!(row.categories, Categories::None, "{}", row.key);
            }
        }
    }

    #[test]
    fn categories_are_spelled_as_stored() {
        assert_eq!(
            Category::Exit(ExitReason::DeclinedFurther).key(),
            "declined_further"
        );
        assert_eq!(Category::Visit(12).key(), "12");
        assert_eq!(Category::AtLeast4.key(), "at_least_4");
        assert_eq!(
            Category::Present(FamilyPresent::WithOtherParent).key(),
            "with_other_parent"
        );
        assert_eq!(
            Category::parse_for(IndicatorId::VisitsFamilyPresent, "not_recorded"),
            Some(Category::PresentNotRecorded)
        );
        assert!(Category::Visit(9) < Category::Visit(10));
        assert!(Category::Visit(10) < Category::Extra);
    }
}
