//! Texts as drawn: long ones wrap, problems sit under their field, names and numbers read
//! right in each language.
use crate::app::Msg;

use super::*;

/// Whether every word of `text` is on the screen, in order, whatever lines it wraps over.
fn shows_whole(screen: &str, text: &str) -> bool {
    let flat: String = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = flat.split_whitespace().collect();
    let wanted: Vec<&str> = text.split_whitespace().collect();
    words.windows(wanted.len()).any(|w| w == wanted.as_slice())
}

/// The words of the question drawn over the screen, its lines joined.
fn question(screen: &str) -> String {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let Some((top, left)) = lines.iter().enumerate().find_map(|(i, l)| {
        let text: String = l.iter().collect();
        let at = text.find("┌ Fråga").or_else(|| text.find("┌ Question"))?;
        Some((i, text[..at].chars().count()))
    }) else {
        return String::new();
    };
    let right = (left + 1..lines[top].len())
        .find(|c| lines[top][*c] == '┐')
        .unwrap_or(lines[top].len());
    let mut words = Vec::new();
    for line in &lines[top + 1..] {
        if line.get(left) == Some(&'└') {
            break;
        }
        let inside: String = line
            .get(left + 1..right)
            .unwrap_or_default()
            .iter()
            .collect();
        words.extend(inside.split_whitespace().map(str::to_string));
    }
    words.join(" ")
}

#[test]
fn long_texts_wrap_at_80_columns_instead_of_being_cut() {
    // The form's error, e.g. a refused outcome.
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('o'));
    let refusal = "Utfallet kan inte sparas: besöket har ändrats i ett annat fönster sedan formuläret öppnades; stäng och öppna det igen.";
    app.receive(Msg::Failed(crate::app::Text::new(refusal, refusal)));
    assert!(
        shows_whole(&draw(&app, 80, 24), refusal),
        "{}",
        draw(&app, 80, 24)
    );
    // A broken config file, said on the first screen.
    let mut app = fixtures::app(Lang::En);
    let notice = "config.toml line 3: warning_days = \"sju\" is not a number; write a whole number of days, e.g. warning_days = 7. The defaults are used.";
    app.message = Some(crate::app::Text::new(notice, notice));
    assert!(
        shows_whole(&draw(&app, 80, 24), notice),
        "{}",
        draw(&app, 80, 24)
    );
    // The parent-group line.
    let today = draw(&fixtures::app(Lang::Sv), 80, 24);
    assert!(
        shows_whole(&today, "Familjecentralen Ängen (6 familjer)"),
        "{today}"
    );
    // The filter line, with a programme's long name.
    let mut app = families(Lang::Sv);
    app.handle_key(Key::Char('p'));
    app.handle_key(Key::Char('s'));
    let screen = draw(&app, 80, 24);
    assert!(
        shows_whole(&screen, "Status: erbjuden · Besök: alla"),
        "{screen}"
    );
    assert!(
        shows_whole(&screen, "Utökade hembesök (Göteborg)"),
        "{screen}"
    );
    // A booking question naming three people.
    let mut app = family_page(Protection::None);
    let mut plan = fixtures::booking_plan();
    plan.proposals[0].people = vec![
        (
            crate::domain::enums::Role::Nurse,
            "Annika Sjuksköterskesson".into(),
        ),
        (
            crate::domain::enums::Role::ParentAdvisor,
            "Bo Föräldrarådgivarsson".into(),
        ),
        (
            crate::domain::enums::Role::FamilyTherapist,
            "Cecilia Familjebehandlarsdotter".into(),
        ),
    ];
    app.receive(Msg::ProposalsLoaded(Box::new(plan)));
    app.handle_key(Key::Enter);
    let screen = draw(&app, 80, 24);
    assert!(
        question(&screen).starts_with(
            "Boka 2026-11-24 09:00 – Annika Sjuksköterskesson, Bo Föräldrarådgivarsson, \
             Cecilia Familjebehandlarsdotter · tolk på somaliska: extern?"
        ),
        "{screen}"
    );
}

/// The booking question names the interpreter the family needs: the language, and who
/// interprets, or that no one is booked yet; a family without one gets no interpreter words.
#[test]
fn the_booking_question_names_the_interpreter() {
    use crate::domain::views::InterpreterBooked;
    let asked = |lang: Lang, interpreter: Option<InterpreterBooked>, language: Option<&str>| {
        let mut app = family_page(Protection::None);
        app.lang = lang;
        let mut plan = fixtures::booking_plan();
        plan.proposals[0].interpreter = interpreter;
        plan.interpreter_language = language.map(str::to_string);
        app.receive(Msg::ProposalsLoaded(Box::new(plan)));
        app.handle_key(Key::Enter);
        draw(&app, 80, 24)
    };
    let halima = || Some(InterpreterBooked::Staff("Halima Hassan".into()));
    for (screen, wanted) in [
        (
            asked(
                Lang::Sv,
                Some(InterpreterBooked::External),
                Some("somaliska"),
            ),
            "Boka 2026-11-24 09:00 – Anna Sköterska, Bo Rådgivare · tolk på somaliska: extern?",
        ),
        (
            asked(Lang::En, halima(), Some("somaliska")),
            "Book 2026-11-24 09:00 – Anna Sköterska, Bo Rådgivare · Somali interpreter: Halima Hassan?",
        ),
        (
            asked(Lang::En, None, Some("arabiska")),
            "Book 2026-11-24 09:00 – Anna Sköterska, Bo Rådgivare · Arabic interpreter: none booked yet?",
        ),
        (
            asked(Lang::Sv, None, None),
            "Boka 2026-11-24 09:00 – Anna Sköterska, Bo Rådgivare?",
        ),
    ] {
        assert!(question(&screen).starts_with(wanted), "{wanted}\n{screen}");
    }
}

