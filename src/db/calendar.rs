//! What the calendar export reads: the visits and sessions of the days exported, with who is
//! on them (what each calendar was sent is in `calendar_sent`).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::calendar_sent::parse_stamp;
use super::{ReadTx, Result, date_text, parse_datetime, parse_enum};
use crate::domain::views::{Attendee, InterpreterBooked, StaffVisit};

const VISIT_COLUMNS: &str = "v.id, v.starts_at, v.duration_min, v.status, v.location, v.visit_no,
    f.family_ref, f.display_name, f.protection, f.area, f.address, c.name, f.programme_id,
    f.programme_version, v.interpreter_language, v.interpreter_external, i.name, v.updated_at,
    v.interpreter_staff_id";

/// Whether `?1` (a staff id) is on visit `v`, as attendee or interpreter.
const CONCERNS: &str = "(v.interpreter_staff_id = ?1
    OR EXISTS (SELECT 1 FROM visit_staff s WHERE s.visit_id = v.id AND s.staff_id = ?1))";

impl ReadTx<'_> {
    /// The visits starting on days `from` to `to`, each with its staff interpreter's id: all of
    /// them, or only those `only` is on. One read for one person or for everybody, so both
    /// exports say the same about a visit.
    pub fn calendar_visits(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<(StaffVisit, Option<i64>)>> {
        let start = format!("{} 00:00", date_text(from));
        let end = format!("{} 24:00", date_text(to));
        let filter = if only.is_some() {
            format!("AND {CONCERNS}")
        } else {
            // Keeps ?1 in the statement, so both forms take the same parameters.
            "AND ?1 IS NULL".to_string()
        };
        let attendees = self.calendar_attendees(&start, &end, only, &filter)?;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {VISIT_COLUMNS}
             FROM visit v JOIN child c ON c.id = v.child_id JOIN family f ON f.id = c.family_id
             LEFT JOIN staff i ON i.id = v.interpreter_staff_id
             WHERE v.twin_of IS NULL AND v.starts_at >= ?2 AND v.starts_at < ?3 {filter}
             ORDER BY v.starts_at, v.id"
        ))?;
        let rows = stmt.query_map(params![only, start, end], |r| {
            Ok((
                (
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<u32>>(5)?,
                ),
                (
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, Option<String>>(9)?,
                    r.get::<_, Option<String>>(10)?,
                    r.get::<_, String>(11)?,
                ),
                (
                    r.get::<_, String>(12)?,
                    r.get::<_, u32>(13)?,
                    r.get::<_, Option<String>>(14)?,
                    r.get::<_, bool>(15)?,
                    r.get::<_, Option<String>>(16)?,
                    r.get::<_, String>(17)?,
                    r.get::<_, Option<i64>>(18)?,
                ),
            ))
        })?;
        let mut attendees = attendees;
        let mut out = Vec::new();
        for row in rows {
            let (
                (visit_id, start, duration_min, status, location, visit_no),
                (family_ref, family_name, protection, area, address, child_name),
                (programme_id, programme_version, language, external, interpreter, updated, i_id),
            ) = row?;
            let visit = StaffVisit {
                visit_id,
                start: parse_datetime(&start)?,
                duration_min,
                status: parse_enum(&status)?,
                location: parse_enum(&location)?,
                visit_no,
                family_ref,
                family_name,
                protection: parse_enum(&protection)?,
                area,
                address,
                child_name,
                programme_id,
                programme_version,
                staff: attendees.remove(&visit_id).unwrap_or_default(),
                interpreter_language: language,
                interpreter: if external {
                    Some(InterpreterBooked::External)
                } else {
                    interpreter.map(InterpreterBooked::Staff)
                },
                updated: parse_stamp(&updated)?,
            };
            out.push((visit, i_id));
        }
        self.name_calendar_twins(&mut out)?;
        Ok(out)
    }

    /// Twins' visits on one trip are one event, the first visit's, naming every child.
    fn name_calendar_twins(&self, visits: &mut [(StaffVisit, Option<i64>)]) -> Result<()> {
        let json = format!(
            "[{}]",
            visits
                .iter()
                .map(|(v, _)| v.visit_id.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        let mut stmt = self.tx.prepare_cached(
            "SELECT v.twin_of, c.name FROM visit v JOIN child c ON c.id = v.child_id
             WHERE v.twin_of IN (SELECT value FROM json_each(?1)) ORDER BY v.id",
        )?;
        let rows = stmt
            .query_map([json], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let position: HashMap<i64, usize> = visits
            .iter()
            .enumerate()
            .map(|(i, (v, _))| (v.visit_id, i))
            .collect();
        for (first, name) in rows {
            if let Some(i) = position.get(&first) {
                let child = &mut visits[*i].0.child_name;
                *child = format!("{child} & {name}");
            }
        }
        Ok(())
    }

    /// Who is booked for each visit of the span, by role and name (as `attendees` orders them).
    fn calendar_attendees(
        &self,
        start: &str,
        end: &str,
        only: Option<i64>,
        filter: &str,
    ) -> Result<HashMap<i64, Vec<Attendee>>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT vs.visit_id, s.id, s.name, vs.role
             FROM visit v JOIN visit_staff vs ON vs.visit_id = v.id JOIN staff s ON s.id = vs.staff_id
             WHERE v.twin_of IS NULL AND v.starts_at >= ?2 AND v.starts_at < ?3 {filter}
             ORDER BY vs.visit_id, vs.role, s.name"
        ))?;
        let rows = stmt.query_map(params![only, start, end], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out: HashMap<i64, Vec<Attendee>> = HashMap::new();
        for row in rows {
            let (visit_id, staff_id, name, role) = row?;
            out.entry(visit_id).or_default().push(Attendee {
                staff_id,
                name,
                role: parse_enum(&role)?,
            });
        }
        Ok(out)
    }

    /// The sessions from `from` to `to` (inclusive), cancelled ones too (their calendars are
    /// told), each with its leaders; with `only`, those that person leads.
    pub fn calendar_sessions(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<crate::domain::group_views::CalendarSession>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT s.id, g.name, g.method, g.place, s.theme, s.starts_at, s.duration_min, s.status,
                    s.cancel_reason, (SELECT group_concat(l.staff_id) FROM group_leader l
                                      WHERE l.group_id = g.id)
             FROM group_session s JOIN parent_group g ON g.id = s.group_id
             WHERE s.starts_at >= ?1 AND s.starts_at < ?2
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM group_leader l
                                          WHERE l.group_id = g.id AND l.staff_id = ?3))
             ORDER BY s.starts_at, s.id",
        )?;
        let raw = stmt
            .query_map(
                params![
                    format!("{} 00:00", date_text(from)),
                    format!("{} 24:00", date_text(to)),
                    only
                ],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<String>>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, u32>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, Option<String>>(9)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raw.into_iter()
            .map(
                |(
                    id,
                    group,
                    method,
                    place,
                    theme,
                    start,
                    duration_min,
                    status,
                    reason,
                    leaders,
                )| {
                    Ok(crate::domain::group_views::CalendarSession {
                        id,
                        group,
                        method,
                        place,
                        theme,
                        start: parse_datetime(&start)?,
                        duration_min,
                        status: parse_enum(&status)?,
                        cancel_reason: reason,
                        leaders: leaders
                            .unwrap_or_default()
                            .split(',')
                            .filter_map(|id| id.parse().ok())
                            .collect(),
                    })
                },
            )
            .collect()
    }
}
