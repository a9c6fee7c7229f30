//! The store's contract, run against an in-memory database and a file on disk.

use std::fs;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;

use super::migrate::{LATEST_VERSION, MIGRATIONS, migrate_to};
use super::*;
use crate::domain::builtin::{builtin_programmes, template_text};
use crate::domain::enums::{
    AttendanceStatus, ConsentMethod, FamilyStatus, Location, Protection, Role, SessionStatus,
    VisitStatus, Weekday,
};
use crate::domain::identity::{IdKind, IdentityNumber};
use crate::domain::model::{
    Attendance, AuditEntry, Consent, Interpreter, NewCaregiver, NewChild, NewFamily, NewGroup,
    NewSession, NewStaff, NewVisit, VisitStaff, WorkHours,
};
use chrono::Timelike;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

pub(crate) fn sample_family(family_ref: &str) -> NewFamily {
    NewFamily {
        family_ref: family_ref.into(),
        display_name: "Familjen Test".into(),
        address: Some("Storgatan 1".into()),
        area: Some("Centrum".into()),
        clinic: Some("BVC Centrum".into()),
        phone: None,
        languages: vec!["arabiska".into(), "svenska".into()],
        interpreter_language: Some("arabiska".into()),
        protection: Protection::SkyddadFolkbokforing,
        eligibility: None,
        programme_id: "goteborg".into(),
        status: FamilyStatus::Active,
        offered_on: None,
        enrolled_on: NaiveDate::from_ymd_opt(2026, 10, 1),
        exited_on: None,
        exit_reason: None,
        note: None,
        consent: Some(Consent {
            given_by: "Förälder 1".into(),
            scope: "BVC och socialtjänst".into(),
            given_on: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            method: Some(ConsentMethod::Written),
            withdrawn_on: None,
        }),
        caregivers: vec![
            NewCaregiver {
                name: "Förälder 1".into(),
                relation: Some("mother".into()),
                identity: Some(IdentityNumber {
                    kind: IdKind::Reservnummer,
                    value: "99-TEST-1".into(),
                }),
            },
            NewCaregiver {
                name: "Förälder 2".into(),
                relation: None,
                identity: None,
            },
        ],
        children: vec![NewChild {
            name: "Barn".into(),
            birth_date: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            expected: false,
            first_child: true,
            first_born_in_sweden: false,
            identity: None,
        }],
    }
}

fn sample_staff(name: &str, role: Role) -> NewStaff {
    NewStaff {
        name: name.into(),
        role,
        organisation: None,
        languages: vec![],
        work_days: vec![Weekday::Mon, Weekday::Wed],
        work_hours: WorkHours::parse("08:00-16:30").unwrap(),
        active: true,
    }
}

fn store_goteborg(tx: &WriteTx<'_>) -> u32 {
    let p = builtin_programmes()
        .unwrap()
        .into_iter()
        .find(|p| p.id == "goteborg")
        .unwrap();
    tx.ensure_programme(&p, template_text("goteborg").unwrap())
        .unwrap();
    p.version
}

