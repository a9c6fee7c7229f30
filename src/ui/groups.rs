//! Grupper / Groups: the list of series, a series page with its sessions and the members ×
//! sessions grid, the roll call and the picker of suggested families.

use std::fmt::Write as _;

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Row, Table};

use super::{Theme, centered, content_widths, describe, fit, i18n, scroll_offset, widest};
use crate::app::groups::{MemberPick, RollCallState, SeriesPage};
use crate::app::{App, Lang};
use crate::domain::enums::{AttendanceStatus, SessionStatus};
use crate::domain::group_views::{Phase, SessionRow};
use crate::i18n::groups::{attendance, session_status};

fn tr(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    describe(lang, sv, en)
}

fn weekday(lang: Lang, d: chrono::NaiveDate) -> &'static str {
    i18n::strings(lang).weekdays[d.weekday().num_days_from_monday() as usize]
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    match &app.groups.page {
        Some(page) => render_page(app, page, frame, area, theme),
        None => render_list(app, frame, area, theme),
    }
}

fn phase_name(lang: Lang, p: Phase) -> &'static str {
    match p {
        Phase::Current => tr(lang, "pågår", "current"),
        Phase::Planned => tr(lang, "planerad", "planned"),
        Phase::Ended => tr(lang, "avslutad", "ended"),
    }
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let s = i18n::strings(lang);
    let state = &app.groups;
    if !state.loaded {
        frame.render_widget(Paragraph::new(format!(" {}", s.loading)), area);
        return;
    }
    if state.list.is_empty() {
        let text = tr(
            lang,
            " Inga föräldragrupper ännu. Tryck n för en ny.",
            " No parent groups yet. Press n for a new one.",
        );
        frame.render_widget(Paragraph::new(text), area);
        return;
    }
    let wide = area.width >= 110;
    let cells: Vec<Vec<String>> = state
        .list
        .iter()
        .map(|g| {
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
                phase_name(lang, g.phase(app.today)).to_string(),
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
        })
        .collect();
    let mut header = vec![tr(lang, "Läge", "Phase"), tr(lang, "Grupp", "Group")];
    let mut min = vec![usize::MAX, 16];
    if wide {
        header.push(tr(lang, "Metod", "Method"));
        min.push(10);
    }
    header.extend([
        s.languages,
        tr(lang, "Nästa träff", "Next session"),
        tr(lang, "Fam.", "Fam."),
        tr(lang, "Träffar", "Sessions"),
        tr(lang, "Närvaro", "Attendance"),
    ]);
    min.extend([6, usize::MAX, usize::MAX, usize::MAX, usize::MAX]);
    let natural: Vec<usize> = (0..header.len())
        .map(|c| widest(header[c], cells.iter().map(|r| r[c].as_str())))
        .collect();
    let widths = content_widths(&natural, &min, usize::from(area.width));
    let height = area.height.saturating_sub(1) as usize;
    let offset = scroll_offset(state.selected, height);
    let rows = cells
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let style = if i == state.selected {
                theme.selected()
            } else if state.list[i].phase(app.today) == Phase::Ended {
                theme.dim()
            } else {
                Style::new()
            };
            let row: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| fit(c, usize::from(*w)))
                .collect();
            Row::new(row).style(style)
        });
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    frame.render_widget(
        Table::new(rows, constraints).header(Row::new(header).style(theme.header())),
        area,
    );
}

