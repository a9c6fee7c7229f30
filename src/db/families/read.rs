//! Reads of families: lookups by reference, child or id, the list, a family's page, and the
//! programme versions families follow.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::rows;
use crate::db::families::search::TEXT_ORDER;
use crate::db::{ReadTx, Result};
use crate::domain::enums::Protection;
use crate::domain::identity::IdentityNumber;
use crate::domain::model::{Consent, FamilySummary};
use crate::domain::views::{Caregiver, ChildDetail, FamilyDetail};

impl ReadTx<'_> {
    /// The stored template text of a programme version.
    pub fn programme_definition(&self, id: &str, version: u32) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT definition FROM programme WHERE id = ?1 AND version = ?2")?
            .query_row(params![id, version], |r| r.get(0))
            .optional()?)
    }

    /// Every stored programme version's template text.
    pub fn programme_definitions(&self) -> Result<Vec<(String, u32, String)>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, version, definition FROM programme ORDER BY id, version")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The one programme catalogue: the shipped templates and every version stored here.
    pub fn programme_catalogue(&self) -> Result<crate::domain::catalogue::Catalogue> {
        Ok(crate::domain::catalogue::Catalogue::new(
            &self.programme_definitions()?,
        ))
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

    /// Every family's reference by id (for naming families in an audit extract).
    pub fn family_refs(&self) -> Result<HashMap<i64, String>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, family_ref FROM family")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A family's name and protection, as lists show it (`None` when there is no such family).
    pub fn family_shown(&self, family_id: i64) -> Result<Option<(String, Protection)>> {
        Ok(self
            .tx
            .prepare_cached("SELECT display_name, protection FROM family WHERE id = ?1")?
            .query_row([family_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// The smallest and the largest id a family has ((1, 0) with none, a span of none): where
    /// reads of every family a range at a time start and end. Two steps of the table's tree.
    pub fn family_id_span(&self) -> Result<(i64, i64)> {
        Ok(self
            .tx
            .prepare_cached("SELECT coalesce(min(id), 1), coalesce(max(id), 0) FROM family")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    /// Families in the list's order (protected ones last), without address or phone (lists
    /// never show them).
    pub fn list_families(&self) -> Result<Vec<FamilySummary>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM family_text t INDEXED BY family_text_order
             CROSS JOIN family f ON f.id = t.id ORDER BY {TEXT_ORDER}",
            rows::SUMMARY
        ))?;
        let rows = stmt.query_map([], rows::summary)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The identity numbers stored for a family's caregivers, in order.
    pub fn caregiver_identities(&self, family_id: i64) -> Result<Vec<Option<IdentityNumber>>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id_kind, id_value FROM caregiver WHERE family_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([family_id], |r| rows::identity(r, 0, 1))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Everything on a family's page.
    pub fn family_detail(&self, family_id: i64) -> Result<Option<FamilyDetail>> {
        let found = self
            .tx
            .prepare_cached(&format!(
                "SELECT {} FROM family WHERE id = ?1",
                rows::DETAIL
            ))?
            .query_row([family_id], rows::detail)
            .optional()?;
        let Some(mut family) = found else {
            return Ok(None);
        };
        family.facts.consent = self.consent_of(family_id)?;
        family.caregivers = self.caregivers_of(family_id)?;
        family.children = self.children_of(family_id)?;
        Ok(Some(family))
    }

    /// A family's status now, before a change is written (the audit row says from what).
    pub fn family_status(
        &self,
        family_id: i64,
    ) -> Result<Option<crate::domain::enums::FamilyStatus>> {
        Ok(self
            .tx
            .prepare_cached("SELECT status FROM family WHERE id = ?1")?
            .query_row([family_id], |r| r.get(0))
            .optional()?)
    }

    /// The days of a family's status changes.
    pub fn status_dates(
        &self,
        family_id: i64,
    ) -> Result<Option<crate::domain::status_dates::StatusDates>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT offered_on, enrolled_on, declined_on, paused_on, exited_on
                 FROM family WHERE id = ?1",
            )?
            .query_row([family_id], |r| {
                use crate::db::values::Columns;
                Ok(crate::domain::status_dates::StatusDates {
                    offered_on: r.opt_date(0)?,
                    enrolled_on: r.opt_date(1)?,
                    declined_on: r.opt_date(2)?,
                    paused_on: r.opt_date(3)?,
                    exited_on: r.opt_date(4)?,
                })
            })
            .optional()?)
    }

    /// The latest consent recorded for a family.
    fn consent_of(&self, family_id: i64) -> Result<Option<Consent>> {
        Ok(self
            .tx
            .prepare_cached(&format!(
                "SELECT {} FROM consent WHERE family_id = ?1
                 ORDER BY given_on DESC, id DESC LIMIT 1",
                rows::CONSENT
            ))?
            .query_row([family_id], rows::consent)
            .optional()?)
    }

    fn caregivers_of(&self, family_id: i64) -> Result<Vec<Caregiver>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM caregiver WHERE family_id = ?1 ORDER BY position",
            rows::CAREGIVER
        ))?;
        let rows = stmt.query_map([family_id], rows::caregiver)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// A family's children, in order.
    pub fn children_of(&self, family_id: i64) -> Result<Vec<ChildDetail>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM child WHERE family_id = ?1 ORDER BY position",
            rows::CHILD
        ))?;
        let rows = stmt.query_map([family_id], rows::child)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
