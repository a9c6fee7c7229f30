//! A form over the screen: each field with its label and value, what is wrong next to it, and
//! how to write the focused one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{Theme, fit};
use crate::app::form::{FieldKind, Form};
use crate::app::{App, Modal};

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
    let [fields_area, hint_area, error_area] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(2),
        Constraint::Length(1),
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
    // Long messages wrap: the advice at their end is the useful part.
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((offset as u16, 0)),
        fields_area,
    );
    if let Some(f) = form.fields.get(form.focus) {
        if let Some(hint) = &f.hint {
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
        if matches!(f.kind, FieldKind::Text) && in_front && row < height {
            let cursor = f.input.visual_cursor().min(columns.value);
            frame.set_cursor_position((
                fields_area.x + (columns.label + 2 + cursor) as u16,
                fields_area.y + row as u16,
            ));
        }
    }
    if let Some(err) = &form.error {
        frame.render_widget(
            Paragraph::new(Span::styled(err.get(lang), theme.error())),
            error_area,
        );
    }
}

/// The widths of the label and value columns.
#[derive(Debug, Clone, Copy)]
struct Columns {
    label: usize,
    value: usize,
}

/// One line per field, and one more under each field that has a problem; and which line has
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
        let value = match &f.kind {
            FieldKind::Text => fit(f.input.value(), columns.value),
            FieldKind::Choice(options) => {
                let shown = options.get(f.choice).map_or("", |(_, t)| t.get(lang));
                format!("‹ {shown} ›")
            }
        };
        let value_style = if focused {
            Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![label, Span::styled(value, value_style)]));
        if let Some(err) = &f.error {
            lines.push(Line::from(Span::styled(
                format!("{:width$}⚠ {}", "", err.get(lang), width = label_width + 2),
                theme.error(),
            )));
        }
    }
    (lines, focus_line)
}
