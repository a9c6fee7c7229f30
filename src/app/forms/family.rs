//! Forms about a family: new, edit, caregiver, child, consent, exit.
use crate::app::FamilyEffect;

use chrono::NaiveDate;

use super::people::{caregiver, caregiver_fields, child, child_fields, person_of};
use super::{identity_of, opt, options, parse_birth_date, parse_date, split_words};
use crate::app::action::Effect;
use crate::app::form::{Field, FieldId as F, Form, FormKind};
use crate::app::{Lang, Text, labels};
use crate::domain::enums::{ConsentMethod, Eligibility, ExitReason, FamilyStatus, Protection};
use crate::domain::identity::looks_like_identity_number;
use crate::domain::language;
use crate::domain::model::{Consent, NewFamily};
use crate::domain::views::FamilyDetail;
use crate::i18n::forms as w;

/// A family's own fields; its languages named in the interface language (either spelling is
/// kept the same way, `domain::language::kept`).
fn family_fields(d: Option<&FamilyDetail>, lang: Lang) -> Vec<Field> {
    let get = |f: fn(&FamilyDetail) -> Option<&String>| {
        d.and_then(f).map_or("", String::as_str).to_string()
    };
    vec![
        Field::text(F::FamilyRef, w::REFERENCE, d.map_or("", |d| &d.family_ref))
            .required()
            .hint(w::REFERENCE_HINT),
        Field::text(F::FamilyName, w::NAME, d.map_or("", |d| &d.display_name))
            .required()
            .hint(w::FAMILY_NAME_HINT),
        Field::text(F::Area, w::AREA, &get(|d| d.area.as_ref())),
        Field::text(F::Clinic, w::CLINIC, &get(|d| d.clinic.as_ref())),
        Field::text(F::Address, w::ADDRESS, &get(|d| d.address.as_ref())),
        Field::text(F::Phone, w::PHONE, &get(|d| d.phone.as_ref())),
        Field::text(
            F::Languages,
            w::LANGUAGES,
            &d.map_or(String::new(), |d| {
                labels::languages(&d.languages).get(lang).to_string()
            }),
        )
        .hint(w::LANGUAGES_HINT),
        Field::text(
            F::InterpreterLanguage,
            w::INTERPRETER_LANGUAGE,
            &d.and_then(|d| d.interpreter_language.as_deref())
                .map_or(String::new(), |l| labels::language(l).get(lang).to_string()),
        )
        .hint(w::INTERPRETER_LANGUAGE_HINT),
        Field::choice(
            F::Protection,
            w::PROTECTION,
            options(
                Protection::ALL,
                Protection::as_str,
                labels::protection,
                false,
            ),
            d.map_or("none", |d| d.protection.as_str()),
        )
        .hint(w::PROTECTION_HINT),
        Field::choice(
            F::Eligibility,
            w::ELIGIBILITY,
            options(
                Eligibility::ALL,
                Eligibility::as_str,
                labels::eligibility,
                true,
            ),
            d.and_then(|d| d.eligibility)
                .map_or("", Eligibility::as_str),
        ),
    ]
}

/// `programmes`: the id and name of each programme a new family can follow.
pub fn new_family(programmes: &[(String, Text)], today: NaiveDate, lang: Lang) -> Form {
    let mut fields = family_fields(None, lang);
    let programme_options = programmes.to_vec();
    fields.insert(
        2,
        Field::choice(F::Programme, w::PROGRAMME, programme_options, "")
            .required()
            .hint(w::PROGRAMME_HINT),
    );
    fields.push(
        Field::text(F::OfferedOn, w::OFFERED_ON, &today.to_string())
            .required()
            .hint(w::DATE_HINT),
    );
    fields.extend(caregiver_fields());
    fields.extend(child_fields());
    Form::new(FormKind::NewFamily, w::NEW_FAMILY.into(), fields)
}

/// A family's own fields and the days of its status changes, to correct.
pub fn edit_family(detail: &FamilyDetail, lang: Lang) -> Form {
    let mut fields = family_fields(Some(detail), lang);
    fields.extend(super::status::edit_fields(detail));
    let mut form = Form::new(
        FormKind::EditFamily(detail.id),
        w::edit_title(&detail.display_name),
        fields,
    );
    form.dates = detail.status_dates();
    form
}

pub fn consent(family_id: i64, first_caregiver: &str, today: NaiveDate, lang: Lang) -> Form {
    // The usual scope, written in the interface language; either spelling reads back the same.
    let scope = w::usual_scope();
    let methods: Vec<(String, Text)> = [
        None,
        Some(ConsentMethod::Oral),
        Some(ConsentMethod::Written),
    ]
    .into_iter()
    .map(|m| {
        (
            m.map_or("", ConsentMethod::as_str).to_string(),
            labels::consent_method(m),
        )
    })
    .collect();
    Form::new(
        FormKind::Consent(family_id),
        w::CONSENT.into(),
        vec![
            Field::text(F::GivenBy, w::GIVEN_BY, first_caregiver).required(),
            Field::text(F::ConsentScope, w::CONSENT_SCOPE, scope.get(lang)).required(),
            Field::text(F::GivenOn, w::DATE, &today.to_string())
                .required()
                .hint(w::DATE_HINT),
            Field::choice(F::ConsentMethod, w::CONSENT_METHOD, methods, ""),
            Field::text(F::WithdrawnOn, w::WITHDRAWN_ON, "").hint(w::WITHDRAWN_HINT),
        ],
    )
}

