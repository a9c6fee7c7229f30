//! The interval audit: for each hidden figure, whether the reader's system (see `problem`) still
//! lets it be something a reader cannot use: a count of 1 … k−1 could as well be k or more; any
//! other hidden count could as well be another number; a small complement could as well be 0.
//! Each answer is a witness, a whole-number solution of the system, found by a small integer
//! program (`microlp`) and then checked exactly in integers, so a rounding in the solver can
//! never make a cell look safe. A figure with no witness is exposed. The same witness often
//! answers for many figures: every witness found is kept and tried first.

use std::collections::HashMap;

use microlp::{ComparisonOp, OptimizationDirection, SolveOptions};

use super::super::rank::determined;
use super::parts::{Part, parts};
use super::problem::{Atom, Op, Problem, Row};

/// Above this many hidden figures in a part, the exact rank test is left to the integer
/// programs (it costs the cube of the part's size).
const RANK_TEST_ATOMS: usize = 80;

/// Branch-and-bound nodes an integer program may use; one that runs out has found no witness,
/// and its figure counts as exposed (the safe side).
const NODE_LIMIT: u64 = 500;

/// What a hidden figure needs a witness for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// A count of 1 … k−1: a solution where it is k or more.
    AtLeastK,
    /// A complement of 1 … k−1: a solution where it is 0 or k or more.
    ZeroOrK,
    /// Any other non-zero hidden count: a solution where it is something else.
    NotExact,
}

/// What the figure must be shown to possibly be, or nothing when it needs no protection.
pub fn need(atom: &Atom, k: i64) -> Option<Need> {
    if !atom.hidden {
        return None;
    }
    // A figure the reader knows may be 0 (a complement, a cell of a withheld breakdown) tells
    // no one is there unless it is shown to be 1 … k−1: 0 or k answers as well.
    let small = if atom.min == 0 {
        Need::ZeroOrK
    } else {
        Need::AtLeastK
    };
    match atom.value {
        0 => None,
        v if v < k => Some(small),
        _ if atom.complement => None,
        _ => Some(Need::NotExact),
    }
}

fn answers(need: Need, truth: i64, found: i64, k: i64) -> bool {
    match need {
        Need::AtLeastK => found >= k,
        Need::ZeroOrK => found == 0 || found >= k,
        Need::NotExact => found != truth,
    }
}

/// The audit of one file (and, for a revision, the rows the earlier files of its period add).
#[derive(Debug)]
pub struct Auditor {
    k: i64,
    /// Every witness found so far, as a full assignment of the atoms.
    pool: Vec<Vec<i64>>,
    /// Integer programs solved.
    pub solves: usize,
    /// The earlier files' rows were inconsistent with this file somewhere (a hidden figure
    /// changed): there the reader cannot join them and they were left out.
    pub joint_refuted: bool,
}

impl Auditor {
    pub fn new(k: u32) -> Self {
        Auditor {
            k: i64::from(k),
            pool: Vec::new(),
            solves: 0,
            joint_refuted: false,
        }
    }

    /// The hidden atoms the system pins down (in atom order): determined exactly, a small count
    /// that cannot reach k, a small complement that cannot be 0 or k.
    pub fn exposed(&mut self, p: &Problem, joint: &[Row]) -> Vec<usize> {
        let rows: Vec<&Row> = p.rows.iter().chain(joint).collect();
        let own = p.rows.len();
        let mut out = Vec::new();
        for part in parts(p, &rows) {
            let pending: Vec<usize> = part
                .atoms
                .iter()
                .copied()
                .filter(|&a| need(&p.atoms[a], self.k).is_some())
                .collect();
            if pending.is_empty() {
                continue;
            }
            let mut use_rows = part.rows.clone();
            if use_rows.iter().any(|&r| r >= own) && !self.feasible(p, &rows, &part) {
                // The earlier files cannot be read together with this one here.
                self.joint_refuted = true;
                use_rows.retain(|&r| r < own);
            }
            let part_rows: Vec<&Row> = use_rows.iter().map(|&r| rows[r]).collect();
            out.extend(self.audit_part(p, &part.atoms, &part_rows, &pending));
        }
        out.sort_unstable();
        out
    }

