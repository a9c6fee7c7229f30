//! The one read of a period's facts for the report: a few flat queries over the period, through
//! the indexes on its dates, never one per family (the families and children are `stock`'s,
//! the visits `visits`').

use std::collections::HashMap;

use chrono::Days;
use rusqlite::params;

use foldhash::HashSet;

use crate::db::values::{Columns, date_text};
use crate::db::{ReadTx, Result};
use crate::domain::period::Period;
use crate::domain::report::{GroupRow, MemberRow, ReportInput, SessionRow};

use super::stock::known;

/// `[start, end)` as stored times compare: from the first day's midnight to the day after the last.
fn bounds(period: Period) -> (String, String) {
    let end = period
        .last_day()
        .checked_add_days(Days::new(1))
        .unwrap_or(period.last_day());
    (date_text(period.first_day()), date_text(end))
}

impl ReadTx<'_> {
    /// Everything `Report::compute` needs for the period, in one transaction: the visits and
    /// the children the period is about, the families (a visit's or a child's programme is its
    /// family's), then the groups. Only the families the figures count are kept: the period's
    /// own and those of its visits and children.
    pub fn report_input(&self, period: impl Into<Period>) -> Result<ReportInput> {
        let period = period.into();
        let catalogue = self.programme_catalogue()?;
        let (start, end) = bounds(period);
        let visits = self.period_visits(&start, &end)?;
        let born = self.children_born(&catalogue, period)?;
        let read = self.report_families(
            period,
            visits
                .families()
                .chain(born.iter().map(|(_, c)| c.family_id)),
        )?;
        let family = |id| known(&read, &catalogue, id);
        let children = self.report_children(period, &born, family)?;
        let visits = visits.rows(family);
        let counted: HashSet<i64> = visits
            .iter()
            .map(|v| v.family_id)
            .chain(children.iter().map(|c| c.family_id))
            .collect();
        let families = read
            .into_iter()
            .filter(|f| f.of_period || counted.contains(&f.row.id))
            .map(|f| f.row)
            .collect();
        let units = self.report_units()?;
        let groups = self.report_groups(&start, &end)?;
        let sessions = self.report_sessions(&start, &end)?;
        Ok(ReportInput {
            families,
            units,
            visits,
            children,
            groups,
            sessions,
        })
    }

    /// Every group with its area (each area gets its rows), and the members of those with a
    /// session in the period (the others' members count nowhere).
    fn report_groups(&self, start: &str, end: &str) -> Result<Vec<GroupRow>> {
        let mut groups: Vec<GroupRow> = Vec::new();
        {
            let mut stmt = self
                .tx
                .prepare_cached("SELECT id, area FROM parent_group ORDER BY id")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))?;
            for row in rows {
                let (id, area) = row?;
                groups.push(GroupRow {
                    id,
                    area,
                    members: Vec::new(),
                });
            }
        }
        let index: HashMap<i64, usize> =
            groups.iter().enumerate().map(|(i, g)| (g.id, i)).collect();
        let mut stmt = self.tx.prepare_cached(
            "SELECT group_id, family_id, joined_on, left_on FROM group_member
             WHERE group_id IN (SELECT group_id FROM group_session
                                 WHERE starts_at >= ?1 AND starts_at < ?2)
             ORDER BY group_id, family_id",
        )?;
        let rows = stmt.query_map(params![start, end], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                MemberRow {
                    family_id: r.get(1)?,
                    joined_on: r.opt_date(2)?,
                    left_on: r.opt_date(3)?,
                },
            ))
        })?;
        for row in rows {
            let (group, member) = row?;
            if let Some(&i) = index.get(&group) {
                groups[i].members.push(member);
            }
        }
        Ok(groups)
    }

    /// The period's sessions in time order, each with its marks: one walk of the sessions'
    /// index with each session's own attendance rows (their key begins with the session).
    fn report_sessions(&self, start: &str, end: &str) -> Result<Vec<SessionRow>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, s.group_id, substr(s.starts_at, 1, 10), s.status, s.dropin_count,
                    a.family_id, a.status
             FROM group_session s LEFT JOIN attendance a ON a.session_id = s.id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2
             ORDER BY s.starts_at, s.id, a.family_id",
        )?;
        let mut rows = stmt.query(params![start, end])?;
        let mut out: Vec<SessionRow> = Vec::new();
        let mut last: Option<i64> = None;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if last != Some(id) {
                last = Some(id);
                out.push(SessionRow {
                    group_id: r.get(1)?,
                    date: r.date(2)?,
                    status: r.get(3)?,
                    dropins: r.get(4)?,
                    marks: Vec::new(),
                });
            }
            if let (Some(family), Some(session)) = (r.get::<_, Option<i64>>(5)?, out.last_mut()) {
                session.marks.push((family, r.get(6)?));
            }
        }
        Ok(out)
    }
}
