//! What the app's forms save, through the runtime, against a real database file.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

use chrono::NaiveDate;
use hembesok::app::form::FieldId;
use hembesok::app::{App, Effect, FamilyEffect, Key, Lang, StaffEffect, VisitEffect};
use hembesok::domain::enums::{ConsentMethod, ExitReason, FamilyStatus, Protection, Role, Weekday};
use hembesok::domain::model::{
    Consent, NewCaregiver, NewChild, NewFamily, NewStaff, StatusChange, WorkHours,
};
use hembesok::tui::{Runner, apply, start};

fn setup() -> (tempfile::TempDir, App, Runner) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.sqlite");
    let mut runner = Runner::new(
        hembesok::db::connect(&path, hembesok::db::Mode::Create, None).unwrap(),
        "samordnare".into(),
        7,
    )
    .unwrap();
    runner.clock = NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(9, 0, 0);
    let mut app = App::new(Lang::Sv, runner.now().date(), runner.programme_ids());
    start(&mut app, &mut runner).unwrap();
    drain(&mut app, &mut runner);
    (dir, app, runner)
}

/// Lets background reads answer, as the event loop does between keys.
fn drain(app: &mut App, runner: &mut Runner) {
    while let Some(action) = runner.background_answer(true) {
        let more = app.receive(action);
        apply(app, runner, more);
    }
}

fn run(app: &mut App, runner: &mut Runner, effect: Effect) {
    apply(app, runner, vec![effect]);
    drain(app, runner);
}

fn family() -> NewFamily {
    NewFamily {
        facts: hembesok::domain::model::FamilyFacts {
            family_ref: "2026-100".into(),
            display_name: "Familjen Testsson".into(),
            address: Some("Testvägen 1".into()),
            area: Some("Centrum".into()),
            clinic: None,
            phone: None,
            languages: vec!["svenska".into()],
            interpreter_language: None,
            protection: Protection::None,
            eligibility: None,
            programme_id: "goteborg".into(),
            status: FamilyStatus::Offered,
            offered_on: NaiveDate::from_ymd_opt(2026, 11, 23),
            enrolled_on: None,
            exited_on: None,
            exit_reason: None,
            note: None,
            consent: None,
        },
        caregivers: vec![NewCaregiver {
            name: "Förälder Testsson".into(),
            relation: None,
            identity: None,
        }],
        children: vec![NewChild {
            name: "Barn Testsson".into(),
            birth_date: NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
            expected: false,
            first_child: true,
            first_born_in_sweden: false,
            identity: None,
        }],
    }
}

fn audit_actions(runner: &mut Runner) -> Vec<String> {
    runner
        .db
        .read(|tx| tx.list_audit(None))
        .unwrap()
        .into_iter()
        .map(|a| a.action.as_str().to_string())
        .collect()
}

