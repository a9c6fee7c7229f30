//! Issue 8, the rest of what a coordinator hit: visits left behind when someone leaves, booking
//! in the past, every person offered by hand, editing people, protected families, twins.

use super::*;
use crate::domain::alerts::AlertKind;

use crate::app::staff_fixtures::on_staff;

/// Opens the marked person's form and sets "Active" to no.
fn deactivate_marked(app: &mut App) -> Vec<Effect> {
    app.handle_key(Key::Enter);
    let at = app
        .form()
        .unwrap()
        .fields
        .iter()
        .position(|f| f.id == F::Active)
        .unwrap();
    for _ in 0..at {
        app.handle_key(Key::Tab);
    }
    app.handle_key(Key::Right);
    assert_eq!(app.form().unwrap().value(F::Active), "no");
    app.handle_key(Key::Enter)
}

#[test]
fn deactivating_someone_with_booked_visits_asks_and_lists_them() {
    let mut app = on_staff(Lang::Sv);
    let marked = app.staff.selected().unwrap().clone();
    assert!(marked.active);
    let effects = deactivate_marked(&mut app);
    let [Effect::Staff(StaffEffect::LoadBookings { id, staff })] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(*id, marked.id);
    let visits = fixtures::today_data().visits[..2].to_vec();
    app.receive(Msg::Staff(StaffMsg::BookingsLoaded(
        *id,
        staff.clone(),
        visits.clone(),
    )));
    let Some(Question::DeactivateStaff { visits: asked, .. }) = app.question() else {
        panic!("a question")
    };
    assert_eq!(asked, &visits);
    let saved = app.handle_key(Key::Char('y'));
    assert!(
        matches!(&saved[..], [Effect::Staff(StaffEffect::Save { id: Some(i), staff })] if *i == marked.id && !staff.active),
        "{saved:?}"
    );
}

#[test]
fn deactivating_someone_with_nothing_booked_saves_at_once() {
    let mut app = on_staff(Lang::En);
    let effects = deactivate_marked(&mut app);
    let [Effect::Staff(StaffEffect::LoadBookings { id, staff })] = &effects[..] else {
        panic!("{effects:?}")
    };
    let saved = app.receive(Msg::Staff(StaffMsg::BookingsLoaded(
        *id,
        staff.clone(),
        vec![],
    )));
    assert!(
        matches!(&saved[..], [Effect::Staff(StaffEffect::Save { .. })]),
        "{saved:?}"
    );
    assert!(app.question().is_none());
}

#[test]
fn a_visit_with_someone_no_longer_active_is_a_to_do_that_r_rebooks() {
    let visit = fixtures::today_data().visits[0].clone();
    let alerts = to_do_of(vec![], vec![("Anna Berg".into(), visit.clone())]);
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, AlertKind::StaffInactive);
    let detail = crate::i18n::alerts::detail(&alerts[0], "o");
    assert!(
        detail.sv.contains("inte längre aktiv: Anna Berg"),
        "{}",
        detail.sv
    );
    assert!(detail.en.contains("no longer active"));
    for lang in [Lang::Sv, Lang::En] {
        assert!(
            crate::i18n::labels::alert(AlertKind::StaffInactive)
                .get(lang)
                .chars()
                .count()
                <= 14,
            "fits Today's kind column"
        );
    }
    let mut app = app(Lang::Sv);
    app.receive(Msg::Today(TodayMsg::AlertsLoaded(alerts)));
    app.handle_key(Key::Tab);
    assert_eq!(
        app.today_view.rebook_target().map(|v| v.visit_id),
        Some(visit.visit_id)
    );
}

/// Booking by hand from a plan read at 09:00 on 23 November, with no window to mind.
fn manual_booking_now() -> App {
    let mut app = on_family_page(Protection::None);
    let mut plan = fixtures::booking_plan();
    plan.window = None;
    app.receive(Msg::ProposalsLoaded(Box::new(plan)));
    app.handle_key(Key::Char('m'));
    app
}

