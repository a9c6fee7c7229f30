//! What the calendar export reads and remembers: the visits of the days exported with who is
//! on them, and per person the events their calendar was last sent (`calendar_sent`).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::{
    DbError, ReadTx, Result, WriteTx, date_text, datetime_text, parse_datetime, parse_enum,
};
use crate::domain::enums::VisitStatus;
use crate::domain::ics::{EventKind, SentEvent, Standing};
use crate::domain::views::{Attendee, InterpreterBooked, StaffVisit};

const VISIT_COLUMNS: &str = "v.id, v.starts_at, v.duration_min, v.status, v.location, v.visit_no,
    f.family_ref, f.display_name, f.protection, f.area, f.address, c.name, f.programme_id,
    f.programme_version, v.interpreter_language, v.interpreter_external, i.name, v.updated_at,
    v.interpreter_staff_id";

/// Whether `?1` (a staff id) is on visit `v`, as attendee or interpreter.
const CONCERNS: &str = "(v.interpreter_staff_id = ?1
    OR EXISTS (SELECT 1 FROM visit_staff s WHERE s.visit_id = v.id AND s.staff_id = ?1))";

const SENT_COLUMNS: &str = "cs.kind, cs.event_id, cs.uid, cs.sequence, cs.digest, cs.starts_at,
    cs.duration_min, cs.cancelled, cs.modified_at";

/// Seconds are kept: LAST-MODIFIED must grow with every change.
fn stamp_text(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S").to_string()
}

fn parse_stamp(text: &str) -> Result<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
        .or_else(|_| parse_datetime(text))
        .map_err(|_| DbError::BadValue(format!("time {text:?}")))
}

type SentRow = (String, i64, String, u32, String, String, u32, bool, String);

