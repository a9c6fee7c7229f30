//! One interactive session per database file: a lock on a file beside it, never on the database
//! itself (SQLite's own locks stay untouched).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::{DbError, Result};

/// Held while the terminal app has the database open; released when dropped or the process ends.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
    path: PathBuf,
}

/// The lock beside the real file: the path is resolved first (links, `..`, a symlinked
/// folder), so two windows that reach one database by different paths take the same lock.
fn lock_path(db: &Path) -> PathBuf {
    let real = std::fs::canonicalize(db).unwrap_or_else(|_| {
        match (
            db.parent().filter(|p| !p.as_os_str().is_empty()),
            db.file_name(),
        ) {
            (Some(parent), Some(name)) => {
                std::fs::canonicalize(parent).map_or_else(|_| db.to_path_buf(), |p| p.join(name))
            }
            _ => db.to_path_buf(),
        }
    });
    let name = real
        .file_name()
        .map_or_else(|| "hembesok".into(), |n| n.to_string_lossy().to_string());
    real.with_file_name(format!(".{name}.lock"))
}

impl InstanceLock {
    /// Lets go and removes the lock file, for a window that never opened the database.
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }

    pub fn acquire(db: &Path) -> Result<InstanceLock> {
        // On first use the database's folder does not exist yet; make it as opening would.
        super::open::create_private_folder(db)?;
        let path = lock_path(db);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        // Private from the start, and never through a link planted at its name.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        let file = options.open(&path).map_err(|source| DbError::Io {
            path: path.clone(),
            cause: source,
        })?;
        match file.try_lock() {
            Ok(()) => Ok(InstanceLock { _file: file, path }),
            Err(TryLockError::WouldBlock) => Err(DbError::Refused {
                path: db.to_path_buf(),
                reason: super::Refusal::AlreadyOpen,
            }),
            Err(TryLockError::Error(source)) => Err(DbError::Io {
                path,
                cause: source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn one_database_reached_by_two_paths_has_one_lock() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        let db = real.join("h.sqlite");
        std::fs::write(&db, b"").unwrap();
        let linked = dir.path().join("linked");
        std::os::unix::fs::symlink(&real, &linked).unwrap();
        let first = InstanceLock::acquire(&db).unwrap();
        let second = InstanceLock::acquire(&linked.join("h.sqlite"));
        assert!(
            matches!(
                second,
                Err(DbError::Refused {
                    reason: super::super::Refusal::AlreadyOpen,
                    ..
                })
            ),
            "{second:?}"
        );
        let dotted = InstanceLock::acquire(&real.join("../real/h.sqlite"));
        assert!(dotted.is_err(), "a path with .. is the same file");
        let file_link = dir.path().join("short.sqlite");
        std::os::unix::fs::symlink(&db, &file_link).unwrap();
        assert!(
            InstanceLock::acquire(&file_link).is_err(),
            "a link to the database file is the same file"
        );
        drop(first);
        assert!(InstanceLock::acquire(&linked.join("h.sqlite")).is_ok());
    }

    #[test]
    fn the_lock_can_be_taken_before_the_database_and_its_folder_exist() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("new/folder/h.sqlite");
        let lock = InstanceLock::acquire(&db).unwrap();
        assert!(db.parent().unwrap().is_dir());
        drop(lock);
    }

    #[test]
    fn a_second_lock_on_the_same_file_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.sqlite");
        let first = InstanceLock::acquire(&db).unwrap();
        let err = InstanceLock::acquire(&db).unwrap_err().to_string();
        assert!(
            err.contains("already open in another hembesok window"),
            "{err}"
        );
        drop(first);
        assert!(InstanceLock::acquire(&db).is_ok());
    }
}
