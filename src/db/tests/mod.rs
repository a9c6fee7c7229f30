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

pub(crate) fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

pub(crate) fn sample_family(family_ref: &str) -> NewFamily {
    NewFamily {
        facts: crate::domain::model::FamilyFacts {
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
        },
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

pub(crate) fn store_goteborg(tx: &WriteTx<'_>) -> u32 {
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
    assert!(db.check().iter().all(|c| c.ok));
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
                family_present: Some(crate::domain::enums::FamilyPresent::WithOtherParent),
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
    // Who of the family came is kept with the visit (schema 16).
    let present: Option<crate::domain::enums::FamilyPresent> = db
        .read(|tx| {
            Ok::<_, DbError>(tx.tx.query_row(
                "SELECT family_present FROM visit WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(
        present,
        Some(crate::domain::enums::FamilyPresent::WithOtherParent)
    );
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
fn an_encrypted_database_opens_only_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.sqlite");
    let key = Key::new("hemligt 'lösen'".into());
    drop(connect(&path, Mode::Create, Some(&key)).unwrap());
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));
    let mut db = connect(&path, Mode::Write, Some(&key)).unwrap();
    assert!(db.check().iter().all(|c| c.ok));
    drop(db);
    let wrong = connect(&path, Mode::Write, Some(&Key::new("fel".into()))).unwrap_err();
    assert!(matches!(wrong, DbError::WrongKey { .. }), "{wrong:?}");
    let none = connect(&path, Mode::Write, None).unwrap_err();
    assert!(
        matches!(
            none,
            DbError::Refused {
                reason: Refusal::Encrypted,
                ..
            }
        ),
        "{none:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let plain = dir.path().join("p.sqlite");
    drop(connect(&plain, Mode::Create, None).unwrap());
    let keyed = connect(&plain, Mode::Write, Some(&key)).unwrap_err();
    assert!(
        matches!(
            keyed,
            DbError::Refused {
                reason: Refusal::NotEncrypted,
                ..
            }
        ),
        "{keyed:?}"
    );
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

mod area_staff;
mod family_search;
mod files;
mod group_next;
mod history;
mod protected_order;
mod report_read;
mod report_units;
mod staff_list;
mod swedish_order;
mod todo_read;
mod twins;

/// A database file opened by SQLite alone (an older version's, a file being built by hand),
/// made private first as hembesok makes its own: a file others may read is refused.
/// How SQLite would run `query` with `params`, one line a step.
pub(crate) fn query_plan(db: &mut Db, query: &str, params: impl rusqlite::Params) -> Vec<String> {
    db.read(|tx| {
        let mut stmt = tx.tx.prepare(&format!("EXPLAIN QUERY PLAN {query}"))?;
        let rows = stmt
            .query_map(params, |r| r.get::<_, String>(3))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok::<_, crate::db::DbError>(rows)
    })
    .unwrap()
}

/// A database file at `path` with the schema of `version`, as an earlier build left it, to
/// fill with rows of that schema and upgrade.
pub(crate) fn db_at_version(path: &std::path::Path, version: i64) -> Db {
    let mut db = Db::open_in_memory().unwrap();
    drop(db.conn);
    db.conn = raw_open(path).unwrap();
    migrate_to(&mut db.conn, path, version).unwrap();
    db
}

pub(crate) fn raw_open(path: &std::path::Path) -> rusqlite::Result<rusqlite::Connection> {
    if !path.exists() {
        let _ = crate::paths::create_new_private(path);
    }
    rusqlite::Connection::open(path)
}
