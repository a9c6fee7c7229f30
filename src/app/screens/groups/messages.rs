//! What the Groups screen's keys ask, what it asks the runtime, and the runtime's answers.

use crate::domain::group_views::{
    GroupList, GroupPage, RollCall, RollLine, SessionRow, Suggestion,
};

/// The Groups screen's, a series page's and the roll call's own keys.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupsIntent {
    /// Add suggested families to the series.
    AddMembers,
    /// A family leaves the series.
    RemoveMember,
    MarkPresent,
    MarkAbsent,
    MarkExcused,
    OneAdult,
    TwoAdults,
    MoreDropins,
    FewerDropins,
    MarkHeld,
    CancelSession,
    /// Show the series that ended long ago too, or hide them again.
    EarlierSeries,
}

/// The Groups screen's answers from the runtime.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupsMsg {
    /// A part of the list of series.
    ListLoaded(GroupList),
    /// A series page.
    Loaded(Box<GroupPage>),
    RollCallLoaded(Box<RollCall>),
    /// Families that might join a series, and the places it has left.
    SuggestionsLoaded(i64, Vec<Suggestion>, Option<usize>),
    /// One mark was written: the roll call's line as it now is, and whether the session
    /// became held.
    MarkSaved(i64, RollLine, bool),
    /// A session was held, cancelled or got drop-ins: what was done in words, and the session.
    SessionSaved(crate::app::Text, Box<SessionRow>),
    /// The areas a series can be in, for the new-series form (`None`) or a series' edit form.
    AreasLoaded(Option<i64>, crate::domain::group_views::AreaChoices),
}

/// What the Groups screen asks the runtime to read or write.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupsEffect {
    /// The list of series, from its `n`-th, with the ended series asked for.
    LoadList(usize, crate::domain::group_views::Ended),
    Load(i64),
    LoadRollCall(i64),
    LoadSuggestions(i64),
    /// The areas in use, then the new-series form (`None`) or a series' edit form.
    LoadAreas(Option<i64>),
    CreateSeries(Box<crate::domain::groups::SeriesRequest>),
    /// A series' own fields and leaders, and the children's birth-date span.
    EditSeries {
        id: i64,
        group: Box<crate::domain::model::NewGroup>,
        area: Option<String>,
        born: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    },
    AddMembers {
        group_id: i64,
        families: Vec<i64>,
    },
    /// A family leaves a series today.
    RemoveMember {
        group_id: i64,
        family_id: i64,
    },
    /// One member's mark at one session: one row written.
    Mark {
        session_id: i64,
        family_id: i64,
        status: crate::domain::enums::AttendanceStatus,
        adults: u32,
    },
    ChangeSession {
        session_id: i64,
        change: crate::domain::groups::SessionChange,
    },
}
