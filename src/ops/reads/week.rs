//! Week: each day's count, a page of each day's visits (the marked day's from its marked visit)
//! and each day's sessions, so a week costs what the screen holds, however many visits it has.

use chrono::NaiveDate;

use crate::db::{Db, DbError};
use crate::domain::days::{DayPage, DaySession, PAGE, SESSIONS_PER_DAY, WeekData, WeekQuery};
use crate::ops::OpsError;

/// A week as Week shows it.
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
            for session in tx.week_sessions(day_of(monday, day), q.staff, SESSIONS_PER_DAY)? {
                list.push(DaySession {
                    visits_before: tx.visits_before(session.start, q.staff)?,
                    session,
                });
            }
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
