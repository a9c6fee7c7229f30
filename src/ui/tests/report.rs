//! The Report screen drawn: its tables, chart, missing list and exports.

use super::*;
use crate::app::report_fixtures::on_report;

#[test]
fn report_tables_in_swedish() {
    both_sizes("report_tables_sv", &on_report(Lang::Sv));
}

#[test]
fn report_by_area_in_english() {
    let mut app = on_report(Lang::En);
    app.handle_key(Key::Char('b'));
    both_sizes("report_area_en", &app);
}

#[test]
fn report_chart_and_trend() {
    let mut app = on_report(Lang::Sv);
    app.handle_key(Key::Tab);
    insta::assert_snapshot!("report_chart_sv_80x24", draw(&app, 80, 24));
}

#[test]
fn report_missing_hides_a_protected_name() {
    let mut app = on_report(Lang::En);
    app.handle_key(Key::Tab);
    app.handle_key(Key::Tab);
    let screen = draw(&app, 80, 24);
    assert!(!screen.contains("Hemlig"), "{screen}");
    assert!(screen.contains("Familjen Berg"), "{screen}");
    both_sizes("report_missing_en", &app);
}

#[test]
fn report_exports() {
    let mut app = on_report(Lang::Sv);
    for _ in 0..3 {
        app.handle_key(Key::Tab);
    }
    insta::assert_snapshot!("report_exports_sv_80x24", draw(&app, 80, 24));
}

#[test]
fn help_on_the_report_screen_lists_its_keys() {
    let mut app = on_report(Lang::En);
    app.handle_key(Key::Char('?'));
    let screen = draw(&app, 120, 40);
    for key in [
        "previous quarter",
        "next quarter",
        "export (current folder)",
        "change breakdown",
        "fix the marked record",
    ] {
        assert!(screen.contains(key), "{key}: {screen}");
    }
}

#[test]
fn report_is_computing_before_its_figures_arrive() {
    let mut app = app(Lang::En);
    app.handle_key(Key::Char('6'));
    let screen = draw(&app, 80, 24);
    assert!(screen.contains("Computing"), "{screen}");
}
