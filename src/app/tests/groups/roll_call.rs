//! The roll call: one key per family, adults and drop-ins, held and cancelled sessions, and Today's way in.

use super::*;

#[test]
fn enter_on_a_session_opens_its_roll_call_and_m_asks_for_suggestions() {
    let mut app = on_page();
    app.handle_key(Key::Up);
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::LoadRollCall(23))]
    );
    assert_eq!(
        app.handle_key(Key::Char('m')),
        vec![Effect::Groups(GroupsEffect::LoadSuggestions(2))]
    );
}

#[test]
fn marking_seven_families_takes_seven_keys_each_one_write() {
    let mut app = in_roll_call();
    assert_eq!(app.roll_call().unwrap().selected, 0);
    let effects = keys(&mut app, "ppappep");
    assert_eq!(effects.len(), 7);
    let marked: Vec<(i64, AttendanceStatus)> = effects
        .iter()
        .map(|e| match e {
            Effect::Groups(GroupsEffect::Mark {
                family_id, status, ..
            }) => (*family_id, *status),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(marked[0], (100, AttendanceStatus::Present));
    assert_eq!(marked[2], (102, AttendanceStatus::Absent));
    assert_eq!(marked[5], (105, AttendanceStatus::Excused));
    assert_eq!(marked[6], (106, AttendanceStatus::Present));
    // The cursor stays on the last line.
    assert_eq!(app.roll_call().unwrap().selected, 6);
}

/// Working down the list, a number marks its family and moves on as `p`, `a` and `e` do: the
/// next key is the next family's.
#[test]
fn adults_move_on_so_the_next_key_marks_the_next_family() {
    let mut app = in_roll_call();
    let effects = keys(&mut app, "p2ae1");
    let marked: Vec<(i64, AttendanceStatus, u32)> = effects
        .iter()
        .map(|e| match e {
            Effect::Groups(GroupsEffect::Mark {
                family_id,
                status,
                adults,
                ..
            }) => (*family_id, *status, *adults),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        marked,
        [
            (100, AttendanceStatus::Present, 1),
            (101, AttendanceStatus::Present, 2),
            (102, AttendanceStatus::Absent, 0),
            (103, AttendanceStatus::Excused, 0),
            (104, AttendanceStatus::Present, 1),
        ]
    );
}

#[test]
fn a_written_mark_redraws_its_line_and_the_grid_without_a_reload() {
    let mut app = in_roll_call();
    let line = RollLine {
        family_id: 101,
        family_ref: String::new(),
        name: String::new(),
        protection: crate::domain::enums::Protection::None,
        status: Some(AttendanceStatus::Present),
        adults: 2,
    };
    let effects = app.receive(Msg::Groups(GroupsMsg::MarkSaved(23, line, false)));
    assert!(effects.is_empty(), "nothing is read again");
    let call = app.roll_call().unwrap();
    assert_eq!(call.call.lines[1].status, Some(AttendanceStatus::Present));
    assert_eq!(call.call.lines[1].adults, 2);
    assert_eq!(call.call.lines[1].name, "Familjen Andersson");
    let page = app.groups.page.as_ref().unwrap();
    assert_eq!(page.data.mark(23, 101), Some(AttendanceStatus::Present));
}

#[test]
fn adults_dropins_held_and_cancel_in_the_roll_call() {
    let mut app = in_roll_call();
    let two = app.handle_key(Key::Char('2'));
    assert!(matches!(
        two.as_slice(),
        [Effect::Groups(GroupsEffect::Mark {
            family_id: 100,
            status: AttendanceStatus::Present,
            adults: 2,
            ..
        })]
    ));
    assert_eq!(
        app.roll_call().unwrap().selected,
        1,
        "adults move on, as marks do"
    );
    assert_eq!(
        app.handle_key(Key::Char('+')),
        vec![Effect::Groups(GroupsEffect::ChangeSession {
            session_id: 23,
            change: SessionChange::Dropins(1)
        })]
    );
    assert!(
        app.handle_key(Key::Char('-')).is_empty(),
        "no fewer than none"
    );
    assert_eq!(
        app.handle_key(Key::Char('h')),
        vec![Effect::Groups(GroupsEffect::ChangeSession {
            session_id: 23,
            change: SessionChange::Held
        })]
    );
    app.handle_key(Key::Char('c'));
    assert!(app.form().is_some());
    type_text(&mut app, "ledaren sjuk");
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::ChangeSession {
            session_id: 23,
            change: SessionChange::Cancel("ledaren sjuk".into())
        })]
    );
    let mut cancelled = gf::sessions()[2].clone();
    cancelled.status = SessionStatus::Cancelled;
    cancelled.cancel_reason = Some("ledaren sjuk".into());
    app.receive(Msg::Groups(GroupsMsg::SessionSaved(
        Text::new("Träffen är inställd.", "The session is cancelled."),
        Box::new(cancelled),
    )));
    assert!(app.form().is_none());
    assert_eq!(
        app.roll_call().unwrap().call.session.status,
        SessionStatus::Cancelled
    );
    let page = app.groups.page.as_ref().unwrap();
    assert_eq!(page.data.sessions[2].status, SessionStatus::Cancelled);
}

