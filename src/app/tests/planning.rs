//! Booking, outcomes and the week, without a terminal.

use super::*;
use crate::app::week::{PAGE, WeekState};
use crate::domain::model::Changed;

fn plan() -> booking::BookingPlan {
    fixtures::booking_plan()
}

#[test]
fn booking_from_a_family_page_takes_a_proposal_after_one_confirmation() {
    let mut app = on_family_page(Protection::None);
    assert_eq!(
        app.handle_key(Key::Char('n')),
        vec![Effect::Visit(VisitEffect::LoadProposals {
            family_id: 3,
            rebook: None
        })]
    );
    app.receive(Msg::ProposalsLoaded(Box::new(plan())));
    assert!(app.booking().is_some());
    assert_eq!(
        app.scopes(),
        vec![keymap::Scope::Booking, keymap::Scope::List]
    );
    app.handle_key(Key::Char('j'));
    assert!(app.handle_key(Key::Enter).is_empty(), "asks first");
    let effects = app.handle_key(Key::Char('y'));
    let [Effect::Visit(VisitEffect::Book(request))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        request.candidate.start,
        fixtures::d(2026, 11, 24).and_hms_opt(13, 0, 0).unwrap()
    );
    assert_eq!((request.child_id, request.visit_no), (7, Some(3)));
    let day = fixtures::d(2026, 11, 24);
    app.receive(Msg::Saved(
        Text::new("Bokat", "Booked"),
        Changed::Visits {
            family_id: 1,
            days: [day, day],
        },
        Some(5),
    ));
    assert!(app.booking().is_none());
}

#[test]
fn no_proposals_opens_booking_by_hand_and_esc_closes_the_list() {
    let mut app = on_family_page(Protection::None);
    let mut empty = plan();
    empty.proposals.clear();
    app.receive(Msg::ProposalsLoaded(Box::new(empty)));
    assert!(app.booking().is_none());
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::ManualBooking);
    assert!(
        form.error
            .as_ref()
            .unwrap()
            .sv
            .contains("Inga lediga tider")
    );
    app.handle_key(Key::Esc);
    assert!(app.form().is_none());
    app.receive(Msg::ProposalsLoaded(Box::new(plan())));
    app.handle_key(Key::Esc);
    assert!(app.booking().is_none());
    assert!(app.family.is_some(), "Esc closes only the list");
}

#[test]
fn recording_an_outcome_says_who_came_and_what_was_covered() {
    use crate::domain::enums::{Theme, VisitStatus};
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('o'));
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::Outcome(11));
    let ids: Vec<F> = form.fields.iter().map(|f| f.id).collect();
    assert_eq!(
        ids,
        [
            F::Outcome,
            F::Attended(0),
            F::Attended(1),
            F::FamilyPresent,
            F::Themes,
            F::Referrals,
            F::Reason
        ]
    );
    app.handle_key(Key::Tab);
    app.handle_key(Key::Tab);
    app.handle_key(Key::Right); // Bo did not come
    app.handle_key(Key::Tab);
    // Both caregivers were there: the second of "–", one, both, with the other parent.
    app.handle_key(Key::Right);
    app.handle_key(Key::Right);
    app.handle_key(Key::Tab);
    // Feeding and sleep, the second and third options of the checklist.
    app.handle_key(Key::Right);
    app.handle_key(Key::Char(' '));
    app.handle_key(Key::Right);
    app.handle_key(Key::Char(' '));
    let effects = app.handle_key(Key::Enter);
    let [Effect::Visit(VisitEffect::SetOutcome(outcome))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(outcome.status, VisitStatus::Done);
    assert_eq!(outcome.attended, vec![(1, true), (2, false)]);
    assert_eq!(outcome.themes, vec![Theme::Feeding, Theme::Sleep]);
    assert_eq!(
        outcome.family_present,
        Some(crate::domain::enums::FamilyPresent::BothCaregivers)
    );
}

