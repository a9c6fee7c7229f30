//! Grupper / Groups: the list of series, a series page with its sessions and the members ×
//! sessions grid, the roll call and the picker of suggested families.

pub mod roll_call;

use std::fmt::Write as _;

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};

use crate::app::groups::SeriesPage;
use crate::app::keymap::{Scope, key_for};
use crate::app::{App, GroupsIntent, Intent, Lang};
use crate::domain::enums::{AttendanceStatus, SessionStatus};
use crate::domain::group_views::{ENDED_DAYS, Ended, Phase, SessionRow};
use crate::i18n::labels::session_status;
use crate::i18n::screens as w;
use crate::ui::{Theme, content_widths, fit, scroll_offset, widest};

pub(super) fn weekday(lang: Lang, d: chrono::NaiveDate) -> &'static str {
    w::weekday(d.weekday()).get(lang)
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    match &app.groups.page {
        Some(page) => render_page(app, page, frame, area, theme),
        None => render_list(app, frame, area, theme),
    }
}

/// A series' cells in the list, in the columns of [`list_columns`].
fn series_cells(app: &App, g: &crate::domain::group_views::GroupRow, wide: bool) -> Vec<String> {
    let lang = app.lang;
    let next = g.next.map_or_else(
        || "–".to_string(),
        |n| format!("{} {}", weekday(lang, n.date()), n.format("%-d/%-m %H:%M")),
    );
    let members = match g.capacity {
        Some(c) => format!("{}/{c}", g.members),
        None => g.members.to_string(),
    };
    let rate = g
        .rate()
        .map_or_else(|| "–".to_string(), |r| format!("{r} %"));
    let mut row = vec![
        w::phase(g.phase(app.today)).get(lang).to_string(),
        g.name.clone(),
    ];
    if wide {
        row.push(g.method.clone().unwrap_or_default());
    }
    let language = g.language.iter().cloned().collect::<Vec<_>>();
    row.extend([
        crate::i18n::labels::languages(&language)
            .get(lang)
            .to_string(),
        next,
        members,
        g.sessions.to_string(),
        rate,
    ]);
    row
}

