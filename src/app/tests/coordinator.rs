//! What a coordinator hit in the first week (issue 8): the staff search, searching again,
//! the outcome checklist, Today's rows and keys, the proposal list.

use super::*;
use chrono::Datelike;

use crate::app::staff_fixtures::on_staff;

fn names(app: &App) -> Vec<&str> {
    app.staff.rows().map(|(_, s)| s.name.as_str()).collect()
}

/// Typed text on the Staff screen, each read it asks for answered.
fn staff_keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        let effects = app.handle_key(Key::Char(c));
        crate::app::staff_fixtures::serve_staff(app, effects);
    }
}

/// A key on the Staff screen, its reads answered.
fn staff_key(app: &mut App, key: Key) {
    let effects = app.handle_key(key);
    crate::app::staff_fixtures::serve_staff(app, effects);
}

#[test]
fn slash_on_the_staff_screen_narrows_the_roster_by_name_or_id() {
    let mut app = on_staff(Lang::Sv);
    assert!(app.handle_key(Key::Char('/')).is_empty());
    assert_eq!(
        app.screen,
        Screen::Staff,
        "the staff search, not the families'"
    );
    assert!(app.staff.searching);
    staff_keys(&mut app, "rådg");
    assert_eq!(names(&app), ["Bo Rådgivare"]);
    staff_key(&mut app, Key::Ctrl('u'));
    staff_keys(&mut app, "arab");
    assert_eq!(
        names(&app),
        ["Dalia Tolk"],
        "an interpreter by language: {:?}",
        app.staff.query.value()
    );
    staff_key(&mut app, Key::Ctrl('u'));
    staff_keys(&mut app, "tolk");
    assert_eq!(names(&app), ["Dalia Tolk"], "by role");
    // Letters are text while searching: `n` and `e` do not open forms.
    staff_key(&mut app, Key::Ctrl('u'));
    staff_keys(&mut app, "ne");
    assert!(app.form().is_none());
    staff_key(&mut app, Key::Ctrl('u'));
    staff_keys(&mut app, "4");
    assert_eq!(names(&app), ["Elsa Tandvård"], "an id finds its person");
    app.handle_key(Key::Enter);
    assert!(!app.staff.searching);
    assert!(
        matches!(
            app.form().map(|f| f.kind),
            Some(form::FormKind::EditStaff(4))
        ),
        "Enter edits the person found"
    );
    assert_eq!(
        app.form().map(|f| f.title.sv.as_str()),
        Some("Ändra Elsa Tandvård (id 4)"),
        "the id calendar --staff takes"
    );
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('/'));
    app.handle_key(Key::Esc);
    assert!(!app.staff.searching);
    assert_eq!(names(&app), ["Elsa Tandvård"], "the list stays narrowed");
}

#[test]
fn searching_again_replaces_the_old_text_instead_of_appending() {
    let (mut app, mut db) = served(Lang::Sv);
    app.handle_key(Key::Char('/'));
    served::type_in(&mut app, &mut db, "aberg");
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('/'));
    assert!(app.families.query.selected, "the old text is selected");
    served::type_in(&mut app, &mut db, "haddad");
    assert_eq!(app.families.query.value(), "haddad");
    assert_eq!(app.families.selected_id(), Some(2));
    // The same on the staff screen.
    let mut app = on_staff(Lang::En);
    app.handle_key(Key::Char('/'));
    staff_keys(&mut app, "anna");
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('/'));
    staff_keys(&mut app, "bo");
    assert_eq!(app.staff.query.value(), "bo");
    assert_eq!(names(&app), ["Bo Rådgivare"]);
}

/// Tabs to the field `id` of the open form.
fn focus(app: &mut App, id: F) {
    for _ in 0..20 {
        if app.form().and_then(|f| f.fields.get(f.focus)).map(|f| f.id) == Some(id) {
            return;
        }
        app.handle_key(Key::Tab);
    }
    panic!("no field {id:?}");
}

