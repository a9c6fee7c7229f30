//! One interactive session per database file: a lock on a file beside it, never on the database
//! itself (SQLite's own locks stay untouched).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::{DbError, Result};

/// Held while the terminal app has the database open; released when dropped or the process ends.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

fn lock_path(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map_or_else(|| "hembesok".into(), |n| n.to_string_lossy().to_string());
    db.with_file_name(format!(".{name}.lock"))
}

impl InstanceLock {
    pub fn acquire(db: &Path) -> Result<InstanceLock> {
        // On first use the database's folder does not exist yet; make it as opening would.
        super::open::create_private_folder(db)?;
        let path = lock_path(db);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path).map_err(|source| DbError::Io {
            path: path.clone(),
            cause: source,
        })?;
        match file.try_lock() {
            Ok(()) => Ok(InstanceLock { _file: file }),
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
