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
    /// The section's lines in groups that stay together in a column: its title, then each
    /// row, no wider than `limit` where wrapping its description does it (the rest of a
    /// description goes on under its start).
    fn groups(&self, limit: usize) -> Vec<Vec<Line<'static>>> {
        let lead = self.keys_width + 3;
        let room = limit.saturating_sub(lead).max(self.narrowest() - lead);
        let mut groups = vec![vec![self.title.clone()]];
        for (keys, words) in &self.rows {
            let mut parts = crate::ui::wrap_words(words, room).into_iter();
            let mut first = keys.clone();
            first.push_span(Span::raw(parts.next().unwrap_or_default()));
            let mut row = vec![first];
            row.extend(parts.map(|part| Line::raw(format!("{:lead$}{part}", ""))));
            groups.push(row);
        }
        groups
    }

    /// The narrowest its rows can be made: a dozen letters of description, or its longest
    /// word, which is never broken.
    fn narrowest(&self) -> usize {
        let longest_word = self
            .rows
            .iter()
            .flat_map(|(_, words)| words.split(' '))
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        self.keys_width + 3 + NARROWEST.max(longest_word)
    }

    /// As wide as it is unwrapped.
    fn natural(&self) -> usize {
        self.groups(usize::MAX)
            .iter()
            .flatten()
            .map(Line::width)
            .max()
            .unwrap_or(0)
    }
}

