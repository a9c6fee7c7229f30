//! Idag / Today: today's and tomorrow's visits, what needs doing, the next parent group.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use super::{Theme, fit, i18n, scroll_offset, short_name, staff_line};
use crate::app::today::Pane;
use crate::app::{App, labels};
use crate::domain::timeline::AlertKind;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = i18n::strings(app.lang);
    let view = &app.today_view;
    let [head, visits, alerts, group] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(50),
        Constraint::Min(4),
        Constraint::Length(1),
    ])
    .areas(area);
    let weekday = s.weekdays[app.today.weekday().num_days_from_monday() as usize];
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {} ", s.today), theme.title()),
            Span::raw(format!("{weekday} {}", app.today)),
        ])),
        head,
    );
    if !view.loaded {
        frame.render_widget(Paragraph::new(s.loading), visits);
        return;
    }
    render_visits(app, frame, visits, theme);
    render_alerts(app, frame, alerts, theme);
    let line = match &view.data.next_session {
        Some(n) => format!(
            " {}: {}, {} {}{}{}",
            s.next_group,
            n.group_name,
            s.weekdays[n.start.weekday().num_days_from_monday() as usize],
            n.start.format("%Y-%m-%d %H:%M"),
            n.place.as_ref().map_or(String::new(), |p| format!(", {p}")),
            format_args!(
                " ({})",
                i18n::count(n.members as usize, s.family_count_one, s.families_count)
            ),
        ),
        None => format!(" {}", s.no_group),
    };
    frame.render_widget(
        Paragraph::new(fit(&line, group.width as usize)).style(theme.dim()),
        group,
    );
}

fn block(title: &str, focused: bool, theme: Theme) -> Block<'_> {
    let b = Block::bordered().title(Line::from(format!(" {title} ")).style(theme.title()));
    if focused {
        b.border_style(theme.focus_border())
    } else {
        b
    }
}

fn render_visits(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = i18n::strings(app.lang);
    let view = &app.today_view;
    let focused = view.pane == Pane::Visits;
    let b = block(s.visits_today_tomorrow, focused, theme);
    if view.data.visits.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", s.no_visits)).block(b), area);
        return;
    }
    let height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(view.visit_selected, height);
    let rows = view
        .data
        .visits
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, v)| {
            let day = if v.start.date() == app.today {
                s.today_word
            } else {
                s.tomorrow_word
            };
            let staff = staff_line(&v.staff);
            let interpreter = match (&v.interpreter_language, &v.interpreter) {
                (Some(lang), Some(who)) => format!(
                    "{lang}: {}",
                    if who == "external" {
                        s.interpreter_external.to_string()
                    } else {
                        short_name(who)
                    }
                ),
                (Some(lang), None) => format!("{lang}: –"),
                (None, _) => String::new(),
            };
            let mut family = v.family_name.clone();
            if v.protection.is_protected() {
                family.push_str(" ●");
            }
            let style = if focused && i == view.visit_selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Row::new(vec![
                format!(
                    "{day} {} {}",
                    v.start.format("%H:%M"),
                    super::status_mark(v.status)
                ),
                fit(&family, 16),
                fit(v.area.as_deref().unwrap_or_default(), 11),
                staff,
                fit(&interpreter, 13),
            ])
            .style(style)
        });
    let table = Table::new(
        rows,
        [
            // "tomorrow 09:00" fills it; today's visits, the ones with outcomes, show their mark.
            Constraint::Length(14),
            Constraint::Length(16),
            Constraint::Length(11),
            Constraint::Min(16),
            Constraint::Length(13),
        ],
    )
    .header(
        Row::new(vec![s.when, s.family, s.area, s.staff_col, s.interpreter]).style(theme.header()),
    )
    .block(b);
    frame.render_widget(table, area);
}

fn render_alerts(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = i18n::strings(app.lang);
    let view = &app.today_view;
    let focused = view.pane == Pane::Alerts;
    let title = match &view.alerts {
        Some(alerts) => format!("{} ({})", s.alerts, alerts.len()),
        None => format!("{} ({})", s.alerts, s.loading),
    };
    let b = block(&title, focused, theme);
    if view.alerts.is_none() {
        frame.render_widget(Paragraph::new("").block(b), area);
        return;
    }
    if view.alert_list().is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", s.no_alerts)).block(b), area);
        return;
    }
    let height = area.height.saturating_sub(2) as usize;
    let offset = scroll_offset(view.alert_selected, height);
    let width = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = view
        .alert_list()
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, a)| {
            let kind_style = match a.kind {
                AlertKind::Overdue | AlertKind::DoubleBooked => theme.error(),
                _ => theme.warn(),
            };
            let text = fit(
                &format!("{:<18} {}", fit(&a.family_name, 18), a.detail.get(app.lang)),
                width.saturating_sub(15),
            );
            let line = Line::from(vec![
                Span::styled(
                    format!("{:<14} ", labels::alert(a.kind).get(app.lang)),
                    kind_style,
                ),
                Span::raw(text),
            ]);
            if focused && i == view.alert_selected {
                line.style(theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(b), area);
}