#[test]
fn booking_by_hand_in_the_past_needs_a_reason() {
    use super::planning::{error_at, set_field};
    let mut app = manual_booking_now();
    assert_eq!(error_at(&app, F::Reason), None, "tomorrow is fine");
    set_field(&mut app, F::Date, "2026-11-23");
    set_field(&mut app, F::Time, "08:00");
    assert_eq!(
        error_at(&app, F::Reason).unwrap(),
        "08:00 has already passed today; give a reason to book it anyway"
    );
    assert!(app.handle_key(Key::Enter).is_empty(), "not saved");
    set_field(&mut app, F::Date, "2026-11-19");
    assert_eq!(
        error_at(&app, F::Reason).unwrap(),
        "2026-11-19 is in the past; give a reason to book it anyway"
    );
    set_field(&mut app, F::Reason, "noted afterwards");
    assert_eq!(error_at(&app, F::Reason), None);
    let effects = app.handle_key(Key::Enter);
    assert!(
        matches!(&effects[..], [Effect::Visit(VisitEffect::Book(r))] if r.override_reason.as_deref() == Some("noted afterwards")),
        "{effects:?}"
    );
    // Later today is not the past.
    let mut app = manual_booking_now();
    set_field(&mut app, F::Date, "2026-11-23");
    set_field(&mut app, F::Time, "10:00");
    assert_eq!(error_at(&app, F::Reason), None);
}

#[test]
fn booking_by_hand_offers_everyone_in_the_plan_and_typing_narrows() {
    use super::planning::set_field;
    let mut app = on_family_page(Protection::None);
    let mut plan = fixtures::booking_plan();
    let mut more = plan.staff[0].clone();
    more.id = 11;
    more.name = "Beata Berg".into();
    plan.staff.push(more.clone());
    more.id = 12;
    more.name = "Cilla Lund".into();
    plan.staff.push(more);
    app.receive(Msg::ProposalsLoaded(Box::new(plan)));
    app.handle_key(Key::Char('m'));
    let options = |app: &App| match &app.form().unwrap().field(F::StaffInRole(0)).unwrap().kind {
        form::FieldKind::Choice(o) => o.len(),
        _ => 0,
    };
    assert_eq!(options(&app), 3, "every nurse in the plan");
    set_field(&mut app, F::StaffInRole(0), "bea");
    assert_eq!(app.form().unwrap().value(F::StaffInRole(0)), "11");
    app.handle_key(Key::Right);
    assert_eq!(
        app.form().unwrap().value(F::StaffInRole(0)),
        "11",
        "only Beata holds \"bea\""
    );
    app.handle_key(Key::Ctrl('u'));
    type_text(&mut app, "lund");
    assert_eq!(app.form().unwrap().value(F::StaffInRole(0)), "12");
    app.handle_key(Key::Ctrl('u'));
    app.handle_key(Key::Right);
    assert_eq!(
        app.form().unwrap().value(F::StaffInRole(0)),
        "1",
        "all again, in order"
    );
}

/// The proposals of the fixture's plan as a read names them: only the people they weigh.
fn weighed_plan() -> crate::app::booking::BookingPlan {
    let mut few = fixtures::booking_plan();
    few.people = crate::domain::booking::plan::People::Weighed;
    few
}

/// The fixture's plan with everyone who could go: one more nurse.
fn everyone_plan() -> crate::app::booking::BookingPlan {
    let mut everyone = fixtures::booking_plan();
    let mut more = everyone.staff[0].clone();
    more.id = 11;
    more.name = "Beata Berg".into();
    everyone.staff.push(more);
    everyone
}

fn nurses_offered(app: &App) -> usize {
    match &app.form().unwrap().field(F::StaffInRole(0)).unwrap().kind {
        form::FieldKind::Choice(o) => o.len(),
        _ => 0,
    }
}

