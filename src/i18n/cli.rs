//! What the subcommands say, in Swedish or English: their errors (typed here, raised by
//! `commands`, rendered at the edge in `main.rs`), summaries and report lines.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::Lang;
use super::input::week_error;
use crate::db::DbError;
use crate::domain::calendar::WeekError;

/// Why a subcommand stopped. Carried through `anyhow` to `main`, which renders it in the
/// user's language; its `Display` is the English text, for callers that have no language.
#[derive(Debug)]
pub enum CommandError {
    NoHomeFolder,
    CannotOpenDatabase(DbError),
    NoSubcommand,
    CannotRead {
        path: PathBuf,
        cause: std::io::Error,
    },
    NotUtf8 {
        path: PathBuf,
        line: u64,
    },
    ImportRefused {
        path: PathBuf,
        problems: usize,
    },
    /// The database failed during an import; nothing was written.
    ImportFailed(DbError),
    NotADate {
        flag: &'static str,
        text: String,
    },
    BadWeek {
        text: String,
        error: WeekError,
    },
    ToBeforeFrom {
        from: NaiveDate,
        to: NaiveDate,
    },
    NoSuchStaff {
        who: String,
    },
    NoFileName {
        path: PathBuf,
    },
    CannotWrite {
        path: PathBuf,
        cause: std::io::Error,
    },
    CalendarNotWritten(Box<CommandError>),
    NoSuchFamily {
        family_ref: String,
    },
    NoSuchDatabase {
        path: PathBuf,
    },
    ChecksFailed {
        failed: usize,
        total: usize,
    },
    BackupNotWritten(DbError),
    NothingRestored(DbError),
    DemoNotEmpty {
        families: i64,
        staff: i64,
    },
    /// A file shipped inside the binary does not load: a build mistake, not the user's.
    BrokenAsset(String),
}

