//! The Staff list as the database reads it: what is asked (the typed words and where in the
//! list) and a page of the people who match, in name order.

use super::enums::Role;
use super::model::Staff;
use super::search::fold;

/// People read at a time: twice a tall terminal's list, so moving the mark reads again only
/// every few dozen rows (`app::paging` says where a read starts).
pub const STAFF_PAGE: usize = 120;

/// A typed word: it must occur in a person's folded name, id or languages, or name their role
/// (`roles`: those whose name in either language holds it, found by the caller, who knows the
/// names).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StaffWord {
    pub text: String,
    pub roles: Vec<Role>,
}

/// What the list shows: the typed words, and from which match on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StaffQuery {
    pub words: Vec<StaffWord>,
    /// The first match read, counted from the list's first.
    pub from: usize,
}

impl StaffQuery {
    /// The query for `typed`: each word folded, with the roles `role_names` gives (a role's
    /// names, already folded) that hold it.
    pub fn new(typed: &str, role_names: &[(Role, Vec<String>)]) -> StaffQuery {
        let words = fold(typed)
            .split_whitespace()
            .map(|w| StaffWord {
                text: w.to_string(),
                roles: role_names
                    .iter()
                    .filter(|(_, names)| names.iter().any(|n| n.contains(w)))
                    .map(|(role, _)| *role)
                    .collect(),
            })
            .collect();
        StaffQuery { words, from: 0 }
    }

    /// The same list from another match on.
    #[must_use]
    pub fn at(&self, from: usize) -> StaffQuery {
        StaffQuery {
            from,
            ..self.clone()
        }
    }

    /// Whether `other` asks for the same list (perhaps another part of it).
    pub fn same_list(&self, other: &StaffQuery) -> bool {
        self.at(0) == other.at(0)
    }

    /// Whether `s` matches, as the database's read decides: every word in the person's folded
    /// name, id or languages, or naming their role.
    pub fn matches(&self, s: &Staff) -> bool {
        let text = search_text(s);
        let id = s.id.to_string();
        self.words.iter().all(|w| {
            text.contains(&w.text) || id.contains(&w.text) || w.roles.contains(&s.data.role)
        })
    }
}

/// What a person is found by, besides their id and role: the name and languages, folded as a
/// query is (stored with the person, `staff.search_text`).
pub fn search_text(s: &crate::domain::model::NewStaff) -> String {
    fold(&format!("{} {}", s.name, s.languages.join(" ")))
}

/// A part of the list of matches.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StaffPage {
    /// What was asked; `query.from` is the first row's place in the list.
    pub query: StaffQuery,
    /// How many people match.
    pub count: usize,
    /// How many people the register holds.
    pub total: usize,
    pub rows: Vec<Staff>,
}
