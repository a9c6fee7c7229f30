//! The append-only audit log: who saw or changed what, when.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::{ReadTx, Result, WriteTx, datetime_text, parse_datetime, parse_enum};
use crate::domain::model::AuditEntry;

impl ReadTx<'_> {
    /// This database's own id, random at creation (for export identifiers).
    pub fn instance_id(&self) -> Result<String> {
        Ok(self
            .tx
            .prepare_cached("SELECT value FROM meta WHERE key = 'instance'")?
            .query_row([], |r| r.get(0))?)
    }

    /// The references of the given families, for naming them in an audit extract.
    pub fn family_refs(&self) -> Result<std::collections::HashMap<i64, String>> {
        let mut stmt = self
            .tx
            .prepare_cached("SELECT id, family_ref FROM family")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Audit rows at or after `since`, oldest first.
    pub fn list_audit(&self, since: Option<NaiveDateTime>) -> Result<Vec<AuditEntry>> {
        let since = since.map_or_else(String::new, datetime_text);
        let mut stmt = self.tx.prepare_cached(
            "SELECT at, actor, action, entity, entity_id, detail FROM audit WHERE at >= ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([since], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, actor, action, entity, entity_id, detail) = row?;
            let at = NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S")
                .or_else(|_| parse_datetime(&at))?;
            out.push(AuditEntry {
                at,
                actor,
                action: parse_enum(&action)?,
                entity: parse_enum(&entity)?,
                entity_id,
                detail,
            });
        }
        Ok(out)
    }
}

impl WriteTx<'_> {
    pub fn insert_audit(&self, entry: &AuditEntry) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO audit (at, actor, action, entity, entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                entry.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                entry.actor,
                entry.action.as_str(),
                entry.entity.as_str(),
                entry.entity_id,
                entry.detail
            ])?;
        Ok(())
    }
}
