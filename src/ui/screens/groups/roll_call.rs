//! The roll call of a session and the picker of suggested families, drawn over the Groups
//! screen (or Today).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use std::fmt::Write as _;

use crate::app::groups::{MemberPick, RollCallState};
use crate::app::keymap::{Scope, key_for};
use crate::app::{App, GroupsIntent, Intent};
use crate::domain::enums::{AttendanceStatus, SessionStatus};
use crate::i18n::labels::{attendance, session_status};
use crate::i18n::screens as w;
use crate::ui::groups::{mark_char, weekday};
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
        w::ROLL_CALL.get(lang),
        call.group_name,
        w::SESSION_NUMBER.get(lang),
        call.number,
        weekday(lang, call.session.start.date()),
        call.session.start.format("%Y-%m-%d %H:%M")
    );
    let inner_width = usize::from(rect.width.saturating_sub(2));
    // A long series name is cut with `…`, the session's number and day kept where they fit.
    let block = Block::bordered()
        .title(Line::from(fit(&title, inner_width)).style(theme.title()))
        .border_style(theme.focus_border());
    let (marked, present) = state.counts();
    let mut status = format!(
        " {}  ·  {marked}/{} {}  ·  {present} {}  ·  drop-in {}",
        session_status(call.session.status).get(lang),
        call.lines.len(),
        w::MARKED.get(lang),
        attendance(AttendanceStatus::Present).get(lang),
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
        lines.push(Line::from(format!(" {}", w::NO_ONE_THAT_DAY.get(lang))));
    }
    let rows = usize::from(rect.height.saturating_sub(5));
    let offset = scroll_offset(state.selected, rows);
    let members: Vec<crate::ui::members::Member> = call
        .lines
        .iter()
        .map(|l| (l.name.as_str(), l.family_ref.as_str(), l.protection))
        .collect();
    let names = crate::ui::member_names(&members, lang, 28);
    for (i, (line, name)) in call
        .lines
        .iter()
        .zip(&names)
        .enumerate()
        .skip(offset)
        .take(rows)
    {
        let mark = line.status.map_or_else(String::new, |s| {
            let word = attendance(s);
            if s == AttendanceStatus::Present {
                let adults = w::count(line.adults as usize, w::ADULT, w::ADULTS, lang);
                format!("{}, {adults}", word.get(lang))
            } else {
                word.get(lang).to_string()
            }
        });
        let text = format!(" {} {:28} {mark}", mark_char(line.status), name);
        let style = if i == state.selected {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(fit(&text, inner_width), style)));
    }
    let key = |intent: GroupsIntent| key_for(Scope::RollCall, &Intent::Groups(intent));
    let keys = w::roll_call_keys(
        [&key(GroupsIntent::OneAdult), &key(GroupsIntent::TwoAdults)],
        [
            &key(GroupsIntent::MoreDropins),
            &key(GroupsIntent::FewerDropins),
        ],
        &key(GroupsIntent::MarkHeld),
        &key(GroupsIntent::CancelSession),
    );
    let keys = if call.session.status == SessionStatus::Cancelled {
        w::cancelled_keys(&key(GroupsIntent::CancelSession))
    } else {
        keys
    };
    let keys = format!(" {}", keys.get(lang));
    let [body, foot] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(block.inner(rect));
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(fit(&keys, inner_width)).style(theme.dim()),
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
        format!(" ({r} {})", w::PLACES_LEFT.get(lang))
    });
    let title = format!(" {}{room} ", w::SUGGESTED.get(lang));
    let block = Block::bordered()
        .title(Line::from(title).style(theme.title()))
        .border_style(theme.focus_border());
    let width = usize::from(rect.width.saturating_sub(2));
    let rows = usize::from(rect.height.saturating_sub(3));
    let offset = scroll_offset(pick.selected, rows);
    let members: Vec<crate::ui::members::Member> = pick
        .suggestions
        .iter()
        .map(|s| (s.name.as_str(), s.family_ref.as_str(), s.protection))
        .collect();
    let names = crate::ui::member_names(&members, lang, 28);
    let mut lines: Vec<Line> = pick
        .suggestions
        .iter()
        .zip(&names)
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, (s, name))| {
            let tick = if pick.ticked.get(i).copied().unwrap_or(false) {
                "[x]"
            } else {
                "[ ]"
            };
            let text = format!(
                " {tick} {:28} {} {}  {}",
                name,
                w::BORN.get(lang),
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
    let footer = w::pick_footer(
        chosen,
        &key_for(Scope::PickMembers, &Intent::Tick),
        &key_for(Scope::PickMembers, &Intent::Save),
    );
    lines.push(Line::from(Span::styled(
        format!(" {}", footer.get(lang)),
        theme.dim(),
    )));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
