//! Rapport / Report: the quarter and its parts (tables, chart and trend, what is missing,
//! exports). At 80×24 one part at a time; from 120×36 the tables share the screen with the
//! chart and the trend.

pub mod parts;

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::keymap::{Scope, key_for};
use crate::app::report::{Breakdown, ReportState, Section, in_breakdown};
use crate::app::{App, Intent, Lang, ReportIntent};
use crate::domain::report::{Cell, EMPTY, HIDDEN, INDICATORS, Place, Report, Status};
use crate::i18n::screens::report::{self as rw, category, value};
use crate::ui::{Theme, fit};
use parts::{render_chart, render_exports, render_missing, render_trend};

/// From this size the tables have the chart and the trend beside them.
const WIDE: (u16, u16) = (120, 36);

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.report;
    let [head, tabs, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    render_header(app, frame, head, theme);
    render_sections(state, app.lang, frame, tabs, theme);
    let wide = area.width >= WIDE.0 && area.height >= WIDE.1;
    match state.section {
        Section::Tables if wide => {
            let [top, trend] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(8)]).areas(body);
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(top);
            render_tables(app, frame, left, theme);
            render_chart(app, frame, right, theme);
            render_trend(app, frame, trend, theme);
        }
        Section::Tables => render_tables(app, frame, body, theme),
        Section::Chart => render_chart_and_trend(app, frame, body, theme),
        Section::Missing => render_missing(app, frame, body, theme),
        Section::Exports => render_exports(app, frame, body, theme),
    }
}

