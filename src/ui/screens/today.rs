//! Idag / Today: today's and tomorrow's visits, what needs doing, the next parent group.

use crate::domain::views::InterpreterBooked;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use crate::app::keymap::{Scope, key_for};
use crate::app::today::Pane;
use crate::app::{App, Intent, TodayIntent, labels};
use crate::domain::alerts::AlertKind;
use crate::i18n::screens as w;
use crate::ui::{Theme, content_widths, fit, scroll_offset, short_name, staff_line, widest};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let view = &app.today_view;
    // Today's session, with the key to its roll call; else the next one.
    let today = view.data.today_sessions.first();
    let roll_call = key_for(Scope::Today, &Intent::Today(TodayIntent::RollCall));
    let label = if today.is_some() {
        w::todays_group(&roll_call).get(app.lang).to_string()
    } else {
        w::NEXT_GROUP.get(app.lang).to_string()
    };
    let line = match today.or(view.data.next_session.as_ref()) {
        Some(n) => format!(
            "{}: {}, {} {}{}{}",
            label,
            n.group_name,
            w::weekday(n.start.weekday()).get(app.lang),
            n.start.format("%Y-%m-%d %H:%M"),
            n.place.as_ref().map_or(String::new(), |p| format!(", {p}")),
            format_args!(
                " ({})",
                w::count(
                    n.members as usize,
                    w::FAMILY_COUNTED,
                    w::FAMILIES_COUNTED,
                    app.lang
                )
            ),
        ),
        None => w::NO_GROUP.get(app.lang).to_string(),
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
            let todo = w::attendance_missing(&first.group_name, &when.to_string(), &more);
            let todo = todo.get(app.lang);
            let key = if view.data.today_sessions.is_empty() {
                format!(" ({roll_call})")
            } else {
                String::new()
            };
            // The to-do first: it asks for something, and a long line loses its end.
            format!("{todo}{key} · {line}")
        }
    };
    // The next session's line wraps onto a second row rather than losing its place.
    let group_rows = crate::ui::wrap_rows(&line, usize::from(area.width).saturating_sub(2), 2);
    let group_height = u16::try_from(group_rows.len().clamp(1, 2)).unwrap_or(2);
    let [head, visits, alerts, group] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(50),
        Constraint::Min(4),
        Constraint::Length(group_height),
    ])
    .areas(area);
    let weekday = w::weekday(app.today.weekday()).get(app.lang);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {} ", w::TODAY.get(app.lang)), theme.title()),
            Span::raw(format!("{weekday} {}", app.today)),
        ])),
        head,
    );
    if !view.loaded {
        frame.render_widget(Paragraph::new(w::LOADING.get(app.lang)), visits);
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

/// Where the family stands among a visit's cells.
const FAMILY_COLUMN: usize = 1;

/// A visit's cells in Today's list: when (with its outcome mark), family, area, staff and
/// interpreter.
fn visit_cells(
    app: &App,
    v: &crate::domain::views::DayVisit,
    tomorrow: chrono::NaiveDate,
) -> [String; 5] {
    let date = v.start.date();
    // Tomorrow by name; after a weekend or a holiday, the weekday.
    let day = if date == app.today {
        w::TODAY_WORD.get(app.lang)
    } else if date == tomorrow {
        w::TOMORROW_WORD.get(app.lang)
    } else {
        w::weekday(date.weekday()).get(app.lang)
    };
    let language = v
        .interpreter_language
        .as_deref()
        .map(|l| labels::language(l).get(app.lang).to_string());
    let interpreter = match (&language, &v.interpreter) {
        (Some(lang), Some(InterpreterBooked::External)) => {
            format!("{lang}: {}", w::INTERPRETER_EXTERNAL.get(app.lang))
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
    let view = &app.today_view;
    let focused = view.pane == Pane::Visits;
    let next_day = view.data.next_day;
    let tomorrow = app.today.succ_opt().unwrap_or(app.today);
    let title = if next_day == tomorrow {
        w::VISITS_TODAY_TOMORROW.get(app.lang).to_string()
    } else {
        format!(
            "{}: {} {next_day}",
            w::VISITS_TODAY_NEXT.get(app.lang),
            w::weekday(next_day.weekday()).get(app.lang)
        )
    };
    let b = block(&title, focused, theme);
    if view.total() == 0 {
        let empty = if next_day == tomorrow {
            w::NO_VISITS.get(app.lang)
        } else {
            w::NO_VISITS_NEXT.get(app.lang)
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
    let header = [
        w::WHEN.get(app.lang),
        w::FAMILY.get(app.lang),
        w::AREA.get(app.lang),
        w::STAFF.get(app.lang),
        w::INTERPRETER.get(app.lang),
    ];
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
        .zip(&view.data.visits)
        .enumerate()
        .map(|(i, row)| (i + read_from, row))
        .skip(offset.saturating_sub(read_from))
        .take(height)
        .map(|(i, (row, v))| {
            let style = if focused && i == view.visit_selected {
                theme.selected()
            } else {
                ratatui::style::Style::new()
            };
            let mut row: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| fit(c, usize::from(*w)))
                .collect();
            // A protected family's reference stays whole; the words give way.
            if let (Some(cell), Some(width)) =
                (row.get_mut(FAMILY_COLUMN), widths.get(FAMILY_COLUMN))
            {
                *cell = crate::ui::family_cell(
                    &v.family_name,
                    v.protection,
                    &v.family_ref,
                    app.lang,
                    usize::from(*width),
                );
            }
            Row::new(row).style(style)
        });
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    let table = Table::new(rows, constraints)
        .header(Row::new(header.to_vec()).style(theme.header()))
        .block(b);
    frame.render_widget(table, area);
}

fn render_alerts(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let view = &app.today_view;
    let focused = view.pane == Pane::Alerts;
    let title = match &view.alerts {
        Some(alerts) => format!("{} ({})", w::ALERTS.get(app.lang), alerts.len()),
        None => format!("{} ({})", w::ALERTS.get(app.lang), w::LOADING.get(app.lang)),
    };
    let b = block(&title, focused, theme);
    if view.alerts.is_none() {
        frame.render_widget(Paragraph::new("").block(b), area);
        return;
    }
    if view.alert_list().is_empty() {
        frame.render_widget(
            Paragraph::new(format!(" {}", w::NO_ALERTS.get(app.lang))).block(b),
            area,
        );
        return;
    }
    let height = area.height.saturating_sub(2) as usize;
    let offset = scroll_offset(view.alert_selected, height);
    let width = area.width.saturating_sub(2) as usize;
    let record_key = key_for(Scope::Today, &Intent::RecordOutcome);
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
                    crate::ui::family_cell(
                        &a.family_name,
                        a.protection,
                        &a.family_ref,
                        app.lang,
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
