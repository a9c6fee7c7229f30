//! Verified copies: a backup written with `VACUUM INTO` and checked before it is put in place,
//! and a restore that checks the backup, saves what is here first and keeps today's audit rows.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::check::{CheckName, checks_on, matters_for_a_copy};
use crate::db::audit::{ChainState, Head, head_of, verify_chain};
use crate::db::migrate::{LATEST_VERSION, migrate, user_version};
use crate::db::open::apply_key;
use crate::db::refuse::refuse_unusable;
use crate::db::values::stamp_text;
use crate::db::{Db, DbError, Refusal, Result};

impl Db {
    /// Writes a compacted copy beside `target` with `VACUUM INTO` and verifies it: the copy
    /// stays at a temporary name for the caller to put in place (with its audit row in the same
    /// transaction). Refuses an existing `target` unless `overwrite`. A broken audit log is
    /// copied as it is, and said so: the backup is the evidence.
    pub fn copy_for_backup(&mut self, target: &Path, overwrite: bool) -> Result<BackupCopy> {
        let refused = |reason: Refusal| DbError::Refused {
            path: target.to_path_buf(),
            reason,
        };
        if target.exists() && !overwrite {
            return Err(refused(Refusal::TargetExists));
        }
        if self.path.as_deref().is_some_and(|p| same_file(p, target)) {
            return Err(refused(Refusal::TargetIsDatabase));
        }
        let io = |source| DbError::Io {
            path: target.to_path_buf(),
            cause: source,
        };
        let name = target
            .file_name()
            .ok_or_else(|| refused(Refusal::NoFileName))?
            .to_string_lossy()
            .to_string();
        let temp: PathBuf =
            target.with_file_name(format!(".{name}.{}.partial", std::process::id()));
        // Made empty and private before SQLite writes a byte into it (VACUUM INTO takes an
        // empty file), never through a link planted at the name; SQLite gives the copy's
        // journal the same mode.
        let _ = fs::remove_file(&temp);
        let file = crate::paths::create_new_private(&temp).map_err(io)?;
        // Into a team's folder (a restore there), the team's (0660); else private.
        crate::db::access::set_mode(&file, &temp)?;
        drop(file);
        let result = (|| {
            self.conn
                .execute("VACUUM INTO ?1", [temp.to_string_lossy().as_ref()])?;
            // An encrypted database's copy is encrypted with the same key.
            let copy = Connection::open_with_flags(&temp, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            apply_key(&copy, self.key.as_ref(), &temp)?;
            let checks = checks_on(&copy, None);
            let failed: Vec<CheckName> = checks
                .iter()
                .filter(|c| !c.ok && matters_for_a_copy(c.name))
                .map(|c| c.name)
                .collect();
            let log = match checks.iter().find(|c| c.name == CheckName::AuditChain) {
                Some(c) if c.ok => None,
                Some(_) => Some(verify_chain(&copy)?),
                None => None,
            };
            let head = head_of(&copy)?;
            drop(copy);
            if !failed.is_empty() {
                return Err(DbError::BackupUnverified(failed));
            }
            fs::File::open(&temp)
                .and_then(|f| f.sync_all())
                .map_err(io)?;
            Ok(BackupCopy {
                temp: temp.clone(),
                head,
                log_broken: log,
            })
        })();
        if result.is_err() {
            remove_with_journals(&temp);
        }
        result
    }

    /// A verified copy at `target`, put in place at once: for the safety copy `restore` makes
    /// before it replaces anything (its audit row is the restore's).
    pub fn backup(&mut self, target: &Path, overwrite: bool) -> Result<()> {
        let copy = self.copy_for_backup(target, overwrite)?;
        let placed = fs::rename(&copy.temp, target).map_err(|cause| DbError::Io {
            path: target.to_path_buf(),
            cause,
        });
        if placed.is_err() {
            remove_with_journals(&copy.temp);
        }
        placed?;
        if let Some(dir) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            // Make the rename itself durable; not every platform can open a folder.
            let _ = fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(())
    }
}

/// A verified backup copy at a temporary name beside its target.
#[derive(Debug)]
pub struct BackupCopy {
    pub temp: PathBuf,
    /// The copy's audit chain head: what the backup proves of the log.
    pub head: Option<Head>,
    /// How the copy's audit log fails its check, when it does (copied as it is).
    pub log_broken: Option<ChainState>,
}

/// Removes a half-made copy and whatever journal SQLite left beside it.
pub(crate) fn remove_with_journals(path: &Path) {
    let _ = fs::remove_file(path);
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = fs::remove_file(PathBuf::from(side));
    }
}

impl Db {
    /// Replaces this database's contents with a backup: the backup must be ours and pass every
    /// check; what is here now is first saved to `safety_copy`; the pages are copied in by
    /// SQLite's backup API (never by copying files under a live database); an older schema is
    /// then upgraded.
    pub fn restore_from(&mut self, source: &Path, safety_copy: &Path) -> Result<()> {
        // A backup of an encrypted database is encrypted with the same key.
        refuse_unusable(source, self.key.as_ref())?;
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        apply_key(&src, self.key.as_ref(), source)?;
        let found = user_version(&src)?;
        if found > LATEST_VERSION {
            return Err(DbError::TooNew {
                path: source.to_path_buf(),
                found,
                supported: LATEST_VERSION,
            });
        }
        let failed: Vec<CheckName> = checks_on(&src, None)
            .into_iter()
            .filter(|c| !c.ok && c.name != CheckName::SchemaVersion)
            .map(|c| c.name)
            .collect();
        if !failed.is_empty() {
            return Err(DbError::Refused {
                path: source.to_path_buf(),
                reason: Refusal::BackupFailsChecks(failed),
            });
        }
        self.backup(safety_copy, false)?;
        // Who looked at what since the backup was made must survive the restore: the log is the
        // families' record of access, not part of the data being rolled back.
        let log_now = self.read(|tx| tx.list_audit(None))?;
        let in_backup: std::collections::HashSet<String> = {
            let mut stmt =
                src.prepare("SELECT at, actor, action, entity, entity_id, detail FROM audit")?;
            let rows = stmt.query_map([], |r| {
                Ok(audit_key(
                    &r.get::<_, String>(0)?,
                    &r.get::<_, String>(1)?,
                    &r.get::<_, String>(2)?,
                    &r.get::<_, String>(3)?,
                    r.get(4)?,
                    r.get::<_, Option<String>>(5)?.as_deref(),
                ))
            })?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        {
            let copy = rusqlite::backup::Backup::new(&src, &mut self.conn)?;
            copy.run_to_completion(1024, std::time::Duration::from_millis(5), None)?;
        }
        let path = self.path.clone().unwrap_or_default();
        migrate(&mut self.conn, &path)?;
        self.write(|tx| {
            let key = |e: &crate::domain::model::AuditEntry| {
                let at = stamp_text(e.at);
                audit_key(
                    &at,
                    &e.actor,
                    e.action.as_str(),
                    e.entity.as_str(),
                    e.entity_id,
                    e.detail.as_deref(),
                )
            };
            for entry in log_now.iter().filter(|e| !in_backup.contains(&key(e))) {
                tx.insert_audit(entry)?;
            }
            Ok::<_, DbError>(())
        })?;
        Ok(())
    }
}

/// An audit entry as one comparable text: the log has no other identity across two files.
fn audit_key(
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    id: Option<i64>,
    detail: Option<&str>,
) -> String {
    format!("{at}|{actor}|{action}|{entity}|{id:?}|{detail:?}")
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
