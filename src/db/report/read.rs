//! The one read of a period's facts for the report: a few flat queries over the period, through
//! the indexes on its dates, never one per family (the families and children are `stock`'s).

use std::collections::HashMap;

use chrono::Days;
use rusqlite::params;

use crate::db::values::{Columns, date_text};
use crate::db::{ReadTx, Result};
use crate::domain::catalogue::Catalogue;
use crate::domain::enums::{Role, VisitStatus};
use crate::domain::period::Period;
use crate::domain::report::{GroupRow, MemberRow, ReportInput, SessionRow, VisitRow};
use crate::domain::schedule::Window;

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
        Ok(ReportInput {
            families,
            units: self.report_units()?,
            visits,
            children,
            groups: self.report_groups(&start, &end)?,
            sessions: self.report_sessions(&start, &end)?,
        })
    }

    /// Visits planned for, or done at, a time in the quarter, with who attended. A booked staff
    /// member whose attendance was never marked counts as having gone: only a recorded "did not
    /// attend" breaks a joint visit.
    fn report_visits(
        &self,
        catalogue: &Catalogue,
        start: &str,
        end: &str,
    ) -> Result<Vec<VisitRow>> {
        let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
        {
            let mut stmt = self.tx.prepare_cached(
                "SELECT vs.visit_id, vs.role FROM visit_staff vs JOIN visit v ON v.id = vs.visit_id
                 WHERE v.starts_at >= ?1 AND v.starts_at < ?2 AND coalesce(vs.attended, 1) = 1",
            )?;
            let rows = stmt.query_map(params![start, end], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Role>(1)?))
            })?;
            for row in rows {
                let (visit, role) = row?;
                roles.entry(visit).or_default().push(role);
            }
        }
        // Each table is read from an index that holds what is asked of it (`0017_report_cover`):
        // the visits in the order of that index, sorted by time and id afterwards.
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.id, c.family_id, v.visit_no, v.status, v.starts_at,
                    c.birth_date, c.expected, f.programme_id, f.programme_version,
                    v.interpreter_staff_id IS NOT NULL OR v.interpreter_external = 1, v.referrals,
                    v.family_present
             FROM visit v INDEXED BY visit_report
                  JOIN child c INDEXED BY child_of ON c.id = v.child_id
                  JOIN family f INDEXED BY family_programme_of ON f.id = c.family_id
             WHERE v.starts_at >= ?1 AND v.starts_at < ?2",
        )?;
        let rows = stmt.query_map(params![start, end], |r| {
            let at = r.datetime(4)?;
            Ok((
                (at, r.get::<_, i64>(0)?),
                VisitRow {
                    family_id: r.get(1)?,
                    visit_no: r.get(2)?,
                    status: r.get::<_, VisitStatus>(3)?,
                    date: at.date(),
                    required_roles_met: false,
                    window: None,
                    interpreter_used: r.get(9)?,
                    referrals: r.codes(10)?,
                    family_present: r.get(11)?,
                },
                (r.date(5)?, r.get::<_, bool>(6)?),
                (r.get::<_, String>(7)?, r.get::<_, u32>(8)?),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let ((at, id), mut visit, (birth, expected), (pid, pver)) = row?;
            let planned = visit
                .visit_no
                .and_then(|n| catalogue.get(&pid, pver)?.visit(n));
            let attended = roles.get(&id).map_or(&[][..], Vec::as_slice);
            visit.required_roles_met =
                planned.is_some_and(|p| p.roles.iter().all(|role| attended.contains(role)));
            visit.window = planned
                .filter(|_| !expected)
                .map(|p| Window::for_visit(birth, p));
            visit.interpreter_used =
                visit.interpreter_used || attended.contains(&Role::Interpreter);
            out.push(((at, id), visit));
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

    fn report_sessions(&self, start: &str, end: &str) -> Result<Vec<SessionRow>> {
        let mut marks: HashMap<i64, Vec<(i64, crate::domain::enums::AttendanceStatus)>> =
            HashMap::new();
        {
            let mut stmt = self.tx.prepare_cached(
                "SELECT a.session_id, a.family_id, a.status FROM attendance a
                 JOIN group_session s ON s.id = a.session_id
                 WHERE s.starts_at >= ?1 AND s.starts_at < ?2 ORDER BY a.session_id, a.family_id",
            )?;
            let rows = stmt.query_map(params![start, end], |r| {
                Ok((r.get::<_, i64>(0)?, (r.get::<_, i64>(1)?, r.get(2)?)))
            })?;
            for row in rows {
                let (session, mark) = row?;
                marks.entry(session).or_default().push(mark);
            }
        }
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, group_id, substr(starts_at, 1, 10), status, dropin_count FROM group_session
             WHERE starts_at >= ?1 AND starts_at < ?2 ORDER BY starts_at, id",
        )?;
        let rows = stmt.query_map(params![start, end], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                SessionRow {
                    group_id: r.get(1)?,
                    date: r.date(2)?,
                    status: r.get(3)?,
                    dropins: r.get(4)?,
                    marks: Vec::new(),
                },
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, mut session) = row?;
            session.marks = marks.remove(&id).unwrap_or_default();
            out.push(session);
        }
        Ok(out)
    }
}
