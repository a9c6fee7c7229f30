//! What a reader of the file knows, written as linear rows over whole numbers: every sum the
//! file holds (categories to their total, each breakdown's units to the municipality, the
//! nests), a percent's denominator as its numerator plus its complement, the links between
//! indicators that their definitions give, distinct counts as inequalities, and a top-coded
//! share as the bound it publishes.

use std::collections::HashMap;

use super::super::indicators::{Category, IndicatorId};
use super::super::nesting::Nest;
use super::super::{Breakdown, Cell, Figure, Place, Suppression};

/// One unknown of the reader's: a count cell of the file, or the complement of a percent (the
/// denominator less the numerator), which no file shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Atom {
    /// The true figure.
    pub value: i64,
    /// The cell it is, or the percent cell whose complement it is.
    pub cell: usize,
    /// A complement: never published, at least 0.
    pub complement: bool,
    /// Not published (a complement always is).
    pub hidden: bool,
    /// What the reader knows it is at least when hidden: 1, since zeros are published; 0 for a
    /// complement and for a cell of a withheld breakdown (zeros are hidden there too).
    pub min: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Le,
}

/// `Σ coefficient · atom (op) rhs`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub terms: Vec<(usize, i64)>,
    pub op: Op,
    pub rhs: i64,
}

impl Row {
    /// `total = Σ members`.
    fn sum(total: usize, members: &[usize]) -> Self {
        let mut terms: Vec<(usize, i64)> = members.iter().map(|&m| (m, 1)).collect();
        terms.push((total, -1));
        Row {
            terms,
            op: Op::Eq,
            rhs: 0,
        }
    }

    /// `small ≤ large`.
    fn at_most(small: usize, large: usize) -> Self {
        Row {
            terms: vec![(small, 1), (large, -1)],
            op: Op::Le,
            rhs: 0,
        }
    }
}

/// The reader's whole system for one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problem {
    pub atoms: Vec<Atom>,
    pub rows: Vec<Row>,
    /// The atom of each cell (a percent cell has none: its numerator and denominator are cells).
    pub atom_of_cell: Vec<Option<usize>>,
    /// The complement atom of each percent cell.
    pub complement_of_cell: Vec<Option<usize>>,
    /// The rows each atom is in (of `rows`, by index).
    pub rows_of: Vec<Vec<usize>>,
}

impl Problem {
    /// Fills `rows_of` from the rows.
    pub fn index(&mut self) {
        self.rows_of = vec![Vec::new(); self.atoms.len()];
        for (i, r) in self.rows.iter().enumerate() {
            for &(a, _) in &r.terms {
                if self.rows_of[a].last() != Some(&i) {
                    self.rows_of[a].push(i);
                }
            }
        }
    }
}

/// Shares of events (visits, attendance marks) rather than of people: their complement may be
/// top-coded (`≥ 95 %`) rather than hidden.
pub fn is_event_share(id: IndicatorId) -> bool {
    matches!(
        id,
        IndicatorId::JointVisitShare
            | IndicatorId::InWindowShare
            | IndicatorId::InterpreterShare
            | IndicatorId::GroupAttendanceRate
    )
}

type Key<'a> = (IndicatorId, &'a Place, Option<Category>);

/// The reader's system for the cells as they stand (hidden or not), with the nests.
pub fn build(cells: &[Cell], nests: &[Nest]) -> Problem {
    let mut p = Problem {
        atom_of_cell: vec![None; cells.len()],
        complement_of_cell: vec![None; cells.len()],
        ..Problem::default()
    };
    for (i, c) in cells.iter().enumerate() {
        match c.figure {
            Figure::Count(n) => {
                p.atom_of_cell[i] = Some(p.atoms.len());
                p.atoms.push(Atom {
                    value: n as i64,
                    cell: i,
                    complement: false,
                    hidden: c.suppressed.is_some(),
                    min: i64::from(c.suppressed != Some(Suppression::Withheld)),
                });
            }
            Figure::Share {
                numerator,
                denominator,
            } => {
                p.complement_of_cell[i] = Some(p.atoms.len());
                p.atoms.push(Atom {
                    value: denominator.saturating_sub(numerator) as i64,
                    cell: i,
                    complement: true,
                    hidden: true,
                    min: 0,
                });
            }
        }
    }
    let index: HashMap<Key<'_>, usize> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.indicator, &c.place, c.category), i))
        .collect();
    let atom = |id: IndicatorId, place: &Place, cat: Option<Category>| {
        index
            .get(&(id, place, cat))
            .and_then(|&i| p.atom_of_cell[i])
    };
    let mut rows = Vec::new();
    categories_and_shares(cells, &index, &p, &mut rows);
    breakdown_sums(cells, &p, &mut rows);
    nest_sums(cells, nests, &index, &p, &mut rows);
    // The links the definitions give, at every place that has the cells.
    let places: std::collections::BTreeSet<&Place> = cells.iter().map(|c| &c.place).collect();
    for place in places {
        use Category::{Declined, Denominator, Enrolled, Extra, Numerator};
        use IndicatorId as I;
        let total = atom(I::VisitsDone, place, None);
        let joint = atom(I::JointVisitShare, place, Some(Denominator));
        if let (Some(t), Some(j), Some(x)) = (total, joint, atom(I::VisitsDone, place, Some(Extra)))
        {
            // Programme visits done are all visits done but the extra ones.
            rows.push(Row::sum(t, &[j, x]));
        }
        if let (Some(f), Some(j)) = (atom(I::VisitsFamilyPresent, place, None), joint) {
            // Who of the family took part is counted over the programme visits done.
            rows.push(Row::sum(f, &[j]));
        }
        if let (Some(w), Some(j)) = (atom(I::InWindowShare, place, Some(Denominator)), joint) {
            rows.push(Row::at_most(w, j));
        }
        if let (Some(d), Some(t)) = (atom(I::InterpreterShare, place, Some(Denominator)), total) {
            rows.push(Row::at_most(d, t));
        }
        if let (Some(n), Some(e)) = (
            atom(I::AcceptanceRate, place, Some(Numerator)),
            atom(I::FamiliesOffered, place, Some(Enrolled)),
        ) {
            rows.push(Row::sum(n, &[e]));
        }
        let acceptance = index
            .get(&(I::AcceptanceRate, place, None))
            .and_then(|&i| p.complement_of_cell[i]);
        if let (Some(c), Some(d)) = (acceptance, atom(I::FamiliesOffered, place, Some(Declined))) {
            rows.push(Row::sum(c, &[d]));
        }
        if let (Some(f), Some(n)) = (
            atom(I::GroupFamiliesAttending, place, None),
            atom(I::GroupAttendanceRate, place, Some(Numerator)),
        ) {
            // A family present at a session is one present mark or more.
            rows.push(Row::at_most(f, n));
        }
    }
    for c in cells {
        if !c.top_coded {
            continue;
        }
        let n = atom(c.indicator, &c.place, Some(Category::Numerator));
        let d = atom(c.indicator, &c.place, Some(Category::Denominator));
        if let (Some(n), Some(d)) = (n, d) {
            // At least 95 %: 20·numerator ≥ 19·denominator.
            rows.push(Row {
                terms: vec![(d, 19), (n, -20)],
                op: Op::Le,
                rhs: 0,
            });
        }
    }
    p.rows = rows;
    p.index();
    p
}

