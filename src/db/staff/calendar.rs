//! What each person's calendar was last sent (`calendar_sent`), and where those events stand now.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use crate::db::values::{
    Columns, date_text, datetime_text, parse_code, parse_datetime, stamp_text,
};
use crate::db::{ReadTx, Result, WriteTx};
use crate::domain::enums::{SessionStatus, VisitStatus};
use crate::domain::ics::{EventKind, SentEvent, Standing};

const SENT_COLUMNS: &str = "cs.kind, cs.event_id, cs.uid, cs.sequence, cs.digest, cs.starts_at,
    cs.duration_min, cs.cancelled, cs.modified_at";

/// What was sent of one event, from the columns [`SENT_COLUMNS`] starting at `at`.
fn sent(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<SentEvent> {
    Ok(SentEvent {
        kind: r.get(at)?,
        event_id: r.get(at + 1)?,
        uid: r.get(at + 2)?,
        sequence: r.get(at + 3)?,
        digest: r.get(at + 4)?,
        start: r.datetime(at + 5)?,
        duration_min: r.get(at + 6)?,
        cancelled: r.get(at + 7)?,
        // Seconds are kept: LAST-MODIFIED must grow with every change.
        modified: r.stamp(at + 8)?,
    })
}

impl ReadTx<'_> {
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
            .query_row(params![staff_id, kind, event_id], |r| sent(r, 0))
            .optional()?;
        Ok(row)
    }

    /// The sessions each person's calendar still shows from earlier exports, from `floor` on,
    /// with where each stands now (as [`ReadTx::sent_visits_standing`] for visits).
    pub fn sent_sessions_standing(
        &self,
        floor: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<(i64, SentEvent, Standing)>> {
        self.sent_standing(
            "s.id IS NOT NULL, s.status, s.starts_at,
                    EXISTS (SELECT 1 FROM group_leader l
                            WHERE l.group_id = s.group_id AND l.staff_id = cs.staff_id)
             FROM calendar_sent cs LEFT JOIN group_session s ON s.id = cs.event_id
             WHERE cs.kind = 'session'",
            floor,
            only,
            |status| Ok(parse_code::<SessionStatus>(status)? == SessionStatus::Cancelled),
        )
    }

    /// The visits calendars still show (sent, not cancelled since) that start on `floor` or
    /// later, as `(staff id, what was sent, where the visit stands now for that person)`: of
    /// everybody, or of `only`. Sessions are left to the export that will send them.
    pub fn sent_visits_standing(
        &self,
        floor: NaiveDate,
        only: Option<i64>,
    ) -> Result<Vec<(i64, SentEvent, Standing)>> {
        // A twin's visit that was sent before it rode on its twin's trip is gone as an event:
        // the trip's one event stands for it.
        self.sent_standing(
            "v.id IS NOT NULL AND v.twin_of IS NULL, v.status, v.starts_at,
                    v.interpreter_staff_id IS cs.staff_id
                    OR EXISTS (SELECT 1 FROM visit_staff s
                               WHERE s.visit_id = cs.event_id AND s.staff_id = cs.staff_id)
             FROM calendar_sent cs LEFT JOIN visit v ON v.id = cs.event_id
             WHERE cs.kind = 'visit'",
            floor,
            only,
            |status| {
                Ok(matches!(
                    parse_code::<VisitStatus>(status)?,
                    VisitStatus::CancelledFamily | VisitStatus::CancelledStaff
                ))
            },
        )
    }

    /// The events of one kind still standing in calendars: `event` selects, after what was
    /// sent, whether the event still exists, its status and start, and whether it is still the
    /// person's, then its FROM and the kind's WHERE; `cancelled` reads the status.
    fn sent_standing(
        &self,
        event: &str,
        floor: NaiveDate,
        only: Option<i64>,
        cancelled: impl Fn(&str) -> Result<bool>,
    ) -> Result<Vec<(i64, SentEvent, Standing)>> {
        let person = if only.is_some() {
            "AND cs.staff_id = ?2"
        } else {
            "AND ?2 IS NULL"
        };
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT cs.staff_id, {SENT_COLUMNS}, {event}
               AND cs.cancelled = 0 AND cs.starts_at >= ?1 {person}
             ORDER BY cs.staff_id, cs.starts_at, cs.event_id"
        ))?;
        let rows = stmt.query_map(params![date_text(floor), only], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                sent(r, 1)?,
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
                    if !theirs {
                        Standing::NotTheirs
                    } else if cancelled(&status)? {
                        Standing::Cancelled
                    } else {
                        Standing::At(parse_datetime(&start)?)
                    }
                }
                _ => Standing::Gone,
            };
            out.push((staff_id, sent, standing));
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
                sent.kind,
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
