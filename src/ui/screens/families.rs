//! Familjer / Families: the search box, the filters and the matching families.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table};

use crate::app::Intent;
use crate::app::families::DueFilter;
use crate::app::keymap::{Scope, key_for};
use crate::app::{App, labels};
use crate::domain::views::FamilyIndexEntry;
use crate::i18n::screens as w;
use crate::ui::{Theme, fit, scroll_offset};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let filter_rows = filter_lines(app, usize::from(area.width), theme);
    let [search, filters, list] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(u16::try_from(filter_rows.len()).unwrap_or(1)),
        Constraint::Min(0),
    ])
    .areas(area);
    render_search(app, frame, search, theme);
    frame.render_widget(Paragraph::new(filter_rows), filters);
    render_list(app, frame, list, theme);
}

/// The search box, with how many families match, and the cursor while typing there.
fn render_search(app: &App, frame: &mut Frame, search: Rect, theme: Theme) {
    let state = &app.families;
    let count = format!(
        " {}{} {} {} ",
        state.count,
        if state.more { "+" } else { "" },
        w::OF.get(app.lang),
        state.total
    );
    let search_block = Block::bordered()
        .title(Line::from(format!(" {} ", w::SEARCH.get(app.lang))).style(theme.title()))
        .title_top(Line::from(count).right_aligned())
        .border_style(if state.searching {
            theme.focus_border()
        } else {
            Style::new()
        });
    let query = state.query.value();
    let text = if query.is_empty() && !state.searching {
        let hint = w::search_hint(&key_for(Scope::Global, &Intent::Search));
        Span::styled(hint.get(app.lang).to_string(), theme.dim())
    } else if state.query.selected && state.searching {
        // Selected: the next letter typed replaces it.
        Span::styled(query.to_string(), theme.selected())
    } else {
        Span::raw(query.to_string())
    };
    frame.render_widget(Paragraph::new(Line::from(text)).block(search_block), search);
    // The cursor shows where typing goes: in the search box, unless something is open over it.
    if state.searching && app.modals().is_empty() {
        let x = search.x + 1 + state.query.visual_cursor() as u16;
        frame.set_cursor_position((x.min(search.right().saturating_sub(2)), search.y + 1));
    }
}

/// The filters in use: one line, or two when the values (a programme's name) make it too wide;
/// a filter is never cut in the middle.
fn filter_lines(app: &App, width: usize, theme: Theme) -> Vec<Line<'static>> {
    let state = &app.families;
    let f = &state.filters;
    let all = || w::ALL.get(app.lang).to_string();
    let due = match f.due {
        DueFilter::All => w::ALL.get(app.lang),
        DueFilter::DueOrOverdue => w::DUE_OR_OVERDUE.get(app.lang),
        DueFilter::Overdue => w::OVERDUE.get(app.lang),
    };
    let parts = [
        (w::AREA.get(app.lang), f.area.clone().unwrap_or_else(all)),
        (
            w::CLINIC.get(app.lang),
            f.clinic.clone().unwrap_or_else(all),
        ),
        (
            w::PROGRAMME.get(app.lang),
            f.programme
                .as_ref()
                .map_or_else(all, |p| app.programme_name(p).get(app.lang).to_string()),
        ),
        (
            w::STATUS.get(app.lang),
            f.status
                .map_or_else(all, |st| labels::status(st).get(app.lang).to_string()),
        ),
        (w::VISITS_FILTER.get(app.lang), due.to_string()),
    ];
    let mut lines: Vec<Vec<Span<'static>>> = vec![vec![Span::raw(" ")]];
    let mut used = 1;
    for (i, (name, value)) in parts.iter().enumerate() {
        let label = format!("{name}: ");
        let len = label.chars().count() + value.chars().count();
        if i > 0 && used + 3 + len > width && lines.len() < 2 {
            lines.push(vec![Span::raw(" ")]);
            used = 1;
        } else if i > 0 {
            if let Some(line) = lines.last_mut() {
                line.push(Span::styled(" · ", theme.dim()));
            }
            used += 3;
        }
        let style = if value == w::ALL.get(app.lang) {
            Style::new()
        } else {
            theme.warn()
        };
        if let Some(line) = lines.last_mut() {
            line.push(Span::styled(label, theme.dim()));
            line.push(Span::styled(value.clone(), style));
        }
        used += len;
    }
    lines.into_iter().map(Line::from).collect()
}

