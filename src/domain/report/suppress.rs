//! Small-cell suppression as DESIGN §7 has it: primary (small in itself), secondary (the lone
//! suppressed member of a published sum), then the audit: every sum written as an equation over
//! the suppressed cells, and more suppressed while the equations pin any of them down.
//!
//! What the equations are: the sums DESIGN §7 names (categories to their total, areas to the
//! municipality, clinics to the municipality), and the nests (an area made of whole clinics, a
//! clinic made of whole areas, see `nesting`), with a percent's numerator as its unknown and its
//! denominator taken as known (the conservative reading). Known limits, not modelled: a clinic
//! that differs from an area by a few families can be subtracted from it by a reader who knows
//! those families; figures of different quarters can be combined (a stock and its flows).

use std::collections::{BTreeMap, HashMap};

use super::indicators::{Category, IndicatorId};
use super::nesting::Nest;
use super::rank::determined;
use super::{Cell, Figure, Place, Suppression, Threshold};

/// Cells that add up to a total: `members` sum to `total` (indices into the cells).
#[derive(Debug)]
struct CellSet {
    total: usize,
    members: Vec<usize>,
}

/// Which sum a set is: an indicator's categories at one place, or the areas (or the clinics) of
/// one category.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SetKey {
    Categories(Place),
    Areas(Option<Category>),
    Clinics(Option<Category>),
    /// A nest's total place and the category.
    Nest(Place, Option<Category>),
}

fn is_primary(figure: Figure, k: Threshold) -> bool {
    match figure {
        Figure::Count(n) => k.is_small(n),
        Figure::Share {
            numerator,
            denominator,
        } => {
            denominator < u64::from(k.get())
                || k.is_small(denominator.saturating_sub(numerator))
                || k.is_small(numerator)
        }
    }
}

/// Suppresses the cells in place. Deterministic: the same cells in the same order give the same
/// result; ties go to the cell first in report order (by place name, then category).
pub fn suppress(cells: &mut [Cell], k: Threshold, nests: &[Nest]) {
    for c in cells.iter_mut() {
        if is_primary(c.figure, k) {
            c.suppressed = Some(Suppression::Primary);
        }
    }
    for sets in sets(cells, nests).values() {
        protect(cells, sets);
    }
    link_acceptance(cells);
}

/// The sums of each indicator. The acceptance rate has none of its own: its numerator and
/// complement are the families offered who enrolled and declined, protected there. A nest is a
/// sum wherever its total and every part have a cell (groups count by area only: none there).
fn sets(cells: &[Cell], nests: &[Nest]) -> BTreeMap<IndicatorId, Vec<CellSet>> {
    let index: HashMap<(IndicatorId, &Place, Option<Category>), usize> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.indicator, &c.place, c.category), i))
        .collect();
    let mut by_key: BTreeMap<(IndicatorId, SetKey), CellSet> = BTreeMap::new();
    for (i, c) in cells.iter().enumerate() {
        if c.indicator == IndicatorId::AcceptanceRate {
            continue;
        }
        let mut join = |key: SetKey, total: Option<&usize>| {
            if let Some(&total) = total {
                by_key
                    .entry((c.indicator, key))
                    .or_insert_with(|| CellSet {
                        total,
                        members: Vec::new(),
                    })
                    .members
                    .push(i);
            }
        };
        if c.category.is_some() {
            join(
                SetKey::Categories(c.place.clone()),
                index.get(&(c.indicator, &c.place, None)),
            );
        }
        let municipality = index.get(&(c.indicator, &Place::Municipality, c.category));
        match c.place {
            Place::Area(_) => join(SetKey::Areas(c.category), municipality),
            Place::Clinic(_) => join(SetKey::Clinics(c.category), municipality),
            Place::Municipality => {}
        }
        for nest in nests.iter().filter(|n| n.parts.contains(&c.place)) {
            let whole = nest
                .parts
                .iter()
                .all(|p| index.contains_key(&(c.indicator, p, c.category)));
            if whole {
                join(
                    SetKey::Nest(nest.total.clone(), c.category),
                    index.get(&(c.indicator, &nest.total, c.category)),
                );
            }
        }
    }
    let mut out: BTreeMap<IndicatorId, Vec<CellSet>> = BTreeMap::new();
    for ((indicator, _), set) in by_key {
        out.entry(indicator).or_default().push(set);
    }
    out
}

/// The smallest (then first) of the candidates that pass the filter.
fn smallest(cells: &[Cell], candidates: impl Iterator<Item = usize>) -> Option<usize> {
    candidates.min_by_key(|&i| (cells[i].figure.weight(), i))
}

fn open(cells: &[Cell], i: usize) -> bool {
    cells[i].suppressed.is_none()
}

/// Suppressed and unknown to a reader. A share of nobody is suppressed but its numerator is
/// known to be zero (denominators are taken as known), so it hides nothing.
fn hidden(cells: &[Cell], i: usize) -> bool {
    !open(cells, i) && !matches!(cells[i].figure, Figure::Share { denominator: 0, .. })
}

