//! Forms about staff: new and edit.
use crate::app::StaffEffect;

use super::{opt, options, split_words};
use crate::app::action::Effect;
use crate::app::form::{Field, Form, FormKind};
use crate::app::{Lang, Text, labels};
use crate::domain::enums::{Role, Weekday, parse_list};
use crate::domain::model::{NewStaff, Staff, WorkHours};

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

/// A working day as typed in the form, in the user's language; both languages are read back.
fn day_text(day: Weekday, lang: Lang) -> &'static str {
    match (lang, day) {
        (Lang::En, _) => day.as_str(),
        (Lang::Sv, Weekday::Mon) => "mån",
        (Lang::Sv, Weekday::Tue) => "tis",
        (Lang::Sv, Weekday::Wed) => "ons",
        (Lang::Sv, Weekday::Thu) => "tor",
        (Lang::Sv, Weekday::Fri) => "fre",
        (Lang::Sv, Weekday::Sat) => "lör",
        (Lang::Sv, Weekday::Sun) => "sön",
    }
}

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
        .map(|d| day_text(*d, lang))
        .collect::<Vec<_>>()
        .join("|");
    vec![
        Field::text("name", t("Namn", "Name"), s.map_or("", |s| &s.name)).required(),
        Field::choice(
            "role",
            t("Roll", "Role"),
            options(Role::ALL, Role::as_str, labels::role, false),
            s.map_or("nurse", |s| s.role.as_str()),
        )
        .hint("←/→ väljer", "←/→ chooses"),
        Field::text(
            "organisation",
            t("Organisation", "Organisation"),
            s.and_then(|s| s.organisation.as_deref()).unwrap_or(""),
        ),
        Field::text(
            "languages",
            t("Språk", "Languages"),
            &s.map_or(String::new(), |s| s.languages.join(", ")),
        )
        .hint(
            "tolkens språk, med komma emellan",
            "an interpreter's languages, separated by commas",
        ),
        Field::text("work_days", t("Arbetsdagar", "Working days"), &days)
            .hint("t.ex. mån|tis|tor", "e.g. mon|tue|thu"),
        Field::text(
            "work_hours",
            t("Arbetstid", "Working hours"),
            &s.map_or_else(|| "08:00-16:30".to_string(), |s| s.work_hours.to_text()),
        )
        .hint("t.ex. 08:00-16:30", "e.g. 08:00-16:30"),
        Field::choice(
            "active",
            t("Aktiv", "Active"),
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
    Form::new(
        FormKind::NewStaff,
        t("Ny medarbetare", "New staff member"),
        fields(None, lang),
    )
}

pub fn edit_staff(s: &Staff, lang: Lang) -> Form {
    Form::new(
        FormKind::EditStaff(s.id),
        // The id is what `hembesok calendar --staff` takes.
        t(
            &format!("Ändra {} (id {})", s.name, s.id),
            &format!("Edit {} (id {})", s.name, s.id),
        ),
        fields(Some(s), lang),
    )
}

pub fn validate(form: &mut Form) {
    if let Err(e) = parse_list::<Weekday>(form.value("work_days")) {
        form.set_error(
            "work_days",
            Some(Text::new(
                format!("\"{}\" är ingen dag; skriv t.ex. mån|tis|tor", e.value),
                e.to_string(),
            )),
        );
    } else if parse_list::<Weekday>(form.value("work_days")).is_ok_and(|d| d.is_empty()) {
        form.set_error(
            "work_days",
            Some(t("ange minst en dag", "name at least one day")),
        );
    }
    if let Err(e) = WorkHours::parse(form.value("work_hours")) {
        form.set_error(
            "work_hours",
            Some(Text::new("skriv arbetstiden som 08:00-16:30", e)),
        );
    }
}

pub fn build(form: &Form) -> Option<Effect> {
    let staff = NewStaff {
        name: form.value("name").to_string(),
        role: form.value("role").parse().ok()?,
        organisation: opt(form.value("organisation")),
        languages: split_words(form.value("languages")),
        work_days: parse_list(form.value("work_days")).ok()?,
        work_hours: WorkHours::parse(form.value("work_hours")).ok()?,
        active: form.value("active") != "no",
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
