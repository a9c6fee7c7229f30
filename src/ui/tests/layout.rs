//! Layout under pressure: small terminals, every screen at any size, the staff list's
//! columns, the damaged-database banner.
use crate::app::Msg;

use super::*;

#[test]
fn a_small_terminal_gets_a_notice_not_a_broken_layout() {
    let app = app(Lang::Sv);
    let small = draw(&app, 60, 20);
    assert!(
        small.contains("för litet") && small.contains("60×20"),
        "{small}"
    );
    assert!(!small.contains("Besök idag"));
    assert!(
        draw(&app, 80, 24).contains("Besök idag"),
        "recovers at 80×24"
    );
}

/// Every screen, overlay and form at every odd size: drawing never panics, whatever the terminal.
#[test]
fn every_screen_draws_at_any_size() {
    let mut states: Vec<App> = Vec::new();
    states.push(app(Lang::Sv));
    states.push(families(Lang::En));
    states.push(family_page(Protection::SkyddadFolkbokforing));
    let mut week = app(Lang::Sv);
    week.handle_key(Key::Char('2'));
    week.receive(fixtures::week_loaded(fixtures::today_data().visits));
    states.push(week);
    let mut staff = app(Lang::En);
    let effects = staff.handle_key(Key::Char('5'));
    crate::app::staff_fixtures::serve_staff(&mut staff, effects);
    states.push(staff);
    let mut booking = family_page(Protection::None);
    booking.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    states.push(booking);
    let mut manual = family_page(Protection::None);
    manual.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    manual.handle_key(Key::Char('m'));
    states.push(manual);
    let mut form = families(Lang::Sv);
    form.handle_key(Key::Char('n'));
    form.handle_key(Key::Enter);
    states.push(form);
    let mut help = app(Lang::Sv);
    help.handle_key(Key::Char('?'));
    states.push(help);
    let mut question = family_page(Protection::None);
    question.handle_key(Key::Char('p'));
    states.push(question);
    for state in &states {
        for (w, h) in [
            (1, 1),
            (2, 3),
            (10, 5),
            (40, 12),
            (79, 23),
            (80, 24),
            (81, 25),
            (97, 31),
            (200, 60),
            (300, 100),
        ] {
            let screen = draw(state, w, h);
            assert_eq!(screen.split('\n').count(), h as usize);
        }
    }
}

#[test]
fn the_staff_list_shows_every_working_day_the_id_and_whole_roles() {
    for lang in [Lang::Sv, Lang::En] {
        let mut app = app(lang);
        let effects = app.handle_key(Key::Char('5'));
        crate::app::staff_fixtures::serve_staff(&mut app, effects);
        let (days, role) = match lang {
            Lang::Sv => ("mån ons–fre", "BVC-sjuksköterska"),
            Lang::En => ("Mon Wed–Fri", "child health nurse"),
        };
        for width in [80, 120] {
            let screen = draw(&app, width, 24);
            assert!(screen.contains(days), "{width}:\n{screen}");
            assert!(screen.contains(role), "{width}:\n{screen}");
        }
        let wide = draw(&app, 120, 24);
        let header = wide.lines().nth(1).unwrap_or_default();
        assert!(
            header.starts_with("Id ")
                && header.ends_with(match lang {
                    Lang::Sv => "Aktiv",
                    Lang::En => "Active",
                }),
            "{header}"
        );
        assert!(
            wide.contains("tandsköterska/tandhygienist") || lang == Lang::En,
            "{wide}"
        );
    }
}

#[test]
fn the_staff_search_line_shows_what_is_typed_and_how_many_match() {
    let mut app = app(Lang::Sv);
    let effects = app.handle_key(Key::Char('5'));
    crate::app::staff_fixtures::serve_staff(&mut app, effects);
    app.handle_key(Key::Char('/'));
    for c in "tolk".chars() {
        let effects = app.handle_key(Key::Char(c));
        crate::app::staff_fixtures::serve_staff(&mut app, effects);
    }
    both_sizes("staff_search_sv", &app);
}

#[test]
fn a_damaged_database_shows_a_banner_on_every_screen() {
    let mut app = app(Lang::Sv);
    app.receive(Msg::IntegrityChecked(false));
    for key in ['1', '2', '3', '5'] {
        app.handle_key(Key::Char(key));
        let screen = draw(&app, 80, 24);
        assert!(screen.contains("Databasen är skadad"), "{screen}");
    }
    let mut english = fixtures::app(Lang::En);
    english.receive(Msg::IntegrityChecked(false));
    assert!(draw(&english, 80, 24).contains("The database is damaged"));
    english.receive(Msg::IntegrityChecked(true));
    assert!(!draw(&english, 80, 24).contains("damaged"));
}
