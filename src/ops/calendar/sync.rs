//! One person's calendar against what it was sent before: which events go in, with which
//! sequence, which cancellations are owed, and what to remember.

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use crate::db::{DbError, ReadTx};
use crate::domain::catalogue::Catalogue;
use crate::domain::enums::VisitStatus;
use crate::domain::ics::{
    CalendarEvent, EventKind, Revision, SentEvent, Standing, SyncCounts, revise, withdrawal,
};
use crate::domain::views::StaffVisit;
use crate::i18n::Lang;
use crate::i18n::calendar::{event_text, session_text, session_withdrawal_text, withdrawal_text};

/// A visit as an event, the same for everyone on it; its sequence is decided per person.
pub(super) fn visit_event(v: &StaffVisit, catalogue: &Catalogue, lang: Lang) -> CalendarEvent {
    let name = v.visit_no.and_then(|no| {
        let pv = catalogue
            .get(&v.programme_id, v.programme_version)?
            .visit(no)?;
        Some(match lang {
            Lang::Sv => pv.name.clone(),
            Lang::En => pv.name_en.clone(),
        })
    });
    let text = event_text(v, name.as_deref(), lang);
    CalendarEvent {
        kind: EventKind::Visit,
        id: v.visit_id,
        start: v.start,
        duration_min: v.duration_min,
        summary: text.summary,
        location: text.location,
        description: text.description,
        cancelled: matches!(
            v.status,
            VisitStatus::CancelledFamily | VisitStatus::CancelledStaff
        ),
        modified: v.updated,
        sequence: 0,
    }
}

/// A session as an event in its leaders' calendars. Sessions keep no change time, so a new
/// or changed one is stamped `now`; one as sent keeps the stamp it was sent with.
pub(super) fn session_event(
    s: &crate::domain::group_views::CalendarSession,
    lang: Lang,
    now: NaiveDateTime,
) -> CalendarEvent {
    let text = session_text(s, lang);
    CalendarEvent {
        kind: EventKind::Session,
        id: s.id,
        start: s.start,
        duration_min: s.duration_min,
        summary: text.summary,
        location: text.location,
        description: text.description,
        cancelled: s.status == crate::domain::enums::SessionStatus::Cancelled,
        modified: now.with_nanosecond(0).unwrap_or(now),
        sequence: 0,
    }
}

/// What one person's file holds and what to remember of it.
#[derive(Debug, Default)]
pub(super) struct Plan {
    pub events: Vec<CalendarEvent>,
    pub records: Vec<SentEvent>,
    pub counts: SyncCounts,
}

/// What the export knows when it plans one person's file.
pub(super) struct Export<'a> {
    pub days: (NaiveDate, NaiveDate),
    pub instance: &'a str,
    pub now: NaiveDateTime,
    pub lang: Lang,
}

impl Export<'_> {
    /// `current`: the person's events in the days exported, by time; `stale`: the events their
    /// calendar still shows from earlier exports, with where each stands now.
    pub(super) fn plan(
        &self,
        tx: &ReadTx<'_>,
        staff_id: i64,
        current: &[&CalendarEvent],
        stale: &[(SentEvent, Standing)],
    ) -> Result<Plan, DbError> {
        let mut plan = Plan::default();
        let mut here = HashSet::new();
        for event in current {
            here.insert((event.kind, event.id));
            let sent = tx.sent_event(staff_id, event.kind, event.id)?;
            Self::take(
                &mut plan,
                revise((*event).clone(), sent.as_ref(), self.instance, self.now),
            );
        }
        for (sent, standing) in stale {
            if here.contains(&(sent.kind, sent.event_id)) {
                continue;
            }
            let Some(why) = withdrawal(sent, *standing, self.days) else {
                continue;
            };
            let text = match sent.kind {
                EventKind::Visit => withdrawal_text(why, self.lang),
                EventKind::Session => session_withdrawal_text(why, self.lang),
            };
            let cancellation = CalendarEvent {
                kind: sent.kind,
                id: sent.event_id,
                start: sent.start,
                duration_min: sent.duration_min,
                summary: text.summary,
                location: text.location,
                description: text.description,
                cancelled: true,
                modified: sent.modified,
                sequence: sent.sequence,
            };
            Self::take(
                &mut plan,
                revise(cancellation, Some(sent), self.instance, self.now),
            );
        }
        Ok(plan)
    }

    fn take(plan: &mut Plan, revision: Revision) {
        match revision {
            Revision::Omit => {}
            Revision::Same(event) => {
                plan.counts.add(crate::domain::ics::Change::Unchanged);
                plan.events.push(event);
            }
            Revision::Send {
                event,
                record,
                change,
            } => {
                plan.counts.add(change);
                plan.events.push(event);
                plan.records.push(record);
            }
        }
    }
}
