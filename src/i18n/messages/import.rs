//! Import problems, the hint after them, and the summary of a good import, as the import
//! (`ops::import`) types them, said in Swedish and English side by side.

use std::path::Path;

use crate::i18n::input::{conflict_fact, date_error, id_error, unknown_value};
use crate::i18n::{Lang, Text};
use crate::ops::import::{Column, Hint, Problem, ProblemKind, Summary};

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

/// An arm's words: what the arm's expression gives, as the text it is.
fn s(text: String) -> String {
    text
}

impl ProblemKind {
    pub fn render(&self, lang: Lang) -> String {
        self.text().get(lang).to_string()
    }

    /// What is wrong, in both languages.
    pub fn text(&self) -> Text {
        use ProblemKind as K;
        match self {
        K::EmptyFile { required } => Text::new(
            s(format!(
            "filen är tom eller börjar med en tom rad; första raden ska namnge kolumnerna, t.ex. {}",
            required.join(",")
        )),
            s(format!(
            "the file is empty or starts with an empty line; the first line must name the columns, e.g. {}",
            required.join(",")
        )),
        ),
        K::Unreadable { reason } => Text::new(
            s(format!("kan inte läsas: {reason}")),
            s(format!("cannot be read: {reason}")),
        ),
        K::DuplicateColumn => Text::new(
            s("står två gånger i rubrikraden".into()),
            s("appears twice in the header".into()),
        ),
        K::UnknownColumn { allowed } => Text::new(
            s({
            format!("okänd kolumn; kolumnerna är: {}", allowed.join(", "))
        }),
            s({
            format!("unknown column; the columns are: {}", allowed.join(", "))
        }),
        ),
        K::MissingColumn => Text::new(
            s("obligatorisk kolumn saknas i rubrikraden".into()),
            s("required column is missing from the header".into()),
        ),
        K::CellCount { found, expected } => Text::new(
            s(format!(
            "har {found} celler men rubrikraden har {expected}; kontrollera om en avgränsare saknas eller är för mycket"
        )),
            s(format!(
            "has {found} cells but the header has {expected}; check for a missing or extra delimiter"
        )),
        ),
        K::Required => Text::new(
            s("måste fyllas i men är tom".into()),
            s("is required but empty".into()),
        ),
        K::Date { text, error } => Text::new(
            s(date_error(*error, text, Lang::Sv)),
            s(date_error(*error, text, Lang::En)),
        ),
        K::DateTime { text } => Text::new(
            s(format!(
            "\"{text}\" är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-03-15 09:30"
        )),
            s(format!(
            "\"{text}\" is not a date and time; write YYYY-MM-DD HH:MM, e.g. 2026-03-15 09:30"
        )),
        ),
        K::Unknown(e) => Text::new(
            s(unknown_value(e, Lang::Sv)),
            s(unknown_value(e, Lang::En)),
        ),
        K::UnknownCode { value, codes, words_sv, .. } => Text::new(
            s(format!("\"{value}\" är inte något av: {}", words_sv.join(", "))),
            s({
            format!("\"{value}\" is not one of: {}", codes.join(", "))
        }),
        ),
        K::InFuture => Text::new(
            s("ligger i framtiden".into()),
            s("is in the future".into()),
        ),
        K::AlreadyInFile { value, first_line } => Text::new(
            s({
            format!("{value} finns redan på rad {first_line}")
        }),
            s({
            format!("{value} is already on line {first_line}")
        }),
        ),
        K::AlreadyRegistered { value } => Text::new(
            s(format!("{value} är redan registrerad")),
            s(format!("{value} is already registered")),
        ),
        K::NotYesNo { text } => Text::new(
            s({
            format!("\"{text}\" är inte ja eller nej (ja/nej, yes/no, true/false, 1/0)")
        }),
            s({
            format!("\"{text}\" is not yes or no (ja/nej, true/false, 1/0)")
        }),
        ),
        K::NoWorkDay => Text::new(
            s("anger ingen dag; skriv t.ex. mån|tis|tor".into()),
            s("names no day; write e.g. mon|tue|thu".into()),
        ),
        K::WorkHoursShape { text } => Text::new(
            s({
            format!("\"{text}\" är ingen arbetstid; skriv t.ex. 08:00-16:30")
        }),
            s({
            format!("\"{text}\" is not working hours; write e.g. 08:00-16:30")
        }),
        ),
        K::WorkHoursBackwards { text } => Text::new(
            s(format!("{text} slutar innan den börjar")),
            s(format!("{text} ends before it starts")),
        ),
        K::StaffNameTaken { name, first_line } => Text::new(
            s(format!(
            "{name} finns redan på rad {first_line}; namnen på personalen måste vara unika"
        )),
            s({
            format!("{name} is already on line {first_line}; staff names must be unique")
        }),
        ),
        K::Identity(e) => Text::new(
            s(id_error(e, Lang::Sv)),
            s(id_error(e, Lang::En)),
        ),
        K::RefLooksLikeIdentity => Text::new(
            s({
            "ser ut som ett personnummer; använd er egen referens, aldrig ett personnummer"
                .into()
        }),
            s({
            "looks like an identity number; use your own reference instead".into()
        }),
        ),
        K::UnknownProgramme { value, known } => Text::new(
            s(format!(
            "\"{value}\" är inget program; programmen är: {}",
            known.join(", ")
        )),
            s(format!(
            "\"{value}\" is not a programme; the programmes are: {}",
            known.join(", ")
        )),
        ),
        K::CaregiverNameMissing => Text::new(
            s("är tom men vårdnadshavaren har ett identitetsnummer; fyll i namnet eller ta bort numret".into()),
            s({
            "is empty but the caregiver has an identity number; add the name or clear the number"
                .into()
        }),
        ),
        K::ChildNameMissing => Text::new(
            s("är tom men barnet har ett födelsedatum eller nummer; fyll i namnet eller ta bort dem".into()),
            s({
            "is empty but the child has a birth date or number; add the name or clear them".into()
        }),
        ),
        K::BirthDateMissing => Text::new(
            s("måste fyllas i (det beräknade datumet före födseln)".into()),
            s("is required (the expected date before birth)".into()),
        ),
        K::BirthTooFarAhead { date } => Text::new(
            s({
            format!("{date} ligger mer än tio månader fram; kontrollera året")
        }),
            s({
            format!("{date} is more than ten months ahead; check the year")
        }),
        ),
        K::BirthTooLongAgo { date, years } => Text::new(
            s({
            format!("{date} ligger mer än {years} år tillbaka, äldre än något programs barn; kontrollera året, eller ange familjens status (exited, completed eller declined) om deltagandet har upphört")
        }),
            s({
            format!(
                "{date} is more than {years} years ago, older than any programme's children; check the year, or give the family's status (exited, completed or declined) if its participation has ended"
            )
        }),
        ),
        K::BirthBeforeArchive { date, earliest } => Text::new(
            s(format!("{date} ligger före {earliest}; kontrollera året")),
            s(format!("{date} is before {earliest}; check the year")),
        ),
        K::CellTooLong { max } => Text::new(
            s(format!("är längre än {max} tecken; korta den")),
            s(format!("is longer than {max} characters; shorten it")),
        ),
        K::ControlCharacter {
            position,
            character,
        } => Text::new(
            s(format!(
            "tecken {position} är {}; ta bort det",
            character_name(*character).sv
        )),
            s(format!(
            "character {position} is {}; remove it",
            character_name(*character).en
        )),
        ),
        K::IdBirthMismatch {
            born,
            birth_column,
            birth,
        } => Text::new(
            s(format!("säger född {born}, men {birth_column} säger {birth}")),
            s(format!("says born {born}, but {birth_column} says {birth}")),
        ),
        K::ChildNumberInFile {
            family_ref,
            first_line,
        } => Text::new(
            s(format!(
            "är samma nummer som för ett barn i {family_ref} på rad {first_line}; ett barn hör till en familj, så kontrollera båda raderna"
        )),
            s(format!(
            "is the same number as a child of {family_ref} on line {first_line}; a child belongs to one family, so check both rows"
        )),
        ),
        K::ChildNumberRegistered { family_ref } => Text::new(
            s(format!(
            "är numret för ett barn som redan är registrerat i {family_ref}; ett barn hör till en familj, så kontrollera numret eller den familjen"
        )),
            s(format!(
            "is the number of a child already registered in {family_ref}; a child belongs to one family, so check the number or that family"
        )),
        ),
        K::VisitNo { text } => Text::new(
            s(format!(
            "\"{text}\" är inget besöksnummer; skriv programmets besöksnummer (1, 2, …) eller extra"
        )),
            s(format!(
            "\"{text}\" is not a visit number; write the programme's visit number (1, 2, …) or extra"
        )),
        ),
        K::Duration { text } => Text::new(
            s({
            format!("\"{text}\" är ingen längd; skriv minuter från 5 till 600")
        }),
            s({
            format!("\"{text}\" is not a duration; write minutes from 5 to 600")
        }),
        ),
        K::FamilyNotRegistered { family_ref } => Text::new(
            s({
            format!("{family_ref} finns inte i registret; importera familjen först")
        }),
            s({
            format!("{family_ref} is not registered; import the family first")
        }),
        ),
        K::ChildNotNamed { children } => Text::new(
            s({
            format!("familjen har {children} barn; ange vilket barn")
        }),
            s({
            format!("the family has {children} children; name the child")
        }),
        ),
        K::NotAChild {
            child,
            family_ref,
            children,
        } => Text::new(
            s(format!(
            "\"{child}\" är inget barn i {family_ref}; barnen är: {}",
            children.join(", ")
        )),
            s(format!(
            "\"{child}\" is not a child of {family_ref}; the children are: {}",
            children.join(", ")
        )),
        ),
        K::NotAProgrammeVisit {
            visit_no,
            programme,
            visits,
        } => Text::new(
            s(format!(
            "{visit_no} är inget besök i programmet {programme} (det har {visits}); skriv extra för ett extra besök"
        )),
            s(format!(
            "{visit_no} is not a visit of programme {programme} (it has {visits}); use extra for an extra visit"
        )),
        ),
        K::StaffNamedTwice { name } => Text::new(
            s(format!("{name} står två gånger")),
            s(format!("{name} is named twice")),
        ),
        K::NotOnStaff { name } => Text::new(
            s({
            format!("{name} finns inte i personallistan; importera personalen först")
        }),
            s({
            format!("{name} is not on the staff list; import staff first")
        }),
        ),
        K::NotAnInterpreter { name, role } => Text::new(
            s({
            format!(
                "{name} är registrerad som {}, inte som tolk",
                crate::i18n::labels::role(*role).sv
            )
        }),
            s({
            format!("{name} is registered as {}, not interpreter", role.as_str())
        }),
        ),
        K::InterpreterNotOnStaff { name } => Text::new(
            s(format!(
            "{name} finns inte i personallistan; skriv namnet på en tolk i personalen eller extern"
        )),
            s({
            format!("{name} is not on the staff list; write a staff interpreter's name or external")
        }),
        ),
        K::InterpreterLanguageMissing => Text::new(
            s("är tom men en tolk är angiven; ange språket".into()),
            s({
            "is empty but an interpreter is named; give the language".into()
        }),
        ),
        K::NotHappenedYet { status, start } => Text::new(
            s(format!(
            "är {}, men besöket {} har inte ägt rum än",
            crate::i18n::labels::visit_status(*status).sv,
            start.format("%Y-%m-%d %H:%M")
        )),
            s(format!(
            "is {}, but the visit at {} has not happened yet",
            status.as_str(),
            start.format("%Y-%m-%d %H:%M")
        )),
        ),
        K::Conflict(c) => Text::new(
            s(conflict_fact(c, Lang::Sv)),
            s(conflict_fact(c, Lang::En)),
        ),
        K::SameVisitInFile { first_line } => Text::new(
            s(format!(
            "samma barn, besöksnummer och start som rad {first_line}: samma besök två gånger; behåll en av raderna"
        )),
            s(format!(
            "the same child, visit number and start as line {first_line}: the same visit twice; keep one of the rows"
        )),
        ),
        K::SessionCount { text } => Text::new(
            s({
            format!("\"{text}\" är inte ett antal träffar; skriv ett heltal från 1 till 52")
        }),
            s({
            format!("\"{text}\" is not a number of sessions; write a whole number from 1 to 52")
        }),
        ),
        K::Capacity { text } => Text::new(
            s({
            format!("\"{text}\" är inte ett antal platser; skriv ett antal familjer från 1 till 50")
        }),
            s({
            format!("\"{text}\" is not a capacity; write a number of families from 1 to 50")
        }),
        ),
        K::TooManyThemes { themes, sessions } => Text::new(
            s(format!(
            "anger {themes} teman för {sessions} träffar; ge ett tema per träff, i ordning"
        )),
            s(format!(
            "names {themes} themes for {sessions} sessions; give one theme per session, in order"
        )),
        ),
        K::TooFewDates { wanted, found } => Text::new(
            s(format!(
            "bara {found} av {wanted} veckoträffar ryms inom två år (helgdagar och ledarnas lediga dagar hoppas över); kontrollera veckodagen eller ledarna"
        )),
            s(format!(
            "only {found} of {wanted} weekly sessions fit within two years (holidays and the leaders' days off are skipped); check the weekday or the leaders"
        )),
        ),
        K::SessionConflict { start, conflict } => Text::new(
            s(format!(
            "träffen {}: {}",
            start.format("%Y-%m-%d %H:%M"),
            conflict_fact(conflict, Lang::Sv)
        )),
            s(format!(
            "the session at {}: {}",
            start.format("%Y-%m-%d %H:%M"),
            conflict_fact(conflict, Lang::En)
        )),
        ),
        K::OverCapacity { members, capacity } => Text::new(
            s({
            format!("anger {members} familjer men gruppen har {capacity} platser")
        }),
            s({
            format!("names {members} families but the capacity is {capacity}")
        }),
        ),
        K::GroupNotRegistered { name } => Text::new(
            s(format!(
            "det finns ingen föräldragrupp som heter \"{name}\"; importera den först med import groups"
        )),
            s({
            format!(
                "there is no parent group called \"{name}\"; import it with import groups first"
            )
        }),
        ),
        K::NoSessionOn { group, date } => Text::new(
            s({
            format!("{group} har ingen träff {date}; kontrollera datumet")
        }),
            s({
            format!("{group} has no session on {date}; check the date")
        }),
        ),
        K::SessionsOnSameDay { group, date } => Text::new(
            s({
            format!("{group} har mer än en träff {date}; registrera dem i appen")
        }),
            s({
            format!("{group} has more than one session on {date}; mark them in the app")
        }),
        ),
        K::NotAMember {
            family_ref,
            group,
            date,
        } => Text::new(
            s(format!("{family_ref} var inte medlem i {group} {date}")),
            s(format!("{family_ref} was not a member of {group} on {date}")),
        ),
        K::CancelledNamesFamily => Text::new(
            s({
            "ska vara tom på en inställd rad: inställd gäller hela träffen".into()
        }),
            s({
            "must be empty on a cancelled row: cancelled is for the whole session".into()
        }),
        ),
        K::MarkOnCancelled { line } => Text::new(
            s(format!(
            "träffen är inställd på rad {line}, så den kan inte också ha närvaro; behåll det ena eller det andra"
        )),
            s(format!(
            "the session is cancelled on line {line}, so it cannot also have marks; keep one or the other"
        )),
        ),
        K::SessionCancelled { date } => Text::new(
            s({
            format!("träffen {date} är inställd, så den har ingen närvaro")
        }),
            s({
            format!("the session on {date} is cancelled, so it has no attendance")
        }),
        ),
        K::CancelledHasMarks { date } => Text::new(
            s(format!(
            "träffen {date} har redan närvaro; en inställd träff har ingen, så ta bort den i appen först"
        )),
            s(format!(
            "the session on {date} already has marks; a cancelled session has none, so clear them in the app first"
        )),
        ),
        K::SessionNotYet { date } => Text::new(
            s(format!("träffen {date} har inte ägt rum än")),
            s({
            format!("the session on {date} has not taken place yet")
        }),
        ),
        K::Adults {
            text,
            present: true,
        } => Text::new(
            s({
            format!("\"{text}\" är inte antal vuxna; skriv 1 eller 2")
        }),
            s({
            format!("\"{text}\" is not adults present; write 1 or 2")
        }),
        ),
        K::Adults { text, .. } => Text::new(
            s({
            format!("\"{text}\": bara en närvarande familj har vuxna med; lämna tomt")
        }),
            s({
            format!("\"{text}\": only a present family has adults present; leave it empty")
        }),
        ),
        K::Dropins { text } => Text::new(
            s({
            format!("\"{text}\" är inte ett antal drop-in; skriv ett heltal från 0 till 100")
        }),
            s({
            format!("\"{text}\" is not a number of drop-ins; write a whole number from 0 to 100")
        }),
        ),
        K::DropinsDiffer { first_line } => Text::new(
            s(format!(
            "skiljer sig från drop-in för samma träff på rad {first_line}; ange dem på en rad"
        )),
            s(format!(
            "differs from the drop-ins of the same session on line {first_line}; give them on one row"
        )),
        ),

        }
    }
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

/// The weeks each imported series skips, a line per series as the new-series form says them
/// (`Julgruppen hoppar över 2030-12-24 julafton; första träffen blir 2030-12-31`), each line
/// starting with a newline; nothing when none skips a week.
fn series_skips(skips: &[crate::ops::import::SeriesSkips], lang: Lang) -> String {
    let mut out = String::new();
    for s in skips {
        let weeks: Vec<String> = s
            .skipped
            .iter()
            .map(|(day, why)| format!("{day} {}", crate::i18n::labels::skip(why).get(lang)))
            .collect();
        let weeks = weeks.join(", ");
        let moved = s.moved_to.map_or_else(String::new, |first| match lang {
            Lang::Sv => format!("; första träffen blir {first}"),
            Lang::En => format!("; its first session is {first}"),
        });
        let line = match lang {
            Lang::Sv => format!("{} hoppar över {weeks}{moved}", s.group),
            Lang::En => format!("{} skips {weeks}{moved}", s.group),
        };
        out.push('\n');
        out.push_str(&line);
    }
    out
}

impl Summary {
    /// The line printed after a good import of `file`, and a line for each series that skips
    /// a week.
    pub fn render(self, file: &Path, lang: Lang) -> String {
        let file = file.display();
        match (self, lang) {
            (
                Summary::Groups {
                    groups,
                    sessions,
                    members,
                    skipped,
                },
                Lang::En,
            ) => format!(
                "imported {groups} parent {} ({sessions} {}, {members} {}) from {file}{}",
                plural(groups, "group", "groups"),
                plural(sessions, "session", "sessions"),
                plural(members, "member", "members"),
                series_skips(&skipped, lang),
            ),
            (
                Summary::Groups {
                    groups,
                    sessions,
                    members,
                    skipped,
                },
                Lang::Sv,
            ) => format!(
                "importerade {groups} {} ({sessions} {}, {members} {}) från {file}{}",
                plural(groups, "föräldragrupp", "föräldragrupper"),
                plural(sessions, "träff", "träffar"),
                plural(members, "medlem", "medlemmar"),
                series_skips(&skipped, lang),
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
pub fn character_name(c: char) -> Text {
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
    Text::new(format!("{sv} ({code})"), format!("{en} ({code})"))
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
            one.clone().render(file, Lang::En),
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
