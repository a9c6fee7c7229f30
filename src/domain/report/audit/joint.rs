//! Earlier files of the same period, read together with a revision. The reader who holds both
//! assumes what the reader did: a figure hidden in both files is the same figure (it did
//! not change), so the earlier file's sums hold over the revision's hidden figures, with the
//! earlier file's published figures as constants. A revision hides every figure an earlier file
//! hid, so no figure goes from hidden to published.

use std::collections::HashMap;

use super::super::indicators::{Category, INDICATORS, IndicatorId};
use super::super::nesting::Nest;
use super::super::{Breakdown, Cell, CellKey, Figure, Suppression};
use super::problem::{Atom, Problem, Row, build};

/// One cell of an earlier file as `report_run` keeps it: its address, and its value when
/// published (`None` when hidden or empty); a percent's value in tenths, top-coded or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCell {
    pub key: CellKey,
    pub value: Option<u64>,
    pub top_coded: bool,
}

/// The published cells of one earlier export of the period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EarlierFile {
    pub cells: Vec<StoredCell>,
}

impl EarlierFile {
    /// Whether the cell with this key was hidden (not published, and not a share of nobody).
    pub fn hid(&self, key: &CellKey) -> bool {
        self.cells
            .iter()
            .any(|c| &c.key == key && c.value.is_none())
    }
}

/// The indicator, place and category a stored key names, if this program knows them.
fn parse_key(key: &CellKey) -> Option<(IndicatorId, super::super::Place, Option<Category>)> {
    let id = INDICATORS.iter().find(|i| i.key == key.indicator)?.id;
    let place = Breakdown::parse(&key.by)?.place(key.unit.clone());
    let category = match &key.category {
        None => None,
        Some(text) => Some(Category::parse_for(id, text)?),
    };
    Some((id, place, category))
}

/// The earlier files' rows over the revision's atoms. An earlier hidden figure is the
/// revision's figure of the same key (hidden there too); one the revision lacks becomes a new
/// unknown (appended to `p.atoms`, needing no protection of its own). Earlier published figures
/// are constants.
pub fn joint_rows(
    p: &mut Problem,
    cells: &[Cell],
    earlier: &[EarlierFile],
    nests: &[Nest],
) -> Vec<Row> {
    let own: HashMap<CellKey, usize> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key(), i))
        .collect();
    let mut out = Vec::new();
    for file in earlier {
        let mut old: Vec<Cell> = Vec::new();
        let mut shares: HashMap<CellKey, (u64, u64)> = HashMap::new();
        for s in &file.cells {
            let cat = parse_key(&s.key).and_then(|(_, _, c)| c);
            if let (Some(cat @ (Category::Numerator | Category::Denominator)), Some(v)) =
                (cat, s.value)
            {
                let whole = CellKey {
                    category: None,
                    ..s.key.clone()
                };
                let e = shares.entry(whole).or_default();
                if cat == Category::Numerator {
                    e.0 = v;
                } else {
                    e.1 = v;
                }
            }
        }
        for s in &file.cells {
            let Some((indicator, place, category)) = parse_key(&s.key) else {
                continue;
            };
            let percent =
                indicator.info().unit == super::super::Unit::Percent && category.is_none();
            let figure = if percent {
                let (n, d) = shares.get(&s.key).copied().unwrap_or((0, 1));
                Figure::Share {
                    numerator: n,
                    denominator: d.max(1),
                }
            } else {
                Figure::Count(s.value.unwrap_or(0))
            };
            old.push(Cell {
                indicator,
                place,
                category,
                figure,
                suppressed: (s.value.is_none() && !percent).then_some(Suppression::Earlier),
                top_coded: s.top_coded,
            });
        }
        let q = build(&old, nests);
        // Each earlier atom as a revision atom (hidden), or a constant (published).
        let mut map: HashMap<usize, usize> = HashMap::new();
        for (j, atom) in q.atoms.iter().enumerate() {
            if !atom.hidden {
                continue;
            }
            let key = old[atom.cell].key();
            let mine = own.get(&key).and_then(|&i| {
                if atom.complement {
                    p.complement_of_cell[i]
                } else {
                    p.atom_of_cell[i]
                }
            });
            let a = if let Some(a) = mine.filter(|&a| p.atoms[a].hidden) {
                a
            } else {
                {
                    // An unknown of the earlier file only: no cell of this one, nothing to
                    // protect of its own (a complement of 0 needs nothing).
                    p.atoms.push(Atom {
                        value: 0,
                        cell: 0,
                        complement: true,
                        hidden: true,
                        min: atom.min,
                    });
                    p.atoms.len() - 1
                }
            };
            map.insert(j, a);
        }
        for row in &q.rows {
            let mut rhs = row.rhs;
            let mut terms = Vec::new();
            for &(j, c) in &row.terms {
                match map.get(&j) {
                    Some(&a) => terms.push((a, c)),
                    None => rhs -= c * q.atoms[j].value,
                }
            }
            if !terms.is_empty() {
                out.push(Row {
                    terms,
                    op: row.op,
                    rhs,
                });
            }
        }
    }
    out
}
