//! The calendar export read back by an independent iCalendar parser (the `ical` crate).
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::path::Path;

use common::{fixture, hembesok};
use ical::parser::ical::component::IcalEvent;
use predicates::prelude::*;

fn prop<'a>(e: &'a IcalEvent, name: &str) -> Option<&'a str> {
    e.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

/// Anna's week 48, in Swedish (the calendar speaks the coordinator's language).
fn export(db: &Path, out: &Path) {
    hembesok(db)
        .args([
            "--lang",
            "sv",
            "calendar",
            "--staff",
            "anna sköterska",
            "--week",
            "2026-W48",
            "--out",
        ])
        .arg(out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2 händelser från 2026-11-23 till 2026-11-29",
        ));
}

#[test]
fn a_staff_calendar_parses_back_with_times_uids_and_no_protected_details() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_ok.csv"),
        ("visits", "visits_week48.csv"),
    ] {
        hembesok(&db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
    let out = dir.path().join("anna.ics");
    export(&db, &out);
    let bytes = std::fs::read(&out).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.split("\r\n").all(|l| l.len() <= 75));

    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(bytes.as_slice()));
    let cal = calendars.next().unwrap().unwrap();
    assert!(calendars.next().is_none());
    assert_eq!(cal.events.len(), 2);

    let open = &cal.events[0];
    let uid = prop(open, "UID").unwrap();
    assert!(
        uid.starts_with("visit-1-") && uid.ends_with("@hembesok"),
        "{uid}"
    );
    let start = open
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert_eq!(start.value.as_deref(), Some("20261123T100000"));
    let tzid = start
        .params
        .as_ref()
        .unwrap()
        .iter()
        .find(|(k, _)| k == "TZID")
        .unwrap();
    assert_eq!(tzid.1, ["Europe/Stockholm"]);
    assert!(prop(open, "SUMMARY").unwrap().contains("Familjen Exempel"));
    assert!(prop(open, "LOCATION").unwrap().contains("Exempelgatan 1"));

    let protected = &cal.events[1];
    assert_eq!(prop(protected, "DTEND"), Some("20261124T143000"));
    let summary = prop(protected, "SUMMARY").unwrap();
    assert!(
        summary.contains("skyddad familj") && !summary.contains("Prov"),
        "{summary}"
    );
    assert_eq!(prop(protected, "LOCATION"), None);
    assert!(!text.contains("Familjen Prov") && !text.contains("Hodan") && !text.contains("Ifrah"));
    assert!(
        !text.contains("external") && !text.contains("Extra visit"),
        "no English in Swedish"
    );

    // Another database with the same visits gives other UIDs: both can feed one calendar.
    let other_db = dir.path().join("other.sqlite");
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_ok.csv"),
        ("visits", "visits_week48.csv"),
    ] {
        hembesok(&other_db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
    let other_out = dir.path().join("other.ics");
    export(&other_db, &other_out);
    let other_text = std::fs::read_to_string(&other_out).unwrap();
    let uid_line = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_string()
    };
    assert_ne!(uid_line(&text), uid_line(&other_text));

    // A second export of unchanged visits is the same file, so a calendar updates in place.
    let again = dir.path().join("again.ics");
    export(&db, &again);
    assert_eq!(std::fs::read(&again).unwrap(), bytes);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn an_english_calendar_says_everything_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("en.sqlite");
    for (kind, file) in [
        ("staff", "staff_ok.csv"),
        ("families", "families_ok.csv"),
        ("visits", "visits_week48.csv"),
    ] {
        hembesok(&db)
            .args(["import", kind])
            .arg(fixture(file))
            .assert()
            .success();
    }
    let out = dir.path().join("anna-en.ics");
    hembesok(&db)
        .args([
            "--lang", "en", "calendar", "--staff", "anna", "--week", "2026-W48", "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("protected family"), "{text}");
    for swedish in [
        "skyddad familj",
        "Barn:",
        "Personal:",
        "tolk ",
        "Extra besök",
    ] {
        assert!(!text.contains(swedish), "{swedish} in {text}");
    }
}

#[test]
fn unknown_staff_and_bad_weeks_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    hembesok(&db)
        .args(["import", "staff"])
        .arg(fixture("staff_ok.csv"))
        .assert()
        .success();
    let out = dir.path().join("x.ics");
    hembesok(&db)
        .args(["calendar", "--staff", "Nobody", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "No staff member has the id or name \"Nobody\"",
        ));
    hembesok(&db)
        .args(["calendar", "--staff", "1", "--week", "2025-W53", "--out"])
        .arg(&out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("2025 has no week 53"));
    assert!(!out.exists());
}

// ---- Calendars that stay true: what each person was sent before decides the next file. ----

use chrono::NaiveDateTime;
use hembesok::db::{Mode, connect};
use hembesok::domain::booking::plan::BookingRequest;
use hembesok::domain::booking::{Assigned, Candidate};
use hembesok::domain::enums::{Role, VisitStatus};
use hembesok::domain::model::VisitOutcome;
use hembesok::ops::{self, Ctx};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn ctx() -> Ctx {
    Ctx {
        actor: "test".into(),
        now: at("2026-11-20 09:00"),
    }
}

/// Staff (with a second nurse, Linnea), the families and week 48's two visits: visit 1 on
/// Monday 10:00 (Anna, Bo, interpreter Dalia), visit 2 on Tuesday 13:00 (Anna, Bo).
fn week48(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("sync.sqlite");
    let linnea = dir.join("linnea.csv");
    std::fs::write(
        &linnea,
        "name;role;organisation;languages;work_days;work_hours;active\n\
         Linnea Sköterska;nurse;Regionen BVC;;mon|tue|wed|thu|fri;08:00-16:30;ja\n\
         Gunnar Slutat;nurse;Regionen BVC;;mon|tue|wed|thu|fri;08:00-16:30;nej\n",
    )
    .unwrap();
    for (kind, file) in [
        ("staff", fixture("staff_ok.csv")),
        ("staff", linnea),
        ("families", fixture("families_ok.csv")),
        ("visits", fixture("visits_week48.csv")),
    ] {
        hembesok(&db)
            .args(["import", kind])
            .arg(file)
            .assert()
            .success();
    }
    db
}

fn staff_id(db: &Path, name: &str) -> i64 {
    connect(db, Mode::Write, None)
        .unwrap()
        .read(|tx| tx.staff_by_name(name))
        .unwrap()
        .unwrap()
        .id
}

/// Rebooks visit `id` (as `r` in the app does) to `start` with `staff` as (name, role).
fn rebook(db: &Path, id: i64, start: &str, staff: &[(&str, Role)], interpreter: Option<&str>) {
    let staff: Vec<Assigned> = staff
        .iter()
        .map(|(name, role)| Assigned {
            role: *role,
            staff_id: staff_id(db, name),
        })
        .collect();
    let interpreter_staff = interpreter.map(|name| staff_id(db, name));
    let mut conn = connect(db, Mode::Write, None).unwrap();
    let (record, family_id) = conn
        .read(|tx| {
            let record = tx.visit_record(id)?.unwrap();
            let family = tx.family_of_child(record.child_id)?.unwrap();
            Ok::<_, hembesok::db::DbError>((record, family))
        })
        .unwrap();
    let request = BookingRequest {
        family_id,
        child_id: record.child_id,
        visit_no: record.visit_no,
        candidate: Candidate {
            start: at(start),
            duration_min: record.duration_min,
            staff,
            interpreter_staff,
            interpreter_external: interpreter.is_none(),
        },
        interpreter_language: Some(
            if interpreter.is_some() {
                "arabiska"
            } else {
                "somaliska"
            }
            .into(),
        ),
        rebooking: Some(id),
        override_reason: Some("test".into()),
    };
    ops::visits::book_visit(&mut conn, &ctx(), &request).unwrap();
}

fn cancel(db: &Path, id: i64) {
    let mut conn = connect(db, Mode::Write, None).unwrap();
    ops::visits::record_outcome(
        &mut conn,
        &ctx(),
        &VisitOutcome {
            visit_id: id,
            status: VisitStatus::CancelledFamily,
            attended: vec![],
            interpreter_used: true,
            family_present: None,
            themes: vec![],
            referrals: vec![],
            reason: Some("sjukdom".into()),
        },
    )
    .unwrap();
}

/// One person's week through the binary, in English.
fn export_week(db: &Path, who: &str, week: &str, out: &Path) -> Vec<u8> {
    hembesok(db)
        .args([
            "--lang", "en", "calendar", "--staff", who, "--week", week, "--out",
        ])
        .arg(out)
        .assert()
        .success();
    std::fs::read(out).unwrap()
}

/// Each event of a file as (visit number from the UID, SEQUENCE, STATUS, DTSTART), by the
/// independent parser; also checks every UID's shape and that no UID appears twice.
fn events(bytes: &[u8]) -> Vec<(i64, u32, String, String)> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(bytes));
    let cal = calendars.next().unwrap().unwrap();
    let mut out: Vec<(i64, u32, String, String)> = cal
        .events
        .iter()
        .map(|e| {
            let uid = prop(e, "UID").unwrap();
            let id = uid
                .strip_prefix("visit-")
                .and_then(|rest| rest.split('-').next())
                .unwrap()
                .parse()
                .unwrap();
            assert!(uid.ends_with("@hembesok"), "{uid}");
            (
                id,
                prop(e, "SEQUENCE").unwrap().parse().unwrap(),
                prop(e, "STATUS").unwrap().to_string(),
                prop(e, "DTSTART").unwrap().to_string(),
            )
        })
        .collect();
    let before = out.len();
    out.sort();
    out.dedup_by_key(|e| e.0);
    assert_eq!(out.len(), before, "a UID twice in one file");
    out
}

