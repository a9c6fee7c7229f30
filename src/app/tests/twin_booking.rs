//! Booking by hand beside a twin's booked visit: at the twins' time it is their one trip, not a
//! clash, as the save sees it.

use super::planning::{error_at, set_field};
use super::*;

fn plan() -> booking::BookingPlan {
    fixtures::booking_plan()
}

/// The plan with the twin's visit 98 booked with Anna on Tuesday 24 November 09:00–10:00.
fn plan_with_twin(moves_along: bool) -> booking::BookingPlan {
    use crate::domain::booking::{BookedFor, Booking, Busy, plan::TwinVisit};
    let mut plan = plan();
    let start = fixtures::at(fixtures::d(2026, 11, 24), 9, 0);
    plan.busy.push(Busy {
        staff_id: 1,
        booking: Booking::Visit(98),
        start,
        end: fixtures::at(fixtures::d(2026, 11, 24), 10, 0),
        whose: BookedFor::ProtectedFamily,
        area: None,
    });
    plan.twins = vec![TwinVisit {
        visit_id: 98,
        start,
        moves_along,
    }];
    plan
}

fn manual_booking_of(plan: booking::BookingPlan) -> App {
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(plan)));
    app.handle_key(Key::Char('m'));
    set_field(&mut app, F::Reason, "the family was away");
    app
}

#[test]
fn booking_by_hand_at_a_twins_time_joins_its_trip_and_any_other_time_clashes() {
    let mut app = manual_booking_of(plan_with_twin(false));
    // At the twin's time, with the same nurse: the twins' one trip, as the save sees it.
    set_field(&mut app, F::Time, "09:00");
    assert_eq!(error_at(&app, F::StaffInRole(0)), None);
    // Half an hour later the nurse would be at two visits at once.
    set_field(&mut app, F::Time, "09:30");
    assert!(
        error_at(&app, F::StaffInRole(0))
            .is_some_and(|e| e.contains("Anna Sköterska is already booked then")),
        "{:?}",
        error_at(&app, F::StaffInRole(0))
    );
    assert!(app.handle_key(Key::Enter).is_empty(), "not saved");
    set_field(&mut app, F::Time, "09:00");
    let effects = app.handle_key(Key::Enter);
    assert!(
        matches!(effects.as_slice(), [Effect::Visit(VisitEffect::Book(_))]),
        "{effects:?}"
    );
}

#[test]
fn moving_a_twins_visit_by_hand_moves_the_other_twins_along_without_a_clash() {
    let mut plan = plan_with_twin(true);
    plan.rebooking = Some(97);
    let mut app = manual_booking_of(plan);
    // The twin's visit moves with this one: its old time is no clash at a new one.
    set_field(&mut app, F::Time, "09:30");
    assert_eq!(error_at(&app, F::StaffInRole(0)), None);
}