impl CommandError {
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.render_en(),
            Lang::Sv => self.render_sv(),
        }
    }

    fn render_en(&self) -> String {
        use CommandError as E;
        let db = |e: &DbError| db_error(e, Lang::En);
        match self {
            E::NoHomeFolder => {
                "no home folder to keep the database in; give one with --db PATH".into()
            }
            E::CannotOpenDatabase(e) => format!("cannot open the database: {}", db(e)),
            E::NoSubcommand => "no subcommand given; see hembesok --help".into(),
            E::CannotRead { path, cause } => format!("cannot read {}: {cause}", path.display()),
            E::NotUtf8 { path, line } => format!(
                "{}: line {line}: the file is not UTF-8; save it from Excel as \"CSV UTF-8\"",
                path.display()
            ),
            E::ImportRefused { path, problems } => {
                super::import::refused(path, *problems, Lang::En)
            }
            E::ImportFailed(e) => format!("nothing was imported: {}", db(e)),
            E::NotADate { flag, text } => {
                format!("{flag} \"{text}\" is not a date; write YYYY-MM-DD")
            }
            E::BadWeek { text, error } => format!("--week: {}", week_error(*error, text, Lang::En)),
            E::ToBeforeFrom { from, to } => format!("--to {to} is before --from {from}"),
            E::NoSuchStaff { who } => format!(
                "no staff member \"{who}\"; give the id or the name as on the staff list (hembesok import staff)"
            ),
            E::NoFileName { path } => format!("{}: give a file name", path.display()),
            E::CannotWrite { path, cause } => format!("cannot write {}: {cause}", path.display()),
            E::CalendarNotWritten(e) => format!("calendar not written: {}", e.render_en()),
            E::NoSuchFamily { family_ref } => format!("no family with reference \"{family_ref}\""),
            E::NoSuchDatabase { path } => format!(
                "{}: no such database; check the path, or create one with `hembesok demo` or `hembesok import`",
                path.display()
            ),
            E::ChecksFailed { failed, total } => format!(
                "{failed} of {total} checks failed; restore from a backup or ask for help before writing more"
            ),
            E::BackupNotWritten(e) => format!("backup not written: {}", db(e)),
            E::NothingRestored(e) => format!("nothing was restored: {}", db(e)),
            E::DemoNotEmpty { families, staff } => format!(
                "the database already holds {families} families and {staff} staff; demo data goes into a new file (give another --db), or pass --force to add to this one"
            ),
            E::BrokenAsset(what) => format!("a file shipped with hembesok is broken: {what}"),
        }
    }

    fn render_sv(&self) -> String {
        use CommandError as E;
        let db = |e: &DbError| db_error(e, Lang::Sv);
        match self {
            E::NoHomeFolder => {
                "det finns ingen hemmapp att spara databasen i; ange en med --db SÖKVÄG".into()
            }
            E::CannotOpenDatabase(e) => format!("kan inte öppna databasen: {}", db(e)),
            E::NoSubcommand => "inget kommando angivet; se hembesok --help".into(),
            E::CannotRead { path, cause } => format!("kan inte läsa {}: {cause}", path.display()),
            E::NotUtf8 { path, line } => format!(
                "{}: rad {line}: filen är inte UTF-8; spara den från Excel som \"CSV UTF-8\"",
                path.display()
            ),
            E::ImportRefused { path, problems } => {
                super::import::refused(path, *problems, Lang::Sv)
            }
            E::ImportFailed(e) => format!("inget importerades: {}", db(e)),
            E::NotADate { flag, text } => {
                format!("{flag} \"{text}\" är inget datum; skriv ÅÅÅÅ-MM-DD")
            }
            E::BadWeek { text, error } => format!("--week: {}", week_error(*error, text, Lang::Sv)),
            E::ToBeforeFrom { from, to } => format!("--to {to} är före --from {from}"),
            E::NoSuchStaff { who } => format!(
                "ingen i personalen heter \"{who}\"; ange id eller namnet som i personallistan (hembesok import staff)"
            ),
            E::NoFileName { path } => format!("{}: ange ett filnamn", path.display()),
            E::CannotWrite { path, cause } => {
                format!("kan inte skriva {}: {cause}", path.display())
            }
            E::CalendarNotWritten(e) => format!("kalendern skrevs inte: {}", e.render_sv()),
            E::NoSuchFamily { family_ref } => {
                format!("ingen familj har referensen \"{family_ref}\"")
            }
            E::NoSuchDatabase { path } => format!(
                "{}: databasen finns inte; kontrollera sökvägen, eller skapa en med `hembesok demo` eller `hembesok import`",
                path.display()
            ),
            E::ChecksFailed { failed, total } => format!(
                "{failed} av {total} kontroller misslyckades; återställ från en säkerhetskopia eller be om hjälp innan något mer skrivs"
            ),
            E::BackupNotWritten(e) => format!("säkerhetskopian skrevs inte: {}", db(e)),
            E::NothingRestored(e) => format!("inget återställdes: {}", db(e)),
            E::DemoNotEmpty { families, staff } => format!(
                "databasen innehåller redan {families} familjer och {staff} i personalen; demodata läggs i en ny fil (ange en annan --db), eller ange --force för att lägga till i den här"
            ),
            E::BrokenAsset(what) => format!("en fil som följer med hembesok är trasig: {what}"),
        }
    }
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for CommandError {}

