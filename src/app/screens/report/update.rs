//! Where the Report screen's keys lead, and what its reads bring: the quarter picker, the
//! parts, the export form, and `Enter` on a missing record opening the editor that fixes it.
use super::Section;
use crate::app::keymap::{Scope, key_for};
use crate::app::{
    App, Effect, FamilyIntent, GroupsEffect, Intent, ReportEffect, ReportIntent, ReportMsg, Screen,
    VisitEffect, forms,
};
use crate::domain::report::MissingKind;
use crate::i18n::screens::report as w;

impl App {
    pub(crate) fn handle_report(&mut self, action: &Intent) -> Vec<Effect> {
        let state = &mut self.report;
        match action {
            Intent::Report(ReportIntent::PrevQuarter) => state.step(false, self.today),
            Intent::Report(ReportIntent::NextQuarter) => state.step(true, self.today),
            Intent::NextPane => {
                state.next_section();
                Vec::new()
            }
            Intent::PrevPane => {
                state.prev_section();
                Vec::new()
            }
            Intent::Report(ReportIntent::TogglePeriod) => state.toggle_period(self.today),
            Intent::Report(ReportIntent::ToggleSent) => {
                state.as_sent = !state.as_sent;
                Vec::new()
            }
            Intent::Report(ReportIntent::NextBreakdown) => {
                state.section = Section::Tables;
                state.next_breakdown();
                Vec::new()
            }
            Intent::Report(ReportIntent::ExportReport) => {
                if let Some(q) = state.quarter {
                    self.open_form(forms::export(q));
                }
                Vec::new()
            }
            Intent::Open if state.section == Section::Missing => self.fix_marked(),
            Intent::Up
            | Intent::Down
            | Intent::PageUp
            | Intent::PageDown
            | Intent::Top
            | Intent::Bottom => {
                let rows = self.report_rows();
                self.report.handle_move(action, rows)
            }
            _ => Vec::new(),
        }
    }

    /// How many rows the shown part scrolls over.
    fn report_rows(&self) -> usize {
        let state = &self.report;
        match state.section {
            Section::Tables => state.report().map_or(0, |r| {
                r.cells
                    .iter()
                    .filter(|c| super::in_breakdown(&c.place, state.breakdown))
                    .count()
            }),
            Section::Chart => 1,
            Section::Missing => state.missing().map_or(0, |m| m.total()),
            Section::Exports => state.runs().map_or(0, <[_]>::len),
        }
    }

    /// Opens what fixes the marked record: the outcome form of a visit, the roll call of a
    /// session, the page of a family.
    fn fix_marked(&mut self) -> Vec<Effect> {
        let Some(item) = self.report.marked_missing() else {
            return Vec::new();
        };
        match item.kind {
            MissingKind::VisitOutcome | MissingKind::VisitAttendees => {
                vec![Effect::Visit(VisitEffect::LoadForOutcome(item.id))]
            }
            MissingKind::SessionAttendance | MissingKind::SessionOutcome => {
                vec![Effect::Groups(GroupsEffect::LoadRollCall(item.id))]
            }
            MissingKind::FamilyFacts => {
                let id = item.family_id.unwrap_or(item.id);
                // Eligibility is in the edit form; a status's day is set by the status keys,
                // which record today: say so rather than point at a form without the field.
                let page = |intent: Intent| key_for(Scope::FamilyPage, &intent);
                let status = |s: FamilyIntent| page(Intent::Family(s));
                let back = key_for(Scope::Global, &Intent::Show(Screen::Report));
                self.message = Some(if item.lacks_eligibility {
                    w::set_eligibility(&page(Intent::Edit), &back)
                } else {
                    w::status_date_missing(
                        &status(FamilyIntent::Exit),
                        [
                            &status(FamilyIntent::Activate),
                            &status(FamilyIntent::Pause),
                            &status(FamilyIntent::Decline),
                        ],
                        &back,
                    )
                });
                self.open_family(id)
            }
        }
    }

    /// The runtime's answers for the Report screen: its figures, and its fixes and exports.
    pub(crate) fn receive_report(&mut self, msg: ReportMsg) -> Vec<Effect> {
        match msg {
            ReportMsg::OutcomeVisitLoaded(visit) => {
                self.open_form(forms::outcome(&visit));
                Vec::new()
            }
            ReportMsg::Exported(done) => {
                self.close_writers();
                let path = done.path.display().to_string();
                self.message = Some(w::wrote(&path));
                let quarter = done.period;
                self.report.last_export = Some(*done);
                self.report.section = Section::Exports;
                vec![Effect::Report(ReportEffect::LoadRuns(quarter))]
            }
            other => self.report.set(other),
        }
    }
}
