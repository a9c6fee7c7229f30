//! Help: the keys of what is under it, from the keymap table, in as many columns as the screen
//! holds; the longest rows wrap rather than lose their ends.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{EDITING_KEYS, Scope, key_for};
use crate::app::keymap::{bindings_in, keys_label};
use crate::app::{App, Intent};
use crate::i18n::screens as w;
use crate::ui::{Theme, centered, describe};

/// Between two columns.
const GAP: u16 = 2;

/// Narrower than this, a description reads worse wrapped than cut.
const NARROWEST: usize = 12;

/// The keys of the current screen, then the ones that work everywhere, from the keymap table.
pub fn render_help(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let inner_height = area.height.saturating_sub(2).max(2) as usize;
    let sections = sections(app, theme);
    let (columns, widths) = layout(&sections, inner_height, area.width.saturating_sub(2));
    let width = (widths.iter().sum::<u16>() + 2).min(area.width);
    let tallest = columns.iter().map(Vec::len).max().unwrap_or(0);
    let height = (tallest.min(inner_height) as u16 + 2).min(area.height);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Line::from(format!(" {} ", w::HELP_TITLE.get(app.lang))).style(theme.title()))
        .title_bottom(Line::from(format!(
            " {} ",
            w::help_footer(&key_for(Scope::Help, &Intent::Back)).get(app.lang)
        )));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut x = inner.x;
    for (chunk, w) in columns.iter().zip(widths) {
        if x >= inner.right() {
            break;
        }
        let col = Rect::new(x, inner.y, w.min(inner.right() - x), inner.height);
        frame.render_widget(Paragraph::new(chunk.clone()), col);
        x += w;
    }
}

/// What each row of the help says, in its order: for tests that read the help on screen.
#[cfg(test)]
pub fn descriptions(app: &App) -> Vec<String> {
    sections(app, Theme { color: false })
        .into_iter()
        .flat_map(|s| s.rows.into_iter().map(|(_, words)| words))
        .collect()
}

/// One scope's keys: its title, then a row per binding, the keys in a column as wide as the
/// section's widest keys.
struct Section {
    title: Line<'static>,
    keys_width: usize,
    rows: Vec<(Line<'static>, String)>,
}

impl Section {
    /// The section's lines, no wider than `limit` where wrapping a description does it: the
    /// rest of a description goes on under its start.
    fn lines(&self, limit: usize) -> Vec<Line<'static>> {
        let lead = self.keys_width + 3;
        let room = limit.saturating_sub(lead).max(NARROWEST);
        let mut lines = vec![self.title.clone()];
        for (keys, words) in &self.rows {
            let mut parts = crate::ui::wrap_words(words, room).into_iter();
            let mut first = keys.clone();
            first.push_span(Span::raw(parts.next().unwrap_or_default()));
            lines.push(first);
            lines.extend(parts.map(|part| Line::raw(format!("{:lead$}{part}", ""))));
        }
        lines
    }

    /// The narrowest its rows can be made.
    fn narrowest(&self) -> usize {
        self.keys_width + 3 + NARROWEST
    }
}

/// The help's columns and their widths. While they do not fit in `room`, the widest column
/// whose widest sections can wrap one letter narrower without pushing a section into a column
/// of its own does so; when none can, the widest columns lose their ends.
fn layout(
    sections: &[Section],
    inner_height: usize,
    room: u16,
) -> (Vec<Vec<Line<'static>>>, Vec<u16>) {
    let arrange = |limits: &[usize]| {
        let lines = sections.iter().zip(limits).map(|(s, l)| s.lines(*l));
        let (columns, holds) = into_columns(lines, inner_height);
        let widths = column_widths(&columns, u16::MAX);
        (columns, holds, widths)
    };
    let mut limits = vec![usize::MAX; sections.len()];
    let (mut columns, mut holds, mut widths) = arrange(&limits);
    let count = columns.len();
    while widths.iter().sum::<u16>() > room {
        let mut widest_first: Vec<usize> = (0..columns.len()).collect();
        widest_first.sort_by_key(|c| std::cmp::Reverse(widths[*c]));
        let narrower = widest_first.into_iter().find_map(|c| {
            let gap = if c + 1 < columns.len() { GAP } else { 0 };
            let wide = usize::from(widths[c].saturating_sub(gap));
            let mut tried = limits.clone();
            for &s in &holds[c] {
                let section = &sections[s];
                let makes_it = section.lines(limits[s]).iter().any(|l| l.width() >= wide);
                if makes_it && wide > section.narrowest() && wide - 1 < limits[s] {
                    tried[s] = wide - 1;
                }
            }
            let arranged = (tried != limits).then(|| arrange(&tried))?;
            (arranged.0.len() <= count).then_some((tried, arranged))
        });
        let Some((tried, arranged)) = narrower else {
            let widths = column_widths(&columns, room);
            return (columns, widths);
        };
        limits = tried;
        (columns, holds, widths) = arranged;
    }
    (columns, widths)
}

