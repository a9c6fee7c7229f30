//! A family's caregivers and children: added, changed and removed one at a time, and written
//! with a new family.

use rusqlite::params;

use super::rows::id_columns;
use crate::db::values::date_text;
use crate::db::{Result, WriteTx};
use crate::domain::model::{NewCaregiver, NewChild};

impl WriteTx<'_> {
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

    pub(super) fn insert_caregiver(
        &self,
        family_id: i64,
        position: i64,
        c: &NewCaregiver,
    ) -> Result<()> {
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

    pub(super) fn insert_child(&self, family_id: i64, position: i64, c: &NewChild) -> Result<()> {
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
