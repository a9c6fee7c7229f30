//! Every screen drawn from fixtures at 80×24 and 120×40, compared with reviewed snapshots.
use crate::app::{FamiliesMsg, FamilyMsg, Msg, TodayMsg, WeekMsg};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{Theme, render};
use crate::app::fixtures::{self, app};
use crate::app::{App, Key, Lang};
use crate::domain::enums::Protection;

mod groups;
mod help;
mod layout;
mod report;
mod text;

/// The screen as text, one line per row, trailing spaces trimmed for readable snapshots.
fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| render(app, f, Theme { color: false }))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            let line: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn both_sizes(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), draw(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), draw(app, 120, 40));
}

fn families(lang: Lang) -> App {
    let mut app = app(lang);
    app.handle_key(Key::Char('3'));
    app.receive(fixtures::families_loaded());
    app
}

fn family_page(protection: Protection) -> App {
    let mut app = families(Lang::Sv);
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(
        fixtures::family_page(protection),
    ))));
    app
}

#[test]
fn today_in_swedish() {
    both_sizes("today_sv", &app(Lang::Sv));
}

#[test]
fn today_marks_the_visits_whose_outcome_is_recorded() {
    let mut app = app(Lang::En);
    app.today_view.data.visits[0].status = crate::domain::enums::VisitStatus::Done;
    app.today_view.data.visits[1].status = crate::domain::enums::VisitStatus::NoShow;
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("today 09:00 ✓"), "{screen}");
    assert!(screen.contains("today 13:00 !"), "{screen}");
}

#[test]
fn today_in_english_with_the_alerts_pane_focused() {
    let mut app = app(Lang::En);
    app.handle_key(Key::Tab);
    app.handle_key(Key::Down);
    both_sizes("today_en_alerts", &app);
}

/// Two protected families' rows on Today, a visit and the to-do's, are told apart by their
/// references, which stay whole at 80 columns; neither is named.
#[test]
fn protected_families_on_today_are_told_apart_by_their_references() {
    for lang in [Lang::Sv, Lang::En] {
        let mut app = app(lang);
        let mut alerts = fixtures::alerts();
        for (a, family_id) in alerts.iter_mut().zip([3, 7]) {
            a.family_id = family_id;
            a.family_ref = format!("D1-{family_id:05}");
            a.protection = Protection::SkyddadFolkbokforing;
        }
        app.receive(Msg::Today(TodayMsg::AlertsLoaded(alerts)));
        let screen = draw(&app, 80, 24);
        for reference in ["D1-00003", "D1-00007"] {
            assert!(
                screen.contains(reference),
                "{lang:?} {reference}:\n{screen}"
            );
        }
        assert_eq!(
            screen.matches("D1-00003").count(),
            2,
            "the visit and the alert:\n{screen}"
        );
        assert!(
            !screen.contains("Warsame") && !screen.contains("Öberg"),
            "{screen}"
        );
    }
}

#[test]
fn families_list() {
    both_sizes("families_sv", &families(Lang::Sv));
}

/// At 80 columns the widest status, with the overdue mark before it, is read whole.
#[test]
fn a_declined_family_with_an_overdue_visit_reads_whole_in_the_list() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('3'));
    let Msg::Families(FamiliesMsg::Loaded(mut loaded)) = fixtures::families_loaded() else {
        panic!("the fixture loads the list");
    };
    for row in &mut loaded.1.rows {
        row.status = crate::domain::enums::FamilyStatus::Declined;
    }
    app.receive(Msg::Families(FamiliesMsg::Loaded(loaded)));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("!tackat nej"), "{screen}");
}

#[test]
fn families_searching_with_a_filter() {
    use crate::app::served;
    let mut db = served::fixtures_db();
    let mut app = app(Lang::En);
    served::key(&mut app, &mut db, Key::Char('3'));
    served::key(&mut app, &mut db, Key::Char('a'));
    served::key(&mut app, &mut db, Key::Char('/'));
    served::type_in(&mut app, &mut db, "berg");
    both_sizes("families_en_search", &app);
}

