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
    app.receive(Msg::Staff(StaffMsg::Loaded(fixtures::staff())));
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
    assert_eq!(app.roll_call().unwrap().selected, 0, "adults do not move");
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

#[test]
fn leaving_a_roll_call_keeps_what_was_marked_and_refreshes_the_list_figures() {
    let mut app = in_roll_call();
    keys(&mut app, "pp");
    assert_eq!(
        app.handle_key(Key::Esc),
        vec![Effect::Groups(GroupsEffect::LoadList(0))]
    );
    assert!(app.roll_call().is_none());
    assert!(app.groups.page.is_some());
}

#[test]
fn suggested_families_that_fit_are_ticked_and_enter_adds_them() {
    let mut app = on_page();
    app.receive(Msg::Groups(GroupsMsg::SuggestionsLoaded(
        2,
        gf::suggestions(),
        Some(2),
    )));
    assert_eq!(app.member_pick().unwrap().chosen(), vec![200, 201]);
    app.handle_key(Key::Down);
    app.handle_key(Key::Char(' '));
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::AddMembers {
            group_id: 2,
            families: vec![200]
        })]
    );
    let effects = app.receive(Msg::Saved(
        Text::new("1 familj tillagd.", "1 family added."),
        Changed::Group(2),
        None,
    ));
    assert!(app.member_pick().is_none());
    assert!(effects.starts_with(&[
        Effect::Groups(GroupsEffect::LoadList(0)),
        Effect::Groups(GroupsEffect::Load(2))
    ]));
    // Today's group line and to-do show the series too: read again (issue 19, point 9).
    assert!(effects.contains(&Effect::Today(TodayEffect::Load)));
    assert!(effects.contains(&Effect::Today(TodayEffect::LoadAlerts)));
}

