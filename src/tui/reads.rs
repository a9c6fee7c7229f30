//! The reads behind the screens that take more than one query: the week, the alerts of every
//! family (in the background) or of one, and the search index.
use crate::app::{FamiliesMsg, Msg, TodayMsg};

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Months, NaiveDate, NaiveDateTime};

use crate::app::today::{self, AlertInput, AlertRow, TodayPage, TodayQuery};
use crate::app::week::{DayPage, PAGE, SESSIONS_PER_DAY, WeekData, WeekQuery};
use crate::db::{Db, DbError, ReadTx};
use crate::domain::catalogue::Catalogue;
use crate::domain::timeline::double_bookings;
use crate::domain::views::DayVisit;
use crate::ops::OpsError;

use super::worker::Job;

/// Children older than this have left every shipped programme's windows.
const OLDEST_CHILD_MONTHS: u32 = 20;

/// Booking alerts listed at most per kind; more would not fit a screen or a morning.
const MAX_LISTED: usize = 50;

/// How far back a visit with no recorded outcome is still worth a reminder.
const UNRECORDED_DAYS: i64 = 30;

/// A week as Week shows it: the count of each day, and one page of each day's visits (the
/// marked day's from where its marked visit is), so it costs what a screen holds, however
/// many visits the week has.
pub fn week(db: &mut Db, q: WeekQuery) -> Result<WeekData, OpsError> {
    let Some(monday) = q.week.monday() else {
        return Ok(WeekData {
            query: q,
            counts: [0; 7],
            pages: Default::default(),
            sessions: Default::default(),
        });
    };
    db.read(|tx| {
        let counts = tx.visits_per_day(monday, q.staff)?;
        let mut pages: [DayPage; 7] = Default::default();
        let mut sessions: [Vec<_>; 7] = Default::default();
        for (day, list) in sessions.iter_mut().enumerate() {
            *list = tx.week_sessions(day_of(monday, day), q.staff, SESSIONS_PER_DAY)?;
        }
        for (day, page) in pages.iter_mut().enumerate() {
            if counts[day] == 0 {
                continue;
            }
            let offset = if day == q.day {
                q.from.min(counts[day].saturating_sub(1))
            } else {
                0
            };
            *page = DayPage {
                offset,
                visits: tx.day_visits_page(day_of(monday, day), q.staff, offset, PAGE)?,
            };
        }
        Ok::<_, DbError>(WeekData {
            query: q,
            counts,
            pages,
            sessions,
        })
    })
    .map_err(OpsError::Read)
}

/// A part of Today's visits from the query's `from`, with each day's count: what a page of
/// the list costs, however many visits the days hold.
pub fn today_page(db: &mut Db, q: TodayQuery) -> Result<TodayPage, OpsError> {
    db.read(|tx| {
        Ok::<_, DbError>(TodayPage {
            query: q,
            counts: tx.trips_per_day(q.date, q.next_day)?,
            visits: tx.days_visits_page(q.date, q.next_day, q.from, PAGE)?,
        })
    })
    .map_err(OpsError::Read)
}

/// The marked day's page from the query's `from`.
pub fn day(db: &mut Db, q: WeekQuery) -> Result<DayPage, OpsError> {
    let Some(monday) = q.week.monday() else {
        return Ok(DayPage::default());
    };
    let visits = db
        .read(|tx| tx.day_visits_page(day_of(monday, q.day), q.staff, q.from, PAGE))
        .map_err(OpsError::Read)?;
    Ok(DayPage {
        offset: q.from,
        visits,
    })
}

fn day_of(monday: NaiveDate, day: usize) -> NaiveDate {
    monday
        .checked_add_days(chrono::Days::new(day as u64))
        .unwrap_or(monday)
}

pub fn index_job() -> Job {
    Box::new(|db: &mut Db| {
        Ok(Msg::Families(FamiliesMsg::IndexLoaded(
            db.read(|tx| tx.family_index())?,
        )))
    })
}

