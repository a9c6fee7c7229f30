//! Forms about parent groups: a new series (showing the dates it will create) and cancelling
//! a session with a reason.
use crate::app::GroupsEffect;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};

use super::{opt, parse_date};
use crate::app::action::Effect;
use crate::app::form::{Field, FieldId as F, FieldKind, Form, FormKind};
use crate::app::{Lang, Text, labels};
use crate::domain::group_views::{AreaChoices, GroupInfo};
use crate::domain::groups::{SeriesRequest, SessionChange, series_dates};
use crate::domain::language;
use crate::domain::model::{NewGroup, Staff};
use crate::i18n::forms as w;
use crate::i18n::labels::skip;

/// Sessions are generated on the weekday of the first one; from one to twenty.
const MAX_SESSIONS: u32 = 20;

/// The area field: the areas in use to choose from (the series' own kept), required where
/// there are any, since the report counts a series by its area.
fn area_field(areas: &AreaChoices, current: Option<&str>) -> Field {
    let mut options: Vec<(String, Text)> = vec![(String::new(), w::NOT_SAID.into())];
    let mut names: Vec<&str> = areas.areas.iter().map(String::as_str).collect();
    if let Some(own) = current.filter(|a| !names.contains(a)) {
        names.push(own);
        names.sort_unstable();
    }
    options.extend(names.iter().map(|a| (a.to_string(), labels::free_text(a))));
    let field = Field::choice(F::Area, w::AREA, options, current.unwrap_or_default())
        .hint(w::SERIES_AREA_HINT);
    if names.is_empty() {
        field
    } else {
        field.required()
    }
}

/// While the area is the one last chosen unasked (or none), it follows the place and the
/// leaders typed.
fn follow_area(form: &mut Form) {
    let Some(choices) = form.areas.as_ref() else {
        return;
    };
    let (areas, unasked) = choices.as_ref();
    let now = form.value(F::Area).to_string();
    if !(now.is_empty() || unasked.as_deref() == Some(now.as_str())) {
        return;
    }
    let ids = leaders(form.value(F::Leaders), &form.staff).unwrap_or_default();
    let Some(area) = areas
        .default_for(form.value(F::Place), &ids)
        .map(str::to_string)
    else {
        return;
    };
    if let Some(f) = form.field_mut(F::Area)
        && let FieldKind::Choice(options) = &f.kind
        && let Some(at) = options.iter().position(|(v, _)| *v == area)
    {
        f.choice = at;
    }
    if let Some(choices) = form.areas.as_mut() {
        choices.1 = Some(area);
    }
}

pub fn new_series(staff: &[Staff], today: NaiveDate, areas: AreaChoices) -> Form {
    let first = next_weekday_at(today);
    let born_to = today;
    let born_from = today.checked_sub_months(Months::new(3)).unwrap_or(today);
    let fields = vec![
        Field::text(F::Name, w::NAME, "").required(),
        Field::text(F::Method, w::METHOD, "").hint(w::METHOD_HINT),
        Field::text(F::Language, w::LANGUAGE, ""),
        Field::text(F::Place, w::PLACE, ""),
        Field::text(F::Leaders, w::LEADERS, "")
            .required()
            .hint(w::LEADERS_HINT),
        area_field(&areas, None),
        Field::text(F::Capacity, w::CAPACITY, "8"),
        Field::text(F::First, w::FIRST_SESSION, &first)
            .required()
            .hint(w::FIRST_SESSION_HINT),
        Field::text(F::Count, w::SESSION_COUNT, "8").required(),
        Field::text(F::Duration, w::LENGTH, "120"),
        Field::text(F::BornFrom, w::BORN_FROM, &born_from.to_string()),
        Field::text(F::BornTo, w::BORN_TO, &born_to.to_string()),
    ];
    let mut form = Form::new(FormKind::NewSeries, w::NEW_GROUP.into(), fields);
    form.staff = staff.to_vec();
    form.areas = Some(Box::new((areas, None)));
    form
}

/// Next week's same weekday at 10:00, as a first guess.
fn next_weekday_at(today: NaiveDate) -> String {
    let day = today + Days::new(7);
    format!("{day} 10:00")
}

fn parse_start(text: &str) -> Result<NaiveDateTime, Text> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M").map_err(|_| w::START_FORMAT.into())
}