#[test]
fn a_cancellation_needs_a_reason() {
    use crate::domain::enums::VisitStatus;
    let mut app = app(Lang::En);
    app.handle_key(Key::Char('o'));
    app.handle_key(Key::Right); // cancelled by the family
    assert!(app.handle_key(Key::Enter).is_empty());
    let form = app.form().unwrap();
    assert_eq!(
        form.field(F::Reason).unwrap().error.as_ref().unwrap().en,
        "say why the visit was cancelled"
    );
    assert_eq!(form.fields[form.focus].id, F::Reason);
    type_text(&mut app, "sick child");
    let effects = app.handle_key(Key::Enter);
    let [Effect::Visit(VisitEffect::SetOutcome(outcome))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(outcome.status, VisitStatus::CancelledFamily);
    assert_eq!(outcome.reason.as_deref(), Some("sick child"));
    assert!(outcome.attended.iter().all(|(_, came)| !came));
}

#[test]
fn rebooking_moves_a_planned_visit() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Down);
    assert_eq!(
        app.handle_key(Key::Char('r')),
        vec![Effect::Visit(VisitEffect::LoadProposals {
            family_id: 2,
            rebook: Some(12)
        })]
    );
    app.handle_key(Key::Tab);
    assert!(
        app.handle_key(Key::Char('r')).is_empty(),
        "rebooking works on the visits pane"
    );
}

fn week_app() -> App {
    let mut app = app(Lang::Sv);
    let effects = app.handle_key(Key::Char('2'));
    let week = crate::domain::calendar::IsoWeek::of(fixtures::today());
    assert_eq!(
        effects,
        vec![Effect::Week(WeekEffect::Load(everyone(week)))]
    );
    app.receive(fixtures::week_loaded(fixtures::today_data().visits));
    app
}

/// Everyone's week, from the first visit of each day (Monday marked).
fn everyone(week: crate::domain::calendar::IsoWeek) -> crate::app::week::WeekQuery {
    crate::app::week::WeekQuery {
        week,
        staff: None,
        day: 0,
        from: 0,
    }
}

#[test]
fn the_week_opens_on_today_moves_by_day_and_week_and_filters_by_person() {
    let mut app = week_app();
    assert_eq!(app.week.day, 0, "23 November 2026 is a Monday");
    assert_eq!(app.week.marked().map(|v| v.visit_id), Some(11));
    app.handle_key(Key::Char('j'));
    assert_eq!(app.week.marked().map(|v| v.visit_id), Some(12));
    app.handle_key(Key::Right);
    assert_eq!(app.week.marked().map(|v| v.visit_id), Some(13));
    assert_eq!(
        app.week.days(),
        [0, 1, 2, 3, 4],
        "no weekend column without weekend bookings"
    );
    // s, then part of a name: that person's week, read for that person.
    assert_eq!(
        app.handle_key(Key::Char('s')),
        vec![Effect::Staff(StaffEffect::LoadRoster)]
    );
    assert_eq!(app.scopes(), vec![keymap::Scope::PickStaff]);
    app.receive(Msg::Staff(StaffMsg::RosterLoaded(fixtures::staff())));
    keys(&mut app, "bo r");
    let picked = WeekState::pick_matches(app.staff_pick().unwrap(), &app.roster.list);
    assert_eq!(picked.len(), 1);
    let read = app.handle_key(Key::Enter);
    let bo = picked[0].0;
    assert_eq!(
        app.week.staff.as_ref().map(|s| s.1.as_str()),
        Some("Bo Rådgivare")
    );
    let week48 = crate::domain::calendar::IsoWeek {
        year: 2026,
        week: 48,
    };
    assert_eq!(
        read,
        vec![Effect::Week(WeekEffect::Load(
            crate::app::week::WeekQuery {
                staff: Some(bo),
                day: 1,
                ..everyone(week48)
            }
        ))]
    );
    // s and Enter with nothing typed: everyone again.
    app.handle_key(Key::Char('s'));
    app.handle_key(Key::Enter);
    assert!(app.week.staff.is_none(), "back to everyone");
    let next = app.handle_key(Key::Char(']'));
    assert_eq!(
        next,
        vec![Effect::Week(WeekEffect::Load(everyone(
            crate::domain::calendar::IsoWeek {
                year: 2026,
                week: 49
            }
        )))]
    );
    assert!(!app.week.loaded);
    assert_eq!(
        app.handle_key(Key::Char('t')),
        vec![Effect::Week(WeekEffect::Load(everyone(week48)))]
    );
}

