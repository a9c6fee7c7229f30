//! Forms about a family's people: adding, changing and removing a caregiver or a child.

use chrono::NaiveDate;

use super::{identity_of, opt, options, parse_birth_date};
use crate::app::form::{Field, FieldId as F, FieldKind, Form, FormKind};
use crate::app::keymap::{Scope, key_for};
use crate::app::{Intent, labels};
use crate::domain::identity::IdKind;
use crate::domain::model::{NewCaregiver, NewChild};
use crate::domain::views::FamilyDetail;
use crate::i18n::forms as w;

pub(super) fn caregiver_fields() -> Vec<Field> {
    vec![
        Field::text(F::CaregiverName, w::CAREGIVER, "").required(),
        Field::choice(
            F::CaregiverIdKind,
            w::ID_KIND,
            options(IdKind::ALL, IdKind::as_str, labels::id_kind, false),
            "none",
        )
        .hint(w::ID_KIND_HINT),
        Field::text(F::CaregiverId, w::ID_NUMBER, "").hint(w::ID_NUMBER_HINT),
    ]
}

pub(super) fn child_fields() -> Vec<Field> {
    vec![
        Field::text(F::ChildName, w::CHILD_NAME, "").required(),
        Field::text(F::ChildBirthDate, w::BORN_ON, "")
            .required()
            .hint(w::BORN_ON_HINT),
        Field::text(F::ChildId, w::CHILD_ID, "").hint(w::CHILD_ID_HINT),
    ]
}

pub fn add_caregiver(family_id: i64) -> Form {
    let mut fields = caregiver_fields();
    fields.insert(
        1,
        Field::text(F::Relation, w::RELATION, "").hint(w::RELATION_HINT),
    );
    Form::new(
        FormKind::AddCaregiver(family_id),
        w::ADD_CAREGIVER.into(),
        fields,
    )
}

pub fn add_child(family_id: i64) -> Form {
    let mut fields = child_fields();
    fields.push(Field::choice(
        F::BornInSweden,
        w::BORN_IN_SWEDEN,
        vec![
            ("no".into(), labels::yes_no(false)),
            ("yes".into(), labels::yes_no(true)),
        ],
        "no",
    ));
    Form::new(FormKind::AddChild(family_id), w::ADD_CHILD.into(), fields)
}

/// Changing or removing a caregiver: whom (the first field), then the fields of adding one,
/// filled in. None when the family has no caregiver.
pub fn edit_caregiver(detail: &FamilyDetail) -> Option<Form> {
    let first = detail.caregivers.first()?;
    let people = detail
        .caregivers
        .iter()
        .map(|c| (c.id.to_string(), labels::name(&c.name)))
        .collect();
    let mut form = add_caregiver(detail.id);
    form.kind = FormKind::EditCaregiver(detail.id);
    form.title = w::EDIT_CAREGIVER.into();
    let remove = key_for(Scope::Form, &Intent::Remove);
    form.fields.insert(
        0,
        Field::choice(F::Who, w::WHO, people, &first.id.to_string())
            .hint(w::which_caregiver_hint(&remove)),
    );
    refill_person(&mut form, detail);
    Some(form)
}

/// Changing or removing a child, as [`edit_caregiver`].
pub fn edit_child(detail: &FamilyDetail) -> Option<Form> {
    let first = detail.children.first()?;
    let people = detail
        .children
        .iter()
        .map(|c| (c.id.to_string(), labels::name(&c.name)))
        .collect();
    let mut form = add_child(detail.id);
    form.kind = FormKind::EditChild(detail.id);
    form.title = w::EDIT_CHILD.into();
    let remove = key_for(Scope::Form, &Intent::Remove);
    form.fields.insert(
        0,
        Field::choice(F::Who, w::WHO, people, &first.id.to_string())
            .hint(w::which_child_hint(&remove)),
    );
    refill_person(&mut form, detail);
    Some(form)
}

/// The person the form is about, by id, when it is about one.
pub fn person_of(form: &Form) -> Option<i64> {
    match form.kind {
        FormKind::EditCaregiver(_) | FormKind::EditChild(_) => form.value(F::Who).parse().ok(),
        _ => None,
    }
}

/// Fills the fields with what is stored about the person chosen in the first field.
pub fn refill_person(form: &mut Form, detail: &FamilyDetail) {
    let Some(id) = person_of(form) else {
        return;
    };
    let set_choice = |form: &mut Form, field: F, value: &str| {
        if let Some(f) = form.field_mut(field)
            && let FieldKind::Choice(options) = &f.kind
        {
            f.choice = options.iter().position(|(v, _)| v == value).unwrap_or(0);
        }
    };
    // A caregiver and a child may share an id (they are counted apart): the form's kind says
    // which of them it is about.
    let caregiver = matches!(form.kind, FormKind::EditCaregiver(_));
    if let Some(c) = detail
        .caregivers
        .iter()
        .find(|c| c.id == id)
        .filter(|_| caregiver)
    {
        form.set_text(F::CaregiverName, &c.name);
        form.set_text(F::Relation, c.relation.as_deref().unwrap_or(""));
        let kind = c.identity.as_ref().map_or(IdKind::None, |i| i.kind);
        set_choice(form, F::CaregiverIdKind, kind.as_str());
        let number = c
            .identity
            .as_ref()
            .map(crate::domain::identity::IdentityNumber::formatted)
            .unwrap_or_default();
        form.set_text(F::CaregiverId, &number);
    }
    if let Some(c) = detail
        .children
        .iter()
        .find(|c| c.id == id)
        .filter(|_| !caregiver)
    {
        form.set_text(F::ChildName, &c.name);
        form.set_text(F::ChildBirthDate, &c.birth_date.to_string());
        let number = c
            .identity
            .as_ref()
            .map(crate::domain::identity::IdentityNumber::formatted)
            .unwrap_or_default();
        form.set_text(F::ChildId, &number);
        set_choice(
            form,
            F::BornInSweden,
            if c.first_born_in_sweden { "yes" } else { "no" },
        );
    }
    form.dirty = false;
}

pub(super) fn caregiver(form: &Form, today: NaiveDate) -> Option<NewCaregiver> {
    Some(NewCaregiver {
        name: form.value(F::CaregiverName).to_string(),
        // A new family's first caregiver is asked no relation.
        relation: form.value_of(F::Relation).and_then(opt),
        identity: identity_of(form, F::CaregiverId, Some(F::CaregiverIdKind), today).ok()?,
    })
}

pub(super) fn child(form: &Form, today: NaiveDate, first_child: bool) -> Option<NewChild> {
    let birth = parse_birth_date(form.value(F::ChildBirthDate), today).ok()?;
    Some(NewChild {
        name: form.value(F::ChildName).to_string(),
        birth_date: birth,
        expected: birth > today,
        first_child,
        // A new family's first child is asked no such thing.
        first_born_in_sweden: form.value_of(F::BornInSweden) == Some("yes"),
        identity: identity_of(form, F::ChildId, None, today).ok()?,
    })
}
