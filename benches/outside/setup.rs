//! The world the bench's hembesok runs in: its clock, its folder under target, its
//! environment, and the demo databases it is measured on.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::table::thousands;

pub const BIN: &str = env!("CARGO_BIN_EXE_hembesok");
/// A Monday, so Today has a next working day and the week a full five days; the demo is
/// centred on it and the app's clock fixed at eight, before the day's visits.
pub const TODAY: &str = "2026-11-23";
pub const NOW: &str = "2026-11-23 08:00";
/// The last finished quarter on `TODAY`: the one the Report screen opens on.
pub const QUARTER: &str = "2026Q3";

/// Where everything the bench makes lives: databases, the private home, report files.
pub fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("outside")
}

/// The environment every hembesok the bench starts gets, and nothing else: a private home and
/// config, English, a fixed clock, so screens are the same on every machine.
pub fn environment(db: &Path) -> Vec<(&'static str, PathBuf)> {
    let home = folder().join("home");
    vec![
        ("HEMBESOK_DB", db.to_path_buf()),
        ("HEMBESOK_NOW", NOW.into()),
        ("HOME", home.clone()),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_DATA_HOME", home.join("data")),
        ("LANG", "C.UTF-8".into()),
        ("TERM", "xterm-256color".into()),
        ("USER", "bench".into()),
    ]
}

/// The config the bench's processes read: the report's export needs the municipality's name
/// and kommunkod, as a real one's config gives them.
pub fn write_config() -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let dir = folder().join("home").join("config").join("hembesok");
    std::fs::create_dir_all(&dir)?;
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(dir.join("config.toml"))?
        .write_all(b"municipality = \"Benchby\"\nmunicipality_code = \"1444\"\n")
}

pub fn command(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .envs(environment(db))
        .current_dir(folder())
        .args(["--lang", "en"])
        .args(args);
    cmd
}

/// The demo database of `families`, made once (into a temporary name, so an interrupted run
/// leaves no half-made file under the real one).
pub fn database(families: usize) -> Result<PathBuf, String> {
    let path = folder().join(format!("demo-{families}-seed1-{TODAY}.sqlite"));
    if path.exists() {
        return Ok(path);
    }
    let making = folder().join(format!("making-{families}.sqlite"));
    remove_database(&making);
    println!("making the {} families' demo…", thousands(families));
    let started = Instant::now();
    let n = families.to_string();
    let out = command(
        &making,
        &["demo", "--families", &n, "--seed", "1", "--today", TODAY],
    )
    .output()
    .map_err(|e| e.to_string())?;
    if !out.status.success() {
        remove_database(&making);
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    println!(
        "made in {:.0} s: {}",
        started.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("")
    );
    // SQLite folds its log into the file when the demo closes it; a log left over goes along.
    for extra in ["-wal", "-shm"] {
        let from = format!("{}{extra}", making.display());
        if Path::new(&from).exists() {
            let to = format!("{}{extra}", path.display());
            std::fs::rename(from, to).map_err(|e| e.to_string())?;
        }
    }
    std::fs::rename(&making, &path).map_err(|e| e.to_string())?;
    // The lock the demo took beside the temporary name: the file has a new name now.
    remove_database(&making);
    Ok(path)
}

/// A database and what SQLite and the app keep beside it.
pub fn remove_database(path: &Path) {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string());
    for extra in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{extra}", path.display()));
    }
    if let Some(name) = name {
        let _ = std::fs::remove_file(path.with_file_name(format!(".{name}.lock")));
    }
}
