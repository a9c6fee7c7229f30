//! Counting the period's facts into cells: every indicator for the municipality and each unit
//! of each breakdown (area, clinic, programme, eligibility: the family's own; groups count by the
//! group's area), zeros included; a percent also as its numerator and denominator.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::Days;

use super::indicators::{Categories, Category, INDICATORS, IndicatorId, Unit};
use super::rows::{FamilyRow, ReportInput, UnitRow};
use super::{Cell, Figure, Place};
use crate::domain::enums::{AttendanceStatus, ExitReason, SessionStatus, VisitStatus};
use crate::domain::period::Period;

type Key = (IndicatorId, Place, Option<Category>);

#[derive(Default)]
struct Tally {
    figures: BTreeMap<Key, Figure>,
    places: BTreeSet<Place>,
    group_places: BTreeSet<Place>,
    visit_numbers: BTreeSet<Category>,
}

impl Tally {
    /// Counts `n` in the category and, for a categorised indicator, in its total too.
    fn count(&mut self, id: IndicatorId, places: &[Place], category: Option<Category>, n: u64) {
        // A category's count is in its indicator's total row too.
        let rows: &[Option<Category>] = if category.is_some() {
            &[category, None]
        } else {
            &[None]
        };
        for place in places {
            for &cat in rows {
                let figure = self
                    .figures
                    .entry((id, place.clone(), cat))
                    .or_insert(Figure::Count(0));
                if let Figure::Count(c) = figure {
                    *c += n;
                }
            }
        }
    }

    fn share(&mut self, id: IndicatorId, places: &[Place], hit: bool) {
        for place in places {
            let figure = self
                .figures
                .entry((id, place.clone(), None))
                .or_insert(Figure::Share {
                    numerator: 0,
                    denominator: 0,
                });
            if let Figure::Share {
                numerator,
                denominator,
            } = figure
            {
                *numerator += u64::from(hit);
                *denominator += 1;
            }
        }
    }
}

/// The places a family's figures count at: the municipality, then its area, clinic, programme
/// and eligibility (each `None` when not recorded, or when the family is not in the input).
fn family_places(family: Option<&FamilyRow>) -> [Place; 5] {
    unit_places(family.map(FamilyRow::unit).as_ref())
}

/// The municipality, then the unit's area, clinic, programme and eligibility.
fn unit_places(unit: Option<&UnitRow>) -> [Place; 5] {
    [
        Place::Municipality,
        Place::Area(unit.and_then(|u| u.area.clone())),
        Place::Clinic(unit.and_then(|u| u.clinic.clone())),
        Place::Programme(unit.and_then(|u| u.programme.clone())),
        Place::Eligibility(unit.and_then(|u| u.eligibility.map(|e| e.as_str().to_string()))),
    ]
}

/// The units of each family (area, clinic, programme, eligibility) and of the register's other
/// families (`units`), and the all-`None` units of a visit whose family the input lacks. From
/// these come the nests.
pub fn family_units(input: &ReportInput) -> Vec<[Place; 4]> {
    let known: std::collections::HashSet<i64> = input.families.iter().map(|f| f.id).collect();
    let units = |u: Option<&UnitRow>| {
        let [_, a, c, p, e] = unit_places(u);
        [a, c, p, e]
    };
    let mut out: Vec<[Place; 4]> = input
        .families
        .iter()
        .map(|f| units(Some(&f.unit())))
        .chain(input.units.iter().map(|u| units(Some(u))))
        .collect();
    if input.visits.iter().any(|v| !known.contains(&v.family_id)) {
        out.push(units(None));
    }
    out
}

/// How many families each unit has in the period: offered, declined or exited in it, or in the
/// programme at some time in it.
pub fn families_by_unit(input: &ReportInput, period: Period) -> BTreeMap<Place, u64> {
    let (first, last) = (period.first_day(), period.last_day());
    let in_p = |d: Option<chrono::NaiveDate>| d.is_some_and(|d| (first..=last).contains(&d));
    let mut out: BTreeMap<Place, u64> = BTreeMap::new();
    for f in &input.families {
        let active =
            f.enrolled_on.is_some_and(|e| e <= last) && f.exited_on.is_none_or(|x| x >= first);
        if active || in_p(f.offered_on) || in_p(f.declined_on) || in_p(f.exited_on) {
            for place in family_places(Some(f)).into_iter().skip(1) {
                *out.entry(place).or_default() += 1;
            }
        }
    }
    out
}

