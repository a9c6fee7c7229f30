//! Leaving nothing deleted behind in the file's bytes: SQLite's secure delete, and the file
//! rewritten from its live content (what retention does after it anonymises).

use crate::db::{Db, Result};

impl Db {
    /// Has SQLite overwrite what it deletes or replaces with zeros, on this connection.
    pub fn set_secure_delete(&mut self, on: bool) -> Result<()> {
        self.conn
            .pragma_update(None, "secure_delete", if on { "ON" } else { "OFF" })?;
        Ok(())
    }

    /// Rewrites the file from its live content and empties the WAL, so that nothing deleted
    /// remains in either file's bytes. False when another connection's read kept part of
    /// the WAL (the app open on the file, say): then the old pages may linger there.
    pub fn compact(&mut self) -> Result<bool> {
        let truncate = |conn: &rusqlite::Connection| -> Result<bool> {
            let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            Ok(busy == 0)
        };
        truncate(&self.conn)?;
        self.conn.execute_batch("VACUUM")?;
        truncate(&self.conn)
    }
}
