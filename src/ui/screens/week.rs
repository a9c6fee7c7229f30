//! Vecka / Week: a column per day, each visit a line; the marked visit in full underneath.

use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::Lang;
use crate::app::week::{DayEntry, WeekState};
use crate::app::{App, labels};
use crate::domain::calendar::IsoWeek;
use crate::domain::views::{DayVisit, InterpreterBooked};
use crate::i18n::labels::PROTECTED_FAMILY;
use crate::i18n::screens as w;
use crate::ui::{Theme, fit, short_name, staff_line};

/// The family as the week shows it: the surname, or nothing that names a protected family;
/// twins' one trip says so.
fn family_label(v: &DayVisit, lang: Lang) -> String {
    let name = if v.protection.is_protected() {
        PROTECTED_FAMILY.get(lang).to_string()
    } else {
        v.family_name.trim_start_matches("Familjen ").to_string()
    };
    if v.twins.is_empty() {
        name
    } else {
        format!("{name} ({})", labels::twins().get(lang))
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let state = &app.week;
    let [head, grid, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(3),
    ])
    .areas(area);
    let Some(week) = state.week else {
        frame.render_widget(Paragraph::new(w::LOADING.get(lang)), area);
        return;
    };
    let monday = week.monday().unwrap_or(app.today);
    render_header(app, week, monday, frame, head, theme);
    if !state.loaded {
        frame.render_widget(Paragraph::new(format!(" {}", w::LOADING.get(lang))), grid);
        return;
    }
    let days = state.days();
    let columns = Layout::horizontal(days.iter().map(|_| Constraint::Ratio(1, days.len() as u32)))
        .split(grid);
    for (col, day) in columns.iter().zip(&days) {
        let date = monday
            .checked_add_days(Days::new(*day as u64))
            .unwrap_or(monday);
        render_day(app, *day, date, frame, *col, theme);
    }
    render_detail(app, frame, detail, theme);
}