/// `1` and `2` mark a family present with its adults, one marked absent or excused too: the
/// number is the leader's word that the family came.
#[test]
fn adults_on_a_family_marked_absent_mark_it_present() {
    let mut app = in_roll_call();
    let mut absent = app.roll_call().unwrap().call.lines[0].clone();
    absent.status = Some(AttendanceStatus::Absent);
    absent.adults = 0;
    if let Some(Modal::RollCall(call)) = app.modals.last_mut() {
        call.put_mark(&absent, false);
    }
    assert!(matches!(
        app.handle_key(Key::Char('2')).as_slice(),
        [Effect::Groups(GroupsEffect::Mark {
            family_id: 100,
            status: AttendanceStatus::Present,
            adults: 2,
            ..
        })]
    ));
    assert_eq!(app.roll_call().unwrap().selected, 1);
}

#[test]
fn leaving_a_roll_call_keeps_what_was_marked_and_refreshes_the_list_figures() {
    let mut app = in_roll_call();
    keys(&mut app, "pp");
    assert_eq!(
        app.handle_key(Key::Esc),
        vec![Effect::Groups(GroupsEffect::LoadList(0, Ended::Lately))]
    );
    assert!(app.roll_call().is_none());
    assert!(app.groups.page.is_some());
}

#[test]
fn today_opens_the_roll_call_of_todays_group_with_a() {
    let mut app = app(Lang::Sv);
    assert!(app.handle_key(Key::Char('a')).is_empty(), "no group today");
    assert!(!app.offers(&Intent::Today(TodayIntent::RollCall)));
    let mut data = fixtures::today_data();
    let mut session = data.next_session.clone().unwrap();
    session.session_id = 23;
    data.today_sessions = vec![session];
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(data))));
    assert!(app.offers(&Intent::Today(TodayIntent::RollCall)));
    assert_eq!(
        app.handle_key(Key::Char('a')),
        vec![Effect::Groups(GroupsEffect::LoadRollCall(23))]
    );
    app.receive(Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(
        gf::roll_call(),
    ))));
    assert_eq!(app.scopes()[0], keymap::Scope::RollCall);
    // Marks from Today's roll call need no series page.
    let effects = keys(&mut app, "p");
    assert_eq!(effects.len(), 1);
}

#[test]
fn a_held_session_without_attendance_is_a_to_do_on_today_until_marked() {
    let mut app = app(Lang::En);
    let mut data = fixtures::today_data();
    let mut session = data.next_session.clone().unwrap();
    session.session_id = 23;
    data.unrecorded_sessions = vec![session];
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(data))));
    assert_eq!(
        app.handle_key(Key::Char('a')),
        vec![Effect::Groups(GroupsEffect::LoadRollCall(23))]
    );
    app.receive(Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(
        gf::roll_call(),
    ))));
    let line = RollLine {
        family_id: 100,
        family_ref: String::new(),
        name: String::new(),
        protection: crate::domain::enums::Protection::None,
        status: Some(AttendanceStatus::Present),
        adults: 1,
    };
    app.receive(Msg::Groups(GroupsMsg::MarkSaved(23, line, false)));
    assert!(app.today_view.data.unrecorded_sessions.is_empty());
}

/// On a cancelled session the roll call offers only undoing the cancellation: `c` plans it
/// again, and a mark or a count says why nothing happens instead of being refused.
#[test]
fn a_cancelled_session_can_be_reinstated_and_its_marks_say_why_not() {
    let mut app = in_roll_call();
    let mut cancelled = gf::sessions()[2].clone();
    cancelled.status = SessionStatus::Cancelled;
    cancelled.cancel_reason = Some("ledaren sjuk".into());
    if let Some(Modal::RollCall(call)) = app.modals.last_mut() {
        call.call.session = cancelled.clone();
    }
    for key in ['p', 'a', '1', '+', 'h'] {
        assert!(app.handle_key(Key::Char(key)).is_empty(), "{key}");
    }
    assert_eq!(
        app.message.as_ref().unwrap().en,
        "The session is cancelled and has no attendance; c undoes the cancellation."
    );
    let id = cancelled.id;
    assert_eq!(
        app.handle_key(Key::Char('c')),
        vec![Effect::Groups(GroupsEffect::ChangeSession {
            session_id: id,
            change: SessionChange::Reinstate,
        })]
    );
    assert!(app.form().is_none(), "no cancel form");
    let mut planned = cancelled;
    planned.status = SessionStatus::Planned;
    planned.cancel_reason = None;
    app.receive(Msg::Groups(GroupsMsg::SessionSaved(
        Text::new("", ""),
        Box::new(planned),
    )));
    assert_eq!(
        app.roll_call().unwrap().call.session.status,
        SessionStatus::Planned
    );
}
