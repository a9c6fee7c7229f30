//! Opening a database file: ours or nothing, created private, configured for safety.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::{DbError, Key, Mode, Refusal, Result};

/// "HBES" in ASCII: SQLite's header field that says which program a file belongs to.
pub const APPLICATION_ID: i32 = 0x4842_4553;

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

fn refused(path: &Path, reason: Refusal) -> DbError {
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
        FileKind::NotSqlite if super::cipher::looks_encrypted(path) => {
            Err(refused(path, Refusal::Encrypted))
        }
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
                return Err(refused(path, Refusal::HardLinked(meta.nlink())));
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

/// Silences SQLCipher's log (it writes to standard error otherwise), then applies `key`, if
/// any, and proves it by reading the schema: a key that does not open the file is
/// [`DbError::WrongKey`], and nothing has been written.
pub(super) fn apply_key(conn: &Connection, key: Option<&Key>, path: &Path) -> Result<()> {
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()))
        .optional()?;
    let Some(key) = key else {
        return Ok(());
    };
    // Passed as a quoted string literal by rusqlite, never formatted into the SQL by hand.
    conn.pragma_update(None, "key", key.passphrase())?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(DbError::WrongKey {
                path: path.to_path_buf(),
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// Refuses a file whose stamp, read through the key, is not ours.
fn refuse_foreign_keyed(conn: &Connection, path: &Path) -> Result<()> {
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

/// Opens an existing hembesok file, or (in [`Mode::Create`]) creates a new one (mode 0600,
/// new folders 0700).
pub fn open_file(path: &Path, mode: Mode, key: Option<&Key>) -> Result<Connection> {
    super::maintenance::refuse_unsafe_location(path)?;
    if !path.exists() && mode == Mode::Create {
        create_private(path)?;
    }
    let conn = if mode == Mode::Read {
        open_read_only(path, key)?
    } else {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // The key comes before anything else is read; only then can the stamp be seen.
        apply_key(&conn, key, path)?;
        conn
    };
    if key.is_some() {
        refuse_foreign_keyed(&conn, path)?;
    }
    match mode {
        Mode::Read => configure_reader(&conn)?,
        Mode::Create | Mode::Write => configure(&conn)?,
    }
    Ok(conn)
}

/// Opens `path` for reading only, through `key`. A reader of a WAL database needs its
/// shared-memory file; on a read-only file or mount, or a full disk, that cannot be made, and
/// the file is then read as it lies on disk.
pub(super) fn open_read_only(path: &Path, key: Option<&Key>) -> Result<Connection> {
    let conn = read_only_uri(path, false)?;
    let readable = match apply_key(&conn, key, path) {
        Ok(()) => conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .is_ok(),
        Err(e @ DbError::WrongKey { .. }) => return Err(e),
        Err(_) => false,
    };
    if readable {
        return Ok(conn);
    }
    let conn = read_only_uri(path, true)?;
    apply_key(&conn, key, path)?;
    Ok(conn)
}

/// Opens `path` for reading only (`mode=ro`), or `immutable` (no locks, no shared memory).
fn read_only_uri(path: &Path, immutable: bool) -> Result<Connection> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // The path goes into a URI: characters with a meaning there are escaped.
    let mut escaped = String::new();
    for c in absolute.to_string_lossy().chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '?' => escaped.push_str("%3F"),
            '#' => escaped.push_str("%23"),
            other => escaped.push(other),
        }
    }
    let uri = format!(
        "file:{escaped}?mode=ro{}",
        if immutable { "&immutable=1" } else { "" }
    );
    Ok(Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

/// Makes a new database at `path` whole or not at all: it is created under a temporary name,
/// migrated and closed, then linked into place (never over a file that appeared meanwhile).
/// A crash on the way leaves only the temporary file, never a half-made database at `path`
/// that every later command would refuse.
pub fn create_database(path: &Path, key: Option<&Key>) -> Result<()> {
    super::maintenance::refuse_unsafe_location(path)?;
    create_private_folder(path)?;
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |cause| DbError::Io { path: p, cause }
    };
    let name = path
        .file_name()
        .map_or_else(|| "hembesok".into(), |n| n.to_string_lossy().to_string());
    let temp = path.with_file_name(format!(".{name}.{}.new", std::process::id()));
    let _ = fs::remove_file(&temp);
    crate::paths::create_new_private(&temp).map_err(io(&temp))?;
    let made = (|| {
        // Our own empty file, just made: opened as it is, not checked as a stranger's.
        let mut conn = Connection::open_with_flags(
            &temp,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        apply_key(&conn, key, &temp)?;
        configure(&conn)?;
        super::migrate::migrate(&mut conn, path)?;
        // Closing the last connection folds the write-ahead log into the file.
        conn.close().map_err(|(_, e)| DbError::from(e))?;
        match fs::hard_link(&temp, path) {
            // Another process made the database meanwhile: theirs stands.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            other => other.map_err(io(path)),
        }?;
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            let _ = fs::File::open(folder).and_then(|f| f.sync_all());
        }
        Ok(())
    })();
    for leftover in ["", "-wal", "-shm", "-journal"] {
        let mut side = temp.as_os_str().to_owned();
        side.push(leftover);
        let _ = fs::remove_file(Path::new(&side));
    }
    made
}

/// Creates the folders that hold `path`, private (mode 0700), if they are missing.
pub fn create_private_folder(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.exists()
    {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(parent).map_err(|cause| DbError::Io {
            path: parent.to_path_buf(),
            cause,
        })?;
    }
    Ok(())
}

/// Creates the file empty with mode 0600, and any missing folders with mode 0700.
fn create_private(path: &Path) -> Result<()> {
    create_private_folder(path)?;
    crate::paths::create_new_private(path).map_err(|cause| DbError::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    Ok(())
}

/// A reader's settings: a wait for writers and foreign keys; the journal is the writer's.
fn configure_reader(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// The settings every connection gets: WAL, full sync, foreign keys, a wait for other writers.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if mode != "wal" && mode != "memory" {
        return Err(DbError::NoWal(mode));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
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
