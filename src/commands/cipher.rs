//! `hembesok encrypt`, `decrypt` and `rekey`: the database rewritten under a new key (or none),
//! whole or not at all, while no window has it open.

use std::path::Path;

use crate::error::Result;

use super::db_path;
use crate::cli::{Cli, RekeyArgs};
use crate::db::{InstanceLock, Key};
use crate::domain::enums::{AuditAction, AuditEntity};
use crate::i18n::messages::cli::{CommandError, Converted, ask_new_passphrase, converted};
use crate::ops::key::{KeyError, read_key_file};
use crate::session::Session;

/// The key of a database that must be encrypted: a file that looks encrypted, with no key
/// file and no terminal to ask on, is said so rather than called plain.
fn current_key(cli: &Cli, path: &Path, session: &Session) -> Result<Option<Key>> {
    if cli.key_file.is_none() && crate::db::looks_encrypted(path) && !crate::term::can_ask() {
        return Err(KeyError::NoTerminal.into());
    }
    let ((), key) = super::with_key(cli, path, session, |key| {
        crate::db::connect(path, crate::db::Mode::Read, key).map(drop)
    })?;
    Ok(key)
}

/// A new passphrase: from `file` (held to the same length as one typed), else asked twice on
/// the terminal.
fn new_key(file: Option<&Path>, session: &Session) -> Result<Key> {
    if let Some(file) = file {
        let key = read_key_file(file)?;
        crate::ops::key::check_new(&key, &key)?;
        return Ok(key);
    }
    let (first, again) = ask_new_passphrase(session.lang);
    let lang = session.lang;
    Ok(crate::term::ask_new(first, again, |e| {
        eprintln!("{}", crate::i18n::messages::cli::key_error(e, lang));
    })?)
}

fn run(
    path: &Path,
    from: Option<&Key>,
    to: Option<&Key>,
    action: AuditAction,
    what: Converted,
    session: &Session,
) -> Result<()> {
    let audit = session
        .ctx()
        .audit_note(action, AuditEntity::Database, None);
    crate::db::convert(path, from, to, &audit).map_err(CommandError::NotConverted)?;
    println!("{}", converted(what, path, session.lang));
    Ok(())
}

pub fn encrypt(cli: &Cli, session: &Session) -> Result<()> {
    let path = db_path(cli)?;
    // Nobody may have the database open, in a window or a command, while it is rewritten.
    let _lock = InstanceLock::exclusive(&path)?;
    if crate::db::looks_encrypted(&path) {
        return Err(CommandError::NotConverted(crate::db::DbError::Refused {
            path,
            reason: crate::db::Refusal::AlreadyEncrypted,
        })
        .into());
    }
    if !path.exists() {
        return Err(CommandError::NoSuchDatabase { path }.into());
    }
    let key = new_key(cli.key_file.as_deref(), session)?;
    run(
        &path,
        None,
        Some(&key),
        AuditAction::Encrypt,
        Converted::Encrypted,
        session,
    )?;
    // The backups made before are copies of the plain file, and stay plain: say which.
    let plain = plain_backups(&path, &key);
    if !plain.is_empty() {
        eprintln!(
            "{}",
            crate::i18n::messages::cli::plain_backups(&plain, session.lang)
        );
    }
    Ok(())
}

/// The backups the audit log records that are still there and not encrypted.
fn plain_backups(path: &Path, key: &Key) -> Vec<std::path::PathBuf> {
    let Ok(mut db) = crate::db::connect(path, crate::db::Mode::Read, Some(key)) else {
        return Vec::new();
    };
    let Ok(entries) = db.read(|tx| tx.list_audit(None)) else {
        return Vec::new();
    };
    let mut found: Vec<std::path::PathBuf> = entries
        .iter()
        .filter(|e| e.action == AuditAction::Backup)
        .filter_map(|e| e.detail.as_deref()?.strip_prefix("to "))
        .map(|rest| rest.split("; head ").next().unwrap_or(rest))
        .map(std::path::PathBuf::from)
        .filter(|p| is_plain_sqlite(p))
        .collect();
    found.sort();
    found.dedup();
    found
}

fn is_plain_sqlite(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header == b"SQLite format 3\0")
}

pub fn decrypt(cli: &Cli, session: &Session) -> Result<()> {
    let path = db_path(cli)?;
    let _lock = InstanceLock::exclusive(&path)?;
    let key = current_key(cli, &path, session)?;
    run(
        &path,
        key.as_ref(),
        None,
        AuditAction::Decrypt,
        Converted::Decrypted,
        session,
    )
}

pub fn rekey(cli: &Cli, args: &RekeyArgs, session: &Session) -> Result<()> {
    let path = db_path(cli)?;
    let _lock = InstanceLock::exclusive(&path)?;
    let Some(old) = current_key(cli, &path, session)? else {
        return Err(CommandError::NotConverted(crate::db::DbError::Refused {
            path,
            reason: crate::db::Refusal::Plain,
        })
        .into());
    };
    // The old key is proved before a new one is asked for.
    drop(
        crate::db::connect(&path, crate::db::Mode::Read, Some(&old))
            .map_err(CommandError::NotConverted)?,
    );
    let new = new_key(args.new_key_file.as_deref(), session)?;
    run(
        &path,
        Some(&old),
        Some(&new),
        AuditAction::Rekey,
        Converted::Rekeyed,
        session,
    )
}
