//! Rows of the family tables as domain values: one mapper per shape, with the columns it reads.

use rusqlite::Row;

use crate::db::values::Columns;
use crate::domain::identity::{IdKind, IdentityNumber};
use crate::domain::model::{Consent, FamilySummary};
use crate::domain::views::{Caregiver, ChildDetail, FamilyDetail};

/// How an identity number is stored: its kind (`none` without one) and its value.
pub(super) fn id_columns(identity: Option<&IdentityNumber>) -> (IdKind, Option<&str>) {
    identity.map_or((IdKind::None, None), |id| {
        (id.kind, Some(id.value.as_str()))
    })
}

/// The number at columns `kind` and `value`; its kind is read only when there is one.
pub(super) fn identity(
    r: &Row<'_>,
    kind: usize,
    value: usize,
) -> rusqlite::Result<Option<IdentityNumber>> {
    r.get::<_, Option<String>>(value)?
        .map(|value| {
            Ok(IdentityNumber {
                kind: r.get(kind)?,
                value,
            })
        })
        .transpose()
}

/// The columns [`summary`] reads, from `family f`.
pub(super) const SUMMARY: &str = "f.id, f.family_ref, f.display_name, f.area, f.clinic, f.status,
    f.protection, f.programme_id, f.interpreter_language";

pub(super) fn summary(r: &Row<'_>) -> rusqlite::Result<FamilySummary> {
    Ok(FamilySummary {
        id: r.get(0)?,
        family_ref: r.get(1)?,
        display_name: r.get(2)?,
        area: r.get(3)?,
        clinic: r.get(4)?,
        status: r.get(5)?,
        protection: r.get(6)?,
        programme_id: r.get(7)?,
        interpreter_language: r.get(8)?,
    })
}

/// The columns [`detail`] reads, from `family`.
pub(super) const DETAIL: &str = "id, family_ref, display_name, address, area, clinic, phone,
    languages, interpreter_language, protection, eligibility, programme_id, programme_version,
    status, offered_on, enrolled_on, exited_on, exit_reason, note, exit_note, declined_on, paused_on";

/// A family's own fields; its consent, caregivers and children are read after it.
pub(super) fn detail(r: &Row<'_>) -> rusqlite::Result<FamilyDetail> {
    Ok(FamilyDetail {
        facts: crate::domain::model::FamilyFacts {
            family_ref: r.get(1)?,
            display_name: r.get(2)?,
            address: r.get(3)?,
            area: r.get(4)?,
            clinic: r.get(5)?,
            phone: r.get(6)?,
            languages: r.words(7)?,
            interpreter_language: r.get(8)?,
            protection: r.get(9)?,
            eligibility: r.get(10)?,
            programme_id: r.get(11)?,
            status: r.get(13)?,
            offered_on: r.opt_date(14)?,
            enrolled_on: r.opt_date(15)?,
            exited_on: r.opt_date(16)?,
            exit_reason: r.get(17)?,
            note: r.get(18)?,
            consent: None,
        },
        id: r.get(0)?,
        programme_version: r.get(12)?,
        exit_note: r.get(19)?,
        declined_on: r.opt_date(20)?,
        paused_on: r.opt_date(21)?,
        caregivers: Vec::new(),
        children: Vec::new(),
    })
}

/// The columns [`consent`] reads, from `consent`.
pub(super) const CONSENT: &str = "given_by, scope, given_on, method, withdrawn_on";

pub(super) fn consent(r: &Row<'_>) -> rusqlite::Result<Consent> {
    Ok(Consent {
        given_by: r.get(0)?,
        scope: r.get(1)?,
        given_on: r.date(2)?,
        method: r.get(3)?,
        withdrawn_on: r.opt_date(4)?,
    })
}

/// The columns [`caregiver`] reads, from `caregiver`.
pub(super) const CAREGIVER: &str = "id, name, relation, id_kind, id_value";

pub(super) fn caregiver(r: &Row<'_>) -> rusqlite::Result<Caregiver> {
    Ok(Caregiver {
        id: r.get(0)?,
        data: crate::domain::model::NewCaregiver {
            name: r.get(1)?,
            relation: r.get(2)?,
            identity: identity(r, 3, 4)?,
        },
    })
}

/// The columns [`child`] reads, from `child`.
pub(super) const CHILD: &str =
    "id, name, birth_date, expected, first_child, first_born_in_sweden, id_kind, id_value";

pub(super) fn child(r: &Row<'_>) -> rusqlite::Result<ChildDetail> {
    Ok(ChildDetail {
        id: r.get(0)?,
        data: crate::domain::model::NewChild {
            name: r.get(1)?,
            birth_date: r.date(2)?,
            expected: r.get(3)?,
            first_child: r.get(4)?,
            first_born_in_sweden: r.get(5)?,
            identity: identity(r, 6, 7)?,
        },
    })
}
