//! Helpers the command-line tests share: fixtures, the binary on a temporary database.
#![allow(dead_code, clippy::unwrap_used)] // each test crate uses some of these

pub mod pty;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// The binary on `db`, in English (the command line follows the locale and the config, so
/// neither is left to the machine running the tests), with no config file.
pub fn hembesok(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("hembesok").unwrap();
    cmd.env("HEMBESOK_DB", db)
        .env("USER", "test-coordinator")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", db.with_file_name("no-config-here"));
    cmd
}

pub fn counts(db: &Path) -> hembesok::db::Counts {
    hembesok::db::connect(db, hembesok::db::Mode::Create, None)
        .unwrap()
        .read(|tx| tx.counts())
        .unwrap()
}

pub fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8(out.stderr.clone())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Imports the three good fixtures in the order the manual gives.
pub fn import_all(db: &Path) {
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_ok.csv"),
        ("visits", "visits_ok.csv"),
    ] {
        hembesok(db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
}

/// A config file beside `db` (where `hembesok` looks) naming the municipality, as an export to
/// the region needs.
pub fn report_config(db: &Path) {
    let dir = db.with_file_name("no-config-here").join("hembesok");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "municipality = \"Kommunen\"\nmunicipality_code = \"1442\"\n",
    )
    .unwrap();
}
