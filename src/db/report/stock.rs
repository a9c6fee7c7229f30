//! The families and children a period's report is about, read through the indexes on their
//! dates (`0014_report_indexes.sql`), never by a scan of the register: families offered,
//! declined or exited in the period or in the programme at some time in it; children who turn
//! 30 days old in it or whose last window closes in it; and where the register's families are.

use foldhash::HashSet;

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use crate::db::values::{Columns, date_text, parse_code};
use crate::db::{ReadTx, Result};
use crate::domain::catalogue::Catalogue;
use crate::domain::period::Period;
use crate::domain::programme::Age;
use crate::domain::report::{ChildRow, FamilyRow, UnitRow};

/// The columns of the index of units (`family_units`), in its order.
const UNIT_COLUMNS: [&str; 4] = ["area", "clinic", "programme_id", "eligibility"];

const FAMILY_COLUMNS: &str = "id, area, clinic, offered_on, enrolled_on, declined_on, paused_on,
    exited_on, exit_reason, interpreter_language IS NOT NULL AND interpreter_language <> '',
    programme_id, eligibility";

/// The families a period's figures count, each by one range of an index (`?1` the period's
/// first day, `?2` its last). "In the programme at some time in the period" is enrolled by its
/// last day and not exited before its first: those still in it (no exit day), and those who left
/// on or after its first day.
///
/// The largest range first: a family the next ranges find again is not read twice.
const FAMILIES_OF_PERIOD: [&str; 4] = [
    "exited_on IS NULL AND enrolled_on <= ?2",
    "offered_on >= ?1 AND offered_on <= ?2",
    "declined_on >= ?1 AND declined_on <= ?2",
    "exited_on >= ?1 AND (exited_on <= ?2 OR enrolled_on <= ?2)",
];

fn family_row(r: &Row<'_>) -> rusqlite::Result<FamilyRow> {
    Ok(FamilyRow {
        id: r.get(0)?,
        area: r.get(1)?,
        clinic: r.get(2)?,
        programme: r.get(10)?,
        eligibility: r.get(11)?,
        offered_on: r.opt_date(3)?,
        enrolled_on: r.opt_date(4)?,
        declined_on: r.opt_date(5)?,
        paused_on: r.opt_date(6)?,
        exited_on: r.opt_date(7)?,
        exit_reason: r.get(8)?,
        needs_interpreter: r.get(9)?,
    })
}

