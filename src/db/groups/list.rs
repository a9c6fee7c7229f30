//! The list of series on the Groups screen, a part at a time: how many series each section
//! holds, and the rows of the part on screen with their figures.

use chrono::NaiveDateTime;
use rusqlite::params;

use crate::db::values::{Columns, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::group_views::{ENDED_DAYS, Ended, GroupList, GroupRow};

/// The three sections, in the list's order, as conditions on a series `g` over its first and
/// last session (`first_at`, `last_at`, kept by triggers): ?1 the start of today, ?2 the start
/// of tomorrow, ?3 the oldest last session still listed (none with [`Ended::All`]). They say what `GroupRow::phase` says.
const CURRENT: &str = "g.last_at >= ?1 AND g.first_at < ?2";
const PLANNED: &str = "g.first_at >= ?2";
const ENDED: &str = "g.last_at >= ?3 AND g.last_at < ?1";

/// The next planned session of series `g` from ?4 (now): its first planned session when that is
/// still ahead (kept on the series, in the index the sections are read from), none when it has
/// none, else (a planned session already past, its attendance not recorded) looked up.
const NEXT: &str = "CASE WHEN g.planned_first >= ?4 THEN g.planned_first
    WHEN g.planned_first IS NULL THEN NULL
    ELSE (SELECT min(s.starts_at) FROM group_session s
          WHERE s.group_id = g.id AND s.status = 'planned' AND s.starts_at >= ?4) END";

impl ReadTx<'_> {
    /// The series that are running, then planned, then ended in the last `ENDED_DAYS` days
    /// (or ever, with [`Ended::All`]): the count of each section, and `limit` rows from the
    /// `offset`-th with their figures, and how many series ended before those days.
    /// Running and planned series come by their next session (or their first), ended ones the
    /// latest first.
    pub fn list_groups(
        &self,
        now: NaiveDateTime,
        offset: usize,
        limit: usize,
        ended: Ended,
    ) -> Result<GroupList> {
        let today = now.date();
        let tomorrow = today.succ_opt().unwrap_or(today);
        let cut = datetime_text(now - chrono::Duration::days(ENDED_DAYS));
        let earlier: i64 = self
            .tx
            .prepare_cached("SELECT count(*) FROM parent_group g WHERE g.last_at < ?1")?
            .query_row([&cut], |r| r.get(0))?;
        let bounds = (
            format!("{} 00:00", today.format("%Y-%m-%d")),
            format!("{} 00:00", tomorrow.format("%Y-%m-%d")),
            match ended {
                Ended::Lately => cut,
                // Before any session's time.
                Ended::All => String::new(),
            },
            datetime_text(now),
        );
        let counts = self.group_counts(&bounds)?;
        let mut ids = Vec::new();
        let mut start = 0;
        for (section, count) in [CURRENT, PLANNED, ENDED].into_iter().zip(counts) {
            let end = start + count;
            // The part of [offset, offset + limit) that falls in this section.
            let from = offset.max(start);
            let to = (offset + limit).min(end);
            if from < to {
                ids.extend(self.group_ids(section, &bounds, from - start, to - from)?);
            }
            start = end;
        }
        Ok(GroupList {
            counts,
            offset,
            rows: self.group_rows(&ids, &bounds.3)?,
            earlier: usize::try_from(earlier).unwrap_or(0),
        })
    }

    fn group_counts(&self, b: &(String, String, String, String)) -> Result<[usize; 3]> {
        // Counting index entries in a range, with as little as possible to test on each: the
        // series not ended (running ones start by tomorrow), then those ended lately.
        let (open, current): (i64, i64) = self
            .tx
            .prepare_cached(
                "SELECT count(*), count(*) FILTER (WHERE g.first_at < ?2)
                 FROM parent_group g WHERE g.last_at >= ?1",
            )?
            .query_row(params![b.0, b.1], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let ended: i64 = self
            .tx
            .prepare_cached(&format!(
                "SELECT count(*) FROM parent_group g WHERE {ENDED}"
            ))?
            .query_row(params![b.0, b.1, b.2], |r| r.get(0))?;
        Ok([current, open - current, ended].map(|n| usize::try_from(n).unwrap_or(0)))
    }

    /// `limit` ids of one section in its order, from its `offset`-th.
    fn group_ids(
        &self,
        section: &str,
        b: &(String, String, String, String),
        offset: usize,
        limit: usize,
    ) -> Result<Vec<i64>> {
        let sql = if section == ENDED {
            format!(
                "SELECT g.id FROM parent_group g WHERE {ENDED}
                 ORDER BY g.last_at DESC, g.id LIMIT ?5 OFFSET ?6"
            )
        } else {
            format!(
                "SELECT g.id FROM parent_group g WHERE {section}
                 ORDER BY coalesce({NEXT}, g.first_at), g.id LIMIT ?5 OFFSET ?6"
            )
        };
        let mut stmt = self.tx.prepare_cached(&sql)?;
        let ids = stmt
            .query_map(
                params![b.0, b.1, b.2, b.3, limit as i64, offset as i64],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// The given series with their figures, in the order given.
    fn group_rows(&self, ids: &[i64], now: &str) -> Result<Vec<GroupRow>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT g.id, g.name, g.method, g.language, g.capacity,
                (SELECT count(*) FROM group_member m WHERE m.group_id = g.id AND m.left_on IS NULL),
                (SELECT count(*) FROM group_session s WHERE s.group_id = g.id),
                g.first_at, g.last_at,
                (SELECT min(starts_at) FROM group_session s
                  WHERE s.group_id = g.id AND s.status = 'planned' AND s.starts_at >= ?2),
                (SELECT count(*) FROM group_session s JOIN attendance a ON a.session_id = s.id
                  WHERE s.group_id = g.id AND s.status = 'held' AND a.status = 'present'),
                (SELECT count(*) FROM group_session s JOIN attendance a ON a.session_id = s.id
                  WHERE s.group_id = g.id AND s.status = 'held')
             FROM parent_group g WHERE g.id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.push(stmt.query_row(params![id, now], |r| {
                Ok(GroupRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    method: r.get(2)?,
                    language: r.get(3)?,
                    capacity: r.get(4)?,
                    members: r.get(5)?,
                    sessions: r.get(6)?,
                    first: r.opt_datetime(7)?,
                    last: r.opt_datetime(8)?,
                    next: r.opt_datetime(9)?,
                    present: r.get(10)?,
                    marked: r.get(11)?,
                })
            })?);
        }
        Ok(out)
    }
}