/// Every cell of the period, unsuppressed, in report order.
pub fn aggregate(input: &ReportInput, period: Period) -> Vec<Cell> {
    let (first, last) = (period.first_day(), period.last_day());
    let in_q = |d: chrono::NaiveDate| (first..=last).contains(&d);
    let by_q_end = |d: Option<chrono::NaiveDate>| d.is_some_and(|d| d <= last);
    let families: HashMap<i64, &FamilyRow> = input.families.iter().map(|f| (f.id, f)).collect();
    let places_of = |id: i64| family_places(families.get(&id).copied());
    let mut t = Tally::default();
    for f in &input.families {
        t.places.extend(family_places(Some(f)));
    }
    for u in &input.units {
        t.places.extend(unit_places(Some(u)));
    }

    for f in &input.families {
        let places = family_places(Some(f));
        if f.offered_on.is_some_and(in_q) {
            let outcome = if by_q_end(f.enrolled_on) {
                Category::Enrolled
            } else if by_q_end(f.declined_on) {
                Category::Declined
            } else {
                Category::Undecided
            };
            t.count(IndicatorId::FamiliesOffered, &places, Some(outcome), 1);
            if outcome != Category::Undecided {
                t.share(
                    IndicatorId::AcceptanceRate,
                    &places,
                    outcome == Category::Enrolled,
                );
            }
        }
        if by_q_end(f.enrolled_on) && !by_q_end(f.exited_on) {
            t.count(IndicatorId::FamiliesActiveEnd, &places, None, 1);
        }
        if f.exited_on.is_some_and(in_q) {
            let reason = Category::Exit(f.exit_reason.unwrap_or(ExitReason::Other));
            t.count(IndicatorId::FamiliesExited, &places, Some(reason), 1);
        }
    }

    for v in input.visits.iter().filter(|v| in_q(v.date)) {
        let places = places_of(v.family_id);
        match v.status {
            VisitStatus::Done => {
                let number = v.visit_no.map_or(Category::Extra, Category::Visit);
                t.visit_numbers.insert(number);
                t.count(IndicatorId::VisitsDone, &places, Some(number), 1);
                if v.visit_no.is_some() {
                    let present = v
                        .family_present
                        .map_or(Category::PresentNotRecorded, Category::Present);
                    t.count(IndicatorId::VisitsFamilyPresent, &places, Some(present), 1);
                    t.share(IndicatorId::JointVisitShare, &places, v.required_roles_met);
                    if let Some(w) = v.window {
                        let inside = (w.earliest..=w.late).contains(&v.date);
                        t.share(IndicatorId::InWindowShare, &places, inside);
                    }
                }
                if families
                    .get(&v.family_id)
                    .is_some_and(|f| f.needs_interpreter)
                {
                    t.share(IndicatorId::InterpreterShare, &places, v.interpreter_used);
                }
                for r in &v.referrals {
                    t.count(
                        IndicatorId::Referrals,
                        &places,
                        Some(Category::Referral(*r)),
                        1,
                    );
                }
            }
            VisitStatus::CancelledFamily => {
                t.count(IndicatorId::VisitsCancelledFamily, &places, None, 1);
            }
            VisitStatus::CancelledStaff => {
                t.count(IndicatorId::VisitsCancelledStaff, &places, None, 1);
            }
            VisitStatus::NoShow => t.count(IndicatorId::VisitsNoShow, &places, None, 1),
            VisitStatus::Planned => {}
        }
    }

    for c in input.children.iter().filter(|c| !c.expected) {
        let family = families.get(&c.family_id).copied();
        let enrolled = family.is_some_and(|f| by_q_end(f.enrolled_on));
        if !enrolled {
            continue;
        }
        let places = family_places(family);
        if let Some(day30) = c
            .born_on
            .checked_add_days(Days::new(30))
            .filter(|d| in_q(*d))
        {
            let on_time = c.first_visit_done_on.is_some_and(|d| d <= day30);
            t.share(IndicatorId::FirstVisitWithin30Days, &places, on_time);
        }
        if c.last_window_closes.is_some_and(in_q) {
            let category = if c.visits_done >= c.programme_visits {
                Category::All
            } else if c.visits_done >= 4 {
                Category::AtLeast4
            } else {
                Category::FewerThan4
            };
            t.count(IndicatorId::ChildrenCompleted, &places, Some(category), 1);
        }
    }

    let groups: HashMap<i64, &super::rows::GroupRow> =
        input.groups.iter().map(|g| (g.id, g)).collect();
    for g in &input.groups {
        t.group_places.insert(Place::Area(g.area.clone()));
    }
    let mut attending: BTreeMap<Place, BTreeSet<i64>> = BTreeMap::new();
    for s in input.sessions.iter().filter(|s| in_q(s.date)) {
        let group = groups.get(&s.group_id).copied();
        let places = [
            Place::Municipality,
            Place::Area(group.and_then(|g| g.area.clone())),
        ];
        t.group_places.insert(places[1].clone());
        match s.status {
            SessionStatus::Held => {
                t.count(IndicatorId::GroupSessionsHeld, &places, None, 1);
                t.count(
                    IndicatorId::GroupDropins,
                    &places,
                    None,
                    u64::from(s.dropins),
                );
                for (family, status) in &s.marks {
                    let member = group.is_some_and(|g| {
                        g.members
                            .iter()
                            .any(|m| m.family_id == *family && m.member_on(s.date))
                    });
                    if !member {
                        continue;
                    }
                    let present = *status == AttendanceStatus::Present;
                    t.share(IndicatorId::GroupAttendanceRate, &places, present);
                    if present {
                        for p in &places {
                            attending.entry(p.clone()).or_default().insert(*family);
                        }
                    }
                }
            }
            SessionStatus::Cancelled => {
                t.count(IndicatorId::GroupSessionsCancelled, &places, None, 1);
            }
            SessionStatus::Planned => {}
        }
    }
    for (place, families) in attending {
        t.count(
            IndicatorId::GroupFamiliesAttending,
            &[place],
            None,
            families.len() as u64,
        );
    }

    fill_zeros(&mut t);
    let mut cells = Vec::with_capacity(t.figures.len() * 2);
    for ((indicator, place, category), figure) in t.figures {
        let cell = |category, figure| Cell {
            indicator,
            place: place.clone(),
            category,
            figure,
            suppressed: None,
            top_coded: false,
        };
        cells.push(cell(category, figure));
        if let Figure::Share {
            numerator,
            denominator,
        } = figure
        {
            // The numerator and denominator as counts of their own, right after their share.
            cells.push(cell(Some(Category::Numerator), Figure::Count(numerator)));
            cells.push(cell(
                Some(Category::Denominator),
                Figure::Count(denominator),
            ));
        }
    }
    cells
}

