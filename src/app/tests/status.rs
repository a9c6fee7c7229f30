//! A family's status from its page: each change asks first, lists the booked visits it
//! cancels, and an exit keeps its reason, words and day.

use super::*;

#[test]
fn status_changes_ask_first_and_only_y_confirms() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('a'));
    assert!(app.question().is_none(), "already active: nothing to ask");
    assert!(app.message.is_some());
    app.handle_key(Key::Char('p'));
    assert!(app.question().is_some());
    assert!(
        app.handle_key(Key::Char('j')).is_empty(),
        "j moves in lists; it never confirms"
    );
    assert!(app.question().is_some());
    assert!(app.handle_key(Key::Char('n')).is_empty());
    assert!(app.question().is_none());
    app.handle_key(Key::Char('d'));
    assert_eq!(
        app.handle_key(Key::Char('y')),
        vec![Effect::Family(FamilyEffect::SetStatus {
            family_id: 3,
            change: StatusChange {
                status: FamilyStatus::Declined,
                exit: None,
                exit_note: None,
                cancel_booked: true,
                exited_on: None,
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
    assert!(app.handle_key(Key::Char('y')).is_empty(), "asks next");
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
    app.handle_key(Key::Char('p'));
    app.handle_key(Key::Char('y'));
    let cancel = app.handle_key(Key::Char('y'));
    assert!(matches!(
        &cancel[..],
        [Effect::Family(FamilyEffect::SetStatus { change, .. })] if change.cancel_booked
    ));
}

#[test]
fn exit_asks_for_a_reason_and_lists_what_it_cancels() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('x'));
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
                exited_on: None,
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
    for _ in 0..at {
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
    // Reason, description, then the day.
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
                if change.exited_on == chrono::NaiveDate::from_ymd_opt(2026, 10, 5)
        ),
        "{effects:?}"
    );
}
