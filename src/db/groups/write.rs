//! Writes of parent groups: series, sessions, members and attendance.

use chrono::NaiveDate;
use rusqlite::params;

use crate::db::values::{date_text, datetime_text};
use crate::db::{Result, WriteTx};
use crate::domain::enums::SessionStatus;
use crate::domain::model::{Attendance, NewGroup, NewSession};

impl WriteTx<'_> {
    pub fn insert_group(&self, group: &NewGroup) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO parent_group (name, method, language, place, capacity) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![group.name, group.method, group.language, group.place, group.capacity])?;
        let id = self.tx.last_insert_rowid();
        let mut stmt = self
            .tx
            .prepare_cached("INSERT INTO group_leader (group_id, staff_id) VALUES (?1, ?2)")?;
        for leader in &group.leaders {
            stmt.execute(params![id, leader])?;
        }
        Ok(id)
    }

    /// A series' own fields, and its leaders replaced.
    pub fn update_group(&self, id: i64, group: &NewGroup) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE parent_group SET name = ?2, method = ?3, language = ?4, place = ?5, capacity = ?6
                 WHERE id = ?1",
            )?
            .execute(params![id, group.name, group.method, group.language, group.place, group.capacity])?;
        self.tx
            .prepare_cached("DELETE FROM group_leader WHERE group_id = ?1")?
            .execute([id])?;
        let mut stmt = self
            .tx
            .prepare_cached("INSERT INTO group_leader (group_id, staff_id) VALUES (?1, ?2)")?;
        for leader in &group.leaders {
            stmt.execute(params![id, leader])?;
        }
        Ok(())
    }

    /// The fields a series has beyond `NewGroup`: its area and the children's birth-date span.
    pub fn set_group_span(
        &self,
        id: i64,
        area: Option<&str>,
        born: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE parent_group SET area = ?2, born_from = ?3, born_to = ?4 WHERE id = ?1",
            )?
            .execute(params![
                id,
                area,
                born.map(|b| date_text(b.0)),
                born.map(|b| date_text(b.1))
            ])?;
        Ok(())
    }

    pub fn insert_session(&self, session: &NewSession) -> Result<i64> {
        self.tx
            .prepare_cached(
                "INSERT INTO group_session (group_id, starts_at, duration_min, theme, status, dropin_count)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                session.group_id,
                datetime_text(session.start),
                session.duration_min,
                session.theme,
                session.status,
                session.dropin_count
            ])?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_member(
        &self,
        group_id: i64,
        family_id: i64,
        joined_on: NaiveDate,
        left_on: Option<NaiveDate>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO group_member (group_id, family_id, joined_on, left_on) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![group_id, family_id, date_text(joined_on), left_on.map(date_text)])?;
        Ok(())
    }

    /// Adds a family to a series, or takes back one who had left; false when it is a member.
    pub fn join_member(&self, group_id: i64, family_id: i64, on: NaiveDate) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached(
                "INSERT INTO group_member (group_id, family_id, joined_on) VALUES (?1, ?2, ?3)
                 ON CONFLICT (group_id, family_id) DO UPDATE SET left_on = NULL
                 WHERE group_member.left_on IS NOT NULL",
            )?
            .execute(params![group_id, family_id, date_text(on)])?;
        Ok(n > 0)
    }

    /// A member leaves on `on`; their earlier marks stay.
    pub fn leave_member(&self, group_id: i64, family_id: i64, on: NaiveDate) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached(
                "UPDATE group_member SET left_on = ?3
                 WHERE group_id = ?1 AND family_id = ?2 AND left_on IS NULL",
            )?
            .execute(params![group_id, family_id, date_text(on)])?;
        Ok(n > 0)
    }

    /// Records (or corrects) one family's attendance at one session.
    pub fn set_attendance(&self, a: &Attendance) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO attendance (session_id, family_id, status, adults_present) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (session_id, family_id) DO UPDATE SET status = excluded.status,
                    adults_present = excluded.adults_present",
            )?
            .execute(params![a.session_id, a.family_id, a.status, a.adults_present])?;
        Ok(())
    }

    /// Sets a session's status; a cancelled one keeps its reason, others lose any.
    pub fn set_session_status(
        &self,
        id: i64,
        status: SessionStatus,
        reason: Option<&str>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "UPDATE group_session SET status = ?2, cancel_reason = ?3 WHERE id = ?1",
            )?
            .execute(params![id, status, reason])?;
        Ok(())
    }

    pub fn set_dropins(&self, id: i64, count: u32) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE group_session SET dropin_count = ?2 WHERE id = ?1")?
            .execute(params![id, count])?;
        Ok(())
    }
}
