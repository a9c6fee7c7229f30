//! The database files this process has open: while a connection has one, this process never
//! opens it outside SQLite (closing any descriptor of a file drops every lock this process
//! holds on it), and a write into a file replaced meanwhile is refused.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use super::{DbError, Refusal, Result};

/// A file's identity: the device and inode it lives on, whatever name reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Identity {
    dev: u64,
    ino: u64,
}

fn identity(meta: &fs::Metadata) -> Identity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Identity {
            dev: meta.dev(),
            ino: meta.ino(),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Identity { dev: 0, ino: 0 }
    }
}

/// The database files this process has open, by identity, with how many connections each.
static OPEN_HERE: LazyLock<Mutex<HashMap<Identity, usize>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// One connection's hold on a database file: while any is alive, this process never opens the
/// file outside SQLite. It also remembers which file was opened, so that a write into a file
/// replaced meanwhile can be refused.
#[derive(Debug)]
pub struct OpenFile {
    path: PathBuf,
    identity: Identity,
}

/// A new database is made under a temporary name (`.NAME.PID.new`) and linked into place, and
/// the temporary name is removed right after; a process killed in between leaves that second
/// name. Removes the second names of this file that are such leftovers; true if it removed one.
#[cfg(unix)]
fn forget_creation_names(path: &Path, meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(folder) else {
        return false;
    };
    let mut removed = false;
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let ours = file.strip_prefix(&prefix).is_some_and(|rest| {
            rest.strip_suffix(".new")
                .is_some_and(|pid| pid.bytes().all(|b| b.is_ascii_digit()))
        });
        let same = fs::symlink_metadata(entry.path())
            .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino());
        if ours && same && fs::remove_file(entry.path()).is_ok() {
            removed = true;
        }
    }
    removed
}

impl OpenFile {
    /// Registers `path` (an existing file) as open, refusing a file with several names.
    pub fn register(path: &Path) -> Result<OpenFile> {
        let meta = fs::metadata(path).map_err(|cause| DbError::Io {
            path: path.to_path_buf(),
            cause,
        })?;
        #[cfg(unix)]
        let meta = {
            use std::os::unix::fs::MetadataExt;
            let mut meta = meta;
            if meta.nlink() > 1 && forget_creation_names(path, &meta) {
                meta = fs::metadata(path).map_err(|cause| DbError::Io {
                    path: path.to_path_buf(),
                    cause,
                })?;
            }
            if meta.nlink() > 1 {
                return Err(DbError::Refused {
                    path: path.to_path_buf(),
                    reason: Refusal::HardLinked(meta.nlink()),
                });
            }
            super::access::refuse_open_to_others(path, &meta)?;
            meta
        };
        let identity = identity(&meta);
        *OPEN_HERE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(identity)
            .or_default() += 1;
        Ok(OpenFile {
            path: path.to_path_buf(),
            identity,
        })
    }

    /// Whether a connection of this process has the file at `path` open.
    pub fn is_open(path: &Path) -> bool {
        let Ok(meta) = fs::metadata(path) else {
            return false;
        };
        OPEN_HERE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&identity(&meta))
            .is_some_and(|n| *n > 0)
    }

    /// Whether the path still names the file that was opened.
    pub fn still_there(&self) -> bool {
        fs::metadata(&self.path).is_ok_and(|m| identity(&m) == self.identity)
    }
}

impl Drop for OpenFile {
    fn drop(&mut self) {
        let mut open = OPEN_HERE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.identity) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.identity);
            }
        }
    }
}
