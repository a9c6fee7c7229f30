//! Opening a database file: the key applied and proved, created private and whole, configured
//! for safety (what a file must be to be opened at all is `refuse`'s).

use std::fs;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::refuse::{refuse_foreign_keyed, refuse_unsafe_location};
use super::{DbError, Key, Mode, Result};

/// "HBES" in ASCII: SQLite's header field that says which program a file belongs to.
pub const APPLICATION_ID: i32 = 0x4842_4553;

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

/// Opens an existing hembesok file, or (in [`Mode::Create`]) creates a new one (mode 0600,
/// new folders 0700).
pub fn open_file(path: &Path, mode: Mode, key: Option<&Key>) -> Result<Connection> {
    refuse_unsafe_location(path)?;
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
    refuse_unsafe_location(path)?;
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
    let file = crate::paths::create_new_private(&temp).map_err(io(&temp))?;
    // In a team's folder, the team's members read and write it too (0660).
    super::access::set_mode(&file, &temp)?;
    drop(file);
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

/// Creates the file empty with mode 0600 (0660 in a team's folder), and any missing folders
/// with mode 0700.
fn create_private(path: &Path) -> Result<()> {
    create_private_folder(path)?;
    let file = crate::paths::create_new_private(path).map_err(|cause| DbError::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    // In a team's folder, the team's members read and write it too (0660).
    super::access::set_mode(&file, path)
}

/// A reader's settings: a wait for writers and foreign keys; the journal is the writer's.
fn configure_reader(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    cache(conn)
}

/// SQLite's page cache, in KiB (a negative `cache_size`). Its default, 2 MiB, is a few thousand
/// pages: a report or the start's alerts walk an index and look up each row in its table, and
/// at region scale those pages fell out of the cache and were read from the file again and
/// again. The cache grows only as pages are read, so a small register never uses it all.
pub(super) const CACHE_KIB: i64 = 16 * 1024;

/// The page cache while the whole file is checked: the check reads each page about once, and
/// at 200,000 families it took as long with 4 MiB as with 16 (13.2 and 13.8 s), so the app's
/// memory does not grow by a second large cache while it runs beside the other reads.
pub(super) const CHECK_CACHE_KIB: i64 = 4 * 1024;

/// Statements kept prepared a connection: a report's read alone prepares some 25 (rusqlite
/// keeps 16 by default, so each report pushed out the screens' own).
const STATEMENTS: usize = 64;

fn cache(conn: &Connection) -> Result<()> {
    conn.set_prepared_statement_cache_capacity(STATEMENTS);
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
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
    cache(conn)
}
