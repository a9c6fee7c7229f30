//! After a visit: what happened (done, cancelled, no-show), who came, themes and referrals.
use crate::app::VisitEffect;

use super::{options, split_words};
use crate::app::action::Effect;
use crate::app::form::{Field, FieldId as F, Form, FormKind};
use crate::app::{Text, labels};
use crate::domain::enums::{FamilyPresent, Referral, Theme, VisitStatus, parse_list};
use crate::domain::model::VisitOutcome;
use crate::domain::views::DayVisit;
use crate::i18n::forms as w;

/// Field ids for up to four attendees (a visit has two or three staff).
const ATTENDED: [F; 4] = [
    F::Attended(0),
    F::Attended(1),
    F::Attended(2),
    F::Attended(3),
];

fn yes_no(id: F, label: impl Into<Text>, yes: bool) -> Field {
    Field::choice(
        id,
        label,
        vec![
            ("yes".into(), labels::yes_no(true)),
            ("no".into(), labels::yes_no(false)),
        ],
        if yes { "yes" } else { "no" },
    )
}

pub fn outcome(v: &DayVisit) -> Form {
    let statuses = [
        VisitStatus::Done,
        VisitStatus::CancelledFamily,
        VisitStatus::CancelledStaff,
        VisitStatus::NoShow,
    ];
    let mut fields = vec![
        Field::choice(
            F::Outcome,
            w::OUTCOME,
            options(&statuses, VisitStatus::as_str, labels::visit_status, false),
            "done",
        )
        .hint(w::OUTCOME_HINT),
    ];
    for (i, a) in v.staff.iter().take(ATTENDED.len()).enumerate() {
        fields.push(yes_no(ATTENDED[i], w::came(&a.name), true));
    }
    fields.push(
        Field::choice(
            F::FamilyPresent,
            w::FAMILY_PRESENT,
            options(
                FamilyPresent::ALL,
                FamilyPresent::as_str,
                w::family_present,
                true,
            ),
            "",
        )
        .hint(w::FAMILY_PRESENT_HINT),
    );
    if v.interpreter.is_some() {
        fields.push(yes_no(F::InterpreterUsed, w::INTERPRETER_USED, true));
    }
    // Ticked in a checklist in the interface language; stored by their codes.
    fields.push(
        Field::checklist(
            F::Themes,
            w::THEMES,
            options(Theme::ALL, Theme::as_str, labels::theme, false),
        )
        .hint(w::TICK_HINT),
    );
    fields.push(
        Field::checklist(
            F::Referrals,
            w::REFERRED_TO,
            options(Referral::ALL, Referral::as_str, labels::referral, false),
        )
        .hint(w::TICK_HINT),
    );
    fields.push(Field::text(F::Reason, w::REASON, "").hint(w::CANCELLED_HINT));
    let who = labels::shown_name(&v.family_name, v.protection);
    let when = v.start.format("%Y-%m-%d %H:%M").to_string();
    let mut form = Form::new(
        FormKind::Outcome(v.visit_id),
        w::outcome_title(&who, &when),
        fields,
    );
    form.refs = v
        .staff
        .iter()
        .take(ATTENDED.len())
        .map(|a| a.staff_id)
        .collect();
    form
}

/// Whether a field means something only when the visit took place: who came, the
/// interpreter, themes and referrals.
fn only_if_held(id: F) -> bool {
    matches!(
        id,
        F::Attended(_) | F::FamilyPresent | F::InterpreterUsed | F::Themes | F::Referrals
    )
}

/// Shows the fields of a visit that took place, or puts them away (their values kept) when the
/// outcome says it did not.
fn show_held_fields(form: &mut Form, held: bool) {
    if held {
        if form.shelved.is_empty() {
            return;
        }
        let back = std::mem::take(&mut form.shelved);
        let at = form
            .fields
            .iter()
            .position(|f| f.id == F::Outcome)
            .map_or(0, |i| i + 1);
        form.fields.splice(at..at, back);
    } else {
        let (keep, away): (Vec<Field>, Vec<Field>) = std::mem::take(&mut form.fields)
            .into_iter()
            .partition(|f| !only_if_held(f.id));
        form.fields = keep;
        form.shelved.extend(away);
    }
}

pub fn validate(form: &mut Form) {
    show_held_fields(form, form.value(F::Outcome) == "done");
    let cancelled = matches!(
        form.value(F::Outcome),
        "cancelled_family" | "cancelled_staff"
    );
    if cancelled && form.tried && form.value(F::Reason).is_empty() {
        form.set_error(F::Reason, Some(w::SAY_WHY_CANCELLED.into()));
    }
}

pub fn build(form: &Form) -> Option<Effect> {
    let FormKind::Outcome(visit_id) = form.kind else {
        return None;
    };
    let status: VisitStatus = form.value(F::Outcome).parse().ok()?;
    let done = status == VisitStatus::Done;
    let attended = form
        .refs
        .iter()
        .enumerate()
        .map(|(i, id)| (*id, done && form.value(ATTENDED[i]) != "no"))
        .collect();
    Some(Effect::Visit(VisitEffect::SetOutcome(Box::new(
        VisitOutcome {
            visit_id,
            status,
            attended,
            interpreter_used: !done || form.value_of(F::InterpreterUsed).is_none_or(|v| v != "no"),
            family_present: if done {
                form.value_of(F::FamilyPresent).and_then(|v| v.parse().ok())
            } else {
                None
            },
            themes: if done {
                parse_list(&split_words(form.value(F::Themes)).join("|")).ok()?
            } else {
                Vec::new()
            },
            referrals: if done {
                parse_list(&split_words(form.value(F::Referrals)).join("|")).ok()?
            } else {
                Vec::new()
            },
            reason: super::opt(form.value(F::Reason)),
        },
    ))))
}