#[test]
fn themes_and_referrals_are_ticked_in_a_checklist_not_typed_as_codes() {
    use crate::domain::enums::{Referral, Theme};
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('o'));
    focus(&mut app, F::Themes);
    // A letter jumps to the next theme starting with it and ticks nothing; Space ticks the
    // marked option.
    let marked = |app: &App| app.form().map(|f| f.fields[f.focus].choice);
    keys(&mut app, "s");
    assert_eq!(marked(&app), Some(2), "sömn");
    keys(&mut app, "s");
    assert_eq!(marked(&app), Some(5), "språk och läsning");
    assert_eq!(app.form().map(|f| f.value(F::Themes)), Some(""));
    keys(&mut app, "M");
    assert_eq!(marked(&app), Some(1), "mat och amning, from the end round");
    app.handle_key(Key::Char(' '));
    keys(&mut app, "s");
    app.handle_key(Key::Char(' '));
    app.handle_key(Key::Char(' '));
    app.handle_key(Key::Char(' '));
    keys(&mut app, "q");
    assert_eq!(
        marked(&app),
        Some(2),
        "no theme starts with q: the mark stays"
    );
    focus(&mut app, F::Referrals);
    app.handle_key(Key::Char(' '));
    let effects = app.handle_key(Key::Enter);
    let [Effect::Visit(VisitEffect::SetOutcome(outcome))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(outcome.themes, [Theme::Feeding, Theme::Sleep]);
    assert_eq!(outcome.referrals, [Referral::Dental]);
}

/// The theme names of the English interface are the ones a letter jumps by.
#[test]
fn a_letter_jumps_by_the_theme_names_shown() {
    let mut app = app(Lang::En);
    app.handle_key(Key::Char('o'));
    focus(&mut app, F::Themes);
    keys(&mut app, "f");
    assert_eq!(
        app.form().map(|f| f.fields[f.focus].choice),
        Some(1),
        "feeding"
    );
}

