//! Import problems, the hint after them, and the summary of a good import: typed by the
//! import (`ops::import`), said here in Swedish or English.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

mod en;
mod sv;

use super::Lang;
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

impl Column {
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (Column::Named(name), _) if !name.is_empty() => name.clone(),
            (Column::Named(_), Lang::En) => "(empty)".into(),
            (Column::Named(_), Lang::Sv) => "(tom)".into(),
            (Column::Header, Lang::En) => "header".into(),
            (Column::Header, Lang::Sv) => "rubrikraden".into(),
            (Column::Row, Lang::En) => "row".into(),
            (Column::Row, Lang::Sv) => "raden".into(),
        }
    }
}

/// One thing wrong with an import file: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The line in the file, the header being line 1.
    pub line: u64,
    pub column: Column,
    pub kind: ProblemKind,
}

impl Problem {
    /// `line N: COLUMN: what is wrong`, in Swedish `rad N: KOLUMN: vad som är fel`.
    pub fn render(&self, lang: Lang) -> String {
        let line = match lang {
            Lang::En => "line",
            Lang::Sv => "rad",
        };
        // What the file holds is quoted in the message: it never drives the reader's terminal.
        crate::domain::text::clean(&format!(
            "{line} {}: {}: {}",
            self.line,
            self.column.render(lang),
            self.kind.render(lang)
        ))
        .into_owned()
    }
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
    /// A child born before the programmes' oldest age (`years` back).
    BirthTooLongAgo {
        date: NaiveDate,
        years: u32,
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
    /// Booked at the same time as an earlier row of the same file.
    DoubleBookedInFile {
        name: String,
        line: u64,
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

impl ProblemKind {
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en::problem(self),
            Lang::Sv => sv::problem(self),
        }
    }
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

impl Hint {
    pub fn render(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Hint::AllowConflicts, Lang::En) => {
                "These are booking conflicts: fix them, or pass --allow-conflicts to import them anyway (they then show under To do in the app)."
            }
            (Hint::AllowConflicts, Lang::Sv) => {
                "Det här är bokningskonflikter: rätta dem, eller ange --allow-conflicts för att importera dem ändå (de visas då under Att göra i appen)."
            }
            (Hint::SomeAreConflicts, Lang::En) => {
                "Some of these are booking conflicts: once the other problems are fixed, --allow-conflicts imports those anyway (they then show under To do in the app)."
            }
            (Hint::SomeAreConflicts, Lang::Sv) => {
                "En del av det här är bokningskonflikter: när de andra problemen är rättade kan --allow-conflicts importera dem ändå (de visas då under Att göra i appen)."
            }
        }
    }
}

/// What a good import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    },
    /// An attendance file: marks written, rows already as stored, sessions cancelled.
    Attendance {
        marked: usize,
        unchanged: usize,
        cancelled: usize,
    },
}

impl Summary {
    /// The line printed after a good import of `file`.
    pub fn render(self, file: &Path, lang: Lang) -> String {
        let file = file.display();
        match (self, lang) {
            (
                Summary::Groups {
                    groups,
                    sessions,
                    members,
                },
                Lang::En,
            ) => format!(
                "imported {groups} parent {} ({sessions} {}, {members} {}) from {file}",
                plural(groups, "group", "groups"),
                plural(sessions, "session", "sessions"),
                plural(members, "member", "members"),
            ),
            (
                Summary::Groups {
                    groups,
                    sessions,
                    members,
                },
                Lang::Sv,
            ) => format!(
                "importerade {groups} {} ({sessions} {}, {members} {}) från {file}",
                plural(groups, "föräldragrupp", "föräldragrupper"),
                plural(sessions, "träff", "träffar"),
                plural(members, "medlem", "medlemmar"),
            ),
            (
                Summary::Attendance {
                    marked,
                    unchanged,
                    cancelled,
                },
                Lang::En,
            ) => format!(
                "imported attendance from {file}: {marked} {} written, {unchanged} unchanged, {cancelled} {} cancelled",
                plural(marked, "mark", "marks"),
                plural(cancelled, "session", "sessions"),
            ),
            (
                Summary::Attendance {
                    marked,
                    unchanged,
                    cancelled,
                },
                Lang::Sv,
            ) => format!(
                "importerade närvaro från {file}: {marked} {}, {unchanged} {}, {cancelled} {}",
                plural(marked, "markering sparad", "markeringar sparade"),
                plural(unchanged, "oförändrad", "oförändrade"),
                plural(cancelled, "träff inställd", "träffar inställda"),
            ),
            (Summary::Staff { count }, Lang::En) => format!("imported {count} staff from {file}"),
            (Summary::Staff { count }, Lang::Sv) => format!(
                "importerade {count} {} till personallistan från {file}",
                plural(count, "person", "personer")
            ),
            (
                Summary::Families {
                    count,
                    caregivers,
                    children,
                },
                Lang::En,
            ) => format!(
                "imported {count} {} ({caregivers} {}, {children} {}) from {file}",
                plural(count, "family", "families"),
                plural(caregivers, "caregiver", "caregivers"),
                plural(children, "child", "children"),
            ),
            (
                Summary::Families {
                    count,
                    caregivers,
                    children,
                },
                Lang::Sv,
            ) => format!(
                "importerade {count} {} ({caregivers} {}, {children} barn) från {file}",
                plural(count, "familj", "familjer"),
                plural(caregivers, "vårdnadshavare", "vårdnadshavare"),
            ),
            (
                Summary::Visits {
                    new,
                    changed,
                    unchanged,
                    conflicts_kept,
                },
                Lang::En,
            ) => {
                let kept = if conflicts_kept > 0 {
                    format!(
                        " ({conflicts_kept} booking {} kept, as asked)",
                        plural(conflicts_kept, "conflict", "conflicts")
                    )
                } else {
                    String::new()
                };
                let rows = new + changed + unchanged;
                format!(
                    "imported {rows} {} from {file}: {new} new, {changed} changed, {unchanged} unchanged{kept}",
                    plural(rows, "visit", "visits")
                )
            }
            (
                Summary::Visits {
                    new,
                    changed,
                    unchanged,
                    conflicts_kept,
                },
                Lang::Sv,
            ) => {
                let kept = if conflicts_kept > 0 {
                    format!(
                        " ({conflicts_kept} {} med, som du bad om)",
                        plural(
                            conflicts_kept,
                            "bokningskonflikt togs",
                            "bokningskonflikter togs"
                        )
                    )
                } else {
                    String::new()
                };
                format!(
                    "importerade {} besök från {file}: {new} {}, {changed} {}, {unchanged} {}{kept}",
                    new + changed + unchanged,
                    plural(new, "nytt", "nya"),
                    plural(changed, "ändrat", "ändrade"),
                    plural(unchanged, "oförändrat", "oförändrade"),
                )
            }
        }
    }
}

