//! Where a family's page's keys lead, and what its answers from the runtime change.

use crate::app::form::FieldId;
use crate::app::keymap::{Scope, key_for};
use crate::app::{
    App, Effect, FamilyEffect, FamilyIntent, FamilyMsg, Intent, Modal, Question, VisitEffect, form,
    forms,
};
use crate::i18n::screens as w;

impl App {
    pub(crate) fn handle_family_page(&mut self, action: &Intent) -> Vec<Effect> {
        let Some(page) = self.family.as_mut() else {
            return Vec::new();
        };
        let detail = &page.data.detail;
        let id = detail.id;
        match action {
            Intent::Back => {
                self.family = None;
                // Back where it was opened from: Today, Week, Groups or the Report.
                match self.family_from.take() {
                    Some(screen) => {
                        self.screen = screen;
                        Vec::new()
                    }
                    None => Vec::new(),
                }
            }
            Intent::Up
            | Intent::Down
            | Intent::PageUp
            | Intent::PageDown
            | Intent::Top
            | Intent::Bottom => {
                page.scroll(action);
                Vec::new()
            }
            Intent::Edit => {
                let mut form = forms::edit_family(detail, self.lang);
                // As on the page: a protected family's address and phone wait for `r`.
                if detail.protection.is_protected() && !page.revealed {
                    for f in &mut form.fields {
                        if matches!(f.id, FieldId::Address | FieldId::Phone) {
                            f.hidden = true;
                        }
                    }
                }
                self.open_form(form);
                Vec::new()
            }
            Intent::Family(FamilyIntent::AddCaregiver) => {
                self.open_form(forms::add_caregiver(id));
                Vec::new()
            }
            Intent::Family(FamilyIntent::AddChild) => {
                self.open_form(forms::add_child(id));
                Vec::new()
            }
            Intent::Family(FamilyIntent::EditCaregiver | FamilyIntent::EditChild) => {
                let form = if *action == Intent::Family(FamilyIntent::EditCaregiver) {
                    forms::edit_caregiver(detail)
                } else {
                    forms::edit_child(detail)
                };
                match form {
                    Some(form) => self.open_form(form),
                    None => {
                        self.message =
                            Some(if *action == Intent::Family(FamilyIntent::EditCaregiver) {
                                let add = Intent::Family(FamilyIntent::AddCaregiver);
                                w::no_caregiver_yet(&key_for(Scope::FamilyPage, &add))
                            } else {
                                let add = Intent::Family(FamilyIntent::AddChild);
                                w::no_child_yet(&key_for(Scope::FamilyPage, &add))
                            });
                    }
                }
                Vec::new()
            }
            Intent::Family(FamilyIntent::RecordConsent) => {
                let first = detail
                    .caregivers
                    .first()
                    .map(|c| c.name.clone())
                    .unwrap_or_default();
                self.open_form(forms::consent(id, &first, self.today, self.lang));
                Vec::new()
            }
            Intent::Family(FamilyIntent::Exit) => {
                let form = forms::exit(detail);
                self.open_form(form);
                Vec::new()
            }
            Intent::Family(
                FamilyIntent::Activate | FamilyIntent::Decline | FamilyIntent::Pause,
            ) => {
                use crate::domain::enums::FamilyStatus;
                use crate::domain::model::StatusChange;
                use crate::domain::status_dates::StatusDay;
                let status = match action {
                    Intent::Family(FamilyIntent::Activate) => FamilyStatus::Active,
                    Intent::Family(FamilyIntent::Decline) => FamilyStatus::Declined,
                    _ => FamilyStatus::Paused,
                };
                let day = StatusDay::of(status);
                if detail.status == status {
                    // The status stays; its day may be wrong: the edit form, on that day.
                    let mut form = forms::edit_family(detail, self.lang);
                    if let Some(at) = form
                        .fields
                        .iter()
                        .position(|f| f.id == forms::day_field(day))
                    {
                        form.focus_on(at);
                    }
                    self.open_form(form);
                    self.message = Some(w::ALREADY_THAT_STATUS.into());
                } else if status == FamilyStatus::Active && detail.enrolled_on.is_some() {
                    // Back from a pause or a decline: the first enrolment's day stays, so
                    // there is no day to ask; only whether.
                    self.ask(Question::Status {
                        family_id: id,
                        change: StatusChange {
                            status,
                            exit: None,
                            exit_note: None,
                            cancel_booked: false,
                            since: None,
                        },
                        booked: Vec::new(),
                    });
                } else {
                    let form = forms::status(detail, status);
                    self.open_form(form);
                }
                Vec::new()
            }
            Intent::Book => vec![Effect::Visit(VisitEffect::LoadProposals {
                family_id: id,
                rebook: None,
            })],
            Intent::Family(FamilyIntent::Reveal) => {
                if detail.protection.is_protected() && !page.revealed {
                    vec![Effect::Family(FamilyEffect::Reveal(id))]
                } else {
                    Vec::new()
                }
            }
            _ => Vec::new(),
        }
    }

    /// A family's page's answers from the runtime.
    pub(crate) fn receive_family(&mut self, msg: FamilyMsg) -> Vec<Effect> {
        match msg {
            FamilyMsg::Loaded(data) => {
                let revealed = self
                    .family
                    .as_ref()
                    .is_some_and(|p| p.revealed && p.data.detail.id == data.detail.id);
                self.family = Some(super::FamilyPage::new(*data, revealed));
            }
            FamilyMsg::Revealed(id) => {
                if let Some(page) = self.family.as_mut().filter(|p| p.data.detail.id == id) {
                    page.revealed = true;
                }
                for m in &mut self.modals {
                    if let Modal::Form(form) = m
                        && form.kind == form::FormKind::EditFamily(id)
                    {
                        form.reveal();
                    }
                }
            }
        }
        Vec::new()
    }
}
