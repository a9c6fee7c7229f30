//! Booking by hand: date, time, who goes, interpreter; every booking rule checked as you choose,
//! each conflict shown at the field that causes it.
use crate::app::VisitEffect;

use chrono::NaiveTime;

use super::options;
use crate::app::action::Effect;
use crate::app::booking::{BookingPlan, BookingRequest};
use crate::app::form::{Field, FieldId as F, Form, FormKind};
use crate::app::{Text, labels};
use crate::domain::booking::plan::is_twin_trip;
use crate::domain::booking::{
    Assigned, BookingRules, Candidate, Conflict, PastStart, check_booking, past_start,
};
use crate::domain::enums::{Location, Role};
use crate::i18n::forms as w;

/// The interpreter field's value for one booked from outside (a staff one's is the id); the
/// form's own key, never shown.
const EXTERNAL: &str = "ext";

/// One field per required role (a visit needs at most four roles).
const ROLE_FIELDS: [F; 4] = [
    F::StaffInRole(0),
    F::StaffInRole(1),
    F::StaffInRole(2),
    F::StaffInRole(3),
];

/// The form, filled in from the marked proposal (or empty fields when there is none).
pub fn manual(plan: &BookingPlan, from: Option<&Candidate>) -> Form {
    let date = from.map_or(String::new(), |c| c.start.format("%Y-%m-%d").to_string());
    let time = from.map_or(String::new(), |c| c.start.format("%H:%M").to_string());
    let mut fields = vec![
        Field::text(F::Date, w::DATE, &date)
            .required()
            .hint(w::DATE_HINT),
        Field::text(F::Time, w::TIME, &time)
            .required()
            .hint(w::TIME_HINT),
        Field::text(
            F::Duration,
            w::MINUTES,
            &from.map_or(60, |c| c.duration_min).to_string(),
        )
        .required(),
        Field::choice(
            F::Location,
            w::PLACE,
            options(Location::ALL, Location::as_str, labels::location, false),
            "home",
        ),
    ];
    for (i, role) in plan
        .required_roles
        .iter()
        .take(ROLE_FIELDS.len())
        .enumerate()
    {
        let people: Vec<(String, Text)> = plan
            .staff
            .iter()
            .filter(|s| s.role == *role)
            .map(|s| (s.id.to_string(), labels::name(&s.name)))
            .collect();
        let chosen = from
            .and_then(|c| c.staff.iter().find(|a| a.role == *role))
            .map_or(String::new(), |a| a.staff_id.to_string());
        fields.push(
            Field::choice(ROLE_FIELDS[i], labels::role(*role), people, &chosen)
                .hint(w::NARROW_HINT),
        );
    }
    if plan.interpreter_language.is_some() {
        let mut choices = vec![
            (EXTERNAL.to_string(), w::EXTERNAL_INTERPRETER.into()),
            (String::new(), w::NONE_BOOKED.into()),
        ];
        choices.extend(
            plan.staff
                .iter()
                .filter(|s| s.role == Role::Interpreter)
                .map(|s| (s.id.to_string(), labels::name(&s.name))),
        );
        let chosen = match from {
            Some(c) if c.interpreter_staff.is_some() => c
                .interpreter_staff
                .map(|id| id.to_string())
                .unwrap_or_default(),
            Some(c) if !c.interpreter_external => String::new(),
            _ => EXTERNAL.to_string(),
        };
        fields.push(Field::choice(
            F::Interpreter,
            labels::role(Role::Interpreter),
            choices,
            &chosen,
        ));
    }
    fields.push(Field::text(F::Reason, w::REASON, "").hint(w::BOOKING_REASON_HINT));
    let mut form = Form::new(
        FormKind::ManualBooking,
        w::booking_title(&plan.visit_name, &plan.child),
        fields,
    );
    form.plan = Some(Box::new(plan.clone()));
    form
}

/// The booking the fields describe, or the field that is not filled in right.
fn candidate(form: &Form) -> Result<Candidate, (F, Text)> {
    let date = super::parse_date(form.value(F::Date)).map_err(|e| (F::Date, e))?;
    let time = NaiveTime::parse_from_str(form.value(F::Time), "%H:%M")
        .map_err(|_| (F::Time, w::TIME_FORMAT.into()))?;
    let duration = form
        .value(F::Duration)
        .parse::<u32>()
        .ok()
        .filter(|m| (5..=600).contains(m))
        .ok_or((F::Duration, w::MINUTES_RANGE.into()))?;
    let plan = form.plan.as_deref();
    let roles = plan.map_or(&[][..], |p| p.required_roles.as_slice());
    let staff = roles
        .iter()
        .take(ROLE_FIELDS.len())
        .enumerate()
        .filter_map(|(i, role)| {
            form.value(ROLE_FIELDS[i])
                .parse::<i64>()
                .ok()
                .map(|id| Assigned {
                    role: *role,
                    staff_id: id,
                })
        })
        .collect();
    // Only a family that needs an interpreter has the field.
    let interpreter = form.value_of(F::Interpreter).unwrap_or_default();
    Ok(Candidate {
        start: date.and_time(time),
        duration_min: duration,
        staff,
        interpreter_staff: interpreter.parse::<i64>().ok(),
        interpreter_external: interpreter == EXTERNAL,
    })
}

