//! What can happen: a user's intent or data arriving (`Action`), and what the runtime must do
//! against the database in answer (`Effect`).

use crate::domain::enums::AttendanceStatus;
use crate::domain::group_views::{
    GroupList, GroupPage, RollCall, RollLine, SessionRow, Suggestion,
};
use crate::domain::groups::{SeriesRequest, SessionChange};
use crate::domain::model::{
    Consent, NewCaregiver, NewChild, NewFamily, NewStaff, Staff, StatusChange,
};
use crate::domain::period::Period;
use crate::domain::report::{ExportDone, MissingPage, Report, ReportFormat, ReportRun};
use crate::domain::views::FamilyIndexEntry;

pub use super::screens::Screen;

use super::booking::{BookingPlan, BookingRequest};
use super::family::FamilyPageData;
use super::today::{AlertRow, TodayData};

/// A key as the app sees it, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Backspace,
    Delete,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Everywhere
    Show(Screen),
    Help,
    Back,
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    New,
    Edit,
    NextPane,
    /// Shift-Tab where parts are stepped through in order (the Report screen's sections).
    PrevPane,
    Search,
    // Families list
    FilterArea,
    FilterClinic,
    FilterProgramme,
    FilterStatus,
    FilterDue,
    ClearFilters,
    // A family's page
    Reveal,
    /// Propose slots for the family's next due visit.
    Book,
    /// Book by hand instead of a proposed slot.
    BookManually,
    /// Book a visit on the day marked in Week: pick the family first.
    BookOnDay,
    /// Record what happened at the marked visit.
    RecordOutcome,
    // Week
    PrevWeek,
    NextWeek,
    ThisWeek,
    PrevDay,
    NextDay,
    /// Choose whose week to show (by typing part of a name), or everyone's.
    PickStaff,
    /// Book the marked visit again: move it, or book anew after a cancellation.
    Rebook,
    AddCaregiver,
    AddChild,
    RecordConsent,
    /// Change or remove one of the family's caregivers.
    EditCaregiver,
    /// Change or remove one of the family's children.
    EditChild,
    /// In a form about a person: remove them (asks first).
    Remove,
    Activate,
    Decline,
    Pause,
    Exit,
    // Groups, a series page and the roll call
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
    /// The roll call of today's session, from Today.
    TodayRollCall,
    /// Tick or untick the marked line of a checklist.
    Tick,
    // Report
    PrevQuarter,
    NextQuarter,
    /// The tables' next breakdown: municipality, area, clinic, programme, eligibility.
    NextBreakdown,
    /// A year instead of a quarter, or back.
    TogglePeriod,
    /// The tables as the file sends them (markers in place of hidden figures), or back to the
    /// true figures.
    ToggleSent,
    /// Write the shown quarter's report to a file.
    ExportReport,
    // Forms and dialogs
    NextField,
    PrevField,
    Save,
    Yes,
    No,
    /// A key typed into a text field.
    Type(Key),
    // Data arriving from the runtime
    /// Today's and tomorrow's visits and the next session.
    TodayLoaded(Box<TodayData>),
    /// Another part of Today's visits, with each day's count.
    TodayPageLoaded(Box<super::today::TodayPage>),
    /// Every alert (read in the background: it looks at every active family).
    AlertsLoaded(Vec<AlertRow>),
    IndexLoaded(Vec<FamilyIndexEntry>),
    FamilyLoaded(Box<FamilyPageData>),
    StaffLoaded(Vec<Staff>),
    /// A week's visits per day, and a page of each day.
    WeekLoaded(Box<super::week::WeekData>),
    /// Another page of one day of the week.
    DayLoaded(super::week::WeekQuery, super::week::DayPage),
    /// Proposed slots for a visit to book.
    ProposalsLoaded(Box<BookingPlan>),
    /// The protected address of this family may be shown: the view was written to the audit log.
    Revealed(i64),
    /// A change was written: what it did in words, what it touched, and the new row's id.
    Saved(super::Text, crate::domain::model::Changed, Option<i64>),
    /// Every alert of one family, after it changed (all kinds but double bookings).
    FamilyAlertsLoaded(i64, Vec<AlertRow>),
    /// One family's entry of the search index, after it changed.
    IndexEntryLoaded(FamilyIndexEntry),
    /// SQLite's quick check of the file answered: `false` when it is damaged.
    IntegrityChecked(bool),
    /// A change was refused; the form stays open with what was typed.
    Failed(super::Text),
    /// The visits booked from now on for a staff member (by id) about to be saved as not
    /// active.
    StaffBookingsLoaded(i64, Box<NewStaff>, Vec<crate::domain::views::DayVisit>),
    /// A part of the list of series.
    GroupsLoaded(GroupList),
    /// A series page.
    GroupLoaded(Box<GroupPage>),
    RollCallLoaded(Box<RollCall>),
    /// Families that might join a series, and the places it has left.
    SuggestionsLoaded(i64, Vec<Suggestion>, Option<usize>),
    /// One mark was written: the roll call's line as it now is, and whether the session
    /// became held.
    MarkSaved(i64, RollLine, bool),
    /// A session was held, cancelled or got drop-ins: what was done in words, and the session.
    SessionSaved(super::Text, Box<SessionRow>),
    /// A quarter's report, computed in the background for the cache generation given.
    ReportLoaded(u64, Box<Report>),
    /// A page of what the quarter's figures lack.
    MissingLoaded(u64, Period, MissingPage),
    /// The quarter's earlier exports.
    ReportRunsLoaded(Period, Vec<ReportRun>),
    /// A visit listed as missing something, to record its outcome.
    OutcomeVisitLoaded(Box<crate::domain::views::DayVisit>),
    /// A report file was written.
    Exported(Box<ExportDone>),
}

