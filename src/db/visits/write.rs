//! Writes of visits: booking one with its staff, moving it, recording what happened, and
//! what a re-imported row says of it.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::rows::interpreter_columns;
use crate::db::values::{datetime_text, join_codes, stamp_text};
use crate::db::{DbError, Result, WriteTx};
use crate::domain::enums::{Referral, Theme};
use crate::domain::model::{NewVisit, VisitOutcome, VisitStaff};

impl WriteTx<'_> {
    /// Writes what a re-imported row says over the visit it matched: everything but the child,
    /// the visit number, the start and a reason kept for booking outside the window.
    pub fn replace_visit(&self, visit_id: i64, visit: &NewVisit, now: NaiveDateTime) -> Result<()> {
        let (staff_id, external) = interpreter_columns(&visit.interpreter);
        let changed = self
            .tx
            .prepare_cached(
                "UPDATE visit SET duration_min = ?2, location = ?3, status = ?4,
                    interpreter_language = ?5, interpreter_staff_id = ?6, interpreter_external = ?7,
                    themes = ?8, referrals = ?9, note = ?10, updated_at = ?11
                 WHERE id = ?1",
            )?
            .execute(params![
                visit_id,
                visit.duration_min,
                visit.location,
                visit.status,
                visit.interpreter_language,
                staff_id,
                external,
                join_codes(&visit.themes, Theme::as_str),
                join_codes(&visit.referrals, Referral::as_str),
                visit.note,
                stamp_text(now)
            ])?;
        if changed == 0 {
            return Err(DbError::VisitGone);
        }
        self.tx
            .prepare_cached("DELETE FROM visit_staff WHERE visit_id = ?1")?
            .execute([visit_id])?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO visit_staff (visit_id, staff_id, role, attended) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in &visit.staff {
            stmt.execute(params![visit_id, s.staff_id, s.role, s.attended])?;
        }
        Ok(())
    }

    pub fn insert_visit(&self, visit: &NewVisit, now: NaiveDateTime) -> Result<i64> {
        let (staff_id, external) = interpreter_columns(&visit.interpreter);
        let now = stamp_text(now);
        self.tx
            .prepare_cached(
                "INSERT INTO visit (child_id, visit_no, starts_at, duration_min, location, status,
                    interpreter_language, interpreter_staff_id, interpreter_external, themes, referrals,
                    note, override_reason, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14, ?13, ?13)",
            )?
            .execute(params![
                visit.child_id,
                visit.visit_no,
                datetime_text(visit.start),
                visit.duration_min,
                visit.location,
                visit.status,
                visit.interpreter_language,
                staff_id,
                external,
                join_codes(&visit.themes, Theme::as_str),
                join_codes(&visit.referrals, Referral::as_str),
                visit.note,
                now,
                visit.override_reason
            ])?;
        let visit_id = self.tx.last_insert_rowid();
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO visit_staff (visit_id, staff_id, role, attended) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for VisitStaff {
            staff_id,
            role,
            attended,
        } in &visit.staff
        {
            stmt.execute(params![visit_id, staff_id, role, attended])?;
        }
        Ok(visit_id)
    }

    /// Moves a planned visit to a new time and team (rebooking keeps the visit and its history).
    pub fn move_visit(&self, visit_id: i64, visit: &NewVisit, now: NaiveDateTime) -> Result<()> {
        let (staff_id, external) = interpreter_columns(&visit.interpreter);
        let changed = self
            .tx
            .prepare_cached(
                "UPDATE visit SET starts_at = ?2, duration_min = ?3, location = ?4, interpreter_staff_id = ?5,
                    interpreter_external = ?6, override_reason = ?7, updated_at = ?8
                 WHERE id = ?1 AND status = 'planned'",
            )?
            .execute(params![
                visit_id,
                datetime_text(visit.start),
                visit.duration_min,
                visit.location,
                staff_id,
                external,
                visit.override_reason,
                stamp_text(now)
            ])?;
        // Only a planned visit moves; a done one keeps its time and who attended.
        if changed == 0 {
            return Err(match self.visit_record(visit_id)? {
                Some(_) => DbError::VisitNotPlanned,
                None => DbError::VisitGone,
            });
        }
        self.tx
            .prepare_cached("DELETE FROM visit_staff WHERE visit_id = ?1")?
            .execute([visit_id])?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO visit_staff (visit_id, staff_id, role, attended) VALUES (?1, ?2, ?3, NULL)",
        )?;
        for s in &visit.staff {
            stmt.execute(params![visit_id, s.staff_id, s.role])?;
        }
        Ok(())
    }

    /// Records what happened: done (who attended, interpreter used, themes, referrals), cancelled
    /// by the family or by staff (with a reason), or no-show.
    pub fn set_visit_outcome(&self, outcome: &VisitOutcome, now: NaiveDateTime) -> Result<()> {
        let changed = self
            .tx
            .prepare_cached(
                "UPDATE visit SET status = ?2, themes = ?3, referrals = ?4, cancel_reason = ?5,
                    interpreter_external = CASE WHEN ?6 = 0 THEN 0 ELSE interpreter_external END,
                    interpreter_staff_id = CASE WHEN ?6 = 0 THEN NULL ELSE interpreter_staff_id END,
                    updated_at = ?7, family_present = ?8
                 WHERE id = ?1",
            )?
            .execute(params![
                outcome.visit_id,
                outcome.status,
                join_codes(&outcome.themes, Theme::as_str),
                join_codes(&outcome.referrals, Referral::as_str),
                outcome.reason,
                outcome.interpreter_used,
                stamp_text(now),
                outcome
                    .family_present
                    .filter(|_| outcome.status == crate::domain::enums::VisitStatus::Done)
            ])?;
        if changed == 0 {
            return Err(DbError::VisitGone);
        }
        let mut stmt = self.tx.prepare_cached(
            "UPDATE visit_staff SET attended = ?3 WHERE visit_id = ?1 AND staff_id = ?2",
        )?;
        for (staff_id, attended) in &outcome.attended {
            stmt.execute(params![outcome.visit_id, staff_id, attended])?;
        }
        Ok(())
    }
}