    fn audit_part(
        &mut self,
        p: &Problem,
        atoms: &[usize],
        rows: &[&Row],
        pending: &[usize],
    ) -> Vec<usize> {
        // First the cheap exact test, on parts small enough for it: what the equations alone
        // determine is exposed whatever the bounds (the integer programs find it too).
        let col: HashMap<usize, usize> = atoms.iter().enumerate().map(|(j, &a)| (a, j)).collect();
        let known = if atoms.len() <= RANK_TEST_ATOMS {
            let eqs: Vec<Vec<i64>> = rows
                .iter()
                .filter(|r| r.op == Op::Eq)
                .map(|r| {
                    let mut v = vec![0i64; atoms.len()];
                    for &(a, c) in &r.terms {
                        if let Some(&j) = col.get(&a) {
                            v[j] += c;
                        }
                    }
                    v
                })
                .collect();
            determined(&eqs, atoms.len()).unwrap_or_else(|_| vec![true; atoms.len()])
        } else {
            vec![false; atoms.len()]
        };
        // The kept witnesses that solve this part's rows.
        let mut valid: Vec<usize> = (0..self.pool.len())
            .filter(|&i| solves(p, rows, &self.pool[i]))
            .collect();
        let mut exposed = Vec::new();
        for &a in pending {
            let Some(need) = need(&p.atoms[a], self.k) else {
                continue;
            };
            if known[col[&a]] {
                exposed.push(a);
                continue;
            }
            let truth = p.atoms[a].value;
            if valid
                .iter()
                .any(|&i| answers(need, truth, self.pool[i][a], self.k))
            {
                continue;
            }
            // Up first; down when up cannot answer (a count that cannot differ upwards, a
            // complement that cannot reach k).
            let before = self.pool.len();
            let mut ok = self
                .witness(p, atoms, rows, a, true)
                .is_some_and(|w| answers(need, truth, w[a], self.k));
            if !ok && need != Need::AtLeastK {
                ok = self
                    .witness(p, atoms, rows, a, false)
                    .is_some_and(|w| answers(need, truth, w[a], self.k));
            }
            valid.extend(before..self.pool.len());
            if !ok {
                exposed.push(a);
            }
        }
        exposed
    }

    fn feasible(&mut self, p: &Problem, all: &[&Row], part: &Part) -> bool {
        let rows: Vec<&Row> = part.rows.iter().map(|&r| all[r]).collect();
        self.solve(p, &part.atoms, &rows, None, true).is_some()
    }

    /// The extreme of `target` (largest when `up`), as a checked witness.
    fn witness(
        &mut self,
        p: &Problem,
        atoms: &[usize],
        rows: &[&Row],
        target: usize,
        up: bool,
    ) -> Option<Vec<i64>> {
        let w = self.solve(p, atoms, rows, Some(target), up)?;
        self.pool.push(w.clone());
        Some(w)
    }

    /// A witness: first from the linear relaxation (the rows are mostly sums, whose corners are
    /// whole numbers), checked; else from the integer program.
    pub(super) fn solve(
        &mut self,
        p: &Problem,
        atoms: &[usize],
        rows: &[&Row],
        target: Option<usize>,
        up: bool,
    ) -> Option<Vec<i64>> {
        self.solve_as(p, atoms, rows, target, up, false)
            .or_else(|| self.solve_as(p, atoms, rows, target, up, true))
    }

    #[allow(clippy::too_many_arguments)]
    fn solve_as(
        &mut self,
        p: &Problem,
        atoms: &[usize],
        rows: &[&Row],
        target: Option<usize>,
        up: bool,
        integer: bool,
    ) -> Option<Vec<i64>> {
        self.solves += 1;
        // No figure of the file exceeds the sum of them all: a bound that loses no answer.
        let cap = p
            .atoms
            .iter()
            .map(|a| a.value)
            .sum::<i64>()
            .saturating_add(self.k + 1)
            .min(i64::from(i32::MAX / 4));
        let mut lp = microlp::Problem::new(if up {
            OptimizationDirection::Maximize
        } else {
            OptimizationDirection::Minimize
        });
        let vars: HashMap<usize, microlp::Variable> = atoms
            .iter()
            .map(|&a| {
                let objective = if Some(a) == target { 1.0 } else { 0.0 };
                let min = p.atoms[a].min.min(cap);
                let var = if integer {
                    lp.add_integer_var(objective, (min as i32, cap as i32))
                } else {
                    lp.add_var(objective, (min as f64, cap as f64))
                };
                (a, var)
            })
            .collect();
        for row in rows {
            let mut rhs = row.rhs;
            let mut expr = Vec::new();
            for &(a, c) in &row.terms {
                match vars.get(&a) {
                    Some(&v) => expr.push((v, c as f64)),
                    None => rhs -= c * p.atoms[a].value,
                }
            }
            let op = match row.op {
                Op::Eq => ComparisonOp::Eq,
                Op::Le => ComparisonOp::Le,
            };
            lp.add_constraint(expr.as_slice(), op, rhs as f64);
        }
        let mut options = SolveOptions::default();
        options.node_limit = Some(NODE_LIMIT);
        options.warm_start = integer.then(|| {
            atoms
                .iter()
                .map(|a| (vars[a], p.atoms[*a].value as f64))
                .collect()
        });
        let Ok(outcome) = lp.solve_with(options) else {
            return None;
        };
        let solution = outcome.solution()?;
        let mut w: Vec<i64> = p.atoms.iter().map(|a| a.value).collect();
        for (&a, &v) in &vars {
            w[a] = solution.var_value(v).round() as i64;
        }
        let bounded = atoms.iter().all(|&a| w[a] >= p.atoms[a].min);
        let ok = bounded && solves(p, rows, &w);
        ok.then_some(w)
    }
}

/// Whether the assignment meets every row exactly, in integers.
fn solves(p: &Problem, rows: &[&Row], w: &[i64]) -> bool {
    let _ = p;
    rows.iter().all(|r| {
        let lhs: i64 = r.terms.iter().map(|&(a, c)| c * w[a]).sum();
        match r.op {
            Op::Eq => lhs == r.rhs,
            Op::Le => lhs <= r.rhs,
        }
    })
}
