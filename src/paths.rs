//! Where the database lives by default, and who the user is for the audit log.

use std::path::PathBuf;

/// The database when none is given: the team's, as the system-wide config names it, else
/// `hembesok.sqlite` in the platform data folder (on Linux `~/.local/share/hembesok/`).
pub fn default_db_path() -> Option<PathBuf> {
    system_db_path().or_else(|| {
        directories::ProjectDirs::from("se", "hembesok", "hembesok")
            .map(|dirs| dirs.data_dir().join("hembesok.sqlite"))
    })
}

/// The system-wide config `hembesok init` writes: `HEMBESOK_SYSTEM_CONFIG`, else
/// `/etc/hembesok/config.toml`.
pub fn system_config_path() -> PathBuf {
    std::env::var_os("HEMBESOK_SYSTEM_CONFIG")
        .map_or_else(|| PathBuf::from("/etc/hembesok/config.toml"), PathBuf::from)
}

/// The database the system-wide config names (`db = "/srv/hembesok/hembesok.sqlite"`), if
/// there is such a file and it names one.
pub fn system_db_path() -> Option<PathBuf> {
    let text = std::fs::read_to_string(system_config_path()).ok()?;
    let table: toml::Table = text.parse().ok()?;
    table.get("db")?.as_str().map(PathBuf::from)
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

/// The operating-system user this process runs as, by its user id: its login name, else the
/// number. Not `$USER`, which anyone can set to any name.
pub fn os_user() -> String {
    #[cfg(unix)]
    {
        let uid = nix::unistd::getuid();
        match nix::unistd::User::from_uid(uid) {
            Ok(Some(user)) => user.name,
            _ => format!("uid {uid}"),
        }
    }
    #[cfg(not(unix))]
    {
        ["USERNAME", "USER"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
            .unwrap_or_else(|| "unknown".to_string())
    }
}

/// Who the audit log names: the operating-system user, with the name the config gives beside
/// it ("anna (Anna Lind)"), so that a configured name can never stand for another login.
pub fn actor(configured: Option<&str>) -> String {
    let user = os_user();
    match configured.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) if name != user => format!("{user} ({})", crate::domain::text::clean(name)),
        _ => user,
    }
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