#[test]
fn booking_by_hand_waits_for_everyone_read_behind_the_proposals_then_opens_at_the_marked_slot() {
    let mut app = on_family_page(Protection::None);
    assert_eq!(
        app.receive(Msg::ProposalsLoaded(Box::new(weighed_plan()))),
        vec![Effect::Visit(VisitEffect::ReadEveryone {
            family_id: 3,
            rebook: None
        })],
        "read in the background while the slots are looked at"
    );
    app.handle_key(Key::Char('j'));
    assert!(app.handle_key(Key::Char('m')).is_empty(), "asked for once");
    assert!(app.form().is_none(), "not before everyone is read");
    assert!(
        app.booking().is_some(),
        "the slots stay while they are read"
    );
    // The answer's own proposals are not the ones shown: the form starts from the slot marked.
    let mut everyone = everyone_plan();
    everyone.proposals.reverse();
    app.receive(Msg::EveryoneLoaded(Box::new(everyone)));
    assert!(app.booking().is_none());
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::ManualBooking);
    assert_eq!(
        (form.value(F::Date), form.value(F::Time)),
        ("2026-11-24", "13:00"),
        "the second slot, marked with j"
    );
    assert_eq!(nurses_offered(&app), 2, "everyone who could go");
}

#[test]
fn everyone_read_before_m_opens_booking_by_hand_at_once_and_keeps_the_slots_shown() {
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(weighed_plan())));
    let mut everyone = everyone_plan();
    everyone.proposals.reverse();
    app.receive(Msg::EveryoneLoaded(Box::new(everyone)));
    let shown = &app.booking().unwrap().plan;
    assert_eq!(shown.proposals, fixtures::booking_plan().proposals);
    assert!(
        app.handle_key(Key::Char('m')).is_empty(),
        "nothing more to read"
    );
    assert_eq!(nurses_offered(&app), 2);
    assert_eq!(
        app.form().unwrap().value(F::Time),
        "09:00",
        "the first slot"
    );
}

#[test]
fn everyone_read_for_other_proposals_or_for_a_list_closed_opens_nothing() {
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(weighed_plan())));
    let mut other = everyone_plan();
    other.family_id = 4;
    app.receive(Msg::EveryoneLoaded(Box::new(other)));
    assert_eq!(
        app.booking().unwrap().plan.people,
        crate::domain::booking::plan::People::Weighed,
        "another family's people are not these proposals'"
    );
    // `m`, then Esc: the proposals asked for again are a list, and the first list's answer,
    // coming now, opens no form over them.
    app.handle_key(Key::Char('m'));
    app.handle_key(Key::Esc);
    assert!(app.booking().is_none());
    app.receive(Msg::ProposalsLoaded(Box::new(weighed_plan())));
    app.receive(Msg::EveryoneLoaded(Box::new(everyone_plan())));
    assert!(app.form().is_none());
    assert!(app.booking().is_some());
}

#[test]
fn everyone_read_while_the_question_is_open_waits_in_the_list_for_m() {
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(weighed_plan())));
    app.handle_key(Key::Char('m'));
    // Enter asks before booking the marked slot: booking by hand is no longer waited for.
    app.handle_key(Key::Enter);
    assert!(app.question().is_some());
    app.receive(Msg::EveryoneLoaded(Box::new(everyone_plan())));
    assert!(app.form().is_none(), "not over the question");
    app.handle_key(Key::Char('n'));
    assert!(app.question().is_none());
    assert!(app.handle_key(Key::Char('m')).is_empty());
    assert_eq!(nurses_offered(&app), 2, "at once, with everyone");
}