/// Secondary suppression and the audit for one indicator's sums, until nothing is exposed.
fn protect(cells: &mut [Cell], sets: &[CellSet]) {
    loop {
        lone_members(cells, sets);
        let exposed = audit(cells, sets);
        let Some(&x) = exposed.first() else {
            return;
        };
        let Some(pick) = cover(cells, sets, x) else {
            return;
        };
        cells[pick].suppressed = Some(Suppression::Audit);
    }
}

/// While a published total has exactly one suppressed member, suppress the smallest other
/// non-zero member too, or the total when there is none.
fn lone_members(cells: &mut [Cell], sets: &[CellSet]) {
    loop {
        let mut changed = false;
        for set in sets {
            let lone = set.members.iter().filter(|&&m| hidden(cells, m)).count() == 1;
            if !open(cells, set.total) || !lone {
                continue;
            }
            let other = smallest(
                cells,
                set.members
                    .iter()
                    .copied()
                    .filter(|&m| open(cells, m) && cells[m].figure.is_nonzero()),
            );
            cells[other.unwrap_or(set.total)].suppressed = Some(Suppression::Secondary);
            changed = true;
        }
        if !changed {
            return;
        }
    }
}

/// The suppressed non-zero cells the published sums determine, in report order.
fn audit(cells: &[Cell], sets: &[CellSet]) -> Vec<usize> {
    let mut vars: Vec<usize> = sets
        .iter()
        .flat_map(|s| s.members.iter().copied().chain([s.total]))
        .filter(|&i| hidden(cells, i))
        .collect();
    vars.sort_unstable();
    vars.dedup();
    let column: HashMap<usize, usize> = vars.iter().enumerate().map(|(j, &i)| (i, j)).collect();
    let rows: Vec<Vec<i64>> = sets
        .iter()
        .map(|s| {
            let mut row = vec![0i64; vars.len()];
            for &m in &s.members {
                if let Some(&j) = column.get(&m) {
                    row[j] += 1;
                }
            }
            if let Some(&j) = column.get(&s.total) {
                row[j] -= 1;
            }
            row
        })
        .collect();
    // An overflow cannot be trusted: every suppressed cell is then taken as exposed.
    let known = determined(&rows, vars.len()).unwrap_or_else(|_| vec![true; vars.len()]);
    vars.iter()
        .zip(known)
        .filter(|&(&i, known)| known && cells[i].figure.is_nonzero())
        .map(|(&i, _)| i)
        .collect()
}

/// What to suppress to cover an exposed cell: the smallest non-zero published other member of a
/// sum it is in, or else the total of such a sum, or else any published cell of the indicator.
fn cover(cells: &[Cell], sets: &[CellSet], x: usize) -> Option<usize> {
    let own: Vec<&CellSet> = sets
        .iter()
        .filter(|s| s.total == x || s.members.contains(&x))
        .collect();
    let member = smallest(
        cells,
        own.iter()
            .flat_map(|s| s.members.iter().copied())
            .filter(|&m| m != x && open(cells, m) && cells[m].figure.is_nonzero()),
    );
    let total = || {
        smallest(
            cells,
            own.iter()
                .map(|s| s.total)
                .filter(|&t| t != x && open(cells, t)),
        )
    };
    let any = || {
        let all = || {
            sets.iter()
                .flat_map(|s| s.members.iter().copied().chain([s.total]))
        };
        smallest(
            cells,
            all().filter(|&i| open(cells, i) && cells[i].figure.is_nonzero()),
        )
        .or_else(|| smallest(cells, all().filter(|&i| open(cells, i))))
    };
    member.or_else(total).or_else(any)
}

/// The acceptance rate is hidden wherever the enrolled or declined count it is made of is.
fn link_acceptance(cells: &mut [Cell]) {
    let hidden: Vec<Place> = cells
        .iter()
        .filter(|c| {
            c.indicator == IndicatorId::FamiliesOffered
                && matches!(c.category, Some(Category::Enrolled | Category::Declined))
                && c.suppressed.is_some()
        })
        .map(|c| c.place.clone())
        .collect();
    for c in cells.iter_mut() {
        if c.indicator == IndicatorId::AcceptanceRate
            && c.suppressed.is_none()
            && hidden.contains(&c.place)
        {
            c.suppressed = Some(Suppression::Linked);
        }
    }
}

/// The audit on its own, for checking a finished report: the suppressed cells that the published
/// sums still determine (empty for every report `suppress` made).
pub fn exposed(cells: &[Cell], nests: &[Nest]) -> Vec<usize> {
    sets(cells, nests)
        .values()
        .flat_map(|sets| audit(cells, sets))
        .collect()
}

/// Sums a reader can subtract: a published total with exactly one hidden member, or a hidden
/// non-zero total whose members are all published.
pub fn subtractable(cells: &[Cell], nests: &[Nest]) -> Vec<usize> {
    let mut found = Vec::new();
    for set in sets(cells, nests).values().flatten() {
        let hidden_members: Vec<usize> = set
            .members
            .iter()
            .copied()
            .filter(|&m| hidden(cells, m))
            .collect();
        let none_hidden = hidden_members.is_empty();
        if open(cells, set.total) && hidden_members.len() == 1 {
            found.extend(hidden_members);
        }
        if hidden(cells, set.total) && none_hidden && cells[set.total].figure.is_nonzero() {
            found.push(set.total);
        }
    }
    found
}
