//! The quarterly report to the region, pure: the indicator table, the plain rows a quarter is
//! computed from, the aggregation, and the small-cell suppression that keeps every family
//! unidentifiable.

mod aggregate;
mod indicators;
mod nesting;
mod rank;
mod review;
mod rows;
mod suppress;

#[cfg(test)]
mod tests;

pub use aggregate::aggregate;
pub use indicators::{Categories, Category, INDICATORS, Indicator, IndicatorId, Unit};
pub use nesting::{Nest, nests};
pub use rank::{Overflow, determined};
pub use review::{
    ExportDone, HEADLINE, Headline, MissingItem, MissingKind, MissingPage, ReportFormat, ReportRun,
    Shown, passed_by, review_after, starts,
};
pub use rows::{ChildRow, FamilyRow, GroupRow, MemberRow, ReportInput, SessionRow, VisitRow};
pub use suppress::{exposed, subtractable, suppress};

use crate::domain::quarter::Quarter;

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

/// Where a figure is for: the whole municipality, one area, one clinic. `None` is an area or
/// clinic that was not recorded, so that the places still add up to the municipality.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Municipality,
    Area(Option<String>),
    Clinic(Option<String>),
}

impl Place {
    /// The breakdown's stable spelling: `municipality`, `area`, `clinic`.
    pub fn by(&self) -> &'static str {
        match self {
            Place::Municipality => "municipality",
            Place::Area(_) => "area",
            Place::Clinic(_) => "clinic",
        }
    }

    /// The area's or clinic's name (the municipality's comes from the config).
    pub fn name(&self) -> Option<&str> {
        match self {
            Place::Municipality => None,
            Place::Area(name) | Place::Clinic(name) => name.as_deref(),
        }
    }
}

/// What was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    Count(u64),
    Share { numerator: u64, denominator: u64 },
}

impl Figure {
    /// The additive part: the count, or the numerator (the denominator is treated as known).
    pub fn weight(self) -> u64 {
        match self {
            Figure::Count(n) => n,
            Figure::Share { numerator, .. } => numerator,
        }
    }

    /// Worth suppressing to protect another cell: a non-zero count, a share of someone.
    pub fn is_nonzero(self) -> bool {
        match self {
            Figure::Count(n) => n > 0,
            Figure::Share { denominator, .. } => denominator > 0,
        }
    }

    /// The published value: percents in tenths, rounded half up, by integers only.
    pub fn value(self) -> Value {
        match self {
            Figure::Count(n) => Value::Count(n),
            Figure::Share {
                numerator,
                denominator,
            } => Value::Percent {
                tenths: if denominator == 0 {
                    0
                } else {
                    (2000 * u128::from(numerator) + u128::from(denominator))
                        .checked_div(2 * u128::from(denominator))
                        .unwrap_or(0) as u64
                },
            },
        }
    }
}

/// A published figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    Count(u64),
    /// A percent with one decimal: 667 is 66.7 %.
    Percent {
        tenths: u64,
    },
}

/// Why a cell is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Suppression {
    /// Small in itself: a count 1 … k−1; a percent of fewer than k, or with a numerator or
    /// complement of 1 … k−1.
    Primary,
    /// The only suppressed member of a sum whose total is published: another member (or the
    /// total) goes too.
    Secondary,
    /// The audit found it could be solved from the published sums.
    Audit,
    /// The acceptance rate follows its counts (enrolled, declined): hidden when one of them is.
    Linked,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cell {
    pub indicator: IndicatorId,
    pub place: Place,
    /// `None` is the total row of a categorised indicator (and the one row of the others).
    pub category: Option<Category>,
    pub figure: Figure,
    pub suppressed: Option<Suppression>,
}

impl Cell {
    /// What the region sees: the value, or nothing when suppressed.
    pub fn published(&self) -> Option<Value> {
        self.suppressed.is_none().then(|| self.figure.value())
    }
}

/// A quarter's report, suppressed, in report order (indicator, breakdown, place, category).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub quarter: Quarter,
    pub threshold: Threshold,
    pub cells: Vec<Cell>,
    /// The places made of whole places of the other breakdown, protected as sums.
    pub nests: Vec<Nest>,
}

impl Report {
    /// Counts, suppresses and audits the quarter's facts.
    pub fn compute(input: &ReportInput, quarter: Quarter, threshold: Threshold) -> Self {
        let mut cells = aggregate(input, quarter);
        let places = aggregate::place_pairs(input);
        let nests = nests(places.iter().map(|(a, c)| (a, c)));
        suppress(&mut cells, threshold, &nests);
        Report {
            quarter,
            threshold,
            cells,
            nests,
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
}
