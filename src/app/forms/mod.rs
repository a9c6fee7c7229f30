//! The forms: what each asks, how each field is checked as it is typed, and what saving does.

mod booking;
mod family;
mod group;
mod people;
mod report;
mod staff;
mod status;
mod visit;

use chrono::{Days, NaiveDate};

pub use booking::manual;
pub use family::{consent, edit_family, new_family};
pub use group::{cancel_session, edit_series, new_series, remove_member};
pub use people::{add_caregiver, add_child, edit_caregiver, edit_child, person_of, refill_person};
pub use report::export;
pub use staff::{edit_staff, new_staff};
pub use status::{day_field, exit, status};
pub use visit::outcome;

use super::Text;
use super::action::Effect;
use super::form::{FieldId, Form, FormKind};
use crate::domain::identity::{IdKind, IdentityNumber, parse_identity};
use crate::i18n::forms as w;

/// Checks every field of the form and notes what is wrong next to each.
pub fn validate(form: &mut Form, today: NaiveDate) {
    for f in &mut form.fields {
        f.error = None;
    }
    match form.kind {
        FormKind::NewFamily
        | FormKind::EditFamily(_)
        | FormKind::AddCaregiver(_)
        | FormKind::AddChild(_)
        | FormKind::EditCaregiver(_)
        | FormKind::EditChild(_)
        | FormKind::Consent(_)
        | FormKind::Exit(_)
        | FormKind::Status(..) => {
            family::validate(form, today);
        }
        FormKind::NewStaff | FormKind::EditStaff(_) => staff::validate(form),
        FormKind::Outcome(_) => visit::validate(form),
        FormKind::ManualBooking => booking::validate(form),
        FormKind::NewSeries | FormKind::EditSeries(_) => group::validate(form),
        FormKind::ExportReport(_) => report::validate(form),
        FormKind::CancelSession(_) | FormKind::RemoveMember(_) => {}
    }
    if form.tried {
        let missing: Vec<FieldId> = form
            .fields
            .iter()
            .filter(|f| f.required && f.value().is_empty() && f.error.is_none())
            .map(|f| f.id)
            .collect();
        for id in missing {
            form.set_error(id, Some(w::REQUIRED.into()));
        }
    }
}

/// Validates everything, marking empty required fields too; the effect that saves, or nothing
/// (the form stays open, all typed text kept, with the problems marked).
pub fn submit(form: &mut Form, today: NaiveDate) -> Option<Effect> {
    form.tried = true;
    validate(form, today);
    if form.has_errors() {
        form.error = Some(w::FIX_MARKED.into());
        // Focus moves to the first problem (its text selected, as focus arriving selects it);
        // on the field being typed in, the typing goes on where it was.
        if let Some(first) = form.fields.iter().position(|f| f.error.is_some())
            && first != form.focus
        {
            form.focus_on(first);
        }
        return None;
    }
    match form.kind {
        FormKind::NewStaff | FormKind::EditStaff(_) => staff::build(form),
        FormKind::Outcome(_) => visit::build(form),
        FormKind::ManualBooking => booking::build(form),
        FormKind::NewSeries => group::build(form),
        FormKind::EditSeries(_) => group::build_edit(form),
        FormKind::CancelSession(_) => group::build_cancel(form),
        FormKind::RemoveMember(_) => group::build_remove(form),
        FormKind::ExportReport(quarter) => report::build(form, quarter),
        _ => family::build(form, today),
    }
}

/// A date typed as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<NaiveDate, Text> {
    crate::domain::calendar::parse_day(text)
        .map_err(|e| crate::i18n::input::date_error_text(e, text))
}

/// A birth date, or an expected date at most ten months ahead.
pub fn parse_birth_date(text: &str, today: NaiveDate) -> Result<NaiveDate, Text> {
    let date = parse_date(text)?;
    if date > today + Days::new(300) {
        return Err(w::TOO_FAR_AHEAD.into());
    }
    Ok(date)
}

/// The identity number in `id_field`, checked against the kind chosen in `kind_field` (when the
/// form has one; without it the number must be a personnummer or samordningsnummer).
pub fn identity_of(
    form: &Form,
    id_field: FieldId,
    kind_field: Option<FieldId>,
    today: NaiveDate,
) -> Result<Option<IdentityNumber>, Text> {
    let kind = kind_field
        .map(|k| form.value(k))
        .and_then(|k| k.parse::<IdKind>().ok());
    let kind = match kind {
        Some(IdKind::None) if form.value(id_field).is_empty() => return Ok(None),
        // "No number" with a number typed: treat as "not said" and check the number.
        Some(IdKind::None) => None,
        other => other,
    };
    parse_identity(form.value(id_field), kind, today)
        .map_err(|e| crate::i18n::input::id_error_text(&e))
}

/// The options of a closed set for a choice field, first an empty "not said" when `optional`.
pub fn options<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    label: fn(T) -> Text,
    optional: bool,
) -> Vec<(String, Text)> {
    let mut out = Vec::new();
    if optional {
        out.push((String::new(), w::NOT_SAID.into()));
    }
    out.extend(all.iter().map(|x| (value(*x).to_string(), label(*x))));
    out
}

/// A `|`- or comma-separated list typed into one field.
pub fn split_words(text: &str) -> Vec<String> {
    text.split(['|', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn opt(text: &str) -> Option<String> {
    Some(text.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}
