//! Parent groups: series, sessions, members and attendance.

use chrono::NaiveDate;
use rusqlite::params;

use super::{Result, WriteTx, date_text, datetime_text};
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
                session.status.as_str(),
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

    /// Records (or corrects) one family's attendance at one session.
    pub fn set_attendance(&self, a: &Attendance) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO attendance (session_id, family_id, status, adults_present) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (session_id, family_id) DO UPDATE SET status = excluded.status,
                    adults_present = excluded.adults_present",
            )?
            .execute(params![a.session_id, a.family_id, a.status.as_str(), a.adults_present])?;
        Ok(())
    }
}