fn check_date(form: &mut Form, id: F, birth: bool, today: NaiveDate) {
    let value = form.value(id).to_string();
    if value.is_empty() {
        return;
    }
    let result = if birth {
        parse_birth_date(&value, today)
    } else {
        parse_date(&value)
    };
    if let Err(e) = result {
        form.set_error(id, Some(e));
    } else if !birth && parse_date(&value).is_ok_and(|d| d > today) {
        form.set_error(id, Some(w::IN_FUTURE.into()));
    }
}

pub fn validate(form: &mut Form, today: NaiveDate) {
    if matches!(
        form.kind,
        FormKind::NewFamily | FormKind::EditFamily(_) | FormKind::Exit(_) | FormKind::Status(..)
    ) {
        super::status::validate(form, today);
    }
    if form.has(F::FamilyRef) && looks_like_identity_number(form.value(F::FamilyRef), today) {
        form.set_error(F::FamilyRef, Some(w::LOOKS_LIKE_ID.into()));
    }
    if form.has(F::CaregiverId)
        && let Err(e) = identity_of(form, F::CaregiverId, Some(F::CaregiverIdKind), today)
    {
        form.set_error(F::CaregiverId, Some(e));
    }
    if form.has(F::ChildBirthDate) {
        check_date(form, F::ChildBirthDate, true, today);
        match identity_of(form, F::ChildId, None, today) {
            Err(e) => form.set_error(F::ChildId, Some(e)),
            Ok(Some(id)) => {
                let birth = parse_date(form.value(F::ChildBirthDate)).ok();
                if let (Some(born), Some(birth)) = (id.birth_date(), birth)
                    && born != birth
                {
                    form.set_error(F::ChildId, Some(w::born_otherwise(born, birth)));
                }
            }
            Ok(None) => {}
        }
    }
    if form.has(F::ExitNote)
        && form.value(F::ExitReason) == ExitReason::Other.as_str()
        && form.value(F::ExitNote).is_empty()
        && form.tried
    {
        form.set_error(F::ExitNote, Some(w::SAY_WHY_OTHER.into()));
    }
    for id in [F::GivenOn, F::WithdrawnOn] {
        if form.has(id) {
            check_date(form, id, false, today);
        }
    }
}

pub fn build(form: &Form, today: NaiveDate) -> Option<Effect> {
    match form.kind {
        FormKind::NewFamily | FormKind::EditFamily(_) => {
            let new = matches!(form.kind, FormKind::NewFamily);
            let family = NewFamily {
                facts: crate::domain::model::FamilyFacts {
                    family_ref: form.value(F::FamilyRef).to_string(),
                    display_name: form.value(F::FamilyName).to_string(),
                    address: opt(form.value(F::Address)),
                    area: opt(form.value(F::Area)),
                    clinic: opt(form.value(F::Clinic)),
                    phone: opt(form.value(F::Phone)),
                    languages: split_words(form.value(F::Languages))
                        .iter()
                        .map(|l| language::kept(l))
                        .collect(),
                    interpreter_language: opt(form.value(F::InterpreterLanguage))
                        .map(|l| language::kept(&l)),
                    protection: form
                        .value(F::Protection)
                        .parse()
                        .unwrap_or(Protection::None),
                    eligibility: form.value(F::Eligibility).parse().ok(),
                    // Only a new family chooses its programme; an edit keeps the stored one.
                    programme_id: form.value_of(F::Programme).unwrap_or_default().to_string(),
                    status: FamilyStatus::Offered,
                    offered_on: new.then(|| parse_date(form.value(F::OfferedOn)).unwrap_or(today)),
                    enrolled_on: None,
                    exited_on: None,
                    exit_reason: None,
                    note: None,
                    consent: None,
                },
                caregivers: if new {
                    vec![caregiver(form, today)?]
                } else {
                    Vec::new()
                },
                children: if new {
                    vec![child(form, today, true)?]
                } else {
                    Vec::new()
                },
            };
            let id = match form.kind {
                FormKind::EditFamily(id) => Some(id),
                _ => None,
            };
            Some(Effect::Family(FamilyEffect::Save {
                id,
                family: Box::new(family),
                dates: id.map(|_| super::status::edited_dates(form)),
            }))
        }
        FormKind::AddCaregiver(family_id) => Some(Effect::Family(FamilyEffect::AddCaregiver {
            family_id,
            caregiver: caregiver(form, today)?,
        })),
        FormKind::AddChild(family_id) => Some(Effect::Family(FamilyEffect::AddChild {
            family_id,
            child: child(form, today, false)?,
        })),
        FormKind::EditCaregiver(family_id) => Some(Effect::Family(FamilyEffect::UpdateCaregiver {
            family_id,
            caregiver_id: person_of(form)?,
            caregiver: caregiver(form, today)?,
        })),
        FormKind::EditChild(family_id) => Some(Effect::Family(FamilyEffect::UpdateChild {
            family_id,
            child_id: person_of(form)?,
            child: child(form, today, false)?,
        })),
        FormKind::Consent(family_id) => Some(Effect::Family(FamilyEffect::AddConsent {
            family_id,
            consent: Consent {
                given_by: form.value(F::GivenBy).to_string(),
                scope: form.value(F::ConsentScope).to_string(),
                given_on: parse_date(form.value(F::GivenOn)).ok()?,
                method: form.value(F::ConsentMethod).parse().ok(),
                withdrawn_on: parse_date(form.value(F::WithdrawnOn)).ok(),
            },
        })),
        FormKind::Exit(_) | FormKind::Status(..) => super::status::build(form),
        FormKind::NewStaff
        | FormKind::EditStaff(_)
        | FormKind::Outcome(_)
        | FormKind::ManualBooking
        | FormKind::NewSeries
        | FormKind::EditSeries(_)
        | FormKind::CancelSession(_)
        | FormKind::RemoveMember(_)
        | FormKind::ExportReport(_) => None,
    }
}
