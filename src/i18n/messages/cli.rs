//! What the subcommands say, in Swedish or English: their errors (typed here, raised by
//! `commands`, rendered at the edge in `main.rs`), summaries and report lines.

mod key;
mod output;

use std::fmt;

pub use key::{
    Converted, ask_new_passphrase, ask_passphrase, converted, key_error, plain_backups, try_again,
    upgrading, waiting_for_whole_file,
};
pub use output::{
    Done, audit_empty, audit_subject, chain_warning, check_counts, check_line, check_name,
    extract_header, extract_visit, extract_visits_heading, initialised,
};

use crate::db::DbError;
pub use crate::error::CommandError;
use crate::i18n::Lang;
use crate::i18n::input::week_error;

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
            E::BadClock { text } => {
                format!("HEMBESOK_NOW \"{text}\" is not a time; write YYYY-MM-DD HH:MM")
            }
            E::NoTerminal => "the app needs a terminal to draw in; in scripts, use a subcommand (see hembesok --help)".into(),
            E::CannotOpenDatabase(e) => format!("cannot open the database: {}", db(e)),
            E::NoSubcommand => "no subcommand given; see hembesok --help".into(),
            E::ImportTooLarge { path, max_mb } => format!(
                "{} is larger than {max_mb} MB, more than any register needs; split it into smaller files; nothing was imported",
                path.display()
            ),
            E::CannotRead { path, cause } => format!(
                "cannot read {}: {}",
                path.display(),
                crate::i18n::io::cause(cause).en
            ),
            E::NotUtf8 { path, line } => format!(
                "{}: line {line}: the file is not UTF-8; save it from Excel as \"CSV UTF-8\"",
                path.display()
            ),
            E::ImportRefused { path, problems } => {
                super::import::refused(path, *problems, Lang::En)
            }
            E::ImportFailed(e) => format!("nothing was imported: {}", db(e)),
            E::Op(e) => super::outcome::ops_error(e).en,
            E::NotADate { flag, text } => {
                format!("{flag} \"{text}\" is not a date; write YYYY-MM-DD")
            }
            E::BadWeek { text, error } => format!("--week: {}", week_error(*error, text, Lang::En)),
            E::BadQuarter { text, error } => format!(
                "--quarter: {}",
                crate::i18n::report::quarter_error(*error, text, Lang::En)
            ),
            E::BadYear { text, error } => format!(
                "--year: {}",
                crate::i18n::report::year_error(*error, text, Lang::En)
            ),
            E::ToBeforeFrom { from, to } => format!("--to {to} is before --from {from}"),
            E::NotAHead { text } => format!(
                "--head \"{}\" is not a chain head; give ROWID:HASH as `hembesok audit --head` prints it (the hash is 64 hexadecimal digits)",
                crate::domain::text::clean(text)
            ),
            E::NotRepairable => "the damage is not in the indexes alone, so rebuilding them cannot mend it; nothing was changed. Restore a backup with `hembesok restore`".into(),
            E::NoSuchGroup { group } => format!(
                "there is no group \"{}\" on this computer; make it first, e.g. `groupadd {}`, and add each person with `usermod -aG {} NAME`",
                crate::domain::text::clean(group), crate::domain::text::clean(group), crate::domain::text::clean(group)
            ),
            E::NotInitialised { path, cause } => format!(
                "{}: could not set it up ({cause}); run `hembesok init` as the user who may create it (root, or the folder's owner)",
                path.display()
            ),
            E::CalendarWhoAndWhere => {
                "give --staff ID|NAME with --out FILE, or --all with --dir DIR".into()
            }
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
            E::NotConverted(e) => format!("the database was left as it was: {}", db(e)),
            E::DemoNotEmpty { families, staff } => format!(
                "the database already holds {families} families and {staff} staff; demo data goes into a new file (give another --db), or pass --force to add to this one"
            ),
            E::DemoNeverEncrypted => "the demo database is never encrypted; leave out --demo to work on your own database".into(),
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
            E::BadClock { text } => {
                format!("HEMBESOK_NOW \"{text}\" är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM")
            }
            E::NoTerminal => "appen behöver en terminal att rita i; använd ett kommando i skript (se hembesok --help)".into(),
            E::CannotOpenDatabase(e) => format!("kan inte öppna databasen: {}", db(e)),
            E::NoSubcommand => "inget kommando angivet; se hembesok --help".into(),
            E::ImportTooLarge { path, max_mb } => format!(
                "{} är större än {max_mb} MB, mer än något register behöver; dela upp den i mindre filer; inget importerades",
                path.display()
            ),
            E::CannotRead { path, cause } => format!(
                "kan inte läsa {}: {}",
                path.display(),
                crate::i18n::io::cause(cause).sv
            ),
            E::NotUtf8 { path, line } => format!(
                "{}: rad {line}: filen är inte UTF-8; spara den från Excel som \"CSV UTF-8\"",
                path.display()
            ),
            E::ImportRefused { path, problems } => {
                super::import::refused(path, *problems, Lang::Sv)
            }
            E::ImportFailed(e) => format!("inget importerades: {}", db(e)),
            E::Op(e) => super::outcome::ops_error(e).sv,
            E::NotADate { flag, text } => {
                format!("{flag} \"{text}\" är inget datum; skriv ÅÅÅÅ-MM-DD")
            }
            E::BadWeek { text, error } => format!("--week: {}", week_error(*error, text, Lang::Sv)),
            E::BadQuarter { text, error } => format!(
                "--quarter: {}",
                crate::i18n::report::quarter_error(*error, text, Lang::Sv)
            ),
            E::BadYear { text, error } => format!(
                "--year: {}",
                crate::i18n::report::year_error(*error, text, Lang::Sv)
            ),
            E::ToBeforeFrom { from, to } => format!("--to {to} är före --from {from}"),
            E::NotAHead { text } => format!(
                "--head \"{}\" är inget kedjehuvud; ange RADID:KONTROLLSUMMA som `hembesok audit --head` skriver ut det (kontrollsumman är 64 hexadecimala siffror)",
                crate::domain::text::clean(text)
            ),
            E::NotRepairable => "skadan sitter inte bara i indexen, så att bygga om dem kan inte laga den; inget ändrades. Återställ en säkerhetskopia med `hembesok restore`".into(),
            E::NoSuchGroup { group } => format!(
                "det finns ingen grupp \"{}\" på den här datorn; skapa den först, t.ex. `groupadd {}`, och lägg till varje person med `usermod -aG {} NAMN`",
                crate::domain::text::clean(group), crate::domain::text::clean(group), crate::domain::text::clean(group)
            ),
            E::NotInitialised { path, cause } => format!(
                "{}: kunde inte ställas i ordning ({cause}); kör `hembesok init` som den användare som får skapa den (root, eller mappens ägare)",
                path.display()
            ),
            E::CalendarWhoAndWhere => {
                "ange --staff ID|NAMN med --out FIL, eller --all med --dir MAPP".into()
            }
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
            E::NotConverted(e) => format!("databasen lämnades som den var: {}", db(e)),
            E::DemoNotEmpty { families, staff } => format!(
                "databasen innehåller redan {families} familjer och {staff} i personalen; demodata läggs i en ny fil (ange en annan --db), eller ange --force för att lägga till i den här"
            ),
            E::DemoNeverEncrypted => "demodatabasen krypteras aldrig; utelämna --demo för att arbeta i din egen databas".into(),
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