#[test]
fn the_new_series_form_shows_its_dates_with_christmas_skipped() {
    let mut app = on_groups();
    open_series_form(&mut app, 'n', None);
    let form = app.form_mut().unwrap();
    let set = |form: &mut form::Form, id: F, value: &str| {
        if let Some(f) = form.fields.iter_mut().find(|f| f.id == id) {
            f.input = tui_input::Input::new(value.to_string());
        }
    };
    set(form, F::Name, "Julgruppen");
    set(form, F::Leaders, "anna, 2");
    set(form, F::First, "2026-12-17 10:00");
    set(form, F::Count, "8");
    forms::validate(form, fixtures::today());
    let note = form.note.clone().unwrap();
    assert!(
        note.sv.starts_with("8 träffar, tor 10:00: 17/12 7/1"),
        "{}",
        note.sv
    );
    assert!(note.sv.contains("24/12 julafton"), "{}", note.sv);
    assert!(note.sv.contains("31/12 nyårsafton"), "{}", note.sv);
    assert!(note.en.contains("24/12 Christmas Eve"), "{}", note.en);
    let effects = app.handle_key(Key::Enter);
    match effects.as_slice() {
        [Effect::Groups(GroupsEffect::CreateSeries(req))] => {
            assert_eq!(req.group.leaders, vec![1, 2]);
            assert_eq!(req.count, 8);
            assert_eq!(req.group.capacity, Some(8));
            // Anna's usual area, as nothing else was chosen.
            assert_eq!(req.area.as_deref(), Some("Söderäng"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unknown_or_ambiguous_leader_is_said_in_the_form() {
    let mut app = on_groups();
    open_series_form(&mut app, 'n', None);
    let form = app.form_mut().unwrap();
    if let Some(f) = form.fields.iter_mut().find(|f| f.id == F::Leaders) {
        f.input = tui_input::Input::new("Zorro".into());
    }
    forms::validate(form, fixtures::today());
    let error = form
        .field(F::Leaders)
        .and_then(|f| f.error.clone())
        .unwrap();
    assert_eq!(error.sv, "ingen i Personal heter \"Zorro\"");
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

#[test]
fn e_on_a_series_page_edits_its_fields_and_leaders() {
    let mut app = on_page();
    open_series_form(&mut app, 'e', Some(2));
    let form = app.form().unwrap();
    assert_eq!(form.value(F::Leaders), "1, 2");
    assert_eq!(form.value(F::BornFrom), "2026-06-01");
    match app.handle_key(Key::Enter).as_slice() {
        [
            Effect::Groups(GroupsEffect::EditSeries {
                id: 2,
                group,
                born,
                area,
            }),
        ] => {
            assert_eq!(area.as_deref(), Some("Söderäng"), "the leaders' usual area");
            assert_eq!(group.leaders, vec![1, 2]);
            assert_eq!(group.name, "Föräldragrupp Östra");
            assert!(born.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn x_on_a_series_page_lets_a_current_member_leave() {
    let mut app = on_page();
    app.handle_key(Key::Char('x'));
    let form = app.form().unwrap();
    match &form.fields[0].kind {
        form::FieldKind::Choice(options) => assert_eq!(options.len(), 7, "not the one who left"),
        other => panic!("{other:?}"),
    }
    app.handle_key(Key::Right);
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::RemoveMember {
            group_id: 2,
            family_id: 101
        })]
    );
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
    }
}

#[test]
fn scrolling_past_the_part_read_reads_the_next_and_keeps_the_sections() {
    use crate::app::groups::GROUP_PAGE;
    use crate::domain::group_views::Phase;
    let mut app = app(Lang::Sv);
    let read = app.handle_key(Key::Char('4'));
    assert_eq!(read[0], Effect::Groups(GroupsEffect::LoadList(0)));
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
    let [Effect::Groups(GroupsEffect::LoadList(from))] = read.as_slice() else {
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
        if let [Effect::Groups(GroupsEffect::LoadList(from))] = read.as_slice() {
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
    let [Effect::Groups(GroupsEffect::LoadList(from))] = read.as_slice() else {
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

/// `1` and `2` give the adults of a family present; on a family marked absent or excused they
/// change nothing and say how to mark it present, never undoing that mark unasked.
#[test]
fn adults_on_a_family_marked_absent_say_so_and_change_nothing() {
    let mut app = in_roll_call();
    let mut absent = app.roll_call().unwrap().call.lines[0].clone();
    absent.status = Some(AttendanceStatus::Absent);
    absent.adults = 0;
    if let Some(Modal::RollCall(call)) = app.modals.last_mut() {
        call.put_mark(&absent, false);
    }
    assert!(app.handle_key(Key::Char('2')).is_empty(), "nothing written");
    assert!(app.handle_key(Key::Char('1')).is_empty(), "nothing written");
    let line = &app.roll_call().unwrap().call.lines[0];
    assert_eq!(
        (line.status, line.adults),
        (Some(AttendanceStatus::Absent), 0)
    );
    assert_eq!(
        app.message.as_ref().unwrap().en,
        "The family is marked absent; press p to mark it present first, then the number of adults."
    );
    let mut excused = absent.clone();
    excused.status = Some(AttendanceStatus::Excused);
    if let Some(Modal::RollCall(call)) = app.modals.last_mut() {
        call.put_mark(&excused, false);
    }
    assert!(app.handle_key(Key::Char('2')).is_empty());
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .sv
            .contains("anmält förhinder")
    );
    // Marked present on purpose, the number of adults follows.
    let present = app.handle_key(Key::Char('p'));
    assert!(matches!(
        present.as_slice(),
        [Effect::Groups(GroupsEffect::Mark {
            family_id: 100,
            status: AttendanceStatus::Present,
            ..
        })]
    ));
}

#[test]
fn a_series_needs_an_area_and_takes_one_from_its_place_or_leaders_until_chosen() {
    let mut app = on_groups();
    open_series_form(&mut app, 'n', None);
    let set = |app: &mut App, id: F, value: &str| {
        let form = app.form_mut().unwrap();
        if let Some(f) = form.fields.iter_mut().find(|f| f.id == id) {
            f.input = tui_input::Input::new(value.to_string());
        }
        forms::validate(form, fixtures::today());
    };
    set(&mut app, F::Name, "Vårgruppen");
    set(&mut app, F::First, "2027-03-04 10:00");
    // Staff member 2 has no usual area: none is guessed, and saving is refused.
    set(&mut app, F::Leaders, "2");
    assert_eq!(app.form().unwrap().value(F::Area), "");
    assert!(app.handle_key(Key::Enter).is_empty());
    assert!(app.form().unwrap().field(F::Area).unwrap().error.is_some());
    // The place names an area: that one.
    set(&mut app, F::Place, "Familjecentralen Centrum");
    assert_eq!(app.form().unwrap().value(F::Area), "Centrum");
    // Chosen by hand, it stays whatever the place or the leaders become.
    let at = app
        .form()
        .unwrap()
        .fields
        .iter()
        .position(|f| f.id == F::Area)
        .unwrap();
    app.form_mut().unwrap().focus_on(at);
    app.handle_key(Key::Right);
    assert_eq!(app.form().unwrap().value(F::Area), "Söderäng");
    set(&mut app, F::Place, "Centrumhuset");
    set(&mut app, F::Leaders, "2");
    assert_eq!(app.form().unwrap().value(F::Area), "Söderäng");
    let saved = app.handle_key(Key::Enter);
    assert!(
        matches!(&saved[..], [Effect::Groups(GroupsEffect::CreateSeries(r))]
            if r.area.as_deref() == Some("Söderäng")),
        "{saved:?}"
    );
}
