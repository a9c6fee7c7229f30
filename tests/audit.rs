//! `hembesok audit` says what changed: a status row from what to what, on which day, in the
//! reader's language.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use chrono::NaiveDate;
use common::{hembesok, import_all};
use hembesok::domain::enums::{ExitReason, FamilyStatus};
use hembesok::domain::model::StatusChange;
use hembesok::ops::{self, Ctx};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

#[test]
fn a_status_row_says_from_what_to_what_and_when_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite");
    import_all(&path);
    let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Write, None).unwrap();
    let ctx = Ctx {
        actor: "test".into(),
        now: d(11, 23).and_hms_opt(9, 0, 0).unwrap(),
    };
    let id = db.read(|tx| tx.family_id_by_ref("T-001")).unwrap().unwrap();
    let change = |status, since, exit| StatusChange {
        status,
        exit,
        exit_note: None,
        cancel_booked: false,
        since: Some(since),
    };
    ops::families::set_status(
        &mut db,
        &ctx,
        id,
        &change(FamilyStatus::Paused, d(11, 2), None),
    )
    .unwrap();
    ops::families::set_status(
        &mut db,
        &ctx,
        id,
        &change(FamilyStatus::Exited, d(11, 20), Some(ExitReason::Moved)),
    )
    .unwrap();
    drop(db);
    let printed = |lang: &str| {
        let out = hembesok(&path)
            .args(["--lang", lang, "audit", "--family", "T-001"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = printed("en");
    assert!(
        en.contains("(active \u{2192} paused on 2026-11-02)"),
        "{en}"
    );
    assert!(
        en.contains("(paused \u{2192} exited on 2026-11-20, moved)"),
        "{en}"
    );
    let sv = printed("sv");
    assert!(
        sv.contains("(aktiv \u{2192} vilande den 2026-11-02)"),
        "{sv}"
    );
    assert!(
        sv.contains("(vilande \u{2192} avslutad den 2026-11-20, flyttat)"),
        "{sv}"
    );
    assert!(!sv.contains("paused") && !sv.contains("moved"), "{sv}");
}

/// The family's extract lists its visits, each done one with who of the family took part, in
/// the reader's language: "not recorded" where it was not said, nothing for a visit still booked.
#[test]
fn the_familys_extract_says_who_of_the_family_took_part_in_each_visit() {
    use hembesok::domain::enums::{FamilyPresent, VisitStatus};
    use hembesok::domain::model::VisitOutcome;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite");
    import_all(&path);
    let mut db = hembesok::db::connect(&path, hembesok::db::Mode::Write, None).unwrap();
    let ctx = Ctx {
        actor: "test".into(),
        now: d(11, 23).and_hms_opt(9, 0, 0).unwrap(),
    };
    // Visit 2 (6 July, done): a caregiver with the child's other parent.
    let visit_id = db
        .read(|tx| {
            let family = tx.family_id_by_ref("T-001")?.unwrap();
            let mut ids = Vec::new();
            for child in tx.children_of(family)? {
                ids.extend(
                    tx.visits_of_child(child.id)?
                        .into_iter()
                        .filter(|v| v.visit_no == Some(2))
                        .map(|v| v.id),
                );
            }
            Ok::<_, hembesok::db::DbError>(ids[0])
        })
        .unwrap();
    ops::visits::record_outcome(
        &mut db,
        &ctx,
        &VisitOutcome {
            visit_id,
            status: VisitStatus::Done,
            attended: Vec::new(),
            interpreter_used: true,
            family_present: Some(FamilyPresent::WithOtherParent),
            themes: Vec::new(),
            referrals: Vec::new(),
            reason: None,
        },
    )
    .unwrap();
    drop(db);
    let printed = |lang: &str| {
        let out = hembesok(&path)
            .args(["--lang", lang, "audit", "--family", "T-001"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let en = printed("en");
    assert!(
        en.contains("2026-05-12 10:00  visit 1: done, who took part not recorded"),
        "{en}"
    );
    assert!(
        en.contains("2026-07-06 13:00  visit 2: done, a caregiver and the child's other parent"),
        "{en}"
    );
    assert!(
        en.contains("2026-12-01 09:00  extra visit: booked\n"),
        "{en}"
    );
    let sv = printed("sv");
    assert!(
        sv.contains("2026-05-12 10:00  besök 1: genomfört, vilka som var med ej angivet"),
        "{sv}"
    );
    assert!(
        sv.contains(
            "2026-07-06 13:00  besök 2: genomfört, vårdnadshavare och barnets andra förälder"
        ),
        "{sv}"
    );
    assert!(
        !sv.contains("with_other_parent") && !sv.contains("other parent"),
        "{sv}"
    );
}
