//! Property tests on random registers: nothing small is published, the audit finds nothing to
//! solve, the same facts give the same report, and attendance counts only members at held sessions.

use proptest::prelude::*;

use super::*;
use crate::domain::enums::SessionStatus;

const AREAS: &[&str] = &["Centrum", "Norr", "Söder"];
const PROGRAMMES: &[&str] = &["rinkeby", "grastorp"];
const ELIGIBILITIES: &[crate::domain::enums::Eligibility] = crate::domain::enums::Eligibility::ALL;
const CLINICS: &[&str] = &["BVC 1", "BVC 2", "BVC 3", "BVC 4"];
const STATUSES: &[V] = &[
    V::Planned,
    V::Done,
    V::CancelledFamily,
    V::CancelledStaff,
    V::NoShow,
];
const REFERRALS: &[Referral] = &[
    Referral::Dental,
    Referral::OpenPreschool,
    Referral::Library,
    Referral::SocialServices,
    Referral::MaternalHealth,
    Referral::Other,
];
const EXITS: &[ExitReason] = &[
    ExitReason::Moved,
    ExitReason::DeclinedFurther,
    ExitReason::Completed,
    ExitReason::AgedOut,
    ExitReason::Other,
];

/// A day from 2026-05-01 to 2026-11-27, around the third quarter.
fn day(offset: u16) -> NaiveDate {
    d(5, 1) + Days::new(u64::from(offset % 210))
}

fn maybe_day(offset: u16) -> Option<NaiveDate> {
    (!offset.is_multiple_of(3)).then(|| day(offset))
}

fn pick<T: Clone>(list: &[T], i: u8) -> T {
    list[usize::from(i) % list.len()].clone()
}

/// One in eight without an area or a clinic.
fn name(list: &[&str], i: u8) -> Option<String> {
    (i % 8 != 7).then(|| pick(list, i).to_string())
}

fn family_row() -> impl Strategy<Value = (u8, u8, [u16; 5], u8, bool)> {
    (
        any::<u8>(),
        any::<u8>(),
        any::<[u16; 5]>(),
        any::<u8>(),
        any::<bool>(),
    )
}

fn families(raw: Vec<(u8, u8, [u16; 5], u8, bool)>) -> Vec<FamilyRow> {
    raw.into_iter()
        .enumerate()
        .map(|(i, (a, c, days, reason, interp))| FamilyRow {
            id: i as i64 + 1,
            area: name(AREAS, a),
            clinic: name(CLINICS, c),
            programme: name(PROGRAMMES, a.rotate_left(3)),
            eligibility: (reason % 7 != 6).then(|| pick(ELIGIBILITIES, a ^ c)),
            offered_on: maybe_day(days[0]),
            enrolled_on: maybe_day(days[1]),
            declined_on: maybe_day(days[2]),
            paused_on: None,
            exited_on: maybe_day(days[3]).filter(|_| days[4] % 2 == 0),
            exit_reason: (reason % 6 != 5).then(|| pick(EXITS, reason)),
            needs_interpreter: interp,
        })
        .collect()
}

type RawVisit = (u8, u8, u8, u16, [bool; 3], u8);

fn visits(raw: Vec<RawVisit>) -> Vec<VisitRow> {
    raw.into_iter()
        .map(
            |(family, no, status, date, [roles, inside, interp], refs)| {
                let date = day(date);
                VisitRow {
                    // Some refer to a family not in the rows: they count with no area or clinic.
                    family_id: i64::from(family % 45) + 1,
                    visit_no: (no % 7 != 0).then_some(u32::from(no % 7)),
                    status: pick(STATUSES, status),
                    date,
                    required_roles_met: roles,
                    window: (no % 5 != 4).then(|| window(date, inside)),
                    interpreter_used: interp,
                    referrals: REFERRALS
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| refs & (1 << i) != 0 && refs % 3 == 0)
                        .map(|(_, r)| *r)
                        .collect(),
                    // Who of the family took part: each of the three, or not recorded.
                    family_present: match (refs >> 5) % 4 {
                        0 => None,
                        i => Some(pick(crate::domain::enums::FamilyPresent::ALL, i - 1)),
                    },
                }
            },
        )
        .collect()
}

