//! Small-cell suppression against a reader who counts (DESIGN §7, "the reader who counts").
//! Primary: a count of 1 … k−1 is hidden (numerators and denominators are counts); a share whose
//! complement is 1 … k−1 hides its numerator, or, for a share of events (visits, attendance
//! marks) of 20 or more, is published top-coded as `≥ 95 %`. Then the pattern is widened while
//! the audit (`audit`) finds a hidden figure the reader could pin down: first a sum with one
//! hidden member, then what the equations alone determine, then what the whole-number intervals
//! show (a small count that cannot reach k, any count that cannot be another number). A
//! breakdown that would lose most of its cells, or has a unit of fewer than k families, is
//! withheld for the indicator: its cells are all hidden, the municipality's row stays.
//! Deterministic: the same cells give the same pattern.

use std::collections::{BTreeSet, HashMap};

use super::audit::{self, Auditor, EarlierFile};
use super::indicators::{Category, IndicatorId, Unit};
use super::nesting::Nest;
use super::widen::{lone, neighbours, widen};
use super::{Breakdown, Cell, Figure, Place, Suppression, Threshold, Withheld, WithheldReason};

/// The top code of a share of events: at least 95.0 %.
pub const TOP_CODE_TENTHS: u64 = 950;
/// Below 20 events a share of 95 % or more is 100 %: nothing to top-code.
const TOP_CODE_MIN_DENOMINATOR: u64 = 20;
/// Rounds of withholding breakdowns before the pattern is final.
const ROUNDS: usize = 6;

/// What the audit found, for the record and for the tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditSummary {
    /// Hidden figures the audit could not protect (cell indices); empty for a sound file.
    pub exposed: Vec<usize>,
    /// Integer programs solved.
    pub solves: usize,
    /// Somewhere an earlier file of the period could not be read together with this one.
    pub joint_refuted: bool,
}

/// Suppresses the cells in place and says which breakdowns were withheld. `few` are the
/// breakdowns with a unit of fewer than k families in the period; `earlier` the earlier files of
/// the period (a revision keeps their hidden cells hidden and is audited with them).
pub fn suppress(
    cells: &mut [Cell],
    k: Threshold,
    nests: &[Nest],
    few: &[Breakdown],
    earlier: &[EarlierFile],
) -> (Vec<Withheld>, AuditSummary) {
    let mut withheld: Vec<Withheld> = Vec::new();
    for &b in few {
        for id in indicators_of(cells, b) {
            if !id.info().by_group {
                withheld.push(Withheld {
                    indicator: id,
                    breakdown: b,
                    reason: WithheldReason::FewFamilies,
                });
            }
        }
    }
    // A breakdown that primary suppression alone already strips of most of its cells is
    // withheld before any audit: the audit would only hide more of it.
    primary_only(cells, k);
    withheld.extend(most_hidden(cells, &withheld));
    let mut summary = AuditSummary::default();
    for round in 0..ROUNDS {
        summary = pattern(cells, k, nests, &withheld, earlier);
        let mut more = most_hidden(cells, &withheld);
        if more.is_empty() {
            more = unprotectable(cells, &summary, &withheld);
        }
        if more.is_empty() || round + 1 == ROUNDS {
            break;
        }
        withheld.extend(more);
    }
    withheld.sort_by_key(|w| (w.indicator, w.breakdown));
    (withheld, summary)
}

/// The breakdowns of the figures no widening could protect: withheld whole, so nothing of
/// them is published and nothing can be worked out from them.
fn unprotectable(cells: &[Cell], summary: &AuditSummary, withheld: &[Withheld]) -> Vec<Withheld> {
    let mut out: Vec<Withheld> = Vec::new();
    for &i in &summary.exposed {
        let c = &cells[i];
        let w = Withheld {
            indicator: c.indicator,
            breakdown: c.place.breakdown(),
            reason: WithheldReason::Unprotectable,
        };
        let known = |x: &Withheld| x.indicator == w.indicator && x.breakdown == w.breakdown;
        if !withheld.iter().any(known) && !out.iter().any(known) {
            out.push(w);
        }
    }
    out
}