/// A database error in the language; SQLite's and the operating system's own words are
/// quoted as they come.
pub fn db_error(e: &DbError, lang: Lang) -> String {
    super::outcome::db_error(e).get(lang).to_string()
}

/// A broken config file, said as the app's first message (the defaults are used meanwhile).
pub fn config_problem(p: &crate::config::ConfigProblem) -> crate::i18n::Text {
    use crate::config::ConfigProblemKind as K;
    let place = |word: &str| {
        let file = p
            .path
            .as_ref()
            .map_or(String::new(), |f| format!("{}: ", f.display()));
        match &p.key {
            Some(key) => format!("{file}{word} {}: {key}: ", p.line),
            None => format!("{file}{word} {}: ", p.line),
        }
    };
    let (sv, en) = match &p.kind {
        K::WrongValue { found, expected } => {
            let key = p.key.as_deref().unwrap_or("");
            match expected {
                crate::config::Expected::WholeNumber => (
                    format!(
                        "värdet {found} duger inte, här ska stå ett heltal från 0 och uppåt, \
                         t.ex. {key} = 7"
                    ),
                    format!(
                        "the value {found} will not do, this setting takes a whole number \
                         from 0 up, like {key} = 7"
                    ),
                ),
                crate::config::Expected::Text => (
                    format!(
                        "värdet {found} duger inte, här ska stå text inom citattecken, \
                         t.ex. {key} = \"…\""
                    ),
                    format!(
                        "the value {found} will not do, this setting takes text in quotes, \
                         like {key} = \"…\""
                    ),
                ),
            }
        }
        K::UnknownKey => {
            let keys = crate::config::KEYS.join(", ");
            (
                format!("ingen sådan inställning, de som finns är {keys}"),
                format!("no such setting, the settings are {keys}"),
            )
        }
        K::DuplicateKey => (
            "inställningen står två gånger".to_string(),
            "the setting is written twice".to_string(),
        ),
        K::Syntax => (
            "raden går inte att läsa, skriv nyckel = värde med text inom citattecken".to_string(),
            "the line cannot be read, write key = value with text in quotes".to_string(),
        ),
        K::NotALanguage(lang) => (
            format!("\"{lang}\" är varken sv eller en"),
            format!("\"{lang}\" is not sv or en"),
        ),
    };
    crate::i18n::Text::new(
        format!("{}{sv}; standardinställningarna gäller", place("rad")),
        format!("{}{en}; using the defaults", place("line")),
    )
}