fn ev(id: i64, seq: u32, status: &str, start: &str) -> (i64, u32, String, String) {
    (id, seq, status.to_string(), start.to_string())
}

#[test]
fn a_moved_visit_gets_a_higher_sequence_and_leaves_the_week_it_moved_out_of() {
    let dir = tempfile::tempdir().unwrap();
    let db = week48(dir.path());
    let (anna, bo) = (dir.path().join("anna.ics"), dir.path().join("bo.ics"));
    for out in [&anna, &bo] {
        let who = if out == &anna {
            "Anna Sköterska"
        } else {
            "Bo Rådgivare"
        };
        assert_eq!(
            events(&export_week(&db, who, "2026-W48", out)),
            [
                ev(1, 0, "CONFIRMED", "20261123T100000"),
                ev(2, 0, "CONFIRMED", "20261124T130000")
            ]
        );
    }
    // Monday 10:00 becomes Thursday 10:00, same team.
    let team = [
        ("Anna Sköterska", Role::Nurse),
        ("Bo Rådgivare", Role::ParentAdvisor),
    ];
    rebook(&db, 1, "2026-11-26 10:00", &team, Some("Dalia Tolk"));
    for (who, out) in [("Anna Sköterska", &anna), ("Bo Rådgivare", &bo)] {
        let bytes = export_week(&db, who, "2026-W48", out);
        assert_eq!(
            events(&bytes),
            [
                ev(1, 1, "CONFIRMED", "20261126T100000"),
                ev(2, 0, "CONFIRMED", "20261124T130000")
            ],
            "{who}"
        );
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("LAST-MODIFIED:20261123"), "a new stamp");
    }
    // Then into week 49: week 48's file cancels it, week 49's brings it back, higher still.
    rebook(&db, 1, "2026-12-01 10:00", &team, Some("Dalia Tolk"));
    for (who, out) in [("Anna Sköterska", &anna), ("Bo Rådgivare", &bo)] {
        assert_eq!(
            events(&export_week(&db, who, "2026-W48", out)),
            [
                ev(1, 2, "CANCELLED", "20261126T100000"),
                ev(2, 0, "CONFIRMED", "20261124T130000")
            ],
            "{who}"
        );
        assert_eq!(
            events(&export_week(&db, who, "2026-W49", out)),
            [ev(1, 3, "CONFIRMED", "20261201T100000")],
            "{who}"
        );
        // The cancellation went once: week 48 now simply lacks the visit.
        assert_eq!(
            events(&export_week(&db, who, "2026-W48", out)),
            [ev(2, 0, "CONFIRMED", "20261124T130000")],
            "{who}"
        );
    }
}