/// The matching families as a table, or why there are none.
fn render_list(app: &App, frame: &mut Frame, list: Rect, theme: Theme) {
    let state = &app.families;
    if !state.loaded {
        frame.render_widget(
            Paragraph::new(format!(" {}", w::LOADING.get(app.lang))),
            list,
        );
        return;
    }
    if state.count == 0 {
        let text = if state.total == 0 {
            let new = key_for(Scope::Families, &Intent::New);
            w::no_families(&new).get(app.lang).to_string()
        } else {
            w::NO_MATCH.get(app.lang).to_string()
        };
        frame.render_widget(
            Paragraph::new(format!(" {text}")).wrap(ratatui::widgets::Wrap { trim: true }),
            list,
        );
        return;
    }
    let height = list.height.saturating_sub(1) as usize;
    let offset = scroll_offset(state.selected, height);
    let wide = list.width >= 110;
    // At 80 columns every column keeps its width (and its "…") when the name gives one up.
    let name_width: u16 = if wide { 22 } else { 21 };
    let (clinic_width, programme_width) = wide_widths(app, list.width, name_width);
    let rows = (offset..(offset + height).min(state.count))
        .filter_map(|i| state.row(i).map(|e| (i, e)))
        .map(|(i, e)| {
            let style = if i == state.selected {
                theme.selected()
            } else {
                Style::new()
            };
            render_row(
                app,
                e,
                wide.then_some((clinic_width, programme_width)),
                name_width,
            )
            .style(style)
        });
    let mut widths = vec![
        Constraint::Length(name_width),
        Constraint::Length(CAREGIVERS_WIDTH),
        Constraint::Length(9),
        Constraint::Length(12),
    ];
    let mut header = vec![
        w::FAMILY.get(app.lang),
        w::CAREGIVERS.get(app.lang),
        w::REFERENCE.get(app.lang),
        w::AREA.get(app.lang),
    ];
    if wide {
        widths.extend([
            Constraint::Length(clinic_width),
            Constraint::Length(programme_width),
        ]);
        header.extend([w::CLINIC.get(app.lang), w::PROGRAMME.get(app.lang)]);
    }
    widths.extend([Constraint::Length(STATUS_WIDTH), Constraint::Length(5)]);
    header.extend([w::STATUS.get(app.lang), ""]);
    let table = Table::new(rows, widths).header(Row::new(header).style(theme.header()));
    frame.render_widget(table, list);
}

/// The clinic's and the programme's widths in a wide table: what the other columns leave,
/// shared by their content (a programme's name is long, a clinic's often short).
fn wide_widths(app: &App, width: u16, name_width: u16) -> (u16, u16) {
    let state = &app.families;
    // By every value the filters offer, so the columns keep their widths as the list scrolls.
    let clinic = crate::ui::widest(
        w::CLINIC.get(app.lang),
        state.clinics().iter().map(String::as_str),
    );
    let names: Vec<String> = state
        .programmes()
        .iter()
        .map(|id| app.programme_name(id).get(app.lang).to_string())
        .collect();
    let programme = crate::ui::widest(w::PROGRAMME.get(app.lang), names.iter().map(String::as_str));
    // Name, caregivers, reference, area, status and the protection mark, with the gaps.
    let others = usize::from(name_width + CAREGIVERS_WIDTH + 9 + 12 + STATUS_WIDTH + 5 + 6);
    let room = usize::from(width).saturating_sub(others);
    match crate::ui::content_widths(&[clinic, programme], &[10, 12], room).as_slice() {
        [c, p] => (*c, *p),
        _ => (22, 12),
    }
}

/// The caregivers' first names.
const CAREGIVERS_WIDTH: u16 = 17;

/// A status with its mark before it: "!tackat nej" is the widest.
const STATUS_WIDTH: u16 = 11;

/// One family's cells; wide tables add the clinic and the programme (with their widths).
fn render_row<'a>(
    app: &App,
    e: &FamilyIndexEntry,
    wide: Option<(u16, u16)>,
    name_width: u16,
) -> Row<'a> {
    let state = &app.families;
    // A protected family is found by any of its names, but none of them is shown in the list:
    // its reference tells it apart, and its own page names it.
    let protected = e.protection.is_protected();
    let mut cells = vec![
        fit(
            &crate::ui::shown_name(&e.display_name, e.protection, app.lang),
            usize::from(name_width),
        ),
        fit(
            if protected { "" } else { &e.caregivers },
            usize::from(CAREGIVERS_WIDTH),
        ),
        e.family_ref.clone(),
        fit(e.area.as_deref().unwrap_or_default(), 12),
    ];
    if let Some((clinic, programme)) = wide {
        cells.push(fit(
            e.clinic.as_deref().unwrap_or_default(),
            usize::from(clinic),
        ));
        cells.push(fit(
            app.programme_name(&e.programme_id).get(app.lang),
            usize::from(programme),
        ));
    }
    // A mark for a visit to book soon (·) or overdue (!), from Today's alerts.
    let mark = match state.due_of(e.id) {
        Some(crate::domain::alerts::AlertKind::Overdue) => "!",
        Some(_) => "·",
        None => " ",
    };
    cells.push(format!("{mark}{}", labels::status(e.status).get(app.lang)));
    cells.push(if e.protection.is_protected() {
        w::PROTECTED_SHORT.get(app.lang).to_string()
    } else {
        String::new()
    });
    Row::new(cells)
}