fn render_header(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let Some(q) = app.report.quarter else {
        return;
    };
    let preliminary = !q.has_ended_on(app.today);
    let kind = match q {
        crate::domain::period::Period::Quarter(_) => rw::QUARTER.get(lang),
        crate::domain::period::Period::Year(_) => rw::YEAR.get(lang),
    };
    let mut spans = vec![
        Span::styled(format!(" {kind} {q} "), theme.title()),
        Span::raw(format!(" {} – {}  ", q.first_day(), q.last_day())),
    ];
    if preliminary {
        spans.push(Span::styled(rw::PRELIMINARY.get(lang), theme.warn()));
    } else {
        spans.push(Span::styled(rw::FINAL.get(lang), theme.ok()));
    }
    if app.report.computing() {
        spans.push(Span::styled(
            format!("  {}", rw::COMPUTING.get(lang)),
            theme.dim(),
        ));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let key = |intent: ReportIntent| key_for(Scope::Report, &Intent::Report(intent));
    let keys = format!(
        "{} · {} · {} ",
        rw::quarter_keys(
            &key(ReportIntent::PrevQuarter),
            &key(ReportIntent::NextQuarter)
        )
        .get(lang),
        rw::period_keys(&key(ReportIntent::TogglePeriod)).get(lang),
        rw::export_key(&key(ReportIntent::ExportReport)).get(lang),
    );
    if used + keys.chars().count() + 2 <= usize::from(area.width) {
        let pad = usize::from(area.width) - used - keys.chars().count();
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(keys, theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_sections(state: &ReportState, lang: Lang, frame: &mut Frame, area: Rect, theme: Theme) {
    let mut spans = vec![Span::raw(" ")];
    for (section, name) in Section::ALL.iter().zip(rw::SECTIONS) {
        let count = match section {
            Section::Missing => state.missing().map(|m| format!(" ({})", m.total())),
            Section::Exports => state.runs().map(|r| format!(" ({})", r.len())),
            Section::Tables | Section::Chart => None,
        };
        let style = if *section == state.section {
            theme.tab_active()
        } else {
            theme.tab()
        };
        spans.push(Span::styled(
            format!(" {}{} ", name.get(lang), count.unwrap_or_default()),
            style,
        ));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(
        key_for(Scope::Report, &Intent::NextPane),
        theme.key(),
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The name of a cell's row: the indicator in the interface language, and its category.
pub fn row_name(cell: &Cell, lang: Lang) -> String {
    let info = cell.indicator.info();
    let name = if lang == Lang::Sv {
        info.name_sv
    } else {
        info.name_en
    };
    match cell.category {
        Some(c) => format!("  {}", category(c).get(lang)),
        None => name.to_string(),
    }
}

/// A cell as the coordinator sees it: the true value, marked `*` when the file hides it; or,
/// `as_sent`, as the file sends it (`..` hidden, `–` nothing to report).
pub fn shown_value(cell: &Cell, lang: Lang, as_sent: bool) -> String {
    if cell.status() == Status::Empty {
        return EMPTY.to_string();
    }
    match (as_sent, cell.published()) {
        (true, Some(v)) => value(v, lang),
        (true, None) => HIDDEN.to_string(),
        (false, sent) => {
            let mark = if sent.is_none() { "*" } else { " " };
            format!("{}{mark}", value(cell.figure.value(), lang))
        }
    }
}

fn place_name(place: &Place, lang: Lang) -> String {
    match place {
        Place::Eligibility(Some(e)) => crate::i18n::report::eligibility(e, lang),
        _ => place
            .name()
            .unwrap_or(rw::NOT_RECORDED.get(lang))
            .to_string(),
    }
}

fn render_tables(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let (state, lang) = (&app.report, app.lang);
    let Some(report) = state.report() else {
        let text = if state.computing() {
            rw::COMPUTING.get(lang)
        } else {
            rw::NO_FIGURES.get(lang)
        };
        frame.render_widget(Paragraph::new(format!(" {text}")).style(theme.dim()), area);
        return;
    };
    let mut lines = vec![Line::from(vec![
        Span::raw(" "),
        Span::styled(
            Breakdown::ALL
                .iter()
                .zip(rw::BREAKDOWNS)
                .map(|(b, n)| {
                    let n = n.get(lang);
                    if *b == state.breakdown {
                        format!("[{n}]")
                    } else {
                        n.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
            theme.header(),
        ),
        Span::styled(
            format!(
                "   {}",
                rw::breakdown_key(&key_for(
                    Scope::Report,
                    &Intent::Report(ReportIntent::NextBreakdown)
                ))
                .get(lang)
            ),
            theme.dim(),
        ),
    ])];
    let room = usize::from(area.width).saturating_sub(2);
    let by_place = state.breakdown != Breakdown::Municipality;
    let value_w = 9;
    let place_w = if by_place { (room / 3).min(22) } else { 0 };
    let name_w = room.saturating_sub(value_w + place_w + 1);
    let cells = table_cells(report, state.breakdown);
    let sent = key_for(Scope::Report, &Intent::Report(ReportIntent::ToggleSent));
    let key_line = if state.as_sent {
        rw::sent_key(&sent)
    } else {
        rw::hidden_key(&sent)
    };
    lines.push(Line::styled(
        format!(" {}", key_line.get(lang)),
        theme.dim(),
    ));
    let height = usize::from(area.height).saturating_sub(2);
    let start = state.scroll.min(cells.len().saturating_sub(height.max(1)));
    for cell in cells.iter().skip(start).take(height) {
        let mut text = format!(" {:<name_w$}", fit(&row_name(cell, lang), name_w));
        if by_place {
            let _ = write!(
                text,
                "{:<place_w$}",
                fit(&place_name(&cell.place, lang), place_w.saturating_sub(1))
            );
        }
        let shown = shown_value(cell, lang, state.as_sent);
        let _ = write!(text, "{shown:>value_w$}");
        let style = if cell.category.is_none() {
            theme.header()
        } else {
            ratatui::style::Style::default()
        };
        let style = if cell.published().is_none() && cell.status() == Status::Hidden {
            theme.warn()
        } else {
            style
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The rows of a breakdown, in report order.
pub fn table_cells(report: &Report, breakdown: Breakdown) -> Vec<&Cell> {
    // Report order is indicator, breakdown, place, category; the table keeps it.
    let mut cells: Vec<&Cell> = report
        .cells
        .iter()
        .filter(|c| in_breakdown(&c.place, breakdown))
        .collect();
    cells.sort_by_key(|c| {
        (
            INDICATORS.iter().position(|i| i.id == c.indicator),
            c.place.clone(),
            c.category.is_some(),
            c.category,
        )
    });
    cells
}

fn render_chart_and_trend(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let trend_h = 8.min(area.height / 2).max(7);
    let [chart, trend] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(trend_h)]).areas(area);
    render_chart(app, frame, chart, theme);
    render_trend(app, frame, trend, theme);
}
