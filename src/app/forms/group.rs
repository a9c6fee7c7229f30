//! Forms about parent groups: a new series (showing the dates it will create) and cancelling
//! a session with a reason.
use crate::app::GroupsEffect;

use std::fmt::Write as _;

use chrono::{Days, Months, NaiveDate, NaiveDateTime};

use super::{opt, parse_date};
use crate::app::Text;
use crate::app::action::Effect;
use crate::app::form::{Field, Form, FormKind};
use crate::domain::group_views::GroupInfo;
use crate::domain::groups::{SeriesRequest, SessionChange, series_dates};
use crate::domain::model::{NewGroup, Staff};
use crate::i18n::labels::skip;

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

/// Sessions are generated on the weekday of the first one; from one to twenty.
const MAX_SESSIONS: u32 = 20;

pub fn new_series(staff: &[Staff], today: NaiveDate) -> Form {
    let first = next_weekday_at(today);
    let born_to = today;
    let born_from = today.checked_sub_months(Months::new(3)).unwrap_or(today);
    let fields = vec![
        Field::text("name", t("Namn", "Name"), "").required(),
        Field::text("method", t("Metod", "Method"), "").hint(
            "t.ex. BVC-föräldragrupp, ICDP",
            "e.g. BVC parent group, ICDP",
        ),
        Field::text("language", t("Språk", "Language"), ""),
        Field::text("place", t("Plats", "Place"), ""),
        Field::text("leaders", t("Ledare", "Leaders"), "")
            .required()
            .hint(
                "namn eller id ur Personal, med komma emellan",
                "names or ids from Staff, separated by commas",
            ),
        Field::text(
            "capacity",
            t("Platser (familjer)", "Capacity (families)"),
            "8",
        ),
        Field::text("first", t("Första träffen", "First session"), &first)
            .required()
            .hint(
                "ÅÅÅÅ-MM-DD TT:MM; veckodag och tid för alla träffar",
                "YYYY-MM-DD HH:MM; the weekday and time of every session",
            ),
        Field::text("count", t("Antal träffar", "Sessions"), "8").required(),
        Field::text("duration", t("Längd (minuter)", "Length (minutes)"), "120"),
        Field::text(
            "born_from",
            t("Barn födda från", "Children born from"),
            &born_from.to_string(),
        ),
        Field::text(
            "born_to",
            t("Barn födda till", "Children born until"),
            &born_to.to_string(),
        ),
    ];
    let mut form = Form::new(
        FormKind::NewSeries,
        t("Ny föräldragrupp", "New parent group"),
        fields,
    );
    form.staff = staff.to_vec();
    form
}

/// Next week's same weekday at 10:00, as a first guess.
fn next_weekday_at(today: NaiveDate) -> String {
    let day = today + Days::new(7);
    format!("{day} 10:00")
}

fn parse_start(text: &str) -> Result<NaiveDateTime, Text> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M").map_err(|_| {
        Text::new(
            "skriv datum och tid som 2026-12-17 10:00",
            "write the date and time as 2026-12-17 10:00",
        )
    })
}

fn parse_count(text: &str, max: u32) -> Result<u32, Text> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| {
            Text::new(
                format!("skriv ett tal från 1 till {max}"),
                format!("write a number from 1 to {max}"),
            )
        })
}

/// The staff named in the leaders field: each by id or by a part of the name only one has.
fn leaders(text: &str, staff: &[Staff]) -> Result<Vec<i64>, Text> {
    let mut out = Vec::new();
    for part in super::split_words(text) {
        let lower = part.to_lowercase();
        let found: Vec<&Staff> = match part.parse::<i64>() {
            Ok(id) => staff.iter().filter(|s| s.id == id).collect(),
            Err(_) => staff
                .iter()
                .filter(|s| s.active && s.name.to_lowercase().contains(&lower))
                .collect(),
        };
        match found.as_slice() {
            [one] => {
                if !out.contains(&one.id) {
                    out.push(one.id);
                }
            }
            [] => {
                return Err(Text::new(
                    format!("ingen i Personal heter \"{part}\""),
                    format!("no one in Staff is called \"{part}\""),
                ));
            }
            many => {
                let names: Vec<&str> = many.iter().take(3).map(|s| s.name.as_str()).collect();
                return Err(Text::new(
                    format!("\"{part}\" passar flera ({}); skriv mer", names.join(", ")),
                    format!("\"{part}\" fits several ({}); type more", names.join(", ")),
                ));
            }
        }
    }
    Ok(out)
}

/// A date as the preview shows it: day and month.
fn short(d: NaiveDate) -> String {
    d.format("%-d/%-m").to_string()
}

