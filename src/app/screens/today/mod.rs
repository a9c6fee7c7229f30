//! Idag / Today: today's and tomorrow's visits, the alerts, the next parent-group session.

mod update;
use crate::app::Intent;

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use crate::app::week::PAGE;
use crate::app::{Effect, Text, move_selection};
use crate::domain::calendar::is_working_day;
use crate::domain::enums::Protection;
use crate::domain::programme::Programme;
use crate::domain::timeline::{AlertKind, VisitFact, programme_alerts, timeline};
use crate::domain::views::{ChildPlan, DayVisit, SessionInfo};

/// One line of the alert list.
#[derive(Debug, Clone, PartialEq)]
pub struct AlertRow {
    pub kind: AlertKind,
    pub family_id: i64,
    pub family_name: String,
    /// A protected family is not named in the list (as in Week and the calendar).
    pub protection: Protection,
    pub area: Option<String>,
    /// What and when, e.g. the visit and its last day.
    pub detail: Text,
    pub date: Option<NaiveDate>,
    /// The visit the row is about, when it is one: its outcome to record, or to move.
    pub visit: Option<DayVisit>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Visits,
    Alerts,
}

#[derive(Debug, Default)]
pub struct TodayState {
    pub data: TodayData,
    pub loaded: bool,
    /// Every alert, most pressing first; `None` until the background read answers.
    pub alerts: Option<Vec<AlertRow>>,
    pub pane: Pane,
    pub visit_selected: usize,
    pub alert_selected: usize,
    /// The most pressing programme alert of each family, for the Families filter.
    pub due_by_family: HashMap<i64, AlertKind>,
}

impl TodayState {
    pub fn set(&mut self, data: TodayData) {
        self.data = data;
        self.loaded = true;
        self.keep_mark_read();
    }

    /// How many visits (trips) the list holds in all, read or not.
    pub fn total(&self) -> usize {
        self.data.counts.iter().sum()
    }

    /// Keeps the mark on the list, and on a visit that is read.
    fn keep_mark_read(&mut self) {
        let total = self.total();
        self.visit_selected = self.visit_selected.min(total.saturating_sub(1));
        let start = self.data.offset;
        let end = start + self.data.visits.len();
        if end > start && !(start..end).contains(&self.visit_selected) {
            self.visit_selected = self.visit_selected.clamp(start, end - 1);
        }
    }

    /// A part of the visits, read when the mark moved near the edge of what was read or after
    /// a change; the counts come with it.
    pub fn set_page(&mut self, page: TodayPage) {
        if !self.loaded
            || page.query.date != self.data.date
            || page.query.next_day != self.data.next_day
        {
            return;
        }
        self.data.counts = page.counts;
        self.data.offset = page.query.from;
        self.data.visits = page.visits;
        self.keep_mark_read();
    }

    fn query_from(&self, from: usize) -> TodayQuery {
        TodayQuery {
            date: self.data.date,
            next_day: self.data.next_day,
            from,
        }
    }

    /// Reads the part of the list on screen again (after a change), and the counts.
    pub fn reload(&self) -> Option<Effect> {
        self.loaded
            .then(|| Effect::Today(TodayEffect::LoadPage(self.query_from(self.data.offset))))
    }

    /// After the mark moved: read the part around it when it is not read, or when a screenful
    /// next to it is not.
    pub fn follow(&self) -> Vec<Effect> {
        if !self.loaded || self.pane != Pane::Visits {
            return Vec::new();
        }
        let margin = PAGE / 3;
        let start = self.data.offset;
        let read_end = start + self.data.visits.len();
        let short_before = start > 0 && self.visit_selected < start + margin;
        let short_after = read_end < self.total() && self.visit_selected + margin >= read_end;
        if !(short_before || short_after) {
            return Vec::new();
        }
        let from = self.visit_selected.saturating_sub(PAGE / 2);
        if from == start {
            return Vec::new();
        }
        vec![Effect::Today(TodayEffect::LoadPage(self.query_from(from)))]
    }

    pub fn set_alerts(&mut self, alerts: Vec<AlertRow>) {
        self.due_by_family.clear();
        for a in alerts
            .iter()
            .filter(|a| matches!(a.kind, AlertKind::Overdue | AlertKind::DueUnbooked))
        {
            let slot = self.due_by_family.entry(a.family_id).or_insert(a.kind);
            *slot = (*slot).min(a.kind);
        }
        self.alert_selected = self.alert_selected.min(alerts.len().saturating_sub(1));
        self.alerts = Some(alerts);
    }

    /// Replaces one family's alerts (all kinds but double bookings) after it changed.
    pub fn set_family_alerts(&mut self, family_id: i64, rows: Vec<AlertRow>) {
        let Some(current) = self.alerts.take() else {
            // The full list is still on its way and will include the change.
            return;
        };
        let mut alerts: Vec<AlertRow> = current
            .into_iter()
            .filter(|a| a.family_id != family_id || a.kind == AlertKind::DoubleBooked)
            .collect();
        alerts.extend(rows);
        alerts.sort_by(alert_order);
        self.set_alerts(alerts);
    }

