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
            "2 besök från 2026-11-23 till 2026-11-29",
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
