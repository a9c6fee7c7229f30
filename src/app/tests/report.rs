//! The Report screen headless: where `Enter` on a missing record leads, the quarter picker's
//! bounds, and that an answer read before a change is never shown after it.

use super::*;
use crate::app::report::Section;
use crate::app::report_fixtures::{on_report, report};
use crate::domain::model::Changed;

fn to_missing(app: &mut App) {
    app.handle_key(Key::Tab);
    app.handle_key(Key::Tab);
    assert_eq!(app.report.section, Section::Missing);
}

#[test]
fn shift_tab_steps_back_through_the_sections() {
    let mut app = on_report(Lang::En);
    app.handle_key(Key::BackTab);
    assert_eq!(app.report.section, Section::Exports);
    app.handle_key(Key::BackTab);
    assert_eq!(app.report.section, Section::Missing);
    app.handle_key(Key::Tab);
    assert_eq!(app.report.section, Section::Exports);
}

#[test]
fn opens_on_the_last_finished_quarter_and_stops_at_the_running_one() {
    let mut app = on_report(Lang::Sv);
    assert_eq!(app.report.quarter.unwrap().to_string(), "2026Q3");
    app.handle_key(Key::Char(']'));
    assert_eq!(app.report.quarter.unwrap().to_string(), "2026Q4");
    assert!(app.handle_key(Key::Char(']')).is_empty());
    assert_eq!(app.report.quarter.unwrap().to_string(), "2026Q4");
    // The footer no longer offers a next quarter there.
    assert!(!app.offers(&Intent::Report(ReportIntent::NextQuarter)));
    assert!(app.offers(&Intent::Report(ReportIntent::PrevQuarter)));
    // Back to a quarter already computed: nothing to read.
    assert!(app.handle_key(Key::Char('[')).is_empty());
    assert!(app.report.report().is_some());
}

#[test]
fn enter_on_each_kind_of_missing_record_opens_what_fixes_it() {
    let mut app = on_report(Lang::En);
    to_missing(&mut app);
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Visit(VisitEffect::LoadForOutcome(11))]
    );
    app.handle_key(Key::Down);
    app.handle_key(Key::Down);
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Visit(VisitEffect::LoadForOutcome(13))]
    );
    app.handle_key(Key::Down);
    assert_eq!(
        app.handle_key(Key::Enter),
        vec![Effect::Groups(GroupsEffect::LoadRollCall(4))]
    );
    app.handle_key(Key::Down);
    let effects = app.handle_key(Key::Enter);
    assert!(
        effects.contains(&Effect::Family(FamilyEffect::Load(21))),
        "{effects:?}"
    );
    assert_eq!(app.screen, Screen::Families);
}

#[test]
fn a_saved_change_drops_the_figures_and_reads_the_shown_quarter_again() {
    let mut app = on_report(Lang::En);
    let old = app.report.generation;
    let effects = app.receive(Msg::Saved(
        Text::new("sparat", "saved"),
        Changed::Visits {
            family_id: 1,
            days: [app.today, app.today],
        },
        None,
    ));
    assert!(app.report.report().is_none(), "the old figures are gone");
    let q = app.report.quarter.unwrap();
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::Report(ReportEffect::Load { quarter, generation }) if *quarter == q && *generation == old + 1
    )));
    // An answer to a read made before the change arrives late: it is not shown.
    app.receive(Msg::Report(ReportMsg::Loaded(old, Box::new(report(q)))));
    assert!(app.report.report().is_none());
    app.receive(Msg::Report(ReportMsg::Loaded(old + 1, Box::new(report(q)))));
    assert!(app.report.report().is_some());
}

#[test]
fn the_export_form_suggests_the_clis_file_name_and_follows_the_format() {
    let mut app = on_report(Lang::Sv);
    app.handle_key(Key::Char('x'));
    assert_eq!(app.form().unwrap().value(F::Path), "hembesok-2026Q3.xlsx");
    app.handle_key(Key::Right);
    assert_eq!(app.form().unwrap().value(F::Format), "csv");
    // The field shows what will be written.
    assert_eq!(app.form().unwrap().value(F::Path), "hembesok-2026Q3.csv");
    let effects = app.handle_key(Key::Enter);
    let [Effect::Report(ReportEffect::Export { path, .. })] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(path.display().to_string(), "hembesok-2026Q3.csv");
    // A name typed with another format's extension follows the format; any other is kept.
    let mut app = on_report(Lang::Sv);
    app.handle_key(Key::Char('x'));
    app.handle_key(Key::Tab);
    app.handle_key(Key::Ctrl('u'));
    for c in "/tmp/kvartal.json".chars() {
        app.handle_key(Key::Char(c));
    }
    let effects = app.handle_key(Key::Enter);
    let [Effect::Report(ReportEffect::Export { path, format, .. })] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(format.as_str(), "xlsx");
    assert_eq!(path.display().to_string(), "/tmp/kvartal.xlsx");
}

#[test]
fn fixing_the_last_record_of_a_later_page_reads_the_page_the_mark_lands_on() {
    // The list had 41 records and the mark was on the 41st (on the page from 40); it was fixed,
    // and the list read again at that offset comes back empty with 40 left.
    let mut app = on_report(Lang::Sv);
    to_missing(&mut app);
    let quarter = app.report.quarter.unwrap();
    let generation = app.report.generation;
    app.report.selected = 40;
    let mut emptied = crate::app::report_fixtures::missing();
    emptied.counts = [40, 0, 0, 0, 0];
    emptied.offset = 40;
    emptied.items.clear();
    let effects = app.receive(Msg::Report(ReportMsg::MissingLoaded(
        generation, quarter, emptied,
    )));
    assert_eq!(app.report.selected, 39);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Report(ReportEffect::LoadMissing { offset: 0, .. })]
        ),
        "{effects:?}"
    );
}
