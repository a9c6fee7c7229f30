//! Where the database lives by default, and who the user is for the audit log.

use std::path::PathBuf;

/// `hembesok.sqlite` in the platform data folder (on Linux `~/.local/share/hembesok/`).
pub fn default_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("se", "hembesok", "hembesok")
        .map(|dirs| dirs.data_dir().join("hembesok.sqlite"))
}

/// The database to use: the one given (`--db` or `HEMBESOK_DB`), else the default one.
pub fn db_path(given: Option<&std::path::Path>) -> Option<PathBuf> {
    given
        .map(std::path::Path::to_path_buf)
        .or_else(default_db_path)
}

/// The demo database, kept apart from the real one.
pub fn demo_db_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("se", "hembesok", "hembesok")
        .map(|dirs| dirs.data_dir().join("demo.sqlite"))
}

/// The name written in the audit log: the operating-system user, else the home folder's name
/// (every user has one, even where the login variables are not set).
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(|| {
            directories::BaseDirs::new()
                .and_then(|d| {
                    d.home_dir()
                        .file_name()
                        .map(|n| n.to_string_lossy().to_string())
                })
                .filter(|n| !n.is_empty())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

/// Creates `path` new and empty for writing, mode 0600 from its first byte: never an existing
/// file, never through a symbolic link planted at the name (`O_EXCL`, `O_NOFOLLOW`).
pub fn create_new_private(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}