#[test]
fn a_protected_family_hides_address_and_phone_until_revealed() {
    let mut app = family_page(Protection::SkyddadFolkbokforing);
    let hidden = draw(&app, 80, 24);
    assert!(!hidden.contains("Hemliga vägen") && !hidden.contains("070-174 06 99"));
    both_sizes("family_protected", &app);
    app.receive(Msg::Family(FamilyMsg::Revealed(3)));
    let shown = draw(&app, 80, 24);
    assert!(shown.contains("Hemliga vägen 1") && shown.contains("070-174 06 99"));
    insta::assert_snapshot!("family_revealed_80x24", shown);
}

#[test]
fn the_edit_form_hides_a_protected_address_until_r() {
    let mut app = family_page(Protection::SkyddadFolkbokforing);
    app.handle_key(Key::Char('e'));
    let hidden = draw(&app, 80, 24);
    assert!(
        !hidden.contains("Hemliga vägen") && !hidden.contains("070-174 06 99"),
        "{hidden}"
    );
    assert!(hidden.contains("dold (skyddad)"), "{hidden}");
    insta::assert_snapshot!("edit_protected_80x24", hidden);
    app.receive(Msg::Family(FamilyMsg::Revealed(3)));
    let shown = draw(&app, 80, 24);
    assert!(shown.contains("Hemliga vägen 1"), "{shown}");
}

#[test]
fn family_page_in_english_shows_the_timeline() {
    let mut app = family_page(Protection::None);
    app.lang = Lang::En;
    both_sizes("family_en", &app);
}

#[test]
fn a_paused_family_page_says_since_when() {
    let mut app = families(Lang::Sv);
    let mut page = fixtures::family_page(Protection::None);
    page.detail.facts.status = crate::domain::enums::FamilyStatus::Paused;
    page.detail.paused_on = Some(fixtures::d(2026, 9, 1));
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(page))));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("vilande sedan 2026-09-01"), "{screen}");
    app.lang = Lang::En;
    assert!(draw(&app, 80, 24).contains("paused since 2026-09-01"));
}

#[test]
fn staff_roster() {
    let mut app = app(Lang::Sv);
    let effects = app.handle_key(Key::Char('5'));
    crate::app::staff_fixtures::serve_staff(&mut app, effects);
    both_sizes("staff_sv", &app);
}

#[test]
fn help_lists_the_keys_of_the_screen() {
    let mut app = family_page(Protection::None);
    app.handle_key(Key::Char('?'));
    both_sizes("help_family_sv", &app);
    let mut today = fixtures::app(Lang::En);
    today.handle_key(Key::Char('?'));
    both_sizes("help_today_en", &today);
}

#[test]
fn a_new_family_form_with_a_mistake() {
    let mut app = families(Lang::Sv);
    app.handle_key(Key::Char('n'));
    for c in "2026-060".chars() {
        app.handle_key(Key::Char(c));
    }
    // To the caregiver's ID number, past the ID kind.
    for _ in 0..14 {
        app.handle_key(Key::Tab);
    }
    for c in "201313-1234".chars() {
        app.handle_key(Key::Char(c));
    }
    both_sizes("form_new_family_sv", &app);
}

#[test]
fn over_today_the_booking_list_names_each_key_once() {
    let mut app = app(Lang::Sv);
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    let screen = draw(&app, 120, 40);
    let footer = screen.lines().last().unwrap_or_default();
    assert!(footer.contains("Enter boka markerad tid"), "{footer}");
    assert_eq!(footer.matches("Enter").count(), 1, "{footer}");
}

#[test]
fn proposed_slots_to_book() {
    let mut app = family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    app.handle_key(Key::Down);
    both_sizes("booking_sv", &app);
    app.handle_key(Key::Enter);
    insta::assert_snapshot!("booking_confirm_80x24", draw(&app, 80, 24));
}

#[test]
fn booking_by_hand_shows_conflicts_at_their_fields() {
    let mut app = family_page(Protection::None);
    app.lang = Lang::En;
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    app.handle_key(Key::Char('m'));
    for _ in 0..10 {
        app.handle_key(Key::Backspace);
    }
    for c in "2026-11-25".chars() {
        app.handle_key(Key::Char(c));
    }
    app.handle_key(Key::Tab);
    app.handle_key(Key::Ctrl('u'));
    for c in "10:30".chars() {
        app.handle_key(Key::Char(c));
    }
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("Anna Sköterska is already booked then"),
        "{screen}"
    );
    both_sizes("booking_manual_en", &app);
}