/// Each column as wide as its widest line and a gap before the next; when they do not all fit
/// in `room`, the widest gives way first, so the short columns stay whole and the long lines
/// lose their ends.
fn column_widths(columns: &[Vec<Line<'static>>], room: u16) -> Vec<u16> {
    let last = columns.len().saturating_sub(1);
    let mut widths: Vec<u16> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let widest = c.iter().map(Line::width).max().unwrap_or(0);
            let gap = if i < last { GAP } else { 0 };
            u16::try_from(widest)
                .unwrap_or(u16::MAX)
                .saturating_add(gap)
        })
        .collect();
    while widths.iter().sum::<u16>() > room {
        let Some(widest) = widths.iter_mut().max() else {
            break;
        };
        if *widest <= 1 {
            break;
        }
        *widest -= 1;
    }
    widths
}

/// One section per scope of what is under the help: its title, then its keys; last, the keys
/// of forms with the editing keys of their text fields (no help opens over a form, where
/// letters are text, so they are listed from everywhere).
fn sections(app: &App, theme: Theme) -> Vec<Section> {
    let mut scopes = app.scopes_under_help();
    // The keys of the scopes under the help stand for each other; forms are a place of their
    // own, whose keys are all listed.
    let stacked = scopes.len();
    if !scopes.contains(&Scope::Form) {
        scopes.push(Scope::Form);
    }
    scopes
        .iter()
        .enumerate()
        .map(|(at, scope)| {
            let (sv, en) = scope.title();
            // A key a more specific scope takes is listed there only.
            let earlier = if at < stacked { &scopes[..at] } else { &[][..] };
            let taken: Vec<_> = bindings_in(earlier).flat_map(|b| b.keys.iter()).collect();
            let mut rows: Vec<(String, &str)> = bindings_in(std::slice::from_ref(scope))
                .filter(|b| !b.keys.iter().any(|k| taken.contains(&k)))
                .map(|b| (keys_label(b.keys), describe(app.lang, b.sv, b.en)))
                .collect();
            if *scope == Scope::Form {
                rows.extend(
                    EDITING_KEYS
                        .iter()
                        .map(|e| (e.label(), describe(app.lang, e.sv, e.en))),
                );
            }
            let keys_width = rows
                .iter()
                .map(|(keys, _)| keys.chars().count())
                .max()
                .unwrap_or(0);
            Section {
                title: Line::from(Span::styled(describe(app.lang, sv, en), theme.header())),
                keys_width,
                rows: rows
                    .into_iter()
                    .map(|(keys, words)| {
                        let keys = Span::styled(format!("  {keys:<keys_width$} "), theme.key());
                        (Line::from(keys), words.to_string())
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Columns when one would not fit, so every key is always on screen, with the sections each
/// column holds. A section moves whole to the next column; only one longer than the screen is
/// split, its title repeated.
fn into_columns(
    sections: impl Iterator<Item = Vec<Line<'static>>>,
    inner_height: usize,
) -> (Vec<Vec<Line<'static>>>, Vec<Vec<usize>>) {
    let mut columns: Vec<Vec<Line>> = vec![Vec::new()];
    let mut holds: Vec<Vec<usize>> = vec![Vec::new()];
    for (s, section) in sections.enumerate() {
        let fits = columns
            .last()
            .is_some_and(|c| c.len() + section.len() <= inner_height);
        if !fits && columns.last().is_some_and(|c| !c.is_empty()) {
            columns.push(Vec::new());
            holds.push(Vec::new());
        }
        let title = section[0].clone();
        for (i, line) in section.into_iter().enumerate() {
            if columns.last().is_some_and(|c| c.len() >= inner_height) {
                columns.push(if i > 0 {
                    vec![title.clone()]
                } else {
                    Vec::new()
                });
                holds.push(Vec::new());
            }
            if let Some(c) = columns.last_mut() {
                c.push(line);
            }
            if let Some(h) = holds.last_mut()
                && h.last() != Some(&s)
            {
                h.push(s);
            }
        }
    }
    (columns, holds)
}