/// Columns of lines, the sections each column holds, and the columns' widths.
type Arranged = (Vec<Vec<Line<'static>>>, Vec<Vec<usize>>, Vec<u16>);

/// The help's columns and their widths. While they do not fit in `room`, the widest column
/// whose widest sections can wrap one letter narrower does so, as long as no section is split
/// over more columns than unwrapped; then each wrapped section is let out again as far as the
/// room allows. When nothing fits, the columns are as unwrapped and the widest lose their ends.
fn layout(
    sections: &[Section],
    inner_height: usize,
    room: u16,
) -> (Vec<Vec<Line<'static>>>, Vec<u16>) {
    let arrange = |limits: &[usize]| -> Arranged {
        let groups = sections.iter().zip(limits).map(|(s, l)| s.groups(*l));
        let (columns, holds) = into_columns(groups, inner_height);
        let widths = column_widths(&columns, u16::MAX);
        (columns, holds, widths)
    };
    let pieces = |holds: &[Vec<usize>]| holds.iter().map(Vec::len).sum::<usize>();
    let mut limits = vec![usize::MAX; sections.len()];
    let natural = arrange(&limits);
    let (count, split) = (natural.0.len(), pieces(&natural.1));
    let fits = |a: &Arranged| {
        a.2.iter().sum::<u16>() <= room && a.0.len() <= count && pieces(&a.1) <= split
    };
    let (mut columns, mut holds, mut widths) = natural.clone();
    while widths.iter().sum::<u16>() > room {
        let mut widest_first: Vec<usize> = (0..columns.len()).collect();
        widest_first.sort_by_key(|c| std::cmp::Reverse(widths[*c]));
        let narrower = widest_first.into_iter().find_map(|c| {
            let gap = if c + 1 < columns.len() { GAP } else { 0 };
            let wide = usize::from(widths[c].saturating_sub(gap));
            let mut tried = limits.clone();
            for &s in &holds[c] {
                let section = &sections[s];
                let makes_it = section
                    .groups(limits[s])
                    .iter()
                    .flatten()
                    .any(|l| l.width() >= wide);
                if makes_it && wide > section.narrowest() && wide - 1 < limits[s] {
                    tried[s] = wide - 1;
                }
            }
            let arranged = (tried != limits).then(|| arrange(&tried))?;
            (arranged.0.len() <= count && pieces(&arranged.1) <= split).then_some((tried, arranged))
        });
        let Some((tried, arranged)) = narrower else {
            let (columns, _, _) = natural;
            let widths = column_widths(&columns, room);
            return (columns, widths);
        };
        limits = tried;
        (columns, holds, widths) = arranged;
    }
    // Wrapping moves whole words, so a step can take more than it needed: each wrapped section
    // gets back the widest limit that still fits.
    for s in 0..sections.len() {
        if limits[s] == usize::MAX {
            continue;
        }
        let (mut fit, mut over) = (limits[s], sections[s].natural() + 1);
        while over - fit > 1 {
            let mid = fit + (over - fit) / 2;
            let mut tried = limits.clone();
            tried[s] = mid;
            if fits(&arrange(&tried)) {
                fit = mid;
            } else {
                over = mid;
            }
        }
        limits[s] = fit;
    }
    let (columns, _, widths) = arrange(&limits);
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
/// split, between its rows (a wrapped row stays together), its title repeated.
fn into_columns(
    sections: impl Iterator<Item = Vec<Vec<Line<'static>>>>,
    inner_height: usize,
) -> (Vec<Vec<Line<'static>>>, Vec<Vec<usize>>) {
    let mut columns: Vec<Vec<Line>> = vec![Vec::new()];
    let mut holds: Vec<Vec<usize>> = vec![Vec::new()];
    for (s, section) in sections.enumerate() {
        let height: usize = section.iter().map(Vec::len).sum();
        let fits = columns
            .last()
            .is_some_and(|c| c.len() + height <= inner_height);
        if !fits && columns.last().is_some_and(|c| !c.is_empty()) {
            columns.push(Vec::new());
            holds.push(Vec::new());
        }
        let title = section.first().and_then(|g| g.first()).cloned();
        for (i, group) in section.into_iter().enumerate() {
            let full = columns
                .last()
                .is_some_and(|c| !c.is_empty() && c.len() + group.len() > inner_height);
            if full {
                columns.push(match (&title, i) {
                    (Some(t), 1..) => vec![t.clone()],
                    _ => Vec::new(),
                });
                holds.push(Vec::new());
            }
            if let Some(c) = columns.last_mut() {
                c.extend(group);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixtures::{app, family_page};
    use crate::app::{FamilyMsg, Key, Lang, Msg};
    use crate::domain::enums::Protection;

    /// A line that goes on with a row's description, not a title or a row's first line.
    fn goes_on(line: &Line<'_>) -> bool {
        line.spans.len() == 1 && line.spans[0].content.starts_with(' ')
    }

    /// Over every screen from 60×16 to 160×50, in both languages, over Today and a family's
    /// page: help never takes more than the screen's width, and where it wraps, no column
    /// starts in the middle of a row and no word is broken.
    #[test]
    fn help_wraps_whole_rows_and_words() {
        for lang in [Lang::Sv, Lang::En] {
            let mut page = app(lang);
            page.handle_key(Key::Char('3'));
            page.receive(Msg::Family(FamilyMsg::Loaded(Box::new(family_page(
                Protection::None,
            )))));
            for under in [app(lang), page] {
                let sections = sections(&under, Theme { color: false });
                let words: std::collections::HashSet<&str> = sections
                    .iter()
                    .flat_map(|s| s.rows.iter().flat_map(|(_, w)| w.split(' ')))
                    .collect();
                for width in 60..=160u16 {
                    for height in 16..=50u16 {
                        let at = format!("{lang:?} {width}×{height}");
                        let room = width - 2;
                        let (columns, widths) = layout(&sections, usize::from(height - 3), room);
                        let used = widths.iter().sum::<u16>();
                        assert!(used <= room, "{at}: {widths:?}");
                        let wrapped = columns.iter().flatten().any(goes_on);
                        let cut = columns
                            .iter()
                            .zip(&widths)
                            .any(|(c, w)| c.iter().any(|l| l.width() > usize::from(*w)));
                        if !wrapped || cut {
                            continue;
                        }
                        for column in &columns {
                            assert!(!column.first().is_some_and(goes_on), "{at}: {column:?}");
                            let rows = column.iter().filter(|l| l.spans.len() > 1 || goes_on(l));
                            for line in rows {
                                let description = line.spans.last().map_or("", |s| &s.content);
                                for word in description.split_whitespace() {
                                    assert!(words.contains(word), "{at}: {word:?} is broken");
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
