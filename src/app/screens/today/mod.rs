//! Idag / Today: today's and tomorrow's visits, the alerts, the next parent-group session.

mod update;
use crate::app::Intent;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::app::{Effect, move_selection};
pub use crate::domain::alerts::Alert;
pub use crate::domain::alerts::FamilyAlerts;
use crate::domain::alerts::{AlertKind, order};
pub use crate::domain::days::{
    PAGE, TodayData, TodayPage, TodayQuery, merge_twins, next_working_day, today_data,
};
use crate::domain::views::DayVisit;

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
    pub alerts: Option<Vec<Alert>>,
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

    pub fn set_alerts(&mut self, alerts: Vec<Alert>) {
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

    /// Replaces one family's alerts (all kinds but double bookings) after it changed. Its
    /// double bookings are kept, under its name and protection now: a family just protected is
    /// no longer named in them, and those of a family that is gone go.
    pub fn set_family_alerts(&mut self, changed: FamilyAlerts) {
        let Some(current) = self.alerts.take() else {
            // The full list is still on its way and will include the change.
            return;
        };
        let FamilyAlerts {
            family_id,
            family,
            rows,
        } = changed;
        let mut alerts: Vec<Alert> = current
            .into_iter()
            .filter_map(|mut a| {
                if a.family_id != family_id {
                    return Some(a);
                }
                if a.kind != AlertKind::DoubleBooked {
                    return None;
                }
                let (name, protection) = family.clone()?;
                if let Some(v) = &mut a.visit {
                    v.family_name.clone_from(&name);
                    v.protection = protection;
                }
                a.family_name = name;
                a.protection = protection;
                Some(a)
            })
            .collect();
        alerts.extend(rows);
        alerts.sort_by(order);
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

    pub fn alert_list(&self) -> &[Alert] {
        self.alerts.as_deref().unwrap_or_default()
    }

    /// The row marked in the to-do pane, when that pane has focus.
    pub fn marked_alert(&self) -> Option<&Alert> {
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
    AlertsLoaded(Vec<Alert>),
    /// Every alert of one family, after it changed (all kinds but double bookings), and its
    /// name and protection now.
    FamilyAlertsLoaded(Box<FamilyAlerts>),
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
