//! A period's visits for the report, read in three passes instead of one join: the visits from
//! the index of their times, then their children and who attended, each looked up in id order.
//! A join looked up each visit's child, family and attendees in time order, all over the file:
//! at 200,000 families, 65,000 visits were 200,000 random reads. In id order each page of
//! those tables is read once. The families' programmes come from the report's read of families.

use rusqlite::params;

use crate::db::values::{Columns, parse_code};
use crate::db::{ReadTx, Result};
use crate::domain::enums::{FamilyPresent, Referral, Role, VisitStatus};
use crate::domain::report::VisitRow;
use crate::domain::schedule::Window;

use super::stock::Known;

/// The visits of the period (`?1` its first moment, `?2` the one after its last): in the
/// report's index of visits, by their times.
const OF_PERIOD: &str =
    "FROM visit INDEXED BY visit_report WHERE starts_at >= ?1 AND starts_at < ?2";

/// A visit of the period as its own row holds it.
pub(super) struct PeriodVisit {
    id: i64,
    child_id: i64,
    visit_no: Option<u32>,
    status: VisitStatus,
    at: chrono::NaiveDateTime,
    interpreter_booked: bool,
    referrals: Vec<Referral>,
    family_present: Option<FamilyPresent>,
}

/// What a visit needs of its child.
#[derive(Debug, Clone, Copy)]
pub(super) struct ChildFacts {
    pub family_id: i64,
    pub born_on: chrono::NaiveDate,
    pub expected: bool,
}

impl ChildFacts {
    /// A child's id and facts from a row of `id, family_id, birth_date, expected`.
    pub fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, ChildFacts)> {
        let facts = ChildFacts {
            family_id: r.get(1)?,
            born_on: r.date(2)?,
            expected: r.get(3)?,
        };
        Ok((r.get(0)?, facts))
    }
}

/// The period's visits with their children and the roles of who attended, by id.
pub(super) struct Visits {
    pub rows: Vec<PeriodVisit>,
    /// Each visit's child, by child id.
    pub children: Vec<(i64, ChildFacts)>,
    /// Each attendee's role, by visit id.
    roles: Vec<(i64, Role)>,
}

impl Visits {
    /// The family of each visit whose child is known.
    pub fn families(&self) -> impl Iterator<Item = i64> + '_ {
        self.children.iter().map(|(_, child)| child.family_id)
    }

    fn child(&self, id: i64) -> Option<ChildFacts> {
        let i = self.children.binary_search_by_key(&id, |(c, _)| *c).ok()?;
        self.children.get(i).map(|(_, child)| *child)
    }

    /// The attendees of visit `visit`, with their roles.
    fn attended(&self, visit: i64) -> &[(i64, Role)] {
        let from = self.roles.partition_point(|(v, _)| *v < visit);
        let to = self.roles.partition_point(|(v, _)| *v <= visit);
        self.roles.get(from..to).unwrap_or_default()
    }

    /// The report's rows in time order: each visit whose child and family are known (`family`
    /// says `None` for a family not read), with its family's programme. A booked staff member
    /// whose attendance was never marked counts as having gone: only a recorded "did not
    /// attend" breaks a joint visit.
    pub fn rows<'c>(mut self, family: impl Fn(i64) -> Option<Known<'c>>) -> Vec<VisitRow> {
        let visits = std::mem::take(&mut self.rows);
        let mut out: Vec<((chrono::NaiveDateTime, i64), VisitRow)> =
            Vec::with_capacity(visits.len());
        for v in visits {
            let Some(child) = self.child(v.child_id) else {
                continue;
            };
            let Some(Known { programme }) = family(child.family_id) else {
                continue;
            };
            let planned = v.visit_no.and_then(|n| programme?.visit(n));
            let attended = self.attended(v.id);
            let went = |role: &Role| attended.iter().any(|(_, r)| r == role);
            let row = VisitRow {
                family_id: child.family_id,
                visit_no: v.visit_no,
                status: v.status,
                date: v.at.date(),
                required_roles_met: planned.is_some_and(|p| p.roles.iter().all(went)),
                window: match planned {
                    Some(p) if !child.expected => Some(Window::for_visit(child.born_on, p)),
                    _ => None,
                },
                interpreter_used: v.interpreter_booked || went(&Role::Interpreter),
                referrals: v.referrals,
                family_present: v.family_present,
            };
            out.push(((v.at, v.id), row));
        }
        out.sort_unstable_by_key(|(key, _)| *key);
        out.into_iter().map(|(_, row)| row).collect()
    }
}

impl ReadTx<'_> {
    /// The visits planned for, or done at, a time in `[start, end)`, their children and their
    /// attendees' roles. Each table is read from an index that holds what is asked of it
    /// (`0017_report_cover`), the children and attendees in id order.
    pub(super) fn period_visits(&self, start: &str, end: &str) -> Result<Visits> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT id, child_id, visit_no, status, starts_at,
                    interpreter_staff_id IS NOT NULL OR interpreter_external = 1, referrals,
                    family_present {OF_PERIOD}"
        ))?;
        let mut rows = stmt.query(params![start, end])?;
        let mut visits = Vec::new();
        while let Some(r) = rows.next()? {
            visits.push(PeriodVisit {
                id: r.get(0)?,
                child_id: r.get(1)?,
                visit_no: r.get(2)?,
                status: r.get(3)?,
                at: r.datetime(4)?,
                interpreter_booked: r.get(5)?,
                referrals: r.codes(6)?,
                family_present: r.get(7)?,
            });
        }
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT c.id, c.family_id, c.birth_date, c.expected FROM child c INDEXED BY child_of
             WHERE c.id IN (SELECT child_id {OF_PERIOD})"
        ))?;
        let mut rows = stmt.query(params![start, end])?;
        let mut children = Vec::new();
        while let Some(r) = rows.next()? {
            children.push(ChildFacts::read(r)?);
        }
        children.sort_unstable_by_key(|(id, _)| *id);
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT visit_id, role FROM visit_staff
             WHERE visit_id IN (SELECT id {OF_PERIOD}) AND coalesce(attended, 1) = 1"
        ))?;
        let mut rows = stmt.query(params![start, end])?;
        let mut roles = Vec::new();
        while let Some(r) = rows.next()? {
            // A stored value outside the set is a bad value, as every column's is.
            let role = r.text(1)?.map(parse_code).transpose()?;
            if let Some(role) = role {
                roles.push((r.get::<_, i64>(0)?, role));
            }
        }
        roles.sort_unstable();
        Ok(Visits {
            rows: visits,
            children,
            roles,
        })
    }
}
