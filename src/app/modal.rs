//! The modal stack: what is open over the screen (help, a question, a form, a picker) and how
//! each answers its keys. The top of the stack has the keys, `Esc` closes it, and the view draws
//! the stack from the bottom up; this is the one place that decides what is in front.
use crate::app::{FamilyEffect, FamilyIntent, Intent, StaffEffect, VisitEffect};

use super::booking::{BookingRequest, BookingState};
use super::family::BookedVisit;
use super::form::{FieldId, Form};
use super::groups::{MemberPick, RollCallState};
use super::keymap::{Scope, keys_for};
use super::week::StaffPick;
use super::{App, Effect, forms};
use crate::domain::enums::FamilyStatus;
use crate::domain::model::StatusChange;

/// A question waiting for y or n.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Quit although a form holds unsaved input.
    QuitUnsaved,
    /// Close a form and lose what was typed.
    DiscardForm,
    /// Book the marked proposal.
    Book(Box<BookingRequest>),
    /// Change a family's status; `booked` lists the visits the change cancels (exit, decline) or
    /// may cancel (pause, asked next).
    Status {
        family_id: i64,
        change: StatusChange,
        booked: Vec<BookedVisit>,
    },
    /// Save a staff member as not active although visits are booked for them (listed).
    DeactivateStaff {
        id: i64,
        staff: Box<crate::domain::model::NewStaff>,
        visits: Vec<crate::domain::views::DayVisit>,
    },
    /// Remove one of a family's people (named).
    RemovePerson {
        family_id: i64,
        person: Person,
        name: String,
    },
    /// After a pause was confirmed: whether its booked visits are cancelled (y) or kept (n);
    /// Esc takes the pause back.
    CancelBooked {
        family_id: i64,
        change: StatusChange,
        booked: Vec<BookedVisit>,
    },
}

/// One of a family's people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    Caregiver(i64),
    Child(i64),
}

/// Something open over the screen.
#[derive(Debug)]
pub enum Modal {
    /// The keys of what is under it, from the keymap.
    Help,
    Question(Question),
    Form(Form),
    /// Proposed slots to choose from.
    Booking(BookingState),
    /// Choosing whose week Week shows; drawn in Week's header, where the name goes.
    PickStaff(StaffPick),
    /// Marking who came to a session.
    RollCall(RollCallState),
    /// Choosing suggested families for a series.
    PickMembers(MemberPick),
}

impl Modal {
    /// Where keys go while this is on top, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self {
            Modal::Help => vec![Scope::Help],
            Modal::Question(_) => vec![Scope::Confirm],
            Modal::Form(_) => vec![Scope::Form],
            Modal::Booking(_) => vec![Scope::Booking, Scope::List],
            Modal::PickStaff(_) => vec![Scope::PickStaff],
            Modal::RollCall(_) => vec![Scope::RollCall, Scope::List],
            Modal::PickMembers(_) => vec![Scope::PickMembers, Scope::List],
        }
    }

    /// Whether closing it would lose typed input.
    pub fn has_unsaved_input(&self) -> bool {
        match self {
            Modal::Form(form) => form.dirty,
            Modal::Help
            | Modal::Question(_)
            | Modal::Booking(_)
            | Modal::PickStaff(_)
            | Modal::RollCall(_)
            | Modal::PickMembers(_) => false,
        }
    }
}

/// Reading and changing the stack.
impl App {
    /// What is open, bottom first.
    pub fn modals(&self) -> &[Modal] {
        &self.modals
    }

    /// What has the keys, if anything is open.
    pub fn top(&self) -> Option<&Modal> {
        self.modals.last()
    }

    /// Opens `modal` in front of everything.
    pub fn push(&mut self, modal: Modal) {
        self.modals.push(modal);
    }

    /// Closes what is in front.
    pub fn pop(&mut self) -> Option<Modal> {
        self.modals.pop()
    }

    /// Closes everything that is open.
    pub fn close_all(&mut self) {
        self.modals.clear();
    }

    pub fn help_open(&self) -> bool {
        self.modals.iter().any(|m| matches!(m, Modal::Help))
    }

