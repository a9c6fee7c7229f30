//! The app without a terminal: keys in, state and effects out.

use super::fixtures::{self, app};
use super::*;
use crate::app::form::FieldId as F;
use crate::domain::alerts::AlertKind;
use crate::domain::enums::{FamilyStatus, Protection};
use crate::domain::group_views::Ended;
use crate::domain::model::{Changed, StatusChange};

fn keys(app: &mut App, typed: &str) -> Vec<Effect> {
    typed
        .chars()
        .flat_map(|c| app.handle_key(Key::Char(c)))
        .collect()
}

fn with_index(mut app: App) -> App {
    app.receive(fixtures::families_loaded());
    app
}

fn on_family_page(protection: Protection) -> App {
    let mut app = with_index(app(Lang::Sv));
    app.handle_key(Key::Char('3'));
    app.receive(Msg::Family(FamilyMsg::Loaded(Box::new(
        fixtures::family_page(protection),
    ))));
    app
}

#[test]
fn number_keys_switch_screens_and_load_each_list_once() {
    let mut app = app(Lang::Sv);
    assert_eq!(app.screen, Screen::Today);
    assert_eq!(
        app.handle_key(Key::Char('3')),
        vec![Effect::Families(FamiliesEffect::Load(
            crate::domain::family_list::FamilyQuery::default()
        ))]
    );
    assert_eq!(app.screen, Screen::Families);
    assert_eq!(
        app.handle_key(Key::Char('5')),
        vec![Effect::Staff(StaffEffect::Load(
            crate::domain::staff_list::StaffQuery::default()
        ))]
    );
    assert_eq!(app.screen, Screen::Staff);
    assert!(
        app.handle_key(Key::Char('3')).is_empty(),
        "the index is requested once"
    );
    // Groups asks only for its list: the roster its forms name leaders from is read when a
    // form opens.
    assert_eq!(
        app.handle_key(Key::Char('4')),
        vec![Effect::Groups(GroupsEffect::LoadList(0, Ended::Lately))]
    );
    assert_eq!(app.screen, Screen::Groups);
    app.handle_key(Key::Char('1'));
    assert_eq!(app.screen, Screen::Today);
}

/// The app on the Families list, read from the fixtures' families stored in a database.
fn served(lang: Lang) -> (App, crate::db::Db) {
    let mut db = served::fixtures_db();
    let mut app = app(lang);
    served::key(&mut app, &mut db, Key::Char('3'));
    (app, db)
}

#[test]
fn search_folds_swedish_letters_and_opens_the_marked_family() {
    let (mut app, mut db) = served(Lang::Sv);
    served::key(&mut app, &mut db, Key::Char('/'));
    assert_eq!(app.screen, Screen::Families);
    assert!(app.families.searching);
    served::type_in(&mut app, &mut db, "oberg");
    assert_eq!(served::shown(&app), ["Familjen Öberg"], "ö typed as o");
    served::key(&mut app, &mut db, Key::Ctrl('u'));
    served::type_in(&mut app, &mut db, "berg");
    assert_eq!(
        served::shown(&app),
        ["Familjen Åberg", "Familjen Öberg"],
        "in Swedish name order"
    );
    served::key(&mut app, &mut db, Key::Down);
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Family(FamilyEffect::Load(5))]
    );
}

#[test]
fn search_matches_caregivers_references_and_phone_numbers() {
    let (mut app, mut db) = served(Lang::En);
    served::key(&mut app, &mut db, Key::Char('/'));
    for (typed, id) in [("agnieszka", 6), ("2026-004", 4), ("0701740611", 2)] {
        served::key(&mut app, &mut db, Key::Ctrl('u'));
        served::type_in(&mut app, &mut db, typed);
        assert_eq!(app.families.selected_id(), Some(id), "{typed}");
        assert_eq!(app.families.count, 1, "{typed}");
    }
    served::type_in(&mut app, &mut db, "zzz");
    assert_eq!(app.families.count, 0);
    assert_eq!(app.families.selected_id(), None);
    // Letters typed in the search box are text, not commands.
    served::key(&mut app, &mut db, Key::Ctrl('u'));
    served::type_in(&mut app, &mut db, "q");
    assert!(app.families.searching);
    app.handle_key(Key::Esc);
    assert!(!app.families.searching);
    assert_eq!(
        app.families.query.value(),
        "q",
        "the query stays when leaving the box"
    );
}

