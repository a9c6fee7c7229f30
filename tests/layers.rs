//! The house's floors: which folder of `src/` may use which. Read from the `crate::…` paths of
//! the code (tests and fixtures left out), so a `use` that runs back up a floor, or a loop
//! between folders, fails here rather than in a review.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each part of the house and the parts below it that it may use. `i18n` is the low floor of
/// words (domain values, screens, forms, inputs); `i18n/messages` the high floor (what the use
/// cases, the database and the commands answer), used only at the edges.
const MAY_USE: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("i18n", &["domain"]),
    ("paths", &["domain"]),
    ("db", &["domain", "paths"]),
    ("config", &["domain", "i18n"]),
    ("report", &["domain", "i18n"]),
    (
        "ops",
        &["db", "domain", "report", "i18n", "paths", "config"],
    ),
    ("error", &["db", "ops", "domain", "config", "i18n"]),
    (
        "i18n/messages",
        &[
            "domain", "i18n", "db", "ops", "config", "report", "paths", "error",
        ],
    ),
    ("app", &["domain", "i18n"]),
    ("ui", &["app", "domain", "i18n"]),
    ("session", &["config", "domain", "i18n", "paths", "ops"]),
    ("term", &["db", "domain", "i18n", "i18n/messages", "ops"]),
    (
        "tui",
        &[
            "app",
            "ui",
            "ops",
            "db",
            "domain",
            "i18n",
            "i18n/messages",
            "paths",
            "config",
            "session",
            "term",
            "report",
            "error",
        ],
    ),
    ("cli", &["i18n", "ops", "domain"]),
    (
        "commands",
        &[
            "ops",
            "db",
            "domain",
            "i18n",
            "i18n/messages",
            "config",
            "paths",
            "session",
            "term",
            "cli",
            "report",
            "error",
        ],
    ),
];

/// The part of the house a source file belongs to.
fn part(file: &Path) -> String {
    let rel = file.strip_prefix("src").unwrap();
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [first, second, ..] if first == "i18n" && second == "messages" => "i18n/messages".into(),
        [first, second, ..] if first == "i18n" && second == "messages.rs" => "i18n/messages".into(),
        [one] => one.trim_end_matches(".rs").to_string(),
        [first, ..] => first.clone(),
        [] => String::new(),
    }
}

fn is_test_only(file: &Path) -> bool {
    let text = file.to_string_lossy();
    text.contains("/tests/")
        || text.ends_with("tests.rs")
        || text.ends_with("fixtures.rs")
        || text.contains("/snapshots/")
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its test module.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// What a file uses: every `crate::a::b` path, as the part it names (`i18n::messages` is its
/// own part).
fn uses(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if name == "i18n" && rest["i18n".len()..].starts_with("::messages") {
            found.insert("i18n/messages".to_string());
        } else if !name.is_empty() {
            found.insert(name);
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeMap<String, Vec<String>>> {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut edges: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for file in files.iter().filter(|f| !is_test_only(f)) {
        let from = part(file);
        if matches!(from.as_str(), "lib" | "main") {
            continue;
        }
        for to in uses(&code(file)) {
            if to != from {
                edges
                    .entry(from.clone())
                    .or_default()
                    .entry(to)
                    .or_default()
                    .push(file.display().to_string());
            }
        }
    }
    edges
}

#[test]
fn no_part_of_the_house_uses_one_above_it() {
    let allowed: BTreeMap<&str, &[&str]> = MAY_USE.iter().copied().collect();
    let mut wrong = Vec::new();
    for (from, tos) in graph() {
        let Some(may) = allowed.get(from.as_str()) else {
            wrong.push(format!("{from}: a part of src/ with no floor in MAY_USE"));
            continue;
        };
        for (to, files) in tos {
            if !may.contains(&to.as_str()) {
                wrong.push(format!("{from} uses {to} ({})", files.join(", ")));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Depth-first search for a cycle among the parts: the first found, as its path.
fn visit(
    node: &str,
    edges: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|p| p == node) {
        let mut cycle = path[at..].to_vec();
        cycle.push(node.to_string());
        return Some(cycle);
    }
    if done.contains(node) {
        return None;
    }
    path.push(node.to_string());
    for next in edges.get(node).map(|m| m.keys()).into_iter().flatten() {
        if let Some(cycle) = visit(next, edges, path, done) {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(node.to_string());
    None
}

#[test]
fn no_loop_runs_between_folders() {
    let edges = graph();
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            panic!("a loop between folders: {}", cycle.join(" -> "));
        }
    }
}
