//! What the database answers: its errors, the files it refuses and the values it cannot read,
//! each in Swedish and English side by side; and their `Display` (the English), for error
//! chains at the edge of a command.

use crate::db::{BadValue, CheckName, DbError, Refusal};
use crate::i18n::{Lang, Text};

/// The names of the checks that failed, as `hembesok check` lists them.
fn names(checks: &[CheckName], lang: Lang) -> String {
    checks
        .iter()
        .map(|c| super::cli::check_name(*c, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Both languages of `format!`-style words: each arm below reads as its Swedish and English.
fn both(sv: String, en: String) -> Text {
    Text { sv, en }
}

pub fn db_error(e: &DbError) -> Text {
    match e {
        DbError::Refused { path, reason } => {
            let r = refusal(reason);
            let p = path.display();
            both(format!("{p} {}", r.sv), format!("{p} {}", r.en))
        }
        DbError::TooNew {
            path,
            found,
            supported,
        } => {
            let p = path.display();
            both(
                format!(
                    "{p} skrevs av en nyare hembesok (schemaversion {found}; detta program kan upp till {supported}); installera den nyare hembesok"
                ),
                format!(
                    "{p} was written by a newer hembesok (schema version {found}; this program knows up to {supported}); install the newer hembesok"
                ),
            )
        }
        DbError::Io { path, cause } => {
            let p = path.display();
            both(format!("{p}: {cause}"), format!("{p}: {cause}"))
        }
        DbError::Missing { path } => {
            let p = path.display();
            both(
                format!(
                    "{p}: här finns ingen databas; kontrollera sökvägen, eller skapa en med `hembesok import` eller `hembesok demo`"
                ),
                format!(
                    "{p}: there is no database here; check the path, or make one with `hembesok import` or `hembesok demo`"
                ),
            )
        }
        DbError::TooOld { path, found } => {
            let p = path.display();
            both(
                format!(
                    "{p} gjordes av en äldre hembesok (schemaversion {found}); öppna den en gång med appen eller ett kommando som skriver, så uppgraderas den"
                ),
                format!(
                    "{p} was made by an older hembesok (schema version {found}); open it once with the app or a command that writes, to upgrade it"
                ),
            )
        }
        DbError::WrongKey { path } => {
            let p = path.display();
            both(
                format!("{p}: fel lösenfras; inget öppnades eller ändrades"),
                format!("{p}: wrong passphrase; nothing was opened or changed"),
            )
        }
        DbError::ConvertUnverified(what) => both(
            format!(
                "den omskrivna kopian klarade inte kontrollen ({}); databasen lämnades som den var",
                names(what, Lang::Sv)
            ),
            format!(
                "the converted copy did not verify ({}); the database was left as it was",
                names(what, Lang::En)
            ),
        ),
        DbError::BadValue(v) => {
            let v = bad_value(v);
            both(
                format!(
                    "databasen har ett värde som programmet inte kan läsa: {}",
                    v.sv
                ),
                format!(
                    "the database holds a value this program cannot read: {}",
                    v.en
                ),
            )
        }
        DbError::DuplicateFamilyRef(r) => both(
            format!("referensen {r} finns redan"),
            format!("the family reference {r} is already registered"),
        ),
        DbError::DuplicateStaffName => Text::new(
            "det finns redan personal med det namnet",
            "a staff member with that name is already registered",
        ),
        DbError::FamilyGone => {
            Text::new("familjen finns inte längre", "the family no longer exists")
        }
        DbError::VisitGone => Text::new("besöket finns inte längre", "the visit no longer exists"),
        DbError::VisitNotPlanned => Text::new(
            "besöket är inte längre bokat (utfallet antecknades under tiden); inget ändrades",
            "the visit is no longer planned (its outcome was recorded meanwhile); nothing was changed",
        ),
        DbError::ProgrammeChanged { id, version } => both(
            format!(
                "programmet {id} version {version} finns redan med annat innehåll; höj `version` i den ändrade mallen"
            ),
            format!(
                "programme {id} version {version} is already stored with other content; raise `version` in the edited template"
            ),
        ),
        DbError::ReadOnlyDamaged => Text::new(
            "databasen klarade inte sin kontroll och är därför bara öppen för läsning; inget skrevs. Kör `hembesok check` och sedan `hembesok restore` från en säkerhetskopia",
            "the database failed its integrity check, so it is open for reading only; nothing was written. Run `hembesok check`, then `hembesok restore` from a backup",
        ),
        DbError::NoWal(mode) => both(
            format!("databasen kunde inte byta till WAL-journal (den svarar {mode})"),
            format!("the database could not switch to WAL journaling (it reports {mode})"),
        ),
        DbError::BackupUnverified(what) => both(
            format!(
                "säkerhetskopian klarade inte kontrollen ({}); inget ersattes",
                names(what, Lang::Sv)
            ),
            format!(
                "the backup did not verify ({}); nothing was replaced",
                names(what, Lang::En)
            ),
        ),
        DbError::Constraint(what) => both(
            format!("databasen vägrade ändringen: {what}"),
            format!("the database refused the change: {what}"),
        ),
        DbError::Damaged => Text::new(
            "databasfilen är skadad (SQLite säger att den är felaktig); inget skrevs. Kör `hembesok check` och återställ från en säkerhetskopia",
            "the database file is damaged (SQLite reports it malformed); nothing was written. Run `hembesok check` and restore from a backup",
        ),
        DbError::FileReplaced { path } => {
            let p = path.display();
            both(
                format!(
                    "{p} byttes ut eller togs bort av ett annat program medan detta hade den öppen; inget skrevs. Stäng det här fönstret eller kommandot och starta det igen"
                ),
                format!(
                    "{p} was replaced or removed by another program while this one had it open; nothing was written. Close this window or command and start it again"
                ),
            )
        }
        DbError::DiskFull => Text::new(
            "disken är full; inget skrevs. Gör plats på disken och försök igen",
            "the disk is full; nothing was written. Make room on the disk and try again",
        ),
        DbError::Sqlite(what) => both(
            format!("databasfel: {what}"),
            format!("database error: {what}"),
        ),
    }
}

/// Why a file was refused, after its path.
pub fn refusal(r: &Refusal) -> Text {
    match r {
        Refusal::Folder => Text::new(
            "är en mapp; ange sökvägen till en databasfil",
            "is a folder; give the path of a database file",
        ),
        Refusal::NotAFile => Text::new(
            "är ingen vanlig fil (utan till exempel en pipe eller en enhet); ange sökvägen till en databasfil",
            "is not a plain file (a pipe or a device, say); give the path of a database file",
        ),
        Refusal::DanglingLink => Text::new(
            "är en länk till en fil som inte finns; ta bort länken eller ange den riktiga sökvägen",
            "is a link to a file that does not exist; remove the link or give the real path",
        ),
        Refusal::EmptyFile => Text::new(
            "är en tom fil, inte en hembesok-databas; den lämnades orörd. Ta bort den, eller ange en annan sökväg",
            "is an empty file, not a hembesok database; it was left as it is. Remove it, or give another path",
        ),
        Refusal::NotSqlite => Text::new(
            "är ingen hembesok-databas (ingen SQLite-fil alls, eller skadad); den lämnades orörd",
            "is not a hembesok database (not an SQLite file at all, or damaged); it was left as it is",
        ),
        Refusal::Foreign(id) => both(
            format!(
                "är ett annat programs SQLite-databas (application id {id:#x}), inte hembesoks; den lämnades orörd"
            ),
            format!(
                "is another program's SQLite database (application id {id:#x}), not hembesok's; it was left as it is"
            ),
        ),
        Refusal::CloudFolder(name) => both(
            format!(
                "ligger i en molnsynkad mapp ({name}); en databas där kan kopieras halvskriven. Ha den på en lokal disk och använd `hembesok backup` för kopior"
            ),
            format!(
                "is inside a cloud-synced folder ({name}); a database there can be copied half-written. Keep it on a local disk and use `hembesok backup` for copies"
            ),
        ),
        Refusal::NetworkFileSystem(kind) => both(
            format!(
                "ligger på ett nätverksfilsystem ({kind}), där SQLites lås inte håller; ha databasen på en lokal disk"
            ),
            format!(
                "is on a network file system ({kind}), where SQLite's locks do not hold; keep the database on a local disk"
            ),
        ),
        Refusal::OpenElsewhere => Text::new(
            "är öppen i ett annat hembesok-fönster eller kommando; stäng dem och försök igen; inget ändrades",
            "is open in another hembesok window or command; close them and try again; nothing was changed",
        ),
        Refusal::WholeFileCommandRunning => Text::new(
            "skrivs om av ett kommando för hela filen (encrypt, decrypt, rekey, restore eller retention --apply), som inte blev klart i tid; försök igen när det är klart; inget ändrades",
            "is being rewritten by a whole-file command (encrypt, decrypt, rekey, restore or retention --apply), which did not finish in time; try again when it has; nothing was changed",
        ),
        Refusal::HardLinked(n) => both(
            format!(
                "har {n} namn (hårda länkar); en databas får bara ha ett, annars går det som skrivs genom ett namn förlorat genom ett annat. Behåll ett namn: ta bort de andra med `rm`, eller kopiera databasen med `hembesok backup`"
            ),
            format!(
                "has {n} names (hard links); a database must have one, or writes through one name are lost through another. Keep one name: remove the others with `rm`, or copy the database with `hembesok backup`"
            ),
        ),
        Refusal::TargetExists => Text::new(
            "finns redan; ange --force för att ersätta den",
            "already exists; pass --force to replace it",
        ),
        Refusal::TargetIsDatabase => Text::new(
            "är databasen själv; välj en annan sökväg",
            "is the database itself; choose another path",
        ),
        Refusal::NoFileName => Text::new("saknar filnamn", "has no file name"),
        Refusal::BackupFailsChecks(what) => both(
            format!(
                "klarar inte kontrollerna ({}); inget återställdes",
                names(what, Lang::Sv)
            ),
            format!(
                "does not pass the checks ({}); nothing was restored",
                names(what, Lang::En)
            ),
        ),
        Refusal::Encrypted => Text::new(
            "är krypterad (eller ingen hembesok-databas alls); ange lösenfrasen med --key-file SÖKVÄG eller HEMBESOK_KEY_FILE, eller kör i en terminal för att bli tillfrågad",
            "is encrypted (or is not a hembesok database at all); give its passphrase with --key-file PATH or HEMBESOK_KEY_FILE, or run on a terminal to be asked for it",
        ),
        Refusal::NotEncrypted => Text::new(
            "är inte krypterad, men en nyckel angavs; utelämna --key-file och HEMBESOK_KEY_FILE, eller kryptera den först med `hembesok encrypt`",
            "is not encrypted, but a key was given; leave out --key-file and HEMBESOK_KEY_FILE, or encrypt it first with `hembesok encrypt`",
        ),
        Refusal::AlreadyEncrypted => Text::new(
            "är redan krypterad; byt lösenfras med `hembesok rekey`; inget ändrades",
            "is already encrypted; change its passphrase with `hembesok rekey`; nothing was changed",
        ),
        Refusal::Plain => Text::new(
            "är inte krypterad och har alltså ingen lösenfras att byta eller ta bort; kryptera den med `hembesok encrypt`; inget ändrades",
            "is not encrypted, so it has no passphrase to change or remove; encrypt it with `hembesok encrypt`; nothing was changed",
        ),
        Refusal::InUse => Text::new(
            "används av ett annat hembesok-program (dess WAL-logg är öppen); försök igen när det är klart; inget ändrades",
            "is in use by another hembesok program (its write-ahead log is open); try again when it has finished; nothing was changed",
        ),
        Refusal::FileOpenToOthers { team } => {
            let fix = if *team { "chmod 660" } else { "chmod 600" };
            both(
                format!(
                    "kan läsas eller skrivas av andra än {}; hembesok öppnar den inte. Kör `{fix}` på filen",
                    if *team { "gruppen" } else { "ägaren" }
                ),
                format!(
                    "can be read or written by others than {}; hembesok does not open it. Run `{fix}` on the file",
                    if *team { "the group" } else { "its owner" }
                ),
            )
        }
        Refusal::OtherGroup { group } => both(
            format!(
                "tillhör en annan grupp än teamets mapp ({group}), så teamet kan inte öppna den. Kör `chgrp {group}` och `chmod 660` på filen"
            ),
            format!(
                "belongs to another group than the team's folder ({group}), so the team cannot open it. Run `chgrp {group}` and `chmod 660` on the file"
            ),
        ),
        Refusal::FolderOpenToOthers { folder, team } => {
            let folder = folder.display();
            let fix = if *team {
                format!("chmod 2770 {folder}")
            } else {
                format!("chmod o-w {folder}")
            };
            both(
                format!(
                    "ligger i en mapp som andra kan {}; hembesok öppnar den inte. Kör `{fix}`",
                    if *team {
                        "läsa eller skriva i"
                    } else {
                        "skriva i (och byta ut databasen)"
                    }
                ),
                format!(
                    "is in a folder others can {}; hembesok does not open it. Run `{fix}`",
                    if *team {
                        "read or write"
                    } else {
                        "write in (and replace the database)"
                    }
                ),
            )
        }
    }
}

/// A stored value that cannot be read, quoted as it was found.
fn bad_value(v: &BadValue) -> Text {
    match v {
        BadValue::Date(text) => both(format!("datum {text:?}"), format!("date {text:?}")),
        BadValue::Time(text) => both(format!("tid {text:?}"), format!("time {text:?}")),
        BadValue::Code(text) => both(
            format!("{text:?} i en sluten mängd"),
            format!("{text:?} in a closed set"),
        ),
    }
}

/// In English, for error chains at the edge of a command.
impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&db_error(self).en)
    }
}

/// In English, after the path of the file refused.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&refusal(self).en)
    }
}

/// In English, as the SQLite library's conversion error carries it.
impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&bad_value(self).en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_database_error_reads_in_both_languages_and_names_its_file() {
        let path = std::path::PathBuf::from("/tmp/h.sqlite");
        let refused = DbError::Refused {
            path: path.clone(),
            reason: Refusal::OpenElsewhere,
        };
        let t = db_error(&refused);
        assert!(t.sv.starts_with("/tmp/h.sqlite är öppen"), "{}", t.sv);
        assert_eq!(refused.to_string(), t.en);
        assert!(
            t.en.starts_with("/tmp/h.sqlite is open in another hembesok"),
            "{}",
            t.en
        );
        let bad = DbError::BadValue(BadValue::Code("gone".into()));
        assert_eq!(
            bad.to_string(),
            "the database holds a value this program cannot read: \"gone\" in a closed set"
        );
        assert!(db_error(&bad).sv.ends_with("\"gone\" i en sluten mängd"));
    }
}