/// A database error. Its fixed parts are said in the language; the reasons the store gives as
/// free text (and SQLite's and the operating system's own words) are quoted as they come.
pub fn db_error(e: &DbError, lang: Lang) -> String {
    match (e, lang) {
        (_, Lang::En) => e.to_string(),
        (
            DbError::TooNew {
                path,
                found,
                supported,
            },
            Lang::Sv,
        ) => format!(
            "{} skrevs av ett nyare hembesok (schemaversion {found}; det här programmet kan upp till {supported}); installera det nyare hembesok",
            path.display()
        ),
        (DbError::BadValue(what), Lang::Sv) => {
            format!("databasen innehåller ett värde som programmet inte kan läsa: {what}")
        }
        (DbError::Damaged, Lang::Sv) => "databasfilen är skadad (SQLite rapporterar den som trasig); inget skrevs. Kör `hembesok check` och återställ från en säkerhetskopia".into(),
        (DbError::Sqlite(text), Lang::Sv) => format!("databasfel: {text}"),
        (DbError::Refused { .. } | DbError::Io { .. } | DbError::Conflict(_), Lang::Sv) => {
            e.to_string()
        }
    }
}

/// An error that reached `main`, in the user's language: ours are typed and rendered; any
/// other (from the terminal app, say) is shown with its causes as it comes.
pub fn error(err: &anyhow::Error, lang: Lang) -> String {
    if let Some(e) = err.downcast_ref::<CommandError>() {
        e.render(lang)
    } else if let Some(e) = err.downcast_ref::<DbError>() {
        db_error(e, lang)
    } else {
        format!("{err:#}")
    }
}

/// What one check of `hembesok check` found, as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckDetail {
    Ok,
    SchemaVersion {
        found: i64,
        supported: i64,
    },
    BrokenReferences {
        count: usize,
        example: String,
    },
    /// SQLite's own words, or a value such as the application id: shown as they are.
    Quoted(String),
}

/// One line of `hembesok check`: the check's name, its verdict and what it found.
pub fn check_line(name: &str, ok: bool, detail: &CheckDetail, lang: Lang) -> String {
    let verdict = match (ok, lang) {
        (true, _) => "ok",
        (false, Lang::En) => "FAIL",
        (false, Lang::Sv) => "FEL",
    };
    let detail = match (detail, lang) {
        (CheckDetail::Ok, _) => "ok".to_string(),
        (CheckDetail::SchemaVersion { found, supported }, Lang::En) => {
            format!("{found} (this program: {supported})")
        }
        (CheckDetail::SchemaVersion { found, supported }, Lang::Sv) => {
            format!("{found} (det här programmet: {supported})")
        }
        (CheckDetail::BrokenReferences { count, example }, Lang::En) => {
            format!("{count} broken references, e.g. {example}")
        }
        (CheckDetail::BrokenReferences { count, example }, Lang::Sv) => {
            format!("{count} trasiga referenser, t.ex. {example}")
        }
        (CheckDetail::Quoted(text), _) => text.clone(),
    };
    format!("{name:<18} {verdict:<4} {detail}")
}

/// The closing line of a healthy `hembesok check`.
pub fn check_counts(c: &crate::db::Counts, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} families, {} children, {} staff, {} visits, {} group sessions",
            c.families, c.children, c.staff, c.visits, c.sessions
        ),
        Lang::Sv => format!(
            "{} familjer, {} barn, {} i personalen, {} besök, {} gruppträffar",
            c.families, c.children, c.staff, c.visits, c.sessions
        ),
    }
}

/// What an audit entry is about: a family by its reference, another record by kind and number.
pub fn audit_subject(
    entity: &str,
    id: Option<i64>,
    family_ref: Option<&str>,
    lang: Lang,
) -> String {
    let kind = match (entity, lang) {
        (_, Lang::En) => entity,
        ("family", Lang::Sv) => "familj",
        ("staff", Lang::Sv) => "personal",
        ("visit", Lang::Sv) => "besök",
        ("database", Lang::Sv) => "databas",
        (other, Lang::Sv) => other,
    };
    match (family_ref, id) {
        (Some(r), _) if entity == "family" => format!("{kind} {r}"),
        (_, Some(id)) => format!("{kind} #{id}"),
        (_, None) => kind.to_string(),
    }
}

pub fn audit_empty(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no entries",
        Lang::Sv => "inga poster",
    }
}

