//! The instance lock: every process that opens a database holds a lock on a file beside it
//! (never on the database itself, whose locks are SQLite's), shared by windows and commands,
//! exclusive for the commands that replace the whole file (encrypt, decrypt, rekey, restore,
//! retention --apply). So a whole-file command never runs beside anyone who could write into
//! the file it replaces, and nobody opens the file while it does.
//!
//! The lock is `flock`, which the kernel lets go when the process ends however it ends, so a
//! window killed or cut off leaves nothing that blocks the next command. Within one process
//! every connection shares the one lock (a second `flock` of the same file from the same
//! process would count as someone else).

use std::collections::HashMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, Weak};
use std::time::{Duration, Instant};

use super::{DbError, Refusal, Result};

/// How a process uses the database: alongside others, or alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockKind {
    /// Windows and commands that read and write rows: any number at once.
    Shared,
    /// A command that replaces the whole file: nobody else may have it open.
    Exclusive,
}

#[derive(Debug)]
struct Held {
    _file: File,
    kind: LockKind,
}

/// The locks this process holds, by the lock file's path.
static HELD: LazyLock<Mutex<HashMap<PathBuf, Weak<Held>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Held while a window or a command has the database open; released when the last holder in
/// the process drops it, or when the process ends.
#[derive(Debug, Clone)]
pub struct InstanceLock {
    held: Arc<Held>,
}