/// Sorted ranges with those that overlap or touch joined.
fn joined(mut ranges: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    ranges.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (lo, hi) in ranges {
        match out.last_mut() {
            Some(last) if lo <= last.1.succ_opt().unwrap_or(last.1) => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    out
}

impl ReadTx<'_> {
    /// The families the period's figures count, and those of `referred` (the families of its
    /// visits and children), by id.
    pub(super) fn report_families(
        &self,
        period: Period,
        referred: impl IntoIterator<Item = i64>,
    ) -> Result<Vec<FamilyRow>> {
        let (first, last) = (date_text(period.first_day()), date_text(period.last_day()));
        let mut found: Vec<FamilyRow> = Vec::new();
        let mut known: HashSet<i64> = HashSet::default();
        for filter in FAMILIES_OF_PERIOD {
            let mut stmt = self.tx.prepare_cached(&format!(
                "SELECT {FAMILY_COLUMNS} FROM family WHERE {filter}"
            ))?;
            let mut rows = stmt.query(params![first, last])?;
            while let Some(row) = rows.next()? {
                // A family in more than one range is the same row each time: read once.
                if known.insert(row.get(0)?) {
                    found.push(family_row(row)?);
                }
            }
        }
        let mut by_id = self.tx.prepare_cached(&format!(
            "SELECT {FAMILY_COLUMNS} FROM family WHERE id = ?1"
        ))?;
        let mut more: Vec<i64> = referred
            .into_iter()
            .filter(|id| !known.contains(id))
            .collect();
        more.sort_unstable();
        more.dedup();
        for id in more {
            if let Some(row) = by_id.query_row([id], family_row).optional()? {
                found.push(row);
            }
        }
        found.sort_unstable_by_key(|f| f.id);
        Ok(found)
    }

    /// Each unit of the register's families once, in the index of units' order: a skip
    /// through that index, one step per unit and per value of its columns, not a walk of every
    /// family (a region has hundreds of units and hundreds of thousands of families).
    pub(super) fn report_units(&self) -> Result<Vec<UnitRow>> {
        let mut out = Vec::new();
        let mut prefix = Vec::new();
        self.units_under(&mut prefix, &mut out)?;
        Ok(out)
    }

    /// The units whose first columns are `prefix` (in `UNIT_COLUMNS` order), each value of the
    /// next column in turn: NULL first, as the index sorts it, then each value by one seek
    /// past the last.
    fn units_under(&self, prefix: &mut Vec<Option<String>>, out: &mut Vec<UnitRow>) -> Result<()> {
        let Some(column) = UNIT_COLUMNS.get(prefix.len()) else {
            let [area, clinic, programme, eligibility] =
                std::array::from_fn(|i| prefix.get(i).cloned().flatten());
            out.push(UnitRow {
                area,
                clinic,
                programme,
                eligibility: eligibility.map(|e| parse_code(&e)).transpose()?,
            });
            return Ok(());
        };
        let fixed: Vec<String> = UNIT_COLUMNS
            .iter()
            .take(prefix.len())
            .enumerate()
            .map(|(i, c)| format!("{c} IS ?{} AND ", i + 1))
            .collect();
        let fixed = fixed.concat();
        let n = prefix.len() + 1;
        let exists = format!(
            "SELECT 1 FROM family INDEXED BY family_units WHERE {fixed}{column} IS NULL LIMIT 1"
        );
        let first = format!(
            "SELECT {column} FROM family INDEXED BY family_units
             WHERE {fixed}{column} IS NOT NULL ORDER BY {column} LIMIT 1"
        );
        let next = format!(
            "SELECT {column} FROM family INDEXED BY family_units
             WHERE {fixed}{column} > ?{n} ORDER BY {column} LIMIT 1"
        );
        let has_null = self
            .tx
            .prepare_cached(&exists)?
            .query_row(params_from_iter(prefix.iter()), |_| Ok(()))
            .optional()?
            .is_some();
        if has_null {
            prefix.push(None);
            self.units_under(prefix, out)?;
            prefix.pop();
        }
        let mut value: Option<String> = self
            .tx
            .prepare_cached(&first)?
            .query_row(params_from_iter(prefix.iter()), |r| r.get(0))
            .optional()?;
        while let Some(v) = value {
            prefix.push(Some(v));
            self.units_under(prefix, out)?;
            value = self
                .tx
                .prepare_cached(&next)?
                .query_row(params_from_iter(prefix.iter()), |r| r.get(0))
                .optional()?;
            prefix.pop();
        }
        Ok(())
    }

    /// Children who turn 30 days old in the period, or whose programme's last window closes in
    /// it, with what was done for them ever: read by ranges of birth dates (one for the 30
    /// days, one for each programme's last window, joined where they meet), then held to the
    /// exact days.
    pub(super) fn report_children(
        &self,
        catalogue: &Catalogue,
        period: Period,
    ) -> Result<Vec<ChildRow>> {
        let (first, last) = (period.first_day(), period.last_day());
        let thirty = Age::Days(30);
        let ranges = joined(
            std::iter::once(thirty.births_reaching(first, last))
                .chain(
                    catalogue
                        .all()
                        .iter()
                        .filter_map(|p| p.last_visit())
                        .map(|v| v.max.births_reaching(first, last)),
                )
                .collect(),
        );
        let mut stmt = self.tx.prepare_cached(
            "SELECT c.id, c.family_id, c.birth_date, c.expected, f.programme_id,
                    f.programme_version,
                    (SELECT count(DISTINCT v.visit_no) FROM visit v
                      WHERE v.child_id = c.id AND v.status = 'done' AND v.visit_no IS NOT NULL),
                    (SELECT min(substr(v.starts_at, 1, 10)) FROM visit v
                      WHERE v.child_id = c.id AND v.status = 'done' AND v.visit_no IS NOT NULL
                        AND v.visit_no = 1)
             FROM child c INDEXED BY child_birth
                  JOIN family f INDEXED BY family_programme_of ON f.id = c.family_id
             WHERE c.birth_date >= ?1 AND c.birth_date <= ?2",
        )?;
        let mut out: Vec<(i64, ChildRow)> = Vec::new();
        for (lo, hi) in ranges {
            let rows = stmt.query_map(params![date_text(lo), date_text(hi)], |r| {
                Ok((
                    (r.get::<_, i64>(0)?, r.get::<_, i64>(1)?),
                    (r.date(2)?, r.get::<_, bool>(3)?),
                    (r.get::<_, String>(4)?, r.get::<_, u32>(5)?),
                    (r.get::<_, u32>(6)?, r.opt_date(7)?),
                ))
            })?;
            for row in rows {
                let ((id, family_id), (born_on, expected), (pid, pver), (visits_done, first_done)) =
                    row?;
                let programme = catalogue.get(&pid, pver);
                let last_window_closes = programme
                    .and_then(|p| p.last_visit())
                    .map(|v| v.max.from_birth(born_on));
                let relevant = period.contains(thirty.from_birth(born_on))
                    || last_window_closes.is_some_and(|d| period.contains(d));
                if !relevant {
                    continue;
                }
                out.push((
                    id,
                    ChildRow {
                        family_id,
                        born_on,
                        expected,
                        first_visit_done_on: first_done,
                        last_window_closes,
                        programme_visits: programme.map_or(0, |p| p.visits.len() as u32),
                        visits_done,
                    },
                ));
            }
        }
        out.sort_by_key(|(id, _)| *id);
        Ok(out.into_iter().map(|(_, child)| child).collect())
    }
}
