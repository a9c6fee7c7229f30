//! The Groups screen, a series page and the roll call, drawn.
use crate::app::{FamilyMsg, GroupsMsg, Msg};

use super::{both_sizes, draw};
use crate::app::fixtures::app;
use crate::app::group_fixtures as gf;
use crate::app::{App, Key, Lang};

fn on_groups(lang: Lang) -> App {
    let mut app = app(lang);
    app.handle_key(Key::Char('4'));
    app.receive(Msg::Groups(GroupsMsg::ListLoaded(gf::group_list())));
    app
}

fn on_page(lang: Lang) -> App {
    let mut app = on_groups(lang);
    app.receive(Msg::Groups(GroupsMsg::Loaded(Box::new(gf::group_page()))));
    app
}

#[test]
fn groups_list() {
    both_sizes("groups_sv", &on_groups(Lang::Sv));
    both_sizes("groups_en", &on_groups(Lang::En));
}

/// What the list leaves out is said below it, with the key that lists it; with nothing in
/// reach the screen says there are earlier series rather than none.
#[test]
fn groups_list_says_what_it_leaves_out() {
    let with_earlier = |lang, rows: bool| {
        let mut app = app(lang);
        app.handle_key(Key::Char('4'));
        let mut list = gf::group_list();
        list.earlier = 12;
        if !rows {
            list.counts = [0, 0, 0];
            list.rows.clear();
        }
        app.receive(Msg::Groups(GroupsMsg::ListLoaded(list)));
        app
    };
    both_sizes("groups_earlier_sv", &with_earlier(Lang::Sv, true));
    let en = with_earlier(Lang::En, true);
    let screen = draw(&en, 80, 24);
    assert!(
        screen.contains("12 earlier series ended before 2026-07-26: a shows them"),
        "{screen}"
    );
    let screen = draw(&with_earlier(Lang::Sv, false), 80, 24);
    assert!(!screen.contains("ännu"), "{screen}");
    insta::assert_snapshot!("groups_only_earlier_sv_80x24", screen);
    let screen = draw(&with_earlier(Lang::En, false), 80, 24);
    assert!(screen.contains("series: press a to show them"), "{screen}");
}

#[test]
fn series_page_with_its_grid() {
    let app = on_page(Lang::Sv);
    both_sizes("group_page_sv", &app);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Familjen Amiri"), "{screen}");
    assert!(screen.contains("ledaren sjuk"), "{screen}");
}

#[test]
fn roll_call_half_done() {
    let mut app = on_page(Lang::Sv);
    app.receive(Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(
        gf::roll_call(),
    ))));
    for (i, status) in [
        crate::domain::enums::AttendanceStatus::Present,
        crate::domain::enums::AttendanceStatus::Absent,
        crate::domain::enums::AttendanceStatus::Excused,
    ]
    .into_iter()
    .enumerate()
    {
        let line = crate::domain::group_views::RollLine {
            family_id: 100 + i as i64,
            family_ref: String::new(),
            name: String::new(),
            protection: crate::domain::enums::Protection::None,
            status: Some(status),
            adults: u32::from(i == 0) * 2,
        };
        app.receive(Msg::Groups(GroupsMsg::MarkSaved(23, line, false)));
    }
    both_sizes("roll_call_sv", &app);
    let mut en = on_page(Lang::En);
    en.receive(Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(
        gf::roll_call(),
    ))));
    insta::assert_snapshot!("roll_call_en_80x24", draw(&en, 80, 24));
}

#[test]
fn the_family_page_lists_its_groups() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('3'));
    let mut page = crate::app::fixtures::family_page(crate::domain::enums::Protection::None);
    page.groups = vec![crate::domain::group_views::FamilyGroup {
        group_id: 2,
        name: "Föräldragrupp Östra".into(),
        joined: crate::app::fixtures::d(2026, 11, 1),
        left: None,
        held: 2,
        present: 1,
        absent: 1,
        excused: 0,
    }];
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(page))));
    app.handle_key(Key::Char('G'));
    let screen = draw(&app, 120, 40);
    assert!(screen.contains("Föräldragrupper"), "{screen}");
    assert!(
        screen.contains("Föräldragrupp Östra · från 2026-11-01 · närvarande 1 av 2"),
        "{screen}"
    );
}

#[test]
fn suggested_members() {
    let mut app = on_page(Lang::Sv);
    app.receive(Msg::Groups(GroupsMsg::SuggestionsLoaded(
        2,
        gf::suggestions(),
        Some(2),
    )));
    insta::assert_snapshot!("member_pick_sv_80x24", draw(&app, 80, 24));
}

/// Two families of one name are told apart by their references in the grid, the roll call and
/// the suggestions; a protected family shows only the words for one and its reference.
#[test]
fn families_of_one_name_are_told_apart() {
    use crate::domain::enums::Protection;
    let mut page = gf::group_page();
    page.members[3].name = "Familjen Amiri".into();
    page.members[4].name = "Familjen Hemlig".into();
    page.members[4].protection = Protection::SkyddadFolkbokforing;
    let mut app = on_groups(Lang::Sv);
    app.receive(Msg::Groups(GroupsMsg::Loaded(Box::new(page))));
    let screen = draw(&app, 80, 24);
    insta::assert_snapshot!("group_page_twin_names_sv_80x24", screen);
    let mut call = gf::roll_call();
    call.lines[3].name = "Familjen Amiri".into();
    call.lines[4].name = "Familjen Hemlig".into();
    call.lines[4].protection = Protection::SkyddadFolkbokforing;
    let mut roll = on_page(Lang::En);
    roll.receive(Msg::Groups(GroupsMsg::RollCallLoaded(Box::new(call))));
    let roll = draw(&roll, 80, 24);
    let mut suggestions = gf::suggestions();
    suggestions[2].name = "Familjen Förslag 1".into();
    suggestions[3].name = "Familjen Hemlig".into();
    suggestions[3].protection = Protection::SkyddadFolkbokforing;
    let mut pick = on_page(Lang::Sv);
    pick.receive(Msg::Groups(GroupsMsg::SuggestionsLoaded(
        2,
        suggestions,
        None,
    )));
    let pick = draw(&pick, 80, 24);
    for (screen, protected, twins) in [
        (
            &screen,
            "skyddad familj F-4",
            ["Familjen Amiri · F-0", "Familjen Amiri · F-3"],
        ),
        (
            &roll,
            "protected family F-4",
            ["Familjen Amiri · F-0", "Familjen Amiri · F-3"],
        ),
        (
            &pick,
            "skyddad familj S-3",
            ["Familjen Förslag 1 · S-1", "Familjen Förslag 1 · S-2"],
        ),
    ] {
        assert!(screen.contains(protected), "{screen}");
        assert!(!screen.contains("Hemlig"), "{screen}");
        for twin in twins {
            assert!(screen.contains(twin), "{screen}");
        }
        assert!(!screen.contains("Familjen Andersson ·"), "{screen}");
    }
}
