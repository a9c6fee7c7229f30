//! The list of series: its sections, reading it in parts, opening a series.

use super::*;
use crate::app::groups::GROUP_PAGE;

#[test]
fn the_list_is_current_then_planned_then_ended_and_enter_opens_a_series() {
    let mut app = on_groups();
    let names: Vec<i64> = app.groups.list.iter().map(|g| g.id).collect();
    assert_eq!(names, vec![2, 3, 1]);
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::Load(2))]
    );
    app.receive(Msg::Groups(GroupsMsg::Loaded(Box::new(gf::group_page()))));
    assert_eq!(app.scopes()[0], keymap::Scope::GroupPage);
    // The page opens on the next session to take place: the planned 26/11.
    let page = app.groups.page.as_ref().unwrap();
    assert_eq!(page.marked_session().map(|s| s.id), Some(24));
    app.handle_key(Key::Esc);
    assert!(app.groups.page.is_none());
}

/// A list of 120 series (50 current, 30 planned, 40 ended); the part from `offset`, `len` long.
fn list_part(offset: usize, len: usize) -> crate::domain::group_views::GroupList {
    let today = fixtures::today();
    let base = gf::group_list().rows[0].clone();
    let at = |days: i64| (today + chrono::Duration::days(days)).and_hms_opt(10, 0, 0);
    let rows = (offset..(offset + len).min(120))
        .map(|i| {
            let (first, last) = match i {
                0..50 => (at(-14), at(14)),
                50..80 => (at(7), at(50)),
                _ => (at(-60), at(-10)),
            };
            crate::domain::group_views::GroupRow {
                id: i as i64 + 1,
                name: format!("Serie {}", i + 1),
                first,
                last,
                next: None,
                ..base.clone()
            }
        })
        .collect();
    crate::domain::group_views::GroupList {
        counts: [50, 30, 40],
        offset,
        rows,
        earlier: 0,
    }
}

#[test]
fn scrolling_past_the_part_read_reads_the_next_and_keeps_the_sections() {
    use crate::domain::group_views::Phase;
    let mut app = app(Lang::Sv);
    let read = app.handle_key(Key::Char('4'));
    assert_eq!(
        read[0],
        Effect::Groups(GroupsEffect::LoadList(0, Ended::Lately))
    );
    app.receive(Msg::Groups(GroupsMsg::ListLoaded(list_part(0, GROUP_PAGE))));
    assert_eq!(app.groups.total(), 120);
    // Moving within the part reads nothing; nearing its end reads the part around the mark.
    let mut read = Vec::new();
    for _ in 0..GROUP_PAGE {
        read = app.handle_key(Key::Down);
        if !read.is_empty() {
            break;
        }
    }
    let [Effect::Groups(GroupsEffect::LoadList(from, _))] = read.as_slice() else {
        panic!("{read:?}");
    };
    let from = *from;
    assert!(from > 0 && from <= app.groups.selected, "{from}");
    app.receive(Msg::Groups(GroupsMsg::ListLoaded(list_part(
        from, GROUP_PAGE,
    ))));
    let marked = app.groups.selected;
    assert_eq!(app.groups.selected().map(|g| g.id), Some(marked as i64 + 1));
    // Down to the planned section: series 51 is the first planned one.
    while app.groups.selected < 50 {
        let read = app.handle_key(Key::Down);
        if let [Effect::Groups(GroupsEffect::LoadList(from, _))] = read.as_slice() {
            app.receive(Msg::Groups(GroupsMsg::ListLoaded(list_part(
                *from, GROUP_PAGE,
            ))));
        }
    }
    let g = app.groups.selected().unwrap();
    assert_eq!((g.id, g.phase(app.today)), (51, Phase::Planned));
    let before = app.groups.row(49).map(|g| g.phase(app.today));
    assert_eq!(before, Some(Phase::Current));
    // To the end: the last part is read and its last series is an ended one.
    let read = app.handle_key(Key::Char('G'));
    let [Effect::Groups(GroupsEffect::LoadList(from, _))] = read.as_slice() else {
        panic!("{read:?}");
    };
    assert_eq!(app.groups.selected, 119);
    assert!(app.groups.selected().is_none(), "not read yet");
    app.receive(Msg::Groups(GroupsMsg::ListLoaded(list_part(
        *from, GROUP_PAGE,
    ))));
    let g = app.groups.selected().unwrap();
    assert_eq!((g.id, g.phase(app.today)), (120, Phase::Ended));
    // Enter opens the series marked, read from the part.
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::Load(120))]
    );
}

/// `a` lists the series that ended long ago too, the mark on the first of them, and hides
/// them again; with none hidden it does nothing.
#[test]
fn a_lists_the_series_ended_long_ago_and_hides_them_again() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('4'));
    let mut part = list_part(0, GROUP_PAGE);
    part.earlier = 12;
    app.receive(Msg::Groups(GroupsMsg::ListLoaded(part)));
    assert_eq!(app.groups.earlier, 12);
    let read = app.handle_key(Key::Char('a'));
    assert_eq!(
        read,
        vec![Effect::Groups(GroupsEffect::LoadList(
            120 - GROUP_PAGE / 2,
            Ended::All
        ))]
    );
    assert_eq!(app.groups.selected, 120, "the first earlier series");
    // Reads from then on keep asking for all of them.
    app.handle_key(Key::Char('g'));
    assert_eq!(
        app.handle_key(Key::Char('a')),
        vec![Effect::Groups(GroupsEffect::LoadList(0, Ended::Lately))]
    );
    let mut none = fixtures::app(Lang::Sv);
    none.handle_key(Key::Char('4'));
    none.receive(Msg::Groups(GroupsMsg::ListLoaded(list_part(0, GROUP_PAGE))));
    assert!(none.handle_key(Key::Char('a')).is_empty(), "nothing hidden");
}