#[test]
fn a_visit_rebooked_to_another_nurse_is_cancelled_in_the_first_ones_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let db = week48(dir.path());
    let folder = dir.path().join("kalendrar");
    let run_all = |lang: &str| {
        let out = hembesok(&db)
            .args([
                "--lang", lang, "calendar", "--all", "--week", "2026-W48", "--dir",
            ])
            .arg(&folder)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let said = run_all("sv");
    assert!(
        said.contains(
            "Anna Sköterska (Anna-Sköterska.ics): 2 nya, 0 ändrade, 0 inställda, 0 oförändrade"
        ),
        "{said}"
    );
    assert!(
        said.contains("Linnea Sköterska (Linnea-Sköterska.ics): 0 nya"),
        "{said}"
    );
    let file = |name: &str| std::fs::read(folder.join(name)).unwrap();
    // One file per active staff member (not the inactive Gunnar), private.
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Anna-Sköterska.ics",
            "Bo-Rådgivare.ics",
            "Dalia-Tolk.ics",
            "Linnea-Sköterska.ics"
        ]
    );
    #[cfg(unix)]
    for name in &names {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(folder.join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
    }
    assert_eq!(events(&file("Linnea-Sköterska.ics")), []);
    assert_eq!(
        events(&file("Dalia-Tolk.ics")),
        [ev(1, 0, "CONFIRMED", "20261123T100000")]
    );

    // Tuesday's visit goes from Anna to Linnea; Bo stays on it.
    rebook(
        &db,
        2,
        "2026-11-24 13:00",
        &[
            ("Linnea Sköterska", Role::Nurse),
            ("Bo Rådgivare", Role::ParentAdvisor),
        ],
        None,
    );
    let said = run_all("sv");
    assert!(
        said.contains(
            "Anna Sköterska (Anna-Sköterska.ics): 0 nya, 0 ändrade, 1 inställt, 1 oförändrat"
        ),
        "{said}"
    );
    assert!(
        said.contains("Linnea Sköterska (Linnea-Sköterska.ics): 1 nytt, 0 ändrade, 0 inställda"),
        "{said}"
    );
    assert!(
        said.contains(
            "Bo Rådgivare (Bo-Rådgivare.ics): 0 nya, 1 ändrat, 0 inställda, 1 oförändrat"
        ),
        "{said}"
    );
    assert!(
        said.contains("4 kalendrar från 2026-11-23 till 2026-11-29"),
        "{said}"
    );
    assert_eq!(
        events(&file("Anna-Sköterska.ics")),
        [
            ev(1, 0, "CONFIRMED", "20261123T100000"),
            ev(2, 1, "CANCELLED", "20261124T130000")
        ]
    );
    assert_eq!(
        events(&file("Linnea-Sköterska.ics")),
        [ev(2, 0, "CONFIRMED", "20261124T130000")]
    );
    assert_eq!(
        events(&file("Bo-Rådgivare.ics")),
        [
            ev(1, 0, "CONFIRMED", "20261123T100000"),
            ev(2, 1, "CONFIRMED", "20261124T130000")
        ]
    );
    let anna = String::from_utf8(file("Anna-Sköterska.ics")).unwrap();
    assert!(
        anna.contains("annan personal"),
        "says why, in Swedish: {anna}"
    );
    assert!(!anna.contains("Familjen Prov"));
    // Once: the next run leaves the visit out of Anna's file, and says so.
    let said = run_all("sv");
    assert!(
        said.contains(
            "Anna Sköterska (Anna-Sköterska.ics): 0 nya, 0 ändrade, 0 inställda, 1 oförändrat"
        ),
        "{said}"
    );
    assert_eq!(
        events(&file("Anna-Sköterska.ics")),
        [ev(1, 0, "CONFIRMED", "20261123T100000")]
    );
    // Each run is one audit row.
    let audit = hembesok(&db).args(["audit"]).output().unwrap();
    let audit = String::from_utf8(audit.stdout).unwrap();
    assert_eq!(audit.matches("export calendar").count(), 3, "{audit}");
}

