//! The register's units for the report, found by skipping through the index of units: on a
//! generated register with areas, clinics and eligibilities missing at every level, they are
//! the units one read of every family finds, each once, in the same order.

use super::*;
use crate::domain::enums::Eligibility;
use crate::domain::quarter::Quarter;

/// A unit as text: area, clinic, programme and eligibility.
type Unit = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Areas and their clinics: not every area has every clinic, and either may be missing or
/// empty, so the skip must find the gaps at every level.
const PLACES: &[(Option<&str>, Option<&str>)] = &[
    (None, None),
    (None, Some("BVC Norr")),
    (Some("Centrum"), Some("BVC Centrum")),
    (Some("Centrum"), None),
    (Some("Norr"), Some("BVC Norr")),
    (Some("Norr"), Some("BVC Centrum")),
    (Some("Öster"), Some("")),
    (Some(""), Some("BVC Öster")),
];

#[test]
fn the_reports_units_are_every_unit_of_the_register_once_in_index_order() {
    let mut db = Db::open_in_memory().unwrap();
    db.write(|tx| {
        let v = store_goteborg(tx);
        for i in 0..97usize {
            let mut family = sample_family(&format!("F-{i}"));
            let (area, clinic) = PLACES[i % PLACES.len()];
            family.facts.area = area.map(str::to_string);
            family.facts.clinic = clinic.map(str::to_string);
            family.facts.eligibility = match i % 7 {
                0 => None,
                n => Some(Eligibility::ALL[n % Eligibility::ALL.len()]),
            };
            tx.insert_family(&family, v, now())?;
        }
        Ok::<_, DbError>(())
    })
    .unwrap();
    let (units, every) = db
        .read(|tx| {
            let units = tx.report_input(Quarter::parse("2026Q4").unwrap())?.units;
            let mut stmt = tx.tx.prepare(
                "SELECT area, clinic, programme_id, eligibility FROM family
                 ORDER BY area, clinic, programme_id, eligibility",
            )?;
            let mut every: Vec<Unit> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<_>>()?;
            every.dedup();
            Ok::<_, DbError>((units, every))
        })
        .unwrap();
    let found: Vec<_> = units
        .iter()
        .map(|u| {
            (
                u.area.clone(),
                u.clinic.clone(),
                u.programme.clone(),
                u.eligibility.map(|e| e.as_str().to_string()),
            )
        })
        .collect();
    assert!(every.len() > 20, "the register has {} units", every.len());
    assert_eq!(found, every);
}
