//! Idag / Today: today's and tomorrow's visits, what needs doing, the next parent group.

use crate::domain::views::InterpreterBooked;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use crate::app::keymap::{self, Scope};
use crate::app::today::Pane;
use crate::app::{App, Intent, labels};
use crate::domain::alerts::AlertKind;
use crate::ui::{Theme, content_widths, fit, i18n, scroll_offset, short_name, staff_line, widest};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = i18n::strings(app.lang);
    let view = &app.today_view;
    // Today's session, with the key to its roll call; else the next one.
    let today = view.data.today_sessions.first();
    let label = if today.is_some() {
        crate::ui::describe(
            app.lang,
            "Dagens grupp (a: närvaro)",
            "Today's group (a: roll call)",
        )
    } else {
        s.next_group
    };
    let line = match today.or(view.data.next_session.as_ref()) {
        Some(n) => format!(
            "{}: {}, {} {}{}{}",
            label,
            n.group_name,
            s.weekdays[n.start.weekday().num_days_from_monday() as usize],
            n.start.format("%Y-%m-%d %H:%M"),
            n.place.as_ref().map_or(String::new(), |p| format!(", {p}")),
            format_args!(
                " ({})",
                i18n::count(n.members as usize, s.family_count_one, s.families_count)
            ),
        ),
        None => s.no_group.to_string(),
    };
    // Held sessions without attendance are a to-do of their own, after the group.
    let line = match view.data.unrecorded_sessions.as_slice() {
        [] => line,
        [first, rest @ ..] => {
            let more = if rest.is_empty() {
                String::new()
            } else {
                format!(" (+{})", rest.len())
            };
            let when = first.start.format("%Y-%m-%d");
            let (sv, en) = (
                format!("Närvaro saknas: {} {when}{more}", first.group_name),
                format!("Attendance not recorded: {} {when}{more}", first.group_name),
            );
            let todo = if app.lang == crate::app::Lang::Sv {
                sv
            } else {
                en
            };
            let key = if view.data.today_sessions.is_empty() {
                " (a)"
            } else {
                ""
            };
            // The to-do first: it asks for something, and a long line loses its end.
            format!("{todo}{key} · {line}")
        }
    };
    // The next session's line wraps onto a second row rather than losing its place.
    let group_rows = crate::ui::wrap_words(&line, usize::from(area.width).saturating_sub(2));
    let group_height = u16::try_from(group_rows.len().clamp(1, 2)).unwrap_or(2);
    let [head, visits, alerts, group] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(50),
        Constraint::Min(4),
        Constraint::Length(group_height),
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
    let rows: Vec<Line> = group_rows
        .iter()
        .map(|r| Line::from(fit(&format!(" {r}"), group.width as usize)))
        .collect();
    frame.render_widget(Paragraph::new(rows).style(theme.dim()), group);
}

fn block(title: &str, focused: bool, theme: Theme) -> Block<'_> {
    let b = Block::bordered().title(Line::from(format!(" {title} ")).style(theme.title()));
    if focused {
        b.border_style(theme.focus_border())
    } else {
        b
    }
}

/// A visit's cells in Today's list: when (with its outcome mark), family, area, staff and
/// interpreter.
fn visit_cells(
    app: &App,
    v: &crate::domain::views::DayVisit,
    tomorrow: chrono::NaiveDate,
) -> [String; 5] {
    let s = i18n::strings(app.lang);
    let date = v.start.date();
    // Tomorrow by name; after a weekend or a holiday, the weekday.
    let day = if date == app.today {
        s.today_word
    } else if date == tomorrow {
        s.tomorrow_word
    } else {
        s.weekdays[date.weekday().num_days_from_monday() as usize]
    };
    let language = v
        .interpreter_language
        .as_deref()
        .map(|l| labels::language(l).get(app.lang).to_string());
    let interpreter = match (&language, &v.interpreter) {
        (Some(lang), Some(InterpreterBooked::External)) => {
            format!("{lang}: {}", s.interpreter_external)
        }
        (Some(lang), Some(InterpreterBooked::Staff(who))) => {
            format!("{lang}: {}", short_name(who))
        }
        (Some(lang), None) => format!("{lang}: –"),
        (None, _) => String::new(),
    };
    [
        format!(
            "{day} {} {}",
            v.start.format("%H:%M"),
            crate::ui::status_mark(v.status)
        ),
        crate::ui::family_label(v, app.lang),
        v.area.clone().unwrap_or_default(),
        staff_line(&v.staff),
        interpreter,
    ]
}

fn render_visits(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let s = i18n::strings(app.lang);
    let view = &app.today_view;
    let focused = view.pane == Pane::Visits;
    let next_day = view.data.next_day;
    let tomorrow = app.today.succ_opt().unwrap_or(app.today);
    let title = if next_day == tomorrow {
        s.visits_today_tomorrow.to_string()
    } else {
        format!(
            "{}: {} {next_day}",
            s.visits_today_next,
            s.weekdays[next_day.weekday().num_days_from_monday() as usize]
        )
    };
    let b = block(&title, focused, theme);
    if view.total() == 0 {
        let empty = if next_day == tomorrow {
            s.no_visits
        } else {
            s.no_visits_next
        };
        frame.render_widget(Paragraph::new(format!(" {empty}")).block(b), area);
        return;
    }
    let cells: Vec<[String; 5]> = view
        .data
        .visits
        .iter()
        .map(|v| visit_cells(app, v, tomorrow))
        .collect();
    let header = [s.when, s.family, s.area, s.staff_col, s.interpreter];
    let natural: Vec<usize> = (0..header.len())
        .map(|c| widest(header[c], cells.iter().map(|r| r[c].as_str())))
        .collect();
    // Each column as wide as its content; when the row is too wide, the ones with most to
    // spare give way, and the day, time and outcome mark never do.
    let widths = content_widths(
        &natural,
        &[usize::MAX, 14, 8, 12, 10],
        usize::from(area.width.saturating_sub(2)),
    );
    let height = area.height.saturating_sub(3) as usize;
    let offset = scroll_offset(view.visit_selected, height);
    // Only a part of the list is read: its rows are counted from the list's first.
    let read_from = view.data.offset;
    let rows = cells
        .into_iter()
        .enumerate()
        .map(|(i, row)| (i + read_from, row))
        .skip(offset.saturating_sub(read_from))
        .take(height)
        .map(|(i, row)| {
            let style = if focused && i == view.visit_selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            Row::new(
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| fit(c, usize::from(*w)))
                    .collect::<Vec<_>>(),
            )
            .style(style)
        });
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    let table = Table::new(rows, constraints)
        .header(Row::new(header.to_vec()).style(theme.header()))
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
    let record_key = keymap::bindings()
        .find(|b| b.scope == Scope::Today && b.action == Intent::RecordOutcome)
        .map(|b| keymap::keys_label(b.keys))
        .unwrap_or_default();
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
                &format!(
                    "{:<18} {}",
                    fit(
                        &crate::ui::shown_name(&a.family_name, a.protection, app.lang),
                        18
                    ),
                    crate::i18n::alerts::detail(a, &record_key).get(app.lang)
                ),
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