/// The field a conflict belongs next to.
fn field_of(form: &Form, c: &Conflict) -> F {
    let plan = form.plan.as_deref();
    let person_field = |name: &str| -> F {
        let id = plan
            .and_then(|p| p.staff.iter().find(|s| s.name == name))
            .map(|s| s.id.to_string());
        if id.is_some() && form.value_of(F::Interpreter) == id.as_deref() {
            return F::Interpreter;
        }
        ROLE_FIELDS
            .iter()
            .find(|f| id.is_some() && form.value_of(**f) == id.as_deref())
            .copied()
            .unwrap_or(F::Time)
    };
    match c {
        Conflict::RoleMissing(role) => plan
            .and_then(|p| p.required_roles.iter().position(|r| r == role))
            .and_then(|i| ROLE_FIELDS.get(i).copied())
            .unwrap_or(F::Time),
        Conflict::DoubleBooked { name, .. }
        | Conflict::DayOff { name, .. }
        | Conflict::OutsideHours { name, .. }
        | Conflict::Inactive { name } => person_field(name),
        Conflict::Holiday(_) | Conflict::ClosedEve(_) | Conflict::Weekend => F::Date,
        Conflict::OutsideWindow(_) => F::Reason,
        Conflict::InterpreterMissing(_) | Conflict::InterpreterLanguage { .. } => F::Interpreter,
        Conflict::UnknownStaff(_) => F::Time,
    }
}

/// The conflicts of the booking as the fields stand (outside the window is fine with a reason).
fn conflicts(form: &Form, c: &Candidate) -> Vec<Conflict> {
    let Some(plan) = form.plan.as_deref() else {
        return Vec::new();
    };
    // A twin's visit of the same number is the trip this booking joins (or moves along), as
    // the save sees it: no clash.
    let busy: Vec<_> = plan
        .busy
        .iter()
        .filter(|b| !is_twin_trip(b, &plan.twins, c.start))
        .cloned()
        .collect();
    let rules = BookingRules {
        required_roles: &plan.required_roles,
        window: plan.window,
        staff: &plan.staff,
        busy: &busy,
        interpreter_language: plan.interpreter_language.as_deref(),
        rebooking: plan.rebooking,
        check_hours: true,
    };
    let reason_given = !form.value(F::Reason).is_empty();
    check_booking(c, &rules)
        .into_iter()
        .filter(|c| !(c.needs_reason() && reason_given))
        .collect()
}

/// A start before the plan was read, with no reason given.
fn past_without_reason(form: &Form, c: &Candidate) -> Option<PastStart> {
    let plan = form.plan.as_deref()?;
    past_start(c.start, plan.now).filter(|p| !p.needs_reason() || form.value(F::Reason).is_empty())
}

pub fn validate(form: &mut Form) {
    match candidate(form) {
        Err((field, text)) => {
            if !form.value(field).is_empty() {
                form.set_error(field, Some(text));
            }
        }
        Ok(c) => {
            if let Some(past) = past_without_reason(form, &c) {
                form.set_error(F::Reason, Some(crate::i18n::booking::past_start(past)));
            }
            for conflict in conflicts(form, &c) {
                let field = field_of(form, &conflict);
                // One message per field: the first is what to fix first.
                if form.field(field).is_some_and(|f| f.error.is_none()) {
                    form.set_error(field, Some(crate::i18n::booking::conflict(&conflict)));
                }
            }
        }
    }
}

pub fn build(form: &Form) -> Option<Effect> {
    let plan = form.plan.as_deref()?;
    let c = candidate(form).ok()?;
    if !conflicts(form, &c).is_empty() || past_without_reason(form, &c).is_some() {
        return None;
    }
    Some(Effect::Visit(VisitEffect::Book(Box::new(BookingRequest {
        family_id: plan.family_id,
        child_id: plan.child_id,
        visit_no: plan.visit_no,
        candidate: c,
        interpreter_language: plan.interpreter_language.clone(),
        rebooking: plan.rebooking,
        override_reason: super::opt(form.value(F::Reason)),
    }))))
}