    /// The frontmost question.
    pub fn question(&self) -> Option<&Question> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Question(q) => Some(q),
            _ => None,
        })
    }

    /// The frontmost form.
    pub fn form(&self) -> Option<&Form> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Form(f) => Some(f),
            _ => None,
        })
    }

    pub fn form_mut(&mut self) -> Option<&mut Form> {
        self.modals.iter_mut().rev().find_map(|m| match m {
            Modal::Form(f) => Some(f),
            _ => None,
        })
    }

    /// The frontmost list of proposed slots.
    pub fn booking(&self) -> Option<&BookingState> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::Booking(b) => Some(b),
            _ => None,
        })
    }

    /// Closes the frontmost list of proposed slots and hands it over.
    pub fn take_booking(&mut self) -> Option<BookingState> {
        let at = self
            .modals
            .iter()
            .rposition(|m| matches!(m, Modal::Booking(_)))?;
        match self.modals.remove(at) {
            Modal::Booking(b) => Some(b),
            _ => None,
        }
    }

    /// The staff picker, while choosing whose week Week shows.
    pub fn staff_pick(&self) -> Option<&StaffPick> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::PickStaff(p) => Some(p),
            _ => None,
        })
    }

    pub(super) fn open_form(&mut self, form: Form) {
        self.push(Modal::Form(form));
    }

    pub(super) fn ask(&mut self, question: Question) {
        self.push(Modal::Question(question));
    }

    /// Closes the frontmost form.
    fn close_form(&mut self) {
        if let Some(at) = self
            .modals
            .iter()
            .rposition(|m| matches!(m, Modal::Form(_)))
        {
            self.modals.remove(at);
        }
    }

    /// After a write: the form, slot list or member picker it came from is done.
    pub(super) fn close_writers(&mut self) {
        self.modals.retain(|m| {
            !matches!(
                m,
                Modal::Form(_) | Modal::Booking(_) | Modal::PickMembers(_)
            )
        });
    }

    /// The open roll call.
    pub fn roll_call(&self) -> Option<&RollCallState> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::RollCall(r) => Some(r),
            _ => None,
        })
    }

    pub(super) fn roll_call_mut(&mut self) -> Option<&mut RollCallState> {
        self.modals.iter_mut().rev().find_map(|m| match m {
            Modal::RollCall(r) => Some(r),
            _ => None,
        })
    }

    /// The open member picker.
    pub fn member_pick(&self) -> Option<&MemberPick> {
        self.modals.iter().rev().find_map(|m| match m {
            Modal::PickMembers(p) => Some(p),
            _ => None,
        })
    }

    /// Sends an action to what is in front.
    pub(super) fn route_modal(&mut self, action: Intent) -> Vec<Effect> {
        let Some(top) = self.modals.last() else {
            return Vec::new();
        };
        // The arms bind nothing, so each handler may take the stack again.
        match top {
            Modal::Help => {
                if action == Intent::Back {
                    self.pop();
                }
                Vec::new()
            }
            Modal::Question(_) => match self.pop() {
                // The question's keys answer it (no other key reaches it): only Yes is yes, but
                // for a pause's second question (`answer`).
                Some(Modal::Question(q)) => self.answer(&q, &action),
                _ => Vec::new(),
            },
            Modal::Form(_) => self.handle_form(action),
            Modal::Booking(_) => self.handle_booking(action),
            Modal::PickStaff(_) => self.handle_pick(&action),
            Modal::RollCall(_) => self.handle_roll_call(&action),
            Modal::PickMembers(_) => self.handle_pick_members(&action),
        }
    }

    fn answer(&mut self, question: &Question, action: &Intent) -> Vec<Effect> {
        // Only a pause's second question has two answers that do something (the pause was
        // confirmed): yes cancels the booked visits, no keeps them; Esc takes the pause back,
        // and nothing changes.
        if let Question::CancelBooked {
            family_id, change, ..
        } = question
        {
            if !matches!(action, Intent::Yes | Intent::No) {
                return Vec::new();
            }
            let mut change = change.clone();
            change.cancel_booked = *action == Intent::Yes;
            return vec![Effect::Family(FamilyEffect::SetStatus {
                family_id: *family_id,
                change,
            })];
        }
        if *action != Intent::Yes {
            return Vec::new();
        }
        match question {
            Question::QuitUnsaved => vec![Effect::Quit],
            Question::DiscardForm => {
                self.close_form();
                Vec::new()
            }
            Question::Book(request) => vec![Effect::Visit(VisitEffect::Book(request.clone()))],
            Question::Status {
                family_id,
                change,
                booked,
            } => {
                if change.status == FamilyStatus::Paused && !booked.is_empty() {
                    self.ask(Question::CancelBooked {
                        family_id: *family_id,
                        change: change.clone(),
                        booked: booked.clone(),
                    });
                    return Vec::new();
                }
                vec![Effect::Family(FamilyEffect::SetStatus {
                    family_id: *family_id,
                    change: change.clone(),
                })]
            }
            Question::DeactivateStaff { id, staff, .. } => vec![Effect::Staff(StaffEffect::Save {
                id: Some(*id),
                staff: staff.clone(),
            })],
            Question::RemovePerson {
                family_id, person, ..
            } => vec![match *person {
                Person::Caregiver(caregiver_id) => Effect::Family(FamilyEffect::RemoveCaregiver {
                    family_id: *family_id,
                    caregiver_id,
                }),
                Person::Child(child_id) => Effect::Family(FamilyEffect::RemoveChild {
                    family_id: *family_id,
                    child_id,
                }),
            }],
            Question::CancelBooked { .. } => Vec::new(),
        }
    }

    fn handle_form(&mut self, action: Intent) -> Vec<Effect> {
        let (today, lang) = (self.today, self.lang);
        let Some(Modal::Form(form)) = self.modals.last_mut() else {
            return Vec::new();
        };
        match action {
            Intent::Back => {
                if form.dirty {
                    self.ask(Question::DiscardForm);
                } else {
                    self.pop();
                }
                Vec::new()
            }
            Intent::Save => match forms::submit(form, today) {
                // Leaving the programme: the question lists the visits it cancels.
                Some(Effect::Family(FamilyEffect::SetStatus { family_id, change }))
                    if change.cancel_booked && !self.booked_of(family_id).is_empty() =>
                {
                    let booked = self.booked_of(family_id);
                    self.ask(Question::Status {
                        family_id,
                        change,
                        booked,
                    });
                    Vec::new()
                }
                // A pause: whether its booked visits are cancelled too.
                Some(Effect::Family(FamilyEffect::SetStatus { family_id, change }))
                    if change.status == FamilyStatus::Paused
                        && !self.booked_of(family_id).is_empty() =>
                {
                    let booked = self.booked_of(family_id);
                    self.ask(Question::CancelBooked {
                        family_id,
                        change,
                        booked,
                    });
                    Vec::new()
                }
                // Deactivating someone: first the visits booked for them, to ask about.
                Some(Effect::Staff(StaffEffect::Save {
                    id: Some(id),
                    staff,
                })) if !staff.active && self.staff_is_active(id) => {
                    vec![Effect::Staff(StaffEffect::LoadBookings { id, staff })]
                }
                Some(effect) => vec![effect],
                None => Vec::new(),
            },
            Intent::Remove => {
                let (family_id, kind) = match form.kind {
                    super::form::FormKind::EditCaregiver(f) => {
                        (f, Person::Caregiver as fn(i64) -> Person)
                    }
                    super::form::FormKind::EditChild(f) => (f, Person::Child as fn(i64) -> Person),
                    _ => return Vec::new(),
                };
                let Some(id) = forms::person_of(form) else {
                    return Vec::new();
                };
                let name = form
                    .field(FieldId::Who)
                    .and_then(|f| match &f.kind {
                        super::form::FieldKind::Choice(o) => o.get(f.choice),
                        _ => None,
                    })
                    .map(|(_, label)| label.sv.clone())
                    .unwrap_or_default();
                self.ask(Question::RemovePerson {
                    family_id,
                    person: kind(id),
                    name,
                });
                Vec::new()
            }
            // On a hidden address or phone, the page's key shows them, logged as on the page.
            Intent::Type(key)
                if form.focus_hidden()
                    && keys_for(Scope::FamilyPage, &Intent::Family(FamilyIntent::Reveal))
                        .contains(&key) =>
            {
                match form.kind {
                    super::form::FormKind::EditFamily(id) => {
                        vec![Effect::Family(FamilyEffect::Reveal(id))]
                    }
                    _ => Vec::new(),
                }
            }
            other => {
                let before = forms::person_of(form);
                form.handle(&other, today, lang);
                // Another person chosen: the fields show what is stored about them.
                if before != forms::person_of(form)
                    && let Some(page) = self.family.as_ref()
                {
                    forms::refill_person(form, &page.data.detail);
                    forms::validate(form, today);
                }
                Vec::new()
            }
        }
    }

    /// Whether the person, as last read (the Staff list's page, else the roster), is active.
    fn staff_is_active(&self, id: i64) -> bool {
        match self.staff.rows.iter().find(|s| s.id == id) {
            Some(s) => s.active,
            None => self.roster.is_active(id),
        }
    }

    /// The family's visits booked from now on, as its open page knows them.
    pub(super) fn booked_of(&self, family_id: i64) -> Vec<BookedVisit> {
        self.family
            .as_ref()
            .filter(|p| p.data.detail.id == family_id)
            .map(|p| p.data.booked.clone())
            .unwrap_or_default()
    }

    fn handle_pick(&mut self, action: &Intent) -> Vec<Effect> {
        let Some(Modal::PickStaff(pick)) = self.modals.last_mut() else {
            return Vec::new();
        };
        let (effects, done) = self.week.handle_pick(pick, &self.roster.list, action);
        if done {
            self.pop();
        }
        effects
    }
}
