//! The reader's system cut into its connected parts (hidden figures joined by the rows they
//! share), and the intervals of a finished file's hidden figures, for checking it from outside.

use super::problem::{Problem, Row};
use super::solve::Auditor;

/// A connected part of the system: hidden atoms and the rows between them.
pub(super) struct Part {
    pub atoms: Vec<usize>,
    pub rows: Vec<usize>,
}

/// The root of `x`'s set, halving the path on the way.
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The hidden atoms joined by the rows they share, each with its rows, in atom order.
pub(super) fn parts(p: &Problem, rows: &[&Row]) -> Vec<Part> {
    let n = p.atoms.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for r in rows {
        let mut hidden = r
            .terms
            .iter()
            .map(|&(a, _)| a)
            .filter(|&a| p.atoms[a].hidden);
        if let Some(first) = hidden.next() {
            for other in hidden {
                let (x, y) = (find(&mut parent, first), find(&mut parent, other));
                if x != y {
                    parent[x.max(y)] = x.min(y);
                }
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Part> = std::collections::BTreeMap::new();
    for a in (0..n).filter(|&a| p.atoms[a].hidden) {
        let root = find(&mut parent, a);
        by_root
            .entry(root)
            .or_insert_with(|| Part {
                atoms: Vec::new(),
                rows: Vec::new(),
            })
            .atoms
            .push(a);
    }
    for (i, r) in rows.iter().enumerate() {
        if let Some(&(a, _)) = r.terms.iter().find(|&&(a, _)| p.atoms[a].hidden) {
            let root = find(&mut parent, a);
            if let Some(part) = by_root.get_mut(&root) {
                part.rows.push(i);
            }
        }
    }
    by_root.into_values().collect()
}

/// The interval of each hidden atom the system allows (smallest and largest), for checking a
/// finished file from outside the suppression; `None` where no whole-number solution was found.
pub fn intervals(p: &Problem, joint: &[Row], k: u32) -> Vec<(usize, Option<(i64, i64)>)> {
    let rows: Vec<&Row> = p.rows.iter().chain(joint).collect();
    let mut auditor = Auditor::new(k);
    let mut out = Vec::new();
    for part in parts(p, &rows) {
        let part_rows: Vec<&Row> = part.rows.iter().map(|&r| rows[r]).collect();
        for &a in &part.atoms {
            if p.atoms[a].complement {
                continue;
            }
            let lo = auditor.solve(p, &part.atoms, &part_rows, Some(a), false);
            let hi = auditor.solve(p, &part.atoms, &part_rows, Some(a), true);
            out.push((a, lo.zip(hi).map(|(l, h)| (l[a], h[a]))));
        }
    }
    out
}