#[test]
fn the_twins_trip_is_marked_among_the_proposals() {
    for (lang, words) in [(Lang::Sv, "tvillingens besök"), (Lang::En, "twin's visit")] {
        let mut app = family_page(Protection::None);
        app.lang = lang;
        let mut plan = fixtures::booking_plan();
        plan.proposals[0].twin_trip = true;
        app.receive(Msg::ProposalsLoaded(Box::new(plan)));
        let screen = draw(&app, 120, 40);
        let line = screen
            .lines()
            .find(|l| l.contains("2026-11-24 09:00"))
            .unwrap_or_else(|| panic!("{screen}"));
        assert!(line.contains(words), "{screen}");
        assert_eq!(screen.matches(words).count(), 1, "{screen}");
    }
}

#[test]
fn a_problem_under_a_field_wraps_under_its_value_not_to_column_0() {
    let mut app = family_page(Protection::None);
    app.lang = Lang::En;
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    app.handle_key(Key::Char('m'));
    let screen = draw(&app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("⚠ outside the visit's window"))
        .unwrap_or_else(|| panic!("{screen}"));
    let next = lines[at + 1];
    assert!(next.starts_with("│                      "), "{screen}");
}

#[test]
fn programmes_show_by_name_and_english_shows_no_swedish_terms() {
    let mut en = family_page(Protection::None);
    en.lang = Lang::En;
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&en, w, h);
        for raw in ["goteborg", "samverkan", "(mamma)", "somaliska"] {
            assert!(!screen.contains(raw), "{raw} at {w}:\n{screen}");
        }
        assert!(
            screen.contains("Extended home visits (Gothenburg)"),
            "{screen}"
        );
    }
    let mut list = families(Lang::Sv);
    list.handle_key(Key::Char('p'));
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(&list, w, h);
        assert!(!screen.contains("goteborg"), "{screen}");
        assert!(
            screen.contains("Program: Utökade hembesök (Göteborg)"),
            "{screen}"
        );
    }
    let mut form = families(Lang::Sv);
    form.handle_key(Key::Char('n'));
    form.handle_key(Key::Tab);
    form.handle_key(Key::Tab);
    let screen = draw(&form, 80, 24);
    assert!(!screen.contains("‹ rinkeby ›"), "{screen}");
    assert!(screen.contains("Rinkebymodellen"), "{screen}");
}

#[test]
fn one_is_singular_in_english() {
    let mut page = family_page(Protection::None);
    page.lang = Lang::En;
    if let Some(p) = page.family.as_mut() {
        p.data.timelines[0].extra_visits = 1;
    }
    let screen = draw(&page, 120, 40);
    assert!(
        screen.contains("+ 1 extra visit") && !screen.contains("1 extra visits"),
        "{screen}"
    );
    let mut today = app(Lang::En);
    if let Some(n) = today.today_view.data.next_session.as_mut() {
        n.members = 1;
    }
    let screen = draw(&today, 120, 40);
    assert!(screen.contains("(1 family)"), "{screen}");
}

/// Where a text needs more rows than it gets at 80×24 (Today's group line, a message in the
/// footer, a roll call's title), the cut shows as `…` rather than words lost without a sign.
#[test]
fn text_cut_at_80_columns_ends_in_an_ellipsis() {
    let mut today = app(Lang::Sv);
    let next = today.today_view.data.next_session.clone().unwrap();
    today.today_view.data.unrecorded_sessions = vec![crate::domain::views::SessionInfo {
        group_name: "Föräldragrupp Västerhöjden och Kyrkbyn tillsammans 4".into(),
        ..next.clone()
    }];
    if let Some(n) = today.today_view.data.next_session.as_mut() {
        n.group_name = "Föräldragrupp Västerhöjden och Kyrkbyn tillsammans 4".into();
        n.place = Some("Familjecentralen Ängen, stora samlingsrummet en trappa upp".into());
    }
    let screen = draw(&today, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let group = lines[lines.len() - 2];
    assert!(group.trim_end().ends_with('…'), "{screen}");
    today.message = Some(crate::i18n::Text::new(
        "ord ".repeat(80),
        "word ".repeat(80),
    ));
    let screen = draw(&today, 80, 24);
    let last = screen.lines().last().unwrap_or_default();
    assert!(last.trim_end().ends_with('…'), "{screen}");
    let mut call = crate::app::group_fixtures::roll_call();
    call.group_name = "Föräldragrupp Västerhöjden och Kyrkbyn tillsammans 4".into();
    let mut app = app(Lang::En);
    app.handle_key(Key::Char('4'));
    app.receive(Msg::Groups(crate::app::GroupsMsg::RollCallLoaded(
        Box::new(call),
    )));
    let screen = draw(&app, 80, 24);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("┌ Roll call · Föräldragrupp Västerhöjden") && l.contains("…┐")),
        "{screen}"
    );
}