pub fn validate(form: &mut Form) {
    form.note = None;
    let checks: [(&str, Option<Text>); 6] = [
        ("leaders", leaders(form.value("leaders"), &form.staff).err()),
        ("first", parse_start(form.value("first")).err()),
        (
            "count",
            parse_count(form.value("count"), MAX_SESSIONS).err(),
        ),
        (
            "capacity",
            (!form.value("capacity").is_empty())
                .then(|| parse_count(form.value("capacity"), 99).err())
                .flatten(),
        ),
        ("duration", parse_count(form.value("duration"), 600).err()),
        (
            "born_to",
            match (
                parse_date(form.value("born_from")),
                parse_date(form.value("born_to")),
            ) {
                (Ok(a), Ok(b)) if a > b => Some(t(
                    "ska vara samma dag eller efter \"från\"",
                    "must be on or after \"from\"",
                )),
                (_, Err(e)) if !form.value("born_to").is_empty() => Some(e),
                _ => None,
            },
        ),
    ];
    for (id, error) in checks {
        if !form.value(id).is_empty() {
            form.set_error(id, error);
        }
    }
    if !form.value("born_from").is_empty()
        && let Err(e) = parse_date(form.value("born_from"))
    {
        form.set_error("born_from", Some(e));
    }
    form.note = preview(form);
    if let Some(short) = too_few(form) {
        form.set_error("first", Some(short));
    }
}

/// When the leaders cannot meet weekly on the first session's weekday: how many weeks were free.
fn too_few(form: &Form) -> Option<Text> {
    let first = parse_start(form.value("first")).ok()?;
    let count = parse_count(form.value("count"), MAX_SESSIONS).ok()?;
    let ids = leaders(form.value("leaders"), &form.staff).ok()?;
    let people: Vec<&Staff> = form.staff.iter().filter(|s| ids.contains(&s.id)).collect();
    let found = series_dates(first, count as usize, &people).starts.len();
    (found < count as usize).then(|| {
        Text::new(
            format!("bara {found} av {count} veckor går; välj en veckodag alla ledare arbetar"),
            format!("only {found} of {count} weeks work; choose a weekday every leader works"),
        )
    })
}

