//! Week's group sessions: among the day's visits in time order, the mark stops on them, and
//! Enter takes the roll call.

use super::*;

fn week_with_session() -> App {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('2'));
    app.receive(Msg::Week(WeekMsg::Loaded(Box::new(
        fixtures::week_with_session(),
    ))));
    app
}

#[test]
fn the_mark_stops_on_a_session_between_visits_and_enter_takes_its_roll_call() {
    let mut app = week_with_session();
    assert_eq!(app.week.lines(0), 3, "two visits and the session");
    assert_eq!(app.week.marked().map(|v| v.visit_id), Some(11), "09:00");
    app.handle_key(Key::Down);
    assert_eq!(app.week.marked_session().map(|s| s.id), Some(7), "11:00");
    assert!(app.week.marked().is_none());
    // Keys for a visit do nothing on a session; Enter takes its roll call, not a family.
    assert!(app.handle_key(Key::Char('o')).is_empty());
    assert!(app.form().is_none());
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::LoadRollCall(7))]
    );
    app.receive(Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(
        crate::app::group_fixtures::roll_call(),
    ))));
    assert!(app.roll_call().is_some(), "opened over Week");
    app.handle_key(Key::Esc);
    assert_eq!(app.screen, Screen::Week);
    app.handle_key(Key::Down);
    assert_eq!(app.week.marked().map(|v| v.visit_id), Some(12), "13:00");
    app.handle_key(Key::Char('G'));
    assert_eq!(
        app.week.marked().map(|v| v.visit_id),
        Some(12),
        "the last line"
    );
}
