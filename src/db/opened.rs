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

impl OpenFile {
    /// Registers `path` (an existing file) as open, refusing a file with several names.
    pub fn register(path: &Path) -> Result<OpenFile> {
        let meta = fs::metadata(path).map_err(|cause| DbError::Io {
            path: path.to_path_buf(),
            cause,
        })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if meta.nlink() > 1 {
                return Err(DbError::Refused {
                    path: path.to_path_buf(),
                    reason: Refusal::HardLinked(meta.nlink()),
                });
            }
        }
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
