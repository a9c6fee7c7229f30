//! What is said while a database is opened and about its encryption: the passphrase prompts,
//! why no key could be had, a wait for a whole-file command, an upgrade, and what `encrypt`,
//! `decrypt` and `rekey` did.

use std::path::Path;

use crate::i18n::{Lang, Text};
use crate::ops::key::KeyError;

/// The question for an existing database's passphrase.
pub fn ask_passphrase(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Lösenfras för {}: ", path.display()),
        Lang::En => format!("Passphrase for {}: ", path.display()),
    }
}

/// The two questions for a new passphrase.
pub fn ask_new_passphrase(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Sv => ("Ny lösenfras: ", "Samma lösenfras igen: "),
        Lang::En => ("New passphrase: ", "The same passphrase again: "),
    }
}

/// After a wrong passphrase in the app, with the tries left.
pub fn try_again(left: u32, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Fel lösenfras; försök igen ({left} försök kvar)"),
        Lang::En => format!("Wrong passphrase; try again ({left} left)"),
    }
}

/// Said once when a window or a command must wait for a whole-file command to finish.
pub fn waiting_for_whole_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => {
            "Väntar: databasen skrivs om av ett kommando för hela filen (encrypt, decrypt, rekey, restore eller retention --apply) …"
        }
        Lang::En => {
            "Waiting: the database is being rewritten by a whole-file command (encrypt, decrypt, rekey, restore or retention --apply) …"
        }
    }
}

/// Said before a database made by an earlier version is upgraded to this one's schema, which
/// takes about a minute for a region's file.
pub fn upgrading(path: &Path, from: i64, to: i64, lang: Lang) -> String {
    let path = crate::domain::text::clean(&path.display().to_string()).into_owned();
    match lang {
        Lang::Sv => format!(
            "Uppgraderar {path} till den här versionens schema ({from} → {to}); en stor fil tar någon minut …"
        ),
        Lang::En => format!(
            "Upgrading {path} to this version's schema ({from} → {to}); a large file takes a minute …"
        ),
    }
}

/// After `encrypt`: the earlier backups that are still plain copies, and what to do.
pub fn plain_backups(paths: &[std::path::PathBuf], lang: Lang) -> String {
    let list: String = paths.iter().fold(String::new(), |mut list, p| {
        list.push_str("\n  ");
        list.push_str(&crate::domain::text::clean(&p.display().to_string()));
        list
    });
    match lang {
        Lang::Sv => format!(
            "Obs: de här tidigare säkerhetskopiorna är inte krypterade och har alla namn i klartext. Kryptera var och en med `hembesok --db SÖKVÄG encrypt`, eller ta bort dem:{list}"
        ),
        Lang::En => format!(
            "Note: these earlier backups are not encrypted and hold every name in plain text. Encrypt each with `hembesok --db PATH encrypt`, or delete them:{list}"
        ),
    }
}

/// Why no key could be had, in the language.
pub fn key_error(e: &KeyError, lang: Lang) -> String {
    let t = match e {
        KeyError::Unreadable { path, cause } => Text::new(
            format!(
                "kan inte läsa nyckelfilen {}: {}",
                path.display(),
                crate::i18n::io::cause(cause).sv
            ),
            format!(
                "cannot read the key file {}: {}",
                path.display(),
                crate::i18n::io::cause(cause).en
            ),
        ),
        KeyError::TooOpen { path, mode } => Text::new(
            format!(
                "nyckelfilen {} kan läsas av andra (rättigheter {mode:o}); gör den privat med `chmod 600 {}`",
                path.display(),
                path.display()
            ),
            format!(
                "the key file {} can be read by others (mode {mode:o}); make it private with `chmod 600 {}`",
                path.display(),
                path.display()
            ),
        ),
        KeyError::EmptyFile { path } => Text::new(
            format!("nyckelfilen {} är tom", path.display()),
            format!("the key file {} is empty", path.display()),
        ),
        KeyError::NotUtf8 { path } => Text::new(
            format!("nyckelfilen {} är inte text i UTF-8", path.display()),
            format!("the key file {} is not UTF-8 text", path.display()),
        ),
        KeyError::NoTerminal => Text::new(
            "en lösenfras behövs, men det finns ingen terminal att fråga i; ange --key-file SÖKVÄG eller HEMBESOK_KEY_FILE",
            "a passphrase is needed, and there is no terminal to ask on; give --key-file PATH or HEMBESOK_KEY_FILE",
        ),
        KeyError::Mismatch => Text::new(
            "de två lösenfraserna var olika; inget ändrades",
            "the two passphrases differ; nothing was changed",
        ),
        KeyError::TooShort { min } => Text::new(
            format!(
                "en ny lösenfras behöver minst {min} tecken; flera ord är bäst (en kort lösenfras går att gissa sig till)"
            ),
            format!(
                "a new passphrase needs at least {min} characters; several words are best (a short one can be guessed)"
            ),
        ),
        KeyError::EmptyPassphrase => Text::new(
            "en tom lösenfras går inte att använda; inget ändrades",
            "an empty passphrase cannot be used; nothing was changed",
        ),
        KeyError::Terminal(cause) => Text::new(
            format!("kan inte läsa från terminalen: {cause}"),
            format!("cannot read from the terminal: {cause}"),
        ),
        KeyError::TooManyTries => Text::new(
            "fel lösenfras tre gånger; appen avslutas utan att ha öppnat databasen",
            "wrong passphrase three times; the app stops without opening the database",
        ),
    };
    t.get(lang).to_string()
}

/// What `encrypt`, `decrypt` or `rekey` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Converted {
    Encrypted,
    Decrypted,
    Rekeyed,
}

pub fn converted(what: Converted, path: &Path, lang: Lang) -> String {
    let p = path.display();
    let t = match what {
        Converted::Encrypted => Text::new(
            format!(
                "{p} är nu krypterad. Förvara lösenfrasen säkert: utan den går uppgifterna inte att läsa, inte heller i säkerhetskopiorna"
            ),
            format!(
                "{p} is now encrypted. Keep the passphrase safe: without it the data cannot be read, backups included"
            ),
        ),
        Converted::Decrypted => Text::new(
            format!("{p} är inte längre krypterad"),
            format!("{p} is no longer encrypted"),
        ),
        Converted::Rekeyed => Text::new(
            format!(
                "{p} har en ny lösenfras; den gamla öppnar den inte längre (äldre säkerhetskopior behåller den gamla)"
            ),
            format!(
                "{p} has a new passphrase; the old one no longer opens it (older backups keep the old one)"
            ),
        ),
    };
    t.get(lang).to_string()
}

/// The English words, for error chains; `key_error` has both languages.
impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&key_error(self, Lang::En))
    }
}

impl std::error::Error for KeyError {}