/// A categorised count's categories to its total; a percent's numerator and complement to its
/// denominator.
fn categories_and_shares(
    cells: &[Cell],
    index: &HashMap<Key<'_>, usize>,
    p: &Problem,
    rows: &mut Vec<Row>,
) {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, c) in cells.iter().enumerate() {
        let part = matches!(
            c.category,
            None | Some(Category::Numerator | Category::Denominator)
        );
        if !part
            && matches!(c.figure, Figure::Count(_))
            && let (Some(&t), Some(a)) =
                (index.get(&(c.indicator, &c.place, None)), p.atom_of_cell[i])
        {
            members.entry(t).or_default().push(a);
        }
        if let (None, Some(comp)) = (c.category, p.complement_of_cell[i]) {
            let part = |cat| {
                index
                    .get(&(c.indicator, &c.place, Some(cat)))
                    .and_then(|&j| p.atom_of_cell[j])
            };
            if let (Some(n), Some(d)) = (part(Category::Numerator), part(Category::Denominator)) {
                rows.push(Row::sum(d, &[n, comp]));
            }
        }
    }
    let mut totals: Vec<usize> = members.keys().copied().collect();
    totals.sort_unstable();
    for t in totals {
        if let Some(total) = p.atom_of_cell[t] {
            rows.push(Row::sum(total, &members[&t]));
        }
    }
}

/// Each breakdown's units to the municipality, per indicator and category; the distinct
/// families in groups only as inequalities (a family in two areas' groups counts in both).
fn breakdown_sums(cells: &[Cell], p: &Problem, rows: &mut Vec<Row>) {
    let mut sets: std::collections::BTreeMap<
        (IndicatorId, Breakdown, Option<Category>),
        Vec<usize>,
    > = std::collections::BTreeMap::new();
    let mut totals: HashMap<(IndicatorId, Option<Category>), usize> = HashMap::new();
    for (i, c) in cells.iter().enumerate() {
        let Some(a) = p.atom_of_cell[i] else {
            continue;
        };
        if c.place == Place::Municipality {
            totals.insert((c.indicator, c.category), a);
        } else {
            sets.entry((c.indicator, c.place.breakdown(), c.category))
                .or_default()
                .push(a);
        }
    }
    for ((id, _, cat), members) in sets {
        let Some(&total) = totals.get(&(id, cat)) else {
            continue;
        };
        if id == IndicatorId::GroupFamiliesAttending {
            let mut terms: Vec<(usize, i64)> = members.iter().map(|&m| (m, -1)).collect();
            terms.push((total, 1));
            rows.push(Row {
                terms,
                op: Op::Le,
                rhs: 0,
            });
            for &m in &members {
                rows.push(Row::at_most(m, total));
            }
        } else {
            rows.push(Row::sum(total, &members));
        }
    }
}

/// A place made of whole places of another breakdown is their sum, cell by cell.
fn nest_sums(
    cells: &[Cell],
    nests: &[Nest],
    index: &HashMap<Key<'_>, usize>,
    p: &Problem,
    rows: &mut Vec<Row>,
) {
    for nest in nests {
        for (i, c) in cells.iter().enumerate() {
            if c.place != nest.total || c.indicator == IndicatorId::GroupFamiliesAttending {
                continue;
            }
            let Some(total) = p.atom_of_cell[i] else {
                continue;
            };
            let parts: Option<Vec<usize>> = nest
                .parts
                .iter()
                .map(|part| {
                    index
                        .get(&(c.indicator, part, c.category))
                        .and_then(|&j| p.atom_of_cell[j])
                })
                .collect();
            if let Some(parts) = parts {
                rows.push(Row::sum(total, &parts));
            }
        }
    }
}