/// The week, its dates, and whose visits are shown (or the picker choosing that).
fn render_header(
    app: &App,
    week: IsoWeek,
    monday: NaiveDate,
    frame: &mut Frame,
    area: Rect,
    theme: Theme,
) {
    let lang = app.lang;
    let state = &app.week;
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let mut spans = vec![
        Span::styled(
            format!(" {} {} ", w::WEEK.get(lang), week.week),
            theme.title(),
        ),
        Span::raw(format!("{monday} – {sunday} · {}: ", w::STAFF.get(lang))),
    ];
    if let Some(pick) = app.staff_pick() {
        // Choosing whose week: what is typed, and the match Enter would take.
        let matches = WeekState::pick_matches(pick, &app.roster.list);
        spans.push(Span::styled(
            format!("{}▏", pick.input.value()),
            theme.key(),
        ));
        let shown = matches.get(pick.marked).map_or(String::new(), |(_, n)| {
            format!(" → {n} ({}/{})", pick.marked + 1, matches.len())
        });
        spans.push(Span::raw(shown));
    } else {
        let who = state
            .staff
            .as_ref()
            .map_or(w::EVERYONE.get(lang), |(_, n)| n.as_str());
        spans.push(Span::styled(
            who.to_string(),
            if state.staff.is_some() {
                theme.warn()
            } else {
                Style::new()
            },
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// One day's column: its visits in time order, the marked one highlighted.
fn render_day(app: &App, day: usize, date: NaiveDate, frame: &mut Frame, col: Rect, theme: Theme) {
    let lang = app.lang;
    let state = &app.week;
    let marked_day = day == state.day;
    // The marked day shows without colour too (NO_COLOR): a thick frame and its title reversed.
    let title = format!(" {} {} ", w::weekdays(lang)[day], date.format("%d/%m"));
    let title_style = match (marked_day, date == app.today) {
        (true, _) => theme.marked_day(),
        (false, true) => theme.warn(),
        (false, false) => theme.title(),
    };
    let mut block = Block::bordered().title(Line::from(title).style(title_style));
    if marked_day {
        block = block
            .border_type(ratatui::widgets::BorderType::Thick)
            .border_style(theme.focus_border());
    }
    let width = col.width.saturating_sub(2) as usize;
    let height = col.height.saturating_sub(2) as usize;
    // Wide columns give each visit a second line: area, staff and interpreter.
    let rows_per_visit = if width >= 22 { 2 } else { 1 };
    // The day's group sessions (for their leaders) and visits, in one time order.
    let visible = (height / rows_per_visit).max(1);
    let count = state.counts[day];
    if state.lines(day) > visible {
        // More than fit: say how many visits, so a long day is not mistaken for a short one.
        block = block.title_bottom(Line::from(format!(" {count} ")).right_aligned());
    }
    let offset = if marked_day {
        crate::ui::scroll_offset(state.selected, visible)
    } else {
        0
    };
    let page = state.page(day);
    let second = rows_per_visit == 2;
    let mut lines: Vec<Line> = Vec::new();
    for i in offset..state.lines(day).min(offset + visible) {
        let marked = marked_day && i == state.selected;
        match state.entry(day, i) {
            DayEntry::Session(k) => {
                if let Some(s) = state.sessions[day].get(k) {
                    lines.extend(render_session(
                        &s.session, marked, second, width, lang, theme,
                    ));
                }
            }
            DayEntry::Visit(v) => match v
                .checked_sub(page.offset)
                .and_then(|at| page.visits.get(at))
            {
                Some(v) => lines.extend(render_visit(v, marked, second, width, lang, theme)),
                // Not read yet (the part around the mark is being read): a blank line.
                None => lines.extend(std::iter::repeat_n(Line::default(), rows_per_visit)),
            },
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), col);
}

/// A group session in a day's column: a group's mark, its time and the series' name as far
/// as it fits; with `second`, that it is a group session and how long.
fn render_session<'a>(
    session: &crate::domain::group_views::WeekSession,
    marked: bool,
    second: bool,
    width: usize,
    lang: Lang,
    theme: Theme,
) -> Vec<Line<'a>> {
    let style = if marked {
        theme.selected()
    } else {
        theme.header()
    };
    let first = fit(
        &format!(
            "{SESSION_MARK}{} {}",
            session.start.format("%H:%M"),
            group_label(&session.group)
        ),
        width,
    );
    let mut lines = vec![Line::from(first).style(style)];
    if second {
        let text = fit(
            &format!("  {}", w::session_length(session.duration_min).get(lang)),
            width,
        );
        lines.push(Line::from(text).style(if marked {
            theme.selected()
        } else {
            theme.dim()
        }));
    }
    lines
}

/// A series' name in a day column: the ◆ says it is a group, so a leading "Föräldragrupp"
/// (as "Familjen" before a family) gives its room to the part that tells series apart.
fn group_label(name: &str) -> &str {
    ["Föräldragruppen ", "Föräldragrupp ", "Parent group "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .filter(|rest| !rest.trim().is_empty())
        .unwrap_or(name)
}

/// Before a session's time where a visit has its status mark.
const SESSION_MARK: &str = "◆";

/// A visit in a day's column: time and family, and with `second` its area, staff and interpreter.
fn render_visit<'a>(
    v: &DayVisit,
    marked: bool,
    second: bool,
    width: usize,
    lang: Lang,
    theme: Theme,
) -> Vec<Line<'a>> {
    let style = if marked {
        theme.selected()
    } else {
        Style::new()
    };
    let text = fit(
        &format!(
            "{}{} {}",
            crate::ui::status_mark(v.status),
            v.start.format("%H:%M"),
            family_label(v, lang)
        ),
        width,
    );
    let mut lines = vec![Line::from(text).style(style)];
    if second {
        let staff = staff_line(&v.staff);
        let interpreter = v.interpreter_language.as_ref().map_or(String::new(), |l| {
            format!(" · {}", crate::i18n::labels::language(l).get(lang))
        });
        let second = fit(
            &format!(
                "  {} · {staff}{interpreter}",
                v.area.clone().unwrap_or_default()
            ),
            width,
        );
        lines.push(Line::from(Span::styled(
            second,
            if marked {
                theme.selected()
            } else {
                theme.dim()
            },
        )));
    }
    lines
}

/// The marked visit in full under the grid, or that the week has none.
fn render_detail(app: &App, frame: &mut Frame, detail: Rect, theme: Theme) {
    let lang = app.lang;
    let state = &app.week;
    if let Some(s) = state.marked_session() {
        let open =
            crate::app::keymap::key_for(crate::app::keymap::Scope::List, &crate::app::Intent::Open);
        let lines = vec![
            Line::from(vec![
                Span::styled(
                    format!(" {} ", s.start.format("%Y-%m-%d %H:%M")),
                    theme.key(),
                ),
                Span::raw(fit(&s.group, (detail.width as usize).saturating_sub(19))),
            ]),
            Line::from(format!(" {}", w::session_length(s.duration_min).get(lang))),
            Line::from(Span::styled(
                format!(" {}", w::session_roll_call(&open).get(lang)),
                theme.dim(),
            )),
        ];
        frame.render_widget(Paragraph::new(lines), detail);
        return;
    }
    if state.total() == 0 {
        frame.render_widget(
            Paragraph::new(format!(" {}", w::NO_VISITS_WEEK.get(lang))).style(theme.dim()),
            detail,
        );
        return;
    }
    let lines = match state.marked() {
        Some(v) => {
            let staff = staff_line(&v.staff);
            // The language as the interface names it ("kurdiska" is Kurdish in English).
            let language = v
                .interpreter_language
                .as_deref()
                .map(|l| crate::i18n::labels::language(l).get(lang).to_string());
            let interpreter = match (&language, &v.interpreter) {
                (Some(l), Some(InterpreterBooked::External)) => {
                    format!(
                        " · {}: {l} ({})",
                        w::INTERPRETER.get(lang),
                        w::INTERPRETER_EXTERNAL.get(lang)
                    )
                }
                (Some(l), Some(InterpreterBooked::Staff(who))) => {
                    format!(" · {}: {l} ({})", w::INTERPRETER.get(lang), short_name(who))
                }
                (Some(l), None) => format!(" · {}: {l} (–)", w::INTERPRETER.get(lang)),
                (None, _) => String::new(),
            };
            vec![
                Line::from(vec![
                    Span::styled(
                        format!(" {} ", v.start.format("%Y-%m-%d %H:%M")),
                        theme.key(),
                    ),
                    Span::raw(fit(
                        &format!(
                            "{} · {} · {}",
                            match (v.protection.is_protected(), v.twins.is_empty()) {
                                (true, _) => PROTECTED_FAMILY.get(lang).to_string(),
                                (false, true) => v.family_name.clone(),
                                (false, false) => format!(
                                    "{} ({}: {})",
                                    v.family_name,
                                    labels::twins().get(lang),
                                    v.child_name
                                ),
                            },
                            v.area.clone().unwrap_or_default(),
                            labels::location(v.location).get(lang)
                        ),
                        (detail.width as usize).saturating_sub(19),
                    )),
                ]),
                Line::from(fit(
                    &format!(" {staff}{interpreter}"),
                    detail.width as usize,
                )),
                Line::from(Span::styled(
                    format!(" {}", labels::visit_status(v.status).get(lang)),
                    theme.dim(),
                )),
            ]
        }
        None => Vec::new(),
    };
    frame.render_widget(Paragraph::new(lines), detail);
}
