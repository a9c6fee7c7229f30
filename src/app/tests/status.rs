//! A family's status from its page: each change asks first, lists the booked visits it
//! cancels, and an exit keeps its reason, words and day.

use super::*;
use crate::app::form::FormKind;

#[test]
fn status_changes_open_a_form_for_the_day_and_only_saving_changes() {
    let mut app = on_family_page(Protection::None);
    // Already active: its day is corrected in the edit form, opened on it.
    app.handle_key(Key::Char('a'));
    let form = app.form().expect("the edit form");
    assert_eq!(form.kind, FormKind::EditFamily(3));
    assert_eq!(form.fields[form.focus].id, F::EnrolledOn);
    assert!(app.message.is_some());
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('p'));
    assert_eq!(
        app.form().map(|f| f.kind),
        Some(FormKind::Status(3, FamilyStatus::Paused))
    );
    assert!(app.handle_key(Key::Esc).is_empty(), "Esc changes nothing");
    assert!(app.form().is_none());
    app.handle_key(Key::Char('d'));
    assert!(
        app.handle_key(Key::Enter).is_empty(),
        "asks about the visit"
    );
    assert_eq!(
        app.handle_key(Key::Char('y')),
        vec![Effect::Family(FamilyEffect::SetStatus {
            family_id: 3,
            change: StatusChange {
                status: FamilyStatus::Declined,
                exit: None,
                exit_note: None,
                cancel_booked: true,
                since: None,
            },
        })]
    );
}

/// The fixture family has one visit booked after now (2026-11-30 13:00).
fn booked_in_question(app: &App) -> usize {
    match app.question() {
        Some(Question::Status { booked, .. } | Question::CancelBooked { booked, .. }) => {
            booked.len()
        }
        _ => 0,
    }
}

#[test]
fn declining_lists_the_booked_visits_it_cancels() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('d'));
    app.handle_key(Key::Enter);
    assert_eq!(booked_in_question(&app), 1);
    let Some(Question::Status { change, .. }) = app.question() else {
        panic!("a question")
    };
    assert!(change.cancel_booked);
}

#[test]
fn pausing_asks_whether_to_cancel_the_booked_visits() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('p'));
    assert!(app.handle_key(Key::Enter).is_empty(), "asks next");
    assert!(matches!(
        app.question(),
        Some(Question::CancelBooked { .. })
    ));
    assert_eq!(booked_in_question(&app), 1);
    let keep = app.handle_key(Key::Char('n'));
    assert!(matches!(
        &keep[..],
        [Effect::Family(FamilyEffect::SetStatus { change, .. })]
            if change.status == FamilyStatus::Paused && !change.cancel_booked
    ));
    // Saved, the form closes (as the runtime's answer closes it).
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('p'));
    app.handle_key(Key::Enter);
    let cancel = app.handle_key(Key::Char('y'));
    assert!(matches!(
        &cancel[..],
        [Effect::Family(FamilyEffect::SetStatus { change, .. })] if change.cancel_booked
    ));
}

/// Esc on the question whether a pause cancels the booked visits takes the pause back: nothing
/// is written, and the status form is there again to change or close.
#[test]
fn esc_on_the_pauses_question_changes_nothing() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('p'));
    app.handle_key(Key::Enter);
    assert!(matches!(
        app.question(),
        Some(Question::CancelBooked { .. })
    ));
    assert!(app.handle_key(Key::Esc).is_empty(), "nothing written");
    assert!(app.question().is_none());
    assert!(app.form().is_some(), "back in the status form");
}

#[test]
fn exit_asks_for_a_reason_and_lists_what_it_cancels() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('x'));
    // No reason is chosen for the coordinator: Enter at once ends nothing.
    assert!(app.handle_key(Key::Enter).is_empty());
    assert!(app.question().is_none());
    assert!(
        app.form()
            .and_then(|f| f.field(F::ExitReason))
            .is_some_and(|f| f.error.is_some()),
        "the reason is asked for"
    );
    app.handle_key(Key::Right);
    app.handle_key(Key::Right);
    assert!(app.handle_key(Key::Enter).is_empty());
    assert_eq!(booked_in_question(&app), 1);
    let effects = app.handle_key(Key::Char('y'));
    assert_eq!(
        effects,
        vec![Effect::Family(FamilyEffect::SetStatus {
            family_id: 3,
            change: StatusChange {
                status: FamilyStatus::Exited,
                exit: Some(crate::domain::enums::ExitReason::DeclinedFurther),
                exit_note: None,
                cancel_booked: true,
                since: None,
            },
        })]
    );
}

#[test]
fn exit_for_another_reason_needs_words_and_keeps_them() {
    use crate::domain::enums::ExitReason;
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('x'));
    let at = ExitReason::ALL
        .iter()
        .position(|r| *r == ExitReason::Other)
        .unwrap();
    // Past the empty choice first.
    for _ in 0..=at {
        app.handle_key(Key::Right);
    }
    assert!(app.handle_key(Key::Enter).is_empty());
    assert!(app.question().is_none(), "the words are missing");
    assert!(
        app.form()
            .unwrap()
            .field(F::ExitNote)
            .unwrap()
            .error
            .is_some()
    );
    // The cursor is on the field that needs words.
    type_text(&mut app, "flyttar utomlands");
    app.handle_key(Key::Enter);
    let effects = app.handle_key(Key::Char('y'));
    assert!(matches!(
        &effects[..],
        [Effect::Family(FamilyEffect::SetStatus { change, .. })]
            if change.exit_note.as_deref() == Some("flyttar utomlands")
    ));
}

