//! What can happen, as the app sees it: a key's intent (`Intent`, from the keymap), an answer
//! from the runtime (`Msg`), and the work the runtime must do in return (`Effect`). Each is
//! nested by the screen it belongs to; what every screen shares stays at the top.

pub use super::screens::Screen;
pub use super::screens::families::{FamiliesEffect, FamiliesIntent, FamiliesMsg};
pub use super::screens::family::{FamilyEffect, FamilyIntent, FamilyMsg};
pub use super::screens::groups::{GroupsEffect, GroupsIntent, GroupsMsg};
pub use super::screens::report::{ReportEffect, ReportIntent, ReportMsg};
pub use super::screens::staff::{StaffEffect, StaffMsg};
pub use super::screens::today::{TodayEffect, TodayIntent, TodayMsg};
pub use super::screens::week::{WeekEffect, WeekIntent, WeekMsg};

pub use super::booking::VisitEffect;

use super::booking::BookingPlan;

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

/// What a key asks for: the keymap's actions. Those of one screen are nested under it.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    // Everywhere
    Show(Screen),
    Help,
    Back,
    Quit,
    Search,
    // Lists
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
    /// Tick or untick the marked line of a checklist.
    Tick,
    // Forms and questions
    NextField,
    PrevField,
    Save,
    Yes,
    No,
    /// In a form about a person: remove them (asks first).
    Remove,
    /// A key typed into a text field.
    Type(Key),
    // Visits, wherever one is marked (Today, Week, a family's page)
    /// Propose slots for the family's next due visit.
    Book,
    /// Book by hand instead of a proposed slot.
    BookManually,
    /// Book a visit on the day marked in Week: pick the family first.
    BookOnDay,
    /// Record what happened at the marked visit.
    RecordOutcome,
    /// Book the marked visit again: move it, or book anew after a cancellation.
    Rebook,
    // Each screen's own
    Today(TodayIntent),
    Week(WeekIntent),
    Families(FamiliesIntent),
    Family(FamilyIntent),
    Groups(GroupsIntent),
    Report(ReportIntent),
}

/// An answer from the runtime. Those for one screen are nested under it.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Today(TodayMsg),
    Week(WeekMsg),
    Families(FamiliesMsg),
    Family(FamilyMsg),
    Staff(StaffMsg),
    Groups(GroupsMsg),
    Report(ReportMsg),
    /// Proposed slots for a visit to book.
    ProposalsLoaded(Box<BookingPlan>),
    /// Everyone who could go on the proposals' visit, for booking by hand.
    EveryoneLoaded(Box<BookingPlan>),
    /// Reading them for a family's visit (`rebook`: the one moved) failed, for this reason.
    EveryoneFailed {
        family_id: i64,
        rebook: Option<i64>,
        text: super::Text,
    },
    /// A change was written: what it did in words, what it touched, and the new row's id.
    Saved(super::Text, crate::domain::model::Changed, Option<i64>),
    /// A change was refused; the form stays open with what was typed.
    Failed(super::Text),
    /// SQLite's check of the file answered: `false` when it is damaged.
    IntegrityChecked(bool),
    /// Someone else committed to the file: another window, a command, an import.
    ChangedElsewhere,
}

/// Work for the runtime: reads and writes against the database, or stopping. Those for one
/// screen are nested under it.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Today(TodayEffect),
    Week(WeekEffect),
    Families(FamiliesEffect),
    Family(FamilyEffect),
    Staff(StaffEffect),
    Groups(GroupsEffect),
    Report(ReportEffect),
    /// Booking, moving and recording visits, from whichever screen.
    Visit(VisitEffect),
    /// Checks the whole file in the background; a damaged one is then only read.
    CheckIntegrity,
    Quit,
}
