//! Import problems in English.

use super::ProblemKind;
use crate::i18n::Lang;
use crate::i18n::input::{conflict_fact, date_error, id_error, unknown_value};

pub(super) fn problem(kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
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
        K::UnknownCode { value, codes, .. } => {
            format!("\"{value}\" is not one of: {}", codes.join(", "))
        }
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
            "looks like a personnummer; use your own reference, never an identity number".into()
        }
        K::UnknownProgramme { value, known } => format!(
            "\"{value}\" is not a programme; the programmes are: {}",
            known.join(", ")
        ),
        K::CaregiverNameMissing => {
            "is empty but the caregiver has an identity number; add the name or clear the number"
                .into()
        }
        K::ChildNameMissing => {
            "is empty but the child has a birth date or number; add the name or clear them".into()
        }
        K::BirthDateMissing => "is required (the expected date before birth)".into(),
        K::BirthTooFarAhead { date } => {
            format!("{date} is more than ten months ahead; check the year")
        }
        K::BirthTooLongAgo { date, years } => {
            format!(
                "{date} is more than {years} years ago, older than any programme's children; check the year"
            )
        }
        K::CellTooLong { max } => format!("is longer than {max} characters; shorten it"),
        K::ControlCharacter {
            position,
            character,
        } => format!(
            "character {position} is {}; remove it",
            super::character_name(*character).en
        ),
        K::IdBirthMismatch {
            born,
            birth_column,
            birth,
        } => format!("says born {born}, but {birth_column} says {birth}"),
        K::ChildNumberInFile {
            family_ref,
            first_line,
        } => format!(
            "is the same number as a child of {family_ref} on line {first_line}; a child belongs to one family, so check both rows"
        ),
        K::ChildNumberRegistered { family_ref } => format!(
            "is the number of a child already registered in {family_ref}; a child belongs to one family, so check the number or that family"
        ),
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
        K::InterpreterNotOnStaff { name } => {
            format!("{name} is not on the staff list; write a staff interpreter's name or external")
        }
        K::InterpreterLanguageMissing => {
            "is empty but an interpreter is named; give the language".into()
        }
        K::NotHappenedYet { status, start } => format!(
            "is {}, but the visit at {} has not happened yet",
            status.as_str(),
            start.format("%Y-%m-%d %H:%M")
        ),
        K::Conflict(c) => conflict_fact(c, Lang::En),
        K::SameVisitInFile { first_line } => format!(
            "the same child, visit number and start as line {first_line}: the same visit twice; keep one of the rows"
        ),
        K::DoubleBookedInFile { name, line } => {
            format!("{name} is already booked then (line {line} of this file)")
        }
        K::SessionCount { text } => {
            format!("\"{text}\" is not a number of sessions; write a whole number from 1 to 52")
        }
        K::Capacity { text } => {
            format!("\"{text}\" is not a capacity; write a number of families from 1 to 50")
        }
        K::TooManyThemes { themes, sessions } => format!(
            "names {themes} themes for {sessions} sessions; give one theme per session, in order"
        ),
        K::TooFewDates { wanted, found } => format!(
            "only {found} of {wanted} weekly sessions fit within two years (holidays and the leaders' days off are skipped); check the weekday or the leaders"
        ),
        K::SessionConflict { start, conflict } => format!(
            "the session at {}: {}",
            start.format("%Y-%m-%d %H:%M"),
            conflict_fact(conflict, Lang::En)
        ),
        K::OverCapacity { members, capacity } => {
            format!("names {members} families but the capacity is {capacity}")
        }
        K::GroupNotRegistered { name } => {
            format!(
                "there is no parent group called \"{name}\"; import it with import groups first"
            )
        }
        K::NoSessionOn { group, date } => {
            format!("{group} has no session on {date}; check the date")
        }
        K::SessionsOnSameDay { group, date } => {
            format!("{group} has more than one session on {date}; mark them in the app")
        }
        K::NotAMember {
            family_ref,
            group,
            date,
        } => format!("{family_ref} was not a member of {group} on {date}"),
        K::CancelledNamesFamily => {
            "must be empty on a cancelled row: cancelled is for the whole session".into()
        }
        K::MarkOnCancelled { line } => format!(
            "the session is cancelled on line {line}, so it cannot also have marks; keep one or the other"
        ),
        K::SessionCancelled { date } => {
            format!("the session on {date} is cancelled, so it has no attendance")
        }
        K::CancelledHasMarks { date } => format!(
            "the session on {date} already has marks; a cancelled session has none, so clear them in the app first"
        ),
        K::SessionNotYet { date } => {
            format!("the session on {date} has not taken place yet")
        }
        K::Adults {
            text,
            present: true,
        } => {
            format!("\"{text}\" is not adults present; write 1 or 2")
        }
        K::Adults { text, .. } => {
            format!("\"{text}\": only a present family has adults present; leave it empty")
        }
        K::Dropins { text } => {
            format!("\"{text}\" is not a number of drop-ins; write a whole number from 0 to 100")
        }
        K::DropinsDiffer { first_line } => format!(
            "differs from the drop-ins of the same session on line {first_line}; give them on one row"
        ),
    }
}
