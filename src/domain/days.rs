//! The days Today and Week show, as a read returns them: each day's count, and a page of its
//! visits, so that a screen costs what it holds however many visits the days have.

use chrono::{Days, NaiveDate};

use super::calendar::{IsoWeek, is_working_day};
use super::group_views::WeekSession;
use super::views::{DayVisit, SessionInfo};

/// Visits read per day at a time: more than any terminal shows in a column, so scrolling reads
/// again only every few dozen rows.
pub const PAGE: usize = 60;

/// What to read of a week: whose visits, and which part of the marked day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekQuery {
    pub week: IsoWeek,
    /// Only this staff member's visits.
    pub staff: Option<i64>,
    /// The marked day (0 = Monday), read from its `from`-th visit; the others from the first.
    pub day: usize,
    pub from: usize,
}

/// A part of a day's visits: the `offset`-th and on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DayPage {
    pub offset: usize,
    pub visits: Vec<DayVisit>,
}

/// A week as read: how many visits each day holds, and a page of each.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekData {
    pub query: WeekQuery,
    pub counts: [usize; 7],
    pub pages: [DayPage; 7],
    /// Each day's parent-group sessions (all, or those the person leads), at most
    /// [`SESSIONS_PER_DAY`], in time order.
    pub sessions: [Vec<DaySession>; 7],
}

/// The sessions a day column lists among its visits; more do not fit beside them.
pub const SESSIONS_PER_DAY: usize = 3;

/// A session in a day of Week, and where it falls among the day's visits (all, or the person's).
#[derive(Debug, Clone, PartialEq)]
pub struct DaySession {
    pub session: WeekSession,
    /// How many of the day's visits start before it: it is listed after them.
    pub visits_before: usize,
}

/// One line of a day of Week: sessions and visits in one time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayEntry {
    /// The `k`-th session of the day.
    Session(usize),
    /// The `v`-th visit of the day (counted from the day's first, not the page's).
    Visit(usize),
}

/// The `i`-th line of a day whose sessions are `sessions` (in time order).
pub fn day_entry(sessions: &[DaySession], i: usize) -> DayEntry {
    let mut before = 0;
    for (k, s) in sessions.iter().enumerate() {
        match (s.visits_before + k).cmp(&i) {
            std::cmp::Ordering::Equal => return DayEntry::Session(k),
            std::cmp::Ordering::Less => before += 1,
            std::cmp::Ordering::Greater => break,
        }
    }
    DayEntry::Visit(i - before)
}

/// The line of the day's `v`-th visit.
pub fn visit_line(sessions: &[DaySession], v: usize) -> usize {
    v + sessions.iter().filter(|s| s.visits_before <= v).count()
}

/// Today's visits and the next session: read before the first frame.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TodayData {
    pub date: NaiveDate,
    /// The next working day after `date` (tomorrow, or Monday after a Friday, or the day after a
    /// holiday).
    pub next_day: NaiveDate,
    /// How many trips start on each day from `date` to `next_day`: what the list holds in all.
    pub counts: Vec<usize>,
    /// Where the read part of the list starts (counted from today's first visit).
    pub offset: usize,
    /// The read part of the visits of today up to the next working day, in time order; twins'
    /// visits on one trip are one row.
    pub visits: Vec<DayVisit>,
    pub next_session: Option<SessionInfo>,
    /// Today's sessions that are not cancelled, in time order: `a` opens the first's roll call.
    pub today_sessions: Vec<SessionInfo>,
    /// Held sessions of the last weeks without attendance recorded, oldest first.
    pub unrecorded_sessions: Vec<SessionInfo>,
}

/// What to read of Today's visits: the part from the `from`-th of the days shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TodayQuery {
    pub date: NaiveDate,
    pub next_day: NaiveDate,
    pub from: usize,
}

/// A part of Today's visits as read, with each day's count at the time.
#[derive(Debug, Clone, PartialEq)]
pub struct TodayPage {
    pub query: TodayQuery,
    pub counts: Vec<usize>,
    pub visits: Vec<DayVisit>,
}

/// The first working day after `date` (no weekend, no public holiday); a fortnight on at most.
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    for _ in 0..14 {
        day = day.checked_add_days(Days::new(1)).unwrap_or(day);
        if is_working_day(day) {
            return day;
        }
    }
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

/// The visits from today to the next working day out of a list of all of them, each day
/// counted and all read: on a Friday, Monday's (and any booked over the weekend), not only
/// Saturday's. What the runtime reads a page at a time, for tests and fixtures.
pub fn today_data(
    date: NaiveDate,
    mut visits: Vec<DayVisit>,
    next_session: Option<SessionInfo>,
) -> TodayData {
    let next_day = next_working_day(date);
    visits.retain(|v| v.start.date() >= date && v.start.date() <= next_day);
    let visits = merge_twins(visits);
    let days = usize::try_from((next_day - date).num_days() + 1).unwrap_or(1);
    let mut counts = vec![0; days];
    for v in &visits {
        let i = usize::try_from((v.start.date() - date).num_days()).unwrap_or(0);
        if let Some(slot) = counts.get_mut(i) {
            *slot += 1;
        }
    }
    TodayData {
        date,
        next_day,
        counts,
        offset: 0,
        visits,
        next_session,
        today_sessions: Vec::new(),
        unrecorded_sessions: Vec::new(),
    }
}

/// Twins' visits (one family, one time, one programme visit) as one row, both children named:
/// it is one trip. The row keeps the first visit's id; recording its outcome records both.
pub fn merge_twins(visits: Vec<DayVisit>) -> Vec<DayVisit> {
    let mut out: Vec<DayVisit> = Vec::with_capacity(visits.len());
    for v in visits {
        if let Some(same) = out.iter_mut().find(|o| {
            o.family_id == v.family_id
                && o.start == v.start
                && o.visit_no.is_some()
                && o.visit_no == v.visit_no
                && o.status == v.status
        }) {
            same.child_name = format!("{} & {}", same.child_name, v.child_name);
            same.twins.push(v.child_name);
        } else {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(visits_before: usize) -> DaySession {
        DaySession {
            session: WeekSession {
                id: 0,
                group: String::new(),
                start: NaiveDate::default()
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default(),
                duration_min: 0,
            },
            visits_before,
        }
    }

    /// Sessions before, between and after four visits: every line is one of them, in order,
    /// and each visit's line leads back to it.
    #[test]
    fn sessions_fall_among_the_visits_in_time_order() {
        use DayEntry::{Session as S, Visit as V};
        let sessions = [at(0), at(2), at(2), at(4)];
        let lines: Vec<DayEntry> = (0..8).map(|i| day_entry(&sessions, i)).collect();
        assert_eq!(lines, [S(0), V(0), V(1), S(1), S(2), V(2), V(3), S(3)]);
        for v in 0..4 {
            assert_eq!(day_entry(&sessions, visit_line(&sessions, v)), V(v));
        }
        assert_eq!(day_entry(&[], 3), V(3));
    }
}
