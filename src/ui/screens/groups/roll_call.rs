//! The roll call of a session and the picker of suggested families, drawn over the Groups
//! screen (or Today).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use std::fmt::Write as _;

use crate::app::App;
use crate::app::groups::{MemberPick, RollCallState};
use crate::domain::enums::AttendanceStatus;
use crate::i18n::labels::{attendance, session_status};
use crate::ui::groups::{mark_char, tr, weekday};
use crate::ui::{Theme, centered, fit, scroll_offset};

/// The roll call: one line per member, the cursor on one; the session's state at the top.
pub fn render(app: &App, state: &RollCallState, frame: &mut Frame, area: Rect, theme: Theme) {
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
            fit(
                &crate::ui::member_name(&line.name, &line.family_ref, line.protection, lang),
                28
            )
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
pub fn render_pick(app: &App, pick: &MemberPick, frame: &mut Frame, area: Rect, theme: Theme) {
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
                fit(
                    &crate::ui::member_name(&s.name, &s.family_ref, s.protection, lang),
                    28
                ),
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
