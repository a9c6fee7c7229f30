//! Exact linear algebra for the disclosure audit: which unknowns a system of integer equations
//! pins down. Integer rows, fraction-free elimination, every row kept divided by its gcd, so
//! there is no rounding; an overflow is reported, never wrapped.

/// The numbers grew past `i128`; the caller must assume the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn normalise(row: &mut [i128]) {
    let g = row.iter().fold(0, |g, &x| gcd(g, x));
    if g > 1 {
        for x in row.iter_mut() {
            *x /= g;
        }
    }
}

/// For each of `vars` unknowns, whether the equations `rows` (each `Σ row[j]·x[j] = constant`)
/// determine it: whether its unit vector lies in the rows' span over the rationals.
#[allow(clippy::many_single_char_names)] // the usual names of elimination: m, p, a, b, g
pub fn determined(rows: &[Vec<i64>], vars: usize) -> Result<Vec<bool>, Overflow> {
    let mut m: Vec<Vec<i128>> = rows
        .iter()
        .map(|r| {
            let mut wide: Vec<i128> = r.iter().map(|&x| i128::from(x)).collect();
            wide.resize(vars, 0);
            wide
        })
        .filter(|r| r.iter().any(|&x| x != 0))
        .collect();
    let mut pivot_row_of: Vec<Option<usize>> = vec![None; vars];
    let mut next = 0;
    for col in 0..vars {
        // The smallest pivot keeps the numbers small.
        let Some(p) = (next..m.len())
            .filter(|&i| m[i][col] != 0)
            .min_by_key(|&i| (m[i][col].abs(), i))
        else {
            continue;
        };
        m.swap(next, p);
        let pivot = m[next].clone();
        let a = pivot[col];
        for (i, row) in m.iter_mut().enumerate() {
            let b = row[col];
            if i == next || b == 0 {
                continue;
            }
            let g = gcd(a, b);
            let (fa, fb) = (a / g, b / g);
            for (x, &y) in row.iter_mut().zip(&pivot) {
                *x = x
                    .checked_mul(fa)
                    .and_then(|x| y.checked_mul(fb).and_then(|y| x.checked_sub(y)))
                    .ok_or(Overflow)?;
            }
            normalise(row);
        }
        pivot_row_of[col] = Some(next);
        next += 1;
    }
    Ok(pivot_row_of
        .iter()
        .enumerate()
        .map(|(col, row)| {
            row.is_some_and(|r| {
                m[r].iter()
                    .enumerate()
                    .all(|(j, &x)| (j == col) == (x != 0))
            })
        })
        .collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A second, plainer way: rank over the rationals by fractions, compared with the rank
    /// after adding the unit vector.
    fn rank(rows: &[Vec<i64>], vars: usize) -> usize {
        // Fractions as (numerator, denominator) in i128, reduced after every step.
        type F = (i128, i128);
        fn red((n, d): F) -> F {
            let g = gcd(n, d).max(1);
            let s = if d < 0 { -1 } else { 1 };
            (s * n / g, s * d / g)
        }
        let mut m: Vec<Vec<F>> = rows
            .iter()
            .map(|r| (0..vars).map(|j| (i128::from(r[j]), 1)).collect())
            .collect();
        let mut rank = 0;
        for col in 0..vars {
            let Some(p) = (rank..m.len()).find(|&i| m[i][col].0 != 0) else {
                continue;
            };
            m.swap(rank, p);
            let pivot = m[rank].clone();
            for row in m.iter_mut().skip(rank + 1) {
                if row[col].0 == 0 {
                    continue;
                }
                // factor = row[col] / pivot[col]
                let f = red((row[col].0 * pivot[col].1, row[col].1 * pivot[col].0));
                for j in 0..vars {
                    let prod = red((f.0 * pivot[j].0, f.1 * pivot[j].1));
                    row[j] = red((row[j].0 * prod.1 - prod.0 * row[j].1, row[j].1 * prod.1));
                }
            }
            rank += 1;
        }
        rank
    }

    /// Whether each unknown is determined, by comparing ranks with plain fractions.
    pub(crate) fn by_rank(rows: &[Vec<i64>], vars: usize) -> Vec<bool> {
        let r = rank(rows, vars);
        (0..vars)
            .map(|x| {
                let mut more = rows.to_vec();
                let mut unit = vec![0; vars];
                unit[x] = 1;
                more.push(unit);
                rank(&more, vars) == r
            })
            .collect()
    }

    #[test]
    fn one_equation_with_one_unknown_gives_it_away() {
        assert_eq!(determined(&[vec![1]], 1), Ok(vec![true]));
        assert_eq!(determined(&[vec![1, 1]], 2), Ok(vec![false, false]));
        assert_eq!(determined(&[], 3), Ok(vec![false, false, false]));
    }

    #[test]
    fn a_two_by_two_table_with_its_margins() {
        // x0 x1 / x2 x3, rows and columns summed: one degree of freedom remains.
        let rows = vec![
            vec![1, 1, 0, 0],
            vec![0, 0, 1, 1],
            vec![1, 0, 1, 0],
            vec![0, 1, 0, 1],
        ];
        assert_eq!(determined(&rows, 4), Ok(vec![false; 4]));
        // Three of the four suppressed: the row through the lone one gives it away, then all.
        let three = vec![vec![1, 1, 0], vec![0, 0, 1], vec![1, 0, 1], vec![0, 1, 0]];
        assert_eq!(determined(&three, 3), Ok(vec![true; 3]));
    }

    #[test]
    fn a_bridge_between_two_safe_patterns_is_found() {
        // x0 + x1 = a, x1 + x2 = b, x0 + x2 = c: the sum of the first two minus the third
        // is 2·x1, so each is determined over the rationals (not over the integers mod 2).
        let rows = vec![vec![1, 1, 0], vec![0, 1, 1], vec![1, 0, 1]];
        assert_eq!(determined(&rows, 3), Ok(vec![true; 3]));
        // A chain: x0 - x1 = 0 and x1 - x2 = 0 and x2 = c.
        let chain = vec![vec![1, -1, 0, 0], vec![0, 1, -1, 0], vec![0, 0, 1, 0]];
        assert_eq!(determined(&chain, 4), Ok(vec![true, true, true, false]));
    }

    #[test]
    fn totals_and_members_as_in_the_report() {
        // Areas A, B, C to the municipality M: A and B suppressed, C published, M suppressed too:
        // A + B - M = const, nothing determined.
        assert_eq!(determined(&[vec![1, 1, -1]], 3), Ok(vec![false; 3]));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn agrees_with_the_rank_of_the_rationals(
            vars in 1usize..7,
            rows in proptest::collection::vec(proptest::collection::vec(-2i64..=2, 7), 0..8),
        ) {
            let rows: Vec<Vec<i64>> = rows.into_iter().map(|r| r[..vars].to_vec()).collect();
            prop_assert_eq!(determined(&rows, vars), Ok(by_rank(&rows, vars)));
        }

        #[test]
        fn report_shaped_systems_agree_too(
            vars in 1usize..12,
            rows in proptest::collection::vec(proptest::collection::vec(0i64..=2, 12), 0..10),
        ) {
            // Coefficients 0, 1 and -1 (a member, or a total), as the audit writes them.
            let rows: Vec<Vec<i64>> = rows
                .into_iter()
                .map(|r| r[..vars].iter().map(|&c| if c == 2 { -1 } else { c }).collect())
                .collect();
            prop_assert_eq!(determined(&rows, vars), Ok(by_rank(&rows, vars)));
        }
    }
}