#[test]
fn a_failed_read_of_everyone_ends_the_wait_and_m_asks_again() {
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(weighed_plan())));
    app.handle_key(Key::Char('m'));
    // Another read's failure is not this one's.
    app.receive(Msg::Failed(Text::new("Något annat", "Something else")));
    app.receive(Msg::EveryoneLoaded(Box::new(everyone_plan())));
    assert_eq!(nurses_offered(&app), 2, "still waited for");
    app.handle_key(Key::Esc);

    app.receive(Msg::ProposalsLoaded(Box::new(weighed_plan())));
    app.handle_key(Key::Char('m'));
    app.receive(Msg::EveryoneFailed {
        family_id: 3,
        rebook: None,
        text: Text::new("Kunde inte läsa", "Could not read"),
    });
    assert_eq!(app.message.as_ref().unwrap().en, "Could not read");
    assert!(app.form().is_none());
    assert_eq!(
        app.handle_key(Key::Char('m')),
        vec![Effect::Visit(VisitEffect::ReadEveryone {
            family_id: 3,
            rebook: None
        })]
    );
    app.receive(Msg::EveryoneLoaded(Box::new(everyone_plan())));
    assert_eq!(nurses_offered(&app), 2);
}

#[test]
fn a_caregiver_is_edited_with_the_checks_of_adding_and_removed_after_a_question() {
    use super::planning::set_field;
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('C'));
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::EditCaregiver(3));
    assert_eq!(form.value(F::CaregiverName), "Hodan Exempel");
    assert_eq!(form.value(F::CaregiverIdKind), "samordningsnummer");
    assert!(!form.dirty);
    // The second caregiver: the fields follow.
    app.handle_key(Key::Right);
    assert_eq!(app.form().unwrap().value(F::CaregiverName), "Abdi Exempel");
    assert_eq!(app.form().unwrap().value(F::CaregiverId), "");
    set_field(&mut app, F::CaregiverId, "19950402-1234");
    assert!(
        app.form()
            .unwrap()
            .field(F::CaregiverId)
            .unwrap()
            .error
            .is_some(),
        "a wrong check digit is refused as when adding"
    );
    set_field(&mut app, F::CaregiverId, "");
    set_field(&mut app, F::CaregiverName, "Abdi Exempelsson");
    let effects = app.handle_key(Key::Enter);
    assert!(
        matches!(&effects[..], [Effect::Family(FamilyEffect::UpdateCaregiver { family_id: 3, caregiver_id: 2, caregiver })]
            if caregiver.name == "Abdi Exempelsson"),
        "{effects:?}"
    );
    app.handle_key(Key::Ctrl('d'));
    assert!(matches!(
        app.question(),
        Some(Question::RemovePerson { name, .. }) if name == "Abdi Exempel"
    ));
    assert_eq!(
        app.handle_key(Key::Char('y')),
        vec![Effect::Family(FamilyEffect::RemoveCaregiver {
            family_id: 3,
            caregiver_id: 2
        })]
    );
}

#[test]
fn a_child_is_edited_and_removed_after_a_question() {
    use super::planning::set_field;
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('B'));
    assert_eq!(app.form().unwrap().kind, form::FormKind::EditChild(3));
    assert_eq!(app.form().unwrap().value(F::ChildName), "Ifrah Exempel");
    set_field(&mut app, F::ChildName, "Ifrah Exempelsdotter");
    let effects = app.handle_key(Key::Enter);
    assert!(
        matches!(&effects[..], [Effect::Family(FamilyEffect::UpdateChild { family_id: 3, child_id: 7, child })]
            if child.name == "Ifrah Exempelsdotter"),
        "{effects:?}"
    );
    app.handle_key(Key::Ctrl('d'));
    assert_eq!(
        app.handle_key(Key::Char('y')),
        vec![Effect::Family(FamilyEffect::RemoveChild {
            family_id: 3,
            child_id: 7
        })]
    );
}

