//! The report to the region, pure: the indicator table, the plain rows a period (a quarter or a
//! year) is computed from, the aggregation, and the small-cell suppression and its audit that
//! keep every family unidentifiable to a reader who counts.

mod aggregate;
pub mod audit;
mod cells;
mod indicators;
mod nesting;
mod rank;
mod review;
mod rows;
mod suppress;
mod units;
mod widen;

#[cfg(test)]
mod tests;

pub use aggregate::{aggregate, families_by_unit};
pub use audit::{EarlierFile, StoredCell};
pub use cells::{
    Breakdown, Cell, EMPTY, Figure, HIDDEN, Place, Status, Suppression, Value, Withheld,
    WithheldReason, tenths,
};
pub use indicators::{Categories, Category, INDICATORS, Indicator, IndicatorId, Unit};
pub use nesting::{Nest, nests};
pub use rank::{Overflow, determined};
pub use review::{
    ExportDone, HEADLINE, Headline, MissingItem, MissingKind, MissingPage, ReportFormat, ReportRun,
    Shown, passed_by, review_after, starts,
};
pub use rows::{
    ChildRow, FamilyRow, GroupRow, MemberRow, ReportInput, SessionRow, UnitRow, VisitRow,
};
pub use suppress::{AuditSummary, TOP_CODE_TENTHS, exposed_cells, suppress};
pub use units::Units;

use crate::domain::period::Period;

/// The smallest count that may be published (k): 1 … k−1 are suppressed. Never below 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Threshold(u32);

impl Threshold {
    pub const DEFAULT: u32 = 5;
    pub const MIN: u32 = 3;

    /// The threshold `k`, raised to the minimum of 3 when lower.
    pub fn new(k: u32) -> Self {
        Threshold(k.max(Self::MIN))
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// A small count: 1 … k−1 (zero identifies no one).
    pub fn is_small(self, n: u64) -> bool {
        (1..u64::from(self.0)).contains(&n)
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold(Self::DEFAULT)
    }
}

/// A report of one period, suppressed and audited, in report order (indicator, breakdown,
/// place, category).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub period: Period,
    pub threshold: Threshold,
    pub cells: Vec<Cell>,
    /// The places made of whole places of another breakdown, protected as sums.
    pub nests: Vec<Nest>,
    /// The breakdowns not published, by indicator, with the reason.
    pub withheld: Vec<Withheld>,
    /// The audit's verdict: every hidden cell passed (see `audit`).
    pub audit: AuditSummary,
}

/// The municipality the report is from: its four-digit kommunkod and its name, from the
/// config (an export without them is refused).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    pub code: String,
    pub name: String,
}

impl Municipality {
    /// A kommunkod is four digits (`1444` Grästorp).
    pub fn valid_code(code: &str) -> bool {
        code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())
    }
}

/// A cell's address in every file, as text: what `report_run` keeps of each export.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey {
    pub indicator: String,
    pub by: String,
    pub unit: Option<String>,
    pub category: Option<String>,
}

impl Report {
    /// Counts, suppresses and audits the period's facts.
    pub fn compute(input: &ReportInput, period: Period, threshold: Threshold) -> Self {
        Self::revise(input, period, threshold, &[])
    }

    /// As `compute`, for a period exported before: every cell an earlier file hid stays hidden,
    /// and the audit reads this file together with the earlier ones. Figures that are those of
    /// an earlier file give that file again: it tells a reader nothing the earlier one did not.
    pub fn revise(
        input: &ReportInput,
        period: Period,
        threshold: Threshold,
        earlier: &[EarlierFile],
    ) -> Self {
        let alone = Self::figures(input, period, threshold, &[]);
        if earlier.is_empty() || earlier.contains(&alone.stored()) {
            return alone;
        }
        Self::figures(input, period, threshold, earlier)
    }

    fn figures(
        input: &ReportInput,
        period: Period,
        threshold: Threshold,
        earlier: &[EarlierFile],
    ) -> Self {
        let units = Units::of(input);
        let mut cells = aggregate::aggregate_units(input, &units, period);
        // A breakdown of one unit is the municipality again: it says nothing and is left out.
        let mut places: std::collections::BTreeMap<Breakdown, std::collections::BTreeSet<&Place>> =
            std::collections::BTreeMap::new();
        for c in &cells {
            places
                .entry(c.place.breakdown())
                .or_default()
                .insert(&c.place);
        }
        let single: Vec<Breakdown> = places
            .into_iter()
            .filter(|(b, u)| *b != Breakdown::Municipality && u.len() < 2)
            .map(|(b, _)| b)
            .collect();
        cells.retain(|c| !single.contains(&c.place.breakdown()));
        let family_units: Vec<&[Place]> = units.family_units().collect();
        let mut all_nests = Vec::new();
        for i in 0..4 {
            for j in i + 1..4 {
                all_nests.extend(nests(
                    family_units
                        .iter()
                        .filter_map(|u| Some((u.get(i)?, u.get(j)?))),
                ));
            }
        }
        let few: Vec<Breakdown> = {
            let by_unit = families_by_unit(input, &units, period);
            let mut few: Vec<Breakdown> = by_unit
                .iter()
                .filter(|&(_, &n)| threshold.is_small(n))
                .map(|(p, _)| p.breakdown())
                .collect();
            few.dedup();
            few
        };
        let (withheld, audit) = suppress(&mut cells, threshold, &all_nests, &few, earlier);
        Report {
            period,
            threshold,
            cells,
            nests: all_nests,
            withheld,
            audit,
        }
    }

    /// The cell of an indicator at a place and category, if the report has one.
    pub fn cell(
        &self,
        indicator: IndicatorId,
        place: &Place,
        category: Option<Category>,
    ) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|c| c.indicator == indicator && &c.place == place && c.category == category)
    }

    /// The published cells, as `report_run` keeps them for the audit of a later revision.
    pub fn stored(&self) -> EarlierFile {
        EarlierFile {
            cells: self
                .cells
                .iter()
                .map(|c| StoredCell {
                    key: c.key(),
                    value: c.published().map(|v| match v {
                        Value::Count(n) => n,
                        Value::Percent { tenths } | Value::PercentAtLeast { tenths } => tenths,
                    }),
                    top_coded: c.top_coded && c.published().is_some(),
                })
                .collect(),
        }
    }
}