fn parse_count(text: &str, max: u32) -> Result<u32, Text> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| w::number_from_one(max))
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
            [] => return Err(w::no_one_called(&part)),
            many => {
                let names: Vec<&str> = many.iter().take(3).map(|s| s.name.as_str()).collect();
                return Err(w::fits_several(&part, &names));
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
    follow_area(form);
    // An edited series keeps its sessions: it has no first session, count nor length.
    let text = |id: F| form.value_of(id).unwrap_or_default();
    let checks: [(F, Option<Text>); 6] = [
        (F::Leaders, leaders(text(F::Leaders), &form.staff).err()),
        (F::First, parse_start(text(F::First)).err()),
        (F::Count, parse_count(text(F::Count), MAX_SESSIONS).err()),
        (
            F::Capacity,
            (!text(F::Capacity).is_empty())
                .then(|| parse_count(text(F::Capacity), 99).err())
                .flatten(),
        ),
        (F::Duration, parse_count(text(F::Duration), 600).err()),
        (
            F::BornTo,
            match (parse_date(text(F::BornFrom)), parse_date(text(F::BornTo))) {
                (Ok(a), Ok(b)) if a > b => Some(w::ON_OR_AFTER_FROM.into()),
                (_, Err(e)) if !text(F::BornTo).is_empty() => Some(e),
                _ => None,
            },
        ),
    ];
    for (id, error) in checks {
        if form.value_of(id).is_some_and(|v| !v.is_empty()) {
            form.set_error(id, error);
        }
    }
    if !form.value(F::BornFrom).is_empty()
        && let Err(e) = parse_date(form.value(F::BornFrom))
    {
        form.set_error(F::BornFrom, Some(e));
    }
    form.note = preview(form);
    if let Some(short) = too_few(form) {
        form.set_error(F::First, Some(short));
    }
}

/// When the leaders cannot meet weekly on the first session's weekday: how many weeks were free.
fn too_few(form: &Form) -> Option<Text> {
    let first = parse_start(form.value_of(F::First)?).ok()?;
    let count = parse_count(form.value(F::Count), MAX_SESSIONS).ok()?;
    let ids = leaders(form.value(F::Leaders), &form.staff).ok()?;
    let people: Vec<&Staff> = form.staff.iter().filter(|s| ids.contains(&s.id)).collect();
    let found = series_dates(first, count as usize, &people).starts.len();
    (found < count as usize).then(|| w::too_few_weeks(found, count))
}

/// The dates the series will have and the weeks it skips, for the form to show before saving
/// (a new series: an edited one has no first session).
fn preview(form: &Form) -> Option<Text> {
    let first = parse_start(form.value_of(F::First)?).ok()?;
    let count = parse_count(form.value(F::Count), MAX_SESSIONS).ok()?;
    let ids = leaders(form.value(F::Leaders), &form.staff).unwrap_or_default();
    let people: Vec<&Staff> = form.staff.iter().filter(|s| ids.contains(&s.id)).collect();
    let dates = series_dates(first, count as usize, &people);
    let days: Vec<String> = dates.starts.iter().map(|s| short(s.date())).collect();
    // The first few skipped weeks say why; more would not fit the line.
    let skipped: Vec<(String, Text)> = dates
        .skipped
        .iter()
        .take(4)
        .map(|(d, why)| (short(*d), skip(why)))
        .collect();
    Some(w::series_preview(
        first.weekday(),
        &first.format("%H:%M").to_string(),
        &days,
        &skipped,
    ))
}

pub fn build(form: &Form) -> Option<Effect> {
    let born = match (
        parse_date(form.value(F::BornFrom)),
        parse_date(form.value(F::BornTo)),
    ) {
        (Ok(a), Ok(b)) => Some((a, b)),
        _ => None,
    };
    let request = SeriesRequest {
        group: NewGroup {
            name: form.value(F::Name).to_string(),
            method: opt(form.value(F::Method)),
            language: opt(form.value(F::Language)).map(|l| language::kept(&l)),
            place: opt(form.value(F::Place)),
            capacity: form.value(F::Capacity).parse().ok(),
            leaders: leaders(form.value(F::Leaders), &form.staff).ok()?,
        },
        area: opt(form.value(F::Area)),
        born,
        first: parse_start(form.value(F::First)).ok()?,
        count: parse_count(form.value(F::Count), MAX_SESSIONS).ok()?,
        duration_min: parse_count(form.value(F::Duration), 600).unwrap_or(120),
        themes: Vec::new(),
    };
    Some(Effect::Groups(GroupsEffect::CreateSeries(Box::new(
        request,
    ))))
}

