//! What is wrong with an import file, and what a good import wrote: typed here, by the import
//! that finds it; `i18n::messages::import` says it in Swedish and English.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::booking::Conflict;
use crate::domain::calendar::DateError;
use crate::domain::enums::{Role, UnknownValue, VisitStatus};
use crate::domain::identity::IdError;

/// Where in a row a problem is: a column of the file, or the header or row as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// A column as the file's header names it (empty for a header cell with no name).
    Named(String),
    Header,
    Row,
}

/// One thing wrong with an import file: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The line in the file, the header being line 1.
    pub line: u64,
    pub column: Column,
    pub kind: ProblemKind,
}

/// What is wrong, with the values the message quotes.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    // The file as a whole.
    /// No header line; `required` are the columns it must name.
    EmptyFile {
        required: &'static [&'static str],
    },
    /// The CSV reader's own reason.
    Unreadable {
        reason: String,
    },
    DuplicateColumn,
    UnknownColumn {
        allowed: &'static [&'static str],
    },
    MissingColumn,
    CellCount {
        found: usize,
        expected: usize,
    },
    // Any cell.
    Required,
    Date {
        text: String,
        error: DateError,
    },
    DateTime {
        text: String,
    },
    Unknown(UnknownValue),
    /// A value outside a closed set: what was written, the codes, and the Swedish words.
    UnknownCode {
        value: String,
        codes: Vec<&'static str>,
        words_sv: Vec<String>,
    },
    InFuture,
    /// The same value on an earlier line, where it must be unique.
    AlreadyInFile {
        value: String,
        first_line: u64,
    },
    AlreadyRegistered {
        value: String,
    },
    // Staff.
    NotYesNo {
        text: String,
    },
    NoWorkDay,
    WorkHoursShape {
        text: String,
    },
    WorkHoursBackwards {
        text: String,
    },
    StaffNameTaken {
        name: String,
        first_line: u64,
    },
    // Families.
    Identity(IdError),
    RefLooksLikeIdentity,
    UnknownProgramme {
        value: String,
        known: Vec<String>,
    },
    CaregiverNameMissing,
    ChildNameMissing,
    BirthDateMissing,
    BirthTooFarAhead {
        date: NaiveDate,
    },
    /// A child of a family still in a programme born before the programmes' oldest age
    /// (`years` back).
    BirthTooLongAgo {
        date: NaiveDate,
        years: u32,
    },
    /// A child of a family whose participation ended, born before any plausible date of the
    /// archive (`earliest`).
    BirthBeforeArchive {
        date: NaiveDate,
        earliest: NaiveDate,
    },
    /// A cell longer than any name or note needs.
    CellTooLong {
        max: usize,
    },
    /// A control character (an escape, a bell, NUL, a line break in a one-line cell) or an
    /// invisible one that reorders or hides text: no coordinator means to type it. `position`
    /// counts characters from 1.
    ControlCharacter {
        position: usize,
        character: char,
    },
    IdBirthMismatch {
        born: NaiveDate,
        birth_column: String,
        birth: NaiveDate,
    },
    /// A child's number given for a child of another row (`family_ref`) of the same file.
    ChildNumberInFile {
        family_ref: String,
        first_line: u64,
    },
    /// A child's number already registered for a child of `family_ref`.
    ChildNumberRegistered {
        family_ref: String,
    },
    // Visits.
    VisitNo {
        text: String,
    },
    Duration {
        text: String,
    },
    FamilyNotRegistered {
        family_ref: String,
    },
    ChildNotNamed {
        children: usize,
    },
    NotAChild {
        child: String,
        family_ref: String,
        children: Vec<String>,
    },
    NotAProgrammeVisit {
        visit_no: u32,
        programme: String,
        visits: usize,
    },
    StaffNamedTwice {
        name: String,
    },
    NotOnStaff {
        name: String,
    },
    NotAnInterpreter {
        name: String,
        role: Role,
    },
    InterpreterNotOnStaff {
        name: String,
    },
    InterpreterLanguageMissing,
    NotHappenedYet {
        status: VisitStatus,
        start: NaiveDateTime,
    },
    /// A booking check that failed against the database.
    Conflict(Conflict),
    /// The same child, visit number and start as an earlier row: the same visit twice.
    SameVisitInFile {
        first_line: u64,
    },
    /// Groups: the number of sessions is not a whole number from 1 to 52.
    SessionCount {
        text: String,
    },
    /// Groups: the capacity is not a whole number from 1 to 50.
    Capacity {
        text: String,
    },
    /// Groups: more themes than sessions.
    TooManyThemes {
        themes: usize,
        sessions: u32,
    },
    /// Groups: fewer free weeks than sessions within two years.
    TooFewDates {
        wanted: u32,
        found: u32,
    },
    /// Groups: a generated session clashes with a leader's booking, day off or hours.
    SessionConflict {
        start: NaiveDateTime,
        conflict: Conflict,
    },
    /// Groups: more members than the capacity.
    OverCapacity {
        members: usize,
        capacity: u32,
    },
    /// Attendance: no series of that name.
    GroupNotRegistered {
        name: String,
    },
    /// Attendance: the series has no session that day.
    NoSessionOn {
        group: String,
        date: NaiveDate,
    },
    /// Attendance: the series has more than one session that day.
    SessionsOnSameDay {
        group: String,
        date: NaiveDate,
    },
    /// Attendance: the family was not a member on the session's day.
    NotAMember {
        family_ref: String,
        group: String,
        date: NaiveDate,
    },
    /// Attendance: a whole-session `cancelled` row names a family.
    CancelledNamesFamily,
    /// Attendance: a mark for a session another row cancels.
    MarkOnCancelled {
        line: u64,
    },
    /// Attendance: a mark for a session that is cancelled in the register.
    SessionCancelled {
        date: NaiveDate,
    },
    /// Attendance: cancelling a session that has marks in the register.
    CancelledHasMarks {
        date: NaiveDate,
    },
    /// Attendance: the session is on a later day.
    SessionNotYet {
        date: NaiveDate,
    },
    /// Attendance: adults present is not 1 or 2 for a present family, or not 0/empty otherwise.
    Adults {
        text: String,
        present: bool,
    },
    /// Attendance: drop-ins is not a whole number from 0 to 100.
    Dropins {
        text: String,
    },
    /// Attendance: another row of the same session gives other drop-ins.
    DropinsDiffer {
        first_line: u64,
    },
}