type RawChild = (u8, u16, u16, u16, u8, u8, bool);

fn children(raw: Vec<RawChild>) -> Vec<ChildRow> {
    raw.into_iter()
        .map(
            |(family, born, first, last, total, done, expected)| ChildRow {
                family_id: i64::from(family % 45) + 1,
                born_on: day(born) - Days::new(40),
                expected: expected && born % 5 == 0,
                first_visit_done_on: maybe_day(first),
                last_window_closes: maybe_day(last),
                programme_visits: u32::from(total % 6) + 1,
                visits_done: u32::from(done % 8),
            },
        )
        .collect()
}

type RawMember = (u8, u16, u16);
type RawSession = (u8, u16, u8, u8, Vec<(u8, u8)>);

fn groups(raw: Vec<(u8, Vec<RawMember>)>) -> Vec<GroupRow> {
    raw.into_iter()
        .enumerate()
        .map(|(i, (a, members))| GroupRow {
            id: i as i64 + 1,
            area: name(AREAS, a),
            members: members
                .into_iter()
                .map(|(f, joined, left)| MemberRow {
                    family_id: i64::from(f % 45) + 1,
                    joined_on: maybe_day(joined),
                    left_on: maybe_day(left).filter(|_| left % 2 == 0),
                })
                .collect(),
        })
        .collect()
}

fn sessions(raw: Vec<RawSession>) -> Vec<SessionRow> {
    let statuses = [
        SessionStatus::Held,
        SessionStatus::Held,
        SessionStatus::Cancelled,
        SessionStatus::Planned,
    ];
    let marks = [A::Present, A::Present, A::Absent, A::Excused];
    raw.into_iter()
        .map(|(g, date, status, dropins, m)| SessionRow {
            group_id: i64::from(g % 4) + 1,
            date: day(date),
            status: pick(&statuses, status),
            dropins: u32::from(dropins % 6),
            marks: m
                .into_iter()
                .map(|(f, s)| (i64::from(f % 45) + 1, pick(&marks, s)))
                .collect(),
        })
        .collect()
}

pub(super) fn register() -> impl Strategy<Value = ReportInput> {
    (
        proptest::collection::vec(family_row(), 0..45),
        proptest::collection::vec(any::<RawVisit>(), 0..120),
        proptest::collection::vec(any::<RawChild>(), 0..40),
        proptest::collection::vec(
            (
                any::<u8>(),
                proptest::collection::vec(any::<RawMember>(), 0..10),
            ),
            0..4,
        ),
        proptest::collection::vec(
            (
                any::<u8>(),
                any::<u16>(),
                any::<u8>(),
                any::<u8>(),
                proptest::collection::vec(any::<(u8, u8)>(), 0..10),
            ),
            0..25,
        ),
    )
        .prop_map(|(f, v, c, g, s)| ReportInput {
            families: families(f),
            units: Vec::new(),
            visits: visits(v),
            children: children(c),
            groups: groups(g),
            sessions: sessions(s),
        })
}

