//! Import problems, the hint after them, and the summary of a good import: typed by the
//! import (`commands::import`), said here in Swedish or English.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::Lang;
use super::input::{conflict_fact, date_error, id_error, unknown_value};
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
        format!(
            "{line} {}: {}: {}",
            self.line,
            self.column.render(lang),
            self.kind.render(lang)
        )
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
    IdBirthMismatch {
        born: NaiveDate,
        birth_column: String,
        birth: NaiveDate,
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
    /// Booked at the same time as an earlier row of the same file.
    DoubleBookedInFile {
        name: String,
        line: u64,
    },
}

impl ProblemKind {
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.render_en(),
            Lang::Sv => self.render_sv(),
        }
    }

    fn render_en(&self) -> String {
        use ProblemKind as K;
        match self {
            K::EmptyFile { required } => format!(
                "the file is empty or starts with an empty line; the first line must name the columns, e.g. {}",
                required.join(",")
            ),
            K::Unreadable { reason } => format!("cannot be read: {reason}"),
            K::DuplicateColumn => "appears twice in the header".into(),
            K::UnknownColumn { allowed } => {
                format!("unknown column; the columns are: {}", allowed.join(", "))
            }
            K::MissingColumn => "required column is missing from the header".into(),
            K::CellCount { found, expected } => format!(
                "has {found} cells but the header has {expected}; check for a missing or extra delimiter"
            ),
            K::Required => "is required but empty".into(),
            K::Date { text, error } => date_error(*error, text, Lang::En),
            K::DateTime { text } => format!(
                "\"{text}\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30"
            ),
            K::Unknown(e) => unknown_value(e, Lang::En),
            K::InFuture => "is in the future".into(),
            K::AlreadyInFile { value, first_line } => {
                format!("{value} is already on line {first_line}")
            }
            K::AlreadyRegistered { value } => format!("{value} is already registered"),
            K::NotYesNo { text } => {
                format!("\"{text}\" is not yes or no (ja/nej, true/false, 1/0)")
            }
            K::NoWorkDay => "names no day; write e.g. mon|tue|thu".into(),
            K::WorkHoursShape { text } => {
                format!("\"{text}\" is not working hours; write e.g. 08:00-16:30")
            }
            K::WorkHoursBackwards { text } => format!("{text} ends before it starts"),
            K::StaffNameTaken { name, first_line } => {
                format!("{name} is already on line {first_line}; staff names must be unique")
            }
            K::Identity(e) => id_error(e, Lang::En),
            K::RefLooksLikeIdentity => {
                "looks like a personnummer; use your own reference, never an identity number"
                    .into()
            }
            K::UnknownProgramme { value, known } => format!(
                "\"{value}\" is not a programme; the programmes are: {}",
                known.join(", ")
            ),
            K::CaregiverNameMissing => "is empty but the caregiver has an identity number; add the name or clear the number".into(),
            K::ChildNameMissing => "is empty but the child has a birth date or number; add the name or clear them".into(),
            K::BirthDateMissing => "is required (the expected date before birth)".into(),
            K::BirthTooFarAhead { date } => {
                format!("{date} is more than ten months ahead; check the year")
            }
            K::IdBirthMismatch {
                born,
                birth_column,
                birth,
            } => format!("says born {born}, but {birth_column} says {birth}"),
            K::VisitNo { text } => format!(
                "\"{text}\" is not a visit number; write the programme's visit number (1, 2, …) or extra"
            ),
            K::Duration { text } => {
                format!("\"{text}\" is not a duration; write minutes from 5 to 600")
            }
            K::FamilyNotRegistered { family_ref } => {
                format!("{family_ref} is not registered; import the family first")
            }
            K::ChildNotNamed { children } => {
                format!("the family has {children} children; name the child")
            }
            K::NotAChild {
                child,
                family_ref,
                children,
            } => format!(
                "\"{child}\" is not a child of {family_ref}; the children are: {}",
                children.join(", ")
            ),
            K::NotAProgrammeVisit {
                visit_no,
                programme,
                visits,
            } => format!(
                "{visit_no} is not a visit of programme {programme} (it has {visits}); use extra for an extra visit"
            ),
            K::StaffNamedTwice { name } => format!("{name} is named twice"),
            K::NotOnStaff { name } => {
                format!("{name} is not on the staff list; import staff first")
            }
            K::NotAnInterpreter { name, role } => {
                format!("{name} is registered as {}, not interpreter", role.as_str())
            }
            K::InterpreterNotOnStaff { name } => format!(
                "{name} is not on the staff list; write a staff interpreter's name or external"
            ),
            K::InterpreterLanguageMissing => {
                "is empty but an interpreter is named; give the language".into()
            }
            K::NotHappenedYet { status, start } => format!(
                "is {}, but the visit at {} has not happened yet",
                status.as_str(),
                start.format("%Y-%m-%d %H:%M")
            ),
            K::Conflict(c) => conflict_fact(c, Lang::En),
            K::DoubleBookedInFile { name, line } => {
                format!("{name} is already booked then (line {line} of this file)")
            }
        }
    }

    fn render_sv(&self) -> String {
        use ProblemKind as K;
        match self {
            K::EmptyFile { required } => format!(
                "filen är tom eller börjar med en tom rad; första raden ska namnge kolumnerna, t.ex. {}",
                required.join(",")
            ),
            K::Unreadable { reason } => format!("kan inte läsas: {reason}"),
            K::DuplicateColumn => "står två gånger i rubrikraden".into(),
            K::UnknownColumn { allowed } => {
                format!("okänd kolumn; kolumnerna är: {}", allowed.join(", "))
            }
            K::MissingColumn => "obligatorisk kolumn saknas i rubrikraden".into(),
            K::CellCount { found, expected } => format!(
                "har {found} celler men rubrikraden har {expected}; kontrollera om en avgränsare saknas eller är för mycket"
            ),
            K::Required => "måste fyllas i men är tom".into(),
            K::Date { text, error } => date_error(*error, text, Lang::Sv),
            K::DateTime { text } => format!(
                "\"{text}\" är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-03-15 09:30"
            ),
            K::Unknown(e) => unknown_value(e, Lang::Sv),
            K::InFuture => "ligger i framtiden".into(),
            K::AlreadyInFile { value, first_line } => {
                format!("{value} finns redan på rad {first_line}")
            }
            K::AlreadyRegistered { value } => format!("{value} är redan registrerad"),
            K::NotYesNo { text } => {
                format!("\"{text}\" är inte ja eller nej (ja/nej, yes/no, true/false, 1/0)")
            }
            K::NoWorkDay => "anger ingen dag; skriv t.ex. mån|tis|tor".into(),
            K::WorkHoursShape { text } => {
                format!("\"{text}\" är ingen arbetstid; skriv t.ex. 08:00-16:30")
            }
            K::WorkHoursBackwards { text } => format!("{text} slutar innan den börjar"),
            K::StaffNameTaken { name, first_line } => format!(
                "{name} finns redan på rad {first_line}; namnen på personalen måste vara unika"
            ),
            K::Identity(e) => id_error(e, Lang::Sv),
            K::RefLooksLikeIdentity => {
                "ser ut som ett personnummer; använd er egen referens, aldrig ett personnummer"
                    .into()
            }
            K::UnknownProgramme { value, known } => format!(
                "\"{value}\" är inget program; programmen är: {}",
                known.join(", ")
            ),
            K::CaregiverNameMissing => "är tom men vårdnadshavaren har ett identitetsnummer; fyll i namnet eller ta bort numret".into(),
            K::ChildNameMissing => "är tom men barnet har ett födelsedatum eller nummer; fyll i namnet eller ta bort dem".into(),
            K::BirthDateMissing => "måste fyllas i (det beräknade datumet före födseln)".into(),
            K::BirthTooFarAhead { date } => {
                format!("{date} ligger mer än tio månader fram; kontrollera året")
            }
            K::IdBirthMismatch {
                born,
                birth_column,
                birth,
            } => format!("säger född {born}, men {birth_column} säger {birth}"),
            K::VisitNo { text } => format!(
                "\"{text}\" är inget besöksnummer; skriv programmets besöksnummer (1, 2, …) eller extra"
            ),
            K::Duration { text } => {
                format!("\"{text}\" är ingen längd; skriv minuter från 5 till 600")
            }
            K::FamilyNotRegistered { family_ref } => {
                format!("{family_ref} finns inte i registret; importera familjen först")
            }
            K::ChildNotNamed { children } => {
                format!("familjen har {children} barn; ange vilket barn")
            }
            K::NotAChild {
                child,
                family_ref,
                children,
            } => format!(
                "\"{child}\" är inget barn i {family_ref}; barnen är: {}",
                children.join(", ")
            ),
            K::NotAProgrammeVisit {
                visit_no,
                programme,
                visits,
            } => format!(
                "{visit_no} är inget besök i programmet {programme} (det har {visits}); skriv extra för ett extra besök"
            ),
            K::StaffNamedTwice { name } => format!("{name} står två gånger"),
            K::NotOnStaff { name } => {
                format!("{name} finns inte i personallistan; importera personalen först")
            }
            K::NotAnInterpreter { name, role } => {
                format!("{name} är registrerad som {}, inte som tolk", role.as_str())
            }
            K::InterpreterNotOnStaff { name } => format!(
                "{name} finns inte i personallistan; skriv namnet på en tolk i personalen eller external"
            ),
            K::InterpreterLanguageMissing => "är tom men en tolk är angiven; ange språket".into(),
            K::NotHappenedYet { status, start } => format!(
                "är {}, men besöket {} har inte ägt rum än",
                status.as_str(),
                start.format("%Y-%m-%d %H:%M")
            ),
            K::Conflict(c) => conflict_fact(c, Lang::Sv),
            K::DoubleBookedInFile { name, line } => {
                format!("{name} är redan bokad då (rad {line} i den här filen)")
            }
        }
    }
}