#[test]
fn in_the_edit_form_a_protected_address_waits_for_r_which_is_logged() {
    let mut app = on_family_page(Protection::SkyddadFolkbokforing);
    app.handle_key(Key::Char('e'));
    let at = |app: &App, id: F| {
        app.form()
            .unwrap()
            .fields
            .iter()
            .position(|f| f.id == id)
            .unwrap()
    };
    let address = at(&app, F::Address);
    assert!(app.form().unwrap().fields[address].hidden);
    assert!(app.form().unwrap().fields[at(&app, F::Phone)].hidden);
    while app.form().unwrap().focus != address {
        app.handle_key(Key::Tab);
    }
    assert!(keys(&mut app, "x").is_empty());
    assert_eq!(
        app.form().unwrap().value(F::Address),
        "Hemliga vägen 1",
        "kept, not typed into"
    );
    assert_eq!(
        app.handle_key(Key::Char('r')),
        vec![Effect::Family(FamilyEffect::Reveal(3))]
    );
    app.receive(Msg::Family(FamilyMsg::Revealed(3)));
    assert!(!app.form().unwrap().fields[address].hidden);
    assert!(app.family.as_ref().unwrap().revealed, "the page too");
    // An unprotected family's form hides nothing.
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('e'));
    assert!(app.form().unwrap().fields.iter().all(|f| !f.hidden));
}

#[test]
fn saving_staff_reads_the_to_dos_again() {
    let mut app = on_staff(Lang::Sv);
    let after = app.receive(Msg::Saved(
        Text::new("Sparat", "Saved"),
        Changed::Staff,
        Some(1),
    ));
    assert!(
        after.contains(&Effect::Today(TodayEffect::LoadAlerts)),
        "{after:?}"
    );
}

#[test]
fn today_shows_twins_visit_as_one_row() {
    let mut visits = fixtures::today_data().visits;
    let mut twin = visits[0].clone();
    twin.visit_id = 500;
    twin.child_name = "Tvilling".into();
    visits.insert(1, twin);
    let data = today::today_data(fixtures::today(), visits.clone(), None);
    assert_eq!(data.visits.len(), visits.len() - 1);
    assert!(
        data.visits[0].child_name.ends_with(" & Tvilling"),
        "{}",
        data.visits[0].child_name
    );
    assert_eq!(data.visits[0].visit_id, visits[0].visit_id);
}

#[test]
fn esc_goes_back_where_a_family_was_opened_and_a_number_shows_its_screens_start() {
    use crate::app::today::Pane;
    let mut app = app(Lang::Sv);
    // Opened from Today's to-do: Esc returns to Today, focus still on the to-do.
    app.handle_key(Key::Tab);
    app.handle_key(Key::Enter);
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(
        fixtures::family_page(Protection::None),
    ))));
    assert_eq!(app.scopes()[0], keymap::Scope::FamilyPage);
    app.handle_key(Key::Esc);
    assert_eq!(app.screen, Screen::Today);
    assert!(app.family.is_none());
    assert_eq!(app.today_view.pane, Pane::Alerts);
    // Opened on Families: Esc shows the list, as before.
    app.handle_key(Key::Char('3'));
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(
        fixtures::family_page(Protection::None),
    ))));
    app.handle_key(Key::Esc);
    assert_eq!(app.screen, Screen::Families);
    // Today opens in one place, whatever had focus when it was left.
    app.handle_key(Key::Char('1'));
    assert_eq!(app.today_view.pane, Pane::Visits);
    app.handle_key(Key::Tab);
    app.handle_key(Key::Char('2'));
    app.handle_key(Key::Char('1'));
    assert_eq!(app.today_view.pane, Pane::Visits);
    // `4` on a series page shows the list of series, so what is typed next is not a command
    // on the page.
    app.handle_key(Key::Char('4'));
    app.receive(Msg::Groups(GroupsMsg::Loaded(Box::new(
        crate::app::group_fixtures::group_page(),
    ))));
    assert!(app.groups.page.is_some());
    app.handle_key(Key::Char('4'));
    assert!(app.groups.page.is_none());
}
