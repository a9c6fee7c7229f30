//! A form: labelled fields, one with focus, typed text kept whatever is wrong with it.
use crate::app::Intent;

use tui_input::{Input, InputRequest};

use super::{Key, Text};

mod id;
pub use id::FieldId;

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    Text,
    /// One of a fixed list: (stored value, label). Changed with ←/→ or Space.
    Choice(Vec<(String, Text)>),
    /// Any of a fixed list, ticked with Space; ←/→ move between the options (`choice` is the
    /// one marked). The value is the ticked stored values joined with `|`, kept in `input`.
    Checklist(Vec<(String, Text)>, Vec<bool>),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub id: FieldId,
    pub label: Text,
    pub kind: FieldKind,
    pub input: Input,
    pub choice: usize,
    pub required: bool,
    /// What is wrong with the value, shown next to the field.
    pub error: Option<Text>,
    /// How to write the value, shown while the field has focus.
    pub hint: Option<Text>,
    /// A protected family's address or phone, not shown nor typed into until revealed (`r`,
    /// written to the audit log); saving keeps it as it is.
    pub hidden: bool,
}

impl Field {
    pub fn text(id: FieldId, label: impl Into<Text>, value: &str) -> Self {
        Field {
            id,
            label: label.into(),
            kind: FieldKind::Text,
            input: Input::new(value.to_string()),
            choice: 0,
            required: false,
            error: None,
            hint: None,
            hidden: false,
        }
    }

    pub fn choice(
        id: FieldId,
        label: impl Into<Text>,
        options: Vec<(String, Text)>,
        selected: &str,
    ) -> Self {
        let choice = options.iter().position(|(v, _)| v == selected).unwrap_or(0);
        Field {
            choice,
            kind: FieldKind::Choice(options),
            ..Field::text(id, label, "")
        }
    }

    /// A checklist of `options`, none ticked.
    pub fn checklist(id: FieldId, label: impl Into<Text>, options: Vec<(String, Text)>) -> Self {
        let ticked = vec![false; options.len()];
        Field {
            kind: FieldKind::Checklist(options, ticked),
            ..Field::text(id, label, "")
        }
    }

    #[must_use]
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    #[must_use]
    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The typed text, the stored value of the chosen option, or the ticked values joined by `|`.
    pub fn value(&self) -> &str {
        match &self.kind {
            FieldKind::Text | FieldKind::Checklist(..) => self.input.value().trim(),
            FieldKind::Choice(options) => options.get(self.choice).map_or("", |(v, _)| v.as_str()),
        }
    }

    /// Whether typing `key` now replaces the whole text: the field is filled in and untouched
    /// since focus arrived, and the key types or deletes (moving the cursor keeps the text).
    fn replaces(&self, key: Key) -> bool {
        matches!(self.kind, FieldKind::Text)
            && !self.input.value().is_empty()
            && matches!(
                key,
                Key::Char(_) | Key::Backspace | Key::Delete | Key::Ctrl('u' | 'w')
            )
    }

