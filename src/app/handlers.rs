//! Where each screen's keys lead: Today, Week, the Families list, a family's page and Staff.

use super::week::StaffPick;
use super::{Action, App, Effect, Modal, Question, Screen, Text, forms};

impl App {
    /// Whether `action` does something where the keys are now: the footer offers only those.
    pub fn offers(&self, action: &Action) -> bool {
        if self.top().is_some() {
            return true;
        }
        match (self.screen, action) {
            (Screen::Today, Action::RecordOutcome) => self.today_view.outcome_target().is_some(),
            (Screen::Today, Action::Rebook) => self.today_view.rebook_target().is_some(),
            (Screen::Today, Action::Book) => self.today_view.book_target().is_some(),
            (Screen::Today, Action::TodayRollCall) => self.today_view.roll_call_target().is_some(),
            (Screen::Today, Action::Open) => match self.today_view.pane {
                super::today::Pane::Visits => self.today_view.marked_visit().is_some(),
                super::today::Pane::Alerts => self.today_view.marked_alert().is_some(),
            },
            (Screen::Week, Action::RecordOutcome | Action::Rebook) => self.week.marked().is_some(),
            // The running quarter (or year) is the last there is.
            (Screen::Report, Action::NextQuarter) => self
                .report
                .quarter
                .is_none_or(|q| q < q.running(self.today)),
            (Screen::Report, Action::Open) => self.report.marked_missing().is_some(),
            _ => true,
        }
    }

    pub(super) fn handle_today(&mut self, action: &Action) -> Vec<Effect> {
        let view = &self.today_view;
        match action {
            Action::RecordOutcome => {
                if let Some(v) = view.outcome_target().cloned() {
                    self.open_form(forms::outcome(&v));
                }
                return Vec::new();
            }
            Action::Rebook => return view.rebook_target().map_or_else(Vec::new, rebook),
            Action::TodayRollCall => {
                return view
                    .roll_call_target()
                    .map(|id| vec![Effect::LoadRollCall(id)])
                    .unwrap_or_default();
            }
            Action::Book => {
                return view.book_target().map_or_else(Vec::new, |family_id| {
                    vec![Effect::LoadProposals {
                        family_id,
                        rebook: None,
                    }]
                });
            }
            _ => {}
        }
        match self.today_view.handle(action) {
            Some(family_id) => self.open_family(family_id),
            None => self.today_view.follow(),
        }
    }

    pub(super) fn handle_week(&mut self, action: &Action) -> Vec<Effect> {
        if *action == Action::PickStaff {
            self.push(Modal::PickStaff(StaffPick::default()));
            // Everyone who can have a week is offered, so the staff list is needed.
            return self.staff.ensure_loaded();
        }
        if *action == Action::BookOnDay {
            let day = self
                .week
                .week
                .and_then(|w| w.days().get(self.week.day).copied());
            if let Some(day) = day {
                self.book_on = Some(day);
                let mut effects = self.show(Screen::Families);
                self.family = None;
                self.families.start_search();
                self.message = Some(Text::new(
                    format!("Boka {day}: sök familjen och tryck Enter (Esc avbryter)."),
                    format!("Book on {day}: search for the family and press Enter (Esc cancels)."),
                ));
                effects.extend(self.families.ensure_loaded());
                return effects;
            }
        }
        match (action, self.week.marked().cloned()) {
            (Action::Open, Some(v)) => self.open_family(v.family_id),
            (Action::RecordOutcome, Some(v)) => {
                self.open_form(forms::outcome(&v));
                Vec::new()
            }
            (Action::Rebook, Some(v)) => rebook(&v),
            (other, _) => self.week.handle(other, self.today),
        }
    }

    pub(super) fn handle_families(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Back && self.book_on.take().is_some() {
            self.message = None;
        }
        match action {
            Action::New => {
                self.open_form(forms::new_family(&self.programme_options(), self.today));
                Vec::new()
            }
            Action::Open => match self.families.selected_id() {
                Some(id) => {
                    let mut effects = self.open_family(id);
                    if self.book_on.is_some() {
                        effects.push(Effect::LoadProposals {
                            family_id: id,
                            rebook: None,
                        });
                    }
                    effects
                }
                None => Vec::new(),
            },
            other => {
                self.families.handle(&other);
                Vec::new()
            }
        }
    }