/// The behaviour every backend must show.
fn suite(db: &mut Db) {
    // A family with caregivers, a child and consent goes in as one unit and comes back.
    let family_id = db
        .write(|tx| {
            let version = store_goteborg(tx);
            tx.insert_family(&sample_family("F-1"), version, now())
        })
        .unwrap();
    db.read(|tx| -> Result<()> {
        assert_eq!(tx.family_id_by_ref("F-1")?, Some(family_id));
        assert_eq!(tx.family_id_by_ref("F-2")?, None);
        assert_eq!(
            tx.family_programme(family_id)?,
            Some(("goteborg".into(), 1))
        );
        let list = tx.list_families()?;
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].protection, Protection::SkyddadFolkbokforing);
        let ids = tx.caregiver_identities(family_id)?;
        assert_eq!(ids[0].as_ref().map(|i| i.kind), Some(IdKind::Reservnummer));
        assert_eq!(ids[1], None);
        assert_eq!(tx.children_of(family_id)?.len(), 1);
        Ok(())
    })
    .unwrap();

    // The same family_ref again is refused, and the failed write leaves nothing behind.
    let again = db.write(|tx| tx.insert_family(&sample_family("F-1"), 1, now()));
    assert!(matches!(again, Err(DbError::DuplicateFamilyRef(r)) if r == "F-1"));
    let counts = db.read(|tx| tx.counts()).unwrap();
    assert_eq!(
        (counts.families, counts.caregivers, counts.children),
        (1, 2, 1)
    );

    // An error inside a write rolls back everything that write did.
    let failed: Result<()> = db.write(|tx| {
        tx.insert_family(&sample_family("F-2"), 1, now())?;
        Err(DbError::FamilyGone)
    });
    assert!(failed.is_err());
    assert_eq!(db.read(|tx| tx.family_id_by_ref("F-2")).unwrap(), None);

    // Staff names are unique regardless of case.
    let nurse = db
        .write(|tx| tx.insert_staff(&sample_staff("Anna Sköterska", Role::Nurse)))
        .unwrap();
    let advisor = db
        .write(|tx| tx.insert_staff(&sample_staff("Bo Rådgivare", Role::ParentAdvisor)))
        .unwrap();
    assert!(
        db.write(|tx| tx.insert_staff(&sample_staff("anna sköterska", Role::Nurse)))
            .is_err()
    );
    // Editing keeps the id; renaming onto another's name is refused.
    let mut renamed = sample_staff("Bo Rådgivare-Ek", Role::ParentAdvisor);
    renamed.active = false;
    db.write(|tx| tx.update_staff(advisor, &renamed)).unwrap();
    let bo = db
        .read(|tx| tx.staff_by_name("bo rådgivare-ek"))
        .unwrap()
        .unwrap();
    assert_eq!((bo.id, bo.active), (advisor, false));
    assert!(
        db.read(|tx| tx.staff_by_name("Bo Rådgivare"))
            .unwrap()
            .is_none()
    );
    let clash = db.write(|tx| {
        tx.update_staff(
            advisor,
            &sample_staff("Anna Sköterska", Role::ParentAdvisor),
        )
    });
    assert!(matches!(clash, Err(DbError::DuplicateStaffName)));
    let found = db
        .read(|tx| tx.staff_by_name("ANNA SKÖTERSKA"))
        .unwrap()
        .unwrap();
    assert_eq!((found.id, found.role), (nurse, Role::Nurse));
    assert_eq!(found.work_days, vec![Weekday::Mon, Weekday::Wed]);

    // A visit with its staff.
    let child_id = db.read(|tx| tx.children_of(family_id)).unwrap()[0].id;
    let start = NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    db.write(|tx| {
        tx.insert_visit(
            &NewVisit {
                child_id,
                visit_no: Some(2),
                start,
                duration_min: 60,
                location: Location::Home,
                status: VisitStatus::Planned,
                staff: vec![
                    VisitStaff {
                        staff_id: nurse,
                        role: Role::Nurse,
                        attended: None,
                    },
                    VisitStaff {
                        staff_id: advisor,
                        role: Role::ParentAdvisor,
                        attended: None,
                    },
                ],
                interpreter_language: Some("arabiska".into()),
                interpreter: Interpreter::External,
                themes: vec![],
                referrals: vec![],
                note: None,
                override_reason: None,
            },
            now(),
        )
    })
    .unwrap();
    let visits = db.read(|tx| tx.visits_of_child(child_id)).unwrap();
    assert_eq!(visits.len(), 1);
    // The same visit by id, as lists show it (with its staff); unknown ids give nothing.
    let listed = db
        .read(|tx| tx.visits_by_id(&[visits[0].id, 9999]))
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].staff.len(), 2);
    assert_eq!(
        listed[0].interpreter,
        Some(crate::domain::views::InterpreterBooked::External)
    );
    assert!(db.read(|tx| tx.visits_by_id(&[])).unwrap().is_empty());
    assert_eq!((visits[0].visit_no, visits[0].start), (Some(2), start));

    // Groups, sessions, members, attendance (set twice: the second corrects the first).
    db.write(|tx| -> Result<()> {
        let g = tx.insert_group(&NewGroup {
            name: "Föräldragrupp".into(),
            method: Some("ABC 0-2".into()),
            language: Some("arabiska".into()),
            place: None,
            capacity: Some(7),
            leaders: vec![nurse],
        })?;
        let s = tx.insert_session(&NewSession {
            group_id: g,
            start,
            duration_min: 90,
            theme: None,
            status: SessionStatus::Held,
            dropin_count: 1,
        })?;
        tx.insert_member(g, family_id, start.date(), None)?;
        for status in [AttendanceStatus::Absent, AttendanceStatus::Present] {
            tx.set_attendance(&Attendance {
                session_id: s,
                family_id,
                status,
                adults_present: 2,
            })?;
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(db.read(|tx| tx.counts()).unwrap().attendance, 1);

    // The audit log takes rows and refuses to change them.
    let entry = AuditEntry {
        at: now(),
        actor: "samordnare".into(),
        action: crate::domain::enums::AuditAction::View,
        entity: crate::domain::enums::AuditEntity::Family,
        entity_id: Some(family_id),
        detail: None,
    };
    db.write(|tx| tx.insert_audit(&entry)).unwrap();
    assert_eq!(db.read(|tx| tx.list_audit(None)).unwrap(), vec![entry]);
    let tamper: Result<()> = db.write(|tx| {
        tx.tx.execute("DELETE FROM audit", [])?;
        Ok(())
    });
    assert!(tamper.is_err());
    assert_eq!(db.read(|tx| tx.counts()).unwrap().audit, 1);

    // A healthy database passes every check.
    assert!(db.check().unwrap().iter().all(|c| c.ok));
}

#[test]
fn another_constraint_on_a_family_is_not_called_a_duplicate_reference() {
    let mut db = Db::open_in_memory().unwrap();
    // No programme stored: the foreign key refuses the row, and the reference is not the reason.
    let err = db
        .write(|tx| tx.insert_family(&sample_family("F-9"), 1, now()))
        .unwrap_err();
    assert!(matches!(err, DbError::Constraint(_)), "{err:?}");
    assert!(!err.to_string().contains("already registered"), "{err}");
}

#[test]
fn a_visit_recorded_meanwhile_is_not_moved_and_keeps_its_attendance() {
    let mut db = Db::open_in_memory().unwrap();
    let (family_id, nurse) = db
        .write(|tx| {
            let version = store_goteborg(tx);
            let family = tx.insert_family(&sample_family("F-1"), version, now())?;
            let nurse = tx.insert_staff(&sample_staff("Anna Sköterska", Role::Nurse))?;
            Ok::<_, DbError>((family, nurse))
        })
        .unwrap();
    let child_id = db.read(|tx| tx.children_of(family_id)).unwrap()[0].id;
    let start = now() - chrono::Duration::days(1);
    let visit = NewVisit {
        child_id,
        visit_no: Some(2),
        start,
        duration_min: 60,
        location: Location::Home,
        status: VisitStatus::Planned,
        staff: vec![VisitStaff {
            staff_id: nurse,
            role: Role::Nurse,
            attended: None,
        }],
        interpreter_language: None,
        interpreter: Interpreter::None,
        themes: vec![],
        referrals: vec![],
        note: None,
        override_reason: None,
    };
    let id = db.write(|tx| tx.insert_visit(&visit, now())).unwrap();
    db.write(|tx| {
        tx.set_visit_outcome(
            &crate::domain::model::VisitOutcome {
                visit_id: id,
                status: VisitStatus::Done,
                attended: vec![(nurse, true)],
                interpreter_used: false,
                themes: vec![],
                referrals: vec![],
                reason: None,
            },
            now(),
        )
    })
    .unwrap();
    let moved = NewVisit {
        start: now() + chrono::Duration::days(3),
        ..visit
    };
    let err = db.write(|tx| tx.move_visit(id, &moved, now())).unwrap_err();
    assert!(matches!(err, DbError::VisitNotPlanned), "{err:?}");
    let attended: Vec<Option<bool>> = db
        .read(|tx| {
            let mut stmt = tx
                .tx
                .prepare("SELECT attended FROM visit_staff WHERE visit_id = ?1")?;
            let rows = stmt.query_map([id], |r| r.get(0))?;
            Ok::<_, DbError>(rows.collect::<std::result::Result<_, _>>()?)
        })
        .unwrap();
    assert_eq!(attended, vec![Some(true)]);
    assert_eq!(
        db.read(|tx| tx.visit_record(id)).unwrap().unwrap().start,
        start
    );
    let gone = db
        .write(|tx| tx.move_visit(9999, &moved, now()))
        .unwrap_err();
    assert!(matches!(gone, DbError::VisitGone), "{gone:?}");
}

#[test]
fn only_create_makes_a_database_at_a_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.sqlite");
    for mode in [Mode::Write, Mode::Read] {
        let err = connect(&path, mode, None).unwrap_err();
        assert!(matches!(err, DbError::Missing { .. }), "{err:?}");
        assert!(!path.exists(), "{mode:?} made a file");
    }
    connect(&path, Mode::Create, None).unwrap();
    // Reading a database of this version works, and a reader cannot write.
    let mut reader = connect(&path, Mode::Read, None).unwrap();
    assert_eq!(reader.read(|tx| tx.counts()).unwrap().families, 0);
    let refused = reader.write(|tx| tx.insert_staff(&sample_staff("Anna", Role::Nurse)));
    assert!(refused.is_err());
}

#[test]
fn a_key_is_refused_by_a_build_without_encryption() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.sqlite");
    let key = Key::new("hemligt".into());
    let err = connect(&path, Mode::Create, Some(&key)).unwrap_err();
    assert!(matches!(err, DbError::NoEncryption { .. }), "{err:?}");
    assert!(!path.exists());
    assert_eq!(format!("{key:?}"), "Key(..)");
}

