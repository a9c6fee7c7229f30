//! A form over the screen: each field with its label and value, what is wrong next to it, and
//! how to write the focused one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::form::{FieldKind, Form};
use crate::app::keymap::{Scope, key_for};
use crate::app::{App, FamilyIntent, Intent, Modal};
use crate::i18n::screens as w;
use crate::ui::{Theme, fit, wrap_words};

/// The narrowest label column; it widens to the longest label, up to a third of the form.
const LABEL: usize = 16;

pub fn render(app: &App, form: &Form, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let rect = area;
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Line::from(format!(" {} ", form.title.get(lang))).style(theme.title()))
        .border_style(theme.focus_border());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // The form's own error wraps over as many rows as it needs (up to three): its advice is at
    // the end.
    let error_rows: Vec<String> = form.error.as_ref().map_or_else(Vec::new, |e| {
        wrap_words(e.get(lang), usize::from(inner.width))
    });
    let error_height = u16::try_from(error_rows.len().min(3)).unwrap_or(3);
    let [fields_area, hint_area, error_area] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(2),
        Constraint::Length(error_height),
    ])
    .areas(inner);
    let longest = form
        .fields
        .iter()
        .map(|f| f.label.get(lang).chars().count())
        .max()
        .unwrap_or(0);
    let label = longest.clamp(LABEL, LABEL.max(usize::from(fields_area.width) / 3));
    let columns = Columns {
        label,
        value: (fields_area.width as usize).saturating_sub(label + 3),
    };
    let (lines, focus_line) = render_fields(app, form, columns, theme);
    let height = fields_area.height as usize;
    let offset = focus_line.saturating_sub(height.saturating_sub(2));
    // Lines come wrapped already (a problem under its value), so the focus line is exact.
    frame.render_widget(
        Paragraph::new(lines).scroll((offset as u16, 0)),
        fields_area,
    );
    if let Some(f) = form.fields.get(form.focus) {
        // A form's note (a series' dates) shows unless the field is wrong and its hint says how
        // to write it.
        let hint = f
            .hint
            .as_ref()
            .filter(|_| form.note.is_none() || f.error.is_some())
            .or(form.note.as_ref());
        if let Some(hint) = hint {
            frame.render_widget(
                Paragraph::new(hint.get(lang))
                    .style(theme.dim())
                    .wrap(Wrap { trim: true }),
                hint_area,
            );
        }
        // The cursor only where typing goes: this form, when it is in front.
        let in_front = matches!(app.top(), Some(Modal::Form(top)) if std::ptr::eq(top, form));
        let row = focus_line.saturating_sub(offset);
        if matches!(f.kind, FieldKind::Text) && !f.hidden && in_front && row < height {
            let cursor = f.input.visual_cursor().min(columns.value);
            frame.set_cursor_position((
                fields_area.x + (columns.label + 2 + cursor) as u16,
                fields_area.y + row as u16,
            ));
        }
    }
    if !error_rows.is_empty() {
        let rows: Vec<Line> = error_rows
            .into_iter()
            .map(|r| Line::from(Span::styled(r, theme.error())))
            .collect();
        frame.render_widget(Paragraph::new(rows), error_area);
    }
}

/// The widths of the label and value columns.
#[derive(Debug, Clone, Copy)]
struct Columns {
    label: usize,
    value: usize,
}

/// One line per field, and one more under each field that has a problem; and which line has
/// A closed field's value on its one line: the text (or that it is hidden), the choice with
/// what narrows it, or the ticked items of a checklist.
fn field_value(
    f: &crate::app::form::Field,
    kind: &FieldKind,
    width: usize,
    lang: crate::i18n::Lang,
) -> String {
    match kind {
        FieldKind::Text if f.hidden => {
            // The key is the family page's: the form reveals with it too.
            let reveal = key_for(Scope::FamilyPage, &Intent::Family(FamilyIntent::Reveal));
            fit(w::hidden_field(&reveal).get(lang), width)
        }
        FieldKind::Text => fit(f.input.value(), width),
        FieldKind::Choice(options) => {
            let shown = options.get(f.choice).map_or("", |(_, t)| t.get(lang));
            let typed = f.input.value();
            if typed.is_empty() {
                format!("‹ {shown} ›")
            } else {
                // What narrows the choice, and how many it leaves.
                let n = crate::app::form::choice_matches(options, typed).len();
                fit(&format!("‹ {shown} › «{typed}» {n}"), width)
            }
        }
        FieldKind::Checklist(options, ticked) => {
            let chosen: Vec<&str> = options
                .iter()
                .zip(ticked)
                .filter(|(_, t)| **t)
                .map(|((_, label), _)| label.get(lang))
                .collect();
            if chosen.is_empty() {
                "–".to_string()
            } else {
                fit(&chosen.join(", "), width)
            }
        }
    }
}