#[test]
fn filters_narrow_the_list_and_clear() {
    let (mut app, mut db) = served(Lang::Sv);
    assert_eq!(app.families.count, 6);
    served::key(&mut app, &mut db, Key::Char('d'));
    let due: Vec<i64> = (0..app.families.count)
        .filter_map(|i| app.families.row(i).map(|e| e.id))
        .collect();
    assert_eq!(
        due,
        [4, 5],
        "families with an overdue or soon-due visit, from Today's alerts"
    );
    served::key(&mut app, &mut db, Key::Char('d'));
    assert_eq!(app.families.selected_id(), Some(4));
    assert_eq!(app.families.count, 1, "overdue only");
    served::key(&mut app, &mut db, Key::Char('x'));
    served::key(&mut app, &mut db, Key::Char('a'));
    assert_eq!(app.families.filters.area.as_deref(), Some("Centrum"));
    assert_eq!(app.families.count, 3);
    served::key(&mut app, &mut db, Key::Char('s'));
    assert_eq!(app.families.filters.status, Some(FamilyStatus::Offered));
    assert_eq!(app.families.count, 1);
    served::key(&mut app, &mut db, Key::Char('x'));
    assert!(app.families.filters.is_empty());
    assert_eq!(app.families.count, 6);
}

#[test]
fn today_opens_the_family_of_a_visit_or_an_alert() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Down);
    let effects = app.handle_key(Key::Enter);
    assert_eq!(
        effects,
        vec![
            Effect::Families(FamiliesEffect::Load(
                crate::domain::family_list::FamilyQuery::default()
            )),
            Effect::Family(FamilyEffect::Load(2))
        ]
    );
    assert_eq!(app.screen, Screen::Families);
    app.handle_key(Key::Char('1'));
    app.handle_key(Key::Tab);
    app.handle_key(Key::Char('G'));
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Family(FamilyEffect::Load(2))],
        "the last alert, a double booking"
    );
}

#[test]
fn a_family_page_goes_back_with_esc_and_reveals_only_through_the_log() {
    let mut app = on_family_page(Protection::SkyddadFolkbokforing);
    assert!(app.family.is_some());
    assert_eq!(
        app.handle_key(Key::Char('r')),
        vec![Effect::Family(FamilyEffect::Reveal(3))]
    );
    assert!(
        !app.family.as_ref().unwrap().revealed,
        "not shown before the audit row is written"
    );
    app.receive(Msg::Family(FamilyMsg::Revealed(3)));
    assert!(app.family.as_ref().unwrap().revealed);
    app.handle_key(Key::Esc);
    assert!(app.family.is_none());
    let mut open = on_family_page(Protection::None);
    assert!(
        open.handle_key(Key::Char('r')).is_empty(),
        "nothing to reveal"
    );
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(Key::Char(c));
    }
}

#[test]
fn a_reference_shaped_like_a_personnummer_is_refused_even_when_mistyped() {
    let mut app = with_index(app(Lang::Sv));
    app.handle_key(Key::Char('3'));
    app.handle_key(Key::Char('n'));
    // A generated number with its check digit changed: still someone's number, mistyped.
    let id = crate::domain::identity::compose_number(fixtures::d(1990, 1, 5), 77, false);
    let check = id.value.chars().last().unwrap().to_digit(10).unwrap();
    type_text(
        &mut app,
        &format!("{}-{}", &id.value[..8], &id.value[8..11]),
    );
    type_text(&mut app, &((check + 1) % 10).to_string());
    assert!(app.handle_key(Key::Enter).is_empty(), "nothing is saved");
    let form = app.form().unwrap();
    let error = form.field(F::FamilyRef).unwrap().error.clone().unwrap();
    assert!(
        error.sv.contains("ser ut som ett personnummer"),
        "{}",
        error.sv
    );
}

#[test]
fn a_new_family_without_identity_numbers_is_saved() {
    let mut app = with_index(app(Lang::Sv));
    app.handle_key(Key::Char('3'));
    app.handle_key(Key::Char('n'));
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::NewFamily);
    type_text(&mut app, "2026-050");
    app.handle_key(Key::Tab);
    type_text(&mut app, "Familjen Qasim");
    app.handle_key(Key::Tab);
    app.handle_key(Key::Right); // programme: goteborg
    let ids: Vec<F> = app.form().unwrap().fields.iter().map(|f| f.id).collect();
    let go = |app: &mut App, id: F| {
        let target = ids.iter().position(|f| *f == id).unwrap();
        while app.form().unwrap().focus != target {
            app.handle_key(Key::Tab);
        }
    };
    go(&mut app, F::CaregiverName);
    type_text(&mut app, "Rania Qasim");
    go(&mut app, F::ChildName);
    type_text(&mut app, "Yara Qasim");
    app.handle_key(Key::Tab);
    type_text(&mut app, "2026-11-01");
    let effects = app.handle_key(Key::Enter);
    let [
        Effect::Family(FamilyEffect::Save {
            id: None, family, ..
        }),
    ] = effects.as_slice()
    else {
        panic!("expected a save, got {effects:?}");
    };
    assert_eq!(family.family_ref, "2026-050");
    assert_eq!(family.programme_id, "goteborg");
    assert_eq!(family.status, FamilyStatus::Offered);
    assert_eq!(family.caregivers[0].identity, None);
    assert_eq!(family.children[0].birth_date, fixtures::d(2026, 11, 1));
    // The form stays until the save is confirmed, then closes with a message.
    assert!(app.form().is_some());
    app.receive(Msg::Saved(
        Text::new("Sparat", "Saved"),
        Changed::Family(9),
        Some(9),
    ));
    assert!(app.form().is_none());
}