#[test]
fn a_week_is_counted_per_day_and_read_a_page_at_a_time() {
    let mut db = Db::open_in_memory().unwrap();
    let (family_id, nurse, other) = db
        .write(|tx| {
            let version = store_goteborg(tx);
            let family = tx.insert_family(&sample_family("F-1"), version, now())?;
            let nurse = tx.insert_staff(&sample_staff("Anna Sköterska", Role::Nurse))?;
            let other = tx.insert_staff(&sample_staff("Cecilia Sköterska", Role::Nurse))?;
            Ok::<_, DbError>((family, nurse, other))
        })
        .unwrap();
    let child_id = db.read(|tx| tx.children_of(family_id)).unwrap()[0].id;
    let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let at = |day: u64, hour: u32| {
        monday
            .checked_add_days(chrono::Days::new(day))
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    };
    // Five on Monday (every other one Anna's), one on Wednesday, one the Monday after.
    let starts = [
        (at(0, 8), nurse),
        (at(0, 9), other),
        (at(0, 10), nurse),
        (at(0, 11), other),
        (at(0, 12), nurse),
        (at(2, 9), nurse),
        (at(7, 9), nurse),
    ];
    db.write(|tx| {
        for (start, staff_id) in starts {
            tx.insert_visit(
                &NewVisit {
                    child_id,
                    visit_no: None,
                    start,
                    duration_min: 30,
                    location: Location::Home,
                    status: VisitStatus::Planned,
                    staff: vec![VisitStaff {
                        staff_id,
                        role: Role::Nurse,
                        attended: None,
                    }],
                    interpreter_language: None,
                    interpreter: Interpreter::None,
                    themes: vec![],
                    referrals: vec![],
                    note: None,
                    override_reason: None,
                },
                now(),
            )?;
        }
        Ok::<_, DbError>(())
    })
    .unwrap();
    let counts = db.read(|tx| tx.visits_per_day(monday, None)).unwrap();
    assert_eq!(counts, [5, 0, 1, 0, 0, 0, 0]);
    let annas = db
        .read(|tx| tx.visits_per_day(monday, Some(nurse)))
        .unwrap();
    assert_eq!(annas, [3, 0, 1, 0, 0, 0, 0]);
    let page = db
        .read(|tx| tx.day_visits_page(monday, None, 2, 2))
        .unwrap();
    let hours: Vec<u32> = page.iter().map(|v| v.start.hour()).collect();
    assert_eq!(hours, [10, 11]);
    assert_eq!(page[0].staff.len(), 1, "with who goes");
    let anna_page = db
        .read(|tx| tx.day_visits_page(monday, Some(nurse), 1, 10))
        .unwrap();
    let hours: Vec<u32> = anna_page.iter().map(|v| v.start.hour()).collect();
    assert_eq!(hours, [10, 12]);
}

