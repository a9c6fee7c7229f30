//! A family's page: who they are, protection, consent, and each child's programme timeline.

use crate::domain::enums::FamilyStatus;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::family::{ChildTimeline, FamilyPage};
use crate::app::keymap::{Scope, key_for};
use crate::app::{App, Lang, labels};
use crate::app::{FamilyIntent, Intent};
use crate::domain::schedule::VisitState;
use crate::domain::timeline::TimelineEntry;
use crate::domain::views::ChildDetail;
use crate::i18n::screens as w;
use crate::ui::{Theme, wrap_words};

/// The width of a field's label column, so continuation lines line up under the value.
const LABEL_WIDTH: usize = 15;

/// A labelled field, its value word-wrapped to `width` with continuation lines under the value.
fn field<'a>(label: &str, value: &str, width: usize, theme: Theme) -> Vec<Line<'a>> {
    let room = width.saturating_sub(LABEL_WIDTH).max(10);
    let mut rows = wrap_words(value, room).into_iter();
    let first = rows.next().unwrap_or_default();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {label:<14}"), theme.dim()),
        Span::raw(first),
    ])];
    lines.extend(rows.map(|r| Line::from(format!("{:LABEL_WIDTH$}{r}", ""))));
    lines
}

/// What every piece of the page needs to draw itself.
struct View<'a> {
    lang: Lang,
    theme: Theme,
    page: &'a FamilyPage,
    /// The text width inside the border.
    width: usize,
    /// Room for the due date column in timelines.
    wide: bool,
}

pub fn render(app: &App, page: &FamilyPage, frame: &mut Frame, area: Rect, theme: Theme) {
    let p = View {
        lang: app.lang,
        theme,
        page,
        width: usize::from(area.width.saturating_sub(2)),
        wide: area.width >= 100,
    };
    let d = &page.data.detail;
    // One paragraph for the whole page, so that it scrolls as one.
    let mut lines: Vec<Line> = render_heading(&p);
    lines.extend(render_details(&p));
    lines.extend(render_caregivers(&p));
    for (child, timeline) in d.children.iter().zip(&page.data.timelines) {
        lines.extend(render_child(&p, child, timeline));
    }
    lines.extend(crate::ui::groups::family_groups(
        app.lang,
        &page.data.groups,
        theme,
    ));
    let inner_height = area.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(inner_height);
    let block = Block::bordered().border_style(theme.focus_border());
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((page.scroll.min(max_scroll), 0)),
        area,
    );
}

/// The family's name, reference, status and programme; a banner when it is protected.
fn render_heading<'a>(p: &View) -> Vec<Line<'a>> {
    let (lang, theme) = (p.lang, p.theme);
    let d = &p.page.data.detail;
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(" {} ", crate::ui::family_name(&d.display_name, lang)),
            theme.title(),
        ),
        Span::raw(format!(
            " {} · {}",
            d.family_ref,
            labels::status(d.status).get(lang),
        )),
    ])];
    if d.protection.is_protected() {
        let text = if p.page.revealed {
            format!(
                " {}: {} · {} ",
                w::PROTECTED_BANNER.get(p.lang),
                labels::protection(d.protection).get(lang),
                w::REVEALED_BANNER.get(p.lang)
            )
        } else {
            format!(
                " {}: {} ",
                w::PROTECTED_BANNER.get(p.lang),
                labels::protection(d.protection).get(lang)
            )
        };
        lines.push(Line::from(Span::styled(text, theme.protected())));
    }
    lines
}

