//! The alerts a coordinator must see today: programme visits overdue or due soon and not booked,
//! booked visits without an interpreter, double bookings (of two visits, or of a visit and a
//! group session), outcomes not recorded, and people no longer active. Typed and pure: the read
//! brings the facts, the words come from `i18n`.

use std::collections::HashMap;

use chrono::{Days, Months, NaiveDate, NaiveDateTime};

use super::booking::Booking;
use super::enums::Protection;
use super::group_views::WeekSession;
use super::programme::Programme;
use super::schedule::VisitState;
use super::timeline::{TimelineEntry, VisitFact, timeline};
use super::views::{ChildPlan, DayVisit};

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

/// Alerts listed at most per kind; more would not fit a screen or a morning.
pub const MAX_LISTED: usize = 50;

/// How far back a visit with no recorded outcome is still worth a reminder.
pub const UNRECORDED_DAYS: i64 = 30;

/// Children older than this have left every shipped programme's windows.
const OLDEST_CHILD_MONTHS: u32 = 20;

/// The oldest birth date a child still in a programme can have on `date`.
pub fn born_since(date: NaiveDate) -> NaiveDate {
    date.checked_sub_months(Months::new(OLDEST_CHILD_MONTHS))
        .unwrap_or(date)
}

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

/// What an alert is about, as its row details it.
#[derive(Debug, Clone, PartialEq)]
pub enum AlertDetail {
    /// A programme visit not booked: its name, the child's (none for a protected family) and
    /// the day that matters (the window's last day when overdue, the due day otherwise).
    Programme {
        visit: String,
        visit_en: String,
        child: Option<String>,
        day: NaiveDate,
        /// The window's last day: how long is left to make the visit at all.
        closes: NaiveDate,
        /// Past the visit's due day: late for the child's age, whatever its kind says.
        past_due: bool,
    },
    /// A booked visit with no interpreter, in the family's language (its code).
    InterpreterMissing {
        at: NaiveDateTime,
        language: String,
    },
    /// One staff member in two visits at once.
    DoubleBooked {
        staff: String,
        first: NaiveDateTime,
        second: NaiveDateTime,
    },
    /// A leader in a visit and a parent-group session at once.
    SessionClash {
        staff: String,
        at: NaiveDateTime,
        session: WeekSession,
    },
    NotRecorded {
        at: NaiveDateTime,
    },
    StaffInactive {
        at: NaiveDateTime,
        name: String,
    },
}

/// One line of the to-do list.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub kind: AlertKind,
    pub family_id: i64,
    /// What tells two protected families apart in the list.
    pub family_ref: String,
    pub family_name: String,
    /// A protected family is not named in the list (as in Week and the calendar).
    pub protection: Protection,
    pub area: Option<String>,
    pub detail: AlertDetail,
    pub date: Option<NaiveDate>,
    /// The visit the row is about, when it is one: its outcome to record, or to move.
    pub visit: Option<DayVisit>,
}

impl Alert {
    fn about(kind: AlertKind, v: &DayVisit, detail: AlertDetail) -> Alert {
        Alert {
            kind,
            family_id: v.family_id,
            family_ref: v.family_ref.clone(),
            family_name: v.family_name.clone(),
            protection: v.protection,
            area: v.area.clone(),
            detail,
            date: Some(v.start.date()),
            visit: Some(v.clone()),
        }
    }
}

/// One family's alerts after it changed (all kinds but double bookings), and its name and
/// protection now: the double bookings the to-do keeps of it take them, so that a family
/// protected a moment ago is not named there until the next whole read. `None` when the
/// family is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyAlerts {
    pub family_id: i64,
    pub family: Option<(String, Protection)>,
    pub rows: Vec<Alert>,
}

/// What the alerts are made from, as read.
#[derive(Debug)]
pub struct AlertInput<'a> {
    pub date: NaiveDate,
    pub children: &'a [ChildPlan],
    pub facts: &'a HashMap<i64, Vec<VisitFact>>,
    pub programmes: &'a [Programme],
    pub warning_days: u32,
    /// Planned visits with an interpreter need but none booked.
    pub missing_interpreter: Vec<DayVisit>,
    /// (staff name, the two visits) for each double booking.
    pub double_bookings: Vec<(String, DayVisit, DayVisit)>,
    /// Visits whose time has passed and that are still only booked.
    pub unrecorded: Vec<DayVisit>,
    /// (the person's name, the visit) for each booked visit with someone no longer active.
    pub inactive_staff: Vec<(String, DayVisit)>,
    /// (the leader's name, the session, the visit) for each leader booked in a visit and a
    /// parent-group session at once.
    pub session_clashes: Vec<(String, WeekSession, DayVisit)>,
}

