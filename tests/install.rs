//! What IT installs: the Debian package's files and the shell completions.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn completions(shell: &str) -> String {
    let out = assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .args(["completions", shell])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The package's assets as `cargo deb` reads them: (source, destination).
fn assets() -> Vec<(String, String)> {
    let manifest: toml::Table = std::fs::read_to_string(root().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let a = a.as_array().unwrap();
            (
                a[0].as_str().unwrap().to_string(),
                a[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_package_carries_the_binary_man_page_completions_readme_and_changelog() {
    let assets = assets();
    let destinations: Vec<&str> = assets.iter().map(|(_, d)| d.as_str()).collect();
    for wanted in [
        "usr/bin/",
        "usr/share/man/man1/",
        "usr/share/bash-completion/completions/hembesok",
        "usr/share/zsh/vendor-completions/_hembesok",
        "usr/share/fish/vendor_completions.d/hembesok.fish",
        "usr/share/doc/hembesok/README.md",
        "usr/share/doc/hembesok/CHANGELOG.md",
    ] {
        assert!(
            destinations.contains(&wanted),
            "{wanted} is not in the package"
        );
    }
    // Every file but the release binary (built by `cargo deb` itself) is in the repository.
    for (source, _) in assets.iter().filter(|(s, _)| !s.starts_with("target/")) {
        assert!(root().join(source).is_file(), "{source} is missing");
    }
}

#[test]
fn the_packaged_completions_are_what_the_binary_prints() {
    for (shell, file) in [
        ("bash", "hembesok.bash"),
        ("zsh", "_hembesok"),
        ("fish", "hembesok.fish"),
    ] {
        let kept = std::fs::read_to_string(root().join("assets/completions").join(file)).unwrap();
        assert_eq!(
            kept,
            completions(shell),
            "assets/completions/{file} is stale: run `hembesok completions {shell} > assets/completions/{file}`"
        );
    }
}

#[test]
fn the_bash_completions_parse() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hembesok.bash");
    std::fs::write(&file, completions("bash")).unwrap();
    let status = std::process::Command::new("bash")
        .arg("-n")
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
}
