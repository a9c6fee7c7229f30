//! Forms about a family: new, edit, caregiver, child, consent, exit.
use crate::app::FamilyEffect;

use chrono::NaiveDate;

use super::people::{caregiver, caregiver_fields, child, child_fields, person_of};
use super::{identity_of, opt, options, parse_birth_date, parse_date, split_words};
use crate::app::action::Effect;
use crate::app::form::{Field, Form, FormKind};
use crate::app::{Lang, Text, labels};
use crate::domain::enums::{ConsentMethod, Eligibility, ExitReason, FamilyStatus, Protection};
use crate::domain::identity::looks_like_identity_number;
use crate::domain::model::{Consent, NewFamily, StatusChange};
use crate::domain::views::FamilyDetail;

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

fn family_fields(d: Option<&FamilyDetail>) -> Vec<Field> {
    let get = |f: fn(&FamilyDetail) -> Option<&String>| {
        d.and_then(f).map_or("", String::as_str).to_string()
    };
    vec![
        Field::text(
            "family_ref",
            t("Referens", "Reference"),
            d.map_or("", |d| &d.family_ref),
        )
        .required()
        .hint(
            "egen referens hos er, t.ex. 2026-017; aldrig ett personnummer",
            "your own reference, e.g. 2026-017; never an identity number",
        ),
        Field::text(
            "family_name",
            t("Namn", "Name"),
            d.map_or("", |d| &d.display_name),
        )
        .required()
        .hint(
            "som det visas i listor, t.ex. Familjen Andersson",
            "as lists show it, e.g. Familjen Andersson",
        ),
        Field::text("area", t("Område", "Area"), &get(|d| d.area.as_ref())),
        Field::text("clinic", t("BVC", "Clinic"), &get(|d| d.clinic.as_ref())),
        Field::text(
            "address",
            t("Adress", "Address"),
            &get(|d| d.address.as_ref()),
        ),
        Field::text("phone", t("Telefon", "Phone"), &get(|d| d.phone.as_ref())),
        Field::text(
            "languages",
            t("Språk", "Languages"),
            &d.map_or(String::new(), |d| d.languages.join(", ")),
        )
        .hint(
            "flera språk med komma emellan",
            "several languages separated by commas",
        ),
        Field::text(
            "interpreter_language",
            t("Tolkspråk", "Interpreter"),
            &get(|d| d.interpreter_language.as_ref()),
        )
        .hint(
            "språket om familjen behöver tolk, annars tomt",
            "the language if the family needs an interpreter, else empty",
        ),
        Field::choice(
            "protection",
            t("Skydd", "Protection"),
            options(
                Protection::ALL,
                Protection::as_str,
                labels::protection,
                false,
            ),
            d.map_or("none", |d| d.protection.as_str()),
        )
        .hint(
            "←/→ väljer; skyddad adress och telefon visas aldrig i listor",
            "←/→ chooses; a protected address and phone never show in lists",
        ),
        Field::choice(
            "eligibility",
            t("Grund", "Eligibility"),
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
pub fn new_family(programmes: &[(String, Text)], today: NaiveDate) -> Form {
    let _ = today;
    let mut fields = family_fields(None);
    let programme_options = programmes.to_vec();
    fields.insert(
        2,
        Field::choice(
            "programme",
            t("Program", "Programme"),
            programme_options,
            "",
        )
        .required()
        .hint(
            "←/→ väljer programmet familjen följer",
            "←/→ chooses the programme the family follows",
        ),
    );
    fields.extend(caregiver_fields(
        "caregiver_name",
        "caregiver_id_kind",
        "caregiver_id",
    ));
    fields.extend(child_fields());
    Form::new(FormKind::NewFamily, t("Ny familj", "New family"), fields)
}

pub fn edit_family(detail: &FamilyDetail) -> Form {
    Form::new(
        FormKind::EditFamily(detail.id),
        t(
            &format!("Ändra {}", detail.display_name),
            &format!("Edit {}", detail.display_name),
        ),
        family_fields(Some(detail)),
    )
}

pub fn consent(family_id: i64, first_caregiver: &str, today: NaiveDate, lang: Lang) -> Form {
    // The usual scope, written in the interface language; either spelling reads back the same.
    let scope = labels::free_text("samverkan BVC och socialtjänst");
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
        t("Samtycke", "Consent"),
        vec![
            Field::text("given_by", t("Samtycke från", "Given by"), first_caregiver).required(),
            Field::text("scope", t("Omfattning", "Scope"), scope.get(lang)).required(),
            Field::text("given_on", t("Datum", "Date"), &today.to_string())
                .required()
                .hint("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
            Field::choice("method", t("Hur", "How"), methods, ""),
            Field::text("withdrawn_on", t("Återkallat", "Withdrawn"), "").hint(
                "datum om samtycket har återkallats, annars tomt",
                "the date consent was withdrawn, else empty",
            ),
        ],
    )
}

pub fn exit(family_id: i64) -> Form {
    Form::new(
        FormKind::Exit(family_id),
        t("Avsluta deltagandet", "End participation"),
        vec![
            Field::choice(
                "reason",
                t("Orsak", "Reason"),
                options(
                    ExitReason::ALL,
                    ExitReason::as_str,
                    labels::exit_reason,
                    false,
                ),
                "moved",
            )
            .hint(
                "←/→ väljer; Enter avslutar familjens deltagande",
                "←/→ chooses; Enter ends the family's participation",
            ),
            Field::text("exit_note", t("Beskrivning", "Description"), "").hint(
                "med egna ord, när orsaken är annat",
                "in your own words, when the reason is other",
            ),
            Field::text("exited_on", t("Avslutad den", "Left on"), "").hint(
                "ÅÅÅÅ-MM-DD, om familjen slutade en tidigare dag; tomt är i dag",
                "YYYY-MM-DD, when the family left on an earlier day; empty is today",
            ),
        ],
    )
}

fn check_date(form: &mut Form, id: &str, birth: bool, today: NaiveDate) {
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
        form.set_error(id, Some(t("är i framtiden", "is in the future")));
    }
}

pub fn validate(form: &mut Form, today: NaiveDate) {
    if form.field("exited_on").is_some() {
        check_date(form, "exited_on", false, today);
    }
    if form.field("family_ref").is_some()
        && looks_like_identity_number(form.value("family_ref"), today)
    {
        form.set_error(
            "family_ref",
            Some(t(
                "ser ut som ett personnummer; använd en egen referens",
                "looks like an identity number; use your own reference",
            )),
        );
    }
    if form.field("caregiver_id").is_some()
        && let Err(e) = identity_of(form, "caregiver_id", Some("caregiver_id_kind"), today)
    {
        form.set_error("caregiver_id", Some(e));
    }
    if form.field("child_birth_date").is_some() {
        check_date(form, "child_birth_date", true, today);
        match identity_of(form, "child_id", None, today) {
            Err(e) => form.set_error("child_id", Some(e)),
            Ok(Some(id)) => {
                let birth = parse_date(form.value("child_birth_date")).ok();
                if let (Some(born), Some(birth)) = (id.birth_date(), birth)
                    && born != birth
                {
                    form.set_error(
                        "child_id",
                        Some(Text::new(
                            format!("säger född {born}, inte {birth}"),
                            format!("says born {born}, not {birth}"),
                        )),
                    );
                }
            }
            Ok(None) => {}
        }
    }
    if form.field("exit_note").is_some()
        && form.value("reason") == ExitReason::Other.as_str()
        && form.value("exit_note").is_empty()
        && form.tried
    {
        form.set_error(
            "exit_note",
            Some(t(
                "skriv varför, när orsaken är annat",
                "say why, when the reason is other",
            )),
        );
    }
    for id in ["given_on", "withdrawn_on"] {
        if form.field(id).is_some() {
            check_date(form, id, false, today);
        }
    }
}

pub fn build(form: &Form, today: NaiveDate) -> Option<Effect> {
    match form.kind {
        FormKind::NewFamily | FormKind::EditFamily(_) => {
            let new = matches!(form.kind, FormKind::NewFamily);
            let family = NewFamily {
                family_ref: form.value("family_ref").to_string(),
                display_name: form.value("family_name").to_string(),
                address: opt(form.value("address")),
                area: opt(form.value("area")),
                clinic: opt(form.value("clinic")),
                phone: opt(form.value("phone")),
                languages: split_words(form.value("languages")),
                interpreter_language: opt(form.value("interpreter_language")),
                protection: form.value("protection").parse().unwrap_or(Protection::None),
                eligibility: form.value("eligibility").parse().ok(),
                programme_id: form.value("programme").to_string(),
                status: FamilyStatus::Offered,
                offered_on: new.then_some(today),
                enrolled_on: None,
                exited_on: None,
                exit_reason: None,
                note: None,
                consent: None,
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
                given_by: form.value("given_by").to_string(),
                scope: form.value("scope").to_string(),
                given_on: parse_date(form.value("given_on")).ok()?,
                method: form.value("method").parse().ok(),
                withdrawn_on: parse_date(form.value("withdrawn_on")).ok(),
            },
        })),
        FormKind::Exit(family_id) => {
            let reason: ExitReason = form.value("reason").parse().ok()?;
            let status = if reason == ExitReason::Completed {
                FamilyStatus::Completed
            } else {
                FamilyStatus::Exited
            };
            let note = form.value("exit_note");
            Some(Effect::Family(FamilyEffect::SetStatus {
                family_id,
                change: StatusChange {
                    status,
                    exit: Some(reason),
                    exit_note: (reason == ExitReason::Other && !note.is_empty())
                        .then(|| note.to_string()),
                    cancel_booked: true,
                    exited_on: parse_date(form.value("exited_on")).ok(),
                },
            }))
        }
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
