//! Overlays: the help generated from the keymap, and yes/no questions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{EDITING_KEYS, Scope, key_for};
use crate::app::keymap::{bindings_in, keys_label};
use crate::app::modal::Person;
use crate::app::{App, Intent, Lang, Question, labels};
use crate::i18n::screens as w;
use crate::ui::{Theme, centered, describe};

/// The keys of the current screen, then the ones that work everywhere, from the keymap table.
pub fn render_help(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let inner_height = area.height.saturating_sub(2).max(2) as usize;
    let columns = into_columns(render_sections(app, theme), inner_height);
    let widths = column_widths(&columns, area.width.saturating_sub(2));
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

/// Each column as wide as its widest line and a gap; when they do not all fit in `room`, the
/// widest gives way first, so the short columns stay whole and the long lines lose their ends.
fn column_widths(columns: &[Vec<Line<'static>>], room: u16) -> Vec<u16> {
    const GAP: u16 = 2;
    let mut widths: Vec<u16> = columns
        .iter()
        .map(|c| {
            let widest = c.iter().map(Line::width).max().unwrap_or(0);
            u16::try_from(widest)
                .unwrap_or(u16::MAX)
                .saturating_add(GAP)
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
fn render_sections(app: &App, theme: Theme) -> Vec<Vec<Line<'static>>> {
    let mut scopes = app.scopes_under_help();
    // The keys of the scopes under the help stand for each other; forms are a place of their
    // own, whose keys are all listed.
    let stacked = scopes.len();
    if !scopes.contains(&Scope::Form) {
        scopes.push(Scope::Form);
    }
    // The keys' column is as wide as the section's widest keys, with a space before the words:
    // at 80 columns three columns of help fit that way.
    let row = |keys: String, width: usize, description: &str| {
        Line::from(vec![
            Span::styled(format!("  {keys:<width$} "), theme.key()),
            Span::raw(description.to_string()),
        ])
    };
    scopes
        .iter()
        .map(|scope| {
            let (sv, en) = scope.title();
            let mut lines = vec![Line::from(Span::styled(
                describe(app.lang, sv, en),
                theme.header(),
            ))];
            // A key a more specific scope takes is listed there only.
            let at = scopes.iter().position(|x| x == scope).unwrap_or(0);
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
            let width = rows
                .iter()
                .map(|(keys, _)| keys.chars().count())
                .max()
                .unwrap_or(0);
            lines.extend(
                rows.into_iter()
                    .map(|(keys, words)| row(keys, width, words)),
            );
            lines
        })
        .collect()
}

/// Columns when one would not fit, so every key is always on screen. A section moves whole to
/// the next column; only one longer than the screen is split, its title repeated.
fn into_columns(sections: Vec<Vec<Line<'static>>>, inner_height: usize) -> Vec<Vec<Line<'static>>> {
    let mut columns: Vec<Vec<Line>> = vec![Vec::new()];
    for section in sections {
        let fits = columns
            .last()
            .is_some_and(|c| c.len() + section.len() <= inner_height);
        if !fits && columns.last().is_some_and(|c| !c.is_empty()) {
            columns.push(Vec::new());
        }
        let title = section[0].clone();
        for (i, line) in section.into_iter().enumerate() {
            if columns.last().is_some_and(|c| c.len() >= inner_height) {
                columns.push(if i > 0 {
                    vec![title.clone()]
                } else {
                    Vec::new()
                });
            }
            if let Some(c) = columns.last_mut() {
                c.push(line);
            }
        }
    }
    columns
}

/// Adds `lines` under a question, as many as leave room for the question, its keys and the
/// frame; the rest is said as "and N more".
fn push_listed(rows: &mut Vec<String>, lines: Vec<String>, height: u16, inner: usize, lang: Lang) {
    let room = usize::from(height).saturating_sub(rows.len() + 6).max(1);
    let shown = if lines.len() > room {
        room.saturating_sub(1)
    } else {
        lines.len()
    };
    let total = lines.len();
    for line in lines.into_iter().take(shown) {
        rows.push(line.chars().take(inner).collect());
    }
    if shown < total {
        rows.push(format!("  {}", w::and_more(total - shown).get(lang)));
    }
}

pub fn render_question(app: &App, q: &Question, frame: &mut Frame, area: Rect, theme: Theme) {
    let (yes, no) = (
        key_for(Scope::Confirm, &Intent::Yes),
        key_for(Scope::Confirm, &Intent::No),
    );
    let mut booked_list = None;
    let mut staff_visits = None;
    let text = match q {
        Question::QuitUnsaved => w::QUIT_UNSAVED.get(app.lang).to_string(),
        Question::DiscardForm => w::DISCARD_FORM.get(app.lang).to_string(),
        Question::Book(r) => {
            let proposal = app
                .booking()
                .and_then(|b| b.plan.proposals.iter().find(|p| p.candidate == r.candidate));
            let who: Vec<String> = proposal
                .map(|p| p.people.iter().map(|(_, n)| n.clone()).collect())
                .unwrap_or_default();
            let language = r.interpreter_language.as_deref().map(labels::language);
            let interpreter = proposal
                .and_then(|p| p.interpreter.as_ref())
                .map(w::interpreter_booked);
            w::book_question(
                &r.candidate.start.format("%Y-%m-%d %H:%M").to_string(),
                &who.join(", "),
                language.as_ref().map(|l| (l, interpreter.as_ref())),
            )
            .get(app.lang)
            .to_string()
        }
        Question::Status { change, booked, .. } => {
            if !booked.is_empty() {
                let head = if change.cancel_booked {
                    w::BOOKED_CANCELLED.get(app.lang)
                } else {
                    w::BOOKED_KEPT_OR_NOT.get(app.lang)
                };
                booked_list = Some((head, booked));
            }
            format!(
                "{} {}?",
                w::SET_STATUS.get(app.lang),
                labels::status(change.status).get(app.lang)
            )
        }
        Question::DeactivateStaff { staff, visits, .. } => {
            staff_visits = Some(visits);
            w::deactivate_staff(&staff.name).get(app.lang).to_string()
        }
        Question::RemovePerson { person, name, .. } => match person {
            Person::Caregiver(_) => w::remove_caregiver(name).get(app.lang).to_string(),
            Person::Child(_) => w::remove_child(name).get(app.lang).to_string(),
        },
        Question::CancelBooked { booked, .. } => {
            booked_list = Some((w::BOOKED_CANCELLED.get(app.lang), booked));
            w::cancel_booked(&yes, &no).get(app.lang).to_string()
        }
    };
    let width = area.width.min(64);
    let inner = usize::from(width.saturating_sub(2));
    let mut rows = crate::ui::wrap_words(&text, inner);
    if let Some((head, booked)) = booked_list {
        rows.extend(crate::ui::wrap_words(head, inner));
        let lines = booked
            .iter()
            .map(|b| {
                let visit = b
                    .visit_name
                    .as_ref()
                    .map(|n| format!(", {}", n.get(app.lang)))
                    .unwrap_or_default();
                format!(
                    "  {} {}{}",
                    b.start.format("%Y-%m-%d %H:%M"),
                    b.child.get(app.lang),
                    visit
                )
            })
            .collect();
        push_listed(&mut rows, lines, area.height, inner, app.lang);
    }
    if let Some(visits) = staff_visits {
        let lines = visits
            .iter()
            .map(|v| {
                format!(
                    "  {} {}",
                    v.start.format("%Y-%m-%d %H:%M"),
                    crate::ui::family_label(v, app.lang)
                )
            })
            .collect();
        push_listed(&mut rows, lines, area.height, inner, app.lang);
    }
    // As tall as the question needs, so a long one (a booking with three names) is whole.
    let height = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4);
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Line::from(format!(" {} ", w::QUESTION.get(app.lang))).style(theme.warn()));
    let mut lines: Vec<Line> = rows.into_iter().map(Line::from).collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        w::yes_no(&yes, &no).get(app.lang).to_string(),
        theme.key(),
    )));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