#[test]
fn a_family_is_created_edited_and_completed_through_the_forms_effects() {
    let (_dir, mut app, mut runner) = setup();
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::Save {
            id: None,
            family: Box::new(family()),
            dates: None,
        }),
    );
    assert_eq!(app.message.as_ref().unwrap().en, "The family is saved.");
    let page = app.family.as_ref().expect("the new family's page opens");
    let id = page.data.detail.id;
    assert_eq!(page.data.detail.status, FamilyStatus::Offered);
    assert_eq!(
        page.data.timelines[0].entries.len(),
        6,
        "the programme's timeline is there"
    );
    assert!(
        app.families.rows.iter().any(|e| e.family_ref == "2026-100"),
        "the Families list shows it"
    );

    let mut edited = family();
    edited.display_name = "Familjen Testsson-Ek".into();
    edited.protection = Protection::SkyddadFolkbokforing;
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::Save {
            id: Some(id),
            family: Box::new(edited),
            dates: None,
        }),
    );
    let detail = &app.family.as_ref().unwrap().data.detail;
    assert_eq!(
        (detail.display_name.as_str(), detail.protection),
        ("Familjen Testsson-Ek", Protection::SkyddadFolkbokforing)
    );
    assert_eq!(
        detail.caregivers.len(),
        1,
        "editing keeps caregivers and children"
    );

    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::AddCaregiver {
            family_id: id,
            caregiver: NewCaregiver {
                name: "Andra Testsson".into(),
                relation: Some("pappa".into()),
                identity: None,
            },
        }),
    );
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::AddChild {
            family_id: id,
            child: NewChild {
                name: "Syskon Testsson".into(),
                birth_date: NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
                expected: true,
                first_child: false,
                first_born_in_sweden: false,
                identity: None,
            },
        }),
    );
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::AddConsent {
            family_id: id,
            consent: Consent {
                given_by: "Förälder Testsson".into(),
                scope: "samverkan".into(),
                given_on: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
                method: Some(ConsentMethod::Written),
                withdrawn_on: None,
            },
        }),
    );
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::SetStatus {
            family_id: id,
            change: StatusChange {
                status: FamilyStatus::Active,
                exit: None,
                exit_note: None,
                cancel_booked: false,
                since: None,
            },
        }),
    );
    let detail = &app.family.as_ref().unwrap().data.detail;
    assert_eq!(detail.caregivers.len(), 2);
    assert_eq!(detail.children.len(), 2);
    assert!(detail.children[1].expected);
    assert_eq!(
        detail.consent.as_ref().unwrap().method,
        Some(ConsentMethod::Written)
    );
    assert_eq!(
        (detail.status, detail.enrolled_on),
        (FamilyStatus::Active, NaiveDate::from_ymd_opt(2026, 11, 23))
    );

    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::SetStatus {
            family_id: id,
            change: StatusChange {
                status: FamilyStatus::Exited,
                exit: Some(ExitReason::Moved),
                exit_note: None,
                cancel_booked: true,
                since: None,
            },
        }),
    );
    // A family that has left gets no booking proposals, and is told why.
    run(
        &mut app,
        &mut runner,
        Effect::Visit(VisitEffect::LoadProposals {
            family_id: id,
            rebook: None,
        }),
    );
    assert!(app.booking().is_none());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .en
            .contains("change the status"),
        "{:?}",
        app.message
    );
    let detail = &app.family.as_ref().unwrap().data.detail;
    assert_eq!(
        (detail.status, detail.exit_reason),
        (FamilyStatus::Exited, Some(ExitReason::Moved))
    );

    // Opening the page as a user does is a view in the log.
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::Load(id)),
    );
    // The protected address is shown only after a reveal, which is logged first.
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::Reveal(id)),
    );
    assert!(app.family.as_ref().unwrap().revealed);
    let actions = audit_actions(&mut runner);
    for a in [
        "create",
        "update",
        "add_caregiver",
        "add_child",
        "consent",
        "status",
        "reveal_protected",
        "view",
    ] {
        assert!(actions.iter().any(|x| x == a), "no {a} in {actions:?}");
    }
}

#[test]
fn a_duplicate_reference_is_refused_and_the_form_keeps_its_input() {
    let (_dir, mut app, mut runner) = setup();
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::Save {
            id: None,
            family: Box::new(family()),
            dates: None,
        }),
    );
    app.handle_key(Key::Char('3'));
    app.family = None;
    app.handle_key(Key::Char('n'));
    for c in "2026-100".chars() {
        app.handle_key(Key::Char(c));
    }
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::Save {
            id: None,
            family: Box::new(family()),
            dates: None,
        }),
    );
    let form = app.form().expect("the form stays open");
    assert!(
        form.error
            .as_ref()
            .unwrap()
            .en
            .contains("already registered"),
        "{:?}",
        form.error
    );
    assert_eq!(form.value(FieldId::FamilyRef), "2026-100");
}