/// The sums the suppression relies on really hold: categories add up to their total, areas
/// and clinics to the municipality (all but the distinct families in groups, which may count a
/// family in two areas).
fn sums_hold(cells: &[Cell]) -> Result<(), TestCaseError> {
    use std::collections::BTreeMap;
    let parts = |f: Figure| match f {
        Figure::Count(n) => (n, 0),
        Figure::Share {
            numerator,
            denominator,
        } => (numerator, denominator),
    };
    let mut by_cat: BTreeMap<(IndicatorId, &Place), (u64, u64)> = BTreeMap::new();
    let mut by_place: BTreeMap<(IndicatorId, &str, Option<Category>), (u64, u64)> = BTreeMap::new();
    for c in cells {
        let (a, b) = parts(c.figure);
        let part = matches!(
            c.category,
            Some(Category::Numerator | Category::Denominator)
        );
        if c.category.is_some() && !part {
            let e = by_cat.entry((c.indicator, &c.place)).or_default();
            *e = (e.0 + a, e.1 + b);
        }
        if c.place != Place::Municipality {
            let e = by_place
                .entry((c.indicator, c.place.by(), c.category))
                .or_default();
            *e = (e.0 + a, e.1 + b);
        }
    }
    for c in cells {
        if c.category.is_none() && by_cat.contains_key(&(c.indicator, &c.place)) {
            prop_assert_eq!(by_cat[&(c.indicator, &c.place)], parts(c.figure), "{:?}", c);
        }
        if c.place == Place::Municipality && c.indicator != IndicatorId::GroupFamiliesAttending {
            for by in ["area", "clinic"] {
                if let Some(sum) = by_place.get(&(c.indicator, by, c.category)) {
                    prop_assert_eq!(*sum, parts(c.figure), "{:?} by {}", c, by);
                }
            }
        }
    }
    Ok(())
}

/// The project's own audit from outside: every hidden count's interval over whole numbers, with
/// the reader's knowledge, reaches k and is wider than one value (a count that may be 0, of a
/// withheld breakdown, may instead reach 0).
fn interval_check(report: &Report) -> Result<(), TestCaseError> {
    let k = i64::from(report.threshold.get());
    let p = super::super::audit::build(&report.cells, &report.nests);
    for (a, interval) in super::super::audit::intervals(&p, &[], report.threshold.get()) {
        let atom = &p.atoms[a];
        if atom.value == 0 {
            continue;
        }
        let (lo, hi) =
            interval.ok_or_else(|| TestCaseError::fail(format!("no interval for {atom:?}")))?;
        let cell = &report.cells[atom.cell];
        prop_assert!(
            lo <= atom.value && atom.value <= hi,
            "{:?} {:?}",
            cell,
            (lo, hi)
        );
        prop_assert!(lo < hi, "{:?} is determined: {:?}", cell, (lo, hi));
        prop_assert!(
            hi >= k || (atom.min == 0 && lo == 0),
            "{:?} is below k: {:?}",
            cell,
            (lo, hi)
        );
    }
    Ok(())
}

