//! Finding free, working-day slots for demo visits, so the demo data has no double bookings.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::calendar::is_working_day;
use crate::domain::enums::Weekday;
use crate::domain::model::Staff;

/// Visit start hours; every demo working day covers them.
const HOURS: [u32; 5] = [9, 10, 11, 13, 14];

#[derive(Debug)]
pub struct Planner {
    pub today: NaiveDate,
    working: HashMap<NaiveDate, bool>,
    busy: HashSet<(i64, NaiveDate, u32)>,
    pub visits_created: u32,
}

impl Planner {
    pub fn new(today: NaiveDate) -> Self {
        Planner {
            today,
            working: HashMap::new(),
            busy: HashSet::new(),
            visits_created: 0,
        }
    }

    fn working_day(&mut self, date: NaiveDate) -> bool {
        *self
            .working
            .entry(date)
            .or_insert_with(|| is_working_day(date))
    }

    /// Whether the person has a visit in the hour from `hour` on `date`.
    pub fn busy(&self, staff_id: i64, date: NaiveDate, hour: u32) -> bool {
        self.busy.contains(&(staff_id, date, hour))
    }

    /// A start time between `from` and `to` (inclusive) on a working day of every person,
    /// inside their hours, when none of them is busy; it is marked busy for all of them.
    pub fn slot(
        &mut self,
        rng: &mut fastrand::Rng,
        people: &[&Staff],
        from: NaiveDate,
        to: NaiveDate,
        long: bool,
    ) -> Option<NaiveDateTime> {
        if to < from {
            return None;
        }
        let span = (to - from).num_days().max(0) as u64;
        for _ in 0..24 {
            let date = from + Days::new(rng.u64(..=span));
            if !self.working_day(date) {
                continue;
            }
            let weekday = Weekday::from_chrono(date.weekday());
            if !people.iter().all(|p| p.work_days.contains(&weekday)) {
                continue;
            }
            let hour = HOURS[rng.usize(..HOURS.len())];
            let start = NaiveTime::from_hms_opt(hour, 0, 0)?;
            let end = NaiveTime::from_hms_opt(hour + if long { 2 } else { 1 }, 0, 0)?;
            let fits = people
                .iter()
                .all(|p| p.work_hours.start <= start && end <= p.work_hours.end);
            let taken = |p: &&Staff| {
                self.busy.contains(&(p.id, date, hour))
                    || (long && self.busy.contains(&(p.id, date, hour + 1)))
            };
            let free = !people.iter().any(taken);
            if fits && free {
                for p in people {
                    self.busy.insert((p.id, date, hour));
                    if long {
                        self.busy.insert((p.id, date, hour + 1));
                    }
                }
                return Some(date.and_time(start));
            }
        }
        None
    }
}
