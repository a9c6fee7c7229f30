//! Families with their caregivers, children and consent; the programme versions they follow.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::{DbError, ReadTx, Result, WriteTx, date_text, join_list, parse_enum};
use crate::domain::identity::IdentityNumber;
use crate::domain::model::{FamilySummary, NewCaregiver, NewChild, NewFamily};
use crate::domain::programme::Programme;

fn id_columns(identity: Option<&IdentityNumber>) -> (&'static str, Option<&str>) {
    identity.map_or(("none", None), |id| {
        (id.kind.as_str(), Some(id.value.as_str()))
    })
}

impl ReadTx<'_> {
    /// The stored template text of a programme version.
    pub fn programme_definition(&self, id: &str, version: u32) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT definition FROM programme WHERE id = ?1 AND version = ?2")?
            .query_row(params![id, version], |r| r.get(0))
            .optional()?)
    }

    pub fn family_id_by_ref(&self, family_ref: &str) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM family WHERE family_ref = ?1")?
            .query_row([family_ref], |r| r.get(0))
            .optional()?)
    }

    /// The reference of a family with a child of this personnummer or samordningsnummer.
    pub fn family_ref_of_child_number(&self, value: &str) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT f.family_ref FROM child c JOIN family f ON f.id = c.family_id
                 WHERE c.id_value = ?1 AND c.id_kind IN ('personnummer', 'samordningsnummer')
                 ORDER BY f.family_ref LIMIT 1",
            )?
            .query_row([value], |r| r.get(0))
            .optional()?)
    }

    pub fn family_of_child(&self, child_id: i64) -> Result<Option<i64>> {
        Ok(self
            .tx
            .prepare_cached("SELECT family_id FROM child WHERE id = ?1")?
            .query_row([child_id], |r| r.get(0))
            .optional()?)
    }

    /// The programme id and version a family follows.
    pub fn family_programme(&self, family_id: i64) -> Result<Option<(String, u32)>> {
        Ok(self
            .tx
            .prepare_cached("SELECT programme_id, programme_version FROM family WHERE id = ?1")?
            .query_row([family_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Families in name order, without address or phone (lists never show them).
    pub fn list_families(&self) -> Result<Vec<FamilySummary>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, family_ref, display_name, area, clinic, status, protection, programme_id,
                    interpreter_language
             FROM family ORDER BY display_name, family_ref",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?;
        rows.map(|row| {
            let (
                id,
                family_ref,
                display_name,
                area,
                clinic,
                status,
                protection,
                programme_id,
                interpreter_language,
            ) = row?;
            Ok(FamilySummary {
                id,
                family_ref,
                display_name,
                area,
                clinic,
                status: parse_enum(&status)?,
                protection: parse_enum(&protection)?,
                programme_id,
                interpreter_language,
            })
        })
        .collect()
    }

    /// The identity numbers stored for a family's caregivers, in order.
    pub fn caregiver_identities(&self, family_id: i64) -> Result<Vec<Option<IdentityNumber>>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id_kind, id_value FROM caregiver WHERE family_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([family_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        rows.map(|row| {
            let (kind, value) = row?;
            value
                .map(|value| -> Result<IdentityNumber> {
                    Ok(IdentityNumber {
                        kind: parse_enum(&kind)?,
                        value,
                    })
                })
                .transpose()
        })
        .collect()
    }
}

impl WriteTx<'_> {
    /// Records a programme version the first time a family uses it; the same id and version
    /// with other content is refused, so a family's schedule never changes under it.
    pub fn ensure_programme(&self, programme: &Programme, definition: &str) -> Result<()> {
        let stored: Option<String> = self
            .tx
            .prepare_cached("SELECT definition FROM programme WHERE id = ?1 AND version = ?2")?
            .query_row(params![programme.id, programme.version], |r| r.get(0))
            .optional()?;
        match stored {
            Some(text) if text == definition => Ok(()),
            Some(_) => Err(DbError::ProgrammeChanged {
                id: programme.id.clone(),
                version: programme.version,
            }),
            None => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO programme (id, version, name, definition) VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![programme.id, programme.version, programme.name, definition])?;
                Ok(())
            }
        }
    }

    /// Inserts a family with everything that belongs to it; returns its id.
    pub fn insert_family(
        &self,
        family: &NewFamily,
        programme_version: u32,
        now: NaiveDateTime,
    ) -> Result<i64> {
        let now = now.format("%Y-%m-%d %H:%M:%S").to_string();
        self.tx
            .prepare_cached(
                "INSERT INTO family (family_ref, display_name, address, area, clinic, phone, languages,
                    interpreter_language, protection, eligibility, programme_id, programme_version, status,
                    offered_on, enrolled_on, exited_on, exit_reason, note, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)",
            )?
            .execute(params![
                family.family_ref,
                family.display_name,
                family.address,
                family.area,
                family.clinic,
                family.phone,
                join_list(&family.languages),
                family.interpreter_language,
                family.protection.as_str(),
                family.eligibility.map(super::super::domain::enums::Eligibility::as_str),
                family.programme_id,
                programme_version,
                family.status.as_str(),
                family.offered_on.map(date_text),
                family.enrolled_on.map(date_text),
                family.exited_on.map(date_text),
                family.exit_reason.map(super::super::domain::enums::ExitReason::as_str),
                family.note,
                now,
            ])
            .map_err(|e| {
                if super::is_unique_violation(&e, "family", "family_ref") {
                    DbError::DuplicateFamilyRef(family.family_ref.clone())
                } else {
                    DbError::from(e)
                }
            })?;
        let family_id = self.tx.last_insert_rowid();
        for (i, caregiver) in family.caregivers.iter().enumerate() {
            self.insert_caregiver(family_id, i as i64 + 1, caregiver)?;
        }
        for (i, child) in family.children.iter().enumerate() {
            self.insert_child(family_id, i as i64 + 1, child)?;
        }
        if let Some(consent) = &family.consent {
            self.add_consent(family_id, consent)?;
        }
        Ok(family_id)
    }

    /// Changes a family's own fields (not its caregivers, children or consent).
    pub fn update_family(
        &self,
        family_id: i64,
        family: &NewFamily,
        now: NaiveDateTime,
    ) -> Result<()> {
        let changed = self
            .tx
            .prepare_cached(
                "UPDATE family SET family_ref = ?2, display_name = ?3, address = ?4, area = ?5, clinic = ?6,
                    phone = ?7, languages = ?8, interpreter_language = ?9, protection = ?10, eligibility = ?11,
                    note = ?12, updated_at = ?13
                 WHERE id = ?1",
            )?
            .execute(params![
                family_id,
                family.family_ref,
                family.display_name,
                family.address,
                family.area,
                family.clinic,
                family.phone,
                join_list(&family.languages),
                family.interpreter_language,
                family.protection.as_str(),
                family.eligibility.map(|e| e.as_str()),
                family.note,
                now.format("%Y-%m-%d %H:%M:%S").to_string(),
            ])
            .map_err(|e| {
                if super::is_unique_violation(&e, "family", "family_ref") {
                    DbError::DuplicateFamilyRef(family.family_ref.clone())
                } else {
                    DbError::from(e)
                }
            })?;
        if changed == 0 {
            return Err(DbError::FamilyGone);
        }
        Ok(())
    }

    /// Moves a family to another status; `exit` carries the reason and date when it leaves, and
    /// `exit_note` the coordinator's words for the reason "other".
    pub fn set_family_status(
        &self,
        family_id: i64,
        status: crate::domain::enums::FamilyStatus,
        exit: Option<(crate::domain::enums::ExitReason, chrono::NaiveDate)>,
        exit_note: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<()> {
        let today = now.date();
        self.tx
            .prepare_cached(
                // Each status keeps the day it was reached: the first offer and the first
                // enrolment (a family back from a pause is not enrolled anew), the latest decline
                // and pause, and the day and reason of leaving (completing is its own reason).
                "UPDATE family SET status = ?2,
                    offered_on = CASE WHEN ?2 = 'offered' THEN coalesce(offered_on, ?3) ELSE offered_on END,
                    enrolled_on = CASE WHEN ?2 = 'active' THEN coalesce(enrolled_on, ?3) ELSE enrolled_on END,
                    declined_on = CASE WHEN ?2 = 'declined' THEN ?3 ELSE declined_on END,
                    paused_on = CASE WHEN ?2 = 'paused' THEN ?3 ELSE paused_on END,
                    exit_reason = CASE WHEN ?2 = 'completed' THEN coalesce(?4, 'completed')
                                       WHEN ?2 = 'exited' THEN ?4 END,
                    exited_on = CASE WHEN ?2 IN ('completed', 'exited') THEN coalesce(?5, ?3) END,
                    updated_at = ?6, exit_note = ?7
                 WHERE id = ?1",
            )?
            .execute(params![
                family_id,
                status.as_str(),
                date_text(today),
                exit.map(|(r, _)| r.as_str()),
                exit.map(|(_, d)| date_text(d)),
                now.format("%Y-%m-%d %H:%M:%S").to_string(),
                exit_note,
            ])?;
        Ok(())
    }

    /// Sets the days a family declined and paused, which a new family's record does not carry
    /// (an import brings a coordinator's history in).
    pub fn set_declined_paused(
        &self,
        family_id: i64,
        declined_on: Option<chrono::NaiveDate>,
        paused_on: Option<chrono::NaiveDate>,
    ) -> Result<()> {
        if declined_on.is_none() && paused_on.is_none() {
            return Ok(());
        }
        self.tx
            .prepare_cached("UPDATE family SET declined_on = ?2, paused_on = ?3 WHERE id = ?1")?
            .execute(params![
                family_id,
                declined_on.map(date_text),
                paused_on.map(date_text)
            ])?;
        Ok(())
    }

    /// Cancels, on the family's side, every visit of its children still booked at or after
    /// `now`; returns how many.
    pub fn cancel_booked_of_family(
        &self,
        family_id: i64,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<usize> {
        let stamp = now.format("%Y-%m-%d %H:%M:%S").to_string();
        let n = self
            .tx
            .prepare_cached(
                "UPDATE visit SET status = 'cancelled_family', cancel_reason = ?2, updated_at = ?3
                 WHERE status = 'planned' AND starts_at >= ?4
                   AND child_id IN (SELECT id FROM child WHERE family_id = ?1)",
            )?
            .execute(params![family_id, reason, stamp, super::datetime_text(now),])?;
        Ok(n)
    }

    /// Adds a caregiver after the family's others.
    pub fn add_caregiver(&self, family_id: i64, c: &NewCaregiver) -> Result<()> {
        let position: i64 = self
            .tx
            .prepare_cached(
                "SELECT coalesce(max(position), 0) + 1 FROM caregiver WHERE family_id = ?1",
            )?
            .query_row([family_id], |r| r.get(0))?;
        self.insert_caregiver(family_id, position, c)
    }

    /// Adds a child after the family's others.
    pub fn add_child(&self, family_id: i64, c: &NewChild) -> Result<()> {
        let position: i64 = self
            .tx
            .prepare_cached(
                "SELECT coalesce(max(position), 0) + 1 FROM child WHERE family_id = ?1",
            )?
            .query_row([family_id], |r| r.get(0))?;
        self.insert_child(family_id, position, c)
    }

    /// Records consent (or its withdrawal) as a new row, so the history is kept.
    pub fn add_consent(
        &self,
        family_id: i64,
        consent: &crate::domain::model::Consent,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO consent (family_id, given_by, scope, given_on, method, withdrawn_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                family_id,
                consent.given_by,
                consent.scope,
                date_text(consent.given_on),
                consent.method.map(|m| m.as_str()),
                consent.withdrawn_on.map(date_text)
            ])?;
        Ok(())
    }

    /// Changes a caregiver of the family; false when the family has no such caregiver.
    pub fn update_caregiver(
        &self,
        family_id: i64,
        caregiver_id: i64,
        c: &NewCaregiver,
    ) -> Result<bool> {
        let (kind, value) = id_columns(c.identity.as_ref());
        let n = self
            .tx
            .prepare_cached(
                "UPDATE caregiver SET name = ?3, relation = ?4, id_kind = ?5, id_value = ?6
                 WHERE id = ?2 AND family_id = ?1",
            )?
            .execute(params![
                family_id,
                caregiver_id,
                c.name,
                c.relation,
                kind,
                value
            ])?;
        Ok(n == 1)
    }

    /// Removes a caregiver of the family; false when the family has no such caregiver.
    pub fn delete_caregiver(&self, family_id: i64, caregiver_id: i64) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached("DELETE FROM caregiver WHERE id = ?2 AND family_id = ?1")?
            .execute(params![family_id, caregiver_id])?;
        Ok(n == 1)
    }

    /// Changes a child of the family (whether it is the first child stays as it was); false
    /// when the family has no such child.
    pub fn update_child(&self, family_id: i64, child_id: i64, c: &NewChild) -> Result<bool> {
        let (kind, value) = id_columns(c.identity.as_ref());
        let n = self
            .tx
            .prepare_cached(
                "UPDATE child SET name = ?3, birth_date = ?4, expected = ?5,
                    first_born_in_sweden = ?6, id_kind = ?7, id_value = ?8
                 WHERE id = ?2 AND family_id = ?1",
            )?
            .execute(params![
                family_id,
                child_id,
                c.name,
                date_text(c.birth_date),
                c.expected,
                c.first_born_in_sweden,
                kind,
                value
            ])?;
        Ok(n == 1)
    }

    /// How many of the child's visits took place.
    pub fn done_visits_of_child(&self, child_id: i64) -> Result<usize> {
        let n: i64 = self
            .tx
            .prepare_cached("SELECT count(*) FROM visit WHERE child_id = ?1 AND status = 'done'")?
            .query_row([child_id], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// Removes a child of the family with its visits (none of which took place: the caller
    /// checks); false when the family has no such child.
    pub fn delete_child(&self, family_id: i64, child_id: i64) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached("DELETE FROM child WHERE id = ?2 AND family_id = ?1")?
            .execute(params![family_id, child_id])?;
        Ok(n == 1)
    }

    fn insert_caregiver(&self, family_id: i64, position: i64, c: &NewCaregiver) -> Result<()> {
        let (kind, value) = id_columns(c.identity.as_ref());
        self.tx
            .prepare_cached(
                "INSERT INTO caregiver (family_id, position, name, relation, id_kind, id_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                family_id, position, c.name, c.relation, kind, value
            ])?;
        Ok(())
    }

    fn insert_child(&self, family_id: i64, position: i64, c: &NewChild) -> Result<()> {
        let (kind, value) = id_columns(c.identity.as_ref());
        self.tx
            .prepare_cached(
                "INSERT INTO child (family_id, position, name, birth_date, expected, first_child,
                    first_born_in_sweden, id_kind, id_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                family_id,
                position,
                c.name,
                date_text(c.birth_date),
                c.expected,
                c.first_child,
                c.first_born_in_sweden,
                kind,
                value
            ])?;
        Ok(())
    }
}