    /// Types a key; `fresh`: the field is untouched since focus arrived, so a filled-in text is
    /// replaced by what is typed, as in the search box. Whether the value changed.
    fn type_key(&mut self, key: Key, fresh: bool, lang: crate::i18n::Lang) -> bool {
        if self.hidden {
            return false;
        }
        if fresh && self.replaces(key) {
            self.input = Input::default();
            if !matches!(key, Key::Char(_)) {
                return true;
            }
        }
        if let FieldKind::Checklist(options, ticked) = &mut self.kind {
            let n = options.len().max(1);
            match key {
                Key::Right => self.choice = (self.choice + 1) % n,
                Key::Left => self.choice = (self.choice + n - 1) % n,
                Key::Home => self.choice = 0,
                Key::End => self.choice = n - 1,
                // A letter jumps to the next option whose name (as shown) starts with it.
                Key::Char(c) if c != ' ' => {
                    let c = c.to_lowercase().to_string();
                    if let Some(next) = (1..=n).map(|step| (self.choice + step) % n).find(|i| {
                        options
                            .get(*i)
                            .is_some_and(|(_, l)| l.get(lang).to_lowercase().starts_with(&c))
                    }) {
                        self.choice = next;
                    }
                }
                Key::Char(' ') => {
                    if let Some(t) = ticked.get_mut(self.choice) {
                        *t = !*t;
                    }
                    let value: Vec<&str> = options
                        .iter()
                        .zip(ticked.iter())
                        .filter(|(_, t)| **t)
                        .map(|((v, _), _)| v.as_str())
                        .collect();
                    self.input = Input::new(value.join("|"));
                    return true;
                }
                _ => {}
            }
            return false;
        }
        if let FieldKind::Choice(options) = &self.kind {
            // Typing narrows the options to those whose label holds every typed word, as the
            // person picker in Week does; ←/→ then move among those.
            let typed = match key {
                Key::Char(c) if c != ' ' => self.input.handle(InputRequest::InsertChar(c)),
                Key::Backspace => self.input.handle(InputRequest::DeletePrevChar),
                Key::Ctrl('u') => self.input.handle(InputRequest::DeleteLine),
                _ => None,
            };
            let shown = choice_matches(options, self.input.value());
            let before = self.choice;
            let at = shown.iter().position(|i| *i == self.choice);
            let n = shown.len();
            if n > 0 {
                self.choice = match (key, at) {
                    (Key::Right | Key::Char(' '), Some(i)) => shown[(i + 1) % n],
                    (Key::Left, Some(i)) => shown[(i + n - 1) % n],
                    (_, Some(_)) if typed.is_none() => self.choice,
                    (_, Some(i)) => shown[i],
                    (_, None) => shown[0],
                };
            }
            return before != self.choice;
        }
        let Some(request) = super::search_box::edit(key) else {
            return false;
        };
        self.input.handle(request).is_some_and(|c| c.value)
    }
}

/// The indexes of the options whose label (in either language) holds every word of `typed`.
pub fn choice_matches(options: &[(String, Text)], typed: &str) -> Vec<usize> {
    let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
    options
        .iter()
        .enumerate()
        .filter(|(_, (_, label))| {
            let (sv, en) = (label.sv.to_lowercase(), label.en.to_lowercase());
            words.iter().all(|w| sv.contains(w) || en.contains(w))
        })
        .map(|(i, _)| i)
        .collect()
}

/// What a form is for, and so what saving it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    NewFamily,
    EditFamily(i64),
    AddCaregiver(i64),
    AddChild(i64),
    /// One of the family's caregivers, chosen in the form's first field.
    EditCaregiver(i64),
    /// One of the family's children, chosen in the form's first field.
    EditChild(i64),
    Consent(i64),
    Exit(i64),
    /// A family moving to a status (paused, declined, active), with the day it happened.
    Status(i64, crate::domain::enums::FamilyStatus),
    NewStaff,
    EditStaff(i64),
    /// What happened at a visit.
    Outcome(i64),
    /// Booking by hand, checked against the plan.
    ManualBooking,
    /// A new parent-group series and its sessions.
    NewSeries,
    /// A series' own fields and leaders (its sessions stay).
    EditSeries(i64),
    /// Cancelling a session, with a reason.
    CancelSession(i64),
    /// A family leaving a series.
    RemoveMember(i64),
    /// Writing the quarter's report to a file.
    ExportReport(crate::domain::period::Period),
}

#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub title: Text,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// The focused field is untouched since the form opened or focus arrived: typing replaces
    /// a filled-in text, moving the cursor keeps it.
    pub fresh: bool,
    /// Saving was tried: required fields left empty are now marked.
    pub tried: bool,
    /// Why saving failed, for the whole form.
    pub error: Option<Text>,
    /// Ids the fields stand for (e.g. which staff member each "came" field is about).
    pub refs: Vec<i64>,
    /// For booking by hand: what the booking is checked against.
    pub plan: Option<Box<super::booking::BookingPlan>>,
    /// What the form will do, shown where a field's hint goes when the field has none (the
    /// dates a new series will have).
    pub note: Option<Text>,
    /// The staff a form can name (a series' leaders).
    pub staff: Vec<crate::domain::model::Staff>,
    /// The areas a series can be in, and the area last chosen for it unasked (from its place or
    /// leaders): while the area is that one, it follows the place and the leaders.
    pub areas: Option<Box<(crate::domain::group_views::AreaChoices, Option<String>)>>,
    /// A family's status days as stored, which a status form's day is checked against.
    pub dates: crate::domain::status_dates::StatusDates,
    /// Fields put away while they mean nothing (who came, when no visit took place), their
    /// values kept for when they do again.
    pub shelved: Vec<Field>,
}

