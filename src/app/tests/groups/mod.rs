//! Groups without a terminal: the list, a series page, the roll call in one key per family,
//! the member picker and the new-series form.

use super::super::group_fixtures as gf;
use super::*;
use crate::domain::enums::{AttendanceStatus, SessionStatus};
use crate::domain::group_views::RollLine;
use crate::domain::groups::SessionChange;

fn on_groups() -> App {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('4'));
    app.receive(Msg::Groups(GroupsMsg::ListLoaded(gf::group_list())));
    app.receive(Msg::Staff(StaffMsg::RosterLoaded(fixtures::staff())));
    app
}

fn on_page() -> App {
    let mut app = on_groups();
    app.receive(Msg::Groups(GroupsMsg::Loaded(Box::new(gf::group_page()))));
    app
}

/// The areas in use: staff member 1 usually visits in Söderäng.
fn areas() -> crate::domain::group_views::AreaChoices {
    crate::domain::group_views::AreaChoices {
        areas: vec!["Centrum".into(), "Söderäng".into()],
        usual: vec![(1, "Söderäng".into())],
    }
}

/// `n` or `e` read the areas in use first, then open the form.
fn open_series_form(app: &mut App, key: char, id: Option<i64>) {
    assert_eq!(
        app.handle_key(Key::Char(key)),
        vec![Effect::Groups(GroupsEffect::LoadAreas(id))]
    );
    app.receive(Msg::Groups(GroupsMsg::AreasLoaded(id, areas())));
}

fn in_roll_call() -> App {
    let mut app = on_page();
    app.receive(Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(
        gf::roll_call(),
    ))));
    app
}

mod list;
mod roll_call;
mod series;
