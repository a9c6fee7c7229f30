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

const AREAS: &[Option<&str>] = &[None, Some("Centrum"), Some("Norr"), Some("Öster"), Some("")];
const CLINICS: &[Option<&str>] = &[Some("BVC Centrum"), None, Some("BVC Norr")];

#[test]
fn the_reports_units_are_every_unit_of_the_register_once_in_index_order() {
    let mut db = Db::open_in_memory().unwrap();
    db.write(|tx| {
        let v = store_goteborg(tx);
        for i in 0..97usize {
            let mut family = sample_family(&format!("F-{i}"));
            family.facts.area = AREAS[i % AREAS.len()].map(str::to_string);
            // Not every area has every clinic: the skip must find the gaps as well.
            family.facts.clinic = CLINICS[(i * i) % CLINICS.len()].map(str::to_string);
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
