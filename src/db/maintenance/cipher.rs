//! Encryption at rest: turning a database into an encrypted one, a plain one, or one under a
//! new key, whole or not at all (telling an encrypted file from others is `refuse`'s).

use std::fs;
use std::path::Path;

use super::backup::remove_with_journals;
use super::check::{CheckName, checks_on};
use crate::db::open::APPLICATION_ID;
use crate::db::{Db, DbError, Key, Mode, Refusal, Result, connect, connect_private};
use crate::domain::model::AuditEntry;

/// Rewrites the database at `path`, opened with `from` (none: plain), into a copy under `to`
/// (none: plain), with `audit` as the copy's newest audit row. The copy is made 0600 beside
/// the original by `sqlcipher_export`, verified through the new key, synced, and only then
/// renamed over the original: a crash at any point leaves the original as it was. The caller
/// holds the window lock, so copies left by an earlier run that was killed are removed first.
pub fn convert(
    path: &Path,
    from: Option<&Key>,
    to: Option<&Key>,
    audit: &AuditEntry,
) -> Result<()> {
    if from.is_none() && to.is_none() {
        return Err(DbError::Refused {
            path: path.to_path_buf(),
            reason: Refusal::Plain,
        });
    }
    let name = path
        .file_name()
        .ok_or_else(|| DbError::Refused {
            path: path.to_path_buf(),
            reason: Refusal::NoFileName,
        })?
        .to_string_lossy()
        .to_string();
    let temp = path.with_file_name(format!(".{name}.{}.converting", std::process::id()));
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |cause| DbError::Io { path: p, cause }
    };
    let mut db = connect(path, Mode::Write, from)?;
    if !db.check_integrity()? {
        return Err(DbError::Damaged);
    }
    remove_stale_copies(path, &name);
    let file = crate::paths::create_new_private(&temp).map_err(io(&temp))?;
    // In a team's folder the new file is the team's too (0660), as the old one was.
    crate::db::access::set_mode(&file, &temp)?;
    drop(file);
    let result = (|| {
        export(&db, &temp, to)?;
        // Closing the last connection folds the original's write-ahead log into it; one still
        // there belongs to another program, and would be read into the new file.
        drop(db);
        if wal_in_use(path) {
            return Err(DbError::Refused {
                path: path.to_path_buf(),
                reason: Refusal::InUse,
            });
        }
        let mut copy = connect_private(&temp, Mode::Write, to)?;
        copy.write(|tx| tx.insert_audit(audit))?;
        copy.conn.close().map_err(|(_, e)| DbError::from(e))?;
        verify(&temp, to)?;
        fs::File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(io(&temp))?;
        fs::rename(&temp, path).map_err(io(path))?;
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    })();
    remove_with_journals(&temp);
    result
}

/// Copies every table, index and trigger into `target` under `key` (an empty key: plain),
/// with the stamp and schema version, which `sqlcipher_export` leaves behind.
fn export(db: &Db, target: &Path, key: Option<&Key>) -> Result<()> {
    let conn = &db.conn;
    let passphrase = key.map_or("", Key::passphrase);
    conn.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        [target.to_string_lossy().as_ref(), passphrase],
    )?;
    let copied = (|| {
        // No other program writes while the copy is made (the app is kept out by its lock).
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let made = (|| {
            conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
            let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
            conn.pragma_update(Some("converted"), "user_version", version)?;
            conn.pragma_update(Some("converted"), "application_id", APPLICATION_ID)?;
            Ok::<_, DbError>(())
        })();
        let end = conn.execute_batch(if made.is_ok() { "COMMIT" } else { "ROLLBACK" });
        made?;
        end?;
        Ok::<_, DbError>(())
    })();
    let detached = conn.execute_batch("DETACH DATABASE converted");
    copied?;
    detached?;
    Ok(())
}

/// Opens the copy through its key and runs every check `hembesok check` runs.
fn verify(path: &Path, key: Option<&Key>) -> Result<()> {
    let copy = connect_private(path, Mode::Read, key)?;
    let failed: Vec<CheckName> = checks_on(&copy.conn, None)
        .into_iter()
        .filter(|c| !c.ok)
        .map(|c| c.name)
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(DbError::ConvertUnverified(failed))
    }
}

fn wal_in_use(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    fs::metadata(Path::new(&wal)).is_ok_and(|m| m.len() > 0)
}

/// Removes the copies (and their journals) that a killed conversion left beside `path`.
fn remove_stale_copies(path: &Path, name: &str) {
    let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => folder,
        None => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().to_string();
        if file.starts_with(&prefix) && file.ends_with(".converting") {
            remove_with_journals(&entry.path());
        }
    }
}