fn attendance(cells: &[Cell]) -> Vec<(Place, Figure)> {
    cells
        .iter()
        .filter(|c| {
            matches!(
                c.indicator,
                IndicatorId::GroupAttendanceRate | IndicatorId::GroupFamiliesAttending
            )
        })
        .map(|c| (c.place.clone(), c.figure))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn nothing_small_is_published_and_nothing_can_be_solved(input in register(), k in 0u32..9) {
        let threshold = Threshold::new(k);
        prop_assert!(threshold.get() >= 3);
        let report = Report::compute(&input, q3(), threshold);
        let k = u64::from(threshold.get());
        for c in &report.cells {
            let Some(v) = c.published() else {
                continue;
            };
            match (c.figure, v) {
                (Figure::Count(n), _) => prop_assert!(n == 0 || n >= k, "{:?}", c),
                (Figure::Share { numerator, denominator }, Value::Percent { .. }) => {
                    // Published exactly: its counts are, and nobody few fell short.
                    prop_assert!(denominator >= k, "{:?}", c);
                    prop_assert!(numerator == 0 || numerator >= k, "{:?}", c);
                    let complement = denominator - numerator;
                    prop_assert!(complement == 0 || complement >= k, "{:?}", c);
                }
                (Figure::Share { numerator, denominator }, _) => {
                    // Top-coded: a share of events, of 20 or more, at least 95 %.
                    prop_assert!(denominator >= 20 && 20 * numerator >= 19 * denominator, "{:?}", c);
                }
            }
        }
        prop_assert!(
            report.audit.exposed.is_empty(),
            "exposed: {:?}",
            report.audit.exposed.iter().map(|&i| &report.cells[i]).collect::<Vec<_>>()
        );
        prop_assert_eq!(exposed_cells(&report.cells, &report.nests, threshold, &[]), Vec::<usize>::new());
        interval_check(&report)?;
        sums_hold(&report.cells)?;
    }

    #[test]
    fn the_same_facts_give_the_same_report(input in register()) {
        let a = Report::compute(&input, q3(), Threshold::default());
        let b = Report::compute(&input, q3(), Threshold::default());
        prop_assert_eq!(&a, &b);
        // The order the database returns rows in does not matter either.
        let mut shuffled = input.clone();
        shuffled.families.reverse();
        shuffled.visits.reverse();
        shuffled.children.reverse();
        shuffled.sessions.reverse();
        for g in &mut shuffled.groups {
            g.members.reverse();
        }
        for s in &mut shuffled.sessions {
            s.marks.reverse();
        }
        prop_assert_eq!(&a, &Report::compute(&shuffled, q3(), Threshold::default()));
    }

    #[test]
    fn exporting_the_same_facts_again_gives_the_same_file(input in register()) {
        // A coordinator exports the quarter twice with nothing changed: the second file is the
        // first, not a revision that hides more or is refused.
        let first = Report::compute(&input, q3(), Threshold::default());
        let again = Report::revise(&input, q3(), Threshold::default(), &[first.stored()]);
        prop_assert!(again.audit.exposed.is_empty(), "refused: {:?}", again.audit.exposed);
        prop_assert_eq!(again.stored(), first.stored());
    }

    #[test]
    fn attendance_counts_only_members_at_held_sessions(input in register(), extra in any::<u8>()) {
        let before = attendance(&aggregate(&input, q3()));
        let mut noisy = input.clone();
        let members: std::collections::HashMap<i64, Vec<MemberRow>> =
            noisy.groups.iter().map(|g| (g.id, g.members.clone())).collect();
        let statuses = [A::Present, A::Absent, A::Excused];
        for (i, s) in noisy.sessions.iter_mut().enumerate() {
            let mark = pick(&statuses, extra.wrapping_add(i as u8));
            // A family that is no member, at any session.
            s.marks.push((999, mark));
            let own = members.get(&s.group_id).cloned().unwrap_or_default();
            for m in &own {
                let member_then = own.iter().any(|o| o.family_id == m.family_id && o.member_on(s.date));
                if s.status != SessionStatus::Held {
                    // Anything marked at a cancelled or planned session.
                    s.marks.push((m.family_id, A::Present));
                } else if !member_then {
                    // A member before joining or after leaving.
                    s.marks.push((m.family_id, mark));
                }
            }
        }
        prop_assert_eq!(before, attendance(&aggregate(&noisy, q3())));
    }
}

#[test]
fn the_threshold_is_never_below_three() {
    assert_eq!(Threshold::new(0).get(), 3);
    assert_eq!(Threshold::new(2).get(), 3);
    assert_eq!(Threshold::new(7).get(), 7);
    assert_eq!(Threshold::default().get(), 5);
    let k = Threshold::new(3);
    assert!(!k.is_small(0) && k.is_small(1) && k.is_small(2) && !k.is_small(3));
}