#[test]
fn the_picker_offers_every_active_person_not_only_those_with_visits_this_week() {
    let mut app = week_app();
    app.handle_key(Key::Char('s'));
    let mut staff = fixtures::staff();
    let newcomer = staff.iter().map(|s| s.id).max().unwrap_or(0) + 1;
    staff.push(crate::domain::model::Staff {
        id: newcomer,
        data: crate::domain::model::NewStaff {
            name: "Ny Sjuksköterska".into(),
            active: true,
            ..staff[0].data.clone()
        },
    });
    staff.push(crate::domain::model::Staff {
        id: newcomer + 1,
        data: crate::domain::model::NewStaff {
            name: "Slutat Sjuksköterska".into(),
            active: false,
            ..staff[0].data.clone()
        },
    });
    app.receive(Msg::Staff(StaffMsg::RosterLoaded(staff)));
    keys(&mut app, "sjuksköt");
    let picked = WeekState::pick_matches(app.staff_pick().unwrap(), &app.roster.list);
    let names: Vec<&str> = picked.iter().map(|p| p.1.as_str()).collect();
    assert!(names.contains(&"Ny Sjuksköterska"), "{names:?}");
    assert!(!names.contains(&"Slutat Sjuksköterska"), "{names:?}");
}

#[test]
fn a_long_day_is_read_a_page_at_a_time_as_the_marked_visit_moves() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('2'));
    let week = crate::domain::calendar::IsoWeek::of(fixtures::today());
    let template = fixtures::today_data().visits[0].clone();
    let page: Vec<_> = (0..PAGE as i64)
        .map(|i| crate::domain::views::DayVisit {
            visit_id: 1000 + i,
            ..template.clone()
        })
        .collect();
    let mut data = fixtures::week_data(week, page);
    data.counts[0] = 500;
    app.receive(Msg::Week(WeekMsg::Loaded(Box::new(data))));
    // Moving within the page reads nothing; nearing its end reads the part around the mark.
    assert!(app.handle_key(Key::Down).is_empty());
    let mut read = Vec::new();
    for _ in 0..PAGE {
        read = app.handle_key(Key::Down);
        if !read.is_empty() {
            break;
        }
    }
    let [Effect::Week(WeekEffect::LoadDay(q))] = read.as_slice() else {
        panic!("{read:?}");
    };
    assert_eq!(q.day, 0);
    assert!(q.from > 0 && q.from <= app.week.selected, "{q:?}");
    // Until it answers, the marked visit is the one the mark is on, or none.
    app.receive(Msg::Week(WeekMsg::DayLoaded(
        *q,
        crate::app::week::DayPage {
            offset: q.from,
            visits: (0..PAGE as i64)
                .map(|i| crate::domain::views::DayVisit {
                    visit_id: 5000 + i,
                    ..template.clone()
                })
                .collect(),
        },
    )));
    let expected = 5000 + (app.week.selected - q.from) as i64;
    assert_eq!(app.week.marked().map(|v| v.visit_id), Some(expected));
    // End jumps to the last visit of the day, which is read then.
    let end = app.handle_key(Key::End);
    assert!(
        matches!(end.as_slice(), [Effect::Week(WeekEffect::LoadDay(q))] if q.from > 400),
        "{end:?}"
    );
}

#[test]
fn from_the_week_enter_opens_the_family_and_o_records_the_outcome() {
    let mut app = week_app();
    app.handle_key(Key::Char('o'));
    assert_eq!(
        app.form().map(|f| f.kind),
        Some(form::FormKind::Outcome(11))
    );
    app.handle_key(Key::Esc);
    let effects = app.handle_key(Key::Enter);
    assert_eq!(effects.last(), Some(&Effect::Family(FamilyEffect::Load(1))));
    assert_eq!(app.screen, Screen::Families);
    // A visit changed in the week on screen reloads that week; one elsewhere does not.
    let week = crate::domain::calendar::IsoWeek {
        year: 2026,
        week: 48,
    };
    let in_week = fixtures::d(2026, 11, 25);
    let after = app.receive(Msg::Saved(
        Text::new("Sparat", "Saved"),
        Changed::Visits {
            family_id: 1,
            days: [in_week, in_week],
        },
        None,
    ));
    assert!(
        after.contains(&Effect::Week(WeekEffect::Load(everyone(week)))),
        "{after:?}"
    );
    let later = fixtures::d(2027, 1, 20);
    let after = app.receive(Msg::Saved(
        Text::new("Sparat", "Saved"),
        Changed::Visits {
            family_id: 1,
            days: [later, later],
        },
        None,
    ));
    assert!(
        !after.contains(&Effect::Week(WeekEffect::Load(everyone(week)))),
        "{after:?}"
    );
}