#[test]
fn a_cancelled_visit_is_sent_cancelled_once_to_everyone_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = week48(dir.path());
    let people = [
        ("Anna Sköterska", dir.path().join("anna.ics")),
        ("Bo Rådgivare", dir.path().join("bo.ics")),
        ("Dalia Tolk", dir.path().join("dalia.ics")),
    ];
    for (who, out) in &people {
        export_week(&db, who, "2026-W48", out);
    }
    cancel(&db, 1);
    for (who, out) in &people {
        let mut expected = vec![ev(1, 1, "CANCELLED", "20261123T100000")];
        if *who != "Dalia Tolk" {
            expected.push(ev(2, 0, "CONFIRMED", "20261124T130000"));
        }
        assert_eq!(
            events(&export_week(&db, who, "2026-W48", out)),
            expected,
            "{who}"
        );
        expected.remove(0);
        assert_eq!(
            events(&export_week(&db, who, "2026-W48", out)),
            expected,
            "{who}"
        );
    }
    // A cancelled visit never sent to someone is not sent to them at all.
    let fresh = week48(&dir.path().join("fresh").tap_mkdir());
    cancel(&fresh, 1);
    let out = dir.path().join("fresh-anna.ics");
    assert_eq!(
        events(&export_week(&fresh, "Anna Sköterska", "2026-W48", &out)),
        [ev(2, 0, "CONFIRMED", "20261124T130000")]
    );
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for std::path::PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