/// Why no demo data was made, as the error a command or the app stops with.
pub fn demo_error(e: crate::ops::demo::DemoError) -> crate::error::Error {
    use crate::ops::demo::DemoError;
    match e {
        DemoError::NotEmpty { families, staff } => {
            CommandError::DemoNotEmpty { families, staff }.into()
        }
        DemoError::BrokenAsset(what) => CommandError::BrokenAsset(what).into(),
        DemoError::Db(e) => e.into(),
    }
}

/// The error a run ended with, in the user's language: every kind of it, typed.
pub fn error(err: &crate::error::Error, lang: Lang) -> String {
    use crate::error::Error;
    match err {
        Error::Command(e) => e.render(lang),
        Error::Db(e) => db_error(e, lang),
        Error::Key(e) => key_error(e, lang),
        Error::Ops(e) => super::outcome::ops_error(e).get(lang).to_string(),
        Error::Output(e) => {
            let cause = crate::i18n::io::cause(e);
            match lang {
                Lang::Sv => format!("kunde inte skriva till terminalen: {}", cause.sv),
                Lang::En => format!("could not write to the terminal: {}", cause.en),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_error_reaches_main_in_the_language() {
        use crate::error::Error;
        let err: Error = CommandError::NoSuchFamily {
            family_ref: "NOPE".into(),
        }
        .into();
        assert_eq!(error(&err, Lang::En), "no family with reference \"NOPE\"");
        assert_eq!(
            error(&err, Lang::Sv),
            "ingen familj har referensen \"NOPE\""
        );
        let db: Error = DbError::Damaged.into();
        assert!(error(&db, Lang::Sv).starts_with("databasfilen är skadad"));
        // A use case's refusal, which once fell through to English.
        let ops: Error = crate::ops::OpsError::Refused(crate::ops::Refusal::FamilyGone).into();
        assert_ne!(error(&ops, Lang::Sv), error(&ops, Lang::En));
        let key: Error = crate::ops::key::KeyError::TooManyTries.into();
        assert_ne!(error(&key, Lang::Sv), error(&key, Lang::En));
    }

    #[test]
    fn check_lines_keep_their_columns_in_either_language() {
        use crate::db::{CheckDetail, CheckItem, CheckName};
        let ok = CheckItem {
            name: CheckName::IntegrityCheck,
            ok: true,
            detail: CheckDetail::Ok,
        };
        assert_eq!(check_line(&ok, Lang::En), "full check         ok");
        assert_eq!(check_line(&ok, Lang::Sv), "full kontroll      ok");
        let newer = CheckItem {
            name: CheckName::SchemaVersion,
            ok: false,
            detail: CheckDetail::SchemaVersion {
                found: 9,
                supported: 4,
            },
        };
        assert_eq!(
            check_line(&newer, Lang::Sv),
            "schemaversion      FEL  9 (det här programmet: 4)"
        );
    }
}
