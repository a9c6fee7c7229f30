//! Widening a pattern of hidden cells: the sum that gives one figure away, and the cheapest
//! cell to hide next (the municipality's headline shares and their own counts last).

use std::collections::BTreeSet;

use super::audit::{self, Problem, Row};
use super::indicators::{Category, IndicatorId};
use super::{Cell, Place, Suppression};

/// A sum with exactly one hidden figure that needs protecting (the sum gives it away): the
/// figure and the row.
pub(super) fn lone(p: &Problem, k: u64) -> Option<(usize, usize)> {
    p.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.op == audit::Op::Eq)
        .find_map(|(i, r)| {
            let mut hidden = r.terms.iter().filter(|&&(a, _)| p.atoms[a].hidden);
            let (a, _) = *hidden.next()?;
            (hidden.next().is_none() && audit::need(&p.atoms[a], k as i64).is_some())
                .then_some((a, i))
        })
}

/// The atoms that share a row with `a`.
pub(super) fn neighbours(p: &Problem, a: usize) -> Vec<usize> {
    rows_with(p, a)
        .flat_map(|r| r.terms.iter().map(|&(b, _)| b))
        .collect()
}

fn rows_with(p: &Problem, a: usize) -> impl Iterator<Item = &Row> {
    p.rows_of.get(a).into_iter().flatten().map(|&r| &p.rows[r])
}

/// What hiding a cell costs the reader, least first: a unit's cell before a total row, both
/// before the municipality's, and those before the numerators and denominators of the
/// municipality's headline shares; small before large, then the first in report order.
fn cost(cells: &[Cell], i: usize) -> (u8, bool, bool, bool, u64, usize) {
    let c = &cells[i];
    let total_row = c.category.is_none()
        || matches!(
            c.category,
            Some(Category::Numerator | Category::Denominator)
        );
    let municipality = c.place == Place::Municipality;
    // The headline shares' own counts last; before them the counts tied to them: the families
    // offered who enrolled and declined (the acceptance rate's numerator and complement), the
    // visits done (the joint visits' denominator and the extra ones), and who of the family took
    // part in the programme visits done: its total is the joint visits' denominator, and where
    // most were not recorded, "not recorded" is nearly that total too.
    let tied = (c.indicator == IndicatorId::FamiliesOffered
        && matches!(c.category, Some(Category::Enrolled | Category::Declined)))
        || (c.indicator == IndicatorId::VisitsDone && c.category.is_none())
        || c.indicator == IndicatorId::VisitsFamilyPresent;
    let headline: u8 = match (municipality, super::HEADLINE.contains(&c.indicator)) {
        (false, _) => 0,
        (true, true) => 2,
        (true, false) => u8::from(tied),
    };
    // A share's own counts after other counts at any place: the shares are what a region uses.
    let share_part = matches!(
        c.category,
        Some(Category::Numerator | Category::Denominator)
    );
    (
        headline,
        municipality,
        share_part,
        total_row,
        c.figure.weight(),
        i,
    )
}

/// Hides one more cell to protect atom `a`: the cheapest published non-zero cell of `row` (the
/// sum that gives it away), else of any row it is in (a bound pins as well as a sum), else of
/// a row of its part of the system. False when there is none.
pub(super) fn widen(
    cells: &mut [Cell],
    p: &mut Problem,
    a: usize,
    row: Option<usize>,
    why: Suppression,
) -> bool {
    let open = |p: &Problem, b: usize| {
        let atom = &p.atoms[b];
        !atom.hidden && !atom.complement && atom.value > 0
    };
    let of_rows = |p: &Problem, rows: Vec<&Row>| -> Vec<usize> {
        rows.into_iter()
            .flat_map(|r| r.terms.iter().map(|&(b, _)| b))
            .filter(|&b| open(p, b))
            .collect()
    };
    // Tiers: the row that gives `a` away, the rows `a` is in, the rows of the hidden figures
    // those join it to, then its whole part of the system. A cheaper tier wins, except that a
    // headline figure of the municipality goes only when no other cell anywhere in the part can.
    let mut tiers: Vec<Vec<usize>> = vec![
        row.map_or_else(Vec::new, |r| of_rows(p, vec![&p.rows[r]])),
        of_rows(p, rows_with(p, a).collect()),
    ];
    let mut seen = BTreeSet::from([a]);
    let mut frontier = vec![a];
    for _ in 0..2 {
        let mut next = Vec::new();
        for &x in &frontier {
            for r in rows_with(p, x) {
                for &(b, _) in &r.terms {
                    if p.atoms[b].hidden && seen.insert(b) {
                        next.push(b);
                    }
                }
            }
        }
        tiers.push(of_rows(
            p,
            next.iter().flat_map(|&x| rows_with(p, x)).collect(),
        ));
        frontier = next;
    }
    // The rest of the part, for the last resort.
    let mut todo = frontier;
    let mut far = Vec::new();
    while let Some(x) = todo.pop() {
        for r in rows_with(p, x) {
            for &(b, _) in &r.terms {
                if p.atoms[b].hidden && seen.insert(b) {
                    todo.push(b);
                } else if open(p, b) {
                    far.push(b);
                }
            }
        }
    }
    tiers.push(far);
    // A sum that gives one figure away is mended only by hiding another of its own figures.
    if !tiers[0].is_empty() {
        tiers.truncate(1);
    }
    let pick = tiers
        .iter()
        .enumerate()
        .flat_map(|(t, cands)| cands.iter().map(move |&b| (t, b)))
        .min_by_key(|&(t, b)| {
            let c = cost(cells, p.atoms[b].cell);
            (c.0, t, c)
        })
        .map(|(_, b)| b);
    let Some(b) = pick else {
        return false;
    };
    p.atoms[b].hidden = true;
    cells[p.atoms[b].cell].suppressed = Some(why);
    true
}
