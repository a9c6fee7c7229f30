//! The documentation must not go stale: the man page and README cover every subcommand, option
//! and import column, and CI runs the README's test command.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

use clap::CommandFactory;
use hembesok::cli::Cli;
use hembesok::commands::columns_for;
use hembesok::ops::import::ImportKind;

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// Roff escapes `-` as `\-`; compare against plain text.
fn man_text() -> String {
    read("man/hembesok.1").replace("\\-", "-")
}

#[test]
fn the_man_page_documents_every_subcommand_and_option() {
    let man = man_text();
    let cli = Cli::command();
    let mut missing = Vec::new();
    for arg in cli.get_arguments() {
        if let Some(long) = arg.get_long()
            && !man.contains(&format!("--{long}"))
        {
            missing.push(format!("--{long}"));
        }
    }
    for sub in cli.get_subcommands() {
        if !man.contains(&format!(".SS {}", sub.get_name())) {
            missing.push(format!("section for {}", sub.get_name()));
        }
        for arg in sub.get_arguments() {
            if let Some(long) = arg.get_long()
                && !man.contains(&format!("--{long}"))
            {
                missing.push(format!("{} --{long}", sub.get_name()));
            }
        }
    }
    assert!(missing.is_empty(), "man/hembesok.1 lacks: {missing:?}");
}

#[test]
fn readme_and_man_page_list_every_import_column() {
    let man = man_text();
    let readme = read("README.md");
    for kind in ImportKind::ALL {
        let columns = columns_for(kind);
        for column in columns.all {
            assert!(
                man.contains(column),
                "man page lacks {kind:?} column {column}"
            );
            assert!(
                readme.contains(&format!("`{column}`")),
                "README lacks {kind:?} column {column}"
            );
        }
        for column in columns.required {
            assert!(
                readme.contains(&format!("`{column}`\\*")),
                "README does not mark {kind:?} column {column} required"
            );
        }
    }
}

#[test]
fn ci_runs_the_readme_test_command() {
    let readme = read("README.md");
    let test_command = readme
        .lines()
        .skip_while(|l| !l.starts_with("# Run all tests"))
        .nth(1)
        .unwrap()
        .trim()
        .to_string();
    assert!(test_command.starts_with("cargo test"), "{test_command}");
    let ci = read(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == test_command),
        ".ci/run does not run `{test_command}`"
    );
}

#[test]
fn changelog_has_an_entry_for_this_version() {
    let changelog = read("CHANGELOG.md");
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        changelog.contains(&format!("## [{version}]")) || changelog.contains("## [Unreleased]"),
        "CHANGELOG.md has no section for {version}"
    );
}

/// Replaces the text between two marker lines; with HEMBESOK_UPDATE_DOCS=1 the file is rewritten,
/// otherwise a difference fails the test.
fn generated_block(path: &str, start: &str, end: &str, body: &str) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).unwrap();
    let (Some(a), Some(b)) = (text.find(start), text.find(end)) else {
        panic!("{path} lacks the markers {start} and {end}");
    };
    let current = &text[a + start.len()..b];
    let wanted = format!("\n{body}");
    if current != wanted {
        if std::env::var_os("HEMBESOK_UPDATE_DOCS").is_some() {
            let updated = format!("{}{wanted}{}", &text[..a + start.len()], &text[b..]);
            std::fs::write(&full, updated).unwrap();
        } else {
            panic!(
                "{path}: the generated section between {start} and {end} is stale; run HEMBESOK_UPDATE_DOCS=1 cargo test --test docs"
            );
        }
    }
}

#[test]
fn readme_and_man_page_list_every_indicator_of_the_table() {
    generated_block(
        "README.md",
        "<!-- indicators:start (generated from src/domain/report/indicators.rs) -->",
        "<!-- indicators:end -->",
        &hembesok::report::docs::markdown_table(),
    );
    generated_block(
        "man/hembesok.1",
        ".\\\" indicators:start (generated from src/domain/report/indicators.rs)",
        ".\\\" indicators:end",
        &hembesok::report::docs::roff_section(),
    );
}

#[test]
fn readme_and_man_page_list_the_keys_of_the_keymap() {
    generated_block(
        "README.md",
        "<!-- keys:start (generated from src/app/keymap.rs) -->",
        "<!-- keys:end -->",
        &hembesok::app::keymap_docs::markdown_table(),
    );
    generated_block(
        "man/hembesok.1",
        ".\\\" keys:start (generated from src/app/keymap.rs)",
        ".\\\" keys:end",
        &hembesok::app::keymap_docs::roff_section(),
    );
}
