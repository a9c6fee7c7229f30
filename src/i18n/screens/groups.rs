//! Grupper / Groups: the list of series, a series page with its sessions and grid, and the
//! family page's list of its groups.

use crate::domain::group_views::Phase;
use crate::i18n::{Text, Words};

/// Where a series is in its life, in the list's first column.
pub fn phase(p: Phase) -> Words {
    match p {
        Phase::Current => Words::new("pågår", "current"),
        Phase::Planned => Words::new("planerad", "planned"),
        Phase::Ended => Words::new("avslutad", "ended"),
    }
}

// The list's headings (with `LANGUAGES`).
pub const PHASE: Words = Words::new("Läge", "Phase");
/// Also before a session's name in a Week day column.
pub const GROUP: Words = Words::new("Grupp", "Group");
pub const METHOD: Words = Words::new("Metod", "Method");
pub const NEXT_SESSION: Words = Words::new("Nästa träff", "Next session");
pub const FAMILIES_SHORT: Words = Words::new("Fam.", "Fam.");
pub const SESSIONS: Words = Words::new("Träffar", "Sessions");
pub const ATTENDANCE: Words = Words::new("Närvaro", "Attendance");

/// No series yet: `new` is the key that starts one.
pub fn no_groups(new: &str) -> Text {
    Text::new(
        format!("Inga föräldragrupper ännu. Tryck {new} för en ny."),
        format!("No parent groups yet. Press {new} for a new one."),
    )
}

fn series(n: usize) -> (&'static str, &'static str) {
    if n == 1 {
        ("serie", "series")
    } else {
        ("serier", "series")
    }
}

/// Below the list: `n` series ended before `cut` and are not listed; `key` lists them.
pub fn earlier_hidden(n: usize, cut: chrono::NaiveDate, key: &str) -> Text {
    let (sv, en) = series(n);
    Text::new(
        format!("{n} tidigare {sv} slutade före {cut}: {key} visar dem"),
        format!("{n} earlier {en} ended before {cut}: {key} shows them"),
    )
}

/// Below the list, when they are listed: `key` hides them again.
pub fn earlier_shown(n: usize, cut: chrono::NaiveDate, key: &str) -> Text {
    let (sv, _) = series(n);
    Text::new(
        format!("Alla avslutade visas, {n} {sv} före {cut} med: {key} döljer dem"),
        format!("All ended series shown, {n} before {cut} among them: {key} hides them"),
    )
}

/// No series in the list's reach, but `n` earlier ones: `key` lists them, `new` starts one.
pub fn only_earlier(n: usize, cut: chrono::NaiveDate, key: &str, new: &str) -> Text {
    let (sv, en) = series(n);
    Text::new(
        format!(
            "Ingen föräldragrupp pågår, är planerad eller slutade efter {cut}. {n} tidigare {sv}: tryck {key} för att visa dem, {new} för en ny."
        ),
        format!(
            "No parent group is running, planned or ended after {cut}. {n} earlier {en}: press {key} to show them, {new} for a new one."
        ),
    )
}

// A series page: its second line, its sessions and the grid.
pub const LEADERS: Words = Words::new("Ledare", "Leaders");
pub const FAMILIES: Words = Words::new("Familjer", "Families");
pub const CHILDREN_BORN: Words = Words::new("barn födda", "children born");

/// The heading of a series' sessions: `open` is the key that opens the marked one's roll call.
pub fn sessions_heading(open: &str) -> Text {
    Text::new(
        format!("Träffar ({open}: närvaro)"),
        format!("Sessions ({open}: roll call)"),
    )
}

/// A series without members: `add` is the key that suggests some.
pub fn no_members(add: &str) -> Text {
    Text::new(
        format!("Inga familjer i gruppen ännu. Tryck {add} för förslag."),
        format!("No families in the group yet. Press {add} for suggestions."),
    )
}

/// After a member's row in the grid, when the family has left.
pub const HAS_LEFT: Words = Words::new("slutat", "left");

// The family page's groups.
pub const PARENT_GROUPS: Words = Words::new("Föräldragrupper", "Parent groups");
pub const LEFT_ON: Words = Words::new("slutade", "left");
pub const PRESENT_AT: Words = Words::new("närvarande", "present at");
pub const FROM: Words = Words::new("från", "from");

/// Asking for suggestions when no family fits the series.
pub const NO_SUGGESTIONS: Words = Words::new(
    "Inga familjer att föreslå: ingen aktiv eller erbjuden familj utan grupp har barn födda i gruppens spann.",
    "No families to suggest: no active or offered family outside a group has a child born in the group's span.",
);

/// Under the attendance grid: what its marks mean.
pub fn grid_legend(present: &str, absent: &str, excused: &str, cancelled: &str) -> Text {
    Text::new(
        format!(
            "{present} närvarande  {absent} frånvarande  {excused} anmält förhinder  {cancelled} inställd"
        ),
        format!("{present} present  {absent} absent  {excused} excused  {cancelled} cancelled"),
    )
}