/// When no visit took place, the form shows neither who came nor what was covered; choosing
/// "done" again brings them back as they were.
#[test]
fn an_outcome_without_a_visit_hides_who_came() {
    use crate::domain::enums::VisitStatus;
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('o'));
    focus(&mut app, F::Themes);
    app.handle_key(Key::Char(' '));
    focus(&mut app, F::Outcome);
    let ids = |app: &App| -> Vec<F> { app.form().unwrap().fields.iter().map(|f| f.id).collect() };
    for _ in ["cancelled by the family", "by staff", "no-show"] {
        app.handle_key(Key::Right);
        assert_eq!(ids(&app), [F::Outcome, F::Reason]);
    }
    app.handle_key(Key::Right); // back to done
    assert_eq!(
        ids(&app),
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
    assert_eq!(
        app.form().map(|f| f.value(F::Themes)),
        Some("child_development")
    );
    // Who of the family came is said for a visit that took place only.
    focus(&mut app, F::FamilyPresent);
    app.handle_key(Key::Right);
    focus(&mut app, F::Outcome);
    app.handle_key(Key::Left); // no-show
    focus(&mut app, F::Reason);
    keys(&mut app, "ingen hemma");
    let effects = app.handle_key(Key::Enter);
    let [Effect::Visit(VisitEffect::SetOutcome(outcome))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(outcome.status, VisitStatus::NoShow);
    assert!(outcome.themes.is_empty());
    assert_eq!(outcome.family_present, None);
}

#[test]
fn y_in_the_proposal_list_books_the_marked_slot_at_once() {
    let mut app = on_family_page(Protection::None);
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    app.handle_key(Key::Down);
    let effects = app.handle_key(Key::Char('y'));
    let [Effect::Visit(VisitEffect::Book(request))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        request.candidate,
        fixtures::booking_plan().proposals[1].candidate
    );
    assert!(app.question().is_none(), "no question first");
}

#[test]
fn on_a_friday_today_shows_the_next_working_day() {
    use fixtures::d;
    assert_eq!(today::next_working_day(d(2026, 12, 4)), d(2026, 12, 7));
    assert_eq!(
        today::next_working_day(d(2026, 12, 23)),
        d(2026, 12, 28),
        "Christmas Eve, Christmas Day, Boxing Day and the weekend are skipped"
    );
    assert_eq!(today::next_working_day(d(2026, 11, 23)), d(2026, 11, 24));
    let visit = |day: u32| {
        let mut v = fixtures::today_data().visits[0].clone();
        v.start = d(2026, 12, day).and_hms_opt(10, 0, 0).unwrap();
        v
    };
    let data = today::today_data(d(2026, 12, 4), vec![visit(4), visit(7), visit(8)], None);
    assert_eq!(data.next_day, d(2026, 12, 7));
    let days: Vec<u32> = data.visits.iter().map(|v| v.start.day()).collect();
    assert_eq!(days, [4, 7], "Monday's visits, not Tuesday's");
    let mut app = app(Lang::En);
    app.receive(Msg::Today(TodayMsg::Loaded(Box::new(data))));
    // A change to Monday's visits reads Today again.
    let effects = app.receive(Msg::Saved(
        Text::new("", ""),
        Changed::Visits {
            family_id: 1,
            days: [d(2026, 12, 7), d(2026, 12, 7)],
        },
        None,
    ));
    // Only the part of the list that is read, with the counts.
    let page = Effect::Today(TodayEffect::LoadPage(today::TodayQuery {
        date: d(2026, 12, 4),
        next_day: d(2026, 12, 7),
        from: 0,
    }));
    assert!(effects.contains(&page), "{effects:?}");
}

/// Today with a "not recorded" row first in the to-do list, that pane focused.
fn on_todo_rows() -> App {
    let mut app = app(Lang::En);
    let mut alerts = fixtures::alerts();
    let visit = fixtures::today_data().visits[0].clone();
    alerts.push(crate::domain::alerts::Alert {
        kind: AlertKind::NotRecorded,
        family_id: visit.family_id,
        family_ref: visit.family_ref.clone(),
        family_name: visit.family_name.clone(),
        protection: visit.protection,
        area: visit.area.clone(),
        detail: crate::domain::alerts::AlertDetail::NotRecorded {
            at: fixtures::d(2026, 11, 20).and_hms_opt(10, 0, 0).unwrap(),
        },
        date: Some(fixtures::d(2026, 11, 20)),
        visit: Some(visit),
    });
    app.receive(Msg::Today(TodayMsg::AlertsLoaded(alerts)));
    app.handle_key(Key::Tab);
    app
}

fn marked_kind(app: &App) -> Option<AlertKind> {
    app.today_view.marked_alert().map(|a| a.kind)
}

#[test]
fn keys_on_todo_rows_act_on_the_row_and_the_footer_offers_only_those() {
    let mut app = on_todo_rows();
    // The list as the fixture has it: closes soon, due unbooked, ..., not recorded last.
    assert_eq!(marked_kind(&app), Some(AlertKind::Overdue));
    assert!(app.offers(&Intent::Book));
    assert!(!app.offers(&Intent::RecordOutcome) && !app.offers(&Intent::Rebook));
    app.handle_key(Key::Down);
    assert_eq!(marked_kind(&app), Some(AlertKind::DueUnbooked));
    assert_eq!(
        app.handle_key(Key::Char('n')),
        vec![Effect::Visit(VisitEffect::LoadProposals {
            family_id: 5,
            rebook: None
        })]
    );
    app.handle_key(Key::End);
    assert_eq!(marked_kind(&app), Some(AlertKind::NotRecorded));
    assert!(app.offers(&Intent::RecordOutcome));
    assert!(!app.offers(&Intent::Book) && !app.offers(&Intent::Rebook));
    app.handle_key(Key::Char('o'));
    assert_eq!(
        app.form().map(|f| f.kind),
        Some(form::FormKind::Outcome(11))
    );
    app.handle_key(Key::Esc);
    // In the visits pane, `n` has no row to book.
    app.handle_key(Key::Tab);
    assert!(!app.offers(&Intent::Book));
    assert!(app.handle_key(Key::Char('n')).is_empty());
    assert!(app.offers(&Intent::RecordOutcome) && app.offers(&Intent::Rebook));
}

#[test]
fn the_consent_form_writes_the_usual_scope_in_the_interface_language() {
    let mut app = on_family_page(Protection::None);
    app.lang = Lang::En;
    app.handle_key(Key::Char('s'));
    assert_eq!(
        app.form().map(|f| f.value(F::ConsentScope)),
        Some("joint work of child health care and social services")
    );
}

/// A family's languages are named in the interface language in its form, and kept in Swedish
/// whichever way they are typed, so an interpreter who speaks "arabiska" is found for a need
/// typed "Arabic" in the English form.
#[test]
fn the_family_form_names_languages_in_the_interface_language_and_keeps_them_in_swedish() {
    use super::planning::set_field;
    let mut detail = fixtures::family_page(Protection::None).detail;
    detail.facts.languages = vec!["somaliska".into(), "oromo".into()];
    detail.facts.interpreter_language = Some("somaliska".into());
    for (lang, shown, need) in [
        (Lang::En, "Somali, oromo", "Somali"),
        (Lang::Sv, "somaliska, oromo", "somaliska"),
    ] {
        let form = crate::app::forms::edit_family(&detail, lang);
        assert_eq!(form.value(F::Languages), shown, "{lang:?}");
        assert_eq!(form.value(F::InterpreterLanguage), need, "{lang:?}");
    }
    let mut app = on_family_page(Protection::None);
    app.lang = Lang::En;
    app.handle_key(Key::Char('e'));
    set_field(&mut app, F::Languages, "Arabic, Somali, Oromo");
    set_field(&mut app, F::InterpreterLanguage, "ARABIC");
    let effects = app.handle_key(Key::Enter);
    let [crate::app::Effect::Family(crate::app::FamilyEffect::Save { family, .. })] = &effects[..]
    else {
        panic!("the form saves: {effects:?}");
    };
    assert_eq!(family.facts.languages, ["arabiska", "somaliska", "Oromo"]);
    assert_eq!(
        family.facts.interpreter_language.as_deref(),
        Some("arabiska")
    );
}

/// A question in Swedish names `j` for *ja*, and `j` answers it, as `y` does. In English `j`
/// means nothing there: it moves down a list, and a hand still moving is not a yes.
#[test]
fn j_answers_yes_in_swedish_only() {
    // (language, key, quits, the question stays open)
    for (lang, key, quits, stays) in [
        (Lang::Sv, 'j', true, false),
        (Lang::Sv, 'J', true, false),
        (Lang::Sv, 'y', true, false),
        (Lang::En, 'y', true, false),
        (Lang::En, 'Y', true, false),
        (Lang::En, 'j', false, true),
        (Lang::En, 'J', false, true),
        (Lang::Sv, 'N', false, false),
    ] {
        let mut app = on_family_page(Protection::None);
        app.lang = lang;
        app.handle_key(Key::Char('e'));
        type_text(&mut app, "q");
        assert_eq!(app.handle_key(Key::Ctrl('c')), Vec::new());
        assert_eq!(app.question(), Some(&Question::QuitUnsaved));
        let effects = app.handle_key(Key::Char(key));
        assert_eq!(effects == vec![Effect::Quit], quits, "{lang:?} {key}");
        assert_eq!(app.question().is_some(), stays, "{lang:?} {key}");
    }
    assert_eq!(keymap::yes_key(Lang::Sv), "j");
    assert_eq!(keymap::yes_key(Lang::En), "y");
}

/// Ctrl-C quits from what is open over a screen too: the proposed slots, a roll call, the
/// families to add to a series, Week's staff picker and help.
#[test]
fn ctrl_c_quits_from_what_is_open() {
    use crate::app::keymap::{Scope, action_for};
    for scope in [
        Scope::Booking,
        Scope::RollCall,
        Scope::PickMembers,
        Scope::PickStaff,
        Scope::Help,
    ] {
        assert_eq!(
            action_for(&[scope], Key::Ctrl('c')),
            Some(Intent::Quit),
            "{scope:?}"
        );
    }
    let mut app = app(Lang::Sv);
    app.receive(Msg::ProposalsLoaded(Box::new(fixtures::booking_plan())));
    assert!(app.booking().is_some());
    assert_eq!(app.handle_key(Key::Ctrl('c')), vec![Effect::Quit]);
}

#[test]
fn swedish_wording_reads_naturally() {
    use crate::domain::enums::{ExitReason, Role};
    let swedish: Vec<&str> = keymap::bindings().map(|b| b.sv).collect();
    for stale in [
        "avsluta i programmet",
        "larm",
        "anteckna utfall",
        "ny personal",
    ] {
        assert!(
            !swedish.iter().any(|s| s.contains(stale)),
            "{stale} in the keymap"
        );
    }
    assert!(swedish.contains(&"avsluta deltagandet"));
    assert_eq!(labels::role(Role::Dental).sv, "tandsköterska/tandhygienist");
    assert_eq!(labels::status(FamilyStatus::Completed).sv, "klar");
    assert_eq!(
        labels::exit_reason(ExitReason::AgedOut).sv,
        "barnet över åldersgränsen"
    );
    assert_eq!(labels::alert(AlertKind::Overdue).en, "Closes soon");
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('o'));
    let referrals = app
        .form()
        .and_then(|f| f.field(F::Referrals))
        .map(|f| f.label.sv.clone());
    assert_eq!(referrals.as_deref(), Some("Hänvisat till"));
    let staff = forms::new_staff(Lang::Sv);
    assert_eq!(staff.title.sv, "Ny medarbetare");
}

#[test]
fn a_new_search_marks_its_first_match_not_the_person_marked_before() {
    let mut app = on_staff(Lang::Sv);
    app.handle_key(Key::Char('/'));
    staff_keys(&mut app, "dal");
    assert_eq!(names(&app), ["Dalia Tolk"]);
    // Cleared: everyone again, the first of them marked, not the one found before.
    staff_key(&mut app, Key::Ctrl('u'));
    assert_eq!(names(&app).len(), 4);
    assert_eq!(
        app.staff.selected().map(|s| s.name.as_str()),
        Some("Anna Sköterska"),
        "the first match"
    );
    // The list read again as it is (the file changed): the mark stays on its person.
    staff_key(&mut app, Key::Esc);
    staff_key(&mut app, Key::Down);
    let marked = app.staff.selected().map(|s| s.id);
    let effects = vec![app.staff.load()];
    crate::app::staff_fixtures::serve_staff(&mut app, effects);
    assert_eq!(app.staff.selected().map(|s| s.id), marked);
}
