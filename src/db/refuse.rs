//! Ours or nothing: what a file at the database's path is (by its header, read before SQLite
//! opens it, or through the key), and the places a database must not be kept.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::open::APPLICATION_ID;
use super::opened::OpenFile;
use super::{DbError, Key, Refusal, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the first 100 bytes of an existing file say about it.
#[derive(Debug, PartialEq, Eq)]
enum FileKind {
    /// A connection of this process has the file open: it was looked at then.
    OpenHere,
    Empty,
    NotSqlite,
    /// An SQLite file; its application id and schema version from the header.
    Sqlite {
        application_id: i32,
        user_version: i64,
    },
}

fn inspect(path: &Path) -> Result<FileKind> {
    let io = |source| DbError::Io {
        path: path.to_path_buf(),
        cause: source,
    };
    // Closing any descriptor of a file drops every lock this process holds on it, SQLite's
    // included: a file this process has open is never opened outside SQLite. It was looked at
    // when it was first opened.
    if OpenFile::is_open(path) {
        return Ok(FileKind::OpenHere);
    }
    let mut file = fs::File::open(path).map_err(io)?;
    let mut header = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut header)
        .map_err(io)?;
    if header.is_empty() {
        return Ok(FileKind::Empty);
    }
    if header.len() < 100 || &header[..16] != SQLITE_MAGIC {
        return Ok(FileKind::NotSqlite);
    }
    let be = |at: usize| {
        i32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    Ok(FileKind::Sqlite {
        application_id: be(68),
        user_version: i64::from(be(60)),
    })
}

pub(super) fn refused(path: &Path, reason: Refusal) -> DbError {
    DbError::Refused {
        path: path.to_path_buf(),
        reason,
    }
}

/// Refuses an existing file that is not a hembesok database, reading only its header.
pub fn refuse_foreign(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(refused(path, Refusal::Folder));
    }
    // Checked before opening: opening a pipe waits for a writer, for ever.
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(refused(path, Refusal::NotAFile));
    }
    match inspect(path)? {
        FileKind::Empty => Err(refused(path, Refusal::EmptyFile)),
        FileKind::NotSqlite if looks_encrypted(path) => Err(refused(path, Refusal::Encrypted)),
        FileKind::NotSqlite => Err(refused(path, Refusal::NotSqlite)),
        // A stamp still in the -wal file (not yet checkpointed) is only visible through SQLite.
        FileKind::Sqlite {
            application_id: 0, ..
        } if wal_says_ours(path) => Ok(()),
        FileKind::Sqlite { application_id, .. } if application_id != APPLICATION_ID => {
            Err(refused(path, Refusal::Foreign(application_id)))
        }
        FileKind::OpenHere | FileKind::Sqlite { .. } => Ok(()),
    }
}

/// Refuses an existing file that cannot be opened with `key`. Without a key that is anything
/// not ours by its header; with one, a plain SQLite file (an encrypted file's header is
/// ciphertext: its stamp is read through SQLite once the key is applied).
pub fn refuse_unusable(path: &Path, key: Option<&Key>) -> Result<()> {
    if key.is_none() {
        return refuse_foreign(path);
    }
    if path.is_dir() {
        return Err(refused(path, Refusal::Folder));
    }
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(refused(path, Refusal::NotAFile));
    }
    match inspect(path)? {
        FileKind::OpenHere | FileKind::NotSqlite => Ok(()),
        FileKind::Empty => Err(refused(path, Refusal::EmptyFile)),
        FileKind::Sqlite { .. } => Err(refused(path, Refusal::NotEncrypted)),
    }
}

/// Refuses a file whose stamp, read through the key, is not ours.
pub(super) fn refuse_foreign_keyed(conn: &Connection, path: &Path) -> Result<()> {
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if id == APPLICATION_ID {
        Ok(())
    } else {
        Err(refused(path, Refusal::Foreign(id)))
    }
}

/// Whether SQLite, reading through the write-ahead log, finds our stamp: a database created a
/// moment ago may not have its stamp in the file's header yet.
fn wal_says_ours(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if !Path::new(&wal).exists() {
        return false;
    }
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("PRAGMA application_id", [], |r| r.get::<_, i32>(0)))
        .is_ok_and(|id| id == APPLICATION_ID)
}

/// Whether a file that is no plain SQLite file looks like an SQLCipher database: whole pages
/// (of at least 1 KiB) of ciphertext. Garbage of that exact shape cannot be told apart; it is
/// then refused as a wrong passphrase, which changes nothing either.
pub fn looks_encrypted(path: &Path) -> bool {
    use std::io::Read;
    // Never opened outside SQLite while this process has it open (that would drop SQLite's
    // locks); a file opened here was looked at then, and answers through its key.
    if OpenFile::is_open(path) {
        return false;
    }
    if !fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() >= 1024 && m.len() % 1024 == 0) {
        return false;
    }
    let mut header = [0u8; 16];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header != b"SQLite format 3\0")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_header_of_each_kind_of_file() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty");
        fs::write(&empty, b"").unwrap();
        assert_eq!(inspect(&empty).unwrap(), FileKind::Empty);
        let text = dir.path().join("text");
        fs::write(&text, "family_ref;family_name\n").unwrap();
        assert_eq!(inspect(&text).unwrap(), FileKind::NotSqlite);
        let other = dir.path().join("other.sqlite");
        Connection::open(&other)
            .unwrap()
            .execute_batch("PRAGMA application_id = 7; CREATE TABLE t(x);")
            .unwrap();
        assert_eq!(
            inspect(&other).unwrap(),
            FileKind::Sqlite {
                application_id: 7,
                user_version: 0
            }
        );
    }
}
