//! Today: each day's count and a page of the visits of today up to the next working day, the
//! sessions, and the to-do list (every family's, or one family's after it changed).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::{Db, DbError, ReadTx};
use crate::domain::alerts::{
    self, Alert, AlertInput, FamilyAlerts, MAX_LISTED, UNRECORDED_DAYS, born_since, one_trip,
    split_double_bookings,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::days::{PAGE, TodayData, TodayPage, TodayQuery, next_working_day};
use crate::domain::timeline::double_bookings;
use crate::domain::views::DayVisit;
use crate::ops::OpsError;

/// Each day's count and the first page of the visits of today up to the next working day, the
/// next session, today's sessions and the held ones without attendance.
pub fn today(db: &mut Db, now: NaiveDateTime) -> Result<TodayData, OpsError> {
    let date = now.date();
    let next_day = next_working_day(date);
    db.read(|tx| {
        Ok::<_, DbError>(TodayData {
            date,
            next_day,
            counts: tx.trips_per_day(date, next_day)?,
            offset: 0,
            visits: tx.days_visits_page(date, next_day, 0, PAGE)?,
            next_session: tx.next_session(now)?,
            today_sessions: tx.sessions_on(date)?,
            unrecorded_sessions: tx.unrecorded_sessions(now)?,
        })
    })
    .map_err(OpsError::Read)
}

/// A part of Today's visits from the query's `from`, with each day's count: what a page of
/// the list costs, however many visits the days hold.
pub fn page(db: &mut Db, q: TodayQuery) -> Result<TodayPage, OpsError> {
    db.read(|tx| {
        Ok::<_, DbError>(TodayPage {
            query: q,
            counts: tx.trips_per_day(q.date, q.next_day)?,
            visits: tx.days_visits_page(q.date, q.next_day, q.from, PAGE)?,
        })
    })
    .map_err(OpsError::Read)
}

/// Families the to-do reads at a time (by id): their children and visits are a few MB, never
/// every child of the register at once. Tests use a small number, so that a register of a few
/// hundred families is read in several parts.
const FAMILIES_READ: i64 = if cfg!(test) { 50 } else { 5_000 };

/// The ranges of family ids the to-do reads in turn: from the first id to the last, each
/// [`FAMILIES_READ`] ids, together every id between them.
pub(crate) fn family_ranges(first: i64, last: i64) -> Vec<std::ops::RangeInclusive<i64>> {
    let mut ranges = Vec::new();
    let mut from = first;
    while from <= last {
        let to = from.saturating_add(FAMILIES_READ - 1).min(last);
        ranges.push(from..=to);
        if to == last {
            break;
        }
        from = to + 1;
    }
    ranges
}

fn start_of(date: NaiveDate, now: NaiveDateTime) -> NaiveDateTime {
    date.and_hms_opt(0, 0, 0).unwrap_or(now)
}

/// Visits by id, as the alert rows show them.
fn listed(tx: &ReadTx<'_>, wanted: &[i64]) -> Result<HashMap<i64, DayVisit>, DbError> {
    Ok(tx
        .visits_by_id(wanted)?
        .into_iter()
        .map(|v| (v.visit_id, v))
        .collect())
}

/// (name, visit) for each listed visit with someone no longer active.
fn with_visits(
    inactive: &[(i64, String)],
    listed: &HashMap<i64, DayVisit>,
) -> Vec<(String, DayVisit)> {
    inactive
        .iter()
        .take(MAX_LISTED)
        .filter_map(|(id, name)| Some((name.clone(), listed.get(id)?.clone())))
        .collect()
}

/// Every alert: it looks at every active family and every future booking, so the runtime
/// reads it in the background.
pub fn alerts(
    db: &mut Db,
    catalogue: &Catalogue,
    now: NaiveDateTime,
    warning_days: u32,
) -> Result<Vec<Alert>, OpsError> {
    let date = now.date();
    let start_of_day = start_of(date, now);
    db.read(|tx| {
        // The children a few thousand families at a time: the whole register's would be
        // held at once otherwise (45 MB at 200,000 families).
        let mut programme = Vec::new();
        let (first, last) = tx.family_id_span()?;
        for families in family_ranges(first, last) {
            let (children, facts) = tx.active_children_of(born_since(date), families)?;
            programme.extend(alerts::child_alerts(
                &children,
                &facts,
                catalogue.all(),
                date,
                warning_days,
            ));
        }
        let missing = tx.visits_missing_interpreter(start_of_day, None)?;
        let mut bookings = tx.planned_bookings(start_of_day)?;
        let staff_names = tx.staff_names()?;
        let unrecorded =
            tx.unrecorded_visits(now - chrono::Duration::days(UNRECORDED_DAYS), now, None)?;
        let (session_bookings, sessions) = tx.planned_session_bookings(start_of_day)?;
        bookings.extend(session_bookings);
        let (doubles, clashes) = split_double_bookings(double_bookings(&mut bookings));
        let inactive = tx.visits_with_inactive_staff(start_of_day, None)?;
        let mut wanted: Vec<i64> = missing.iter().take(MAX_LISTED).copied().collect();
        wanted.extend(unrecorded.iter().take(MAX_LISTED));
        wanted.extend(inactive.iter().take(MAX_LISTED).map(|(id, _)| *id));
        wanted.extend(
            doubles
                .iter()
                .take(MAX_LISTED)
                .flat_map(|(_, a, b)| [*a, *b]),
        );
        wanted.extend(clashes.iter().take(MAX_LISTED).map(|(_, _, visit)| *visit));
        let listed = listed(tx, &wanted)?;
        let pick = |ids: &[i64]| -> Vec<DayVisit> {
            ids.iter()
                .take(MAX_LISTED)
                .filter_map(|id| listed.get(id).cloned())
                .collect()
        };
        let others = alerts::alerts(AlertInput {
            date,
            children: &[],
            facts: &HashMap::new(),
            programmes: catalogue.all(),
            warning_days,
            missing_interpreter: pick(&missing),
            unrecorded: pick(&unrecorded),
            double_bookings: doubles
                .iter()
                .take(MAX_LISTED)
                .filter_map(|(staff, a, b)| {
                    let (a, b) = (listed.get(a)?, listed.get(b)?);
                    if one_trip(a, b) {
                        return None;
                    }
                    Some((staff_names.get(staff)?.clone(), a.clone(), b.clone()))
                })
                .collect(),
            inactive_staff: with_visits(&inactive, &listed),
            session_clashes: clashes
                .iter()
                .take(MAX_LISTED)
                .filter_map(|(staff, session, visit)| {
                    Some((
                        staff_names.get(staff)?.clone(),
                        sessions.get(session)?.clone(),
                        listed.get(visit)?.clone(),
                    ))
                })
                .collect(),
        });
        // Most pressing first, as `alerts` orders them: the order is stable, so the
        // programme's alerts stand before the others of the same urgency, as they do there.
        programme.extend(others);
        programme.sort_by(alerts::order);
        Ok::<_, DbError>(programme)
    })
    .map_err(OpsError::Read)
}

/// One family's alerts (all but double bookings, which concern two visits), after it changed:
/// a handful of rows read by the family's id instead of the whole register, with its name and
/// protection now for the double bookings the to-do keeps.
pub fn family_alerts(
    db: &mut Db,
    catalogue: &Catalogue,
    now: NaiveDateTime,
    warning_days: u32,
    family_id: i64,
) -> Result<FamilyAlerts, OpsError> {
    let date = now.date();
    let start_of_day = start_of(date, now);
    db.read(|tx| {
        let (children, facts) = tx.active_children_of(born_since(date), family_id..=family_id)?;
        let missing = tx.visits_missing_interpreter(start_of_day, Some(family_id))?;
        let unrecorded = tx.unrecorded_visits(
            now - chrono::Duration::days(UNRECORDED_DAYS),
            now,
            Some(family_id),
        )?;
        let inactive = tx.visits_with_inactive_staff(start_of_day, Some(family_id))?;
        let mut wanted = missing.clone();
        wanted.extend(&unrecorded);
        wanted.extend(inactive.iter().map(|(id, _)| *id));
        let listed = listed(tx, &wanted)?;
        let pick = |ids: &[i64]| -> Vec<DayVisit> {
            ids.iter()
                .filter_map(|id| listed.get(id).cloned())
                .collect()
        };
        let rows = alerts::alerts(AlertInput {
            date,
            children: &children,
            facts: &facts,
            programmes: catalogue.all(),
            warning_days,
            missing_interpreter: pick(&missing),
            unrecorded: pick(&unrecorded),
            double_bookings: Vec::new(),
            inactive_staff: with_visits(&inactive, &listed),
            session_clashes: Vec::new(),
        });
        Ok::<_, DbError>(FamilyAlerts {
            family_id,
            family: tx.family_shown(family_id)?,
            rows,
        })
    })
    .map_err(OpsError::Read)
}
