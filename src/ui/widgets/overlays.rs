//! Overlays: yes/no questions (the help is in `help`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::keymap::{Scope, key_for, yes_key};
use crate::app::modal::Person;
use crate::app::{App, Intent, Lang, Question, labels};
use crate::i18n::screens as w;
use crate::ui::{Theme, centered};

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
    let (yes, no) = (yes_key(app.lang), key_for(Scope::Confirm, &Intent::No));
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
            booked_list = Some((w::BOOKED_VISITS.get(app.lang), booked));
            let back = key_for(Scope::Confirm, &Intent::Back);
            w::cancel_booked(&yes, &no, &back).get(app.lang).to_string()
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