/// Address, phone, area, languages, dates and consent, one labelled field each.
fn render_details<'a>(p: &View) -> Vec<Line<'a>> {
    let (lang, theme, inner) = (p.lang, p.theme, p.width);
    let d = &p.page.data.detail;
    let hidden = d.protection.is_protected() && !p.page.revealed;
    let reveal = key_for(Scope::FamilyPage, &Intent::Family(FamilyIntent::Reveal));
    let shown = |v: &Option<String>| -> String {
        if hidden {
            w::hidden(&reveal).get(lang).to_string()
        } else {
            v.clone().unwrap_or_default()
        }
    };
    // The programme by its name (a long one wraps under itself); its id only when the version
    // is not in the database.
    let programme = p
        .page
        .data
        .programme_name
        .as_ref()
        .map_or_else(|| d.programme_id.clone(), |n| n.get(lang).to_string());
    let mut lines = field(
        w::PROGRAMME.get(p.lang),
        &format!(
            "{programme}, {} {}",
            w::VERSION.get(p.lang),
            d.programme_version
        ),
        inner,
        theme,
    );
    lines.extend(field(
        w::ADDRESS.get(p.lang),
        &shown(&d.address),
        inner,
        theme,
    ));
    lines.extend(field(w::PHONE.get(p.lang), &shown(&d.phone), inner, theme));
    lines.extend(field(
        w::AREA.get(p.lang),
        &[d.area.clone(), d.clinic.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
        inner,
        theme,
    ));
    let interpreter = d.interpreter_language.as_ref().map_or(String::new(), |l| {
        format!(
            " · {}: {}",
            w::INTERPRETER.get(p.lang),
            labels::language(l).get(lang)
        )
    });
    lines.extend(field(
        w::LANGUAGES.get(p.lang),
        &format!("{}{interpreter}", labels::languages(&d.languages).get(lang)),
        inner,
        theme,
    ));
    let mut dates = Vec::new();
    if let Some(e) = d.eligibility {
        dates.push(labels::eligibility(e).get(lang).to_string());
    }
    if let Some(on) = d.enrolled_on {
        dates.push(format!("{} {on}", w::ENROLLED.get(p.lang)));
    }
    match (d.status, d.paused_on, d.declined_on) {
        (FamilyStatus::Paused, Some(on), _) => {
            dates.push(format!("{} {on}", w::PAUSED_SINCE.get(p.lang)));
        }
        (FamilyStatus::Declined, _, Some(on)) => {
            dates.push(format!("{} {on}", w::DECLINED_ON.get(p.lang)));
        }
        _ => {}
    }
    if let (Some(r), Some(on)) = (d.exit_reason, d.exited_on) {
        let why = d.exit_note.as_ref().map_or_else(
            || labels::exit_reason(r).get(lang).to_string(),
            |n| format!("{}: {n}", labels::exit_reason(r).get(lang)),
        );
        dates.push(format!(
            "{} {on} ({} {why})",
            labels::status(d.status).get(lang),
            w::EXIT_REASON.get(p.lang),
        ));
    }
    lines.extend(field(
        w::ELIGIBILITY.get(p.lang),
        &dates.join(" · "),
        inner,
        theme,
    ));
    lines.extend(field(
        w::CONSENT.get(p.lang),
        &consent_text(p),
        inner,
        theme,
    ));
    lines
}

/// Who consented, to what, when and how; or that no one has.
fn consent_text(p: &View) -> String {
    let Some(c) = &p.page.data.detail.consent else {
        let record = key_for(
            Scope::FamilyPage,
            &Intent::Family(FamilyIntent::RecordConsent),
        );
        return w::no_consent(&record).get(p.lang).to_string();
    };
    let withdrawn = c.withdrawn_on.map_or(String::new(), |w| {
        format!(" · {} {w}", w::WITHDRAWN.get(p.lang))
    });
    let method = labels::consent_method(c.method);
    format!(
        "{}, {}, {} ({}){withdrawn}",
        c.given_by,
        labels::free_text(&c.scope).get(p.lang),
        c.given_on,
        method.get(p.lang)
    )
}

/// The caregivers, each with relation and masked identity number.
fn render_caregivers<'a>(p: &View) -> Vec<Line<'a>> {
    let mut lines = vec![Line::from(Span::styled(
        format!(" {}", w::CAREGIVERS.get(p.lang)),
        p.theme.header(),
    ))];
    for c in &p.page.data.detail.caregivers {
        let id = c.identity.as_ref().map_or_else(
            || w::NO_NUMBER.get(p.lang).to_string(),
            |i| format!("{} {}", labels::id_kind(i.kind).get(p.lang), i.masked()),
        );
        let relation = c.relation.as_ref().map_or(String::new(), |r| {
            format!(" ({})", labels::free_text(r).get(p.lang))
        });
        lines.push(Line::from(format!("  {}{relation} · {id}", c.name)));
    }
    lines
}

/// A child's heading, then its programme timeline.
fn render_child<'a>(p: &View, child: &ChildDetail, timeline: &ChildTimeline) -> Vec<Line<'a>> {
    let theme = p.theme;
    let born = if child.expected {
        w::EXPECTED.get(p.lang)
    } else {
        w::BORN.get(p.lang)
    };
    let id = child.identity.as_ref().map_or_else(
        || w::NO_NUMBER.get(p.lang).to_string(),
        |i| format!("{} {}", labels::id_kind(i.kind).get(p.lang), i.masked()),
    );
    let heading = format!(
        "{} {} · {born} {} · {id}",
        w::CHILDREN.get(p.lang),
        child.name,
        child.birth_date
    );
    // Wrapped under itself, so a long identity kind does not run back to the left edge.
    let mut lines: Vec<Line> = wrap_words(&heading, p.width.saturating_sub(3))
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let lead = if i == 0 { " " } else { "   " };
            Line::from(Span::styled(format!("{lead}{row}"), theme.header()))
        })
        .collect();
    if p.page.data.programme_missing {
        lines.push(Line::from(Span::styled(
            format!("  {}", w::PROGRAMME_MISSING.get(p.lang)),
            theme.warn(),
        )));
        return lines;
    }
    let heading = if p.wide {
        format!(
            "  {:<28} {:<23} {:<11} {:<10} {}",
            w::VISIT.get(p.lang),
            w::WINDOW.get(p.lang),
            w::DUE.get(p.lang),
            w::STATUS.get(p.lang),
            w::DATE.get(p.lang)
        )
    } else {
        format!(
            "  {:<26} {:<21} {:<9} {}",
            w::VISIT.get(p.lang),
            w::WINDOW.get(p.lang),
            w::STATUS.get(p.lang),
            w::DATE.get(p.lang)
        )
    };
    lines.push(Line::from(Span::styled(heading, theme.dim())));
    lines.extend(timeline.entries.iter().map(|e| render_entry(p, e)));
    if timeline.extra_visits > 0 {
        lines.push(Line::from(format!(
            "  + {}",
            w::count(
                timeline.extra_visits,
                w::EXTRA_VISIT,
                w::EXTRA_VISITS,
                p.lang
            )
        )));
    }
    lines
}

