//! The Families list as the database reads it: what is asked (the typed text, the filters and
//! where in the list), and a page of the families that match, in Swedish name order.

use super::enums::FamilyStatus;
use super::search::fold;
use super::views::FamilyIndexEntry;

/// Families read at a time: twice a tall terminal's list, so moving the mark reads again only
/// every few dozen rows (`app::paging` says where a read starts).
pub const FAMILY_PAGE: usize = 120;

/// Matches counted at most when a search matches many: past this the list says "1 000+" and a
/// longer query narrows it. It bounds what one keystroke reads, whatever the register's size.
pub const MATCH_CAP: usize = 1000;

/// What the list shows: the typed text, the filters, and from which match on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FamilyQuery {
    pub text: String,
    pub area: Option<String>,
    pub clinic: Option<String>,
    pub programme: Option<String>,
    pub status: Option<FamilyStatus>,
    /// Only these families (the due filter: Today's alerts name them), when given.
    pub only: Option<Vec<i64>>,
    /// The first match read, counted from the list's first.
    pub from: usize,
}

impl FamilyQuery {
    /// The typed words, folded as the stored text is: every one must occur in a family's text.
    pub fn words(&self) -> Vec<String> {
        fold(&self.text)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    /// The same list from another match on.
    #[must_use]
    pub fn at(&self, from: usize) -> FamilyQuery {
        FamilyQuery {
            from,
            ..self.clone()
        }
    }

    /// Whether `other` asks for the same list (perhaps another part of it).
    pub fn same_list(&self, other: &FamilyQuery) -> bool {
        self.at(0) == other.at(0)
    }
}

/// A part of the list of matches.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FamilyPage {
    /// What was asked; `query.from` is the first row's place in the list.
    pub query: FamilyQuery,
    /// How many families match, at most [`MATCH_CAP`] when `more` says there are more.
    pub count: usize,
    pub more: bool,
    pub rows: Vec<FamilyIndexEntry>,
}

/// What the filters cycle through, and how many families the register holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FamilyChoices {
    pub total: usize,
    pub areas: Vec<String>,
    pub clinics: Vec<String>,
    pub programmes: Vec<String>,
}
