//! Today at a register of many families: each day's count and a page of its visits, the next
//! page read as the mark moves near the edge of what is read.

use super::*;
use crate::app::today::{TodayData, TodayPage, TodayQuery};
use crate::app::week::PAGE;

/// 100 visits today and 7 on the next working day, as the runtime reads them.
const TODAY: usize = 100;
const NEXT: usize = 7;

fn visit(i: usize) -> crate::domain::views::DayVisit {
    let mut v = fixtures::today_data().visits[0].clone();
    let day = if i < TODAY {
        fixtures::today()
    } else {
        fixtures::d(2026, 11, 24)
    };
    let minutes = u32::try_from(i % TODAY).unwrap_or(0);
    v.start = day.and_hms_opt(7 + minutes / 60, minutes % 60, 0).unwrap();
    v.visit_id = 1000 + i64::try_from(i).unwrap();
    v.family_name = format!("Familjen {i}");
    v
}

fn page(query: TodayQuery) -> TodayPage {
    TodayPage {
        query,
        counts: vec![TODAY, NEXT],
        visits: (query.from..(query.from + PAGE).min(TODAY + NEXT))
            .map(visit)
            .collect(),
    }
}

fn on_big_today() -> App {
    let mut app = app(Lang::Sv);
    let first = page(TodayQuery {
        date: fixtures::today(),
        next_day: fixtures::d(2026, 11, 24),
        from: 0,
    });
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(TodayData {
        date: fixtures::today(),
        next_day: fixtures::d(2026, 11, 24),
        counts: first.counts.clone(),
        offset: 0,
        visits: first.visits,
        next_session: None,
        today_sessions: Vec::new(),
        unrecorded_sessions: Vec::new(),
    }))));
    app
}

/// Moves the mark down until a page is asked for; the query, and how far it went.
fn down_until_read(app: &mut App) -> Option<(TodayQuery, usize)> {
    for n in 1..=TODAY + NEXT {
        for effect in app.handle_key(Key::Char('j')) {
            if let Effect::Today(TodayEffect::LoadPage(q)) = effect {
                return Some((q, n));
            }
        }
    }
    None
}

#[test]
fn today_shows_the_first_page_and_reads_the_next_as_the_mark_moves_down() {
    let mut app = on_big_today();
    let view = &app.today_view;
    assert_eq!(view.total(), TODAY + NEXT, "the counts, not the rows read");
    assert_eq!(view.data.visits.len(), PAGE, "only the first page is read");
    assert_eq!(view.marked_visit().map(|v| v.visit_id), Some(1000));
    let (query, moved) = down_until_read(&mut app).expect("a page is asked for");
    assert!(
        moved < PAGE,
        "read before the mark leaves the page: {moved}"
    );
    assert!(query.from > 0 && query.from <= moved, "{query:?}");
    assert_eq!(app.today_view.visit_selected, moved);
    app.receive(Msg::Today(TodayMsg::PageLoaded(Box::new(page(query)))));
    assert_eq!(app.today_view.data.offset, query.from);
    assert_eq!(app.today_view.visit_selected, moved, "the mark stays");
    // On past the first page: the marked visit is the one read for its place.
    for _ in moved..PAGE + 5 {
        for effect in app.handle_key(Key::Char('j')) {
            if let Effect::Today(TodayEffect::LoadPage(q)) = effect {
                app.receive(Msg::Today(TodayMsg::PageLoaded(Box::new(page(q)))));
            }
        }
    }
    assert_eq!(app.today_view.visit_selected, PAGE + 5);
    assert_eq!(
        app.today_view.marked_visit().map(|v| v.visit_id),
        Some(1000 + i64::try_from(PAGE + 5).unwrap())
    );
    // The last row is the next working day's last visit.
    for effect in app.handle_key(Key::Char('G')) {
        if let Effect::Today(TodayEffect::LoadPage(q)) = effect {
            app.receive(Msg::Today(TodayMsg::PageLoaded(Box::new(page(q)))));
        }
    }
    assert_eq!(app.today_view.visit_selected, TODAY + NEXT - 1);
    assert_eq!(
        app.today_view.marked_visit().map(|v| v.start.date()),
        Some(fixtures::d(2026, 11, 24))
    );
}

#[test]
fn a_change_to_todays_visits_reads_the_page_on_screen_again_not_everything() {
    let mut app = on_big_today();
    let (query, _) = down_until_read(&mut app).expect("a page is asked for");
    app.receive(Msg::Today(TodayMsg::PageLoaded(Box::new(page(query)))));
    let effects = app.receive(Msg::Saved(
        Text::new("", ""),
        crate::domain::model::Changed::Visits {
            family_id: 1,
            days: [fixtures::today(), fixtures::today()],
        },
        None,
    ));
    assert!(
        effects.contains(&Effect::Today(TodayEffect::LoadPage(query))),
        "{effects:?}"
    );
    assert!(
        !effects.contains(&Effect::Today(TodayEffect::Load)),
        "{effects:?}"
    );
}

/// A message stands in the footer until the next key, and switching screens is such a key: the
/// next screen shows its own key hints, not the last screen's message.
#[test]
fn a_message_goes_when_another_screen_is_shown() {
    for key in ['2', '4', '/'] {
        let mut app = app(Lang::Sv);
        app.receive(Msg::Saved(
            Text::new("Utfallet är sparat.", "The outcome is recorded."),
            Changed::Visits {
                family_id: 1,
                days: [crate::app::fixtures::d(2026, 12, 7); 2],
            },
            None,
        ));
        assert!(app.message.is_some());
        app.handle_key(Key::Char(key));
        assert_eq!(app.message, None, "after {key}");
    }
}