/// One programme visit: its name, window, state and date.
fn render_entry<'a>(p: &View, e: &TimelineEntry) -> Line<'a> {
    let (lang, theme, wide) = (p.lang, p.theme, p.wide);
    let name = match lang {
        Lang::Sv => &e.name,
        Lang::En => &e.name_en,
    };
    // A done visit where a required role was missing is not a joint visit.
    let not_joint = e.state == VisitState::Done && e.joint == Some(false);
    let state_label = labels::visit_state(e.state);
    let state_text = if not_joint {
        w::NOT_JOINT.get(p.lang)
    } else {
        state_label.get(lang)
    };
    let style = match e.state {
        _ if not_joint => theme.warn(),
        VisitState::Overdue => theme.error(),
        VisitState::Due => theme.warn(),
        VisitState::Done => theme.ok(),
        VisitState::Missed => theme.dim(),
        _ => Style::new(),
    };
    let date = e
        .date
        .map_or(String::new(), |t| t.format("%Y-%m-%d %H:%M").to_string());
    let label = format!("{} {name}", e.visit_no);
    let lead = if wide {
        format!(
            "  {:<28} {} – {} {:<11} ",
            crate::ui::fit(&label, 28),
            e.window.earliest,
            e.window.max,
            e.window.due
        )
    } else {
        format!(
            "  {:<26} {}–{} ",
            crate::ui::fit(&label, 26),
            e.window.earliest,
            e.window.max
        )
    };
    let state_width = if wide { 10 } else { 9 };
    Line::from(vec![
        Span::raw(lead),
        Span::styled(
            format!("{:<state_width$}", crate::ui::fit(state_text, state_width)),
            style,
        ),
        Span::raw(format!(" {date}")),
    ])
}

#[cfg(test)]
mod tests {
    use crate::ui::wrap_words;

    #[test]
    fn long_values_wrap_at_spaces_and_lose_nothing() {
        let text = "Ahmad Barakat, samverkan BVC och socialtjänst, 2025-09-29 (muntligt)";
        let rows = wrap_words(text, 30);
        assert!(rows.iter().all(|r| r.chars().count() <= 30), "{rows:?}");
        assert_eq!(rows.join(" "), text);
        assert_eq!(rows[0], "Ahmad Barakat, samverkan BVC");
    }

    #[test]
    fn a_word_longer_than_a_row_is_cut_not_hidden() {
        let rows = wrap_words("abcdefghijkl mn", 5);
        assert_eq!(rows, ["abcde", "fghij", "kl mn"]);
    }

    #[test]
    fn a_short_value_is_one_row() {
        assert_eq!(wrap_words("070-174 06 47", 40), ["070-174 06 47"]);
        assert_eq!(wrap_words("", 40), [""]);
    }
}
