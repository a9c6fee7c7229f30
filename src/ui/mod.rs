//! The view: draws the app's state. One file per screen, shared widgets, theme; the words come
//! from `i18n::screens`.

pub(crate) mod members;
mod screens;
pub mod theme;
mod widgets;

use screens::groups::roll_call;
use screens::{families, family, groups, report, staff, today, week};
use widgets::{booking, form, help, overlays};

pub use members::member_names;

#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::app::keymap::{Scope, bindings_in, key_label, keys_label};
use crate::app::screens::SCREENS;
use crate::app::{App, Lang, Modal, Screen};
use crate::domain::calendar::IsoWeek;
use crate::i18n::labels::PROTECTED_FAMILY;
use crate::i18n::screens as w;
pub use theme::Theme;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn render(app: &App, frame: &mut Frame, theme: Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!(
            "{} ({}×{})",
            w::TOO_SMALL.get(app.lang),
            area.width,
            area.height
        );
        frame.render_widget(Clear, area);
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .style(theme.warn()),
            area,
        );
        return;
    }
    // A message (a broken config file, a refusal) gets the rows it needs, up to three.
    let message_rows = app.message.as_ref().map_or_else(Vec::new, |m| {
        wrap_rows(
            m.get(app.lang),
            usize::from(area.width).saturating_sub(2),
            3,
        )
    });
    let footer_height = u16::try_from(message_rows.len().clamp(1, 3)).unwrap_or(3);
    let [tabs, banner, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(app.damaged)),
        Constraint::Min(0),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    render_tabs(app, frame, tabs, theme);
    if app.damaged {
        // On every screen until the file is restored: nothing can be saved meanwhile.
        frame.render_widget(
            Paragraph::new(fit(
                w::DAMAGED_BANNER.get(app.lang),
                usize::from(banner.width),
            ))
            .style(theme.warn()),
            banner,
        );
    }
    match app.screen {
        Screen::Today => today::render(app, frame, body, theme),
        Screen::Week => week::render(app, frame, body, theme),
        Screen::Families => match &app.family {
            Some(page) => family::render(app, page, frame, body, theme),
            None => families::render(app, frame, body, theme),
        },
        Screen::Groups => groups::render(app, frame, body, theme),
        Screen::Staff => staff::render(app, frame, body, theme),
        Screen::Report => report::render(app, frame, body, theme),
    }
    render_footer(app, &message_rows, frame, footer, theme);
    // What is open, from the bottom up: the one in front is drawn last.
    for modal in app.modals() {
        match modal {
            // Help takes the footer's rows too: it says itself how it closes, and a footer
            // half under it would read as cut.
            Modal::Help => {
                frame.render_widget(ratatui::widgets::Clear, footer);
                help::render_help(app, frame, body.union(footer), theme);
            }
            Modal::Question(q) => overlays::render_question(app, q, frame, body, theme),
            Modal::Form(form) => form::render(app, form, frame, body, theme),
            Modal::Booking(state) => booking::render(app, state, frame, body, theme),
            // Drawn by Week in its header, where the chosen name goes.
            Modal::PickStaff(_) => {}
            Modal::RollCall(state) => roll_call::render(app, state, frame, body, theme),
            Modal::PickMembers(pick) => roll_call::render_pick(app, pick, frame, body, theme),
        }
    }
}