#[test]
fn an_unchanged_export_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let db = week48(dir.path());
    let folder = dir.path().join("kalendrar");
    let all = || {
        hembesok(&db)
            .args(["calendar", "--all", "--week", "2026-W48", "--dir"])
            .arg(&folder)
            .assert()
            .success();
        ["Anna-Sköterska.ics", "Bo-Rådgivare.ics"]
            .map(|name| std::fs::read(folder.join(name)).unwrap())
    };
    let first = all();
    let out = hembesok(&db)
        .args(["calendar", "--all", "--week", "2026-W48", "--dir"])
        .arg(&folder)
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("4 calendars from 2026-11-23 to 2026-11-29 written to"),
        "{said}"
    );
    let anna = dir.path().join("anna.ics");
    let bo = dir.path().join("bo.ics");
    let single = [
        export_week(&db, "Anna Sköterska", "2026-W48", &anna),
        export_week(&db, "Bo Rådgivare", "2026-W48", &bo),
    ];
    assert_eq!(
        single, first,
        "one person's file is their file in the folder"
    );
    for bytes in first.iter().chain(&single) {
        assert_eq!(
            events(bytes)
                .iter()
                .map(|e| (e.0, e.1, e.2.as_str()))
                .collect::<Vec<_>>(),
            [(1, 0, "CONFIRMED"), (2, 0, "CONFIRMED")]
        );
    }
    // Rebooking a visit to the same slot and team touches its row but changes nothing it says.
    rebook(
        &db,
        1,
        "2026-11-23 10:00",
        &[
            ("Anna Sköterska", Role::Nurse),
            ("Bo Rådgivare", Role::ParentAdvisor),
        ],
        Some("Dalia Tolk"),
    );
    let out = hembesok(&db)
        .args(["calendar", "--all", "--week", "2026-W48", "--dir"])
        .arg(&folder)
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains(
            "Anna Sköterska (Anna-Sköterska.ics): 0 new, 0 changed, 0 cancelled, 2 unchanged"
        ),
        "{said}"
    );
    assert_eq!(all(), first, "the folder export");
    assert_eq!(
        [
            export_week(&db, "Anna Sköterska", "2026-W48", &anna),
            export_week(&db, "Bo Rådgivare", "2026-W48", &bo),
        ],
        single,
        "one person's export"
    );
}

