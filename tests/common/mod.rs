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

/// A family with a programme visit due now and a name no other family has.
pub fn family_with_a_due_visit(db: &Path, today: chrono::NaiveDate) -> (String, String) {
    use hembesok::domain::builtin::builtin_programmes;
    use hembesok::domain::schedule::VisitState;
    use hembesok::domain::timeline::timeline;
    let programmes = builtin_programmes().unwrap();
    let mut db = hembesok::db::connect(db, hembesok::db::Mode::Create, None).unwrap();
    let families = db
        .read(|tx| {
            tx.family_page(
                &hembesok::domain::family_list::FamilyQuery::default(),
                usize::MAX >> 1,
            )
            .map(|p| p.rows)
        })
        .unwrap();
    for f in &families {
        if f.status != hembesok::domain::enums::FamilyStatus::Active
            || f.protection.is_protected()
            || families
                .iter()
                .filter(|g| g.display_name == f.display_name)
                .count()
                > 1
        {
            continue;
        }
        let detail = db.read(|tx| tx.family_detail(f.id)).unwrap().unwrap();
        let facts = db.read(|tx| tx.visit_facts_of_family(f.id)).unwrap();
        let programme = programmes
            .iter()
            .find(|p| p.id == detail.programme_id)
            .unwrap();
        for child in &detail.children {
            let visits = facts.get(&child.id).map_or(&[][..], Vec::as_slice);
            let entries = timeline(programme, child.birth_date, visits, today, 7);
            // Due, booked nowhere else, and the only open one (so it is the one proposed).
            let open: Vec<_> = entries
                .iter()
                .filter(|e| matches!(e.state, VisitState::Due | VisitState::Overdue))
                .collect();
            if open.len() == 1 && open[0].state == VisitState::Due && detail.children.len() == 1 {
                return (f.display_name.clone(), open[0].name_en.clone());
            }
        }
    }
    panic!("the demo data has no family with exactly one due visit");
}
