//! Rapport / Report: the chosen quarter, its figures, trend, missing records and earlier exports,
//! each cached per quarter so that flipping back is instant. The figures are computed in the
//! background; a change to the register drops the cache and reads the shown quarter again.

mod update;
use crate::app::Intent;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::app::{Effect, move_selection};
use crate::domain::period::Period;
use crate::domain::report::{ExportDone, Headline, MissingItem, MissingPage, Report, ReportRun};

/// How many quarters the trend shows.
pub const TREND_QUARTERS: usize = 8;

/// How many missing records one read brings: more than any screen shows at once.
pub const MISSING_PAGE: usize = 40;

/// The parts of the screen, one at a time at 80×24 (`Tab` moves on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Tables,
    Chart,
    Missing,
    Exports,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Tables,
        Section::Chart,
        Section::Missing,
        Section::Exports,
    ];

    fn next(self) -> Self {
        let at = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(at + 1) % Self::ALL.len()]
    }

    fn prev(self) -> Self {
        let at = Self::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Self::ALL[(at + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

/// Which breakdown the tables show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Breakdown {
    #[default]
    Municipality,
    Area,
    Clinic,
    Programme,
    Eligibility,
}

impl Breakdown {
    pub const ALL: [Breakdown; 5] = [
        Breakdown::Municipality,
        Breakdown::Area,
        Breakdown::Clinic,
        Breakdown::Programme,
        Breakdown::Eligibility,
    ];

    fn next(self) -> Self {
        let at = Self::ALL.iter().position(|b| *b == self).unwrap_or(0);
        Self::ALL[(at + 1) % Self::ALL.len()]
    }
}

#[derive(Debug, Default)]
pub struct ReportState {
    /// The quarter shown; set when the screen is first opened.
    pub quarter: Option<Period>,
    pub section: Section,
    pub breakdown: Breakdown,
    /// The first table row shown.
    pub scroll: usize,
    /// The marked row of the missing list, in the whole list.
    pub selected: usize,
    reports: HashMap<Period, Report>,
    headlines: HashMap<Period, Headline>,
    missing: HashMap<Period, MissingPage>,
    runs: HashMap<Period, Vec<ReportRun>>,
    /// What has been asked for and not answered, by what: so nothing is asked twice.
    pending: HashSet<(Part, Period)>,
    /// Raised by every change to the register; answers to older reads are dropped.
    pub generation: u64,
    /// The last export written from the screen.
    pub last_export: Option<ExportDone>,
    /// The tables show the report as the file sends it (markers), not the true figures.
    pub as_sent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Report,
    Trend,
    Missing,
    Runs,
}

impl ReportState {
    /// Opens on the last finished quarter the first time; reads what the shown quarter lacks.
    pub fn open(&mut self, today: NaiveDate) -> Vec<Effect> {
        let q = *self.quarter.get_or_insert_with(|| {
            Period::Quarter(crate::domain::quarter::Quarter::last_finished(today))
        });
        self.load(q)
    }

    /// Reads what is not cached of `q`: its figures first, then the trend's other quarters.
    fn load(&mut self, q: Period) -> Vec<Effect> {
        let generation = self.generation;
        let mut effects = Vec::new();
        // A quarter the trend is computing comes with it: not asked for twice.
        if !self.reports.contains_key(&q)
            && !self.pending.contains(&(Part::Trend, q))
            && self.pending.insert((Part::Report, q))
        {
            effects.push(Effect::Report(ReportEffect::Load {
                quarter: q,
                generation,
            }));
        }
        if !self.missing.contains_key(&q) && self.pending.insert((Part::Missing, q)) {
            effects.push(Effect::Report(ReportEffect::LoadMissing {
                quarter: q,
                offset: 0,
                generation,
            }));
        }
        if !self.runs.contains_key(&q) && self.pending.insert((Part::Runs, q)) {
            effects.push(Effect::Report(ReportEffect::LoadRuns(q)));
        }
        let trend: Vec<Period> = q
            .trend(TREND_QUARTERS)
            .into_iter()
            .filter(|t| {
                *t != q
                    && !self.reports.contains_key(t)
                    && !self.pending.contains(&(Part::Report, *t))
                    && self.pending.insert((Part::Trend, *t))
            })
            .collect();
        if !trend.is_empty() {
            effects.push(Effect::Report(ReportEffect::LoadTrend {
                quarters: trend,
                generation,
            }));
        }
        effects
    }

    /// The register changed: every cached figure may be wrong. Only the quarter on screen is
    /// read again now (when `shown`); the others when they are shown.
    pub fn invalidate(&mut self, shown: bool) -> Vec<Effect> {
        self.generation += 1;
        self.reports.clear();
        self.headlines.clear();
        self.missing.clear();
        self.runs.clear();
        self.pending.clear();
        match self.quarter {
            Some(q) if shown => self.load(q),
            _ => Vec::new(),
        }
    }

    pub fn report(&self) -> Option<&Report> {
        self.quarter.and_then(|q| self.reports.get(&q))
    }

    /// The trend's quarters, oldest first, with their headline shares when computed.
    pub fn trend(&self) -> Vec<(Period, Option<&Headline>)> {
        self.quarter
            .map(|q| q.trend(TREND_QUARTERS))
            .unwrap_or_default()
            .into_iter()
            .map(|t| (t, self.headlines.get(&t)))
            .collect()
    }

    pub fn missing(&self) -> Option<&MissingPage> {
        self.quarter.and_then(|q| self.missing.get(&q))
    }

    pub fn runs(&self) -> Option<&[ReportRun]> {
        self.quarter
            .and_then(|q| self.runs.get(&q).map(Vec::as_slice))
    }

    /// Figures still being computed for the shown quarter.
    pub fn computing(&self) -> bool {
        self.quarter.is_some_and(|q| {
            self.pending.contains(&(Part::Report, q)) || self.pending.contains(&(Part::Trend, q))
        })
    }

    /// The marked missing record, if its page is read.
    pub fn marked_missing(&self) -> Option<&MissingItem> {
        let page = self.missing()?;
        page.items.get(self.selected.checked_sub(page.offset)?)
    }

    /// Data arriving. Answers to reads from before the last change are dropped. A missing list
    /// that shrank under the mark (its last item fixed) asks for the page the mark is now on.
    pub fn set(&mut self, msg: ReportMsg) -> Vec<Effect> {
        match msg {
            ReportMsg::Loaded(generation, report) if generation == self.generation => {
                let q = report.period;
                self.pending.remove(&(Part::Report, q));
                self.pending.remove(&(Part::Trend, q));
                self.headlines.insert(q, Headline::of(&report));
                self.reports.insert(q, *report);
            }
            ReportMsg::MissingLoaded(generation, q, page) if generation == self.generation => {
                self.pending.remove(&(Part::Missing, q));
                let total = page.total();
                let read = page.offset..page.offset + page.items.len();
                self.missing.insert(q, page);
                if Some(q) == self.quarter {
                    self.selected = self.selected.min(total.saturating_sub(1));
                    if total > 0 && !read.contains(&self.selected) {
                        let offset = self.selected - self.selected % MISSING_PAGE;
                        self.pending.insert((Part::Missing, q));
                        return vec![Effect::Report(ReportEffect::LoadMissing {
                            quarter: q,
                            offset,
                            generation: self.generation,
                        })];
                    }
                }
            }
            ReportMsg::RunsLoaded(q, runs) => {
                self.pending.remove(&(Part::Runs, q));
                self.runs.insert(q, runs);
            }
            _ => {}
        }
        Vec::new()
    }

    /// `[` / `]`: another quarter, up to the one now running (marked preliminary).
    pub fn step(&mut self, forward: bool, today: NaiveDate) -> Vec<Effect> {
        let Some(q) = self.quarter else {
            return self.open(today);
        };
        let next = if forward { q.next() } else { q.previous() };
        if next > q.running(today) {
            return Vec::new();
        }
        self.quarter = Some(next);
        self.scroll = 0;
        self.selected = 0;
        // The list opens at its top again: a later page kept of it is read afresh.
        if self.missing.get(&next).is_some_and(|m| m.offset > 0) {
            self.missing.remove(&next);
        }
        self.load(next)
    }

    /// `y`: the year of the shown quarter, or the last quarter of the shown year (never past
    /// the running one).
    pub fn toggle_period(&mut self, today: NaiveDate) -> Vec<Effect> {
        let Some(q) = self.quarter else {
            return self.open(today);
        };
        let other = q.toggled();
        let other = if other > other.running(today) {
            other.running(today)
        } else {
            other
        };
        self.quarter = Some(other);
        self.scroll = 0;
        self.selected = 0;
        if self.missing.get(&other).is_some_and(|m| m.offset > 0) {
            self.missing.remove(&other);
        }
        self.load(other)
    }

    pub fn next_section(&mut self) {
        self.section = self.section.next();
    }

    pub fn prev_section(&mut self) {
        self.section = self.section.prev();
    }

    pub fn next_breakdown(&mut self) {
        self.breakdown = self.breakdown.next();
        self.scroll = 0;
    }

    /// j/k and the page keys: scroll the tables or move in the missing list; a move past the
    /// page that is read asks for the page it lands on.
    pub fn handle_move(&mut self, action: &Intent, rows: usize) -> Vec<Effect> {
        match self.section {
            Section::Tables | Section::Chart | Section::Exports => {
                self.scroll = move_selection(self.scroll, rows.max(1), action, 10);
                Vec::new()
            }
            Section::Missing => {
                let Some((q, page)) = self.quarter.zip(self.missing()) else {
                    return Vec::new();
                };
                let (total, read) = (page.total(), page.offset..page.offset + page.items.len());
                self.selected = move_selection(self.selected, total, action, 10);
                if read.contains(&self.selected) || total == 0 {
                    return Vec::new();
                }
                let offset = self.selected - self.selected % MISSING_PAGE;
                self.pending.insert((Part::Missing, q));
                vec![Effect::Report(ReportEffect::LoadMissing {
                    quarter: q,
                    offset,
                    generation: self.generation,
                })]
            }
        }
    }
}

/// Whether a cell's place belongs to the breakdown the tables show.
pub fn in_breakdown(place: &crate::domain::report::Place, breakdown: Breakdown) -> bool {
    use crate::domain::report::Place;
    matches!(
        (place, breakdown),
        (Place::Municipality, Breakdown::Municipality)
            | (Place::Area(_), Breakdown::Area)
            | (Place::Clinic(_), Breakdown::Clinic)
    )
}

/// The Report screen's own keys.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportIntent {
    PrevQuarter,
    NextQuarter,
    /// The tables' next breakdown: municipality, area, clinic, programme, eligibility.
    NextBreakdown,
    /// A quarter or a year.
    TogglePeriod,
    /// The coordinator's true figures, or the report as the file will send them.
    ToggleSent,
    /// Write the shown period's report to a file.
    ExportReport,
}

/// The Report screen's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportMsg {
    /// A period's report, computed in the background for the cache generation given.
    Loaded(u64, Box<crate::domain::report::Report>),
    /// A page of what the period's figures lack.
    MissingLoaded(u64, Period, crate::domain::report::MissingPage),
    /// The period's earlier exports.
    RunsLoaded(Period, Vec<crate::domain::report::ReportRun>),
    /// A visit listed as missing something, to record its outcome.
    OutcomeVisitLoaded(Box<crate::domain::views::DayVisit>),
    /// A report file was written.
    Exported(Box<crate::domain::report::ExportDone>),
}

/// What the Report screen asks the runtime to read or write.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportEffect {
    /// Computes a period's report, in the background.
    Load {
        quarter: Period,
        generation: u64,
    },
    /// The trend's other quarters, each computed in full in the background.
    LoadTrend {
        quarters: Vec<Period>,
        generation: u64,
    },
    /// A page of what the period's figures lack, from `offset`.
    LoadMissing {
        quarter: Period,
        offset: usize,
        generation: u64,
    },
    LoadRuns(Period),
    /// Writes the period's report as `format` to `path` (relative to the folder the app was
    /// started in).
    Export {
        quarter: Period,
        format: crate::domain::report::ReportFormat,
        path: std::path::PathBuf,
    },
}