/// The programme visits of these children that need the coordinator's attention, in the
/// children's order: a part of [`alerts`], for a to-do made a few thousand families at a time.
pub fn child_alerts(
    children: &[ChildPlan],
    facts: &HashMap<i64, Vec<VisitFact>>,
    programmes: &[Programme],
    date: NaiveDate,
    warning_days: u32,
) -> Vec<Alert> {
    let mut out = Vec::new();
    for child in children {
        let Some(programme) = programmes
            .iter()
            .find(|p| p.id == child.programme_id && p.version == child.programme_version)
        else {
            continue;
        };
        let facts = facts.get(&child.child_id).map_or(&[][..], Vec::as_slice);
        let entries = timeline(programme, child.birth_date, facts, date, warning_days);
        for (kind, e) in programme_alerts(&entries, date) {
            // Overdue: the window is still open, and closes on its last day.
            let day = if kind == AlertKind::Overdue {
                e.window.max
            } else {
                e.window.due
            };
            out.push(Alert {
                kind,
                family_id: child.family_id,
                family_ref: child.family_ref.clone(),
                family_name: child.family_name.clone(),
                protection: child.protection,
                area: child.area.clone(),
                detail: AlertDetail::Programme {
                    visit: e.name.clone(),
                    visit_en: e.name_en.clone(),
                    // A protected family's child is not named in the list, nor is the family.
                    child: (!child.protection.is_protected()).then(|| child.child_name.clone()),
                    day,
                    closes: e.window.max,
                    past_due: date > e.window.due,
                },
                date: Some(day),
                visit: None,
            });
        }
    }
    out
}

/// Every alert, most pressing first.
pub fn alerts(input: AlertInput<'_>) -> Vec<Alert> {
    let mut out = child_alerts(
        input.children,
        input.facts,
        input.programmes,
        input.date,
        input.warning_days,
    );
    for v in &input.missing_interpreter {
        let detail = AlertDetail::InterpreterMissing {
            at: v.start,
            language: v.interpreter_language.clone().unwrap_or_default(),
        };
        out.push(Alert::about(AlertKind::InterpreterMissing, v, detail));
    }
    for (staff, a, b) in input.double_bookings {
        let detail = AlertDetail::DoubleBooked {
            staff,
            first: a.start,
            second: b.start,
        };
        let mut alert = Alert::about(AlertKind::DoubleBooked, &b, detail);
        alert.date = Some(a.start.date());
        out.push(alert);
    }
    for (staff, session, v) in input.session_clashes {
        let detail = AlertDetail::SessionClash {
            staff,
            at: v.start,
            session,
        };
        out.push(Alert::about(AlertKind::DoubleBooked, &v, detail));
    }
    for v in &input.unrecorded {
        let detail = AlertDetail::NotRecorded { at: v.start };
        out.push(Alert::about(AlertKind::NotRecorded, v, detail));
    }
    for (name, v) in input.inactive_staff {
        let detail = AlertDetail::StaffInactive { at: v.start, name };
        out.push(Alert::about(AlertKind::StaffInactive, &v, detail));
    }
    out.sort_by(order);
    out
}

/// Most pressing first. Programme visits not booked come first, as what matters most for the
/// child: those overdue (past their due day, or closing within the warning days) before those
/// not yet due, each by how soon the window closes. A newborn visit a week late whose window
/// closes in days stands above a later visit whose window closes in weeks. The other kinds
/// follow in the order of [`AlertKind`], each by date; then the family.
pub fn order(a: &Alert, b: &Alert) -> std::cmp::Ordering {
    urgency(a).cmp(&urgency(b))
}

/// The key [`order`] sorts by: (group, not overdue, the day the window closes, date, family,
/// its id). A protected family's place among alerts of one day does not follow its name (it
/// would tell what the name begins with): it stands after the named ones. The id keeps alerts
/// alike in all else in one order, however the to-do was read.
fn urgency(
    a: &Alert,
) -> (
    AlertKind,
    bool,
    Option<NaiveDate>,
    Option<NaiveDate>,
    &str,
    i64,
) {
    let name = if a.protection.is_protected() {
        super::search::AFTER_EVERY_NAME
    } else {
        &a.family_name
    };
    match &a.detail {
        AlertDetail::Programme {
            closes, past_due, ..
        } => (
            AlertKind::Overdue,
            !(a.kind == AlertKind::Overdue || *past_due),
            Some(*closes),
            a.date,
            name,
            a.family_id,
        ),
        AlertDetail::InterpreterMissing { .. }
        | AlertDetail::DoubleBooked { .. }
        | AlertDetail::SessionClash { .. }
        | AlertDetail::NotRecorded { .. }
        | AlertDetail::StaffInactive { .. } => (a.kind, false, None, a.date, name, a.family_id),
    }
}

/// One person's two bookings at once: (staff, one, other).
pub type StaffPair = (i64, i64, i64);