/// A series' own fields and leaders; its sessions keep their dates. Its language is named in
/// the interface language.
pub fn edit_series(info: &GroupInfo, staff: &[Staff], areas: AreaChoices, lang: Lang) -> Form {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    // By name, as they are typed; by id where the name would not find that one person again
    // (someone no longer active, or a name inside another's).
    let leaders: Vec<String> = info
        .leaders
        .iter()
        .map(|(id, name)| match leaders(name, staff).as_deref() {
            Ok([found]) if found == id && !name.contains([',', '|']) => name.clone(),
            _ => id.to_string(),
        })
        .collect();
    let area = area_field(&areas, info.area.as_deref());
    let (from, to) = info.born.map_or((String::new(), String::new()), |(a, b)| {
        (a.to_string(), b.to_string())
    });
    let fields = vec![
        Field::text(F::Name, w::NAME, &info.name).required(),
        Field::text(F::Method, w::METHOD, &text(&info.method)),
        Field::text(
            F::Language,
            w::LANGUAGE,
            &info
                .language
                .as_deref()
                .map_or(String::new(), |l| labels::language(l).get(lang).to_string()),
        ),
        Field::text(F::Place, w::PLACE, &text(&info.place)),
        Field::text(F::Leaders, w::LEADERS, &leaders.join(", "))
            .required()
            .hint(w::LEADERS_HINT),
        area,
        Field::text(
            F::Capacity,
            w::CAPACITY,
            &info.capacity.map(|c| c.to_string()).unwrap_or_default(),
        ),
        Field::text(F::BornFrom, w::BORN_FROM, &from),
        Field::text(F::BornTo, w::BORN_TO, &to),
    ];
    let mut form = Form::new(
        FormKind::EditSeries(info.id),
        w::edit_title(&info.name),
        fields,
    );
    form.staff = staff.to_vec();
    form.areas = Some(Box::new((areas, None)));
    form
}

pub fn build_edit(form: &Form) -> Option<Effect> {
    let FormKind::EditSeries(id) = form.kind else {
        return None;
    };
    let born = match (
        parse_date(form.value(F::BornFrom)),
        parse_date(form.value(F::BornTo)),
    ) {
        (Ok(a), Ok(b)) => Some((a, b)),
        _ => None,
    };
    Some(Effect::Groups(GroupsEffect::EditSeries {
        id,
        group: Box::new(NewGroup {
            name: form.value(F::Name).to_string(),
            method: opt(form.value(F::Method)),
            language: opt(form.value(F::Language)).map(|l| language::kept(&l)),
            place: opt(form.value(F::Place)),
            capacity: form.value(F::Capacity).parse().ok(),
            leaders: leaders(form.value(F::Leaders), &form.staff).ok()?,
        }),
        area: opt(form.value(F::Area)),
        born,
    }))
}

pub fn cancel_session(session_id: i64, when: NaiveDateTime) -> Form {
    let at = when.format("%Y-%m-%d %H:%M");
    Form::new(
        FormKind::CancelSession(session_id),
        w::cancel_session_title(&at.to_string()),
        vec![
            Field::text(F::Reason, w::CAUSE, "")
                .required()
                .hint(w::CANCEL_HINT),
        ],
    )
}

pub fn build_cancel(form: &Form) -> Option<Effect> {
    let FormKind::CancelSession(session_id) = form.kind else {
        return None;
    };
    Some(Effect::Groups(GroupsEffect::ChangeSession {
        session_id,
        change: SessionChange::Cancel(form.value(F::Reason).to_string()),
    }))
}

/// Which family leaves the series (from today; its marks stay).
pub fn remove_member(page: &crate::domain::group_views::GroupPage) -> Option<Form> {
    // Told apart as the member list tells them: a shared name with its reference, a protected
    // family by its reference only.
    let current: Vec<_> = page.members.iter().filter(|m| m.left.is_none()).collect();
    let members: Vec<crate::i18n::members::Member> = current
        .iter()
        .map(|m| (m.name.as_str(), m.family_ref.as_str(), m.protection))
        .collect();
    let options: Vec<(String, Text)> = current
        .iter()
        .zip(crate::i18n::members::member_texts(&members))
        .map(|(m, shown)| (m.family_id.to_string(), shown))
        .collect();
    if options.is_empty() {
        return None;
    }
    let first = options[0].0.clone();
    Some(Form::new(
        FormKind::RemoveMember(page.info.id),
        w::leaving_title(&page.info.name),
        vec![Field::choice(F::Family, w::FAMILY, options, &first).hint(w::LEAVING_HINT)],
    ))
}

pub fn build_remove(form: &Form) -> Option<Effect> {
    let FormKind::RemoveMember(group_id) = form.kind else {
        return None;
    };
    Some(Effect::Groups(GroupsEffect::RemoveMember {
        group_id,
        family_id: form.value(F::Family).parse().ok()?,
    }))
}