#[test]
fn an_exit_recorded_afterwards_takes_the_day_the_family_left_and_refuses_a_future_one() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('x'));
    // Reason (the first), description, then the day.
    app.handle_key(Key::Right);
    app.handle_key(Key::Tab);
    app.handle_key(Key::Tab);
    let tomorrow = app.today + chrono::Days::new(1);
    type_text(&mut app, &tomorrow.to_string());
    assert!(app.handle_key(Key::Enter).is_empty());
    let error = app
        .form()
        .unwrap()
        .field(F::ExitedOn)
        .unwrap()
        .error
        .clone();
    assert!(error.is_some_and(|e| e.sv.contains("framtiden")));
    app.handle_key(Key::Ctrl('u'));
    type_text(&mut app, "2026-10-05");
    app.handle_key(Key::Enter);
    let effects = app.handle_key(Key::Char('y'));
    assert!(
        matches!(
            &effects[..],
            [Effect::Family(FamilyEffect::SetStatus { change, .. })]
                if change.since == chrono::NaiveDate::from_ymd_opt(2026, 10, 5)
        ),
        "{effects:?}"
    );
}

/// The error under a form's field.
fn error_of(app: &App, id: F) -> Option<String> {
    app.form()?.field(id)?.error.as_ref().map(|e| e.sv.clone())
}

#[test]
fn a_pause_takes_its_real_day_and_refuses_one_before_the_enrolment_or_in_the_future() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('p'));
    // The fixture family was enrolled on 2026-06-05.
    type_text(&mut app, "2026-06-01");
    assert!(app.handle_key(Key::Enter).is_empty());
    assert!(error_of(&app, F::PausedOn).is_some_and(|e| e.contains("före inskrivningen")));
    app.handle_key(Key::Ctrl('u'));
    let tomorrow = app.today + chrono::Days::new(1);
    type_text(&mut app, &tomorrow.to_string());
    app.handle_key(Key::Enter);
    assert!(error_of(&app, F::PausedOn).is_some_and(|e| e.contains("framtiden")));
    app.handle_key(Key::Ctrl('u'));
    type_text(&mut app, "2026-09-01");
    app.handle_key(Key::Enter);
    let keep = app.handle_key(Key::Char('n'));
    assert!(
        matches!(
            &keep[..],
            [Effect::Family(FamilyEffect::SetStatus { change, .. })]
                if change.status == FamilyStatus::Paused
                    && change.since == chrono::NaiveDate::from_ymd_opt(2026, 9, 1)
        ),
        "{keep:?}"
    );
}

#[test]
fn an_exit_before_the_enrolment_is_refused() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('x'));
    // A reason, so that the day alone is what is refused.
    app.handle_key(Key::Right);
    app.handle_key(Key::Tab);
    app.handle_key(Key::Tab);
    type_text(&mut app, "2026-05-01");
    assert!(app.handle_key(Key::Enter).is_empty());
    assert!(app.question().is_none());
    assert!(error_of(&app, F::ExitedOn).is_some_and(|e| e.contains("före inskrivningen")));
}

#[test]
fn a_paused_family_without_its_day_gets_it_from_p_in_the_edit_form() {
    let mut app = with_index(app(Lang::Sv));
    app.handle_key(Key::Char('3'));
    let mut page = fixtures::family_page(Protection::None);
    page.detail.facts.status = FamilyStatus::Paused;
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(page))));
    app.handle_key(Key::Char('p'));
    let form = app.form().expect("the edit form");
    assert_eq!(form.fields[form.focus].id, F::PausedOn);
    // An offer after the enrolment is refused, on the field that is wrong.
    type_text(&mut app, "2026-07-01");
    let at = |app: &App, id| app.form().unwrap().fields.iter().position(|f| f.id == id);
    let offered = at(&app, F::OfferedOn).unwrap();
    app.form_mut().unwrap().focus_on(offered);
    type_text(&mut app, "2026-06-10");
    assert!(app.handle_key(Key::Enter).is_empty());
    assert!(error_of(&app, F::EnrolledOn).is_some_and(|e| e.contains("före erbjudandet")));
    app.handle_key(Key::Ctrl('u'));
    type_text(&mut app, "2026-06-12");
    let saved = app.handle_key(Key::Enter);
    let [
        Effect::Family(FamilyEffect::Save {
            dates: Some(dates), ..
        }),
    ] = &saved[..]
    else {
        panic!("{saved:?}")
    };
    assert_eq!(dates.paused_on, chrono::NaiveDate::from_ymd_opt(2026, 7, 1));
    assert_eq!(
        dates.enrolled_on,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 12)
    );
    assert_eq!(
        dates.offered_on,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 10)
    );
}
