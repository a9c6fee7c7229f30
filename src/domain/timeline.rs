//! A child's programme timeline, and who is booked twice at once.

use chrono::{NaiveDate, NaiveDateTime};

use super::booking::Booking;
use super::enums::{Role, VisitStatus};
use super::programme::Programme;
use super::schedule::{Progress, VisitState, Window, visit_state};

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
fn booking_for(visit_no: u32, visits: &[VisitFact]) -> (Progress, Option<NaiveDateTime>) {
    if let Some(done) = last_done(visit_no, visits) {
        return (Progress::Done(done.start.date()), Some(done.start));
    }
    if let Some(planned) = visits
        .iter()
        .filter(|v| v.visit_no == Some(visit_no))
        .filter(|v| v.status == VisitStatus::Planned)
        .map(|v| v.start)
        .min()
    {
        return (Progress::Planned(planned.date()), Some(planned));
    }
    (Progress::None, None)
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

/// A booking (a visit or a group session) of one staff member, for finding overlaps.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffBooking {
    pub staff_id: i64,
    pub booking: Booking,
    pub start: NaiveDateTime,
    pub duration_min: u32,
}

/// Pairs of bookings where one staff member is booked twice at once: (staff, earlier, later).
pub fn double_bookings(bookings: &mut [StaffBooking]) -> Vec<(i64, Booking, Booking)> {
    bookings.sort_by_key(|b| (b.staff_id, b.start, b.booking));
    let mut out = Vec::new();
    for (i, a) in bookings.iter().enumerate() {
        let a_end = a.start + chrono::Duration::minutes(i64::from(a.duration_min));
        for b in &bookings[i + 1..] {
            if b.staff_id != a.staff_id || b.start >= a_end {
                break;
            }
            out.push((a.staff_id, a.booking, b.booking));
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
            booking: Booking::Visit(visit),
            start: day.and_hms_opt(h, m, 0).unwrap(),
            duration_min: dur,
        };
        let mut bookings = vec![
            b(1, 10, 9, 0, 90),
            b(1, 11, 10, 0, 60),
            b(1, 12, 11, 0, 60),
            b(2, 13, 9, 0, 60),
        ];
        assert_eq!(
            double_bookings(&mut bookings),
            vec![(1, Booking::Visit(10), Booking::Visit(11))]
        );
    }
}