/// Work for the runtime: reads and writes against the database, or stopping.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Today's and tomorrow's visits and the next session.
    LoadToday,
    /// A part of Today's visits from the query's `from`, and each day's count.
    LoadTodayPage(super::today::TodayQuery),
    /// Every alert, read in the background.
    LoadAlerts,
    /// One family's alerts, after it changed.
    LoadFamilyAlerts(i64),
    LoadIndex,
    /// One family's entry of the search index, after it changed.
    LoadIndexEntry(i64),
    /// Reads a family's page again after a change (not a new look: nothing is audited).
    RefreshFamily(i64),
    /// Checks the whole file in the background; a damaged one is then only read.
    CheckIntegrity,
    /// Opens a family's page; the runtime writes the view to the audit log.
    LoadFamily(i64),
    /// Shows a protected family's address and phone; written to the audit log.
    Reveal(i64),
    LoadStaff,
    /// Before a staff member is saved as not active: the visits booked for them.
    LoadStaffBookings {
        id: i64,
        staff: Box<NewStaff>,
    },
    SaveFamily {
        id: Option<i64>,
        family: Box<NewFamily>,
    },
    AddCaregiver {
        family_id: i64,
        caregiver: NewCaregiver,
    },
    AddChild {
        family_id: i64,
        child: NewChild,
    },
    UpdateCaregiver {
        family_id: i64,
        caregiver_id: i64,
        caregiver: NewCaregiver,
    },
    RemoveCaregiver {
        family_id: i64,
        caregiver_id: i64,
    },
    UpdateChild {
        family_id: i64,
        child_id: i64,
        child: NewChild,
    },
    RemoveChild {
        family_id: i64,
        child_id: i64,
    },
    AddConsent {
        family_id: i64,
        consent: Consent,
    },
    SetStatus {
        family_id: i64,
        change: StatusChange,
    },
    SaveStaff {
        id: Option<i64>,
        staff: Box<NewStaff>,
    },
    /// Proposes slots for a family's next due visit, or for moving a planned one.
    LoadProposals {
        family_id: i64,
        rebook: Option<i64>,
    },
    BookVisit(Box<BookingRequest>),
    /// A week: how many visits each day holds, and a page of each day.
    LoadWeek(super::week::WeekQuery),
    /// The page of the marked day from the query's `from`.
    LoadDay(super::week::WeekQuery),
    /// Records what happened at a visit.
    SetOutcome(Box<crate::domain::model::VisitOutcome>),
    /// The list of series, from its `n`-th.
    LoadGroups(usize),
    LoadGroup(i64),
    LoadRollCall(i64),
    LoadSuggestions(i64),
    CreateSeries(Box<SeriesRequest>),
    /// A series' own fields and leaders, and the children's birth-date span.
    EditSeries {
        id: i64,
        group: Box<crate::domain::model::NewGroup>,
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
        status: AttendanceStatus,
        adults: u32,
    },
    ChangeSession {
        session_id: i64,
        change: SessionChange,
    },
    /// Computes a quarter's report, in the background.
    LoadReport {
        quarter: Period,
        generation: u64,
    },
    /// The trend's other quarters, each computed in full in the background.
    LoadTrend {
        quarters: Vec<Period>,
        generation: u64,
    },
    /// A page of what the quarter's figures lack, from `offset`.
    LoadMissing {
        quarter: Period,
        offset: usize,
        generation: u64,
    },
    LoadReportRuns(Period),
    /// A visit by id, to open its outcome form.
    LoadOutcomeVisit(i64),
    /// Writes the quarter's report as `format` to `path` (relative to the folder the app was
    /// started in).
    ExportReport {
        quarter: Period,
        format: ReportFormat,
        path: std::path::PathBuf,
    },
    Quit,
}
