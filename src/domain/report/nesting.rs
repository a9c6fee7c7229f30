//! Places made of places of the other breakdown: a clinic whose families all live in one area,
//! or an area whose families all go to clinics that serve no other area. A reader who knows
//! where the clinics are knows such a place's cells are the sum of its parts' cells, so that
//! sum is protected like the ones DESIGN §7 names (a clinic serving exactly one area's
//! families is the same cell as the area, and would otherwise give away what the area hides).

use std::collections::{BTreeMap, BTreeSet};

use super::Place;

/// `total`'s families are exactly those of `parts` (places of the other breakdown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nest {
    pub total: Place,
    pub parts: Vec<Place>,
}

/// The nests among families given as (area, clinic) places, `None` places included (families
/// with no recorded area or clinic are a cell of their own). Each area whose clinics all lie
/// inside it, then each clinic whose areas all lie inside it (unless that only repeats an
/// area's nest of one clinic), in place order.
pub fn nests<'a>(families: impl IntoIterator<Item = (&'a Place, &'a Place)>) -> Vec<Nest> {
    // For each place, the places of the other breakdown its families are at, and how many
    // families each pair has.
    let mut pairs: BTreeMap<(&Place, &Place), u64> = BTreeMap::new();
    for (area, clinic) in families {
        *pairs.entry((area, clinic)).or_default() += 1;
    }
    let mut clinics_of: BTreeMap<&Place, BTreeSet<&Place>> = BTreeMap::new();
    let mut areas_of: BTreeMap<&Place, BTreeSet<&Place>> = BTreeMap::new();
    for &(area, clinic) in pairs.keys() {
        clinics_of.entry(area).or_default().insert(clinic);
        areas_of.entry(clinic).or_default().insert(area);
    }
    let inside = |of: &BTreeMap<&Place, BTreeSet<&Place>>, part: &Place, total: &Place| {
        of.get(part)
            .is_some_and(|owners| owners.len() == 1 && owners.contains(total))
    };
    let mut out = Vec::new();
    for (area, clinics) in &clinics_of {
        if clinics.iter().all(|c| inside(&areas_of, c, area)) {
            out.push(Nest {
                total: (*area).clone(),
                parts: clinics.iter().map(|c| (*c).clone()).collect(),
            });
        }
    }
    for (clinic, areas) in &areas_of {
        let repeat = areas.len() == 1
            && areas
                .iter()
                .all(|a| clinics_of.get(a).is_some_and(|c| c.len() == 1));
        if !repeat && areas.iter().all(|a| inside(&clinics_of, a, clinic)) {
            out.push(Nest {
                total: (*clinic).clone(),
                parts: areas.iter().map(|a| (*a).clone()).collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(n: &str) -> Place {
        Place::Area(Some(n.into()))
    }
    fn clinic(n: &str) -> Place {
        Place::Clinic(Some(n.into()))
    }

    #[test]
    fn an_area_made_of_clinics_and_a_clinic_made_of_areas_are_found() {
        // Norr is served by N1 and N2, which serve no one else. S serves Söder and Väst, but
        // Söder also goes to X: no nest there. M serves Mitt and Öst, which go nowhere else.
        let families = [
            (area("Norr"), clinic("N1")),
            (area("Norr"), clinic("N2")),
            (area("Söder"), clinic("S")),
            (area("Söder"), clinic("X")),
            (area("Väst"), clinic("S")),
            (area("Mitt"), clinic("M")),
            (area("Öst"), clinic("M")),
        ];
        let found = nests(families.iter().map(|(a, c)| (a, c)));
        assert_eq!(
            found,
            vec![
                Nest {
                    total: area("Norr"),
                    parts: vec![clinic("N1"), clinic("N2")]
                },
                Nest {
                    total: clinic("M"),
                    parts: vec![area("Mitt"), area("Öst")]
                },
            ]
        );
    }

    #[test]
    fn one_clinic_serving_exactly_one_area_is_one_nest() {
        let families = [
            (area("Norr"), clinic("N")),
            (area("Norr"), clinic("N")),
            (area("Söder"), clinic("S")),
            (area("Söder"), Place::Clinic(None)),
        ];
        let found = nests(families.iter().map(|(a, c)| (a, c)));
        assert_eq!(
            found,
            vec![
                Nest {
                    total: area("Norr"),
                    parts: vec![clinic("N")]
                },
                Nest {
                    total: area("Söder"),
                    parts: vec![Place::Clinic(None), clinic("S")]
                },
            ]
        );
    }
}
