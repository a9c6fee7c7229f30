//! Keeping the file healthy: integrity checks, verified backups, refusing unsafe folders, counts.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::check::{CheckName, checks_on, matters_for_a_copy};
use super::migrate::{LATEST_VERSION, user_version};
use super::{Db, DbError, ReadTx, Refusal, Result};

/// How many rows each part of the register holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub families: i64,
    pub caregivers: i64,
    pub children: i64,
    pub staff: i64,
    pub visits: i64,
    pub groups: i64,
    pub sessions: i64,
    pub attendance: i64,
    pub audit: i64,
}

/// Folder names of file-sync services: a database there is copied half-written between machines.
const SYNCED_FOLDERS: &[&str] = &[
    "dropbox",
    "onedrive",
    "icloud drive",
    "mobile documents",
    "google drive",
    "googledrive",
    "nextcloud",
    "owncloud",
    "pcloud",
    "box sync",
];

/// File systems on which SQLite's locking cannot be trusted.
const NETWORK_FILESYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "afs",
    "9p",
    "davfs",
    "fuse.rclone",
];

/// Refuses a database path in a cloud-synced or network folder.
pub fn refuse_unsafe_location(path: &Path) -> Result<()> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    for part in absolute.components() {
        let name = part.as_os_str().to_string_lossy().to_lowercase();
        if SYNCED_FOLDERS.iter().any(|s| name.starts_with(s)) {
            return Err(DbError::Refused {
                path: path.to_path_buf(),
                reason: Refusal::CloudFolder(part.as_os_str().to_string_lossy().to_string()),
            });
        }
    }
    if let Some(fs_type) = mount_type(&absolute)
        && NETWORK_FILESYSTEMS.contains(&fs_type.as_str())
    {
        return Err(DbError::Refused {
            path: path.to_path_buf(),
            reason: Refusal::NetworkFileSystem(fs_type),
        });
    }
    Ok(())
}

/// The file system type of the mount holding `path` (Linux only; elsewhere none is known).
fn mount_type(path: &Path) -> Option<String> {
    let mounts = fs::read_to_string("/proc/self/mounts").ok()?;
    let mut best: Option<(usize, String)> = None;
    for line in mounts.lines() {
        let mut fields = line.split_whitespace();
        let (_, Some(point), Some(kind)) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        let point = point.replace("\\040", " ");
        if path.starts_with(&point) && best.as_ref().is_none_or(|(len, _)| point.len() > *len) {
            best = Some((point.len(), kind.to_string()));
        }
    }
    best.map(|(_, kind)| kind)
}

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
        crate::paths::create_new_private(&temp).map_err(io)?;
        let result = (|| {
            self.conn
                .execute("VACUUM INTO ?1", [temp.to_string_lossy().as_ref()])?;
            // An encrypted database's copy is encrypted with the same key.
            let copy = Connection::open_with_flags(&temp, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            super::open::apply_key(&copy, self.key.as_ref(), &temp)?;
            let checks = checks_on(&copy, None);
            let failed: Vec<CheckName> = checks
                .iter()
                .filter(|c| !c.ok && matters_for_a_copy(c.name))
                .map(|c| c.name)
                .collect();
            let log = match checks.iter().find(|c| c.name == CheckName::AuditChain) {
                Some(c) if c.ok => None,
                Some(_) => Some(super::audit::verify_chain(&copy)?),
                None => None,
            };
            let head = super::audit::head_of(&copy)?;
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
    pub head: Option<super::Head>,
    /// How the copy's audit log fails its check, when it does (copied as it is).
    pub log_broken: Option<super::ChainState>,
}

/// Removes a half-made copy and whatever journal SQLite left beside it.
pub(super) fn remove_with_journals(path: &Path) {
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
        super::open::refuse_unusable(source, self.key.as_ref())?;
        let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        super::open::apply_key(&src, self.key.as_ref(), source)?;
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
        super::migrate::migrate(&mut self.conn, &path)?;
        self.write(|tx| {
            let key = |e: &crate::domain::model::AuditEntry| {
                let at = e.at.format("%Y-%m-%d %H:%M:%S").to_string();
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

impl ReadTx<'_> {
    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<i64> {
            Ok(self
                .tx
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Counts {
            families: n("family")?,
            caregivers: n("caregiver")?,
            children: n("child")?,
            staff: n("staff")?,
            visits: n("visit")?,
            groups: n("parent_group")?,
            sessions: n("group_session")?,
            attendance: n("attendance")?,
            audit: n("audit")?,
        })
    }
}