#[test]
fn percents_round_half_up_in_tenths() {
    let p = |n, d| {
        Figure::Share {
            numerator: n,
            denominator: d,
        }
        .value()
    };
    assert_eq!(p(2, 3), Value::Percent { tenths: 667 });
    assert_eq!(p(1, 8), Value::Percent { tenths: 125 });
    assert_eq!(p(1, 16), Value::Percent { tenths: 63 }); // 6.25 → 6.3
    assert_eq!(p(5, 5), Value::Percent { tenths: 1000 });
    assert_eq!(p(0, 0), Value::Percent { tenths: 0 });
}
/// A table as the report makes them: counts of an area × clinic × category cross-classification
/// (never published itself), summed to areas, clinics, the municipality and the category totals.
/// The nests are those of the cross-classification's non-empty area × clinic pairs, as the
/// families' places would give them.
fn table(cross: &[u8], areas: usize, clinics: usize, categories: usize) -> (Vec<Cell>, Vec<Nest>) {
    use std::collections::{BTreeMap, BTreeSet};
    let mut sums: BTreeMap<(Place, Option<Category>), u64> = BTreeMap::new();
    let mut pairs: BTreeSet<(Place, Place)> = BTreeSet::new();
    for (i, &raw) in cross.iter().take(areas * clinics * categories).enumerate() {
        // Mostly zeros and small counts, some large: the mix that makes suppression work.
        let n = match raw % 10 {
            0..=3 => 0,
            4..=7 => u64::from(raw % 4) + 1,
            _ => u64::from(raw % 23) + 5,
        };
        let (a, rest) = (i / (clinics * categories), i % (clinics * categories));
        let (c, k) = (rest / categories, rest % categories);
        let cat = Category::Visit(k as u32 + 1);
        if n > 0 {
            pairs.insert((
                Place::Area(Some(format!("A{a}"))),
                Place::Clinic(Some(format!("C{c}"))),
            ));
        }
        for place in [
            Place::Municipality,
            Place::Area(Some(format!("A{a}"))),
            Place::Clinic(Some(format!("C{c}"))),
        ] {
            for category in [Some(cat), None] {
                *sums.entry((place.clone(), category)).or_default() += n;
            }
        }
    }
    let cells = sums
        .into_iter()
        .map(|((place, category), n)| Cell {
            indicator: IndicatorId::VisitsDone,
            place,
            category,
            figure: Figure::Count(n),
            suppressed: None,
            top_coded: false,
        })
        .collect();
    (cells, nests(pairs.iter().map(|(a, c)| (a, c))))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn random_tables_audit_clean(
        cross in proptest::collection::vec(any::<u8>(), 64),
        areas in 1usize..4,
        clinics in 1usize..4,
        categories in 1usize..5,
        k in 3u32..7,
    ) {
        let (mut cells, nests) = table(&cross, areas, clinics, categories);
        let k = Threshold::new(k);
        let mut again = cells.clone();
        suppress(&mut cells, k, &nests, &[], &[]);
        suppress(&mut again, k, &nests, &[], &[]);
        prop_assert_eq!(&cells, &again);
        for c in &cells {
            if let (None, Figure::Count(n)) = (c.suppressed, c.figure) {
                prop_assert!(!k.is_small(n), "{:?}", c);
            }
        }
        prop_assert_eq!(exposed_cells(&cells, &nests, k, &[]), Vec::<usize>::new());
        prop_assert_eq!(solvable(&cells, &nests), Vec::<Cell>::new());
    }
}

