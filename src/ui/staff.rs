//! Personal / Staff: the roster with roles, organisation, working days and hours, languages.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Row, Table};

use super::{Theme, fit, i18n, scroll_offset};
use crate::app::{App, labels};
use crate::domain::enums::Weekday;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = i18n::strings(app.lang);
    let state = &app.staff;
    if !state.loaded {
        frame.render_widget(Paragraph::new(format!(" {}", s.loading)), area);
        return;
    }
    if state.list.is_empty() {
        frame.render_widget(Paragraph::new(format!(" {}", s.no_staff)), area);
        return;
    }
    let height = area.height.saturating_sub(1) as usize;
    let offset = scroll_offset(state.selected, height);
    let wide = area.width >= 110;
    // Languages take what the fixed columns leave (one space between columns), cut with "…".
    let fixed: u16 = 20 + 17 + if wide { 36 } else { 0 } + 11 + 11 + 5;
    let gaps: u16 = if wide { 6 } else { 5 };
    let language_width = usize::from(area.width.saturating_sub(fixed + gaps).max(8));
    let rows = state
        .list
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, m)| {
            let style = if i == state.selected {
                theme.selected()
            } else if m.active {
                Style::new()
            } else {
                theme.dim()
            };
            let mut cells = vec![
                fit(&m.name, 20),
                labels::role(m.role).get(app.lang).to_string(),
            ];
            if wide {
                cells.push(m.organisation.clone().unwrap_or_default());
            }
            cells.extend([
                days(&m.work_days, s.weekdays),
                m.work_hours.to_text(),
                fit(&m.languages.join(", "), language_width),
                labels::yes_no(m.active).get(app.lang).to_string(),
            ]);
            Row::new(cells).style(style)
        });
    let mut widths = vec![Constraint::Length(20), Constraint::Length(17)];
    let mut header = vec![s.name, s.role];
    if wide {
        widths.push(Constraint::Length(36));
        header.push(s.organisation);
    }
    widths.extend([
        Constraint::Length(11),
        Constraint::Length(11),
        Constraint::Min(8),
        Constraint::Length(5),
    ]);
    header.extend([s.days, s.hours, s.languages, s.active]);
    let table = Table::new(rows, widths).header(Row::new(header).style(theme.header()));
    frame.render_widget(table, area);
}

/// Working days as a span ("mån–fre") when they run unbroken, else their short names.
fn days(days: &[Weekday], names: [&str; 7]) -> String {
    let index: Vec<usize> = Weekday::ALL
        .iter()
        .enumerate()
        .filter(|(_, d)| days.contains(d))
        .map(|(i, _)| i)
        .collect();
    match index.as_slice() {
        [] => String::new(),
        [one] => names[*one].to_string(),
        [first, .., last] if last - first + 1 == index.len() && index.len() > 2 => {
            format!("{}–{}", names[*first], names[*last])
        }
        _ => index
            .iter()
            .map(|i| names[*i])
            .collect::<Vec<_>>()
            .join(" "),
    }
}