/// What a subcommand did, for its closing line on stdout.
#[derive(Debug, Clone)]
pub enum Done {
    Demo {
        families: u32,
        staff: u32,
        visits: u32,
        groups: u32,
        sessions: u32,
        seconds: f64,
    },
    DemoDatabase {
        path: PathBuf,
    },
    Backup {
        path: PathBuf,
    },
    Restored {
        families: i64,
        visits: i64,
        from: PathBuf,
        safety: PathBuf,
    },
    Calendar {
        visits: usize,
        from: NaiveDate,
        to: NaiveDate,
        path: PathBuf,
    },
}

impl Done {
    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Done::Demo {
                    families,
                    staff,
                    visits,
                    groups,
                    sessions,
                    seconds,
                },
                Lang::En,
            ) => format!(
                "created {families} families, {staff} staff, {visits} visits, {groups} parent groups with {sessions} sessions in {seconds:.2} s"
            ),
            (
                Done::Demo {
                    families,
                    staff,
                    visits,
                    groups,
                    sessions,
                    seconds,
                },
                Lang::Sv,
            ) => format!(
                "skapade {families} familjer, {staff} i personalen, {visits} besök, {groups} föräldragrupper med {sessions} träffar på {seconds:.2} s"
            ),
            (Done::DemoDatabase { path }, Lang::En) => format!("database: {}", path.display()),
            (Done::DemoDatabase { path }, Lang::Sv) => format!("databas: {}", path.display()),
            (Done::Backup { path }, Lang::En) => {
                format!("backup written and verified: {}", path.display())
            }
            (Done::Backup { path }, Lang::Sv) => {
                format!(
                    "säkerhetskopian är skriven och kontrollerad: {}",
                    path.display()
                )
            }
            (
                Done::Restored {
                    families,
                    visits,
                    from,
                    safety,
                },
                Lang::En,
            ) => format!(
                "restored {families} families and {visits} visits from {}; what was there before is saved in {}",
                from.display(),
                safety.display()
            ),
            (
                Done::Restored {
                    families,
                    visits,
                    from,
                    safety,
                },
                Lang::Sv,
            ) => format!(
                "återställde {families} familjer och {visits} besök från {}; det som fanns innan är sparat i {}",
                from.display(),
                safety.display()
            ),
            (
                Done::Calendar {
                    visits,
                    from,
                    to,
                    path,
                },
                Lang::En,
            ) => format!(
                "{visits} {} from {from} to {to} written to {}",
                if *visits == 1 { "visit" } else { "visits" },
                path.display()
            ),
            (
                Done::Calendar {
                    visits,
                    from,
                    to,
                    path,
                },
                Lang::Sv,
            ) => format!(
                "{visits} besök från {from} till {to} skrivna till {}",
                path.display()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_errors_reach_main_in_the_language() {
        let err: anyhow::Error = CommandError::NoSuchFamily {
            family_ref: "NOPE".into(),
        }
        .into();
        assert_eq!(error(&err, Lang::En), "no family with reference \"NOPE\"");
        assert_eq!(
            error(&err, Lang::Sv),
            "ingen familj har referensen \"NOPE\""
        );
        let db: anyhow::Error = DbError::Damaged.into();
        assert!(error(&db, Lang::Sv).starts_with("databasfilen är skadad"));
        let other = anyhow::anyhow!("the app needs a terminal");
        assert_eq!(error(&other, Lang::Sv), "the app needs a terminal");
    }

    #[test]
    fn check_lines_keep_their_columns() {
        assert_eq!(
            check_line("integrity_check", true, &CheckDetail::Ok, Lang::En),
            "integrity_check    ok   ok"
        );
        assert_eq!(
            check_line(
                "schema_version",
                false,
                &CheckDetail::SchemaVersion {
                    found: 9,
                    supported: 4
                },
                Lang::Sv
            ),
            "schema_version     FEL  9 (det här programmet: 4)"
        );
    }
}