/// the focus.
fn render_fields<'a>(
    app: &App,
    form: &'a Form,
    columns: Columns,
    theme: Theme,
) -> (Vec<Line<'a>>, usize) {
    let lang = app.lang;
    let label_width = columns.label;
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;
    for (i, f) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            focus_line = lines.len();
        }
        let marker = if f.required { "*" } else { " " };
        // The label padded to its column, then the required marker: values start two after.
        let label = Span::styled(
            format!(
                "{:<label_width$}{marker} ",
                fit(f.label.get(lang), label_width)
            ),
            if focused { theme.key() } else { theme.dim() },
        );
        let value_style = if focused && form.focus_selected() {
            // Selected: what is typed next replaces it.
            theme.selected()
        } else if focused {
            Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        let indent = " ".repeat(label_width + 2);
        match &f.kind {
            FieldKind::Checklist(options, ticked) if focused => {
                let (rows, marked_row) =
                    checklist_rows(options, ticked, f.choice, columns.value, lang, theme);
                focus_line = lines.len() + marked_row;
                for (r, spans) in rows.into_iter().enumerate() {
                    let lead = if r == 0 {
                        label.clone()
                    } else {
                        Span::raw(indent.clone())
                    };
                    let mut row = vec![lead];
                    row.extend(spans);
                    lines.push(Line::from(row));
                }
            }
            kind => {
                let value = field_value(f, kind, columns.value, lang);
                lines.push(Line::from(vec![label, Span::styled(value, value_style)]));
            }
        }
        if let Some(err) = &f.error {
            // Wrapped under the value, so a long problem never runs back to the left edge.
            let room = columns.value.max(10);
            for (r, row) in wrap_words(&format!("⚠ {}", err.get(lang)), room)
                .into_iter()
                .enumerate()
            {
                let lead = if r == 0 { "" } else { "  " };
                lines.push(Line::from(Span::styled(
                    format!("{indent}{lead}{row}"),
                    theme.error(),
                )));
            }
        }
    }
    (lines, focus_line)
}

/// A focused checklist, its options wrapped to `width`: "[x] sömn  [ ] amning", the marked one
/// highlighted; and the row the marked one is on.
fn checklist_rows<'a>(
    options: &[(String, crate::app::Text)],
    ticked: &[bool],
    marked: usize,
    width: usize,
    lang: crate::app::Lang,
    theme: Theme,
) -> (Vec<Vec<Span<'a>>>, usize) {
    let mut rows: Vec<Vec<Span>> = vec![Vec::new()];
    let mut used = 0;
    let mut marked_row = 0;
    for (i, (_, label)) in options.iter().enumerate() {
        let tick = if ticked.get(i).copied().unwrap_or(false) {
            "[x]"
        } else {
            "[ ]"
        };
        let item = fit(&format!("{tick} {}", label.get(lang)), width);
        let len = item.chars().count();
        if used > 0 && used + 2 + len > width {
            rows.push(Vec::new());
            used = 0;
        }
        let row = rows.len() - 1;
        if used > 0 {
            rows[row].push(Span::raw("  "));
            used += 2;
        }
        if i == marked {
            marked_row = row;
        }
        let style = if i == marked {
            theme.selected()
        } else {
            Style::new()
        };
        rows[row].push(Span::styled(item, style));
        used += len;
    }
    (rows, marked_row)
}