/// Advice printed after the problems, as its own sentence: not one of them, and not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Every problem is a booking conflict, which `--allow-conflicts` lets through.
    AllowConflicts,
}

impl Hint {
    pub fn render(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Hint::AllowConflicts, Lang::En) => {
                "These are booking conflicts: fix them, or pass --allow-conflicts to import them anyway (they then show as alerts)."
            }
            (Hint::AllowConflicts, Lang::Sv) => {
                "Det här är bokningskonflikter: rätta dem, eller ange --allow-conflicts för att importera dem ändå (de visas då som larm)."
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
    Visits {
        count: usize,
        /// Conflicts imported anyway with `--allow-conflicts`.
        conflicts_kept: usize,
    },
}

impl Summary {
    /// The line printed after a good import of `file`.
    pub fn render(self, file: &Path, lang: Lang) -> String {
        let file = file.display();
        match (self, lang) {
            (Summary::Staff { count }, Lang::En) => format!("imported {count} staff from {file}"),
            (Summary::Staff { count }, Lang::Sv) => {
                format!("importerade {count} i personalen från {file}")
            }
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
                    count,
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
                format!(
                    "imported {count} {}{kept} from {file}",
                    plural(count, "visit", "visits")
                )
            }
            (
                Summary::Visits {
                    count,
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
                format!("importerade {count} besök{kept} från {file}")
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
            count: 1,
            conflicts_kept: 0,
        };
        assert_eq!(one.render(file, Lang::En), "imported 1 visit from v.csv");
        assert_eq!(one.render(file, Lang::Sv), "importerade 1 besök från v.csv");
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
