//! What to read again after a write: only what a screen shows of what changed.
use crate::app::{FamilyEffect, StaffEffect, TodayEffect};

use super::{App, Effect, Screen};
use crate::domain::model::Changed;

impl App {
    /// What to read again after a change: only what a screen shows of it.
    pub(super) fn reload_after(&mut self, changed: Changed) -> Vec<Effect> {
        // Any change can move a figure of the report: the quarter shown is read again.
        let mut effects = self.report.invalidate(self.screen == Screen::Report);
        let family = match changed {
            Changed::Family(id) | Changed::FamilyVisits(id) => Some(id),
            Changed::Visits { family_id, .. } => Some(family_id),
            Changed::Staff | Changed::Group(_) => None,
        };
        if let Some(id) = family {
            effects.push(Effect::Family(FamilyEffect::Refresh(id)));
            // The list's page shows the family's name, area and status, and where it sorts.
            if self.families.loaded || self.families.requested {
                effects.push(self.families.load());
            }
        }
        match changed {
            Changed::Family(id) | Changed::FamilyVisits(id) => {
                effects.push(Effect::Today(TodayEffect::LoadFamilyAlerts(id)));
                // Today's rows show the family's name and area.
                if self
                    .today_view
                    .data
                    .visits
                    .iter()
                    .any(|v| v.family_id == id)
                {
                    effects.extend(self.today_view.reload());
                }
                // Leaving the programme cancelled visits: the week and other families' alerts
                // (a double booking may be gone) change too.
                if matches!(changed, Changed::FamilyVisits(_)) {
                    effects.push(Effect::Today(TodayEffect::LoadAlerts));
                }
                if matches!(changed, Changed::FamilyVisits(_))
                    && self.week.loaded
                    && self
                        .week
                        .pages
                        .iter()
                        .any(|p| p.visits.iter().any(|v| v.family_id == id))
                {
                    effects.extend(self.week.reload());
                }
            }
            Changed::Visits { days, .. } => {
                if days.iter().any(|d| self.today_view.shows_day(*d)) {
                    effects.extend(self.today_view.reload());
                }
                // A visit can end or make a double booking with another family's visit.
                effects.push(Effect::Today(TodayEffect::LoadAlerts));
                if let Some(week) = self.week.week
                    && self.week.loaded
                    && days.iter().any(|d| week.days().contains(d))
                {
                    effects.extend(self.week.reload());
                }
            }
            Changed::Group(id) => {
                effects.extend(self.groups_changed(id));
                // Today's group line and to-do (sessions without attendance, a leader booked
                // twice) and the week's sessions show the series too.
                effects.push(Effect::Today(TodayEffect::Load));
                effects.extend(self.today_view.reload());
                effects.push(Effect::Today(TodayEffect::LoadAlerts));
                if self.week.loaded {
                    effects.extend(self.week.reload());
                }
            }
            Changed::Staff => {
                effects.push(self.staff.load());
                if self.roster.loaded {
                    effects.push(Effect::Staff(StaffEffect::LoadRoster));
                }
                // Someone no longer active makes their booked visits to-dos.
                effects.push(Effect::Today(TodayEffect::LoadAlerts));
                // Names on the week's visits may have changed.
                if self.week.loaded {
                    effects.extend(self.week.reload());
                }
            }
        }
        effects
    }

    /// What to read again when someone else changed the file: what each screen already
    /// shows (its page, counts, Today's to-do and group line, an open family), nothing it
    /// has not. An open form keeps what is typed; its checks run again when it is saved.
    pub(super) fn reload_shown(&mut self) -> Vec<Effect> {
        let mut effects = self.report.invalidate(self.screen == Screen::Report);
        // Today's days and group line, then its page where the mark is.
        effects.push(Effect::Today(TodayEffect::Load));
        effects.extend(self.today_view.reload());
        effects.push(Effect::Today(TodayEffect::LoadAlerts));
        if self.week.loaded {
            effects.extend(self.week.reload());
        }
        // A page still on its way may have been read before the change: read it again.
        if self.families.loaded || self.families.requested {
            effects.push(self.families.load());
        }
        if let Some(page) = &self.family {
            effects.push(Effect::Family(FamilyEffect::Refresh(page.data.detail.id)));
        }
        if self.groups.loaded {
            effects.push(self.groups.reload());
        }
        if self.staff.loaded {
            effects.push(self.staff.load());
        }
        if self.roster.loaded {
            effects.push(Effect::Staff(StaffEffect::LoadRoster));
        }
        effects
    }
}
