//! Personal / Staff: the roster with ids, roles, organisation, working days and hours,
//! languages; a search line while narrowing it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};

use crate::app::Intent;
use crate::app::keymap::{Scope, key_for};
use crate::app::{App, labels};
use crate::domain::enums::Weekday;
use crate::domain::model::Staff;
use crate::i18n::{Lang, screens as w};
use crate::ui::{Theme, content_widths, fit, scroll_offset};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.staff;
    if !state.loaded {
        frame.render_widget(
            Paragraph::new(format!(" {}", w::LOADING.get(app.lang))),
            area,
        );
        return;
    }
    if state.total == 0 {
        let new = key_for(Scope::Staff, &Intent::New);
        let text = format!(" {}", w::no_staff(&new).get(app.lang));
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let searched = state.searching || !state.query.value().is_empty();
    let [search, area] =
        Layout::vertical([Constraint::Length(u16::from(searched)), Constraint::Min(0)]).areas(area);
    if searched {
        render_search(app, frame, search, theme);
    }
    if state.count == 0 {
        frame.render_widget(
            Paragraph::new(format!(" {}", w::NO_STAFF_MATCH.get(app.lang))),
            area,
        );
        return;
    }
    let wide = area.width >= 110;
    let (header, min) = columns(app.lang, wide);
    // Widths grow with every person read and never shrink, so columns stay put while the
    // search narrows the list. The rows of a page are measured once (per width class), not
    // per frame.
    let natural = state.natural_widths(wide, |people| {
        let mut natural: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for m in people {
            for (n, cell) in natural.iter_mut().zip(cells(app, m, wide)) {
                *n = (*n).max(cell.chars().count());
            }
        }
        natural
    });
    let widths = content_widths(&natural, &min, usize::from(area.width));
    let height = area.height.saturating_sub(1) as usize;
    let offset = scroll_offset(state.selected, height);
    // Only the rows on screen are made.
    let table_rows = state
        .rows()
        .skip(offset.saturating_sub(state.offset))
        .take(height)
        .map(|(i, m)| {
            let style = if i == state.selected {
                theme.selected()
            } else if m.active {
                Style::new()
            } else {
                theme.dim()
            };
            let cells: Vec<String> = cells(app, m, wide)
                .iter()
                .zip(&widths)
                .map(|(c, w)| fit(c, usize::from(*w)))
                .collect();
            Row::new(cells).style(style)
        });
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    let table = Table::new(table_rows, constraints).header(Row::new(header).style(theme.header()));
    frame.render_widget(table, area);
}

/// One person's cells, in the columns of [`columns`].
fn cells(app: &App, m: &Staff, wide: bool) -> Vec<String> {
    let mut cells = vec![
        m.id.to_string(),
        m.name.clone(),
        labels::role(m.role).get(app.lang).to_string(),
    ];
    if wide {
        cells.push(m.organisation.clone().unwrap_or_default());
    }
    cells.extend([
        days(&m.work_days, w::weekdays(app.lang)),
        m.work_hours.to_text(),
        labels::languages(&m.languages).get(app.lang).to_string(),
        labels::yes_no(m.active).get(app.lang).to_string(),
    ]);
    cells
}

/// The column headings, and the floor each column may be cut to when the row is too wide
/// (id, days, hours and active are never cut).
fn columns(lang: Lang, wide: bool) -> (Vec<&'static str>, Vec<usize>) {
    let mut header = vec![w::ID.get(lang), w::NAME.get(lang), w::ROLE.get(lang)];
    let mut min = vec![usize::MAX, 14, 17];
    if wide {
        header.push(w::ORGANISATION.get(lang));
        min.push(10);
    }
    header.extend([
        w::DAYS.get(lang),
        w::HOURS.get(lang),
        w::LANGUAGES.get(lang),
        w::ACTIVE.get(lang),
    ]);
    min.extend([usize::MAX, usize::MAX, 8, usize::MAX]);
    (header, min)
}

/// The search line: what is typed (selected when typing will replace it) and how many match.
fn render_search(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let state = &app.staff;
    let label = format!(" {}: ", w::SEARCH.get(app.lang));
    let typed = state.query.value();
    let style = if state.query.selected && state.searching {
        theme.selected()
    } else {
        Style::new()
    };
    let count = format!(
        "  ({} {} {})",
        state.count,
        w::OF.get(app.lang),
        state.total
    );
    let line = Line::from(vec![
        Span::styled(label.clone(), theme.title()),
        Span::styled(typed.to_string(), style),
        Span::styled(count, theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if state.searching && app.modals().is_empty() {
        let x = area.x + (label.chars().count() + state.query.visual_cursor()) as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// Working days, every one of them: runs of three or more as a span ("mån ons–fre"), others by
/// their short names.
pub fn days(days: &[Weekday], names: [&str; 7]) -> String {
    let index: Vec<usize> = Weekday::ALL
        .iter()
        .enumerate()
        .filter(|(_, d)| days.contains(d))
        .map(|(i, _)| i)
        .collect();
    let mut parts: Vec<String> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, parts: &mut Vec<String>| {
        match run.as_slice() {
            [first, .., last] if run.len() >= 3 => {
                parts.push(format!("{}–{}", names[*first], names[*last]));
            }
            _ => parts.extend(run.iter().map(|i| names[*i].to_string())),
        }
        run.clear();
    };
    for i in index {
        if run.last().is_some_and(|last| last + 1 != i) {
            flush(&mut run, &mut parts);
        }
        run.push(i);
    }
    flush(&mut run, &mut parts);
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::days;
    use crate::domain::enums::Weekday::{Fri, Mon, Sat, Thu, Tue, Wed};
    use crate::i18n::Lang;
    use crate::i18n::screens::weekdays;

    #[test]
    fn every_working_day_is_shown_runs_of_three_as_a_span() {
        assert_eq!(
            days(&[Mon, Wed, Thu, Fri], weekdays(Lang::Sv)),
            "mån ons–fre"
        );
        assert_eq!(
            days(&[Mon, Wed, Thu, Fri], weekdays(Lang::En)),
            "Mon Wed–Fri"
        );
        assert_eq!(
            days(&[Mon, Tue, Wed, Thu, Fri], weekdays(Lang::Sv)),
            "mån–fre"
        );
        assert_eq!(days(&[Mon, Tue, Thu], weekdays(Lang::Sv)), "mån tis tor");
        assert_eq!(
            days(&[Mon, Tue, Wed, Fri, Sat], weekdays(Lang::Sv)),
            "mån–ons fre lör"
        );
        assert_eq!(days(&[Wed], weekdays(Lang::Sv)), "ons");
        assert_eq!(days(&[], weekdays(Lang::Sv)), "");
    }
}