fn sent_row(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<SentRow> {
    Ok((
        r.get(at)?,
        r.get(at + 1)?,
        r.get(at + 2)?,
        r.get(at + 3)?,
        r.get(at + 4)?,
        r.get(at + 5)?,
        r.get(at + 6)?,
        r.get(at + 7)?,
        r.get(at + 8)?,
    ))
}

fn to_sent(row: SentRow) -> Result<SentEvent> {
    let (kind, event_id, uid, sequence, digest, start, duration_min, cancelled, modified) = row;
    Ok(SentEvent {
        kind: parse_enum::<EventKind>(&kind)?,
        event_id,
        uid,
        sequence,
        digest,
        start: parse_datetime(&start)?,
        duration_min,
        cancelled,
        modified: parse_stamp(&modified)?,
    })
}

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

    /// What `staff_id`'s calendar was last sent of one event, if anything.
    pub fn sent_event(
        &self,
        staff_id: i64,
        kind: EventKind,
        event_id: i64,
    ) -> Result<Option<SentEvent>> {
        let row = self
            .tx
            .prepare_cached(&format!(
                "SELECT {SENT_COLUMNS} FROM calendar_sent cs
                 WHERE cs.staff_id = ?1 AND cs.kind = ?2 AND cs.event_id = ?3"
            ))?
            .query_row(params![staff_id, kind.as_str(), event_id], |r| {
                sent_row(r, 0)
            })
            .optional()?;
        row.map(to_sent).transpose()
    }

    /// The visits calendars still show (sent, not cancelled since) that start on `floor` or
    /// later, as `(staff id, what was sent, where the visit stands now for that person)`: of
    /// everybody, or of `only`. Sessions are left to the export that will send them.
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

    /// The sessions each person's calendar still shows from earlier exports, from `floor` on,
    /// with where each stands now (as [`ReadTx::sent_visits_standing`] for visits).
    pub fn sent_sessions_standing(
        &self,
        floor: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<(i64, SentEvent, Standing)>> {
        let person = if only.is_some() {
            "AND cs.staff_id = ?2"
        } else {
            "AND ?2 IS NULL"
        };
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT cs.staff_id, {SENT_COLUMNS}, s.id IS NOT NULL, s.status, s.starts_at,
                    EXISTS (SELECT 1 FROM group_leader l
                            WHERE l.group_id = s.group_id AND l.staff_id = cs.staff_id)
             FROM calendar_sent cs LEFT JOIN group_session s ON s.id = cs.event_id
             WHERE cs.kind = 'session' AND cs.cancelled = 0 AND cs.starts_at >= ?1 {person}
             ORDER BY cs.staff_id, cs.starts_at, cs.event_id"
        ))?;
        let rows = stmt.query_map(params![date_text(floor), only], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                sent_row(r, 1)?,
                r.get::<_, bool>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, Option<String>>(12)?,
                r.get::<_, bool>(13)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (staff_id, sent, exists, status, start, theirs) = row?;
            let standing = match (exists, status, start) {
                (true, Some(status), Some(start)) => {
                    let status: crate::domain::enums::SessionStatus = parse_enum(&status)?;
                    if !theirs {
                        Standing::NotTheirs
                    } else if status == crate::domain::enums::SessionStatus::Cancelled {
                        Standing::Cancelled
                    } else {
                        Standing::At(parse_datetime(&start)?)
                    }
                }
                _ => Standing::Gone,
            };
            out.push((staff_id, to_sent(sent)?, standing));
        }
        Ok(out)
    }

    pub fn sent_visits_standing(
        &self,
        floor: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<(i64, SentEvent, Standing)>> {
        let person = if only.is_some() {
            "AND cs.staff_id = ?2"
        } else {
            "AND ?2 IS NULL"
        };
        // A twin's visit that was sent before it rode on its twin's trip is gone as an event:
        // the trip's one event stands for it.
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT cs.staff_id, {SENT_COLUMNS}, v.id IS NOT NULL AND v.twin_of IS NULL, v.status, v.starts_at,
                    v.interpreter_staff_id IS cs.staff_id
                    OR EXISTS (SELECT 1 FROM visit_staff s
                               WHERE s.visit_id = cs.event_id AND s.staff_id = cs.staff_id)
             FROM calendar_sent cs LEFT JOIN visit v ON v.id = cs.event_id
             WHERE cs.kind = 'visit' AND cs.cancelled = 0 AND cs.starts_at >= ?1 {person}
             ORDER BY cs.staff_id, cs.starts_at, cs.event_id"
        ))?;
        let rows = stmt.query_map(params![date_text(floor), only], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                sent_row(r, 1)?,
                r.get::<_, bool>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, Option<String>>(12)?,
                r.get::<_, bool>(13)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (staff_id, sent, exists, status, start, theirs) = row?;
            let standing = match (exists, status, start) {
                (true, Some(status), Some(start)) => {
                    let status: VisitStatus = parse_enum(&status)?;
                    if !theirs {
                        Standing::NotTheirs
                    } else if matches!(
                        status,
                        VisitStatus::CancelledFamily | VisitStatus::CancelledStaff
                    ) {
                        Standing::Cancelled
                    } else {
                        Standing::At(parse_datetime(&start)?)
                    }
                }
                _ => Standing::Gone,
            };
            out.push((staff_id, to_sent(sent)?, standing));
        }
        Ok(out)
    }
}

impl WriteTx<'_> {
    /// Remembers what `staff_id`'s calendar was sent of one event now.
    pub fn record_sent(&self, staff_id: i64, sent: &SentEvent) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO calendar_sent (staff_id, kind, event_id, uid, sequence, digest,
                     starts_at, duration_min, cancelled, modified_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (staff_id, kind, event_id) DO UPDATE SET
                     uid = excluded.uid, sequence = excluded.sequence, digest = excluded.digest,
                     starts_at = excluded.starts_at, duration_min = excluded.duration_min,
                     cancelled = excluded.cancelled, modified_at = excluded.modified_at",
            )?
            .execute(params![
                staff_id,
                sent.kind.as_str(),
                sent.event_id,
                sent.uid,
                sent.sequence,
                sent.digest,
                datetime_text(sent.start),
                sent.duration_min,
                sent.cancelled,
                stamp_text(sent.modified),
            ])?;
        Ok(())
    }
}