/// The audit again, written apart from the code under test: the table's sums from the cells'
/// own names, and ranks by fractions.
fn solvable(cells: &[Cell], nests: &[Nest]) -> Vec<Cell> {
    let hidden: Vec<&Cell> = cells.iter().filter(|c| c.suppressed.is_some()).collect();
    let col = |place: &Place, cat: Option<Category>| {
        hidden
            .iter()
            .position(|c| &c.place == place && c.category == cat)
    };
    let mut rows = Vec::new();
    let mut sum = |members: Vec<(&Place, Option<Category>)>, total: (&Place, Option<Category>)| {
        let mut row = vec![0i64; hidden.len()];
        for (p, c) in members {
            if let Some(j) = col(p, c) {
                row[j] += 1;
            }
        }
        if let Some(j) = col(total.0, total.1) {
            row[j] -= 1;
        }
        rows.push(row);
    };
    let places: std::collections::BTreeSet<&Place> = cells.iter().map(|c| &c.place).collect();
    let cats: std::collections::BTreeSet<Option<Category>> =
        cells.iter().map(|c| c.category).collect();
    for p in &places {
        sum(
            cats.iter().flatten().map(|c| (*p, Some(*c))).collect(),
            (p, None),
        );
    }
    for cat in &cats {
        for by in ["area", "clinic"] {
            let members = places
                .iter()
                .filter(|p| p.by() == by)
                .map(|p| (*p, *cat))
                .collect();
            sum(members, (&Place::Municipality, *cat));
        }
        for nest in nests {
            sum(
                nest.parts.iter().map(|p| (p, *cat)).collect(),
                (&nest.total, *cat),
            );
        }
    }
    super::super::rank::tests::by_rank(&rows, hidden.len())
        .into_iter()
        .zip(&hidden)
        .filter(|(known, c)| *known && c.figure.weight() > 0)
        .map(|(_, c)| (*c).clone())
        .collect()
}

#[test]
fn random_tables_exercise_every_rule() {
    // The property above is only worth as much as the tables it draws: make sure they reach
    // the secondary rule and the audit, not only primary suppression.
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = proptest::collection::vec(any::<u8>(), 64);
    let mut seen = std::collections::HashSet::new();
    for _ in 0..300 {
        let cross = strategy.new_tree(&mut runner).unwrap().current();
        let (mut cells, nests) = table(&cross, 3, 3, 4);
        suppress(&mut cells, Threshold::default(), &nests, &[], &[]);
        seen.extend(cells.iter().filter_map(|c| c.suppressed));
    }
    for kind in [
        Suppression::Primary,
        Suppression::Secondary,
        Suppression::Audit,
    ] {
        assert!(seen.contains(&kind), "{kind:?} never happened");
    }
}

#[test]
fn a_clinic_that_is_an_area_does_not_give_away_what_the_other_hides() {
    // Area A0's families all go to clinic C0 (6 visits); A1's to C1 (2) and C2 (20). Among
    // the clinics, C1 is small and C0 is hidden beside it; among the areas nothing is small.
    // A0 is C0 to anyone who knows where the clinics are: published, it would give C0 away,
    // and C1 with it (28 - 6 - 20).
    let (cells, nests) = table(&[208, 0, 0, 0, 5, 38], 2, 3, 1);
    let figure = |cells: &[Cell], place: &str| {
        cells
            .iter()
            .find(|c| c.category.is_none() && c.place.name() == Some(place))
            .map(|c| (c.figure, c.suppressed.is_some()))
            .unwrap()
    };
    assert_eq!(figure(&cells, "A0").0, Figure::Count(6));
    assert_eq!(figure(&cells, "C1").0, Figure::Count(2));
    assert_eq!(
        nests,
        vec![Nest {
            total: Place::Area(Some("A0".into())),
            parts: vec![Place::Clinic(Some("C0".into()))],
        }]
        .into_iter()
        .chain([Nest {
            total: Place::Area(Some("A1".into())),
            parts: vec![
                Place::Clinic(Some("C1".into())),
                Place::Clinic(Some("C2".into())),
            ],
        }])
        .collect::<Vec<_>>()
    );
    let mut blind = cells.clone();
    suppress(&mut blind, Threshold::default(), &[], &[], &[]);
    assert!(figure(&blind, "C0").1 && !figure(&blind, "A0").1);
    assert!(
        !solvable(&blind, &nests).is_empty(),
        "without the nests the clinics can be solved"
    );
    let mut safe = cells;
    suppress(&mut safe, Threshold::default(), &nests, &[], &[]);
    assert!(figure(&safe, "C0").1 && figure(&safe, "A0").1);
    assert_eq!(solvable(&safe, &nests), Vec::<Cell>::new());
    assert_eq!(
        exposed_cells(&safe, &nests, Threshold::default(), &[]),
        Vec::<usize>::new()
    );
}
