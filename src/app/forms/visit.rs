//! After a visit: what happened (done, cancelled, no-show), who came, themes and referrals.
use crate::app::VisitEffect;

use super::{options, split_words};
use crate::app::action::Effect;
use crate::app::form::{Field, Form, FormKind};
use crate::app::{Text, labels};
use crate::domain::enums::{Referral, Theme, VisitStatus, parse_list};
use crate::domain::model::VisitOutcome;
use crate::domain::views::DayVisit;

/// Field ids for up to four attendees (a visit has two or three staff).
const ATTENDED: [&str; 4] = ["attended_0", "attended_1", "attended_2", "attended_3"];

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

fn yes_no(id: &'static str, label: Text, yes: bool) -> Field {
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
            "status",
            t("Utfall", "Outcome"),
            options(&statuses, VisitStatus::as_str, labels::visit_status, false),
            "done",
        )
        .hint(
            "←/→ väljer: genomfört, avbokat av familjen eller personalen, uteblev",
            "←/→ chooses: done, cancelled by family or staff, no-show",
        ),
    ];
    for (i, a) in v.staff.iter().take(ATTENDED.len()).enumerate() {
        fields.push(yes_no(
            ATTENDED[i],
            Text::new(format!("{} kom", a.name), format!("{} came", a.name)),
            true,
        ));
    }
    if v.interpreter.is_some() {
        fields.push(yes_no(
            "interpreter_used",
            t("Tolk användes", "Interpreter used"),
            true,
        ));
    }
    // Ticked in a checklist in the interface language; stored by their codes.
    let hint = (
        "←/→ flyttar, mellanslag kryssar i eller ur",
        "←/→ moves, Space ticks or unticks",
    );
    fields.push(
        Field::checklist(
            "themes",
            t("Teman", "Themes"),
            options(Theme::ALL, Theme::as_str, labels::theme, false),
        )
        .hint(hint.0, hint.1),
    );
    fields.push(
        Field::checklist(
            "referrals",
            t("Hänvisat till", "Referred to"),
            options(Referral::ALL, Referral::as_str, labels::referral, false),
        )
        .hint(hint.0, hint.1),
    );
    fields.push(
        Field::text("reason", t("Skäl", "Reason"), "")
            .hint("varför besöket avbokades", "why the visit was cancelled"),
    );
    let who = labels::shown_name(&v.family_name, v.protection);
    let when = v.start.format("%Y-%m-%d %H:%M");
    let mut form = Form::new(
        FormKind::Outcome(v.visit_id),
        Text::new(
            format!("Utfall: {} {when}", who.sv),
            format!("Outcome: {} {when}", who.en),
        ),
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

pub fn validate(form: &mut Form) {
    let cancelled = matches!(form.value("status"), "cancelled_family" | "cancelled_staff");
    if cancelled && form.tried && form.value("reason").is_empty() {
        form.set_error(
            "reason",
            Some(t(
                "ange varför besöket avbokades",
                "say why the visit was cancelled",
            )),
        );
    }
}

pub fn build(form: &Form) -> Option<Effect> {
    let FormKind::Outcome(visit_id) = form.kind else {
        return None;
    };
    let status: VisitStatus = form.value("status").parse().ok()?;
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
            interpreter_used: !done
                || form
                    .field("interpreter_used")
                    .is_none_or(|f| f.value() != "no"),
            themes: if done {
                parse_list(&split_words(form.value("themes")).join("|")).ok()?
            } else {
                Vec::new()
            },
            referrals: if done {
                parse_list(&split_words(form.value("referrals")).join("|")).ok()?
            } else {
                Vec::new()
            },
            reason: super::opt(form.value("reason")),
        },
    ))))
}
