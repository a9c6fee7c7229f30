//! The proposed slots for a visit: when, who, interpreter; one to mark and book.

use crate::domain::views::InterpreterBooked;
use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::App;
use crate::app::booking::BookingState;
use crate::i18n::screens as w;
use crate::ui::{Theme, centered, fit, short_name};

pub fn render(app: &App, state: &BookingState, frame: &mut Frame, area: Rect, theme: Theme) {
    let plan = &state.plan;
    // Borders, and the window line with a blank under it when there is one.
    let extra = if plan.window.is_some() { 4 } else { 2 };
    let rect = centered(area, 78, (plan.proposals.len() as u16) + extra);
    frame.render_widget(Clear, rect);
    let title = format!(
        " {}: {} · {} ",
        w::BOOK.get(app.lang),
        plan.visit_name.get(app.lang),
        plan.child.get(app.lang)
    );
    let block = Block::bordered()
        .title(Line::from(title).style(theme.title()))
        .border_style(theme.focus_border());
    let width = rect.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    if let Some(w) = plan.window {
        lines.push(Line::from(Span::styled(
            format!(
                " {} {} – {} ({} {})",
                w::WINDOW.get(app.lang),
                w.earliest,
                w.max,
                w::DUE_WORD.get(app.lang),
                w.due
            ),
            theme.dim(),
        )));
        lines.push(Line::from(""));
    }
    for (i, p) in plan.proposals.iter().enumerate() {
        let day = w::weekday(p.candidate.start.weekday()).get(app.lang);
        let people = p
            .people
            .iter()
            .map(|(_, n)| short_name(n))
            .collect::<Vec<_>>()
            .join(", ");
        let interpreter = match &p.interpreter {
            Some(InterpreterBooked::External) => {
                format!(
                    " · {}: {}",
                    w::INTERPRETER.get(app.lang),
                    w::INTERPRETER_EXTERNAL.get(app.lang)
                )
            }
            Some(InterpreterBooked::Staff(i)) => {
                format!(" · {}: {}", w::INTERPRETER.get(app.lang), short_name(i))
            }
            None => String::new(),
        };
        let area = if p.twin_trip {
            format!(" · {}", w::TWIN_TRIP.get(app.lang))
        } else if p.same_area {
            format!(" · {}", w::SAME_AREA.get(app.lang))
        } else {
            String::new()
        };
        let text = fit(
            &format!(
                " {day} {}  {people}{interpreter}{area}",
                p.candidate.start.format("%Y-%m-%d %H:%M")
            ),
            width,
        );
        let line = Line::from(text);
        lines.push(if i == state.selected {
            line.style(theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