fn render_tabs(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let week_label = w::WEEK_LABEL.get(app.lang);
    let mut tabs = Vec::new();
    for tab in SCREENS {
        let (key, name) = (key_label(tab.key), describe(app.lang, tab.sv, tab.en));
        let style = if tab.screen == app.screen {
            theme.tab_active()
        } else {
            theme.tab()
        };
        tabs.push(Span::raw(" "));
        tabs.push(Span::styled(format!(" {key} {name} "), style));
    }
    let title = Span::styled(" hembesok ", theme.title());
    let week = IsoWeek::of(app.today);
    let tabs_width: usize = tabs.iter().map(Span::width).sum();
    let width = area.width as usize;
    // What gives way when the row is narrow: the date first, then the program's name (the week
    // is worth more to a coordinator than the name), then the week.
    let with_date = format!("{week_label} {}  {} ", week.week, app.today);
    let week_only = format!("{week_label} {} ", week.week);
    let (titled, right) = [(true, &with_date), (true, &week_only), (false, &week_only)]
        .into_iter()
        .find(|(titled, r)| {
            let name = if *titled { title.width() } else { 0 };
            name + tabs_width + r.chars().count() <= width
        })
        .map_or((true, String::new()), |(t, r)| (t, r.clone()));
    let mut spans = Vec::new();
    if titled {
        spans.push(title);
    }
    spans.extend(tabs);
    let used: usize = spans.iter().map(Span::width).sum();
    let pad = width.saturating_sub(used + right.chars().count());
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(right, theme.dim()));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The footer: a message if there is one, else the hints of the keys that work here.
fn render_footer(app: &App, message_rows: &[String], frame: &mut Frame, area: Rect, theme: Theme) {
    if !message_rows.is_empty() {
        let rows: Vec<Line> = message_rows
            .iter()
            .map(|r| Line::from(Span::styled(format!(" {r}"), theme.ok())))
            .collect();
        frame.render_widget(Paragraph::new(rows), area);
        return;
    }
    // A page scrolls rather than selects, so list hints would mislead there.
    let scopes: Vec<_> = app
        .scopes()
        .into_iter()
        .filter(|s| {
            !(app.family.is_some()
                && app.screen == Screen::Families
                && *s == crate::app::keymap::Scope::List)
        })
        .collect();
    // `?` always shows: it leads to every other key. The rest fill the line in table order.
    // Scopes come most specific first; a key they share (Enter books in the booking list, and
    // opens in lists) is shown once, with its meaning here.
    let hints: Vec<(String, &str, bool)> = bindings_in(&scopes)
        .scan(Vec::new(), |seen, b| {
            let fresh = !b.keys.iter().any(|k| seen.contains(k));
            seen.extend(b.keys.iter().copied());
            Some(fresh.then_some(b))
        })
        .flatten()
        .filter(|b| b.hint && app.offers(&b.action))
        .map(|b| {
            (
                if b.scope == Scope::Confirm && b.action == crate::app::Intent::Yes {
                    crate::app::keymap::yes_key(app.lang)
                } else {
                    keys_label(&b.keys[..1])
                },
                describe(app.lang, b.sv, b.en),
                b.action == crate::app::Intent::Help,
            )
        })
        .collect();
    let width_of =
        |(key, text, _): &(String, &str, bool)| key.chars().count() + text.chars().count() + 3;
    let reserved: usize = hints.iter().filter(|h| h.2).map(width_of).sum();
    let mut used = reserved;
    let mut shown: Vec<&(String, &str, bool)> = Vec::new();
    for h in hints.iter().filter(|h| !h.2) {
        if used + width_of(h) > area.width as usize {
            break;
        }
        used += width_of(h);
        shown.push(h);
    }
    shown.extend(hints.iter().filter(|h| h.2));
    let mut spans = Vec::new();
    for (key, text, _) in shown {
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::raw(format!(" {text} ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub fn describe(lang: Lang, sv: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// A rectangle of at most `width`×`height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The first row to show so that `selected` is visible in `height` rows.
pub fn scroll_offset(selected: usize, height: usize) -> usize {
    if height == 0 {
        0
    } else {
        selected.saturating_sub(height - 1)
    }
}

/// Cuts text to `width` characters, marking the cut with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    let text = crate::domain::text::clean(text);
    if text.chars().count() <= width {
        text.to_string()
    } else if width == 0 {
        String::new()
    } else {
        let mut s: String = text.chars().take(width - 1).collect();
        s.push('…');
        s
    }
}

/// A family where visits are listed (Today, its to-do, a question): its name, or for a
/// protected family the words for one and its reference, which tells two apart and names no
/// one; a protected family is named only on its own page.
pub fn family_label(v: &crate::domain::views::DayVisit, lang: Lang) -> String {
    family_cell(
        &v.family_name,
        v.protection,
        &v.family_ref,
        lang,
        usize::MAX,
    )
}

/// [`family_label`] of a family within `width`: a name is cut at its end, and for a protected
/// family the words give way first, so the reference stays whole.
pub fn family_cell(
    name: &str,
    protection: crate::domain::enums::Protection,
    family_ref: &str,
    lang: Lang,
    width: usize,
) -> String {
    if protection.is_protected() {
        fit_keeping(PROTECTED_FAMILY.get(lang), &format!(" {family_ref}"), width)
    } else {
        fit(family_name(name, lang), width)
    }
}

/// `words` then `tail` within `width`: the words are cut first so the tail stays whole, unless
/// fewer than four letters of them would be left.
pub fn fit_keeping(words: &str, tail: &str, width: usize) -> String {
    let room = width.saturating_sub(tail.chars().count());
    if words.chars().count() + tail.chars().count() <= width || room < 4 {
        fit(&format!("{words}{tail}"), width)
    } else {
        format!("{}{tail}", fit(words, room))
    }
}

/// The name, or the words for a protected family.
pub fn shown_name(name: &str, protection: crate::domain::enums::Protection, lang: Lang) -> String {
    if protection.is_protected() {
        PROTECTED_FAMILY.get(lang).to_string()
    } else {
        family_name(name, lang).to_string()
    }
}

/// A family's name as the screens show it: a family that retention anonymised has none left,
/// and is called so rather than shown blank.
pub fn family_name(name: &str, lang: Lang) -> &str {
    if name.is_empty() {
        w::ANONYMISED_FAMILY.get(lang)
    } else {
        name
    }
}

/// A visit's outcome in one character: blank while booked, ✓ done, ✗ cancelled, ! no-show.
pub fn status_mark(s: crate::domain::enums::VisitStatus) -> &'static str {
    use crate::domain::enums::VisitStatus;
    match s {
        VisitStatus::Planned => " ",
        VisitStatus::Done => "✓",
        VisitStatus::CancelledFamily | VisitStatus::CancelledStaff => "✗",
        VisitStatus::NoShow => "!",
    }
}

/// The staff of a visit as short names, comma-separated.
pub fn staff_line(people: &[crate::domain::views::Attendee]) -> String {
    people
        .iter()
        .map(|a| short_name(&a.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A staff name as tables show it: the first name and the surname's initial.
pub fn short_name(name: &str) -> String {
    let mut parts = name.split_whitespace();
    match (parts.next(), parts.next_back()) {
        (Some(first), Some(last)) => format!("{first} {}.", last.chars().next().unwrap_or(' ')),
        (Some(first), None) => first.to_string(),
        _ => String::new(),
    }
}

/// Column widths from their content: each column as wide as its widest cell (`natural`), and
/// when the row does not fit in `room` (gaps between columns included), the column with the
/// most to spare above its `min` gives up a character at a time. Nothing grows past its content,
/// so extra width is left at the right rather than handed to one column.
pub fn content_widths(natural: &[usize], min: &[usize], room: usize) -> Vec<u16> {
    let mut widths: Vec<usize> = natural.to_vec();
    // A column narrower than its floor keeps its own width.
    let min: Vec<usize> = natural.iter().zip(min).map(|(n, m)| (*n).min(*m)).collect();
    let gaps = widths.len().saturating_sub(1);
    let mut total: usize = widths.iter().sum::<usize>() + gaps;
    while total > room {
        let spare = widths
            .iter()
            .zip(&min)
            .enumerate()
            .filter(|(_, (w, m))| w > m)
            .max_by_key(|(i, (w, m))| (**w - **m, usize::MAX - i));
        let Some((i, _)) = spare else { break };
        widths[i] -= 1;
        total -= 1;
    }
    widths
        .into_iter()
        .map(|w| u16::try_from(w).unwrap_or(u16::MAX))
        .collect()
}

/// The widest of `cells` and `header`, in characters.
pub fn widest<'a>(header: &str, cells: impl Iterator<Item = &'a str>) -> usize {
    cells
        .map(|c| c.chars().count())
        .chain(std::iter::once(header.chars().count()))
        .max()
        .unwrap_or(0)
}

/// Splits text at spaces into rows of at most `room` characters; a word longer than a row is
/// cut, so nothing is hidden.
/// [`wrap_words`] into at most `max` rows: when the text needs more, the last row shown ends
/// in `…`, so a cut line says it is cut.
pub fn wrap_rows(text: &str, room: usize, max: usize) -> Vec<String> {
    let mut rows = wrap_words(text, room);
    if max > 0 && rows.len() > max {
        let last = fit(&format!("{} {}", rows[max - 1], rows[max]), room.max(1));
        rows.truncate(max - 1);
        rows.push(last);
    }
    rows
}

pub fn wrap_words(text: &str, room: usize) -> Vec<String> {
    let room = room.max(1);
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        let used = row.chars().count();
        let needed = word.chars().count() + usize::from(used > 0);
        if used > 0 && used + needed > room {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(word);
        while row.chars().count() > room {
            let head: String = row.chars().take(room).collect();
            let tail: String = row.chars().skip(room).collect();
            rows.push(head);
            row = tail;
        }
    }
    rows.push(row);
    rows
}
