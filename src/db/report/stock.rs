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
use crate::domain::programme::{Age, Programme};
use crate::domain::report::{ChildRow, FamilyRow, UnitRow};

use super::visits::ChildFacts;

/// The columns of the index of units (`family_units`), in its order.
const UNIT_COLUMNS: [&str; 4] = ["area", "clinic", "programme_id", "eligibility"];

const FAMILY_COLUMNS: &str = "id, area, clinic, offered_on, enrolled_on, declined_on, paused_on,
    exited_on, exit_reason, interpreter_language IS NOT NULL AND interpreter_language <> '',
    programme_id, eligibility, programme_version";

/// A family the report read: its row, its programme's version (a visit's or a child's
/// programme is its family's), and whether the period's ranges found it (or only a visit or a
/// child of the period's did).
pub(super) struct ReadFamily {
    pub row: FamilyRow,
    pub version: u32,
    pub of_period: bool,
}

impl ReadFamily {
    fn read(r: &Row<'_>, of_period: bool) -> rusqlite::Result<ReadFamily> {
        Ok(ReadFamily {
            row: family_row(r)?,
            version: r.get(12)?,
            of_period,
        })
    }
}

/// What a visit or a child takes of its family: the programme, when the catalogue has it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Known<'c> {
    pub programme: Option<&'c Programme>,
}

/// Family `id` among `families` (sorted by id), `None` when it was not read.
pub(super) fn known<'c>(
    families: &[ReadFamily],
    catalogue: &'c Catalogue,
    id: i64,
) -> Option<Known<'c>> {
    let i = families.binary_search_by_key(&id, |f| f.row.id).ok()?;
    let family = families.get(i)?;
    Some(Known {
        programme: family
            .row
            .programme
            .as_deref()
            .and_then(|p| catalogue.get(p, family.version)),
    })
}

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
    ) -> Result<Vec<ReadFamily>> {
        let (first, last) = (date_text(period.first_day()), date_text(period.last_day()));
        let mut found: Vec<ReadFamily> = Vec::new();
        let mut known: HashSet<i64> = HashSet::default();
        for filter in FAMILIES_OF_PERIOD {
            let mut stmt = self.tx.prepare_cached(&format!(
                "SELECT {FAMILY_COLUMNS} FROM family WHERE {filter}"
            ))?;
            let mut rows = stmt.query(params![first, last])?;
            while let Some(row) = rows.next()? {
                // A family in more than one range is the same row each time: read once.
                if known.insert(row.get(0)?) {
                    found.push(ReadFamily::read(row, true)?);
                }
            }
        }
        let mut more: Vec<i64> = referred
            .into_iter()
            .filter(|id| !known.contains(id))
            .collect();
        more.sort_unstable();
        more.dedup();
        // In id order, so each page of the table is read once.
        let ids = more
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {FAMILY_COLUMNS} FROM family WHERE id IN (SELECT value FROM json_each(?1))"
        ))?;
        let mut rows = stmt.query([format!("[{ids}]")])?;
        while let Some(row) = rows.next()? {
            found.push(ReadFamily::read(row, false)?);
        }
        found.sort_unstable_by_key(|f| f.row.id);
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

    /// The children who may turn 30 days old in the period, or whose programme's last window
    /// may close in it, by id: read by ranges of birth dates (one for the 30 days, one for each
    /// programme's last window, joined where they meet) from an index that holds what is asked.
    pub(super) fn children_born(
        &self,
        catalogue: &Catalogue,
        period: Period,
    ) -> Result<Vec<(i64, ChildFacts)>> {
        let (first, last) = (period.first_day(), period.last_day());
        let ranges = joined(
            std::iter::once(Age::Days(30).births_reaching(first, last))
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
            "SELECT id, family_id, birth_date, expected FROM child INDEXED BY child_birth
             WHERE birth_date >= ?1 AND birth_date <= ?2",
        )?;
        let mut out = Vec::new();
        for (lo, hi) in ranges {
            let mut rows = stmt.query(params![date_text(lo), date_text(hi)])?;
            while let Some(r) = rows.next()? {
                out.push(ChildFacts::read(r)?);
            }
        }
        out.sort_unstable_by_key(|(id, _)| *id);
        Ok(out)
    }

    /// Of the children `born` (by id), those who turn 30 days old in the period or whose
    /// programme's last window closes in it, with what was done for them ever. A child whose
    /// family is not known (`family` says `None`) counts nowhere. Their programme visits done
    /// are read in id order from the index of done visits.
    pub(super) fn report_children<'c>(
        &self,
        period: Period,
        born: &[(i64, ChildFacts)],
        family: impl Fn(i64) -> Option<Known<'c>>,
    ) -> Result<Vec<ChildRow>> {
        let thirty = Age::Days(30);
        let mut kept: Vec<(i64, ChildRow)> = Vec::new();
        for (id, child) in born {
            let Some(Known { programme }) = family(child.family_id) else {
                continue;
            };
            let last_window_closes = programme
                .and_then(|p| p.last_visit())
                .map(|v| v.max.from_birth(child.born_on));
            let relevant = period.contains(thirty.from_birth(child.born_on))
                || last_window_closes.is_some_and(|d| period.contains(d));
            if relevant {
                kept.push((
                    *id,
                    ChildRow {
                        family_id: child.family_id,
                        born_on: child.born_on,
                        expected: child.expected,
                        first_visit_done_on: None,
                        last_window_closes,
                        programme_visits: programme.map_or(0, |p| p.visits.len() as u32),
                        visits_done: 0,
                    },
                ));
            }
        }
        let ids = kept
            .iter()
            .map(|(id, _)| id.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let mut stmt = self.tx.prepare_cached(
            "SELECT child_id, visit_no, substr(starts_at, 1, 10) FROM visit INDEXED BY visit_done
             WHERE child_id IN (SELECT value FROM json_each(?1))
               AND status = 'done' AND visit_no IS NOT NULL",
        )?;
        let mut done: Vec<(i64, u32, NaiveDate)> = Vec::new();
        let mut rows = stmt.query([format!("[{ids}]")])?;
        while let Some(r) = rows.next()? {
            done.push((r.get(0)?, r.get(1)?, r.date(2)?));
        }
        done.sort_unstable();
        // `kept` is in id order as `born` is, and `done` by child, number and day.
        let mut at = 0;
        for (id, child) in &mut kept {
            while done.get(at).is_some_and(|(c, _, _)| c < id) {
                at += 1;
            }
            let mut last_number = None;
            while let Some(&(c, number, day)) = done.get(at) {
                if c != *id {
                    break;
                }
                if last_number != Some(number) {
                    child.visits_done += 1;
                    last_number = Some(number);
                }
                if number == 1 && child.first_visit_done_on.is_none_or(|d| day < d) {
                    child.first_visit_done_on = Some(day);
                }
                at += 1;
            }
        }
        Ok(kept.into_iter().map(|(_, child)| child).collect())
    }
}