/// The week of the fixtures' visits with Tuesday's visit marked: its whole line below the grid.
fn week_on_tuesday(lang: Lang) -> App {
    let mut app = app(lang);
    app.handle_key(Key::Char('2'));
    app.receive(fixtures::week_loaded(fixtures::today_data().visits));
    app.handle_key(Key::Right);
    app
}

#[test]
fn the_week_with_a_marked_visit() {
    let app = week_on_tuesday(Lang::Sv);
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("skyddad familj") && !screen.contains("Skyddad"),
        "a protected family is not named"
    );
    both_sizes("week_sv", &app);
}

/// A visit's interpreter language is named in the interface's language, as the lists name it:
/// the register keeps "somaliska", the English week says Somali.
#[test]
fn the_weeks_interpreter_language_is_named_in_english_in_english() {
    let app = week_on_tuesday(Lang::En);
    let screen = draw(&app, 120, 40);
    assert!(
        screen.contains("Interpreter: Somali") && !screen.contains("somaliska"),
        "{screen}"
    );
}

/// A session stands among the day's visits in time order, named as far as the column allows,
/// and marked it shows in full below the grid with the key to its roll call.
#[test]
fn a_days_group_session_is_listed_among_its_visits_in_time_order() {
    let week_with_session = |lang| {
        let mut app = app(lang);
        app.handle_key(Key::Char('2'));
        app.receive(Msg::Week(WeekMsg::Loaded(Box::new(
            fixtures::week_with_session(),
        ))));
        app.handle_key(Key::Down);
        app
    };
    let app = week_with_session(Lang::Sv);
    both_sizes("week_session_sv", &app);
    let screen = draw(&app, 120, 40);
    let at = |text: &str| {
        screen
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {screen}"))
    };
    assert!(at("09:00 Åberg") < at("◆11:00 Östra hamnen t"));
    assert!(at("◆11:00 Östra hamnen t") < at("13:00 Haddad"));
    assert!(
        screen.contains("Föräldragrupp Östra hamnen torsdagar"),
        "in full below"
    );
    let screen = draw(&week_with_session(Lang::En), 80, 24);
    assert!(
        screen.contains("Enter: the session's roll call"),
        "{screen}"
    );
    assert!(screen.contains("group session, 120 min"), "{screen}");
}

#[test]
fn without_colour_the_marked_day_has_a_thick_frame_and_a_reversed_title() {
    let app = week_on_tuesday(Lang::Sv);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| render(&app, f, Theme { color: false }))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    let text = draw(&app, 80, 24);
    // Tuesday is marked: only its frame is thick.
    assert_eq!(text.matches('┏').count(), 1, "{text}");
    let row = text.lines().position(|l| l.contains(" tis ")).unwrap();
    let col = text
        .lines()
        .nth(row)
        .unwrap()
        .chars()
        .position(|c| c == 't')
        .unwrap();
    let cell = &buffer[(u16::try_from(col).unwrap(), u16::try_from(row).unwrap())];
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "the title is reversed: {cell:?}"
    );
}

#[test]
fn a_status_change_asks_its_day_then_about_the_booked_visits() {
    let mut app = family_page(Protection::None);
    app.handle_key(Key::Char('p'));
    insta::assert_snapshot!("status_form_80x24", draw(&app, 80, 24));
    app.handle_key(Key::Enter);
    insta::assert_snapshot!("question_status_80x24", draw(&app, 80, 24));
    // In English the question and its footer name `y`: `j` answers only in Swedish.
    app.lang = Lang::En;
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("y cancels them, n keeps"), "{screen}");
    assert!(
        screen.lines().last().is_some_and(|l| l.contains("y yes")),
        "{screen}"
    );
}

#[test]
fn the_outcome_form_ticks_themes_in_swedish() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('o'));
    for _ in 0..4 {
        app.handle_key(Key::Tab);
    }
    app.handle_key(Key::Right);
    app.handle_key(Key::Char(' '));
    app.handle_key(Key::Right);
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("[x] mat och amning"), "{screen}");
    assert!(!screen.contains("child_development"), "{screen}");
    both_sizes("outcome_sv", &app);
    let mut en = fixtures::app(Lang::En);
    en.handle_key(Key::Char('o'));
    let screen = draw(&en, 80, 24);
    assert!(screen.contains("Referred to"), "{screen}");
}