/// The lock beside the real file: the path is resolved first (links, `..`, a symlinked
/// folder), so two windows that reach one database by different paths take the same lock.
/// (A hard link, a second name of the same file, is refused when the database is opened.)
pub(super) fn lock_path(db: &Path) -> PathBuf {
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

/// How long a window or a command waits for a whole-file command to finish.
pub const WAIT_FOR_EXCLUSIVE: Duration = Duration::from_secs(30);

/// What a process says while it waits for a whole-file command (set once, in its language).
static WAIT_NOTICE: std::sync::OnceLock<Box<dyn Fn() + Send + Sync>> = std::sync::OnceLock::new();

/// Sets what this process says, once, when it has to wait for a whole-file command to finish.
pub fn on_wait(notice: Box<dyn Fn() + Send + Sync>) {
    let _ = WAIT_NOTICE.set(notice);
}

impl InstanceLock {
    /// Takes the lock as `kind`. A shared lock waits up to `wait` while a whole-file command
    /// runs, calling `waiting` once when it starts to wait; an exclusive one never waits,
    /// since windows stay open for hours.
    pub fn take(
        db: &Path,
        kind: LockKind,
        wait: Duration,
        waiting: &dyn Fn(),
    ) -> Result<InstanceLock> {
        // On first use the database's folder does not exist yet; make it as opening would.
        super::open::create_private_folder(db)?;
        let path = lock_path(db);
        let mut held = HELD
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(existing) = held.get(&path).and_then(Weak::upgrade) {
            return match (existing.kind, kind) {
                (_, LockKind::Shared) | (LockKind::Exclusive, LockKind::Exclusive) => {
                    Ok(InstanceLock { held: existing })
                }
                // This process has the file open already, so it cannot have it alone.
                (LockKind::Shared, LockKind::Exclusive) => Err(DbError::Refused {
                    path: db.to_path_buf(),
                    reason: Refusal::OpenElsewhere,
                }),
            };
        }
        let file = open_lock_file(&path)?;
        let deadline = Instant::now() + wait;
        let mut said = false;
        loop {
            let tried = match kind {
                LockKind::Shared => file.try_lock_shared(),
                LockKind::Exclusive => file.try_lock(),
            };
            match tried {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if kind == LockKind::Exclusive => {
                    return Err(DbError::Refused {
                        path: db.to_path_buf(),
                        reason: Refusal::OpenElsewhere,
                    });
                }
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    if !said {
                        waiting();
                        said = true;
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(DbError::Refused {
                        path: db.to_path_buf(),
                        reason: Refusal::WholeFileCommandRunning,
                    });
                }
                Err(TryLockError::Error(cause)) => return Err(DbError::Io { path, cause }),
            }
        }
        let lock = Arc::new(Held { _file: file, kind });
        held.retain(|_, w| w.strong_count() > 0);
        held.insert(path, Arc::downgrade(&lock));
        Ok(InstanceLock { held: lock })
    }

    /// The shared lock, waiting for a whole-file command to finish (saying so, if this
    /// process was told how: see [`on_wait`]).
    pub fn shared(db: &Path) -> Result<InstanceLock> {
        InstanceLock::take(db, LockKind::Shared, WAIT_FOR_EXCLUSIVE, &|| {
            if let Some(notice) = WAIT_NOTICE.get() {
                notice();
            }
        })
    }

    /// The exclusive lock, refused at once while anyone has the database open.
    pub fn exclusive(db: &Path) -> Result<InstanceLock> {
        InstanceLock::take(db, LockKind::Exclusive, Duration::ZERO, &|| {})
    }

    /// The shared lock for a command that only reads: where the lock file cannot be made (a
    /// read-only mount, a folder the user may read but not write), it reads without one, since
    /// nobody can write there either.
    pub fn for_reading(db: &Path) -> Result<Option<InstanceLock>> {
        match InstanceLock::shared(db) {
            Ok(lock) => Ok(Some(lock)),
            Err(DbError::Io { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn kind(&self) -> LockKind {
        self.held.kind
    }
}

/// Opens (or makes, private or the team's) the lock file, never through a link planted at its name.
fn open_lock_file(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|cause| DbError::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    // In a team's folder every member takes the lock: the file is the group's (0660). Only
    // its maker may change its mode; a member who finds it made already leaves it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let wanted = super::access::sharing_of(path).file_mode();
        if file
            .metadata()
            .is_ok_and(|m| m.permissions().mode() & 0o777 != wanted)
        {
            let _ = file.set_permissions(std::fs::Permissions::from_mode(wanted));
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lock taken as another process would: its own open file, not this process's registry.
    fn foreign(db: &Path, exclusive: bool) -> File {
        let file = open_lock_file(&lock_path(db)).unwrap();
        if exclusive {
            file.try_lock().unwrap();
        } else {
            file.try_lock_shared().unwrap();
        }
        file
    }

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
        let file_link = dir.path().join("short.sqlite");
        std::os::unix::fs::symlink(&db, &file_link).unwrap();
        let expected = lock_path(&db);
        assert_eq!(lock_path(&linked.join("h.sqlite")), expected);
        assert_eq!(lock_path(&real.join("../real/h.sqlite")), expected);
        assert_eq!(lock_path(&file_link), expected);
    }

    #[test]
    fn the_lock_can_be_taken_before_the_database_and_its_folder_exist() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("new/folder/h.sqlite");
        let lock = InstanceLock::shared(&db).unwrap();
        assert!(db.parent().unwrap().is_dir());
        drop(lock);
    }

    #[test]
    fn windows_and_commands_share_and_a_whole_file_command_is_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.sqlite");
        // Another process has it open: more may, a whole-file command may not.
        let other = foreign(&db, false);
        let mine = InstanceLock::shared(&db).unwrap();
        assert_eq!(mine.kind(), LockKind::Shared);
        drop(mine);
        let err = InstanceLock::exclusive(&db).unwrap_err().to_string();
        assert!(err.contains("open in another hembesok"), "{err}");
        drop(other);
        let alone = InstanceLock::exclusive(&db).unwrap();
        // Within the process, connections made while it runs share its lock.
        assert_eq!(
            InstanceLock::shared(&db).unwrap().kind(),
            LockKind::Exclusive
        );
        drop(alone);
    }

    #[test]
    fn a_window_waits_for_a_whole_file_command_and_then_gives_up_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.sqlite");
        let running = foreign(&db, true);
        let said = std::cell::Cell::new(0);
        let err = InstanceLock::take(&db, LockKind::Shared, Duration::from_millis(300), &|| {
            said.set(said.get() + 1);
        })
        .unwrap_err();
        assert!(matches!(
            err,
            DbError::Refused {
                reason: Refusal::WholeFileCommandRunning,
                ..
            }
        ));
        assert_eq!(said.get(), 1, "said once that it waits");
        drop(running);
        assert!(InstanceLock::shared(&db).is_ok());
    }

    #[test]
    fn this_process_cannot_have_alone_what_it_has_open() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.sqlite");
        let open = InstanceLock::shared(&db).unwrap();
        assert!(InstanceLock::exclusive(&db).is_err());
        drop(open);
        assert!(InstanceLock::exclusive(&db).is_ok());
    }
}
