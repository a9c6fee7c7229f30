//! Forms about a family's people: adding, changing and removing a caregiver or a child.

use chrono::NaiveDate;

use super::{identity_of, opt, options, parse_birth_date};
use crate::app::form::{Field, Form, FormKind};
use crate::app::{Text, labels};
use crate::domain::identity::IdKind;
use crate::domain::model::{NewCaregiver, NewChild};
use crate::domain::views::FamilyDetail;

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

pub(super) fn caregiver_fields(
    prefix_name: &'static str,
    kind: &'static str,
    id: &'static str,
) -> Vec<Field> {
    vec![
        Field::text(prefix_name, t("Vårdnadshavare", "Caregiver"), "").required(),
        Field::choice(
            kind,
            t("ID-typ", "ID kind"),
            options(IdKind::ALL, IdKind::as_str, labels::id_kind, false),
            "none",
        )
        .hint(
            "←/→ väljer; inget nummer behövs",
            "←/→ chooses; no number is needed",
        ),
        Field::text(id, t("ID-nummer", "ID number"), "").hint(
            "ÅÅMMDD-NNNN eller ÅÅÅÅMMDD-NNNN; tomt om inget finns",
            "YYMMDD-NNNN or YYYYMMDD-NNNN; empty if there is none",
        ),
    ]
}

pub(super) fn child_fields() -> Vec<Field> {
    vec![
        Field::text("child_name", t("Barnets namn", "Child's name"), "").required(),
        Field::text("child_birth_date", t("Född", "Born"), "")
            .required()
            .hint(
                "ÅÅÅÅ-MM-DD; före födseln: beräknat datum",
                "YYYY-MM-DD; before birth: the expected date",
            ),
        Field::text("child_id", t("Barnets ID", "Child's ID"), "").hint(
            "personnummer eller samordningsnummer; tomt om inget finns",
            "personnummer or samordningsnummer; empty if there is none",
        ),
    ]
}

pub fn add_caregiver(family_id: i64) -> Form {
    let mut fields = caregiver_fields("caregiver_name", "caregiver_id_kind", "caregiver_id");
    fields.insert(
        1,
        Field::text("relation", t("Relation", "Relation"), "").hint(
            "t.ex. mamma, pappa, förälder",
            "e.g. mother, father, parent",
        ),
    );
    Form::new(
        FormKind::AddCaregiver(family_id),
        t("Ny vårdnadshavare", "Add caregiver"),
        fields,
    )
}

pub fn add_child(family_id: i64) -> Form {
    let mut fields = child_fields();
    fields.push(Field::choice(
        "born_in_sweden",
        t("Första barnet fött i Sverige", "First child born in Sweden"),
        vec![
            ("no".into(), labels::yes_no(false)),
            ("yes".into(), labels::yes_no(true)),
        ],
        "no",
    ));
    Form::new(
        FormKind::AddChild(family_id),
        t("Nytt barn", "Add child"),
        fields,
    )
}

/// The first field of a form about one of the family's people: whom it is about.
const WHO: &str = "who";

/// Changing or removing a caregiver: whom (the first field), then the fields of adding one,
/// filled in. None when the family has no caregiver.
pub fn edit_caregiver(detail: &FamilyDetail) -> Option<Form> {
    let first = detail.caregivers.first()?;
    let people = detail
        .caregivers
        .iter()
        .map(|c| (c.id.to_string(), Text::new(&c.name, &c.name)))
        .collect();
    let mut form = add_caregiver(detail.id);
    form.kind = FormKind::EditCaregiver(detail.id);
    form.title = t("Ändra vårdnadshavare", "Edit caregiver");
    form.fields.insert(
        0,
        Field::choice(WHO, t("Vem", "Who"), people, &first.id.to_string()).hint(
            "←/→ väljer vem; Ctrl-D tar bort personen",
            "←/→ chooses whom; Ctrl-D removes them",
        ),
    );
    refill_person(&mut form, detail);
    Some(form)
}

/// Changing or removing a child, as [`edit_caregiver`].
pub fn edit_child(detail: &FamilyDetail) -> Option<Form> {
    let first = detail.children.first()?;
    let people = detail
        .children
        .iter()
        .map(|c| (c.id.to_string(), Text::new(&c.name, &c.name)))
        .collect();
    let mut form = add_child(detail.id);
    form.kind = FormKind::EditChild(detail.id);
    form.title = t("Ändra barn", "Edit child");
    form.fields.insert(
        0,
        Field::choice(WHO, t("Vem", "Who"), people, &first.id.to_string()).hint(
            "←/→ väljer vem; Ctrl-D tar bort barnet",
            "←/→ chooses whom; Ctrl-D removes the child",
        ),
    );
    refill_person(&mut form, detail);
    Some(form)
}

/// The person the form is about, by id, when it is about one.
pub fn person_of(form: &Form) -> Option<i64> {
    match form.kind {
        FormKind::EditCaregiver(_) | FormKind::EditChild(_) => form.value(WHO).parse().ok(),
        _ => None,
    }
}

/// Fills the fields with what is stored about the person chosen in the first field.
pub fn refill_person(form: &mut Form, detail: &FamilyDetail) {
    let Some(id) = person_of(form) else {
        return;
    };
    let set_text = |form: &mut Form, field: &str, value: &str| {
        if let Some(f) = form.fields.iter_mut().find(|f| f.id == field) {
            f.input = tui_input::Input::new(value.to_string());
        }
    };
    let set_choice = |form: &mut Form, field: &str, value: &str| {
        if let Some(f) = form.fields.iter_mut().find(|f| f.id == field)
            && let crate::app::form::FieldKind::Choice(options) = &f.kind
        {
            f.choice = options.iter().position(|(v, _)| v == value).unwrap_or(0);
        }
    };
    if let Some(c) = detail.caregivers.iter().find(|c| c.id == id) {
        set_text(form, "caregiver_name", &c.name);
        set_text(form, "relation", c.relation.as_deref().unwrap_or(""));
        let kind = c.identity.as_ref().map_or(IdKind::None, |i| i.kind);
        set_choice(form, "caregiver_id_kind", kind.as_str());
        let number = c
            .identity
            .as_ref()
            .map(crate::domain::identity::IdentityNumber::formatted)
            .unwrap_or_default();
        set_text(form, "caregiver_id", &number);
    }
    if let Some(c) = detail.children.iter().find(|c| c.id == id) {
        set_text(form, "child_name", &c.name);
        set_text(form, "child_birth_date", &c.birth_date.to_string());
        let number = c
            .identity
            .as_ref()
            .map(crate::domain::identity::IdentityNumber::formatted)
            .unwrap_or_default();
        set_text(form, "child_id", &number);
        set_choice(
            form,
            "born_in_sweden",
            if c.first_born_in_sweden { "yes" } else { "no" },
        );
    }
    form.dirty = false;
}

pub(super) fn caregiver(form: &Form, today: NaiveDate) -> Option<NewCaregiver> {
    Some(NewCaregiver {
        name: form.value("caregiver_name").to_string(),
        relation: opt(form.value("relation")),
        identity: identity_of(form, "caregiver_id", Some("caregiver_id_kind"), today).ok()?,
    })
}

pub(super) fn child(form: &Form, today: NaiveDate, first_child: bool) -> Option<NewChild> {
    let birth = parse_birth_date(form.value("child_birth_date"), today).ok()?;
    Some(NewChild {
        name: form.value("child_name").to_string(),
        birth_date: birth,
        expected: birth > today,
        first_child,
        first_born_in_sweden: form.value("born_in_sweden") == "yes",
        identity: identity_of(form, "child_id", None, today).ok()?,
    })
}
