//! A child's programme timeline, and the alerts a coordinator must see today.

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::enums::{Role, VisitStatus};
use super::programme::Programme;
use super::schedule::{Booking, VisitState, Window, visit_state};

/// What the timeline needs of a stored visit.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitFact {
    pub visit_no: Option<u32>,
    pub start: NaiveDateTime,
    pub status: VisitStatus,
    /// The roles of the staff recorded as present (for a done visit).
    pub attended: Vec<Role>,
}

/// Stored visits grouped by child id.
pub type VisitsByChild = std::collections::HashMap<i64, Vec<VisitFact>>;

/// One programme visit of one child, as the timeline shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub visit_no: u32,
    pub name: String,
    pub name_en: String,
    pub window: Window,
    pub state: VisitState,
    /// When it is booked for, or when it was done.
    pub date: Option<NaiveDateTime>,
    /// For a done visit: whether every required role attended (a joint visit).
    pub joint: Option<bool>,
}

/// Done wins over planned; of several planned visits the earliest counts.
fn booking_for(visit_no: u32, visits: &[VisitFact]) -> (Booking, Option<NaiveDateTime>) {
    if let Some(done) = last_done(visit_no, visits) {
        return (Booking::Done(done.start.date()), Some(done.start));
    }
    if let Some(planned) = visits
        .iter()
        .filter(|v| v.visit_no == Some(visit_no))
        .filter(|v| v.status == VisitStatus::Planned)
        .map(|v| v.start)
        .min()
    {
        return (Booking::Planned(planned.date()), Some(planned));
    }
    (Booking::None, None)
}

/// The latest done visit for a programme visit number.
fn last_done(visit_no: u32, visits: &[VisitFact]) -> Option<&VisitFact> {
    visits
        .iter()
        .filter(|v| v.visit_no == Some(visit_no) && v.status == VisitStatus::Done)
        .max_by_key(|v| v.start)
}