fn born_since(date: NaiveDate) -> NaiveDate {
    date.checked_sub_months(Months::new(OLDEST_CHILD_MONTHS))
        .unwrap_or(date)
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

/// Every alert: it looks at every active family and every future booking, so it is read in
/// the background.
pub fn alerts_job(catalogue: &Arc<Catalogue>, now: NaiveDateTime, warning_days: u32) -> Job {
    let catalogue = Arc::clone(catalogue);
    Box::new(move |db: &mut Db| {
        let date = now.date();
        let start_of_day = start_of(date, now);
        let alerts = db.read(|tx| {
            let (children, facts) = tx.active_children(born_since(date))?;
            let missing = tx.visits_missing_interpreter(start_of_day, None)?;
            let mut bookings = tx.planned_bookings(start_of_day)?;
            let staff_names = tx.staff_names()?;
            let unrecorded =
                tx.unrecorded_visits(now - chrono::Duration::days(UNRECORDED_DAYS), now, None)?;
            let (session_bookings, session_labels) = tx.planned_session_bookings(start_of_day)?;
            bookings.extend(session_bookings);
            // A pair with a session (a negated id) is a leader in a visit and a session at once;
            // two sessions of one leader are the series form's to prevent.
            let (sessions_paired, doubles): (Vec<_>, Vec<_>) = double_bookings(&mut bookings)
                .into_iter()
                .filter(|(_, a, b)| *a > 0 || *b > 0)
                .partition(|(_, a, b)| *a < 0 || *b < 0);
            let clashes: Vec<(i64, i64, i64)> = sessions_paired
                .into_iter()
                .take(MAX_LISTED)
                .map(|(staff, a, b)| {
                    if a < 0 {
                        (staff, -a, b)
                    } else {
                        (staff, -b, a)
                    }
                })
                .collect();
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
            wanted.extend(clashes.iter().map(|(_, _, visit)| *visit));
            let listed = listed(tx, &wanted)?;
            let pick = |ids: &[i64]| -> Vec<DayVisit> {
                ids.iter()
                    .take(MAX_LISTED)
                    .filter_map(|id| listed.get(id).cloned())
                    .collect()
            };
            Ok::<_, DbError>(today::alerts(AlertInput {
                date,
                children: &children,
                facts: &facts,
                programmes: catalogue.all(),
                warning_days,
                missing_interpreter: pick(&missing),
                unrecorded: pick(&unrecorded),
                double_bookings: doubles
                    .iter()
                    .take(MAX_LISTED)
                    .filter_map(|(staff, a, b)| {
                        let (a, b) = (listed.get(a)?, listed.get(b)?);
                        // Twins' visits at one time are one trip, not a double booking.
                        if a.family_id == b.family_id && a.start == b.start {
                            return None;
                        }
                        Some((staff_names.get(staff)?.clone(), a.clone(), b.clone()))
                    })
                    .collect(),
                inactive_staff: with_visits(&inactive, &listed),
                session_clashes: clashes
                    .iter()
                    .filter_map(|(staff, session, visit)| {
                        Some((
                            staff_names.get(staff)?.clone(),
                            session_labels.get(session)?.clone(),
                            listed.get(visit)?.clone(),
                        ))
                    })
                    .collect(),
            }))
        })?;
        Ok(Msg::Today(TodayMsg::AlertsLoaded(alerts)))
    })
}

/// One family's alerts (all but double bookings, which concern two visits), after it changed:
/// a handful of rows read by the family's id instead of the whole register.
pub fn family_alerts(
    db: &mut Db,
    catalogue: &Catalogue,
    now: NaiveDateTime,
    warning_days: u32,
    family_id: i64,
) -> Result<Vec<AlertRow>, OpsError> {
    let date = now.date();
    let start_of_day = start_of(date, now);
    db.read(|tx| {
        let (children, facts) = tx.active_children_of_family(born_since(date), family_id)?;
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
        Ok::<_, DbError>(today::alerts(AlertInput {
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
        }))
    })
    .map_err(OpsError::Read)
}

/// The families to suggest for a series, language first, and the places it has left.
pub fn suggestions(
    db: &mut Db,
    group_id: i64,
    now: NaiveDateTime,
) -> Result<(Vec<crate::domain::group_views::Suggestion>, Option<usize>), OpsError> {
    use crate::domain::groups::{room_left, suggest_members};
    db.read(|tx| {
        let page =
            tx.group_page(group_id)
                .map_err(OpsError::Read)?
                .ok_or(crate::ops::Refusal::Group(
                    crate::ops::groups::GroupRefusal::GroupGone,
                ))?;
        let members = page.members.iter().filter(|m| m.left.is_none()).count();
        // Without a span of its own, a series is for children born in the year before it starts.
        let start = page.sessions.first().map_or(now.date(), |s| s.start.date());
        let span = page
            .info
            .born
            .unwrap_or((start - chrono::Days::new(365), start));
        let language = page.info.language.as_deref();
        let found = tx
            .member_candidates(span, language, now)
            .map_err(OpsError::Read)?;
        let candidates: Vec<_> = found.iter().map(|(c, _)| c.clone()).collect();
        let order = suggest_members(&candidates, span, language);
        let suggestions = order
            .iter()
            .filter_map(|id| found.iter().find(|(c, _)| c.family_id == *id))
            .map(|(_, s)| s.clone())
            .collect();
        Ok::<_, OpsError>((suggestions, room_left(page.info.capacity, members)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timeline::AlertKind;
    use crate::ops::Ctx;
    use crate::ops::import::{families, groups, staff, visits};

    fn fixture(name: &str) -> String {
        std::fs::read_to_string(format!("tests/fixtures/import/{name}")).unwrap()
    }

    #[test]
    fn a_leader_in_a_visit_and_a_session_at_once_is_on_todays_list() {
        let dir = tempfile::tempdir().unwrap();
        let mut db =
            crate::db::connect(&dir.path().join("t.sqlite"), crate::db::Mode::Create, None)
                .unwrap();
        let now = NaiveDate::from_ymd_opt(2030, 12, 2)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let ctx = Ctx {
            actor: "test".into(),
            now,
        };
        staff::import(&mut db, &fixture("staff_ok.csv"), &ctx).unwrap();
        families::import(&mut db, &fixture("families_ok.csv"), &ctx).unwrap();
        groups::import(&mut db, &fixture("groups_ok.csv"), &ctx).unwrap();
        // Julgruppen meets 2030-12-17 10:00–11:30, led by Anna: a visit of hers at 10:30.
        let clash = "family_ref,visit_no,start,duration_min,status,staff\n\
                     T-001,extra,2030-12-17 10:30,60,planned,Anna Sköterska\n";
        visits::import(&mut db, clash, &ctx, true).unwrap();
        let catalogue = Arc::new(db.read(|tx| tx.programme_catalogue()).unwrap());
        let Msg::Today(TodayMsg::AlertsLoaded(alerts)) =
            alerts_job(&catalogue, now, 7)(&mut db).unwrap()
        else {
            panic!("not the alerts");
        };
        let doubles: Vec<&str> = alerts
            .iter()
            .filter(|a| a.kind == AlertKind::DoubleBooked)
            .map(|a| a.detail.en.as_str())
            .collect();
        assert_eq!(
            doubles,
            ["Anna Sköterska: 2030-12-17 10:30 and the group session Julgruppen 10:00"]
        );
    }

    #[test]
    fn week_shows_a_session_for_its_leaders_in_everyones_week_and_in_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let mut db =
            crate::db::connect(&dir.path().join("w.sqlite"), crate::db::Mode::Create, None)
                .unwrap();
        let now = NaiveDate::from_ymd_opt(2030, 12, 2)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let ctx = Ctx {
            actor: "test".into(),
            now,
        };
        staff::import(&mut db, &fixture("staff_ok.csv"), &ctx).unwrap();
        families::import(&mut db, &fixture("families_ok.csv"), &ctx).unwrap();
        groups::import(&mut db, &fixture("groups_ok.csv"), &ctx).unwrap();
        let mut id = |name: &str| db.read(|tx| tx.staff_by_name(name)).unwrap().unwrap().id;
        let (anna, bo) = (id("Anna Sköterska"), id("Bo Rådgivare"));
        let week =
            crate::domain::calendar::IsoWeek::of(NaiveDate::from_ymd_opt(2030, 12, 17).unwrap());
        let mut tuesday = |staff| {
            let data = super::week(
                &mut db,
                WeekQuery {
                    week,
                    staff,
                    day: 0,
                    from: 0,
                },
            )
            .unwrap();
            data.sessions[1]
                .iter()
                .map(|s| format!("{} {}", s.start.format("%H:%M"), s.group))
                .collect::<Vec<_>>()
        };
        assert_eq!(tuesday(None), ["10:00 Julgruppen"]);
        assert_eq!(tuesday(Some(anna)), ["10:00 Julgruppen"]);
        assert!(tuesday(Some(bo)).is_empty());
    }
}