/// Double bookings sorted out: (staff, visit, visit) for two visits at once, and (staff,
/// session, visit) for a leader in a visit and a session at once. Two sessions of one leader
/// are the series form's to prevent, not a to-do; a file row is never stored.
pub fn split_double_bookings(
    pairs: Vec<(i64, Booking, Booking)>,
) -> (Vec<StaffPair>, Vec<StaffPair>) {
    let (mut visits, mut sessions) = (Vec::new(), Vec::new());
    for (staff, a, b) in pairs {
        match (a, b) {
            (Booking::Visit(a), Booking::Visit(b)) => visits.push((staff, a, b)),
            (Booking::Session(s), Booking::Visit(v)) | (Booking::Visit(v), Booking::Session(s)) => {
                sessions.push((staff, s, v));
            }
            _ => {}
        }
    }
    (visits, sessions)
}

/// Twins' visits at one time are one trip, not a double booking.
pub fn one_trip(a: &DayVisit, b: &DayVisit) -> bool {
    a.family_id == b.family_id && a.start == b.start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin::builtin_programmes;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn goteborg() -> Programme {
        builtin_programmes()
            .unwrap()
            .into_iter()
            .find(|p| p.id == "goteborg")
            .unwrap()
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

    /// A newborn visit a week past its due day, whose window closes in 13 days, stands above
    /// a 15-month visit past its late age whose window closes in five weeks; a visit not yet
    /// due comes after both, though its window closes about when the second one's does.
    #[test]
    fn the_to_do_puts_what_is_most_pressing_for_the_child_first() {
        let programme = goteborg();
        let child = |family_id: i64, family: &str, born: NaiveDate| ChildPlan {
            family_id,
            family_ref: format!("D1-{family_id:05}"),
            family_name: family.into(),
            protection: Protection::None,
            area: None,
            child_id: family_id * 10,
            child_name: format!("Barn {family_id}"),
            birth_date: born,
            programme_id: programme.id.clone(),
            programme_version: programme.version,
        };
        let children = [
            child(1, "Familjen Ahmed", d(2025, 7, 11)),
            child(2, "Familjen Berg", d(2026, 10, 12)),
            child(3, "Familjen Cesar", d(2026, 11, 20)),
        ];
        let facts = HashMap::new();
        let listed = alerts(AlertInput {
            date: d(2026, 12, 7),
            children: &children,
            facts: &facts,
            programmes: std::slice::from_ref(&programme),
            warning_days: 0,
            missing_interpreter: Vec::new(),
            double_bookings: Vec::new(),
            unrecorded: Vec::new(),
            inactive_staff: Vec::new(),
            session_clashes: Vec::new(),
        });
        let rows: Vec<(&str, AlertKind, NaiveDate)> = listed
            .iter()
            .map(|a| match &a.detail {
                AlertDetail::Programme { visit, closes, .. } => (visit.as_str(), a.kind, *closes),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Nyföddhetsbesök", AlertKind::DueUnbooked, d(2026, 12, 20)),
                ("Hembesök 15 månader", AlertKind::Overdue, d(2027, 1, 11)),
                ("Hembesök 2 månader", AlertKind::DueUnbooked, d(2027, 1, 12)),
            ]
        );
    }

    /// Three children born the same day, so their visits are alike in all but the family: a
    /// protected family's stands after the named ones, not where its name would put it.
    #[test]
    fn a_protected_familys_visit_does_not_stand_where_its_name_would_put_it() {
        let programme = goteborg();
        let child = |family_id: i64, family: &str, protection| ChildPlan {
            family_id,
            family_ref: format!("D1-{family_id:05}"),
            family_name: family.into(),
            protection,
            area: None,
            child_id: family_id * 10,
            child_name: format!("Barn {family_id}"),
            birth_date: d(2026, 11, 30),
            programme_id: programme.id.clone(),
            programme_version: programme.version,
        };
        let children = [
            child(1, "Familjen Berg", Protection::None),
            child(2, "Familjen Ahmed", Protection::SkyddadFolkbokforing),
            child(3, "Familjen Cesar", Protection::None),
        ];
        let facts = HashMap::new();
        let mut listed = child_alerts(
            &children,
            &facts,
            std::slice::from_ref(&programme),
            d(2026, 12, 7),
            0,
        );
        assert_eq!(listed.len(), 3, "{listed:?}");
        listed.sort_by(order);
        let families: Vec<i64> = listed.iter().map(|a| a.family_id).collect();
        assert_eq!(families, [1, 3, 2]);
    }

    #[test]
    fn a_visit_and_a_session_at_once_is_a_clash_two_sessions_are_not_a_to_do() {
        let pairs = vec![
            (1, Booking::Visit(10), Booking::Visit(11)),
            (1, Booking::Session(5), Booking::Visit(12)),
            (2, Booking::Visit(13), Booking::Session(6)),
            (3, Booking::Session(7), Booking::Session(8)),
            (4, Booking::FileRow(2), Booking::Visit(14)),
        ];
        let (visits, sessions) = split_double_bookings(pairs);
        assert_eq!(visits, [(1, 10, 11)]);
        assert_eq!(sessions, [(1, 5, 12), (2, 6, 13)]);
    }
}
