//! What the Report screen shows beside the figures: the headline shares of a trend, the records
//! that leave a quarter's figures incomplete, and the quarter's earlier exports.

use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use super::{Cell, IndicatorId, Place, Report, Value};
use crate::domain::enums::Protection;
use crate::domain::period::Period;

/// The file formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    Json,
    Csv,
    Xlsx,
}

impl ReportFormat {
    /// In the order the export form offers them.
    pub const ALL: [ReportFormat; 3] = [ReportFormat::Xlsx, ReportFormat::Csv, ReportFormat::Json];

    /// As stored in `report_run` and used as the file's extension.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Csv => "csv",
            ReportFormat::Xlsx => "xlsx",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// The file name used when no path is given: `hembesok-2026Q3.xlsx`, `hembesok-2025.csv`.
    pub fn default_file(self, period: Period) -> PathBuf {
        PathBuf::from(format!("hembesok-{period}.{}", self.as_str()))
    }
}

/// The shares the trend follows, in the order it shows them.
pub const HEADLINE: [IndicatorId; 6] = [
    IndicatorId::AcceptanceRate,
    IndicatorId::JointVisitShare,
    IndicatorId::InWindowShare,
    IndicatorId::InterpreterShare,
    IndicatorId::FirstVisitWithin30Days,
    IndicatorId::GroupAttendanceRate,
];

/// A figure as a screen shows it: the coordinator sees the true value, and whether the file
/// will hide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shown {
    /// The true value; `hidden` when the file shows the marker instead, `sent` what it shows.
    Value { value: Value, sent: Option<Value> },
    /// Nothing to report: a share of nobody (`–`).
    Empty,
    /// The report has no such cell.
    Absent,
}

impl Shown {
    /// The cell as the coordinator sees it.
    pub fn of(cell: &Cell) -> Self {
        match cell.status() {
            super::Status::Empty => Shown::Empty,
            _ => Shown::Value {
                value: cell.figure.value(),
                sent: cell.published(),
            },
        }
    }
}

/// One period's headline shares for the whole municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headline {
    pub period: Period,
    pub shares: [Shown; 6],
}

impl Headline {
    /// Taken from the full report, so the trend and the tables always agree.
    pub fn of(report: &Report) -> Self {
        Headline {
            period: report.period,
            shares: HEADLINE.map(|id| {
                report
                    .cell(id, &Place::Municipality, None)
                    .map_or(Shown::Absent, Shown::of)
            }),
        }
    }
}

/// Why a record makes a quarter's figures incomplete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MissingKind {
    /// A visit planned for a time in the quarter that has passed, with no outcome.
    VisitOutcome,
    /// A done visit where someone booked is not marked as came or not.
    VisitAttendees,
    /// A session marked held with no attendance recorded.
    SessionAttendance,
    /// A session planned for a time in the period that has passed, neither held nor cancelled.
    SessionOutcome,
    /// A family with no eligibility, or without the date its status needs.
    FamilyFacts,
}

impl MissingKind {
    pub const ALL: [MissingKind; 5] = [
        MissingKind::VisitOutcome,
        MissingKind::VisitAttendees,
        MissingKind::SessionAttendance,
        MissingKind::SessionOutcome,
        MissingKind::FamilyFacts,
    ];

    /// The stable spelling in the report's completeness block.
    pub fn key(self) -> &'static str {
        match self {
            MissingKind::VisitOutcome => "visits_without_outcome",
            MissingKind::VisitAttendees => "visits_without_attendees",
            MissingKind::SessionAttendance => "sessions_without_attendance",
            MissingKind::SessionOutcome => "sessions_still_planned",
            MissingKind::FamilyFacts => "families_without_eligibility_or_dates",
        }
    }

    /// Its place in `ALL` (and in the counts).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One record that is missing something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingItem {
    pub kind: MissingKind,
    /// The visit's, the session's or the family's id, by kind.
    pub id: i64,
    pub family_id: Option<i64>,
    /// The family's name (never shown for a protected family) or the group's.
    pub name: String,
    pub protection: Protection,
    pub at: Option<NaiveDateTime>,
    /// For a family: what it lacks.
    pub lacks_eligibility: bool,
    pub lacks_date: bool,
    /// The family's reference, which tells two families of one name apart.
    pub reference: Option<String>,
}

/// A page of the "what is missing" list, with the count of each kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MissingPage {
    /// In the order of `MissingKind::ALL`.
    pub counts: [u64; 5],
    /// Where `items` start in the whole list (ordered by kind, then date).
    pub offset: usize,
    pub items: Vec<MissingItem>,
}

impl MissingPage {
    pub fn total(&self) -> usize {
        usize::try_from(self.counts.iter().sum::<u64>()).unwrap_or(usize::MAX)
    }
}

/// An earlier export of a period, from `report_run`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRun {
    /// Its revision of the period's figures: 1 for the first, more when the figures changed.
    pub revision: Option<u32>,
    pub run_at: String,
    pub format: String,
    /// Where it was written; unknown for exports made before the path was kept.
    pub path: Option<String>,
    pub checksum: String,
}

/// The period's last day or `today`, whichever is earlier: a visit after it has not passed.
pub fn passed_by(period: Period, now: NaiveDateTime) -> NaiveDateTime {
    let end = period
        .last_day()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or(now);
    end.min(now)
}

/// The first moment of the period.
pub fn starts(period: Period) -> NaiveDateTime {
    period.first_day().and_time(chrono::NaiveTime::MIN)
}

/// The day after the period.
pub fn review_after(period: Period) -> NaiveDate {
    period.last_day().succ_opt().unwrap_or(period.last_day())
}

/// What an export from the screen wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDone {
    pub period: Period,
    pub format: ReportFormat,
    pub path: PathBuf,
    /// SHA-256 of the file, hex.
    pub checksum: String,
    pub preliminary: bool,
    /// The revision of the period's figures the file is.
    pub revision: u32,
}
