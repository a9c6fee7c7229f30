//! The audit log's hash chain: each row's hash covers the one before it and its own content,
//! so no row can be changed, removed or slipped in unseen; walking it, sealing the rows written
//! before it existed, and heads held elsewhere.

use rusqlite::{OptionalExtension, params};

use crate::db::Result;

/// The hash the first row of a log follows.
pub(super) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// An audit row as the chain sees it.
pub(super) struct ChainRow {
    pub(super) id: i64,
    pub(super) at: String,
    pub(super) actor: String,
    pub(super) action: String,
    pub(super) entity: String,
    pub(super) entity_id: Option<i64>,
    pub(super) detail: Option<String>,
}

impl ChainRow {
    /// SHA-256 over the previous hash and every field, each ended by a separator no field can
    /// hold unnoticed (lengths first), as lower-case hex.
    pub(super) fn hash(&self, prev: &str) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        let id = self.id.to_string();
        let entity_id = self.entity_id.map(|i| i.to_string()).unwrap_or_default();
        let fields: [&str; 8] = [
            prev,
            &id,
            &self.at,
            &self.actor,
            &self.action,
            &self.entity,
            &entity_id,
            self.detail.as_deref().unwrap_or("\u{0}"),
        ];
        for field in fields {
            h.update((field.len() as u64).to_be_bytes());
            h.update(field.as_bytes());
        }
        hex(&h.finalize())
    }
}

/// Bytes as lower-case hex.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

/// A stored row with the links it carries: its previous hash and its own.
type StoredLink = (ChainRow, Option<String>, Option<String>);

pub(super) fn last_link(tx: &rusqlite::Transaction<'_>) -> Result<(i64, String)> {
    Ok(tx
        .prepare_cached("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .optional()?
        .map_or((0, GENESIS.to_string()), |(id, hash)| {
            (id, hash.unwrap_or_else(|| GENESIS.to_string()))
        }))
}

fn chain_rows(conn: &rusqlite::Connection) -> Result<Vec<StoredLink>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            ChainRow {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                detail: r.get(6)?,
            },
            r.get(7)?,
            r.get(8)?,
        ))
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Seals the rows written before the chain existed, in their order, when the schema gains it.
pub(crate) fn seal_chain(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let rows = chain_rows(tx)?;
    tx.execute_batch("DROP TRIGGER audit_no_update")?;
    let mut prev = GENESIS.to_string();
    for (row, _, _) in rows {
        let hash = row.hash(&prev);
        tx.execute(
            "UPDATE audit SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            params![row.id, prev, hash],
        )?;
        prev = hash;
    }
    tx.execute_batch(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
    )?;
    Ok(())
}

/// What the log's own check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainState {
    /// Every row follows from the one before; the head is the last row's.
    Whole { rows: usize, head: Option<Head> },
    /// The first row whose hash or link does not hold.
    BrokenAt(i64),
    /// The first row logged at a time before the row before it (beyond the hour the clock
    /// goes back when summer time ends).
    TimeBackwards(i64),
}

/// Walks the whole chain, recomputing every hash and comparing every time with the one before.
pub(crate) fn verify_chain(conn: &rusqlite::Connection) -> Result<ChainState> {
    let rows = chain_rows(conn)?;
    let count = rows.len();
    let mut prev = GENESIS.to_string();
    let mut prev_at: Option<String> = None;
    let mut head = None;
    let mut backwards = None;
    for (row, stored_prev, stored_hash) in rows {
        let hash = row.hash(&prev);
        if stored_prev.as_deref() != Some(prev.as_str()) || stored_hash.as_deref() != Some(&hash) {
            return Ok(ChainState::BrokenAt(row.id));
        }
        if backwards.is_none()
            && let Some(before) = &prev_at
            && row.at < *before
            && !summer_time_ended_between(before, &row.at)
        {
            backwards = Some(row.id);
        }
        head = Some(Head {
            id: row.id,
            hash: hash.clone(),
        });
        prev_at = Some(row.at);
        prev = hash;
    }
    Ok(match backwards {
        Some(id) => ChainState::TimeBackwards(id),
        None => ChainState::Whole { rows: count, head },
    })
}