/// The dates the series will have and the weeks it skips, for the form to show before saving.
fn preview(form: &Form) -> Option<Text> {
    let first = parse_start(form.value("first")).ok()?;
    let count = parse_count(form.value("count"), MAX_SESSIONS).ok()?;
    let ids = leaders(form.value("leaders"), &form.staff).unwrap_or_default();
    let people: Vec<&Staff> = form.staff.iter().filter(|s| ids.contains(&s.id)).collect();
    let dates = series_dates(first, count as usize, &people);
    let days: Vec<String> = dates.starts.iter().map(|s| short(s.date())).collect();
    let skipped = |lang: crate::i18n::Lang| -> String {
        dates
            .skipped
            .iter()
            .take(4)
            .map(|(d, why)| format!("{} {}", short(*d), skip(why).get(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let weekday = |names: [&'static str; 7]| -> &'static str {
        use chrono::Datelike;
        names[first.weekday().num_days_from_monday() as usize]
    };
    let sv_day = weekday(["mån", "tis", "ons", "tor", "fre", "lör", "sön"]);
    let en_day = weekday(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    let time = first.format("%H:%M");
    let (mut sv, mut en) = (
        format!(
            "{} träffar, {sv_day} {time}: {}",
            days.len(),
            days.join(" ")
        ),
        format!(
            "{} sessions, {en_day} {time}: {}",
            days.len(),
            days.join(" ")
        ),
    );
    if !dates.skipped.is_empty() {
        let _ = write!(sv, " · hoppar över {}", skipped(crate::i18n::Lang::Sv));
        let _ = write!(en, " · skips {}", skipped(crate::i18n::Lang::En));
    }
    Some(Text::new(sv, en))
}

pub fn build(form: &Form) -> Option<Effect> {
    let born = match (
        parse_date(form.value("born_from")),
        parse_date(form.value("born_to")),
    ) {
        (Ok(a), Ok(b)) => Some((a, b)),
        _ => None,
    };
    let request = SeriesRequest {
        group: NewGroup {
            name: form.value("name").to_string(),
            method: opt(form.value("method")),
            language: opt(form.value("language")),
            place: opt(form.value("place")),
            capacity: form.value("capacity").parse().ok(),
            leaders: leaders(form.value("leaders"), &form.staff).ok()?,
        },
        area: None,
        born,
        first: parse_start(form.value("first")).ok()?,
        count: parse_count(form.value("count"), MAX_SESSIONS).ok()?,
        duration_min: parse_count(form.value("duration"), 600).unwrap_or(120),
        themes: Vec::new(),
    };
    Some(Effect::Groups(GroupsEffect::CreateSeries(Box::new(
        request,
    ))))
}

/// A series' own fields and leaders; its sessions keep their dates.
pub fn edit_series(info: &GroupInfo, staff: &[Staff]) -> Form {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let leaders: Vec<String> = info.leaders.iter().map(|(id, _)| id.to_string()).collect();
    let (from, to) = info.born.map_or((String::new(), String::new()), |(a, b)| {
        (a.to_string(), b.to_string())
    });
    let fields = vec![
        Field::text("name", t("Namn", "Name"), &info.name).required(),
        Field::text("method", t("Metod", "Method"), &text(&info.method)),
        Field::text("language", t("Språk", "Language"), &text(&info.language)),
        Field::text("place", t("Plats", "Place"), &text(&info.place)),
        Field::text("leaders", t("Ledare", "Leaders"), &leaders.join(", "))
            .required()
            .hint(
                "namn eller id ur Personal, med komma emellan",
                "names or ids from Staff, separated by commas",
            ),
        Field::text(
            "capacity",
            t("Platser (familjer)", "Capacity (families)"),
            &info.capacity.map(|c| c.to_string()).unwrap_or_default(),
        ),
        Field::text(
            "born_from",
            t("Barn födda från", "Children born from"),
            &from,
        ),
        Field::text("born_to", t("Barn födda till", "Children born until"), &to),
    ];
    let mut form = Form::new(
        FormKind::EditSeries(info.id),
        Text::new(
            format!("Ändra {}", info.name),
            format!("Edit {}", info.name),
        ),
        fields,
    );
    form.staff = staff.to_vec();
    form
}

pub fn build_edit(form: &Form) -> Option<Effect> {
    let FormKind::EditSeries(id) = form.kind else {
        return None;
    };
    let born = match (
        parse_date(form.value("born_from")),
        parse_date(form.value("born_to")),
    ) {
        (Ok(a), Ok(b)) => Some((a, b)),
        _ => None,
    };
    Some(Effect::Groups(GroupsEffect::EditSeries {
        id,
        group: Box::new(NewGroup {
            name: form.value("name").to_string(),
            method: opt(form.value("method")),
            language: opt(form.value("language")),
            place: opt(form.value("place")),
            capacity: form.value("capacity").parse().ok(),
            leaders: leaders(form.value("leaders"), &form.staff).ok()?,
        }),
        born,
    }))
}

pub fn cancel_session(session_id: i64, when: NaiveDateTime) -> Form {
    let at = when.format("%Y-%m-%d %H:%M");
    Form::new(
        FormKind::CancelSession(session_id),
        Text::new(
            format!("Ställ in träffen {at}"),
            format!("Cancel the session {at}"),
        ),
        vec![
            Field::text("reason", t("Orsak", "Reason"), "")
                .required()
                .hint("t.ex. ledaren sjuk", "e.g. the leader is ill"),
        ],
    )
}

pub fn build_cancel(form: &Form) -> Option<Effect> {
    let FormKind::CancelSession(session_id) = form.kind else {
        return None;
    };
    Some(Effect::Groups(GroupsEffect::ChangeSession {
        session_id,
        change: SessionChange::Cancel(form.value("reason").to_string()),
    }))
}

/// Which family leaves the series (from today; its marks stay).
pub fn remove_member(page: &crate::domain::group_views::GroupPage) -> Option<Form> {
    let options: Vec<(String, Text)> = page
        .members
        .iter()
        .filter(|m| m.left.is_none())
        .map(|m| (m.family_id.to_string(), Text::new(&m.name, &m.name)))
        .collect();
    if options.is_empty() {
        return None;
    }
    let first = options[0].0.clone();
    Some(Form::new(
        FormKind::RemoveMember(page.info.id),
        Text::new(
            format!("Familj som slutar i {}", page.info.name),
            format!("A family leaving {}", page.info.name),
        ),
        vec![
            Field::choice("family", t("Familj", "Family"), options, &first).hint(
                "←/→ väljer; närvaron hittills finns kvar",
                "←/→ chooses; the attendance so far is kept",
            ),
        ],
    ))
}

pub fn build_remove(form: &Form) -> Option<Effect> {
    let FormKind::RemoveMember(group_id) = form.kind else {
        return None;
    };
    Some(Effect::Groups(GroupsEffect::RemoveMember {
        group_id,
        family_id: form.value("family").parse().ok()?,
    }))
}