/// Every visit of the programme for a child born on `birth`, with its window and state today.
pub fn timeline(
    programme: &Programme,
    birth: NaiveDate,
    visits: &[VisitFact],
    today: NaiveDate,
    warning_days: u32,
) -> Vec<TimelineEntry> {
    programme
        .visits
        .iter()
        .map(|v| {
            let window = Window::for_visit(birth, v);
            let (booking, date) = booking_for(v.number, visits);
            TimelineEntry {
                visit_no: v.number,
                name: v.name.clone(),
                name_en: v.name_en.clone(),
                window,
                state: visit_state(&window, booking, today, warning_days),
                date,
                joint: last_done(v.number, visits)
                    .map(|done| v.roles.iter().all(|r| done.attended.contains(r))),
            }
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AlertKind {
    /// Past its late age, or its window closes within the warning days, and not booked.
    Overdue,
    /// Due within 14 days and not booked.
    DueUnbooked,
    /// A booked visit for a family that needs an interpreter, with none booked.
    InterpreterMissing,
    /// A staff member in two visits at once.
    DoubleBooked,
    /// A booked visit with someone booked who is no longer active.
    StaffInactive,
    /// A visit whose time has passed and whose outcome is not recorded.
    NotRecorded,
}

/// How far ahead a due visit without a booking is worth an alert.
pub const DUE_HORIZON_DAYS: u64 = 14;

/// The programme visits of one child that need the coordinator's attention today.
pub fn programme_alerts(
    entries: &[TimelineEntry],
    today: NaiveDate,
) -> Vec<(AlertKind, &TimelineEntry)> {
    let horizon = today
        .checked_add_days(Days::new(DUE_HORIZON_DAYS))
        .unwrap_or(today);
    entries
        .iter()
        .filter_map(|e| match e.state {
            VisitState::Overdue => Some((AlertKind::Overdue, e)),
            VisitState::Due | VisitState::Upcoming if e.window.due <= horizon => {
                Some((AlertKind::DueUnbooked, e))
            }
            _ => None,
        })
        .collect()
}

/// A booked visit of one staff member, for finding overlaps.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffBooking {
    pub staff_id: i64,
    pub visit_id: i64,
    pub start: NaiveDateTime,
    pub duration_min: u32,
}

/// Pairs of visits (by id) where one staff member is booked twice at once.
pub fn double_bookings(bookings: &mut [StaffBooking]) -> Vec<(i64, i64, i64)> {
    bookings.sort_by_key(|b| (b.staff_id, b.start, b.visit_id));
    let mut out = Vec::new();
    for (i, a) in bookings.iter().enumerate() {
        let a_end = a.start + chrono::Duration::minutes(i64::from(a.duration_min));
        for b in &bookings[i + 1..] {
            if b.staff_id != a.staff_id || b.start >= a_end {
                break;
            }
            out.push((a.staff_id, a.visit_id, b.visit_id));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin::builtin_programmes;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(date: NaiveDate, h: u32) -> NaiveDateTime {
        date.and_hms_opt(h, 0, 0).unwrap()
    }

    fn goteborg() -> Programme {
        builtin_programmes()
            .unwrap()
            .into_iter()
            .find(|p| p.id == "goteborg")
            .unwrap()
    }

    #[test]
    fn a_timeline_shows_done_booked_due_and_upcoming() {
        let birth = d(2026, 7, 1);
        let today = d(2026, 9, 3);
        let visits = vec![
            VisitFact {
                visit_no: Some(1),
                start: at(d(2026, 7, 10), 10),
                status: VisitStatus::NoShow,
                attended: vec![],
            },
            VisitFact {
                visit_no: Some(1),
                start: at(d(2026, 7, 14), 10),
                status: VisitStatus::Done,
                attended: vec![],
            },
            VisitFact {
                visit_no: Some(2),
                start: at(d(2026, 9, 8), 13),
                status: VisitStatus::Planned,
                attended: vec![],
            },
        ];
        let t = timeline(&goteborg(), birth, &visits, today, 7);
        let states: Vec<VisitState> = t.iter().map(|e| e.state).collect();
        assert_eq!(
            states[..3],
            [VisitState::Done, VisitState::Booked, VisitState::Upcoming]
        );
        assert_eq!(t[0].date, Some(at(d(2026, 7, 14), 10)));
        assert_eq!(t[1].date, Some(at(d(2026, 9, 8), 13)));
        assert_eq!(t.len(), 6);
    }

    #[test]
    fn alerts_name_overdue_and_soon_due_visits_but_not_missed_ones() {
        let birth = d(2026, 6, 1);
        let kinds = |today| -> Vec<(AlertKind, u32)> {
            let t = timeline(&goteborg(), birth, &[], today, 0);
            programme_alerts(&t, today)
                .iter()
                .map(|(k, e)| (*k, e.visit_no))
                .collect()
        };
        // The 2-month visit is late after 11 weeks (2026-08-17) and missed after 3 months (2026-09-01).
        assert_eq!(kinds(d(2026, 8, 25)), [(AlertKind::Overdue, 2)]);
        // By 20 September it is missed, and the 4-month visit (due 2026-10-01) is due within 14 days.
        assert_eq!(kinds(d(2026, 9, 20)), [(AlertKind::DueUnbooked, 3)]);
    }

    #[test]
    fn a_done_visit_is_joint_only_when_every_required_role_came() {
        let birth = d(2026, 7, 1);
        let done = |attended: Vec<Role>| VisitFact {
            visit_no: Some(2),
            start: at(d(2026, 9, 3), 10),
            status: VisitStatus::Done,
            attended,
        };
        let joint =
            |attended| timeline(&goteborg(), birth, &[done(attended)], d(2026, 10, 1), 7)[1].joint;
        assert_eq!(joint(vec![Role::Nurse, Role::ParentAdvisor]), Some(true));
        assert_eq!(joint(vec![Role::Nurse]), Some(false));
        assert_eq!(
            timeline(&goteborg(), birth, &[], d(2026, 10, 1), 7)[1].joint,
            None,
            "not done: no answer"
        );
    }

    #[test]
    fn overlapping_bookings_of_one_person_are_found() {
        let day = d(2026, 11, 23);
        let b = |staff, visit, h, m: u32, dur| StaffBooking {
            staff_id: staff,
            visit_id: visit,
            start: day.and_hms_opt(h, m, 0).unwrap(),
            duration_min: dur,
        };
        let mut bookings = vec![
            b(1, 10, 9, 0, 90),
            b(1, 11, 10, 0, 60),
            b(1, 12, 11, 0, 60),
            b(2, 13, 9, 0, 60),
        ];
        assert_eq!(double_bookings(&mut bookings), vec![(1, 10, 11)]);
    }
}