#[test]
fn a_change_to_one_family_reloads_that_family_only() {
    let mut app = week_app();
    let after = app.receive(Msg::Saved(
        Text::new("Sparat", "Saved"),
        Changed::Family(1),
        Some(1),
    ));
    assert!(
        after.contains(&Effect::Family(FamilyEffect::Refresh(1))),
        "{after:?}"
    );
    assert!(
        after.contains(&Effect::Today(TodayEffect::LoadFamilyAlerts(1))),
        "{after:?}"
    );
    // Neither every family's alerts, nor the whole index, nor the week.
    assert!(
        !after.iter().any(|e| matches!(
            e,
            Effect::Today(TodayEffect::LoadAlerts) | Effect::Week(WeekEffect::Load(_))
        )),
        "{after:?}"
    );
}

/// Opens booking by hand from the marked proposal and sets a field's text.
fn manual_booking() -> App {
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(plan())));
    app.handle_key(Key::Char('m'));
    app
}

pub(super) fn set_field(app: &mut App, id: F, text: &str) {
    let target = app
        .form()
        .unwrap()
        .fields
        .iter()
        .position(|f| f.id == id)
        .unwrap();
    while app.form().unwrap().focus != target {
        app.handle_key(Key::Tab);
    }
    app.handle_key(Key::Ctrl('u'));
    type_text(app, text);
}

pub(super) fn error_at(app: &App, id: F) -> Option<String> {
    app.form()
        .unwrap()
        .field(id)
        .unwrap()
        .error
        .as_ref()
        .map(|e| e.en.clone())
}

#[test]
fn booking_by_hand_explains_each_conflict_next_to_its_cause() {
    let mut app = manual_booking();
    let form = app.form().unwrap();
    assert_eq!(
        (form.value(F::Date), form.value(F::Time)),
        ("2026-11-24", "09:00"),
        "from the marked proposal"
    );
    // The window of the fixture closed on 1 November: a reason is needed.
    assert!(
        error_at(&app, F::Reason)
            .unwrap()
            .contains("outside the visit's window")
    );
    set_field(&mut app, F::Reason, "the family was away");
    assert_eq!(error_at(&app, F::Reason), None);
    // Anna is booked on Wednesday 25 November at 10:00.
    set_field(&mut app, F::Date, "2026-11-25");
    set_field(&mut app, F::Time, "10:30");
    assert_eq!(
        error_at(&app, F::StaffInRole(0)).unwrap(),
        "Anna Sköterska is already booked then (Familjen Åberg 2026-11-25 10:00)"
    );
    // Bo does not work on Wednesdays.
    assert_eq!(
        error_at(&app, F::StaffInRole(1)).unwrap(),
        "Bo Rådgivare does not work on Wednesdays"
    );
    assert!(
        app.handle_key(Key::Enter).is_empty(),
        "not saved with conflicts"
    );
    // A holiday is allowed with a reason, like a time outside the window.
    set_field(&mut app, F::Date, "2026-12-24");
    assert_eq!(error_at(&app, F::Date), None, "the reason given covers it");
    set_field(&mut app, F::Reason, "");
    assert_eq!(
        error_at(&app, F::Date).unwrap(),
        "Julafton is a day off in practice (not a public holiday by law); give a reason to book it anyway"
    );
    set_field(&mut app, F::Reason, "the family was away");
    set_field(&mut app, F::Date, "2026-11-26");
    set_field(&mut app, F::Time, "9.30");
    assert!(error_at(&app, F::Time).unwrap().contains("HH:MM"));
    set_field(&mut app, F::Time, "09:30");
    let effects = app.handle_key(Key::Enter);
    let [Effect::Visit(VisitEffect::Book(request))] = effects.as_slice() else {
        panic!(
            "{effects:?} {:?}",
            app.form().map(|f| f
                .fields
                .iter()
                .map(|f| (f.id, f.error.clone()))
                .collect::<Vec<_>>())
        );
    };
    assert_eq!(
        request.candidate.start,
        fixtures::d(2026, 11, 26).and_hms_opt(9, 30, 0).unwrap()
    );
    assert_eq!(
        request.override_reason.as_deref(),
        Some("the family was away")
    );
    assert!(request.candidate.interpreter_external);
}