#[test]
fn suite_in_memory() {
    suite(&mut Db::open_in_memory().unwrap());
}

#[test]
fn suite_on_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new/folder/hembesok.sqlite");
    suite(&mut connect(&path, Mode::Create, None).unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    // Reopening finds everything and migrates nothing.
    let mut db = connect(&path, Mode::Create, None).unwrap();
    assert_eq!(db.read(|tx| tx.counts()).unwrap().families, 1);
}

#[test]
fn changed_programme_content_needs_a_new_version() {
    let mut db = Db::open_in_memory().unwrap();
    let p = builtin_programmes().unwrap().remove(0);
    db.write(|tx| tx.ensure_programme(&p, "one")).unwrap();
    db.write(|tx| tx.ensure_programme(&p, "one")).unwrap();
    let err = db.write(|tx| tx.ensure_programme(&p, "two")).unwrap_err();
    assert!(err.to_string().contains("raise `version`"), "{err}");
}

#[test]
fn refuses_files_that_are_not_ours_and_leaves_them_alone() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.sqlite", vec![], "empty file"),
        (
            "garbage.sqlite",
            b"not a database at all, just text".repeat(10),
            "not a hembesok database",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        fs::write(&path, &bytes).unwrap();
        let err = connect(&path, Mode::Create, None).unwrap_err().to_string();
        assert!(err.contains(expected), "{name}: {err}");
        assert_eq!(fs::read(&path).unwrap(), bytes, "{name} was changed");
    }
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES (1);")
        .unwrap();
    let before = fs::read(&other).unwrap();
    let err = connect(&other, Mode::Create, None).unwrap_err().to_string();
    assert!(err.contains("another program's SQLite database"), "{err}");
    assert_eq!(fs::read(&other).unwrap(), before);
}

