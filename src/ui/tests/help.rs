//! Help: what it lists, and that it is read whole at 80×24.
use crate::app::Msg;

use super::{draw, family_page};
use crate::app::fixtures::{self, app};
use crate::app::{App, Key, Lang};
use crate::domain::enums::Protection;

/// The keys of forms, with the editing keys of their fields, are in `?` on every screen: in a
/// form, letters are text, so no help opens there.
#[test]
fn help_lists_the_form_and_editing_keys_under_forms() {
    for (lang, heading, rows) in [
        (
            Lang::Sv,
            "Formulär",
            [
                ("Ctrl-U", "töm fältet"),
                ("a–ö", "ersätter ett ifyllt fält"),
                ("Tab/↓", "nästa fält"),
            ],
        ),
        (
            Lang::En,
            "Forms",
            [
                ("Ctrl-U", "clear the field"),
                ("a–ö", "replaces a filled-in field"),
                ("Enter/Ctrl-S", "save"),
            ],
        ),
    ] {
        let mut app = app(lang);
        app.handle_key(Key::Char('?'));
        let screen = draw(&app, 120, 40);
        assert!(screen.contains(heading), "{screen}");
        for (keys, words) in rows {
            assert!(
                screen
                    .lines()
                    .any(|l| l.contains(&format!(" {keys} ")) && l.contains(words)),
                "{keys} {words}:\n{screen}"
            );
        }
    }
}

#[test]
fn help_over_the_booking_list_shows_what_keys_do_there() {
    let mut app = app(Lang::En);
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    app.handle_key(Key::Char('?'));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("book the marked slot"), "{screen}");
    assert!(screen.contains("book by hand"), "{screen}");
    assert!(
        !screen.contains("Enter       open"),
        "Enter books here:\n{screen}"
    );
    assert!(
        !screen.contains("Everywhere"),
        "screen keys do not work here:\n{screen}"
    );
    app.handle_key(Key::Esc);
    assert!(!app.help_open());
    assert!(
        app.booking().is_some(),
        "closing help returns to the booking list"
    );
}

/// At 80×24 no description in help loses its end: the longest rows go on under themselves,
/// so every word of every row is on screen, over each screen the help is read from, in both
/// languages.
#[test]
fn help_at_80_columns_shows_every_description_whole() {
    let mut over: Vec<(String, App)> = Vec::new();
    for lang in [Lang::Sv, Lang::En] {
        over.push((format!("Today {lang:?}"), app(lang)));
        let mut page = family_page(Protection::None);
        page.lang = lang;
        over.push((format!("family page {lang:?}"), page));
        let mut booking = app(lang);
        booking.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
        over.push((format!("booking {lang:?}"), booking));
        for screen in ['2', '3', '4', '5', '6'] {
            let mut app = app(lang);
            app.handle_key(Key::Char(screen));
            over.push((format!("screen {screen} {lang:?}"), app));
        }
    }
    for (name, mut app) in over {
        app.handle_key(Key::Char('?'));
        assert!(app.help_open(), "{name}");
        let screen = draw(&app, 80, 24);
        for description in crate::ui::widgets::help::descriptions(&app) {
            for word in description.split_whitespace() {
                assert!(
                    screen
                        .split(|c: char| c.is_whitespace() || c == '│')
                        .any(|w| w == word),
                    "{name}: {word:?} of {description:?} is cut:\n{screen}"
                );
            }
        }
    }
}