/// Advice printed after the problems, as its own sentence: not one of them, and not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Every problem is a booking conflict, which `--allow-conflicts` lets through.
    AllowConflicts,
    /// Some problems are booking conflicts, which `--allow-conflicts` lets through once the
    /// others are fixed.
    SomeAreConflicts,
}

/// The weeks a series brought in by `import groups` skips (holidays, weekends, the leaders' days
/// off), said after the import as the new-series form says them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesSkips {
    pub group: String,
    pub skipped: Vec<(chrono::NaiveDate, crate::domain::groups::Skip)>,
    /// The first session, when the file's first date was skipped and the series moved on.
    pub moved_to: Option<chrono::NaiveDate>,
}

/// What a good import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Summary {
    Staff {
        count: usize,
    },
    Families {
        count: usize,
        caregivers: usize,
        children: usize,
    },
    /// A visits file: rows that added a visit, changed a stored one, or were as stored.
    Visits {
        new: usize,
        changed: usize,
        unchanged: usize,
        /// Conflicts imported anyway with `--allow-conflicts`.
        conflicts_kept: usize,
    },
    /// A groups file: the series, their sessions and members.
    Groups {
        groups: usize,
        sessions: usize,
        members: usize,
        /// The series that skip a week, each with the weeks and why.
        skipped: Vec<SeriesSkips>,
    },
    /// An attendance file: marks written, rows already as stored, sessions cancelled.
    Attendance {
        marked: usize,
        unchanged: usize,
        cancelled: usize,
    },
}