#[test]
fn refuses_a_database_from_a_newer_program() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite");
    drop(connect(&path, Mode::Create, None).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    let err = connect(&path, Mode::Create, None).unwrap_err();
    assert!(matches!(err, DbError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer hembesok"));
}

#[test]
fn refuses_cloud_synced_folders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Dropbox/hembesok.sqlite");
    let err = connect(&path, Mode::Create, None).unwrap_err().to_string();
    assert!(err.contains("cloud-synced"), "{err}");
    assert!(!path.exists());
}

/// The schema a fresh database gets, as text, for comparing migration paths.
fn schema_of(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(format!(
            "{}|{}|{}",
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?
        ))
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

#[test]
fn every_earlier_version_upgrades_to_the_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = connect(&dir.path().join("fresh.sqlite"), Mode::Create, None).unwrap();
    let expected = schema_of(&fresh.conn);
    // Version 0 is a file we have just created: `Db::open` makes it, as in `suite_on_a_file`.
    let earlier: Vec<i64> = (1..LATEST_VERSION).collect();
    for start in earlier {
        let path = dir.path().join(format!("from-{start}.sqlite"));
        let mut db = Db::open_in_memory().unwrap();
        drop(db.conn);
        db.conn = Connection::open(&path).unwrap();
        migrate_to(&mut db.conn, &path, start).unwrap();
        drop(db);
        let mut db = connect(&path, Mode::Create, None).unwrap();
        assert_eq!(
            schema_of(&db.conn),
            expected,
            "upgrade from version {start}"
        );
        assert!(db.check().unwrap().iter().all(|c| c.ok), "from {start}");
    }
    assert_eq!(MIGRATIONS.len() as i64, LATEST_VERSION);
}

#[test]
fn backup_is_verified_private_and_never_overwrites_by_accident() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = connect(&dir.path().join("live.sqlite"), Mode::Create, None).unwrap();
    db.write(|tx| {
        let v = store_goteborg(tx);
        tx.insert_family(&sample_family("F-9"), v, now())
    })
    .unwrap();
    let target = dir.path().join("copy.sqlite");
    db.backup(&target, false).unwrap();
    let mut copy = connect(&target, Mode::Create, None).unwrap();
    assert_eq!(copy.read(|tx| tx.counts()).unwrap().families, 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&target).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let err = db.backup(&target, false).unwrap_err().to_string();
    assert!(err.contains("already exists"), "{err}");
    db.backup(&target, true).unwrap();
    let err = db
        .backup(&dir.path().join("live.sqlite"), true)
        .unwrap_err()
        .to_string();
    assert!(err.contains("database itself"), "{err}");
    let leftovers = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("partial")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn stored_dates_and_times_parse_and_refuse_garbage() {
    assert_eq!(
        parse_date("2024-02-29").unwrap(),
        NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
    );
    assert_eq!(
        parse_datetime("2026-11-23 09:05").unwrap(),
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap()
    );
    for bad in [
        "2023-02-29",
        "2026-13-01",
        "2026-1-01",
        "20261101",
        "2026-11-01x",
        "",
    ] {
        assert!(parse_date(bad).is_err(), "{bad}");
    }
    for bad in [
        "2026-11-23 24:00",
        "2026-11-23 9:05",
        "2026-11-23T09:05",
        "2026-11-23 09:60",
    ] {
        assert!(parse_datetime(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_second_connection_sees_a_new_database_as_ours_at_once() {
    // A new database's stamp must be in the file itself, not only in the write-ahead log, while
    // the first connection is still open (the app's background reader opens it at once).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite");
    let first = connect(&path, Mode::Create, None).unwrap();
    let second = connect(&path, Mode::Create, None);
    assert!(second.is_ok(), "{:?}", second.err());
    drop(first);
}

#[test]
fn a_stamp_still_in_the_wal_is_found_through_sqlite() {
    // A file whose header still says 0 while the write-ahead log holds our stamp (as after a
    // crash right after creation): it is ours, and must not be refused as another program's.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wal.sqlite");
    let raw = Connection::open(&path).unwrap();
    raw.execute_batch(&format!(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA application_id = {APPLICATION_ID}; CREATE TABLE t (x);"
    ))
    .unwrap();
    let header = fs::read(&path).unwrap();
    assert_eq!(
        &header[68..72],
        &[0, 0, 0, 0],
        "the stamp is only in the WAL"
    );
    let opened = connect(&path, Mode::Create, None);
    assert!(opened.is_ok(), "{:?}", opened.err());
    drop(raw);
    // Without our stamp anywhere, the same kind of file is still refused.
    let other = dir.path().join("other.sqlite");
    let raw = Connection::open(&other).unwrap();
    raw.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (x);",
    )
    .unwrap();
    assert!(connect(&other, Mode::Create, None).is_err());
}

#[cfg(unix)]
#[test]
fn a_backup_is_private_while_it_is_written_not_only_when_done() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.sqlite");
    let mut db = connect(&path, Mode::Create, None).unwrap();
    // Some 30 MB, so that the copy takes long enough to be looked at while it is written.
    db.write(|tx| {
        tx.tx.execute_batch(
            "CREATE TABLE filler (x BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
             INSERT INTO filler SELECT randomblob(1000) FROM n;",
        )?;
        Ok::<_, DbError>(())
    })
    .unwrap();
    let target = dir.path().join("copy.sqlite");
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let folder = dir.path().to_path_buf();
    let watcher = std::thread::spawn(move || {
        let mut seen = Vec::new();
        while done_rx.try_recv().is_err() {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let name = entry.file_name().to_string_lossy().to_string();
                if name.starts_with(".copy.sqlite")
                    && let Ok(meta) = entry.metadata()
                {
                    seen.push((name, meta.permissions().mode() & 0o777));
                }
            }
        }
        seen
    });
    db.backup(&target, false).unwrap();
    done_tx.send(()).unwrap();
    let seen = watcher.join().unwrap();
    assert!(!seen.is_empty(), "the copy was never seen while written");
    let open: Vec<_> = seen.iter().filter(|(_, mode)| *mode != 0o600).collect();
    assert!(
        open.is_empty(),
        "{} looks at files readable by others while written, e.g. {:?}",
        open.len(),
        open.first()
    );
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn rows_logged_before_the_chain_existed_are_sealed_into_it_at_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.sqlite");
    let mut conn = Connection::open(&path).unwrap();
    migrate_to(&mut conn, &path, 3).unwrap();
    conn.execute_batch(
        "INSERT INTO audit (at, actor, action, entity) VALUES ('2026-01-01 09:00:00', 'a', 'view', 'family');
         INSERT INTO audit (at, actor, action, entity, detail) VALUES ('2026-01-02 09:00:00', 'b', 'import', 'staff', '3 rows');",
    )
    .unwrap();
    drop(conn);
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let chain = super::audit::verify_chain(&db.conn).unwrap();
    assert!(
        matches!(chain, super::audit::ChainState::Whole { rows: 2, .. }),
        "{chain:?}"
    );
    // New rows carry on from the sealed ones, and the head moves with each.
    let head = db.read(|tx| tx.audit_head()).unwrap();
    db.write(|tx| {
        tx.insert_audit(&AuditEntry {
            at: now(),
            actor: "c".into(),
            action: crate::domain::enums::AuditAction::Backup,
            entity: crate::domain::enums::AuditEntity::Database,
            entity_id: None,
            detail: None,
        })
    })
    .unwrap();
    assert_ne!(db.read(|tx| tx.audit_head()).unwrap(), head);
    assert!(db.check().unwrap().iter().all(|c| c.ok));
}

#[test]
fn status_dates_upgrade_keeps_what_the_audit_log_knows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite");
    let mut db = Db::open_in_memory().unwrap();
    drop(db.conn);
    db.conn = Connection::open(&path).unwrap();
    migrate_to(&mut db.conn, &path, 7).unwrap();
    db.conn
        .execute_batch(
            "INSERT INTO programme (id, version, name, definition) VALUES ('p', 1, 'P', '');
             INSERT INTO family (id, family_ref, display_name, programme_id, programme_version,
                 status, exited_on, exit_reason, created_at, updated_at) VALUES
               (1, 'D', 'd', 'p', 1, 'declined', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (2, 'P', 'p', 'p', 1, 'paused', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (3, 'C', 'c', 'p', 1, 'completed', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (4, 'X', 'x', 'p', 1, 'exited', '2026-02-02', 'moved', '2026-01-01 08:00:00', '2026-05-01 08:00:00'),
               (5, 'I', 'i', 'p', 1, 'declined', NULL, NULL, '2026-01-01 08:00:00', '2026-05-01 08:00:00');
             INSERT INTO audit (at, actor, action, entity, entity_id) VALUES
               ('2026-03-04 10:00:00', 'a', 'status', 'family', 1),
               ('2026-03-09 10:00:00', 'a', 'status', 'family', 1),
               ('2026-03-05 10:00:00', 'a', 'view', 'family', 2),
               ('2026-04-05 10:00:00', 'a', 'status', 'family', 2),
               ('2026-04-06 10:00:00', 'a', 'status', 'family', 3),
               ('2026-04-07 10:00:00', 'a', 'status', 'family', 4);",
        )
        .unwrap();
    drop(db);
    let db = connect(&path, Mode::Create, None).unwrap();
    let rows: Vec<(i64, [Option<String>; 4])> = db
        .conn
        .prepare(
            "SELECT id, declined_on, paused_on, exited_on, exit_reason FROM family ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        rows,
        vec![
            // The last status change is the decline.
            (1, [s("2026-03-09"), None, None, None]),
            // A view is no status change.
            (2, [None, s("2026-04-05"), None, None]),
            (3, [None, None, s("2026-04-06"), s("completed")]),
            // A day already recorded is kept.
            (4, [None, None, s("2026-02-02"), s("moved")]),
            // Declined with no change logged (imported so): cannot be known.
            (5, [None, None, None, None]),
        ]
    );
    let run_columns: Vec<String> = db
        .conn
        .prepare("SELECT name FROM pragma_table_info('report_run')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(run_columns.contains(&"threshold".to_string()));
    assert!(run_columns.contains(&"audit_head".to_string()));
}

#[test]
fn every_status_change_keeps_its_day() {
    let mut db = Db::open_in_memory().unwrap();
    let day = |d: u32| {
        NaiveDate::from_ymd_opt(2026, 3, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    };
    let id = db
        .write(|tx| {
            let v = store_goteborg(tx);
            let mut f = sample_family("F-1");
            f.status = FamilyStatus::Offered;
            f.enrolled_on = None;
            tx.insert_family(&f, v, day(1))
        })
        .unwrap();
    let dates = |db: &mut Db| -> Vec<Option<String>> {
        db.conn
            .query_row(
                "SELECT offered_on, enrolled_on, declined_on, paused_on, exited_on, exit_reason
                 FROM family WHERE id = ?1",
                [id],
                |r| (0..6).map(|i| r.get(i)).collect(),
            )
            .unwrap()
    };
    let steps: [(FamilyStatus, u32); 6] = [
        (FamilyStatus::Offered, 2),
        (FamilyStatus::Declined, 3),
        (FamilyStatus::Active, 4),
        (FamilyStatus::Paused, 5),
        (FamilyStatus::Active, 6),
        (FamilyStatus::Completed, 7),
    ];
    for (status, d) in steps {
        db.write(|tx| tx.set_family_status(id, status, None, None, day(d)))
            .unwrap();
    }
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        dates(&mut db),
        vec![
            // The first offer and the first enrolment stay; the decline and pause are kept.
            s("2026-03-02"),
            s("2026-03-04"),
            s("2026-03-03"),
            s("2026-03-05"),
            s("2026-03-07"),
            s("completed"),
        ]
    );
    db.write(|tx| {
        tx.set_family_status(
            id,
            FamilyStatus::Exited,
            Some((crate::domain::enums::ExitReason::Moved, day(9).date())),
            None,
            day(10),
        )
    })
    .unwrap();
    let after = dates(&mut db);
    assert_eq!(after[4], s("2026-03-09"));
    assert_eq!(after[5], s("moved"));
}

#[test]
fn report_input_reads_the_quarter_and_only_it() {
    use crate::domain::quarter::Quarter;
    let mut db = Db::open_in_memory().unwrap();
    let at = |m: u32, d: u32| {
        NaiveDate::from_ymd_opt(2026, m, d)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    };
    let (family_id, child_id, nurse, advisor) = db
        .write(|tx| {
            let v = store_goteborg(tx);
            let f = tx.insert_family(&sample_family("F-1"), v, now())?;
            let nurse = tx.insert_staff(&sample_staff("Anna", Role::Nurse))?;
            let advisor = tx.insert_staff(&sample_staff("Bo", Role::ParentAdvisor))?;
            let child = tx.children_of(f)?[0].id;
            Ok::<_, DbError>((f, child, nurse, advisor))
        })
        .unwrap();
    let visit =
        |no: Option<u32>, start: NaiveDateTime, status, advisor_went: Option<bool>| NewVisit {
            child_id,
            visit_no: no,
            start,
            duration_min: 60,
            location: Location::Home,
            status,
            staff: vec![
                VisitStaff {
                    staff_id: nurse,
                    role: Role::Nurse,
                    attended: Some(true),
                },
                VisitStaff {
                    staff_id: advisor,
                    role: Role::ParentAdvisor,
                    attended: advisor_went,
                },
            ],
            interpreter_language: Some("arabiska".into()),
            interpreter: Interpreter::External,
            themes: vec![],
            referrals: vec![crate::domain::enums::Referral::Dental],
            note: None,
            override_reason: None,
        };
    db.write(|tx| {
        tx.insert_visit(&visit(Some(1), at(10, 10), VisitStatus::Done, None), now())?;
        tx.insert_visit(
            &visit(Some(2), at(11, 30), VisitStatus::Done, Some(false)),
            now(),
        )?;
        // Outside the quarter, on its either side.
        tx.insert_visit(&visit(Some(3), at(9, 30), VisitStatus::Done, None), now())?;
        tx.insert_visit(
            &visit(
                Some(3),
                NaiveDate::from_ymd_opt(2027, 1, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap(),
                VisitStatus::Planned,
                None,
            ),
            now(),
        )
    })
    .unwrap();
    let input = db
        .read(|tx| tx.report_input(Quarter::parse("2026Q4").unwrap()))
        .unwrap();
    assert_eq!(input.families.len(), 1);
    assert_eq!(input.families[0].id, family_id);
    assert!(input.families[0].needs_interpreter);
    let seen: Vec<(Option<u32>, bool, bool)> = input
        .visits
        .iter()
        .map(|v| (v.visit_no, v.required_roles_met, v.interpreter_used))
        .collect();
    // Not marked counts as gone; a recorded absence breaks the joint visit.
    assert_eq!(seen, vec![(Some(1), true, true), (Some(2), false, true)]);
    assert!(input.visits.iter().all(|v| v.window.is_some()));
    assert_eq!(input.visits[0].referrals.len(), 1);
    // Born 2026-09-30: 30 days old in the quarter; visit 1 done, 3 distinct done ever.
    assert_eq!(input.children.len(), 1);
    assert_eq!(
        (
            input.children[0].first_visit_done_on,
            input.children[0].visits_done
        ),
        (NaiveDate::from_ymd_opt(2026, 10, 10), 3)
    );
    assert!(input.sessions.is_empty());
}
