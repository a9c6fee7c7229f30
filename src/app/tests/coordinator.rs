//! What a coordinator hit in the first week (issue 8): the staff search, searching again,
//! the outcome checklist, Today's rows and keys, the proposal list.

use super::*;

fn on_staff(lang: Lang) -> App {
    let mut app = app(lang);
    app.handle_key(Key::Char('5'));
    app.update(Action::StaffLoaded(fixtures::staff()));
    app
}

fn names(app: &App) -> Vec<&str> {
    app.staff.rows().map(|s| s.name.as_str()).collect()
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
    keys(&mut app, "tolk");
    assert_eq!(names(&app), ["Dalia Tolk"]);
    // Letters are text while searching: `n` and `e` do not open forms.
    app.handle_key(Key::Ctrl('u'));
    keys(&mut app, "ne");
    assert!(app.form().is_none());
    app.handle_key(Key::Ctrl('u'));
    keys(&mut app, "4");
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
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('/'));
    app.handle_key(Key::Esc);
    assert!(!app.staff.searching);
    assert_eq!(names(&app), ["Elsa Tandvård"], "the list stays narrowed");
}

#[test]
fn searching_again_replaces_the_old_text_instead_of_appending() {
    let mut app = with_index(app(Lang::Sv));
    app.handle_key(Key::Char('/'));
    keys(&mut app, "aberg");
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('/'));
    assert!(app.families.query.selected, "the old text is selected");
    keys(&mut app, "haddad");
    assert_eq!(app.families.query.value(), "haddad");
    assert_eq!(app.families.selected_id(), Some(2));
    // The same on the staff screen.
    let mut app = on_staff(Lang::En);
    app.handle_key(Key::Char('/'));
    keys(&mut app, "anna");
    app.handle_key(Key::Esc);
    app.handle_key(Key::Char('/'));
    keys(&mut app, "bo");
    assert_eq!(app.staff.query.value(), "bo");
    assert_eq!(names(&app), ["Bo Rådgivare"]);
}

/// Tabs to the field `id` of the open form.
fn focus(app: &mut App, id: &str) {
    for _ in 0..20 {
        if app.form().and_then(|f| f.fields.get(f.focus)).map(|f| f.id) == Some(id) {
            return;
        }
        app.handle_key(Key::Tab);
    }
    panic!("no field {id}");
}

#[test]
fn themes_and_referrals_are_ticked_in_a_checklist_not_typed_as_codes() {
    use crate::domain::enums::{Referral, Theme};
    let mut app = app(Lang::Sv);
    app.handle_key(Key::Char('o'));
    focus(&mut app, "themes");
    // "sömn" typed as letters does nothing; Space ticks the marked option.
    keys(&mut app, "sömn");
    assert_eq!(app.form().map(|f| f.value("themes")), Some(""));
    app.handle_key(Key::Right);
    app.handle_key(Key::Char(' '));
    app.handle_key(Key::Right);
    app.handle_key(Key::Char(' '));
    app.handle_key(Key::Char(' '));
    app.handle_key(Key::Char(' '));
    focus(&mut app, "referrals");
    app.handle_key(Key::Char(' '));
    let effects = app.handle_key(Key::Enter);
    let [Effect::SetOutcome(outcome)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(outcome.themes, [Theme::Feeding, Theme::Sleep]);
    assert_eq!(outcome.referrals, [Referral::Dental]);
}
