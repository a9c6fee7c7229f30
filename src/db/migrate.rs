//! Ordered schema upgrades, one transaction each, stamped in `user_version`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::open::APPLICATION_ID;
use super::{DbError, Result};

/// Declares the steps once, by file name, so that the list of texts and the list of names the
/// test reads cannot drift apart.
macro_rules! migrations {
    ($($file:literal),+ $(,)?) => {
        /// Each entry upgrades the schema from its index to its index + 1. Append only; never
        /// edit one that has shipped.
        pub(crate) const MIGRATIONS: &[&str] = &[$(include_str!(concat!("migrations/", $file))),+];

        /// The files behind [`MIGRATIONS`], in order: each file's number is the version it
        /// brings the schema to, which a test holds.
        #[cfg(test)]
        pub(crate) const MIGRATION_FILES: &[&str] = &[$($file),+];
    };
}

migrations!(
    "0001_initial.sql",
    "0002_index_order.sql",
    "0003_instance.sql",
    "0004_audit_chain.sql",
    "0005_exit_note.sql",
    "0006_calendar_sent.sql",
    "0007_groups.sql",
    "0008_status_dates.sql",
    "0009_twin_trips.sql",
    "0010_group_span.sql",
    "0011_report_path.sql",
    "0012_clean_text.sql",
    "0013_report_revisions.sql",
    "0014_report_indexes.sql",
    "0015_family_search.sql",
    "0016_family_present.sql",
    "0017_report_cover.sql",
    "0018_staff_search.sql",
    "0019_report_lookups.sql",
    "0020_family_text_order.sql",
    "0021_visit_area.sql",
    "0022_group_next.sql",
    "0023_protected_order.sql",
    "0024_swedish_order.sql",
);

/// The version whose step adds the audit chain; the rows written before it are sealed then.
const AUDIT_CHAIN_VERSION: i64 = 4;

/// The version whose step takes control and invisible characters out of stored text.
const CLEAN_TEXT_VERSION: i64 = 12;

/// The version whose step writes each person's folded search text.
const STAFF_SEARCH_VERSION: i64 = 18;

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// What a process says as it is about to upgrade a file (set once, in its language): the file,
/// its schema and this build's. A large file's upgrade takes a minute, before the first frame.
type UpgradeNotice = Box<dyn Fn(&Path, i64, i64) + Send + Sync>;
static UPGRADE_NOTICE: std::sync::OnceLock<UpgradeNotice> = std::sync::OnceLock::new();

/// Sets what this process says, once per file, when it is about to upgrade a file's schema:
/// not for a file it has just made.
pub fn on_upgrade(notice: UpgradeNotice) {
    let _ = UPGRADE_NOTICE.set(notice);
}

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// For a file opened to read only: its schema must be this program's, as nothing may be
/// upgraded.
pub fn refuse_other_version(conn: &Connection, path: &Path) -> Result<()> {
    let found = user_version(conn)?;
    match found {
        f if f > LATEST_VERSION => Err(DbError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: LATEST_VERSION,
        }),
        f if f < LATEST_VERSION => Err(DbError::TooOld {
            path: path.to_path_buf(),
            found,
        }),
        _ => Ok(()),
    }
}

/// Brings the schema up to `LATEST_VERSION`, or up to `target` in tests.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    migrate_to(conn, path, LATEST_VERSION)
}