#[test]
fn booking_on_a_day_in_the_week_picks_the_family_then_opens_the_form_on_that_day() {
    let mut app = week_app();
    app.handle_key(Key::Right); // Tuesday 24 November
    app.handle_key(Key::Char('n'));
    assert_eq!(app.screen, Screen::Families);
    assert!(app.families.searching);
    assert_eq!(app.book_on, Some(fixtures::d(2026, 11, 24)));
    let mut db = super::served::fixtures_db();
    let asked = app.families.load();
    super::served::serve(&mut app, &mut db, vec![asked]);
    super::served::type_in(&mut app, &mut db, "skyddad");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .en
            .contains("Book on 2026-11-24"),
        "the prompt stays while typing"
    );
    let effects = app.handle_key(Key::Enter);
    assert_eq!(
        effects,
        vec![
            Effect::Family(FamilyEffect::Load(3)),
            Effect::Visit(VisitEffect::PlanByHand {
                family_id: 3,
                rebook: None
            })
        ]
    );
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::ManualBooking);
    assert_eq!(
        (form.value(F::Date), form.value(F::Time)),
        ("2026-11-24", "09:00"),
        "that day's proposal"
    );
    assert!(app.book_on.is_none());
}

#[test]
fn esc_while_picking_a_family_for_a_day_cancels_it() {
    let mut app = week_app();
    app.handle_key(Key::Char('n'));
    app.handle_key(Key::Esc);
    assert!(app.book_on.is_none());
    assert!(app.message.is_none());
    app.receive(fixtures::families_loaded());
    app.handle_key(Key::Enter);
    assert!(app.form().is_none(), "an ordinary open, no booking");
}

#[test]
fn after_a_visit_took_place_r_books_the_familys_next_visit() {
    let mut app = app(Lang::Sv);
    app.today_view.data.visits[1].status = crate::domain::enums::VisitStatus::Done;
    app.handle_key(Key::Down);
    assert_eq!(
        app.handle_key(Key::Char('r')),
        vec![Effect::Visit(VisitEffect::LoadProposals {
            family_id: 2,
            rebook: None
        })],
        "nothing to move: proposals for what the family needs next"
    );
}

/// The modal in front has the keys and `Esc` closes it first; what is under it waits.
#[test]
fn the_modal_stack_gives_keys_to_its_top_and_esc_closes_from_the_front() {
    use keymap::Scope;
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(plan())));
    app.handle_key(Key::Char('?'));
    assert_eq!(app.scopes(), vec![Scope::Help]);
    assert_eq!(app.scopes_under_help(), vec![Scope::Booking, Scope::List]);
    app.handle_key(Key::Esc);
    assert!(matches!(app.top(), Some(Modal::Booking(_))));
    app.handle_key(Key::Enter);
    assert!(matches!(
        app.top(),
        Some(Modal::Question(Question::Book(_)))
    ));
    assert_eq!(app.modals().len(), 2, "the question is asked over the list");
    app.handle_key(Key::Char('n'));
    assert!(matches!(app.top(), Some(Modal::Booking(_))));
    app.handle_key(Key::Char('m'));
    assert!(app.booking().is_none(), "by hand replaces the list");
    type_text(&mut app, "x");
    app.handle_key(Key::Esc);
    assert!(app.has_unsaved_input(), "found under the question");
    app.handle_key(Key::Char('y'));
    assert!(app.modals().is_empty());
    assert_eq!(
        app.scopes(),
        vec![Scope::FamilyPage, Scope::List, Scope::Global]
    );
}

#[test]
fn a_renamed_family_is_found_by_its_new_name_in_its_new_place() {
    let mut db = super::served::fixtures_db();
    let mut app = app(Lang::Sv);
    super::served::key(&mut app, &mut db, Key::Char('3'));
    // The mark on Åberg, fourth in name order (the protected family stands after the names).
    for _ in 0..3 {
        super::served::key(&mut app, &mut db, Key::Down);
    }
    assert_eq!(app.families.selected_id(), Some(1));
    db.write(|tx| {
        let mut f = crate::db::tests::sample_family("2026-001");
        f.facts.display_name = "Familjen Zetterlund".into();
        f.facts.protection = Protection::None;
        tx.update_family(1, &f, crate::db::tests::now())
    })
    .unwrap();
    let after = app.receive(Msg::Saved(
        Text::new("Sparat", "Saved"),
        Changed::Family(1),
        Some(1),
    ));
    super::served::serve(&mut app, &mut db, after);
    assert_eq!(
        super::served::shown(&app),
        [
            "Familjen Haddad",
            "Familjen Nowak",
            "Familjen Warsame",
            "Familjen Zetterlund",
            "Familjen Öberg",
            "Familjen Skyddad"
        ],
        "in its new place in name order, the protected family after the names"
    );
    assert_eq!(app.families.selected_id(), Some(1), "the mark stays on it");
    super::served::key(&mut app, &mut db, Key::Char('/'));
    super::served::type_in(&mut app, &mut db, "zetter");
    assert_eq!(app.families.selected_id(), Some(1));
    super::served::key(&mut app, &mut db, Key::Ctrl('u'));
    super::served::type_in(&mut app, &mut db, "aberg");
    assert_eq!(app.families.count, 0, "the old name is gone");
}

