//! Reads of the audit log: its rows since a time, its head now or at the end of a day, and
//! whether its chain holds.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::OptionalExtension;

use super::chain::{ChainState, GENESIS, Head, last_link, verify_chain};
use super::rows;
use crate::db::values::{date_text, datetime_text};
use crate::db::{ReadTx, Result};
use crate::domain::model::AuditEntry;

impl ReadTx<'_> {
    /// Audit rows at or after `since`, oldest first.
    pub fn list_audit(&self, since: Option<NaiveDateTime>) -> Result<Vec<AuditEntry>> {
        let since = since.map_or_else(String::new, datetime_text);
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {} FROM audit WHERE at >= ?1 ORDER BY id",
            rows::ENTRY
        ))?;
        let rows = stmt.query_map([since], rows::entry)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The hash of the log's last row: a fingerprint of everything logged so far.
    pub fn audit_head(&self) -> Result<String> {
        Ok(last_link(&self.tx)?.1)
    }

    /// The log's last row as a head to hold elsewhere (`ID:HASH`); none while the log is empty.
    pub fn chain_head(&self) -> Result<Option<Head>> {
        let (id, hash) = last_link(&self.tx)?;
        Ok((id > 0).then_some(Head { id, hash }))
    }

    /// Whether the log's chain holds, read inside this transaction.
    pub fn chain_state(&self) -> Result<ChainState> {
        verify_chain(&self.tx)
    }

    /// The chain's head as of the end of `day`, as `ROWID:HASH`: the last row logged on or
    /// before it, so that a period's report names the same head however often it is rerun, and
    /// `check --head` can later prove the log still passes through it. `None` when nothing was
    /// logged by then.
    pub fn audit_head_at(&self, day: NaiveDate) -> Result<Option<String>> {
        let before = date_text(day.succ_opt().unwrap_or(day));
        Ok(self
            .tx
            .prepare_cached("SELECT id, hash FROM audit WHERE at < ?1 ORDER BY id DESC LIMIT 1")?
            .query_row([before], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?
            .map(|(id, hash)| {
                Head {
                    id,
                    hash: hash.unwrap_or_else(|| GENESIS.to_string()),
                }
                .to_string()
            }))
    }
}
