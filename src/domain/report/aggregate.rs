//! Counting the period's facts into cells: every indicator for the municipality and each unit
//! of each breakdown (area, clinic, programme, eligibility: the family's own; groups count by the
//! group's area), zeros included; a percent also as its numerator and denominator.

use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashMapExt, HashSet};

use chrono::Days;

use super::indicators::{Categories, Category, INDICATORS, IndicatorId, Unit};
use super::rows::ReportInput;
use super::units::{UnitId, Units};
use super::{Cell, Figure, Place};
use crate::domain::enums::{AttendanceStatus, ExitReason, SessionStatus, VisitStatus};
use crate::domain::period::Period;

type Key = (IndicatorId, Place, Option<Category>);

/// The counts by unit (`units`): a category's count, a share's parts. A category's count goes
/// into its indicator's total row too, when the units' sums are spread to their places.
#[derive(Default)]
struct Tally {
    by_unit: HashMap<(IndicatorId, UnitId, Option<Category>), Figure>,
    visit_numbers: BTreeSet<Category>,
}

impl Tally {
    fn count(&mut self, id: IndicatorId, unit: UnitId, category: Option<Category>, n: u64) {
        add(
            self.by_unit
                .entry((id, unit, category))
                .or_insert(Figure::Count(0)),
            Figure::Count(n),
        );
    }

    fn share(&mut self, id: IndicatorId, unit: UnitId, hit: bool) {
        add(
            self.by_unit
                .entry((id, unit, None))
                .or_insert(Figure::Share {
                    numerator: 0,
                    denominator: 0,
                }),
            Figure::Share {
                numerator: u64::from(hit),
                denominator: 1,
            },
        );
    }

    /// The figures at every place: each unit's counted into each of its places, and a
    /// category's into its indicator's total row.
    fn spread<'u>(
        &self,
        units: &'u Units<'_>,
    ) -> HashMap<(IndicatorId, &'u Place, Option<Category>), Figure> {
        let mut out: HashMap<(IndicatorId, &Place, Option<Category>), Figure> = HashMap::new();
        for (&(id, unit, category), &figure) in &self.by_unit {
            let rows: &[Option<Category>] = if category.is_some() {
                &[category, None]
            } else {
                &[None]
            };
            for place in units.places(unit) {
                for &row in rows {
                    add(out.entry((id, place, row)).or_insert(zero(figure)), figure);
                }
            }
        }
        out
    }
}

/// The figure of nothing counted, of the same kind.
fn zero(figure: Figure) -> Figure {
    match figure {
        Figure::Count(_) => Figure::Count(0),
        Figure::Share { .. } => Figure::Share {
            numerator: 0,
            denominator: 0,
        },
    }
}

/// Adds `more` to `into`, a count to a count and a share to a share.
fn add(into: &mut Figure, more: Figure) {
    match (into, more) {
        (Figure::Count(c), Figure::Count(n)) => *c += n,
        (
            Figure::Share {
                numerator,
                denominator,
            },
            Figure::Share {
                numerator: n,
                denominator: d,
            },
        ) => {
            *numerator += n;
            *denominator += d;
        }
        _ => {}
    }
}

/// How many families each unit has in the period: offered, declined or exited in it, or in the
/// programme at some time in it.
pub fn families_by_unit(
    input: &ReportInput,
    units: &Units<'_>,
    period: Period,
) -> BTreeMap<Place, u64> {
    let (first, last) = (period.first_day(), period.last_day());
    let in_p = |d: Option<chrono::NaiveDate>| d.is_some_and(|d| (first..=last).contains(&d));
    let mut by_unit: HashMap<UnitId, u64> = HashMap::new();
    for f in &input.families {
        let active =
            f.enrolled_on.is_some_and(|e| e <= last) && f.exited_on.is_none_or(|x| x >= first);
        if active || in_p(f.offered_on) || in_p(f.declined_on) || in_p(f.exited_on) {
            *by_unit.entry(units.family(f.id).1).or_default() += 1;
        }
    }
    let mut out: BTreeMap<Place, u64> = BTreeMap::new();
    for (unit, n) in by_unit {
        for place in units.places(unit).iter().skip(1) {
            *out.entry(place.clone()).or_default() += n;
        }
    }
    out
}

/// Every cell of the period, unsuppressed, in report order.
pub fn aggregate(input: &ReportInput, period: Period) -> Vec<Cell> {
    aggregate_units(input, &Units::of(input), period)
}