    /// The visit marked in the visits pane, when that pane has focus.
    pub fn marked_visit(&self) -> Option<&DayVisit> {
        (self.pane == Pane::Visits)
            .then(|| {
                self.data
                    .visits
                    .get(self.visit_selected.checked_sub(self.data.offset)?)
            })
            .flatten()
    }

    pub fn alert_list(&self) -> &[AlertRow] {
        self.alerts.as_deref().unwrap_or_default()
    }

    /// The row marked in the to-do pane, when that pane has focus.
    pub fn marked_alert(&self) -> Option<&AlertRow> {
        (self.pane == Pane::Alerts)
            .then(|| self.alert_list().get(self.alert_selected))
            .flatten()
    }

    /// The visit whose outcome `o` records: the marked visit, or a "not recorded" row's.
    pub fn outcome_target(&self) -> Option<&DayVisit> {
        match self.pane {
            Pane::Visits => self.marked_visit(),
            Pane::Alerts => self
                .marked_alert()
                .filter(|a| a.kind == AlertKind::NotRecorded)
                .and_then(|a| a.visit.as_ref()),
        }
    }

    /// The visit `r` books again: the marked visit, or the booked visit a row about a missing
    /// interpreter, a double booking or someone no longer active is about.
    pub fn rebook_target(&self) -> Option<&DayVisit> {
        match self.pane {
            Pane::Visits => self.marked_visit(),
            Pane::Alerts => self
                .marked_alert()
                .filter(|a| {
                    matches!(
                        a.kind,
                        AlertKind::InterpreterMissing
                            | AlertKind::DoubleBooked
                            | AlertKind::StaffInactive
                    )
                })
                .and_then(|a| a.visit.as_ref()),
        }
    }

    /// The family whose due visit `n` proposes slots for: a row about a programme visit not
    /// booked.
    pub fn book_target(&self) -> Option<i64> {
        self.marked_alert()
            .filter(|a| matches!(a.kind, AlertKind::DueUnbooked | AlertKind::Overdue))
            .map(|a| a.family_id)
    }

    /// The session whose roll call `a` opens: today's first, else the oldest held one without
    /// attendance.
    pub fn roll_call_target(&self) -> Option<i64> {
        self.data
            .today_sessions
            .first()
            .or(self.data.unrecorded_sessions.first())
            .map(|s| s.session_id)
    }

    /// A mark was made at a session: it is no longer without attendance.
    pub fn session_marked(&mut self, session_id: i64) {
        self.data
            .unrecorded_sessions
            .retain(|s| s.session_id != session_id);
    }

    /// Whether `day` is one Today shows.
    pub fn shows_day(&self, day: NaiveDate) -> bool {
        day >= self.data.date && day <= self.data.next_day
    }

    /// Moves in the pane with focus; on `Open`, the family to open.
    pub fn handle(&mut self, action: &Intent) -> Option<i64> {
        match action {
            Intent::NextPane => {
                self.pane = match self.pane {
                    Pane::Visits => Pane::Alerts,
                    Pane::Alerts => Pane::Visits,
                };
                None
            }
            Intent::Open => match self.pane {
                Pane::Visits => self.marked_visit().map(|v| v.family_id),
                Pane::Alerts => self
                    .alert_list()
                    .get(self.alert_selected)
                    .map(|a| a.family_id),
            },
            other => {
                match self.pane {
                    Pane::Visits => {
                        self.visit_selected =
                            move_selection(self.visit_selected, self.total(), other, 8);
                    }
                    Pane::Alerts => {
                        self.alert_selected =
                            move_selection(self.alert_selected, self.alert_list().len(), other, 8);
                    }
                }
                None
            }
        }
    }
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

/// What the alerts are made from, read in the background.
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
    /// (the leader's name, the session's series and time, the visit) for each leader booked in
    /// a visit and a parent-group session at once.
    pub session_clashes: Vec<(String, String, DayVisit)>,
}