#[test]
fn leaving_with_cancelled_visits_reloads_the_week_that_shows_them() {
    let mut app = week_app();
    let after = app.receive(Msg::Saved(
        Text::new("Sparat", "Saved"),
        Changed::FamilyVisits(1),
        Some(1),
    ));
    assert!(
        after.contains(&Effect::Family(FamilyEffect::Refresh(1))),
        "{after:?}"
    );
    assert!(
        after.contains(&Effect::Today(TodayEffect::LoadAlerts)),
        "{after:?}"
    );
    assert!(
        after
            .iter()
            .any(|e| matches!(e, Effect::Week(WeekEffect::Load(_)))),
        "{after:?}"
    );
}

/// `r` then `m` on Today moves the visit by hand from the visit as booked (its day, time,
/// length, people and interpreter), not from the first proposal: changing the day alone keeps
/// the rest.
#[test]
fn rebooking_by_hand_starts_from_the_visit_as_booked() {
    use crate::domain::booking::{Assigned, Candidate};
    use crate::domain::enums::Role;
    let mut app = app(Lang::En);
    if !app.offers(&Intent::Rebook) {
        app.handle_key(Key::Tab);
    }
    let visit = app.today_view.rebook_target().cloned().unwrap();
    assert_eq!(
        app.handle_key(Key::Char('r')),
        vec![Effect::Visit(VisitEffect::LoadProposals {
            family_id: visit.family_id,
            rebook: Some(visit.visit_id),
        })]
    );
    let mut plan = plan();
    plan.window = None;
    plan.rebooking = Some(visit.visit_id);
    let mut nurse = plan.staff[0].clone();
    nurse.id = 11;
    nurse.name = "Linnea Ek".into();
    plan.staff.push(nurse);
    let mut interpreter = plan.staff[2].clone();
    interpreter.id = 13;
    interpreter.name = "Sahra Tolk".into();
    interpreter.languages = vec!["somaliska".into()];
    plan.staff.push(interpreter);
    let booked_at = fixtures::d(2026, 11, 26).and_hms_opt(10, 30, 0).unwrap();
    plan.booked = Some(Candidate {
        start: booked_at,
        duration_min: 45,
        staff: vec![
            Assigned {
                role: Role::Nurse,
                staff_id: 11,
            },
            Assigned {
                role: Role::ParentAdvisor,
                staff_id: 2,
            },
        ],
        interpreter_staff: Some(13),
        interpreter_external: false,
    });
    app.receive(Msg::ProposalsLoaded(Box::new(plan)));
    assert!(app.booking().is_some(), "the proposals come first");
    app.handle_key(Key::Char('m'));
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::ManualBooking);
    let values: Vec<&str> = [
        F::Date,
        F::Time,
        F::Duration,
        F::StaffInRole(0),
        F::StaffInRole(1),
        F::Interpreter,
    ]
    .iter()
    .map(|f| form.value(*f))
    .collect();
    assert_eq!(values, ["2026-11-26", "10:30", "45", "11", "2", "13"]);
    // Only the day changes: the time, the people and the interpreter stay as booked.
    set_field(&mut app, F::Date, "2026-11-30");
    let effects = app.handle_key(Key::Enter);
    let [Effect::Visit(VisitEffect::Book(request))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(request.rebooking, Some(visit.visit_id));
    assert_eq!(
        request.candidate.start,
        fixtures::d(2026, 11, 30).and_hms_opt(10, 30, 0).unwrap()
    );
    assert_eq!(request.candidate.duration_min, 45);
    assert_eq!(request.candidate.interpreter_staff, Some(13));
    assert!(
        request
            .candidate
            .staff
            .iter()
            .any(|a| a.role == Role::Nurse && a.staff_id == 11)
    );
}
