//! A series' forms and members: new and edit forms, leaders, area, the member picker, leaving.

use super::*;

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
        Effect::Groups(GroupsEffect::LoadList(0, Ended::Lately)),
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
fn e_on_a_series_page_edits_its_fields_and_leaders() {
    let mut app = on_page();
    open_series_form(&mut app, 'e', Some(2));
    let form = app.form().unwrap();
    assert_eq!(
        form.value(F::Leaders),
        "Anna Sköterska, Bo Rådgivare",
        "by name, as typed in the new-series form"
    );
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

/// The form for a family leaving tells the families apart as the member list does: a
/// protected family by its reference, never its name, and two of one name each by its own.
#[test]
fn a_protected_member_is_offered_to_leave_by_its_reference_never_its_name() {
    let mut page = gf::group_page();
    page.members[1].protection = crate::domain::enums::Protection::SkyddadFolkbokforing;
    let twice = page.members[0].name.clone();
    page.members[2].name.clone_from(&twice);
    let name = page.members[1].name.clone();
    let mut app = on_groups();
    app.receive(Msg::Groups(GroupsMsg::Loaded(Box::new(page))));
    app.handle_key(Key::Char('x'));
    let form = app.form().unwrap();
    let form::FieldKind::Choice(options) = &form.fields[0].kind else {
        panic!("{:?}", form.fields[0].kind);
    };
    let (id, shown) = &options[1];
    assert_eq!(id, "101");
    assert_eq!(
        (shown.sv.as_str(), shown.en.as_str()),
        ("skyddad familj F-1", "protected family F-1")
    );
    assert!(
        options
            .iter()
            .all(|(_, t)| !t.sv.contains(&name) && !t.en.contains(&name)),
        "{options:?}"
    );
    assert_eq!(options[0].1.sv, format!("{twice} · F-0"));
    assert_eq!(options[2].1.en, format!("{twice} · F-2"));
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

#[test]
fn the_roster_is_read_when_a_series_form_opens_not_with_the_list() {
    let mut app = app(Lang::En);
    assert_eq!(
        app.handle_key(Key::Char('4')),
        vec![Effect::Groups(GroupsEffect::LoadList(0, Ended::Lately))],
        "the list alone: a region's roster is thousands"
    );
    app.receive(Msg::Groups(GroupsMsg::ListLoaded(gf::group_list())));
    // The roster first, then the areas: the form opens when both are read.
    assert_eq!(
        app.handle_key(Key::Char('n')),
        vec![
            Effect::Staff(StaffEffect::LoadRoster),
            Effect::Groups(GroupsEffect::LoadAreas(None))
        ]
    );
    app.receive(Msg::Staff(StaffMsg::RosterLoaded(fixtures::staff())));
    app.receive(Msg::Groups(GroupsMsg::AreasLoaded(None, areas())));
    assert!(app.form().is_some());
    app.handle_key(Key::Esc);
    // Read once: the next form asks only for the areas.
    assert_eq!(
        app.handle_key(Key::Char('n')),
        vec![Effect::Groups(GroupsEffect::LoadAreas(None))]
    );
}