/// Marks what is small in itself, and nothing else.
fn primary_only(cells: &mut [Cell], k: Threshold) {
    for c in cells.iter_mut() {
        c.top_coded = false;
        c.suppressed = match c.figure {
            Figure::Count(n) if k.is_small(n) => Some(Suppression::Primary),
            _ => None,
        };
    }
    shares(cells, u64::from(k.get()));
}

/// The indicators that have cells in a breakdown.
fn indicators_of(cells: &[Cell], b: Breakdown) -> BTreeSet<IndicatorId> {
    cells
        .iter()
        .filter(|c| c.place.breakdown() == b)
        .map(|c| c.indicator)
        .collect()
}

/// One full pass: primary, top codes, then widening until the audit passes.
fn pattern(
    cells: &mut [Cell],
    k: Threshold,
    nests: &[Nest],
    withheld: &[Withheld],
    earlier: &[EarlierFile],
) -> AuditSummary {
    let kk = u64::from(k.get());
    let held: BTreeSet<(IndicatorId, Breakdown)> = withheld
        .iter()
        .map(|w| (w.indicator, w.breakdown))
        .collect();
    for c in cells.iter_mut() {
        c.suppressed = None;
        c.top_coded = false;
        if held.contains(&(c.indicator, c.place.breakdown())) {
            c.suppressed = Some(Suppression::Withheld);
        } else if matches!(c.figure, Figure::Count(n) if k.is_small(n)) {
            c.suppressed = Some(Suppression::Primary);
        } else if earlier.iter().any(|f| f.hid(&c.key())) && matches!(c.figure, Figure::Count(_)) {
            c.suppressed = Some(Suppression::Earlier);
        }
    }
    shares(cells, kk);
    let mut p = audit::build(cells, nests);
    let joint = audit::joint_rows(&mut p, cells, earlier, nests);
    let mut auditor = Auditor::new(k.get());
    let mut exposed;
    loop {
        if let Some((a, row)) = lone(&p, kk)
            && widen(cells, &mut p, a, Some(row), Suppression::Secondary)
        {
            continue;
        }
        exposed = auditor.exposed(&p, &joint);
        // A figure an earlier file of the period published as it is now is known already:
        // pinning it down tells the reader nothing new.
        exposed.retain(|&a| !published_before(earlier, &cells[p.atoms[a].cell], &p.atoms[a]));
        if exposed.is_empty() {
            break;
        }
        // One cell more in each part that has an exposed figure: the parts are apart, so
        // widening one cannot mend another.
        let mut done = false;
        let mut touched: BTreeSet<usize> = BTreeSet::new();
        for &a in &exposed {
            if touched.contains(&a) {
                continue;
            }
            touched.extend(neighbours(&p, a));
            done |= widen(cells, &mut p, a, None, Suppression::Audit);
        }
        if !done {
            break;
        }
    }
    link(cells);
    AuditSummary {
        exposed: exposed.iter().map(|&a| p.atoms[a].cell).collect(),
        solves: auditor.solves,
        joint_refuted: auditor.joint_refuted,
    }
}

/// Whether an earlier file published this count with the value it has now.
fn published_before(earlier: &[EarlierFile], cell: &Cell, atom: &audit::Atom) -> bool {
    if atom.complement || !matches!(cell.figure, Figure::Count(_)) {
        return false;
    }
    let key = cell.key();
    let value = u64::try_from(atom.value).ok();
    earlier.iter().any(|f| {
        f.cells
            .iter()
            .any(|c| c.key == key && value.is_some() && c.value == value)
    })
}

