//! The one read of a period's facts for the report: a few flat queries over the period, through
//! the indexes on its dates, never one per family (the families and children are `stock`'s).

use std::collections::HashMap;

use chrono::Days;
use rusqlite::params;

use crate::db::error::BadValue;
use crate::db::values::{Columns, date_text, parse_code};
use crate::db::{ReadTx, Result};
use crate::domain::catalogue::Catalogue;
use crate::domain::enums::{Role, VisitStatus};
use crate::domain::period::Period;
use crate::domain::report::{GroupRow, MemberRow, ReportInput, SessionRow, VisitRow};
use crate::domain::schedule::Window;

/// The roles of a visit's attendees, as `group_concat` lists them (none for an empty list); a
/// stored value outside the set is a bad value, as every column's is.
fn roles(list: &str) -> std::result::Result<Vec<Role>, BadValue> {
    list.split(',')
        .filter(|text| !text.is_empty())
        .map(parse_code)
        .collect()
}

/// `[start, end)` as stored times compare: from the first day's midnight to the day after the last.
fn bounds(period: Period) -> (String, String) {
    let end = period
        .last_day()
        .checked_add_days(Days::new(1))
        .unwrap_or(period.last_day());
    (date_text(period.first_day()), date_text(end))
}

impl ReadTx<'_> {
    /// Everything `Report::compute` needs for the period, in one transaction.
    pub fn report_input(&self, period: impl Into<Period>) -> Result<ReportInput> {
        let period = period.into();
        let catalogue = self.programme_catalogue()?;
        let (start, end) = bounds(period);
        let visits = self.report_visits(&catalogue, &start, &end)?;
        let children = self.report_children(&catalogue, period)?;
        let referred = visits.iter().map(|v| v.family_id);
        let families =
            self.report_families(period, referred.chain(children.iter().map(|c| c.family_id)))?;
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

    /// Visits planned for, or done at, a time in the quarter, with the roles of who attended. A
    /// booked staff member whose attendance was never marked counts as having gone: only a
    /// recorded "did not attend" breaks a joint visit.
    fn report_visits(
        &self,
        catalogue: &Catalogue,
        start: &str,
        end: &str,
    ) -> Result<Vec<VisitRow>> {
        // Each table is read from an index that holds what is asked of it (`0017_report_cover`):
        // the visits in the order of that index, sorted by time and id afterwards; who attended
        // from the visit's own rows of `visit_staff` (its key begins with the visit).
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.id, c.family_id, v.visit_no, v.status, v.starts_at,
                    c.birth_date, c.expected, f.programme_id, f.programme_version,
                    v.interpreter_staff_id IS NOT NULL OR v.interpreter_external = 1, v.referrals,
                    v.family_present,
                    (SELECT group_concat(vs.role) FROM visit_staff vs
                      WHERE vs.visit_id = v.id AND coalesce(vs.attended, 1) = 1)
             FROM visit v INDEXED BY visit_report
                  JOIN child c INDEXED BY child_of ON c.id = v.child_id
                  JOIN family f INDEXED BY family_programme_of ON f.id = c.family_id
             WHERE v.starts_at >= ?1 AND v.starts_at < ?2",
        )?;
        let mut rows = stmt.query(params![start, end])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let at = r.datetime(4)?;
            let visit_no: Option<u32> = r.get(2)?;
            let expected: bool = r.get(6)?;
            let planned = match (visit_no, r.text(7)?) {
                (Some(n), Some(pid)) => catalogue.get(pid, r.get(8)?).and_then(|p| p.visit(n)),
                _ => None,
            };
            let attended = roles(r.text(12)?.unwrap_or(""))?;
            let visit = VisitRow {
                family_id: r.get(1)?,
                visit_no,
                status: r.get::<_, VisitStatus>(3)?,
                date: at.date(),
                required_roles_met: planned
                    .is_some_and(|p| p.roles.iter().all(|role| attended.contains(role))),
                window: match planned {
                    Some(p) if !expected => Some(Window::for_visit(r.date(5)?, p)),
                    _ => None,
                },
                interpreter_used: r.get::<_, bool>(9)? || attended.contains(&Role::Interpreter),
                referrals: r.codes(10)?,
                family_present: r.get(11)?,
            };
            out.push(((at, r.get::<_, i64>(0)?), visit));
        }
        out.sort_unstable_by_key(|(key, _)| *key);
        Ok(out.into_iter().map(|(_, visit)| visit).collect())
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