#[test]
fn a_form_says_what_is_wrong_as_you_type_and_keeps_everything_on_save() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('c'));
    type_text(&mut app, "Ali Exempel");
    app.handle_key(Key::Tab); // relation
    app.handle_key(Key::Tab); // kind
    app.handle_key(Key::Right); // personnummer
    app.handle_key(Key::Tab);
    type_text(&mut app, "19910417-5551");
    let form = app.form().unwrap();
    let error = form.field(F::CaregiverId).unwrap().error.clone().unwrap();
    assert_eq!(
        error.sv,
        "kontrollsiffran är 1 men ska vara 0 för de här siffrorna; kontrollera skrivfel"
    );
    assert!(error.en.contains("should be 0"));
    assert!(
        app.handle_key(Key::Enter).is_empty(),
        "not saved with a mistake"
    );
    let form = app.form().unwrap();
    assert_eq!(form.value(F::CaregiverName), "Ali Exempel");
    assert_eq!(form.value(F::CaregiverId), "19910417-5551");
    assert!(form.error.is_some());
    assert_eq!(
        form.fields[form.focus].id,
        F::CaregiverId,
        "focus goes to the first problem"
    );
    app.handle_key(Key::Backspace);
    type_text(&mut app, "0");
    let effects = app.handle_key(Key::Enter);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Family(FamilyEffect::AddCaregiver {
                family_id: 3,
                ..
            })]
        ),
        "{effects:?}"
    );
}

#[test]
fn required_fields_are_marked_when_saving() {
    let mut app = with_index(app(Lang::En));
    app.handle_key(Key::Char('3'));
    app.handle_key(Key::Char('n'));
    assert!(app.handle_key(Key::Enter).is_empty());
    let form = app.form().unwrap();
    let missing: Vec<F> = form
        .fields
        .iter()
        .filter(|f| f.error.is_some())
        .map(|f| f.id)
        .collect();
    assert_eq!(
        missing,
        [
            F::FamilyRef,
            F::FamilyName,
            F::CaregiverName,
            F::ChildName,
            F::ChildBirthDate
        ]
    );
}

#[test]
fn a_failed_save_keeps_the_form_and_its_input() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('e'));
    // End first keeps the filled-in reference, to add to it.
    app.handle_key(Key::End);
    type_text(&mut app, "x");
    app.receive(Msg::Failed(Text::new("finns redan", "already exists")));
    let form = app.form().unwrap();
    assert_eq!(form.error.as_ref().unwrap().en, "already exists");
    assert_eq!(form.value(F::FamilyRef), "2026-003x");
}

#[test]
fn unsaved_input_is_never_lost_without_asking() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('e'));
    assert_eq!(app.form().unwrap().value(F::FamilyName), "Familjen Skyddad");
    app.handle_key(Key::Esc);
    assert!(app.form().is_none(), "nothing typed: Esc just closes");
    app.handle_key(Key::Char('e'));
    type_text(&mut app, "q");
    assert!(app.form().is_some(), "q is a letter in a form");
    app.handle_key(Key::Esc);
    assert_eq!(app.question(), Some(&Question::DiscardForm));
    app.handle_key(Key::Char('n'));
    assert!(app.form().is_some());
    assert_eq!(app.handle_key(Key::Ctrl('c')), Vec::new());
    assert_eq!(app.question(), Some(&Question::QuitUnsaved));
    assert_eq!(app.handle_key(Key::Char('y')), vec![Effect::Quit]);
}

#[test]
fn q_quits_at_once_without_a_form() {
    let mut app = app(Lang::Sv);
    assert_eq!(app.handle_key(Key::Char('q')), vec![Effect::Quit]);
}

#[test]
fn help_opens_over_any_screen_and_keys_do_not_leak_through_it() {
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('?'));
    assert!(app.help_open());
    assert!(app.handle_key(Key::Char('3')).is_empty());
    assert_eq!(app.screen, Screen::Today);
    app.handle_key(Key::Esc);
    assert!(!app.help_open());
}