/// The complement rule and the top code, on each share's numerator.
fn shares(cells: &mut [Cell], k: u64) {
    let index: HashMap<(IndicatorId, Place, Option<Category>), usize> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.indicator, c.place.clone(), c.category), i))
        .collect();
    for i in 0..cells.len() {
        let Figure::Share {
            numerator,
            denominator,
        } = cells[i].figure
        else {
            continue;
        };
        let (id, place) = (cells[i].indicator, cells[i].place.clone());
        let Some(&n) = index.get(&(id, place, Some(Category::Numerator))) else {
            continue;
        };
        // A numerator an earlier file hid may still be this one's top code.
        if cells[n]
            .suppressed
            .is_some_and(|s| s != Suppression::Earlier)
        {
            continue;
        }
        let complement = denominator - numerator;
        let event = audit::is_event_share(id);
        if event
            && denominator >= TOP_CODE_MIN_DENOMINATOR
            && complement < k
            && 20 * numerator >= 19 * denominator
        {
            // Also at 100 %: `≥ 95 %` must not tell that someone fell short.
            cells[i].top_coded = true;
            cells[n].suppressed = Some(Suppression::TopCode);
        } else if (1..k).contains(&complement) && numerator > 0 {
            // (A numerator of 0 with a small complement has a small denominator, hidden
            // already; zeros are published.)
            cells[n].suppressed = Some(Suppression::Complement);
        }
    }
}

/// A percent is published when its numerator and denominator are (or, top-coded, its
/// denominator is); otherwise it is hidden with them.
fn link(cells: &mut [Cell]) {
    let state: HashMap<(IndicatorId, Place, Option<Category>), Option<Suppression>> = cells
        .iter()
        .filter(|c| {
            matches!(
                c.category,
                Some(Category::Numerator | Category::Denominator)
            )
        })
        .map(|c| ((c.indicator, c.place.clone(), c.category), c.suppressed))
        .collect();
    for c in cells.iter_mut() {
        if c.indicator.info().unit != Unit::Percent || c.category.is_some() {
            continue;
        }
        let of = |cat| {
            state
                .get(&(c.indicator, c.place.clone(), Some(cat)))
                .copied()
                .flatten()
        };
        let (n, d) = (of(Category::Numerator), of(Category::Denominator));
        let withheld = n == Some(Suppression::Withheld) || d == Some(Suppression::Withheld);
        match (n, d) {
            (None, None) => c.top_coded = false,
            (Some(Suppression::TopCode), None) if c.top_coded => {}
            _ => {
                c.top_coded = false;
                c.suppressed = Some(if withheld {
                    Suppression::Withheld
                } else {
                    Suppression::Linked
                });
            }
        }
    }
}

/// The breakdowns (not yet withheld) that hide more than half of their non-zero cells of an
/// indicator; a top-coded numerator counts as published (its share is).
fn most_hidden(cells: &[Cell], withheld: &[Withheld]) -> Vec<Withheld> {
    let mut tally: std::collections::BTreeMap<(IndicatorId, Breakdown), (usize, usize)> =
        std::collections::BTreeMap::new();
    for c in cells {
        let b = c.place.breakdown();
        let Figure::Count(n) = c.figure else {
            continue;
        };
        if b == Breakdown::Municipality || n == 0 {
            continue;
        }
        let e = tally.entry((c.indicator, b)).or_default();
        e.0 += 1;
        if c.suppressed.is_some() && c.suppressed != Some(Suppression::TopCode) {
            e.1 += 1;
        }
    }
    tally
        .into_iter()
        .filter(|&((id, b), (nonzero, hidden))| {
            2 * hidden > nonzero
                && !withheld
                    .iter()
                    .any(|w| w.indicator == id && w.breakdown == b)
        })
        .map(|((indicator, breakdown), _)| Withheld {
            indicator,
            breakdown,
            reason: WithheldReason::MostHidden,
        })
        .collect()
}

/// The project's own audit of a finished file, from outside the suppression: the cells whose
/// hidden figure (or a percent's complement) the reader could pin down, read alone or together
/// with the earlier files of its period.
pub fn exposed_cells(
    cells: &[Cell],
    nests: &[Nest],
    k: Threshold,
    earlier: &[EarlierFile],
) -> Vec<usize> {
    let mut p = audit::build(cells, nests);
    let joint = audit::joint_rows(&mut p, cells, earlier, nests);
    let mut auditor = Auditor::new(k.get());
    auditor
        .exposed(&p, &joint)
        .into_iter()
        .map(|a| p.atoms[a].cell)
        .collect()
}
