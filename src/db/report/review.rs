//! The reads behind the Report screen besides the figures: the records that leave a quarter
//! incomplete (counted, and one page of them); the exports are in `runs`.

use rusqlite::params;

use crate::db::values::{Columns, date_text, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::period::Period;
use crate::domain::report::{MissingItem, MissingKind, MissingPage, passed_by, starts};

/// One query per kind, each giving (kind, id, family id, name, protection, time, lacks
/// eligibility, lacks a date, the family's reference); `?1` is the quarter's start, `?2` its end or now (what has
/// passed), `?3` the day after the quarter.
const KINDS: [&str; 5] = [
    "SELECT 0 AS k, v.id AS id, f.id, f.display_name, f.protection, v.starts_at AS at, 0, 0,
            f.family_ref
       FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
      WHERE v.status = 'planned' AND v.starts_at >= ?1 AND v.starts_at < ?2",
    "SELECT 1, v.id, f.id, f.display_name, f.protection, v.starts_at, 0, 0, f.family_ref
       FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
      WHERE v.status = 'done' AND v.starts_at >= ?1 AND v.starts_at < ?3
        AND EXISTS (SELECT 1 FROM visit_staff s WHERE s.visit_id = v.id AND s.attended IS NULL)",
    "SELECT 2, s.id, NULL, g.name, 'none', s.starts_at, 0, 0, NULL
       FROM group_session s JOIN parent_group g ON g.id = s.group_id
      WHERE s.status = 'held' AND s.starts_at >= ?1 AND s.starts_at < ?3
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.id)",
    "SELECT 3, s.id, NULL, g.name, 'none', s.starts_at, 0, 0, NULL
       FROM group_session s JOIN parent_group g ON g.id = s.group_id
      WHERE s.status = 'planned' AND s.starts_at >= ?1 AND s.starts_at < ?2",
    "SELECT 4, f.id, f.id, f.display_name, f.protection, NULL, f.eligibility IS NULL,
            f.offered_on IS NULL
            OR (f.status IN ('active','paused','completed','exited') AND f.enrolled_on IS NULL)
            OR (f.status = 'declined' AND f.declined_on IS NULL)
            OR (f.status = 'paused' AND f.paused_on IS NULL)
            OR (f.status IN ('completed','exited') AND f.exited_on IS NULL),
            f.family_ref
       FROM family f INDEXED BY family_lacks_facts
      WHERE (f.exited_on IS NULL OR f.exited_on >= substr(?1, 1, 10))
        AND (f.declined_on IS NULL OR f.declined_on >= substr(?1, 1, 10))
        AND (f.offered_on IS NULL OR f.offered_on < ?3)
        AND (f.eligibility IS NULL
             OR f.offered_on IS NULL
             OR (f.status IN ('active','paused','completed','exited') AND f.enrolled_on IS NULL)
             OR (f.status = 'declined' AND f.declined_on IS NULL)
             OR (f.status = 'paused' AND f.paused_on IS NULL)
             OR (f.status IN ('completed','exited') AND f.exited_on IS NULL))",
];

impl ReadTx<'_> {
    /// The count of each kind, and `limit` items of the whole list from `offset` (by kind, then
    /// time), so the screen reads what it shows, never the register.
    pub fn missing_page(
        &self,
        period: Period,
        now: chrono::NaiveDateTime,
        offset: usize,
        limit: usize,
    ) -> Result<MissingPage> {
        let start = datetime_text(starts(period));
        let passed = datetime_text(passed_by(period, now));
        let after = date_text(crate::domain::report::review_after(period));
        let all = KINDS.join(" UNION ALL ");
        let mut counts = [0u64; 5];
        let mut stmt = self
            .tx
            .prepare_cached(&format!("SELECT k, count(*) FROM ({all}) GROUP BY k"))?;
        let rows = stmt.query_map(params![start, passed, after], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })?;
        for row in rows {
            let (kind, n) = row?;
            if let Some(count) = usize::try_from(kind).ok().and_then(|k| counts.get_mut(k)) {
                *count = u64::try_from(n).unwrap_or(0);
            }
        }
        // Only the kinds the page reaches are read again, each from its own offset.
        let mut items = Vec::new();
        let mut first = 0usize;
        for (k, sql) in KINDS.iter().enumerate() {
            let n = usize::try_from(counts[k]).unwrap_or(usize::MAX);
            let (from, to) = (offset.max(first), (offset + limit).min(first + n));
            if from < to {
                self.missing_of_kind(
                    sql,
                    [&start, &passed, &after],
                    from - first,
                    to - from,
                    &mut items,
                )?;
            }
            first = first.saturating_add(n);
        }
        Ok(MissingPage {
            counts,
            offset,
            items,
        })
    }

    /// `limit` records of one kind from `skip`, by time then id.
    fn missing_of_kind(
        &self,
        sql: &str,
        [start, passed, after]: [&str; 3],
        skip: usize,
        limit: usize,
        items: &mut Vec<MissingItem>,
    ) -> Result<()> {
        let sql = format!("{sql} ORDER BY 6, 2 LIMIT ?4 OFFSET ?5");
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![
                start,
                passed,
                after,
                i64::try_from(limit).unwrap_or(i64::MAX),
                i64::try_from(skip).unwrap_or(i64::MAX)
            ],
            |r| {
                let kind = usize::try_from(r.get::<_, i64>(0)?)
                    .ok()
                    .and_then(|k| MissingKind::ALL.get(k).copied())
                    .unwrap_or(MissingKind::FamilyFacts);
                Ok(MissingItem {
                    kind,
                    id: r.get(1)?,
                    family_id: r.get(2)?,
                    name: r.get(3)?,
                    protection: r.get(4)?,
                    at: r.opt_datetime(5)?,
                    lacks_eligibility: r.get(6)?,
                    lacks_date: r.get(7)?,
                    reference: r.get(8)?,
                })
            },
        )?;
        for row in rows {
            items.push(row?);
        }
        Ok(())
    }
}