/// As `aggregate`, with the input's units found already.
pub fn aggregate_units(input: &ReportInput, units: &Units<'_>, period: Period) -> Vec<Cell> {
    let (first, last) = (period.first_day(), period.last_day());
    let in_q = |d: chrono::NaiveDate| (first..=last).contains(&d);
    let by_q_end = |d: Option<chrono::NaiveDate>| d.is_some_and(|d| d <= last);
    let mut t = Tally::default();

    for f in &input.families {
        let unit = units.family(f.id).1;
        if f.offered_on.is_some_and(in_q) {
            let outcome = if by_q_end(f.enrolled_on) {
                Category::Enrolled
            } else if by_q_end(f.declined_on) {
                Category::Declined
            } else {
                Category::Undecided
            };
            t.count(IndicatorId::FamiliesOffered, unit, Some(outcome), 1);
            if outcome != Category::Undecided {
                t.share(
                    IndicatorId::AcceptanceRate,
                    unit,
                    outcome == Category::Enrolled,
                );
            }
        }
        if by_q_end(f.enrolled_on) && !by_q_end(f.exited_on) {
            t.count(IndicatorId::FamiliesActiveEnd, unit, None, 1);
        }
        if f.exited_on.is_some_and(in_q) {
            let reason = Category::Exit(f.exit_reason.unwrap_or(ExitReason::Other));
            t.count(IndicatorId::FamiliesExited, unit, Some(reason), 1);
        }
    }

    for v in input.visits.iter().filter(|v| in_q(v.date)) {
        let (family, unit) = units.family(v.family_id);
        match v.status {
            VisitStatus::Done => {
                let number = v.visit_no.map_or(Category::Extra, Category::Visit);
                t.visit_numbers.insert(number);
                t.count(IndicatorId::VisitsDone, unit, Some(number), 1);
                if v.visit_no.is_some() {
                    let present = v
                        .family_present
                        .map_or(Category::PresentNotRecorded, Category::Present);
                    t.count(IndicatorId::VisitsFamilyPresent, unit, Some(present), 1);
                    t.share(IndicatorId::JointVisitShare, unit, v.required_roles_met);
                    if let Some(w) = v.window {
                        let inside = (w.earliest..=w.late).contains(&v.date);
                        t.share(IndicatorId::InWindowShare, unit, inside);
                    }
                }
                if family.is_some_and(|f| f.needs_interpreter) {
                    t.share(IndicatorId::InterpreterShare, unit, v.interpreter_used);
                }
                for r in &v.referrals {
                    t.count(
                        IndicatorId::Referrals,
                        unit,
                        Some(Category::Referral(*r)),
                        1,
                    );
                }
            }
            VisitStatus::CancelledFamily => {
                t.count(IndicatorId::VisitsCancelledFamily, unit, None, 1);
            }
            VisitStatus::CancelledStaff => {
                t.count(IndicatorId::VisitsCancelledStaff, unit, None, 1);
            }
            VisitStatus::NoShow => t.count(IndicatorId::VisitsNoShow, unit, None, 1),
            VisitStatus::Planned => {}
        }
    }

    for c in input.children.iter().filter(|c| !c.expected) {
        let (family, unit) = units.family(c.family_id);
        if !family.is_some_and(|f| by_q_end(f.enrolled_on)) {
            continue;
        }
        if let Some(day30) = c
            .born_on
            .checked_add_days(Days::new(30))
            .filter(|d| in_q(*d))
        {
            let on_time = c.first_visit_done_on.is_some_and(|d| d <= day30);
            t.share(IndicatorId::FirstVisitWithin30Days, unit, on_time);
        }
        if c.last_window_closes.is_some_and(in_q) {
            let category = if c.visits_done >= c.programme_visits {
                Category::All
            } else if c.visits_done >= 4 {
                Category::AtLeast4
            } else {
                Category::FewerThan4
            };
            t.count(IndicatorId::ChildrenCompleted, unit, Some(category), 1);
        }
    }

    let groups: HashMap<i64, &super::rows::GroupRow> =
        input.groups.iter().map(|g| (g.id, g)).collect();
    // The families present at a held session, by place: each counts once however often.
    let mut attending: HashMap<&Place, HashSet<i64>> = HashMap::new();
    for s in input.sessions.iter().filter(|s| in_q(s.date)) {
        let group = groups.get(&s.group_id).copied();
        let unit = units.group(group.and_then(|g| g.area.as_deref()));
        match s.status {
            SessionStatus::Held => {
                t.count(IndicatorId::GroupSessionsHeld, unit, None, 1);
                t.count(IndicatorId::GroupDropins, unit, None, u64::from(s.dropins));
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
                    t.share(IndicatorId::GroupAttendanceRate, unit, present);
                    if present {
                        for place in units.places(unit) {
                            attending.entry(place).or_default().insert(*family);
                        }
                    }
                }
            }
            SessionStatus::Cancelled => {
                t.count(IndicatorId::GroupSessionsCancelled, unit, None, 1);
            }
            SessionStatus::Planned => {}
        }
    }

    let mut figures: BTreeMap<Key, Figure> = t
        .spread(units)
        .into_iter()
        .map(|((id, place, category), figure)| ((id, place.clone(), category), figure))
        .collect();
    for (place, families) in attending {
        figures.insert(
            (IndicatorId::GroupFamiliesAttending, place.clone(), None),
            Figure::Count(families.len() as u64),
        );
    }
    fill_zeros(&mut figures, units, &t.visit_numbers);
    let mut cells = Vec::with_capacity(figures.len() * 2);
    for ((indicator, place, category), figure) in figures {
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
fn fill_zeros(
    figures: &mut BTreeMap<Key, Figure>,
    units: &Units<'_>,
    visit_numbers: &BTreeSet<Category>,
) {
    // Every unit's places, the groups' areas and those first met in a fact (a visit whose
    // family is missing) among them.
    let mut all: BTreeSet<Place> = units.all().flatten().cloned().collect();
    all.insert(Place::Municipality);
    // Groups have an area, but no clinic, programme or eligibility.
    let group_places: BTreeSet<Place> = all
        .iter()
        .filter(|p| matches!(p, Place::Municipality | Place::Area(_)))
        .cloned()
        .collect();
    let family_places = all;
    let mut visit_numbers = visit_numbers.clone();
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
                figures
                    .entry((row.id, place.clone(), *category))
                    .or_insert(zero);
            }
        }
    }
}
