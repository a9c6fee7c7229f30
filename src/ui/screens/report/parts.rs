//! The Report screen's other parts: the bar chart of visits by visit number, the eight-quarter
//! trend, what is missing, and the exports.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use crate::app::keymap::{Scope, key_for};
use crate::app::{App, Intent, ReportIntent};
use crate::domain::report::{
    Category, EMPTY, HEADLINE, HIDDEN, IndicatorId, MissingKind, Place, Shown,
};
use crate::i18n::Lang;
use crate::i18n::screens::report::{self as rw, bare_value, family_lacks, missing_kind};
use crate::ui::{Theme, fit, scroll_offset, shown_name};

pub fn render_chart(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let block = Block::bordered()
        .title(format!(" {} ", rw::CHART_TITLE.get(lang)))
        .border_style(theme.dim());
    let Some(report) = app.report.report() else {
        frame.render_widget(Paragraph::new(rw::COMPUTING.get(lang)).block(block), area);
        return;
    };
    let cells: Vec<_> = report
        .cells
        .iter()
        .filter(|c| {
            c.indicator == IndicatorId::VisitsDone
                && c.place == Place::Municipality
                && c.category.is_some()
        })
        .collect();
    let bars: Vec<Bar> = cells
        .iter()
        .map(|c| {
            let label = match c.category {
                Some(Category::Visit(n)) => n.to_string(),
                _ => "x".to_string(),
            };
            // The true height always: a hidden value is never drawn as an empty bar. It is
            // marked (and, as sent, labelled with the marker) in the warning colour.
            let height = c.figure.weight();
            let hidden = c.published().is_none();
            let text = match (hidden, app.report.as_sent) {
                (false, _) => height.to_string(),
                (true, false) => format!("{height}*"),
                (true, true) => HIDDEN.to_string(),
            };
            let bar = Bar::default()
                .value(height)
                .label(Line::from(label))
                .text_value(text);
            if hidden { bar.style(theme.warn()) } else { bar }
        })
        .collect();
    let inner = usize::from(area.width.saturating_sub(2));
    let per_bar = inner.checked_div(bars.len().max(1)).unwrap_or(1);
    let width = u16::try_from(per_bar.saturating_sub(1).clamp(1, 7)).unwrap_or(1);
    let chart = BarChart::default()
        .block(block.title_bottom(Line::from(" x = extra ").style(theme.dim())))
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1)
        .bar_style(theme.key())
        .value_style(theme.selected());
    frame.render_widget(chart, area);
}

