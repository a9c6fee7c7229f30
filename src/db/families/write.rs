//! Writes of families: a family with its caregivers, children and consent, its changes and
//! status, and the programme versions families follow.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use crate::db::error::is_unique_violation;
use crate::db::values::{date_text, datetime_text, join_list, stamp_text};
use crate::db::{DbError, Result, WriteTx};
use crate::domain::enums::{ExitReason, FamilyStatus};
use crate::domain::model::{Consent, NewFamily};
use crate::domain::programme::Programme;
use crate::domain::status_dates::StatusDates;

/// The unique reference refusing a second family is a refusal of its own.
fn duplicate_ref(family: &NewFamily) -> impl Fn(rusqlite::Error) -> DbError + '_ {
    |e| {
        if is_unique_violation(&e, "family", "family_ref") {
            DbError::DuplicateFamilyRef(family.family_ref.clone())
        } else {
            DbError::from(e)
        }
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
        let now = stamp_text(now);
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
                family.protection,
                family.eligibility,
                family.programme_id,
                programme_version,
                family.status,
                family.offered_on.map(date_text),
                family.enrolled_on.map(date_text),
                family.exited_on.map(date_text),
                family.exit_reason,
                family.note,
                now,
            ])
            .map_err(duplicate_ref(family))?;
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
                family.protection,
                family.eligibility,
                family.note,
                stamp_text(now),
            ])
            .map_err(duplicate_ref(family))?;
        if changed == 0 {
            return Err(DbError::FamilyGone);
        }
        Ok(())
    }

    /// Moves a family to another status on `on`; `exit` carries the reason when it leaves, and
    /// `exit_note` the coordinator's words for the reason "other".
    pub fn set_family_status(
        &self,
        family_id: i64,
        status: FamilyStatus,
        exit: Option<ExitReason>,
        on: NaiveDate,
        exit_note: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<()> {
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
                    exited_on = CASE WHEN ?2 IN ('completed', 'exited') THEN ?3 END,
                    updated_at = ?5, exit_note = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                family_id,
                status,
                date_text(on),
                exit,
                stamp_text(now),
                exit_note,
            ])?;
        Ok(())
    }

    /// Corrects the days of a family's status changes (the coordinator's edit).
    pub fn set_status_dates(&self, family_id: i64, dates: &StatusDates) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE family SET offered_on = ?2, enrolled_on = ?3, declined_on = ?4,
                    paused_on = ?5, exited_on = ?6 WHERE id = ?1",
            )?
            .execute(params![
                family_id,
                dates.offered_on.map(date_text),
                dates.enrolled_on.map(date_text),
                dates.declined_on.map(date_text),
                dates.paused_on.map(date_text),
                dates.exited_on.map(date_text),
            ])?;
        Ok(())
    }

    /// Sets the days a family declined and paused, which a new family's record does not carry
    /// (an import brings a coordinator's history in).
    pub fn set_declined_paused(
        &self,
        family_id: i64,
        declined_on: Option<NaiveDate>,
        paused_on: Option<NaiveDate>,
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
        let stamp = stamp_text(now);
        let n = self
            .tx
            .prepare_cached(
                "UPDATE visit SET status = 'cancelled_family', cancel_reason = ?2, updated_at = ?3
                 WHERE status = 'planned' AND starts_at >= ?4
                   AND child_id IN (SELECT id FROM child WHERE family_id = ?1)",
            )?
            .execute(params![family_id, reason, stamp, datetime_text(now)])?;
        Ok(n)
    }

    /// Records consent (or its withdrawal) as a new row, so the history is kept.
    pub fn add_consent(&self, family_id: i64, consent: &Consent) -> Result<()> {
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
                consent.method,
                consent.withdrawn_on.map(date_text)
            ])?;
        Ok(())
    }
}