/// Every alert: programme visits overdue or due soon, interpreters missing, double bookings.
pub fn alerts(input: AlertInput<'_>) -> Vec<AlertRow> {
    let mut alerts = Vec::new();
    for child in input.children {
        let Some(programme) = input
            .programmes
            .iter()
            .find(|p| p.id == child.programme_id && p.version == child.programme_version)
        else {
            continue;
        };
        let facts = input
            .facts
            .get(&child.child_id)
            .map_or(&[][..], Vec::as_slice);
        let entries = timeline(
            programme,
            child.birth_date,
            facts,
            input.date,
            input.warning_days,
        );
        // A protected family's child is not named in the list, nor is the family.
        let whose = if child.protection.is_protected() {
            String::new()
        } else {
            format!(" · {}", child.child_name)
        };
        for (kind, e) in programme_alerts(&entries, input.date) {
            let (date, sv, en) = match kind {
                // The date first: it is what the coordinator sorts by and must not be cut off.
                AlertKind::Overdue => (
                    e.window.max,
                    format!("senast {} · {}{whose}", e.window.max, e.name),
                    // The window is still open: it closes on that day.
                    format!("closes {} · {}{whose}", e.window.max, e.name_en),
                ),
                _ => (
                    e.window.due,
                    format!("{} · {}{whose}", e.window.due, e.name),
                    format!("{} · {}{whose}", e.window.due, e.name_en),
                ),
            };
            alerts.push(AlertRow {
                kind,
                family_id: child.family_id,
                family_name: child.family_name.clone(),
                protection: child.protection,
                area: child.area.clone(),
                detail: Text::new(sv, en),
                date: Some(date),
                visit: None,
            });
        }
    }
    for v in input.missing_interpreter {
        let lang =
            crate::app::labels::language(v.interpreter_language.as_deref().unwrap_or_default());
        let when = v.start.format("%Y-%m-%d %H:%M");
        alerts.push(AlertRow {
            kind: AlertKind::InterpreterMissing,
            family_id: v.family_id,
            family_name: v.family_name.clone(),
            protection: v.protection,
            area: v.area.clone(),
            detail: Text::new(
                format!("{when}: ingen tolk bokad ({})", lang.sv),
                format!("{when}: no interpreter booked ({})", lang.en),
            ),
            date: Some(v.start.date()),
            visit: Some(v.clone()),
        });
    }
    for (name, a, b) in input.double_bookings {
        let detail = Text::new(
            format!(
                "{name}: {} och {}",
                a.start.format("%Y-%m-%d %H:%M"),
                b.start.format("%H:%M")
            ),
            format!(
                "{name}: {} and {}",
                a.start.format("%Y-%m-%d %H:%M"),
                b.start.format("%H:%M")
            ),
        );
        alerts.push(AlertRow {
            kind: AlertKind::DoubleBooked,
            family_id: b.family_id,
            family_name: b.family_name.clone(),
            protection: b.protection,
            area: b.area.clone(),
            detail,
            date: Some(a.start.date()),
            visit: Some(b.clone()),
        });
    }
    for (name, session, v) in input.session_clashes {
        let when = v.start.format("%Y-%m-%d %H:%M");
        alerts.push(AlertRow {
            kind: AlertKind::DoubleBooked,
            family_id: v.family_id,
            family_name: v.family_name.clone(),
            protection: v.protection,
            area: v.area.clone(),
            detail: Text::new(
                format!("{name}: {when} och gruppträffen {session}"),
                format!("{name}: {when} and the group session {session}"),
            ),
            date: Some(v.start.date()),
            visit: Some(v.clone()),
        });
    }
    for v in input.unrecorded {
        let when = v.start.format("%Y-%m-%d %H:%M");
        alerts.push(AlertRow {
            kind: AlertKind::NotRecorded,
            family_id: v.family_id,
            family_name: v.family_name.clone(),
            protection: v.protection,
            area: v.area.clone(),
            detail: Text::new(
                format!("{when}: registrera utfallet (o)"),
                format!("{when}: record the outcome (o)"),
            ),
            date: Some(v.start.date()),
            visit: Some(v.clone()),
        });
    }
    for (name, v) in input.inactive_staff {
        let when = v.start.format("%Y-%m-%d %H:%M");
        alerts.push(AlertRow {
            kind: AlertKind::StaffInactive,
            family_id: v.family_id,
            family_name: v.family_name.clone(),
            protection: v.protection,
            area: v.area.clone(),
            detail: Text::new(
                // What first: at 80 columns the name is what gets cut.
                format!("{when} · inte längre aktiv: {name}"),
                format!("{when} · no longer active: {name}"),
            ),
            date: Some(v.start.date()),
            visit: Some(v.clone()),
        });
    }
    alerts.sort_by(alert_order);
    alerts
}

/// Most pressing kind first, then by date and family.
fn alert_order(a: &AlertRow, b: &AlertRow) -> std::cmp::Ordering {
    (a.kind, a.date, &a.family_name).cmp(&(b.kind, b.date, &b.family_name))
}

/// Today's own keys.
#[derive(Debug, Clone, PartialEq)]
pub enum TodayIntent {
    /// The roll call of today's session, or of the oldest without attendance.
    RollCall,
}

/// Today's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum TodayMsg {
    /// Today's and the next working day's visits and the next session.
    Loaded(Box<TodayData>),
    /// Another part of Today's visits, with each day's count.
    PageLoaded(Box<TodayPage>),
    /// Every alert (read in the background: it looks at every active family).
    AlertsLoaded(Vec<AlertRow>),
    /// Every alert of one family, after it changed (all kinds but double bookings).
    FamilyAlertsLoaded(i64, Vec<AlertRow>),
}

/// What Today asks the runtime to read.
#[derive(Debug, Clone, PartialEq)]
pub enum TodayEffect {
    /// Today's and the next working day's visits and the next session.
    Load,
    /// A part of Today's visits from the query's `from`, and each day's count.
    LoadPage(TodayQuery),
    /// Every alert, read in the background.
    LoadAlerts,
    /// One family's alerts, after it changed.
    LoadFamilyAlerts(i64),
}