#[test]
fn a_leaders_calendar_has_her_sessions_and_a_cancelled_one_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = week48(dir.path());
    let groups = dir.path().join("groups.csv");
    std::fs::write(
        &groups,
        "group,leaders,place,first_session,sessions,themes\n\
         Adventsgruppen,Anna Sköterska,Familjecentralen,2026-12-02 13:00,2,Sömn|Lek\n",
    )
    .unwrap();
    hembesok(&db)
        .args(["import", "groups"])
        .arg(&groups)
        .assert()
        .success();
    let first = connect(&db, Mode::Write, None)
        .unwrap()
        .read(|tx| {
            let id = tx.group_id_by_name("Adventsgruppen")?.unwrap();
            Ok::<_, hembesok::db::DbError>(tx.group_page(id)?.unwrap().sessions[0].id)
        })
        .unwrap();
    let out = dir.path().join("anna.ics");
    let sessions = |bytes: &[u8]| -> Vec<(String, String, String, String)> {
        let mut calendars = ical::IcalParser::new(std::io::BufReader::new(bytes));
        let cal = calendars.next().unwrap().unwrap();
        cal.events
            .iter()
            .filter(|e| prop(e, "UID").unwrap().starts_with("session-"))
            .map(|e| {
                (
                    prop(e, "UID").unwrap().to_string(),
                    prop(e, "SEQUENCE").unwrap().to_string(),
                    prop(e, "STATUS").unwrap().to_string(),
                    prop(e, "SUMMARY").unwrap().to_string(),
                )
            })
            .collect()
    };
    let sent = sessions(&export_week(&db, "Anna Sköterska", "2026-W49", &out));
    // Week 49 has the first of the two sessions.
    assert_eq!(sent.len(), 1, "{sent:?}");
    let uid = &sent[0].0;
    assert!(uid.starts_with(&format!("session-{first}-")), "{uid}");
    assert!(uid.ends_with("@hembesok"), "{uid}");
    assert_eq!(
        (sent[0].1.as_str(), sent[0].2.as_str(), sent[0].3.as_str()),
        ("0", "CONFIRMED", "Parent group: Adventsgruppen (Sömn)")
    );
    // Bo leads nothing: his calendar has no session.
    let bo = sessions(&export_week(
        &db,
        "Bo Rådgivare",
        "2026-W49",
        &dir.path().join("bo.ics"),
    ));
    assert!(bo.is_empty(), "{bo:?}");

    let mut handle = connect(&db, Mode::Write, None).unwrap();
    hembesok::ops::groups::change_session(
        &mut handle,
        &ctx(),
        first,
        &hembesok::domain::groups::SessionChange::Cancel("sjuk ledare".into()),
    )
    .unwrap();
    drop(handle);
    let again = export_week(&db, "Anna Sköterska", "2026-W49", &out);
    let sent = sessions(&again);
    assert_eq!(
        (&sent[0].0, sent[0].1.as_str(), sent[0].2.as_str()),
        (uid, "1", "CANCELLED")
    );
    // As for a visit, the cancellation is sent once; later files leave it out, and keep their bytes.
    let third = export_week(&db, "Anna Sköterska", "2026-W49", &out);
    assert!(sessions(&third).is_empty());
    assert_eq!(export_week(&db, "Anna Sköterska", "2026-W49", &out), third);
}