/// A mark in the grid: ✓ present, · absent, e excused, blank not recorded.
fn mark_char(m: Option<AttendanceStatus>) -> &'static str {
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
        .map(|(_, n)| super::short_name(n))
        .collect();
    let current = data.members.iter().filter(|m| m.left.is_none()).count();
    let members = match info.capacity {
        Some(c) => format!("{current}/{c}"),
        None => current.to_string(),
    };
    let second = format!(
        " {}: {}  ·  {}: {members}{}",
        tr(lang, "Ledare", "Leaders"),
        leaders.join(", "),
        tr(lang, "Familjer", "Families"),
        info.born.map_or_else(String::new, |(a, b)| format!(
            "  ·  {} {a} – {b}",
            tr(lang, "barn födda", "children born")
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
    let mut lines = vec![Line::from(Span::styled(
        format!(
            " {}",
            tr(
                lang,
                "Träffar (Enter: närvaro)",
                "Sessions (Enter: roll call)"
            )
        ),
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

/// Members × sessions: a column per session (its number), a whole column "inställd" for a
/// cancelled one.
fn render_grid(app: &App, page: &SeriesPage, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let data = &page.data;
    if data.members.is_empty() {
        let text = tr(
            lang,
            " Inga familjer i gruppen ännu. Tryck m för förslag.",
            " No families in the group yet. Press m for suggestions.",
        );
        frame.render_widget(Paragraph::new(text).style(theme.dim()), area);
        return;
    }
    let name_width = data
        .members
        .iter()
        .map(|m| m.name.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(10, 24);
    let cancelled = tr(lang, "inställd", "cancelled");
    let mut header = format!(" {:name_width$} ", tr(lang, "Familj", "Family"));
    for (i, _) in data.sessions.iter().enumerate() {
        let _ = write!(header, "{:>3}", i + 1);
    }
    let mut lines = vec![Line::from(Span::styled(header, theme.header()))];
    let rows = usize::from(area.height.saturating_sub(1));
    for (row, m) in data.members.iter().enumerate().take(rows) {
        let mut spans = vec![Span::raw(format!(
            " {:name_width$} ",
            fit(&m.name, name_width)
        ))];
        for s in &data.sessions {
            let date = s.start.date();
            let cell = if s.status == SessionStatus::Cancelled {
                // The column reads "inställd" downwards, a letter per member.
                cancelled
                    .chars()
                    .nth(row)
                    .map_or_else(|| "  -".to_string(), |c| format!("  {c}"))
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
                format!("  ({})", tr(lang, "slutat", "left")),
                theme.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The roll call: one line per member, the cursor on one; the session's state at the top.
pub fn render_roll_call(
    app: &App,
    state: &RollCallState,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let lang = app.lang;
    let call = &state.call;
    let height = (call.lines.len() as u16 + 6).min(area.height);
    let rect = centered(area, 78, height);
    frame.render_widget(Clear, rect);
    let title = format!(
        " {} · {} · {} {} · {} {} ",
        tr(lang, "Närvaro", "Roll call"),
        call.group_name,
        tr(lang, "träff", "session"),
        call.number,
        weekday(lang, call.session.start.date()),
        call.session.start.format("%Y-%m-%d %H:%M")
    );
    let block = Block::bordered()
        .title(Line::from(title).style(theme.title()))
        .border_style(theme.focus_border());
    let inner_width = usize::from(rect.width.saturating_sub(2));
    let (marked, present) = state.counts();
    let mut status = format!(
        " {}  ·  {marked}/{} {}  ·  {present} {}  ·  drop-in {}",
        session_status(call.session.status).get(lang),
        call.lines.len(),
        tr(lang, "antecknade", "marked"),
        tr(lang, "närvarande", "present"),
        call.session.dropins,
    );
    if let Some(reason) = &call.session.cancel_reason {
        let _ = write!(status, "  ·  {reason}");
    }
    let mut lines = vec![
        Line::from(Span::styled(fit(&status, inner_width), theme.dim())),
        Line::from(""),
    ];
    if call.lines.is_empty() {
        lines.push(Line::from(tr(
            lang,
            " Inga familjer var med i gruppen den dagen.",
            " No families were in the group on that day.",
        )));
    }
    let rows = usize::from(rect.height.saturating_sub(5));
    let offset = scroll_offset(state.selected, rows);
    for (i, line) in call.lines.iter().enumerate().skip(offset).take(rows) {
        let mark = line.status.map_or_else(String::new, |s| {
            let word = attendance(s);
            if s == AttendanceStatus::Present {
                let adults = if line.adults == 1 {
                    tr(lang, "vuxen", "adult")
                } else {
                    tr(lang, "vuxna", "adults")
                };
                format!("{}, {} {adults}", word.get(lang), line.adults)
            } else {
                word.get(lang).to_string()
            }
        });
        let text = format!(
            " {} {:28} {mark}",
            mark_char(line.status),
            fit(&line.name, 28)
        );
        let style = if i == state.selected {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(fit(&text, inner_width), style)));
    }
    let keys = tr(
        lang,
        " 1/2 vuxna  +/- drop-in  h genomförd  c ställ in",
        " 1/2 adults  +/- drop-ins  h held  c cancel",
    );
    let [body, foot] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(block.inner(rect));
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(fit(keys, inner_width)).style(theme.dim()),
        foot,
    );
}

/// The suggested families, the first that fit ticked.
pub fn render_member_pick(
    app: &App,
    pick: &MemberPick,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let lang = app.lang;
    let height = (pick.suggestions.len() as u16 + 4).min(area.height);
    let rect = centered(area, 78, height);
    frame.render_widget(Clear, rect);
    let room = pick.room.map_or_else(String::new, |r| {
        format!(" ({r} {})", tr(lang, "platser kvar", "places left"))
    });
    let title = format!(
        " {}{room} ",
        tr(lang, "Föreslagna familjer", "Suggested families")
    );
    let block = Block::bordered()
        .title(Line::from(title).style(theme.title()))
        .border_style(theme.focus_border());
    let width = usize::from(rect.width.saturating_sub(2));
    let rows = usize::from(rect.height.saturating_sub(3));
    let offset = scroll_offset(pick.selected, rows);
    let mut lines: Vec<Line> = pick
        .suggestions
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, s)| {
            let tick = if pick.ticked.get(i).copied().unwrap_or(false) {
                "[x]"
            } else {
                "[ ]"
            };
            let text = format!(
                " {tick} {:28} {} {}  {}",
                fit(&s.name, 28),
                tr(lang, "född", "born"),
                s.born,
                crate::i18n::labels::languages(&s.languages).get(lang)
            );
            let style = if i == pick.selected {
                theme.selected()
            } else {
                Style::new()
            };
            Line::from(Span::styled(fit(&text, width), style))
        })
        .collect();
    let chosen = pick.chosen().len();
    lines.push(Line::from(Span::styled(
        format!(
            " {chosen} {}",
            tr(
                lang,
                "markerade · Mellanslag markerar · Enter lägger till",
                "ticked · Space ticks · Enter adds"
            )
        ),
        theme.dim(),
    )));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

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
        format!(" {}", tr(lang, "Föräldragrupper", "Parent groups")),
        theme.header(),
    ))];
    for g in groups {
        let left = g.left.map_or_else(String::new, |l| {
            format!(" – {} {l}", tr(lang, "slutade", "left"))
        });
        // Present of the held sessions while a member; absences are in the series' grid.
        let attended = format!(
            "{} {} {} {}",
            tr(lang, "närvarande", "present at"),
            g.present,
            tr(lang, "av", "of"),
            g.held
        );
        lines.push(Line::from(format!(
            "  {} · {} {}{left} · {attended}",
            g.name,
            tr(lang, "från", "from"),
            g.joined
        )));
    }
    lines
}