/// The list's headings, and the floor each column may be cut to.
fn list_columns(lang: crate::i18n::Lang, wide: bool) -> (Vec<&'static str>, Vec<usize>) {
    let mut header = vec![w::PHASE.get(lang), w::GROUP.get(lang)];
    let mut min = vec![usize::MAX, 16];
    if wide {
        header.push(w::METHOD.get(lang));
        min.push(10);
    }
    header.extend([
        w::LANGUAGES.get(lang),
        w::NEXT_SESSION.get(lang),
        w::FAMILIES_SHORT.get(lang),
        w::SESSIONS.get(lang),
        w::ATTENDANCE.get(lang),
    ]);
    min.extend([6, usize::MAX, usize::MAX, usize::MAX, usize::MAX]);
    (header, min)
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let state = &app.groups;
    if !state.loaded {
        frame.render_widget(Paragraph::new(format!(" {}", w::LOADING.get(lang))), area);
        return;
    }
    let earlier = key_for(Scope::Groups, &Intent::Groups(GroupsIntent::EarlierSeries));
    let cut = app.today - chrono::Days::new(ENDED_DAYS.unsigned_abs());
    if state.total() == 0 {
        let new = key_for(Scope::Groups, &Intent::New);
        let text = if state.earlier > 0 {
            w::only_earlier(state.earlier, cut, &earlier, &new)
        } else {
            w::no_groups(&new)
        };
        frame.render_widget(
            Paragraph::new(format!(" {}", text.get(lang))).wrap(Wrap { trim: false }),
            area,
        );
        return;
    }
    // What the list leaves out is said below it, with the key that lists it.
    // The note follows the list's last row, after a blank line, or stands at the foot.
    let area = if state.earlier > 0 {
        let rows = u16::try_from(state.total()).unwrap_or(u16::MAX);
        let list_height = rows.saturating_add(1).min(area.height.saturating_sub(2));
        let [list, _, note] = Layout::vertical([
            Constraint::Length(list_height),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let note_text = match state.ended {
            Ended::Lately => w::earlier_hidden(state.earlier, cut, &earlier),
            Ended::All => w::earlier_shown(state.earlier, cut, &earlier),
        };
        frame.render_widget(
            Paragraph::new(fit(
                &format!(" {}", note_text.get(lang)),
                usize::from(note.width),
            ))
            .style(theme.dim()),
            note,
        );
        list
    } else {
        area
    };
    let wide = area.width >= 110;
    let height = area.height.saturating_sub(1) as usize;
    let offset = scroll_offset(state.selected, height);
    // Only the rows on screen, by their place in the whole list; a row not read yet (while
    // the part around it is read) is left blank.
    let shown: Vec<(usize, Option<Vec<String>>)> = (offset..state.total().min(offset + height))
        .map(|i| (i, state.row(i).map(|g| series_cells(app, g, wide))))
        .collect();
    let (header, min) = list_columns(lang, wide);
    let natural: Vec<usize> = (0..header.len())
        .map(|c| {
            widest(
                header[c],
                shown
                    .iter()
                    .filter_map(|(_, r)| r.as_ref().map(|r| r[c].as_str())),
            )
        })
        .collect();
    let widths = content_widths(&natural, &min, usize::from(area.width));
    let rows = shown.iter().map(|(i, cells)| {
        let style = if *i == state.selected {
            theme.selected()
        } else if state
            .row(*i)
            .is_some_and(|g| g.phase(app.today) == Phase::Ended)
        {
            theme.dim()
        } else {
            Style::new()
        };
        let row: Vec<String> = match cells {
            Some(cells) => cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| fit(c, usize::from(*w)))
                .collect(),
            None => Vec::new(),
        };
        Row::new(row).style(style)
    });
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    frame.render_widget(
        Table::new(rows, constraints).header(Row::new(header).style(theme.header())),
        area,
    );
}

/// A mark in the grid: ✓ present, · absent, e excused, blank not recorded.
pub(super) fn mark_char(m: Option<AttendanceStatus>) -> &'static str {
    match m {
        Some(AttendanceStatus::Present) => "✓",
        Some(AttendanceStatus::Absent) => "·",
        Some(AttendanceStatus::Excused) => "e",
        None => " ",
    }
}

fn session_line(lang: Lang, i: usize, s: &SessionRow) -> String {
    let status = session_status(s.status);
    let mut text = format!(
        "{:>2}. {} {}  {}",
        i + 1,
        weekday(lang, s.start.date()),
        s.start.format("%Y-%m-%d %H:%M"),
        status.get(lang)
    );
    if let Some(reason) = &s.cancel_reason {
        let _ = write!(text, ": {reason}");
    }
    if s.dropins > 0 {
        let _ = write!(text, "  drop-in {}", s.dropins);
    }
    if let Some(theme) = &s.theme {
        let _ = write!(text, "  · {theme}");
    }
    text
}