/// Every place and category gets a cell, so that a zero is published as a zero and every
/// quarter's table has the same shape.
fn fill_zeros(t: &mut Tally) {
    // Places first met in a fact (a visit whose family is missing) get their rows too.
    let mut all: BTreeSet<Place> = t.places.union(&t.group_places).cloned().collect();
    all.extend(t.figures.keys().map(|(_, place, _)| place.clone()));
    all.insert(Place::Municipality);
    // Groups have an area, but no clinic, programme or eligibility.
    let group_places: BTreeSet<Place> = all
        .iter()
        .filter(|p| matches!(p, Place::Municipality | Place::Area(_)))
        .cloned()
        .collect();
    let family_places = all;
    let mut visit_numbers = t.visit_numbers.clone();
    visit_numbers.insert(Category::Extra);
    for row in INDICATORS {
        let places = if row.by_group {
            &group_places
        } else {
            &family_places
        };
        let categories: Vec<Option<Category>> = match row.categories {
            Categories::None => vec![None],
            Categories::Fixed(list) => std::iter::once(None)
                .chain(list.iter().copied().map(Some))
                .collect(),
            Categories::VisitNumbers => std::iter::once(None)
                .chain(visit_numbers.iter().copied().map(Some))
                .collect(),
        };
        let zero = match row.unit {
            Unit::Count => Figure::Count(0),
            Unit::Percent => Figure::Share {
                numerator: 0,
                denominator: 0,
            },
        };
        for place in places {
            for category in &categories {
                t.figures
                    .entry((row.id, place.clone(), *category))
                    .or_insert(zero);
            }
        }
    }
}
