//! Import problems in Swedish.

use super::ProblemKind;
use crate::i18n::Lang;
use crate::i18n::input::{conflict_fact, date_error, id_error, unknown_value};

pub(super) fn problem(kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
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
        K::UnknownCode {
            value, words_sv, ..
        } => format!("\"{value}\" är inte något av: {}", words_sv.join(", ")),
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
        K::BirthTooLongAgo { date, years } => {
            format!("{date} ligger mer än {years} år tillbaka, äldre än något programs barn; kontrollera året")
        }
        K::CellTooLong { max } => format!("är längre än {max} tecken; korta den"),
        K::ControlCharacter {
            position,
            character,
        } => format!(
            "tecken {position} är {}; ta bort det",
            super::character_name(*character).sv
        ),
        K::IdBirthMismatch {
            born,
            birth_column,
            birth,
        } => format!("säger född {born}, men {birth_column} säger {birth}"),
        K::ChildNumberInFile {
            family_ref,
            first_line,
        } => format!(
            "är samma nummer som för ett barn i {family_ref} på rad {first_line}; ett barn hör till en familj, så kontrollera båda raderna"
        ),
        K::ChildNumberRegistered { family_ref } => format!(
            "är numret för ett barn som redan är registrerat i {family_ref}; ett barn hör till en familj, så kontrollera numret eller den familjen"
        ),
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
            format!(
                "{name} är registrerad som {}, inte som tolk",
                crate::i18n::labels::role(*role).sv
            )
        }
        K::InterpreterNotOnStaff { name } => format!(
            "{name} finns inte i personallistan; skriv namnet på en tolk i personalen eller extern"
        ),
        K::InterpreterLanguageMissing => "är tom men en tolk är angiven; ange språket".into(),
        K::NotHappenedYet { status, start } => format!(
            "är {}, men besöket {} har inte ägt rum än",
            crate::i18n::labels::visit_status(*status).sv,
            start.format("%Y-%m-%d %H:%M")
        ),
        K::Conflict(c) => conflict_fact(c, Lang::Sv),
        K::SameVisitInFile { first_line } => format!(
            "samma barn, besöksnummer och start som rad {first_line}: samma besök två gånger; behåll en av raderna"
        ),
        K::DoubleBookedInFile { name, line } => {
            format!("{name} är redan bokad då (rad {line} i den här filen)")
        }
        K::SessionCount { text } => {
            format!("\"{text}\" är inte ett antal träffar; skriv ett heltal från 1 till 52")
        }
        K::Capacity { text } => {
            format!("\"{text}\" är inte ett antal platser; skriv ett antal familjer från 1 till 50")
        }
        K::TooManyThemes { themes, sessions } => format!(
            "anger {themes} teman för {sessions} träffar; ge ett tema per träff, i ordning"
        ),
        K::TooFewDates { wanted, found } => format!(
            "bara {found} av {wanted} veckoträffar ryms inom två år (helgdagar och ledarnas lediga dagar hoppas över); kontrollera veckodagen eller ledarna"
        ),
        K::SessionConflict { start, conflict } => format!(
            "träffen {}: {}",
            start.format("%Y-%m-%d %H:%M"),
            conflict_fact(conflict, Lang::Sv)
        ),
        K::OverCapacity { members, capacity } => {
            format!("anger {members} familjer men gruppen har {capacity} platser")
        }
        K::GroupNotRegistered { name } => format!(
            "det finns ingen föräldragrupp som heter \"{name}\"; importera den först med import groups"
        ),
        K::NoSessionOn { group, date } => {
            format!("{group} har ingen träff {date}; kontrollera datumet")
        }
        K::SessionsOnSameDay { group, date } => {
            format!("{group} har mer än en träff {date}; registrera dem i appen")
        }
        K::NotAMember {
            family_ref,
            group,
            date,
        } => format!("{family_ref} var inte medlem i {group} {date}"),
        K::CancelledNamesFamily => {
            "ska vara tom på en inställd rad: inställd gäller hela träffen".into()
        }
        K::MarkOnCancelled { line } => format!(
            "träffen är inställd på rad {line}, så den kan inte också ha närvaro; behåll det ena eller det andra"
        ),
        K::SessionCancelled { date } => {
            format!("träffen {date} är inställd, så den har ingen närvaro")
        }
        K::CancelledHasMarks { date } => format!(
            "träffen {date} har redan närvaro; en inställd träff har ingen, så ta bort den i appen först"
        ),
        K::SessionNotYet { date } => format!("träffen {date} har inte ägt rum än"),
        K::Adults { text, present: true } => {
            format!("\"{text}\" är inte antal vuxna; skriv 1 eller 2")
        }
        K::Adults { text, .. } => {
            format!("\"{text}\": bara en närvarande familj har vuxna med; lämna tomt")
        }
        K::Dropins { text } => {
            format!("\"{text}\" är inte ett antal drop-in; skriv ett heltal från 0 till 100")
        }
        K::DropinsDiffer { first_line } => format!(
            "skiljer sig från drop-in för samma träff på rad {first_line}; ange dem på en rad"
        ),
    }
}