#[test]
fn staff_are_added_and_edited() {
    let (_dir, mut app, mut runner) = setup();
    let staff = |name: &str| NewStaff {
        name: name.into(),
        role: Role::Interpreter,
        organisation: None,
        languages: vec!["tigrinja".into()],
        work_days: vec![Weekday::Mon],
        work_hours: WorkHours::parse("09:00-15:00").unwrap(),
        active: true,
    };
    run(
        &mut app,
        &mut runner,
        Effect::Staff(StaffEffect::Save {
            id: None,
            staff: Box::new(staff("Ny Tolk")),
        }),
    );
    let id = app
        .staff
        .rows
        .iter()
        .find(|s| s.name == "Ny Tolk")
        .unwrap()
        .id;
    run(
        &mut app,
        &mut runner,
        Effect::Staff(StaffEffect::Save {
            id: Some(id),
            staff: Box::new(staff("Ny Tolk Ek")),
        }),
    );
    assert_eq!(app.staff.rows.len(), 1);
    assert_eq!(app.staff.rows[0].name, "Ny Tolk Ek");
}

#[test]
fn a_visit_is_recorded_done_only_after_it_happened_but_may_be_cancelled_before() {
    use hembesok::app::booking::BookingRequest;
    use hembesok::domain::booking::{Assigned, Candidate};
    use hembesok::domain::enums::VisitStatus;
    use hembesok::domain::model::VisitOutcome;
    let (_dir, mut app, mut runner) = setup();
    let person = |name: &str, role| NewStaff {
        name: name.into(),
        role,
        organisation: None,
        languages: vec![],
        work_days: Weekday::ALL[..5].to_vec(),
        work_hours: WorkHours::parse("08:00-16:30").unwrap(),
        active: true,
    };
    run(
        &mut app,
        &mut runner,
        Effect::Staff(StaffEffect::Save {
            id: None,
            staff: Box::new(person("Anna", Role::Nurse)),
        }),
    );
    run(
        &mut app,
        &mut runner,
        Effect::Staff(StaffEffect::Save {
            id: None,
            staff: Box::new(person("Bo", Role::ParentAdvisor)),
        }),
    );
    let ids: Vec<i64> = app.staff.rows.iter().map(|s| s.id).collect();
    run(
        &mut app,
        &mut runner,
        Effect::Family(FamilyEffect::Save {
            id: None,
            family: Box::new(family()),
            dates: None,
        }),
    );
    let detail = app.family.as_ref().unwrap().data.detail.clone();
    let start = NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    run(
        &mut app,
        &mut runner,
        Effect::Visit(VisitEffect::Book(Box::new(BookingRequest {
            family_id: detail.id,
            child_id: detail.children[0].id,
            visit_no: Some(1),
            candidate: Candidate {
                start,
                duration_min: 60,
                staff: vec![
                    Assigned {
                        role: Role::Nurse,
                        staff_id: ids[0],
                    },
                    Assigned {
                        role: Role::ParentAdvisor,
                        staff_id: ids[1],
                    },
                ],
                interpreter_staff: None,
                interpreter_external: false,
            },
            interpreter_language: None,
            rebooking: None,
            override_reason: None,
        }))),
    );
    assert_eq!(
        app.message.as_ref().unwrap().en,
        "Booked: 2026-12-01 10:00."
    );
    let visit_id = runner
        .db
        .read(|tx| tx.day_visits(start.date(), start.date()))
        .unwrap()
        .into_iter()
        .find(|v| v.staff.iter().any(|a| a.staff_id == ids[0]))
        .unwrap()
        .visit_id;
    let outcome = |status| VisitOutcome {
        visit_id,
        status,
        attended: vec![],
        interpreter_used: false,
        family_present: None,
        themes: vec![],
        referrals: vec![],
        reason: Some("sjukt barn".into()),
    };
    run(
        &mut app,
        &mut runner,
        Effect::Visit(VisitEffect::SetOutcome(Box::new(outcome(
            VisitStatus::Done,
        )))),
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .en
            .contains("has not happened yet"),
        "{:?}",
        app.message
    );
    run(
        &mut app,
        &mut runner,
        Effect::Visit(VisitEffect::SetOutcome(Box::new(outcome(
            VisitStatus::CancelledFamily,
        )))),
    );
    assert_eq!(app.message.as_ref().unwrap().en, "The outcome is recorded.");
}