#[test]
fn today_shows_the_outcome_mark_of_tomorrows_visits() {
    let mut app = app(Lang::En);
    app.today_view.data.visits[2].status = crate::domain::enums::VisitStatus::CancelledFamily;
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&app, w, h);
        assert!(screen.contains("tomorrow 10:00 ✗"), "{screen}");
    }
}

#[test]
fn on_a_friday_today_lists_mondays_visits_by_their_weekday() {
    let mut app = app(Lang::Sv);
    let friday = fixtures::d(2026, 12, 4);
    let mut visits = fixtures::today_data().visits;
    for (v, day) in visits.iter_mut().zip([4, 4, 7]) {
        v.start = fixtures::d(2026, 12, day).and_time(v.start.time());
    }
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(
        crate::app::today::today_data(friday, visits, fixtures::today_data().next_session),
    ))));
    let screen = draw(&app, 80, 24);
    assert!(
        screen.contains("nästa arbetsdag: mån 2026-12-07"),
        "{screen}"
    );
    assert!(screen.contains("mån 10:00"), "{screen}");
    both_sizes("today_friday_sv", &app);
}

#[test]
fn the_footer_offers_only_the_keys_that_work_on_the_marked_todo_row() {
    let mut app = app(Lang::En);
    app.handle_key(Key::Tab);
    let footer = |app: &App| {
        draw(app, 120, 40)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    // "Closes soon": a programme visit not booked.
    let first = footer(&app);
    assert!(first.contains("n book the visit"), "{first}");
    assert!(
        !first.contains("record outcome") && !first.contains("rebook"),
        "{first}"
    );
    app.handle_key(Key::Char('j'));
    app.handle_key(Key::Char('j'));
    // "No interpreter": the fixture's row carries no visit, so nothing but opening works.
    let third = footer(&app);
    assert!(
        !third.contains("book the visit") && !third.contains("record outcome"),
        "{third}"
    );
}

#[test]
fn a_family_whose_names_retention_removed_is_called_so_not_left_blank() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('3'));
    let Msg::Families(FamiliesMsg::Loaded(mut answer)) = fixtures::families_loaded() else {
        unreachable!()
    };
    answer.1.rows[0].display_name.clear();
    let reference = answer.1.rows[0].family_ref.clone();
    app.receive(Msg::Families(FamiliesMsg::Loaded(answer)));
    let screen = draw(&app, 80, 24);
    let line = screen
        .lines()
        .find(|l| l.contains(&reference))
        .unwrap_or_default();
    assert!(line.contains("(gallrad familj)"), "{screen}");
    let mut page = fixtures::family_page(Protection::None);
    page.detail.facts.display_name.clear();
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(page))));
    assert!(draw(&app, 80, 24).contains("(gallrad familj)"));
}

/// Today with only a part of a long list read: the marked row, counted from the list's first,
/// is drawn from the part.
#[test]
fn today_draws_the_marked_row_of_a_part_read_further_down() {
    let mut app = app(Lang::Sv);
    let template = fixtures::today_data().visits[0].clone();
    let visits: Vec<_> = (60..120)
        .map(|i| {
            let mut v = template.clone();
            v.visit_id = 1000 + i;
            v.family_name = format!("Familjen {i}");
            v
        })
        .collect();
    let mut data = fixtures::today_data();
    data.counts = vec![150, 0];
    data.offset = 60;
    data.visits = visits;
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(data))));
    app.today_view.visit_selected = 85;
    app.today_view.set(app.today_view.data.clone());
    let screen = draw(&app, 100, 30);
    assert!(screen.contains("Familjen 85"), "{screen}");
    assert!(
        !screen.contains("Familjen 86"),
        "the marked row is the last drawn: {screen}"
    );
    assert!(
        screen.contains("Familjen 75") && !screen.contains("Familjen 74"),
        "{screen}"
    );
    assert_eq!(
        app.today_view.marked_visit().map(|v| v.visit_id),
        Some(1085)
    );
}