pub(crate) fn migrate_to(conn: &mut Connection, path: &Path, target: i64) -> Result<()> {
    let found = user_version(conn)?;
    if found > LATEST_VERSION {
        return Err(DbError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: LATEST_VERSION,
        });
    }
    let upgrading = found < target;
    if upgrading
        && found > 0
        && let Some(notice) = UPGRADE_NOTICE.get()
    {
        notice(path, found, target);
    }
    for version in found..target {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have upgraded while we waited for the write lock.
        if user_version(&tx)? > version {
            continue;
        }
        if version == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.execute_batch(MIGRATIONS[version as usize])?;
        if version + 1 == AUDIT_CHAIN_VERSION {
            super::audit::seal_chain(&tx)?;
        }
        if version + 1 == CLEAN_TEXT_VERSION {
            clean_stored_text(&tx)?;
        }
        if version + 1 == STAFF_SEARCH_VERSION {
            super::staff::fill_search_text(&tx)?;
        }
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
        if upgrading {
            // Each step's pages go into the file before the next: the log holds one step at a
            // time, so a new file fits on a small disk.
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
    }
    if upgrading {
        // In WAL mode the new stamp sits in the -wal file until a checkpoint; copy it into the
        // file itself now, so that another connection reading the header sees a hembesok file.
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    Ok(())
}

/// One-line text columns and note columns of the register, by table.
const LINE_COLUMNS: &[(&str, &[&str])] = &[
    (
        "family",
        &[
            "display_name",
            "address",
            "area",
            "clinic",
            "phone",
            "languages",
            "interpreter_language",
        ],
    ),
    ("caregiver", &["name", "relation"]),
    ("child", &["name"]),
    ("staff", &["name", "organisation", "languages"]),
    (
        "parent_group",
        &["name", "method", "language", "place", "area"],
    ),
    ("group_session", &["theme"]),
];
const NOTE_COLUMNS: &[(&str, &[&str])] = &[
    ("family", &["note", "exit_note"]),
    ("visit", &["note", "override_reason", "cancel_reason"]),
    ("group_session", &["cancel_reason"]),
];

/// Takes control and invisible characters out of every stored name, place and note (a note
/// keeps its line breaks), as imports and the app refuse them now.
fn clean_stored_text(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    use crate::domain::text::{clean, clean_text};
    for (columns, keep_lines) in [(LINE_COLUMNS, false), (NOTE_COLUMNS, true)] {
        for (table, names) in columns {
            for column in *names {
                let rows: Vec<(i64, String)> = tx
                    .prepare(&format!(
                        "SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"
                    ))?
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<std::result::Result<_, _>>()?;
                for (id, text) in rows {
                    let cleaned = if keep_lines {
                        clean_text(&text)
                    } else {
                        clean(&text)
                    };
                    if cleaned != text {
                        tx.execute(
                            &format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"),
                            rusqlite::params![id, cleaned.as_ref()],
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_migration_file_is_numbered_by_the_version_it_brings() {
        assert_eq!(MIGRATIONS.len(), MIGRATION_FILES.len());
        for (i, file) in MIGRATION_FILES.iter().enumerate() {
            let number: usize = file[..4].parse().unwrap();
            assert_eq!(number, i + 1, "{file} is step {}", i + 1);
            let on_disk = std::fs::read_to_string(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src/db/migrations")
                    .join(file),
            )
            .unwrap();
            assert_eq!(
                on_disk,
                MIGRATIONS[i],
                "{file} is the text of step {}",
                i + 1
            );
        }
        let files = std::fs::read_dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/migrations"),
        )
        .unwrap()
        .count();
        assert_eq!(
            files,
            MIGRATIONS.len(),
            "every file in migrations/ is a step"
        );
    }

    #[test]
    fn stored_names_lose_their_control_and_invisible_characters_and_notes_keep_their_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, &path, CLEAN_TEXT_VERSION - 1).unwrap();
        conn.execute_batch(
            "INSERT INTO programme (id, version, name, definition) VALUES ('p', 1, 'p', 'x');
             INSERT INTO family (family_ref, display_name, area, programme_id, programme_version,
                                 status, note, created_at, updated_at)
             VALUES ('F-1', 'Familjen \u{202E}grebÅ', 'Norr' || char(27) || '[2J', 'p', 1,
                     'active', 'rad ett' || char(10) || 'rad två' || char(7), '2026', '2026');",
        )
        .unwrap();
        migrate_to(&mut conn, &path, CLEAN_TEXT_VERSION).unwrap();
        let (name, area, note): (String, String, String) = conn
            .query_row("SELECT display_name, area, note FROM family", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!(name, "Familjen grebÅ");
        assert_eq!(area, "Norr[2J");
        assert_eq!(note, "rad ett\nrad två");
    }
}