fn render_page(app: &App, page: &SeriesPage, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let data = &page.data;
    let info = &data.info;
    let width = usize::from(area.width);
    let mut head = vec![info.name.clone()];
    head.extend(info.method.clone());
    if let Some(language) = &info.language {
        let language = crate::i18n::labels::languages(std::slice::from_ref(language));
        head.push(language.get(lang).to_string());
    }
    head.extend(info.place.clone());
    let leaders: Vec<String> = info
        .leaders
        .iter()
        .map(|(_, n)| crate::ui::short_name(n))
        .collect();
    let current = data.members.iter().filter(|m| m.left.is_none()).count();
    let members = match info.capacity {
        Some(c) => format!("{current}/{c}"),
        None => current.to_string(),
    };
    let second = format!(
        " {}: {}  ·  {}: {members}{}",
        w::LEADERS.get(lang),
        leaders.join(", "),
        w::FAMILIES.get(lang),
        info.born.map_or_else(String::new, |(a, b)| format!(
            "  ·  {} {a} – {b}",
            w::CHILDREN_BORN.get(lang)
        )),
    );
    let sessions_height = (data.sessions.len() as u16 + 1).min(area.height / 2).max(2);
    let [top, sessions_area, grid_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(sessions_height),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                fit(&format!(" {}", head.join(" · ")), width),
                theme.title(),
            )),
            Line::from(fit(&second, width)),
        ]),
        top,
    );
    // The sessions, one to mark.
    let open = key_for(Scope::GroupPage, &Intent::Open);
    let mut lines = vec![Line::from(Span::styled(
        format!(" {}", w::sessions_heading(&open).get(lang)),
        theme.header(),
    ))];
    let rows = usize::from(sessions_area.height.saturating_sub(1));
    let offset = scroll_offset(page.selected, rows);
    for (i, s) in data.sessions.iter().enumerate().skip(offset).take(rows) {
        let text = fit(&format!(" {}", session_line(lang, i, s)), width);
        let style = if i == page.selected {
            theme.selected()
        } else if s.status == SessionStatus::Cancelled {
            theme.dim()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    frame.render_widget(Paragraph::new(lines), sessions_area);
    render_grid(app, page, frame, grid_area, theme);
}

/// Members × sessions: a column per session (its number), a cancelled one's marked × all the
/// way down; under them, when there is a row to spare, what the marks mean.
fn render_grid(app: &App, page: &SeriesPage, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let data = &page.data;
    if data.members.is_empty() {
        let add = key_for(Scope::GroupPage, &Intent::Groups(GroupsIntent::AddMembers));
        let text = format!(" {}", w::no_members(&add).get(lang));
        frame.render_widget(Paragraph::new(text).style(theme.dim()), area);
        return;
    }
    let members: Vec<crate::ui::members::Member> = data
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.family_ref.as_str(), m.protection))
        .collect();
    let names = crate::ui::member_names(&members, lang, 24);
    let name_width = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(10, 24);
    let mut header = format!(" {:name_width$} ", w::FAMILY.get(lang));
    for (i, _) in data.sessions.iter().enumerate() {
        let _ = write!(header, "{:>3}", i + 1);
    }
    let mut lines = vec![Line::from(Span::styled(header, theme.header()))];
    let rows = usize::from(area.height.saturating_sub(1));
    for (m, name) in data.members.iter().zip(&names).take(rows) {
        let mut spans = vec![Span::raw(format!(
            " {:name_width$} ",
            fit(name, name_width)
        ))];
        for s in &data.sessions {
            let date = s.start.date();
            let cell = if s.status == SessionStatus::Cancelled {
                format!("  {CANCELLED_MARK}")
            } else if !crate::domain::groups::member_on(m.joined, m.left, date) {
                "   ".to_string()
            } else {
                format!("  {}", mark_char(data.mark(s.id, m.family_id)))
            };
            let style = if s.status == SessionStatus::Cancelled {
                theme.dim()
            } else {
                Style::new()
            };
            spans.push(Span::styled(cell, style));
        }
        if m.left.is_some() {
            spans.push(Span::styled(
                format!("  ({})", w::HAS_LEFT.get(lang)),
                theme.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    if lines.len() < usize::from(area.height) {
        let legend = w::grid_legend(
            mark_char(Some(AttendanceStatus::Present)),
            mark_char(Some(AttendanceStatus::Absent)),
            mark_char(Some(AttendanceStatus::Excused)),
            CANCELLED_MARK,
        );
        lines.push(Line::from(Span::styled(
            format!(" {}", legend.get(lang)),
            theme.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A cancelled session's cell, for every member.
const CANCELLED_MARK: &str = "×";

/// The family page's parent groups: each series, when the family joined (and left), and its
/// attendance at the held sessions while a member.
pub fn family_groups<'a>(
    lang: Lang,
    groups: &[crate::domain::group_views::FamilyGroup],
    theme: Theme,
) -> Vec<Line<'a>> {
    if groups.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::from(Span::styled(
        format!(" {}", w::PARENT_GROUPS.get(lang)),
        theme.header(),
    ))];
    for g in groups {
        let left = g
            .left
            .map_or_else(String::new, |l| format!(" – {} {l}", w::LEFT_ON.get(lang)));
        // Present of the held sessions while a member; absences are in the series' grid.
        let attended = format!(
            "{} {} {} {}",
            w::PRESENT_AT.get(lang),
            g.present,
            w::OF.get(lang),
            g.held
        );
        lines.push(Line::from(format!(
            "  {} · {} {}{left} · {attended}",
            g.name,
            w::FROM.get(lang),
            g.joined
        )));
    }
    lines
}