/// Whether two logged times, the second earlier than the first, are the hour repeated when
/// Swedish summer time ends (the last Sunday of October, 03:00 back to 02:00): the log keeps
/// local time.
fn summer_time_ended_between(before: &str, after: &str) -> bool {
    use chrono::{Datelike, NaiveDateTime, Weekday};
    let parse = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M:%S").ok();
    let (Some(a), Some(b)) = (parse(before), parse(after)) else {
        return false;
    };
    let last_sunday_of_october =
        |d: chrono::NaiveDate| d.month() == 10 && d.weekday() == Weekday::Sun && d.day() > 31 - 7;
    a.date() == b.date()
        && last_sunday_of_october(a.date())
        && (2..3).contains(&chrono::Timelike::hour(&a))
        && (2..3).contains(&chrono::Timelike::hour(&b))
}

/// A point of the chain held elsewhere (in a report the region has, or a backup): a row's id
/// and its hash, written `ID:HASH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub id: i64,
    pub hash: String,
}

impl std::fmt::Display for Head {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.id, self.hash)
    }
}

/// A head as given on the command line: `ID:HASH`, or the hash alone (as older report files
/// carry it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadQuery {
    pub id: Option<i64>,
    pub hash: String,
}

impl std::str::FromStr for HeadQuery {
    type Err = ();

    fn from_str(text: &str) -> std::result::Result<Self, ()> {
        let text = text.trim();
        let (id, hash) = match text.split_once(':') {
            Some((id, hash)) => (Some(id.parse().map_err(|_| ())?), hash),
            None => (None, text),
        };
        let hash = hash.to_ascii_lowercase();
        if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(HeadQuery { id, hash })
        } else {
            Err(())
        }
    }
}

/// The last row of a log as a head (none while it is empty), read through any connection.
pub(crate) fn head_of(conn: &rusqlite::Connection) -> Result<Option<Head>> {
    Ok(conn
        .query_row(
            "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?)),
        )
        .optional()?
        .map(|(id, hash)| Head {
            id,
            hash: hash.unwrap_or_else(|| GENESIS.to_string()),
        }))
}

/// Whether today's chain passes through a head held elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadCheck {
    /// The row is there with that hash, and the chain up to it is whole.
    PassesThrough,
    /// No row has that id (or, given the hash alone, that hash): rows were cut off.
    Missing,
    /// The row is there with another hash: the log was rewritten back past it.
    Differs,
}

/// Checks a head held elsewhere against the log as it is now. The chain itself is checked by
/// [`verify_chain`]; together they show that nothing up to the head was changed or removed.
pub(crate) fn check_head(conn: &rusqlite::Connection, head: &HeadQuery) -> Result<HeadCheck> {
    let found: Option<String> = match head.id {
        Some(id) => conn
            .query_row("SELECT hash FROM audit WHERE id = ?1", [id], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional()?
            .map(Option::unwrap_or_default),
        None => conn
            .query_row(
                "SELECT hash FROM audit WHERE hash = ?1 LIMIT 1",
                [&head.hash],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .map(Option::unwrap_or_default),
    };
    Ok(match found {
        None => HeadCheck::Missing,
        Some(hash) if hash == head.hash => HeadCheck::PassesThrough,
        Some(_) => HeadCheck::Differs,
    })
}

/// The triggers that keep the log append-only, and which of them are missing.
pub(crate) fn missing_triggers(conn: &rusqlite::Connection) -> Result<Vec<&'static str>> {
    let mut missing = Vec::new();
    for name in ["audit_no_update", "audit_no_delete", "audit_no_replace"] {
        let found: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
            [name],
            |r| r.get(0),
        )?;
        if found == 0 {
            missing.push(name);
        }
    }
    Ok(missing)
}
