//! The name lists in `assets/demo/names.toml`, and picking from them.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct NameGroup {
    pub language: String,
    pub weight: u32,
    /// Percent of families in this group who need an interpreter.
    pub interpreter: u32,
    pub given: Vec<String>,
    pub surnames: Vec<String>,
    pub children: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Names {
    pub areas: Vec<String>,
    pub clinics: Vec<String>,
    pub streets: Vec<String>,
    pub group: Vec<NameGroup>,
}

pub fn load() -> Result<Names, String> {
    let names: Names = toml::from_str(include_str!("../../../assets/demo/names.toml"))
        .map_err(|e| format!("assets/demo/names.toml: {}", e.message()))?;
    let empty = names.areas.is_empty()
        || names.clinics.is_empty()
        || names.streets.is_empty()
        || names.group.is_empty()
        || names
            .group
            .iter()
            .any(|g| g.given.is_empty() || g.surnames.is_empty() || g.children.is_empty());
    if empty {
        return Err("assets/demo/names.toml: every list must have at least one name".into());
    }
    Ok(names)
}

/// One item of a non-empty slice.
pub fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// An index chosen with probability proportional to its weight.
pub fn weighted(rng: &mut fastrand::Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut x = rng.u32(..total.max(1));
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_load() {
        let names = load().unwrap();
        assert!(names.group.len() >= 10, "many language groups");
        assert!(
            names
                .group
                .iter()
                .any(|g| g.language == "svenska" && g.interpreter == 0)
        );
    }

    #[test]
    fn weighted_never_picks_a_zero_weight() {
        let mut rng = fastrand::Rng::with_seed(3);
        for _ in 0..1000 {
            assert_ne!(weighted(&mut rng, &[5, 0, 5]), 1);
        }
    }
}