pub fn render_trend(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let lang = app.lang;
    let trend = app.report.trend();
    let col = 7;
    let name_w = usize::from(area.width).saturating_sub(1 + col * trend.len());
    let mut head = format!(" {:<name_w$}", fit(rw::TREND_TITLE.get(lang), name_w));
    for (q, _) in &trend {
        let _ = write!(head, "{:>col$}", q.to_string());
    }
    let mut lines = vec![Line::styled(head, theme.header())];
    for (i, id) in HEADLINE.iter().enumerate() {
        let info = id.info();
        let name = if lang == Lang::Sv {
            info.name_sv
        } else {
            info.name_en
        };
        let mut row = format!(" {:<name_w$}", fit(name, name_w.saturating_sub(1)));
        for (_, line) in &trend {
            // The true share, `*` when the file hides it; as sent, the marker. `–` is nothing
            // to report (a share of nobody), never a hidden one.
            let text = match line.map(|l| l.shares[i]) {
                Some(Shown::Value {
                    value,
                    sent: Some(sent),
                }) => bare_value(if app.report.as_sent { sent } else { value }, lang),
                Some(Shown::Value { value, sent: None }) => {
                    if app.report.as_sent {
                        HIDDEN.into()
                    } else {
                        format!("{}*", bare_value(value, lang))
                    }
                }
                Some(Shown::Empty) => EMPTY.into(),
                Some(Shown::Absent) => String::new(),
                None => rw::NOT_YET.get(lang).into(),
            };
            let _ = write!(row, "{text:>col$}");
        }
        lines.push(Line::raw(row));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

pub fn render_missing(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let (lang, state) = (app.lang, &app.report);
    let mut lines = vec![Line::styled(
        format!(" {}", rw::MISSING_TITLE.get(lang)),
        theme.header(),
    )];
    let Some(page) = state.missing() else {
        lines.push(Line::styled(
            format!(" {}", rw::COMPUTING.get(lang)),
            theme.dim(),
        ));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    for kind in MissingKind::ALL {
        let n = page.counts[kind.index()];
        let style = if n > 0 { theme.warn() } else { theme.dim() };
        lines.push(Line::from(vec![
            Span::styled(format!(" {n:>6}  "), style),
            Span::raw(missing_kind(kind).0.get(lang).to_string()),
        ]));
    }
    if page.total() == 0 {
        lines.push(Line::styled(
            format!(" {}", rw::NOTHING_MISSING.get(lang)),
            theme.ok(),
        ));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    let hint = rw::missing_hint(&key_for(Scope::Report, &Intent::Open));
    lines.push(Line::styled(format!(" {}", hint.get(lang)), theme.dim()));
    let rows = usize::from(area.height).saturating_sub(lines.len());
    let start = scroll_offset(state.selected, rows);
    let room = usize::from(area.width).saturating_sub(2);
    for i in start..(start + rows).min(page.total()) {
        let marked = i == state.selected;
        let text = match i.checked_sub(page.offset).and_then(|at| page.items.get(at)) {
            Some(item) => {
                let kind = missing_kind(item.kind).1;
                let when = item
                    .at
                    .map_or_else(String::new, |t| t.format("%Y-%m-%d %H:%M").to_string());
                let mut name = shown_name(&item.name, item.protection, lang);
                if let Some(reference) = &item.reference {
                    name = format!("{name} {reference}");
                }
                if item.kind == MissingKind::FamilyFacts {
                    name = format!(
                        "{name}: {}",
                        family_lacks(item.lacks_eligibility, item.lacks_date).get(lang)
                    );
                }
                format!("{:<9} {when:<16} {name}", kind.get(lang))
            }
            None => rw::NOT_YET.get(lang).to_string(),
        };
        let style = if marked {
            theme.selected()
        } else {
            Style::default()
        };
        let mark = if marked { "›" } else { " " };
        lines.push(Line::styled(format!("{mark}{}", fit(&text, room)), style));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

pub fn render_exports(app: &App, frame: &mut Frame, area: Rect, theme: Theme) {
    let (lang, state) = (app.lang, &app.report);
    let room = usize::from(area.width).saturating_sub(2);
    let mut lines = Vec::new();
    if let Some(done) = state
        .last_export
        .as_ref()
        .filter(|d| Some(d.period) == state.quarter)
    {
        lines.push(Line::styled(
            format!(
                " {} {}",
                rw::WROTE.get(lang),
                fit(&done.path.display().to_string(), room.saturating_sub(6))
            ),
            theme.ok(),
        ));
        lines.push(Line::styled(
            format!(" SHA-256 {}", done.checksum),
            theme.ok(),
        ));
        if done.preliminary {
            lines.push(Line::styled(
                format!(" {}", rw::PRELIMINARY.get(lang)),
                theme.warn(),
            ));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        format!(" {}", rw::EXPORTS_TITLE.get(lang)),
        theme.header(),
    ));
    match state.runs() {
        None => lines.push(Line::styled(
            format!(" {}", rw::COMPUTING.get(lang)),
            theme.dim(),
        )),
        Some([]) => {
            let export = key_for(Scope::Report, &Intent::Report(ReportIntent::ExportReport));
            let text = format!(" {}", rw::no_exports(&export).get(lang));
            lines.push(Line::styled(text, theme.dim()));
        }
        Some(runs) => {
            for run in runs.iter().skip(state.scroll) {
                let path = run.path.as_deref().unwrap_or(rw::UNKNOWN_PATH.get(lang));
                lines.push(Line::raw(fit(
                    &format!(
                        " {}  {:<4}  r{}  {path}",
                        run.run_at,
                        run.format,
                        run.revision.unwrap_or(1)
                    ),
                    room + 1,
                )));
                lines.push(Line::styled(
                    fit(&format!("     {}", run.checksum), room + 1),
                    theme.dim(),
                ));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