#[test]
fn staff_can_be_added_and_edited() {
    let mut app = crate::app::staff_fixtures::on_staff(Lang::Sv);
    app.handle_key(Key::Down);
    app.handle_key(Key::Enter);
    let form = app.form().unwrap();
    assert_eq!(form.kind, form::FormKind::EditStaff(2));
    assert_eq!(
        form.value(F::WorkDays),
        "mån, tis, tor",
        "days in the user's language"
    );
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('n'));
    assert_eq!(
        app.form().unwrap().value(F::WorkDays),
        "mån, tis, ons, tor, fre"
    );
    type_text(&mut app, "Ny Person");
    for _ in 0..4 {
        app.handle_key(Key::Tab);
    }
    app.handle_key(Key::Ctrl('u'));
    type_text(&mut app, "månd|tis");
    let error = app
        .form()
        .unwrap()
        .field(F::WorkDays)
        .unwrap()
        .error
        .clone()
        .unwrap();
    assert!(
        error
            .sv
            .contains("\"månd\" är ingen dag; skriv t.ex. mån-fre eller mån, tis, tor"),
        "{}",
        error.sv
    );
    app.handle_key(Key::Ctrl('u'));
    type_text(&mut app, "mon|tue");
    // English names are read in a Swedish form too.
    let effects = app.handle_key(Key::Enter);
    let [Effect::Staff(StaffEffect::Save { id: None, staff })] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(staff.work_days.len(), 2);
}

#[test]
fn an_answer_to_an_older_query_is_left_unread() {
    let (mut app, mut db) = served(Lang::Sv);
    app.handle_key(Key::Char('/'));
    let old = app.handle_key(Key::Char('b'));
    let newer = app.handle_key(Key::Char('o'));
    // The answers arrive in the wrong order: the older one is not shown over the newer.
    served::serve(&mut app, &mut db, newer);
    assert_eq!(app.families.query.value(), "bo");
    let shown = served::shown(&app);
    served::serve(&mut app, &mut db, old);
    assert_eq!(served::shown(&app), shown);
}

/// Today's to-do made from visits not recorded and visits with someone no longer active, and
/// nothing else.
fn to_do_of(
    unrecorded: Vec<crate::domain::views::DayVisit>,
    inactive_staff: Vec<(String, crate::domain::views::DayVisit)>,
) -> Vec<crate::domain::alerts::Alert> {
    crate::domain::alerts::alerts(crate::domain::alerts::AlertInput {
        date: fixtures::today(),
        children: &[],
        facts: &std::collections::HashMap::new(),
        programmes: &[],
        warning_days: 7,
        missing_interpreter: vec![],
        double_bookings: vec![],
        unrecorded,
        inactive_staff,
        session_clashes: Vec::new(),
    })
}

mod alerts;
mod coordinator;
mod flow;
mod groups;
mod planning;
mod report;
mod status;
mod today_pages;
mod twin_booking;
mod week_sessions;

/// A prefilled field untouched since focus arrived is replaced by typing, as the search box's
/// text is; an arrow or Home/End first keeps it, and Backspace clears it. Focus coming back
/// selects it again.
#[test]
fn typing_on_a_prefilled_field_replaces_it_and_an_arrow_first_keeps_it() {
    let mut app = on_family_page(Protection::None);
    app.handle_key(Key::Char('s'));
    let value = |app: &App, id: F| app.form().unwrap().value(id).to_string();
    assert!(matches!(
        app.form().unwrap().kind,
        form::FormKind::Consent(_)
    ));
    assert!(!value(&app, F::GivenBy).is_empty());
    assert!(app.form().unwrap().focus_selected());
    type_text(&mut app, "Sara Ek");
    assert_eq!(value(&app, F::GivenBy), "Sara Ek");
    assert!(!app.form().unwrap().focus_selected());
    app.handle_key(Key::Tab);
    let scope = value(&app, F::ConsentScope);
    assert!(!scope.is_empty());
    app.handle_key(Key::End);
    type_text(&mut app, " och skola");
    assert_eq!(value(&app, F::ConsentScope), format!("{scope} och skola"));
    app.handle_key(Key::Tab);
    assert!(!value(&app, F::GivenOn).is_empty());
    app.handle_key(Key::Backspace);
    assert_eq!(value(&app, F::GivenOn), "");
    type_text(&mut app, "2026-11-20");
    assert_eq!(value(&app, F::GivenOn), "2026-11-20");
    app.handle_key(Key::BackTab);
    app.handle_key(Key::BackTab);
    type_text(&mut app, "Ali");
    assert_eq!(value(&app, F::GivenBy), "Ali");
}
