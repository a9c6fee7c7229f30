//! The report's cells: where a figure is for (the breakdowns and their units), what was counted,
//! what is published and why not, SCB's markers.

use super::indicators::{Category, IndicatorId};
use super::{CellKey, suppress};

/// Where a figure is for: the whole municipality, one area, one clinic, one programme, one
/// eligibility. `None` is a place that was not recorded, so that the places still add up to the
/// municipality.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Municipality,
    Area(Option<String>),
    Clinic(Option<String>),
    /// The family's programme, by its id.
    Programme(Option<String>),
    /// Why the family is eligible, by its stored spelling (`first_child`, …).
    Eligibility(Option<String>),
}

/// The breakdowns of the report, in the order the files give them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Breakdown {
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

    /// The stable spelling: `municipality`, `area`, `clinic`, `programme`, `eligibility`.
    pub fn key(self) -> &'static str {
        match self {
            Breakdown::Municipality => "municipality",
            Breakdown::Area => "area",
            Breakdown::Clinic => "clinic",
            Breakdown::Programme => "programme",
            Breakdown::Eligibility => "eligibility",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == text)
    }

    /// The place of this breakdown with that name.
    pub fn place(self, name: Option<String>) -> Place {
        match self {
            Breakdown::Municipality => Place::Municipality,
            Breakdown::Area => Place::Area(name),
            Breakdown::Clinic => Place::Clinic(name),
            Breakdown::Programme => Place::Programme(name),
            Breakdown::Eligibility => Place::Eligibility(name),
        }
    }
}

impl Place {
    pub fn breakdown(&self) -> Breakdown {
        match self {
            Place::Municipality => Breakdown::Municipality,
            Place::Area(_) => Breakdown::Area,
            Place::Clinic(_) => Breakdown::Clinic,
            Place::Programme(_) => Breakdown::Programme,
            Place::Eligibility(_) => Breakdown::Eligibility,
        }
    }

    /// The breakdown's stable spelling: `municipality`, `area`, `clinic`, `programme`, `eligibility`.
    pub fn by(&self) -> &'static str {
        self.breakdown().key()
    }

    /// The unit's name (the municipality's comes from the config).
    pub fn name(&self) -> Option<&str> {
        match self {
            Place::Municipality => None,
            Place::Area(name)
            | Place::Clinic(name)
            | Place::Programme(name)
            | Place::Eligibility(name) => name.as_deref(),
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
    /// The additive part: the count, or the numerator.
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
                tenths: tenths(numerator, denominator),
            },
        }
    }
}

/// A share in tenths of a percent, rounded half up; 0 for a share of nobody.
pub fn tenths(numerator: u64, denominator: u64) -> u64 {
    if denominator == 0 {
        return 0;
    }
    ((2000 * u128::from(numerator) + u128::from(denominator)) / (2 * u128::from(denominator)))
        as u64
}

/// A published figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    Count(u64),
    /// A percent with one decimal: 667 is 66.7 %.
    Percent {
        tenths: u64,
    },
    /// A top-coded percent: at least this much (`≥ 95 %`), the exact share not published.
    PercentAtLeast {
        tenths: u64,
    },
}

/// Why a cell is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Suppression {
    /// Small in itself: a count 1 … k−1 (a numerator and a denominator are counts).
    Primary,
    /// A numerator hidden because the share's complement (the denominator less the numerator)
    /// is 1 … k−1: the few who did not would be told.
    Complement,
    /// The numerator of a top-coded share (`≥ 95 %`): the share is published as a bound.
    TopCode,
    /// The only hidden member of a sum whose total is published: another member (or the
    /// total) goes too.
    Secondary,
    /// The interval audit found it, or another cell through it, could be worked out.
    Audit,
    /// The breakdown is not published for this indicator (see `Report::withheld`).
    Withheld,
    /// Hidden in an earlier file of the same period: a revision keeps it hidden.
    Earlier,
    /// A percent follows its numerator and denominator: hidden when one of them is.
    Linked,
}

/// How a value stands in the file: SCB's `..` for hidden, `–` for nothing to report (0 of 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Published,
    Hidden,
    Empty,
}

impl Status {
    /// As the JSON spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Published => "published",
            Status::Hidden => "hidden",
            Status::Empty => "empty",
        }
    }

    /// The marker in place of a value, none for a published one.
    pub fn marker(self) -> Option<&'static str> {
        match self {
            Status::Published => None,
            Status::Hidden => Some(HIDDEN),
            Status::Empty => Some(EMPTY),
        }
    }
}

/// SCB's marker for a figure not published.
pub const HIDDEN: &str = "..";
/// SCB's marker for nothing to report (a share of nobody).
pub const EMPTY: &str = "–";

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cell {
    pub indicator: IndicatorId,
    pub place: Place,
    /// `None` is the total row of a categorised indicator (and the one row of the others); a
    /// percent's numerator and denominator are its `Numerator` and `Denominator` rows.
    pub category: Option<Category>,
    pub figure: Figure,
    pub suppressed: Option<Suppression>,
    /// A percent published as a bound (`≥ 95 %`) rather than exactly.
    pub top_coded: bool,
}

impl Cell {
    /// What the region sees: the value, or nothing when hidden or empty.
    pub fn published(&self) -> Option<Value> {
        if self.status() != Status::Published {
            return None;
        }
        if self.top_coded {
            return Some(Value::PercentAtLeast {
                tenths: suppress::TOP_CODE_TENTHS,
            });
        }
        Some(self.figure.value())
    }

    /// Published, hidden, or a share of nobody.
    pub fn status(&self) -> Status {
        match self.figure {
            Figure::Share { denominator: 0, .. } => Status::Empty,
            _ if self.suppressed.is_some() => Status::Hidden,
            _ => Status::Published,
        }
    }

    /// The cell's address in every file: indicator, breakdown, unit, category.
    pub fn key(&self) -> CellKey {
        CellKey {
            indicator: self.indicator.info().key.to_string(),
            by: self.place.by().to_string(),
            unit: self.place.name().map(str::to_string),
            category: self.category.map(|c| c.key().into_owned()),
        }
    }
}

/// An indicator and breakdown the file does not break down, and why (the municipality's row is
/// there; the breakdown's rows are all hidden).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Withheld {
    pub indicator: IndicatorId,
    pub breakdown: Breakdown,
    pub reason: WithheldReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WithheldReason {
    /// More than half of the breakdown's non-zero cells would be hidden.
    MostHidden,
    /// A unit of the breakdown has fewer than k families in the period.
    FewFamilies,
    /// Hiding more of its cells could not keep a hidden figure from being worked out, so none
    /// of them is published.
    Unprotectable,
}

impl WithheldReason {
    pub fn as_str(self) -> &'static str {
        match self {
            WithheldReason::MostHidden => "most_hidden",
            WithheldReason::FewFamilies => "few_families",
            WithheldReason::Unprotectable => "unprotectable",
        }
    }
}
