//! Today's to-do in the app: the alerts arriving after the first frame, one family's read
//! anew after it changed, and a past visit still only booked.

use super::*;

#[test]
fn alerts_arriving_later_fill_the_list_and_the_due_filter() {
    let mut app = App::new(Lang::Sv, fixtures::today(), vec![]);
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(
        fixtures::today_data(),
    ))));
    assert!(app.today_view.alerts.is_none());
    app.receive(Msg::Today(TodayMsg::AlertsLoaded(fixtures::alerts())));
    let kinds: Vec<_> = app.today_view.alert_list().iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            AlertKind::Overdue,
            AlertKind::DueUnbooked,
            AlertKind::InterpreterMissing,
            AlertKind::DoubleBooked
        ]
    );
    assert_eq!(
        app.today_view.due_by_family.get(&4),
        Some(&AlertKind::Overdue)
    );
    assert_eq!(
        app.today_view.due_by_family.get(&2),
        None,
        "a double booking is not a due visit"
    );
    // A reload of today's visits keeps the alerts already known.
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(
        fixtures::today_data(),
    ))));
    assert_eq!(app.today_view.alert_list().len(), 4);
}

/// A family protected a moment ago is not named in the double booking the to-do keeps of it
/// until the next whole read; the double bookings of a family that is gone go.
#[test]
fn a_family_just_protected_is_not_named_in_its_kept_double_booking() {
    use crate::domain::alerts::FamilyAlerts;
    let mut app = App::new(Lang::Sv, fixtures::today(), vec![]);
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(
        fixtures::today_data(),
    ))));
    app.receive(Msg::Today(TodayMsg::AlertsLoaded(fixtures::alerts())));
    // What the to-do's row calls the family of a kept double booking.
    let shown = |app: &App| -> Vec<String> {
        app.today_view
            .alert_list()
            .iter()
            .filter(|a| a.family_id == 2)
            .map(|a| crate::i18n::labels::shown_name(&a.family_name, a.protection).sv)
            .collect()
    };
    assert_eq!(shown(&app), ["Familjen Haddad"]);
    app.receive(Msg::Today(TodayMsg::FamilyAlertsLoaded(Box::new(
        FamilyAlerts {
            family_id: 2,
            family: Some(("Familjen Haddad".into(), Protection::Sekretessmarkering)),
            rows: vec![],
        },
    ))));
    let kept: Vec<_> = app
        .today_view
        .alert_list()
        .iter()
        .filter(|a| a.family_id == 2)
        .collect();
    assert_eq!(kept.len(), 1, "the double booking is kept");
    assert!(kept[0].protection.is_protected());
    assert_eq!(shown(&app), ["skyddad familj"]);
    app.receive(Msg::Today(TodayMsg::FamilyAlertsLoaded(Box::new(
        FamilyAlerts {
            family_id: 2,
            family: None,
            rows: vec![],
        },
    ))));
    assert!(app.today_view.alert_list().iter().all(|a| a.family_id != 2));
}

#[test]
fn a_past_visit_still_only_booked_asks_for_its_outcome() {
    let mut past = fixtures::today_data().visits[0].clone();
    past.start = fixtures::d(2026, 11, 20).and_hms_opt(10, 0, 0).unwrap();
    let alerts = to_do_of(vec![past], vec![]);
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].kind, AlertKind::NotRecorded);
    assert_eq!(
        crate::i18n::alerts::detail(&alerts[0], "o").en,
        "2026-11-20 10:00: record the outcome (o)"
    );
}