    pub(super) fn open_family(&mut self, family_id: i64) -> Vec<Effect> {
        self.screen = Screen::Families;
        self.families.searching = false;
        let mut effects = self.families.ensure_loaded();
        effects.push(Effect::LoadFamily(family_id));
        effects
    }

    pub(super) fn handle_family_page(&mut self, action: &Action) -> Vec<Effect> {
        let Some(page) = self.family.as_mut() else {
            return Vec::new();
        };
        let detail = &page.data.detail;
        let id = detail.id;
        match action {
            Action::Back => {
                self.family = None;
                Vec::new()
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                page.scroll(action);
                Vec::new()
            }
            Action::Edit => {
                let mut form = forms::edit_family(detail);
                // As on the page: a protected family's address and phone wait for `r`.
                if detail.protection.is_protected() && !page.revealed {
                    for f in &mut form.fields {
                        if f.id == "address" || f.id == "phone" {
                            f.hidden = true;
                        }
                    }
                }
                self.open_form(form);
                Vec::new()
            }
            Action::AddCaregiver => {
                self.open_form(forms::add_caregiver(id));
                Vec::new()
            }
            Action::AddChild => {
                self.open_form(forms::add_child(id));
                Vec::new()
            }
            Action::EditCaregiver | Action::EditChild => {
                let form = if *action == Action::EditCaregiver {
                    forms::edit_caregiver(detail)
                } else {
                    forms::edit_child(detail)
                };
                match form {
                    Some(form) => self.open_form(form),
                    None => {
                        self.message = Some(if *action == Action::EditCaregiver {
                            Text::new(
                                "Familjen har ingen vårdnadshavare än; c lägger till en.",
                                "The family has no caregiver yet; c adds one.",
                            )
                        } else {
                            Text::new(
                                "Familjen har inget barn än; b lägger till ett.",
                                "The family has no child yet; b adds one.",
                            )
                        });
                    }
                }
                Vec::new()
            }
            Action::RecordConsent => {
                let first = detail
                    .caregivers
                    .first()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                self.open_form(forms::consent(id, &first, self.today, self.lang));
                Vec::new()
            }
            Action::Exit => {
                self.open_form(forms::exit(id));
                Vec::new()
            }
            Action::Activate | Action::Decline | Action::Pause => {
                use crate::domain::enums::FamilyStatus;
                use crate::domain::model::StatusChange;
                let status = match action {
                    Action::Activate => FamilyStatus::Active,
                    Action::Decline => FamilyStatus::Declined,
                    _ => FamilyStatus::Paused,
                };
                if detail.status == status {
                    self.message = Some(Text::new(
                        "Familjen har redan den statusen.",
                        "The family already has that status.",
                    ));
                } else {
                    let change = StatusChange {
                        status,
                        exit: None,
                        exit_note: None,
                        // Declining ends the plan; a pause asks next, an activation keeps all.
                        cancel_booked: status == FamilyStatus::Declined,
                        exited_on: None,
                    };
                    let booked = if status == FamilyStatus::Active {
                        Vec::new()
                    } else {
                        self.booked_of(id)
                    };
                    self.ask(Question::Status {
                        family_id: id,
                        change,
                        booked,
                    });
                }
                Vec::new()
            }
            Action::Book => vec![Effect::LoadProposals {
                family_id: id,
                rebook: None,
            }],
            Action::Reveal => {
                if detail.protection.is_protected() && !page.revealed {
                    vec![Effect::Reveal(id)]
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        }
    }

    pub(super) fn handle_staff(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::New => {
                self.open_form(forms::new_staff(self.lang));
                Vec::new()
            }
            Action::Edit | Action::Open => {
                self.staff.searching = false;
                if let Some(s) = self.staff.selected() {
                    self.open_form(forms::edit_staff(s, self.lang));
                }
                Vec::new()
            }
            other => {
                self.staff.handle(&other);
                Vec::new()
            }
        }
    }
}

/// `r` on a visit: a planned visit is moved; after it took place, was cancelled or missed, the
/// family's next visit is booked.
fn rebook(v: &crate::domain::views::DayVisit) -> Vec<Effect> {
    let moving = v.status == crate::domain::enums::VisitStatus::Planned;
    vec![Effect::LoadProposals {
        family_id: v.family_id,
        rebook: moving.then_some(v.visit_id),
    }]
}
