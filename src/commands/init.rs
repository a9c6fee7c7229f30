//! `hembesok init --group GROUP PATH`: a team's database on one host. The folder belongs to
//! the group with mode 2770 (set-group-id, so every file made in it is the group's), the file
//! is 0660, and the system-wide config names it, so that each person just runs `hembesok`.

use std::fs;
use std::path::{Path, PathBuf};

use super::out;
use crate::cli::InitArgs;
use crate::db::Mode;
use crate::error::{CommandError, Result};
use crate::session::Session;

pub fn run(args: &InitArgs, session: &Session) -> Result<()> {
    let gid = group_id(&args.group)?;
    let path = absolute(&args.path)?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let failed = |path: &Path| {
        let path = path.to_path_buf();
        move |cause| CommandError::NotInitialised { path, cause }
    };
    fs::create_dir_all(&folder).map_err(failed(&folder))?;
    give_to_group(&folder, gid, 0o2770).map_err(failed(&folder))?;
    // A file that is there already becomes the team's; a new one is made the team's by its
    // folder as the database makes it.
    for existing in [path.clone(), lock_file(&path)] {
        if existing.exists() {
            give_to_group(&existing, gid, 0o660).map_err(failed(&existing))?;
        }
    }
    drop(crate::db::connect(&path, Mode::Create, None)?);
    let config = if args.no_system_config {
        None
    } else {
        let config = crate::paths::system_config_path();
        write_system_config(&config, &path).map_err(failed(&config))?;
        Some(config)
    };
    out::say(crate::i18n::messages::cli::initialised(
        &path,
        &args.group,
        config.as_deref(),
        session.lang,
    ))?;
    Ok(())
}

fn group_id(name: &str) -> Result<u32> {
    let missing = || CommandError::NoSuchGroup {
        group: name.to_string(),
    };
    let group = nix::unistd::Group::from_name(name)
        .ok()
        .flatten()
        .ok_or_else(missing)?;
    Ok(group.gid.as_raw())
}

fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|cause| {
        CommandError::NotInitialised {
            path: path.to_path_buf(),
            cause,
        }
        .into()
    })
}

/// `.NAME.lock` beside the database: the instance lock every member takes.
fn lock_file(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
    db.with_file_name(format!(".{name}.lock"))
}

fn give_to_group(path: &Path, gid: u32, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::os::unix::fs::chown(path, None, Some(gid))?;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

/// Sets `db` in the system-wide config, keeping whatever else it says. Everyone reads it
/// (0644): it holds a path, no personal data.
fn write_system_config(config: &Path, db: &Path) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut table: toml::Table = fs::read_to_string(config)
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or_default();
    table.insert(
        "db".into(),
        toml::Value::String(db.to_string_lossy().into_owned()),
    );
    let text = toml::to_string(&table).map_err(std::io::Error::other)?;
    if let Some(folder) = config.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(folder)?;
    }
    let temp = config.with_extension("toml.new");
    let _ = fs::remove_file(&temp);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&temp)?;
    file.set_permissions(fs::Permissions::from_mode(0o644))?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    fs::rename(&temp, config)
}
