//! Booking by hand: date, time, who goes, interpreter; every booking rule checked as you choose,
//! each conflict shown at the field that causes it.
use crate::app::VisitEffect;

use chrono::NaiveTime;

use super::options;
use crate::app::action::Effect;
use crate::app::booking::{BookingPlan, BookingRequest};
use crate::app::form::{Field, Form, FormKind};
use crate::app::{Text, labels};
use crate::domain::booking::{
    Assigned, BookingRules, Candidate, Conflict, PastStart, check_booking, past_start,
};
use crate::domain::enums::{Location, Role};

/// The interpreter field's value for one booked from outside (a staff one's is the id); the
/// form's own key, never shown.
const EXTERNAL: &str = "ext";

/// One field per required role (a visit needs at most four roles).
const ROLE_FIELDS: [&str; 4] = ["role_0", "role_1", "role_2", "role_3"];

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

/// The form, filled in from the marked proposal (or empty fields when there is none).
pub fn manual(plan: &BookingPlan, from: Option<&Candidate>) -> Form {
    let date = from.map_or(String::new(), |c| c.start.format("%Y-%m-%d").to_string());
    let time = from.map_or(String::new(), |c| c.start.format("%H:%M").to_string());
    let mut fields = vec![
        Field::text("date", t("Datum", "Date"), &date)
            .required()
            .hint("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
        Field::text("time", t("Tid", "Time"), &time)
            .required()
            .hint("TT:MM, t.ex. 09:30", "HH:MM, e.g. 09:30"),
        Field::text(
            "duration",
            t("Minuter", "Minutes"),
            &from.map_or(60, |c| c.duration_min).to_string(),
        )
        .required(),
        Field::choice(
            "location",
            t("Plats", "Place"),
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
            .map(|s| (s.id.to_string(), Text::new(s.name.clone(), s.name.clone())))
            .collect();
        let chosen = from
            .and_then(|c| c.staff.iter().find(|a| a.role == *role))
            .map_or(String::new(), |a| a.staff_id.to_string());
        fields.push(
            Field::choice(ROLE_FIELDS[i], labels::role(*role), people, &chosen).hint(
                "←/→ väljer; skriv en del av namnet för att söka",
                "←/→ chooses; type part of a name to narrow",
            ),
        );
    }
    if plan.interpreter_language.is_some() {
        let mut choices = vec![
            (
                EXTERNAL.to_string(),
                t("extern tolk", "external interpreter"),
            ),
            (String::new(), t("ingen bokad ännu", "none booked yet")),
        ];
        choices.extend(
            plan.staff
                .iter()
                .filter(|s| s.role == Role::Interpreter)
                .map(|s| (s.id.to_string(), Text::new(s.name.clone(), s.name.clone()))),
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
            "interpreter",
            labels::role(Role::Interpreter),
            choices,
            &chosen,
        ));
    }
    fields.push(Field::text("reason", t("Skäl", "Reason"), "").hint(
        "krävs bara för en tid utanför fönstret, en helgdag eller en tid som har varit",
        "needed only outside the window, on a holiday or for a time already past",
    ));
    let mut form = Form::new(
        FormKind::ManualBooking,
        Text::new(
            format!("Boka: {} · {}", plan.visit_name.sv, plan.child.sv),
            format!("Book: {} · {}", plan.visit_name.en, plan.child.en),
        ),
        fields,
    );
    form.plan = Some(Box::new(plan.clone()));
    form
}

/// The booking the fields describe, or the field that is not filled in right.
fn candidate(form: &Form) -> Result<Candidate, (&'static str, Text)> {
    let date = super::parse_date(form.value("date")).map_err(|e| ("date", e))?;
    let time = NaiveTime::parse_from_str(form.value("time"), "%H:%M").map_err(|_| {
        (
            "time",
            t(
                "skriv tiden som TT:MM, t.ex. 09:30",
                "write the time as HH:MM, e.g. 09:30",
            ),
        )
    })?;
    let duration = form
        .value("duration")
        .parse::<u32>()
        .ok()
        .filter(|m| (5..=600).contains(m))
        .ok_or((
            "duration",
            t("minuter från 5 till 600", "minutes from 5 to 600"),
        ))?;
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
    let interpreter = form.value("interpreter");
    Ok(Candidate {
        start: date.and_time(time),
        duration_min: duration,
        staff,
        interpreter_staff: interpreter.parse::<i64>().ok(),
        interpreter_external: interpreter == EXTERNAL,
    })
}

/// The field a conflict belongs next to.
fn field_of(form: &Form, c: &Conflict) -> &'static str {
    let plan = form.plan.as_deref();
    let person_field = |name: &str| -> &'static str {
        let id = plan
            .and_then(|p| p.staff.iter().find(|s| s.name == name))
            .map(|s| s.id.to_string());
        if id
            .as_deref()
            .is_some_and(|id| form.value("interpreter") == id)
        {
            return "interpreter";
        }
        ROLE_FIELDS
            .iter()
            .find(|f| id.as_deref() == Some(form.value(f)))
            .copied()
            .unwrap_or("time")
    };
    match c {
        Conflict::RoleMissing(role) => plan
            .and_then(|p| p.required_roles.iter().position(|r| r == role))
            .and_then(|i| ROLE_FIELDS.get(i).copied())
            .unwrap_or("time"),
        Conflict::DoubleBooked { name, .. }
        | Conflict::DayOff { name, .. }
        | Conflict::OutsideHours { name, .. }
        | Conflict::Inactive { name } => person_field(name),
        Conflict::Holiday(_) | Conflict::ClosedEve(_) | Conflict::Weekend => "date",
        Conflict::OutsideWindow(_) => "reason",
        Conflict::InterpreterMissing(_) | Conflict::InterpreterLanguage { .. } => "interpreter",
        Conflict::UnknownStaff(_) => "time",
    }
}

/// The conflicts of the booking as the fields stand (outside the window is fine with a reason).
fn conflicts(form: &Form, c: &Candidate) -> Vec<Conflict> {
    let Some(plan) = form.plan.as_deref() else {
        return Vec::new();
    };
    let rules = BookingRules {
        required_roles: &plan.required_roles,
        window: plan.window,
        staff: &plan.staff,
        busy: &plan.busy,
        interpreter_language: plan.interpreter_language.as_deref(),
        rebooking: plan.rebooking,
        check_hours: true,
    };
    let reason_given = !form.value("reason").is_empty();
    check_booking(c, &rules)
        .into_iter()
        .filter(|c| !(c.needs_reason() && reason_given))
        .collect()
}

/// A start before the plan was read, with no reason given.
fn past_without_reason(form: &Form, c: &Candidate) -> Option<PastStart> {
    let plan = form.plan.as_deref()?;
    past_start(c.start, plan.now).filter(|p| !p.needs_reason() || form.value("reason").is_empty())
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
                form.set_error("reason", Some(crate::i18n::booking::past_start(past)));
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
        override_reason: super::opt(form.value("reason")),
    }))))
}