/// The closing line of a refused import: how many problems, and that nothing was written.
pub fn refused(file: &Path, problems: usize, lang: Lang) -> String {
    let file = file.display();
    match lang {
        Lang::En => format!(
            "{file}: {problems} {}; nothing was imported",
            plural(problems, "problem", "problems")
        ),
        Lang::Sv => format!("{file}: {problems} problem; inget importerades"),
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// A character no cell may hold, named for the message: what it is, and its code.
pub fn character_name(c: char) -> crate::i18n::Text {
    let code = format!("U+{:04X}", u32::from(c));
    let (sv, en) = match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => ("en radbrytning", "a line break"),
        '\t' => ("en tabb", "a tab"),
        '\u{1b}' => ("ett escape-tecken", "an escape character"),
        '\u{7}' => ("en ljudsignal", "a bell"),
        '\0' => ("ett nolltecken", "a NUL character"),
        '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' => {
            ("ett osynligt tecken", "an invisible character")
        }
        c if crate::domain::text::is_invisible(c) => (
            "ett osynligt tecken som vänder textens riktning",
            "an invisible character that turns the text's direction",
        ),
        _ => ("ett styrtecken", "a control character"),
    };
    crate::i18n::Text::new(format!("{sv} ({code})"), format!("{en} ({code})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(kind: ProblemKind) -> Problem {
        Problem {
            line: 3,
            column: Column::Named("start".into()),
            kind,
        }
    }

    #[test]
    fn a_problem_reads_line_column_and_what_in_either_language() {
        let p = problem(ProblemKind::DateTime {
            text: "2026-05-14".into(),
        });
        assert_eq!(
            p.render(Lang::En),
            "line 3: start: \"2026-05-14\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30"
        );
        assert_eq!(
            p.render(Lang::Sv),
            "rad 3: start: \"2026-05-14\" är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-03-15 09:30"
        );
        let empty = Problem {
            line: 1,
            column: Column::Named(String::new()),
            kind: ProblemKind::UnknownColumn { allowed: &["name"] },
        };
        assert_eq!(
            empty.render(Lang::Sv),
            "rad 1: (tom): okänd kolumn; kolumnerna är: name"
        );
    }

    #[test]
    fn summaries_count_in_words() {
        let file = Path::new("v.csv");
        let one = Summary::Visits {
            new: 1,
            changed: 0,
            unchanged: 0,
            conflicts_kept: 0,
        };
        assert_eq!(
            one.render(file, Lang::En),
            "imported 1 visit from v.csv: 1 new, 0 changed, 0 unchanged"
        );
        assert_eq!(
            one.render(file, Lang::Sv),
            "importerade 1 besök från v.csv: 1 nytt, 0 ändrade, 0 oförändrade"
        );
        assert_eq!(
            refused(file, 1, Lang::En),
            "v.csv: 1 problem; nothing was imported"
        );
        assert_eq!(
            refused(file, 2, Lang::Sv),
            "v.csv: 2 problem; inget importerades"
        );
    }
}
