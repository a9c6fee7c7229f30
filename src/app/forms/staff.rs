//! Forms about staff: new and edit.
use crate::app::StaffEffect;

use super::{opt, options, split_words};
use crate::app::action::Effect;
use crate::app::form::{Field, FieldId as F, Form, FormKind};
use crate::app::{Lang, labels};
use crate::domain::enums::{Role, Weekday, parse_days};
use crate::domain::model::{NewStaff, Staff, WorkHours};
use crate::i18n::forms as w;

fn fields(s: Option<&Staff>, lang: Lang) -> Vec<Field> {
    const WEEKDAYS: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    let days = s
        .map_or(&WEEKDAYS[..], |s| &s.work_days[..])
        .iter()
        .map(|d| w::work_day(*d, lang))
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        Field::text(F::Name, w::NAME, s.map_or("", |s| &s.name)).required(),
        Field::choice(
            F::Role,
            w::ROLE,
            options(Role::ALL, Role::as_str, labels::role, false),
            s.map_or("nurse", |s| s.role.as_str()),
        )
        .hint(w::CHOOSES),
        Field::text(
            F::Organisation,
            w::ORGANISATION,
            s.and_then(|s| s.organisation.as_deref()).unwrap_or(""),
        ),
        Field::text(
            F::Languages,
            w::LANGUAGES,
            &s.map_or(String::new(), |s| {
                labels::languages(&s.languages).get(lang).to_string()
            }),
        )
        .hint(w::STAFF_LANGUAGES_HINT),
        Field::text(F::WorkDays, w::WORK_DAYS, &days).hint(w::WORK_DAYS_HINT),
        Field::text(
            F::WorkHours,
            w::WORK_HOURS,
            &s.map_or_else(|| "08:00-16:30".to_string(), |s| s.work_hours.to_text()),
        )
        .hint(w::WORK_HOURS_HINT),
        Field::choice(
            F::Active,
            w::ACTIVE,
            vec![
                ("yes".into(), labels::yes_no(true)),
                ("no".into(), labels::yes_no(false)),
            ],
            if s.is_none_or(|s| s.active) {
                "yes"
            } else {
                "no"
            },
        ),
    ]
}

pub fn new_staff(lang: Lang) -> Form {
    Form::new(FormKind::NewStaff, w::NEW_STAFF.into(), fields(None, lang))
}

pub fn edit_staff(s: &Staff, lang: Lang) -> Form {
    Form::new(
        FormKind::EditStaff(s.id),
        w::edit_staff_title(&s.name, s.id),
        fields(Some(s), lang),
    )
}

pub fn validate(form: &mut Form) {
    if let Err(e) = parse_days(form.value(F::WorkDays)) {
        form.set_error(F::WorkDays, Some(w::not_a_day(&e)));
    } else if parse_days(form.value(F::WorkDays)).is_ok_and(|d| d.is_empty()) {
        form.set_error(F::WorkDays, Some(w::NO_WORK_DAY.into()));
    }
    if let Err(e) = WorkHours::parse(form.value(F::WorkHours)) {
        form.set_error(F::WorkHours, Some(w::bad_work_hours(e)));
    }
}

pub fn build(form: &Form) -> Option<Effect> {
    let staff = NewStaff {
        name: form.value(F::Name).to_string(),
        role: form.value(F::Role).parse().ok()?,
        organisation: opt(form.value(F::Organisation)),
        languages: split_words(form.value(F::Languages))
            .iter()
            .map(|l| crate::domain::language::kept(l))
            .collect(),
        work_days: parse_days(form.value(F::WorkDays)).ok()?,
        work_hours: WorkHours::parse(form.value(F::WorkHours)).ok()?,
        active: form.value(F::Active) != "no",
    };
    let id = match form.kind {
        FormKind::EditStaff(id) => Some(id),
        _ => None,
    };
    Some(Effect::Staff(StaffEffect::Save {
        id,
        staff: Box::new(staff),
    }))
}
