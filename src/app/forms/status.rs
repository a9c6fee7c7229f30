//! A family's status and the days it keeps: pausing, declining, enrolling and leaving, each on
//! the day it happened, and the edit form's status days. A day is refused in the future or
//! before the offer or enrolment it follows.

use chrono::NaiveDate;

use super::{options, parse_date};
use crate::app::FamilyEffect;
use crate::app::action::Effect;
use crate::app::form::{Field, FieldId as F, Form, FormKind};
use crate::app::keymap::{Scope, key_for};
use crate::app::{Intent, labels};
use crate::domain::enums::{ExitReason, FamilyStatus};
use crate::domain::model::StatusChange;
use crate::domain::status_dates::{StatusDates, StatusDay};
use crate::domain::views::FamilyDetail;
use crate::i18n::forms as w;

/// The field that holds a status day.
pub fn day_field(day: StatusDay) -> F {
    match day {
        StatusDay::Offered => F::OfferedOn,
        StatusDay::Enrolled => F::EnrolledOn,
        StatusDay::Declined => F::DeclinedOn,
        StatusDay::Paused => F::PausedOn,
        StatusDay::Exited => F::ExitedOn,
    }
}

/// The status days the edit form shows: the offer always, the others when the family has the
/// day or a status that needs it.
pub fn edit_fields(d: &FamilyDetail) -> Vec<Field> {
    let dates = d.status_dates();
    let needed = |day: StatusDay| match day {
        StatusDay::Offered => true,
        StatusDay::Enrolled => matches!(
            d.status,
            FamilyStatus::Active
                | FamilyStatus::Paused
                | FamilyStatus::Completed
                | FamilyStatus::Exited
        ),
        StatusDay::Declined => d.status == FamilyStatus::Declined,
        StatusDay::Paused => d.status == FamilyStatus::Paused,
        StatusDay::Exited => matches!(d.status, FamilyStatus::Completed | FamilyStatus::Exited),
    };
    StatusDay::ALL
        .iter()
        .filter(|day| needed(**day) || dates.get(**day).is_some())
        .map(|day| {
            let value = dates.get(*day).map(|d| d.to_string()).unwrap_or_default();
            Field::text(day_field(*day), w::status_day(*day), &value).hint(w::KNOWN_DAY_HINT)
        })
        .collect()
}

/// The status days as the edit form holds them (a day it does not show stays as stored).
pub fn edited_dates(form: &Form) -> StatusDates {
    let mut dates = form.dates;
    for day in StatusDay::ALL {
        let id = day_field(day);
        if form.has(id) {
            dates.set(day, parse_date(form.value(id)).ok());
        }
    }
    dates
}

/// Moving a family to `status` (paused, declined, active) on a day, today unless typed.
pub fn status(detail: &FamilyDetail, status: FamilyStatus) -> Form {
    let day = StatusDay::of(status);
    let save = key_for(Scope::Form, &Intent::Save);
    let mut form = Form::new(
        FormKind::Status(detail.id, status),
        w::status_title(status),
        vec![Field::text(day_field(day), w::status_day(day), "").hint(w::status_save_hint(&save))],
    );
    form.dates = detail.status_dates();
    form
}

pub fn exit(detail: &FamilyDetail) -> Form {
    let mut form = Form::new(
        FormKind::Exit(detail.id),
        w::END_PARTICIPATION.into(),
        vec![
            Field::choice(
                F::ExitReason,
                w::CAUSE,
                // No reason until one is chosen: Enter at once is not "moved".
                options(
                    ExitReason::ALL,
                    ExitReason::as_str,
                    labels::exit_reason,
                    true,
                ),
                "",
            )
            .required()
            .hint(w::exit_reason_hint(&key_for(Scope::Form, &Intent::Save))),
            Field::text(F::ExitNote, w::EXIT_NOTE, "").hint(w::EXIT_NOTE_HINT),
            Field::text(F::ExitedOn, w::EXITED_ON, "").hint(w::EXITED_ON_HINT),
        ],
    );
    form.dates = detail.status_dates();
    form
}

/// The status a status or exit form moves the family to.
fn target(form: &Form) -> Option<FamilyStatus> {
    match form.kind {
        FormKind::Status(_, status) => Some(status),
        FormKind::Exit(_) => Some(
            if form.value(F::ExitReason) == ExitReason::Completed.as_str() {
                FamilyStatus::Completed
            } else {
                FamilyStatus::Exited
            },
        ),
        _ => None,
    }
}

/// Marks a day that cannot be: a status form's against the family's other days, the edit
/// form's against each other.
pub fn validate(form: &mut Form, today: NaiveDate) {
    if let Some(status) = target(form) {
        let id = day_field(StatusDay::of(status));
        let typed = form.value(id).to_string();
        let on = if typed.is_empty() {
            Ok(today)
        } else {
            parse_date(&typed)
        };
        match on {
            Err(e) => form.set_error(id, Some(e)),
            Ok(on) => {
                if let Some(p) = form.dates.change_problem(status, on, today) {
                    form.set_error(id, Some(w::date_problem(p)));
                }
            }
        }
        return;
    }
    let mut bad = Vec::new();
    for day in StatusDay::ALL {
        let id = day_field(day);
        if form.has(id)
            && !form.value(id).is_empty()
            && let Err(e) = parse_date(form.value(id))
        {
            bad.push(id);
            form.set_error(id, Some(e));
        }
    }
    for (day, problem) in edited_dates(form).problems(today) {
        let id = day_field(day);
        if form.has(id) && !bad.contains(&id) {
            form.set_error(id, Some(w::date_problem(problem)));
        }
    }
}

/// The change a status or exit form saves.
pub fn build(form: &Form) -> Option<Effect> {
    let status = target(form)?;
    let (FormKind::Status(family_id, _) | FormKind::Exit(family_id)) = form.kind else {
        return None;
    };
    let since = parse_date(form.value(day_field(StatusDay::of(status)))).ok();
    let change = match form.kind {
        FormKind::Exit(_) => {
            let reason: ExitReason = form.value(F::ExitReason).parse().ok()?;
            let note = form.value(F::ExitNote);
            StatusChange {
                status,
                exit: Some(reason),
                exit_note: (reason == ExitReason::Other && !note.is_empty())
                    .then(|| note.to_string()),
                cancel_booked: true,
                since,
            }
        }
        _ => StatusChange {
            status,
            exit: None,
            exit_note: None,
            // Declining ends the plan; a pause asks next, an activation keeps all.
            cancel_booked: status == FamilyStatus::Declined,
            since,
        },
    };
    Some(Effect::Family(FamilyEffect::SetStatus {
        family_id,
        change,
    }))
}