impl Form {
    /// Whether the field with focus is hidden until revealed.
    pub fn focus_hidden(&self) -> bool {
        self.fields.get(self.focus).is_some_and(|f| f.hidden)
    }

    /// Shows the hidden fields (after the reveal was written to the audit log).
    pub fn reveal(&mut self) {
        for f in &mut self.fields {
            f.hidden = false;
        }
    }

    pub fn new(kind: FormKind, title: Text, fields: Vec<Field>) -> Self {
        Form {
            kind,
            title,
            fields,
            focus: 0,
            dirty: false,
            fresh: true,
            tried: false,
            error: None,
            refs: Vec::new(),
            plan: None,
            note: None,
            staff: Vec::new(),
            areas: None,
            dates: crate::domain::status_dates::StatusDates::default(),
            shelved: Vec::new(),
        }
    }

    /// The field, when the form has it (some fields come with the form's data: an
    /// interpreter, a role, a caregiver's relation).
    pub fn field(&self, id: FieldId) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }

    pub fn field_mut(&mut self, id: FieldId) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.id == id)
    }

    pub fn has(&self, id: FieldId) -> bool {
        self.field(id).is_some()
    }

    /// The value of a field the form has. Asking for one it does not have is a mistake in the
    /// code that asks, loud in tests; a build without assertions reads it as empty.
    pub fn value(&self, id: FieldId) -> &str {
        debug_assert!(self.has(id), "{:?} has no field {id:?}", self.kind);
        self.field(id).map_or("", Field::value)
    }

    /// The value of a field the form may not have.
    pub fn value_of(&self, id: FieldId) -> Option<&str> {
        self.field(id).map(Field::value)
    }

    /// Replaces a text field's content (the cursor goes to its end), as a form does when one
    /// field follows another.
    pub fn set_text(&mut self, id: FieldId, value: &str) {
        debug_assert!(self.has(id), "{:?} has no field {id:?}", self.kind);
        if let Some(f) = self.field_mut(id) {
            f.input = Input::new(value.to_string());
        }
    }

    pub fn set_error(&mut self, id: FieldId, error: Option<Text>) {
        debug_assert!(self.has(id), "{:?} has no field {id:?}", self.kind);
        if let Some(f) = self.field_mut(id) {
            f.error = error;
        }
    }

    /// Moves focus to field `index`; what is in it is selected, for typing to replace.
    pub fn focus_on(&mut self, index: usize) {
        self.focus = index;
        self.fresh = true;
    }

    /// Whether the focused field shows its text selected: typing will replace it.
    pub fn focus_selected(&self) -> bool {
        self.fresh
            && self
                .fields
                .get(self.focus)
                .is_some_and(|f| !f.hidden && f.replaces(Key::Char(' ')))
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Moves focus or types into the focused field; validation follows in `forms`.
    pub fn handle(&mut self, action: &Intent, today: chrono::NaiveDate, lang: crate::i18n::Lang) {
        let n = self.fields.len().max(1);
        match action {
            Intent::NextField | Intent::PrevField => {
                // What narrowed a choice is done with once the field is left.
                if let Some(f) = self.fields.get_mut(self.focus)
                    && matches!(f.kind, FieldKind::Choice(_))
                {
                    f.input = Input::default();
                }
                self.focus_on(if *action == Intent::NextField {
                    (self.focus + 1) % n
                } else {
                    (self.focus + n - 1) % n
                });
            }
            Intent::Type(key) => {
                let fresh = std::mem::take(&mut self.fresh);
                if let Some(field) = self.fields.get_mut(self.focus)
                    && field.type_key(*key, fresh, lang)
                {
                    self.dirty = true;
                    self.error = None;
                    super::forms::validate(self, today);
                }
            }
            _ => {}
        }
    }
}
