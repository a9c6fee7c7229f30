//! Passphrases: read from a private key file, held to the rule for a new one; and the one
//! policy that opens a database with its key (`open`). Asking on the terminal is the edge's
//! (`term`), handed in.

use std::path::{Path, PathBuf};

use crate::db::Key;

/// Why no key could be had.
#[derive(Debug)]
pub enum KeyError {
    Unreadable {
        path: PathBuf,
        cause: std::io::Error,
    },
    /// Readable by group or others (its mode, e.g. 0o644).
    TooOpen { path: PathBuf, mode: u32 },
    /// The file holds nothing (or only a newline).
    EmptyFile { path: PathBuf },
    /// A key file is not text.
    NotUtf8 { path: PathBuf },
    /// A passphrase is needed, and there is no terminal to ask on and no key file.
    NoTerminal,
    /// The two entries of a new passphrase differ.
    Mismatch,
    /// An empty passphrase was typed.
    EmptyPassphrase,
    /// A new passphrase typed on the terminal is shorter than `MIN_NEW_PASSPHRASE` characters.
    TooShort { min: usize },
    /// The terminal could not be read.
    Terminal(std::io::Error),
    /// Three wrong passphrases in the app.
    TooManyTries,
}

/// Reads a key file: mode 0600 or 0400 (nobody else may read it), UTF-8, one trailing
/// newline (and a carriage return before it) left out.
pub fn read_key_file(path: &Path) -> Result<Key, KeyError> {
    let unreadable = |cause| KeyError::Unreadable {
        path: path.to_path_buf(),
        cause,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyError::TooOpen {
                path: path.to_path_buf(),
                mode,
            });
        }
    }
    if !meta.is_file() {
        return Err(unreadable(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a plain file",
        )));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let mut text = String::from_utf8(bytes).map_err(|_| KeyError::NotUtf8 {
        path: path.to_path_buf(),
    })?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    if text.is_empty() {
        return Err(KeyError::EmptyFile {
            path: path.to_path_buf(),
        });
    }
    Ok(Key::new(text))
}

/// The fewest characters a new passphrase typed on the terminal may have: a short one falls to
/// guessing on a copied file, whatever the key derivation costs.
pub const MIN_NEW_PASSPHRASE: usize = 10;

/// A new passphrase, long enough and the same both times.
pub fn check_new(first: &Key, second: &Key) -> Result<(), KeyError> {
    if first.passphrase().chars().count() < MIN_NEW_PASSPHRASE {
        Err(KeyError::TooShort {
            min: MIN_NEW_PASSPHRASE,
        })
    } else if first == second {
        Ok(())
    } else {
        Err(KeyError::Mismatch)
    }
}

/// Where a database's key comes from, as the edge knows it.
#[derive(Clone, Copy)]
pub struct KeySource<'a> {
    /// `--key-file` or `HEMBESOK_KEY_FILE`.
    pub file: Option<&'a Path>,
    /// Asks the user for the passphrase, the `n`-th time (from 1); none where nobody can answer.
    pub ask: Option<&'a dyn Fn(u32) -> Result<Key, KeyError>>,
}

impl std::fmt::Debug for KeySource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeySource")
            .field("file", &self.file)
            .field("ask", &self.ask.is_some())
            .finish()
    }
}

/// How many times a passphrase is asked before the program gives up.
pub const TRIES: u32 = 3;

/// Why a database could not be opened with its key.
#[derive(Debug)]
pub enum OpenError {
    Key(KeyError),
    Db(crate::db::DbError),
}

impl From<KeyError> for OpenError {
    fn from(e: KeyError) -> Self {
        OpenError::Key(e)
    }
}

/// The one key policy, for the app, its background reader and every command: the key file
/// when one is given; else, for a file that looks encrypted, the passphrase asked up to
/// [`TRIES`] times (asked again after a wrong one); else no key, and an encrypted file is
/// refused saying how to give one. `attempt` opens (or checks) the file with a key.
pub fn with_key<T>(
    path: &Path,
    source: KeySource<'_>,
    mut attempt: impl FnMut(Option<&Key>) -> Result<T, crate::db::DbError>,
) -> Result<(T, Option<Key>), OpenError> {
    if let Some(file) = source.file {
        let key = read_key_file(file)?;
        return attempt(Some(&key))
            .map(|t| (t, Some(key)))
            .map_err(OpenError::Db);
    }
    if let Some(ask) = source.ask.filter(|_| crate::db::looks_encrypted(path)) {
        for n in 1..=TRIES {
            let key = match ask(n) {
                Ok(key) => key,
                Err(KeyError::EmptyPassphrase) if n < TRIES => continue,
                Err(KeyError::EmptyPassphrase) => break,
                Err(e) => return Err(e.into()),
            };
            match attempt(Some(&key)) {
                Ok(t) => return Ok((t, Some(key))),
                Err(crate::db::DbError::WrongKey { .. }) if n < TRIES => {}
                Err(crate::db::DbError::WrongKey { .. }) => break,
                Err(e) => return Err(OpenError::Db(e)),
            }
        }
        return Err(KeyError::TooManyTries.into());
    }
    attempt(None).map(|t| (t, None)).map_err(OpenError::Db)
}

/// Opens the database at `path` under the key policy of [`with_key`].
pub fn open(
    path: &Path,
    mode: crate::db::Mode,
    source: KeySource<'_>,
) -> Result<crate::db::Db, OpenError> {
    with_key(path, source, |key| crate::db::connect(path, mode, key)).map(|(db, _)| db)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_is_long_enough_and_typed_the_same_twice() {
        let key = |s: &str| Key::new(s.to_string());
        assert!(matches!(
            check_new(&key("abc"), &key("abc")),
            Err(KeyError::TooShort { min: 10 })
        ));
        assert!(matches!(
            check_new(&key("tre ord här"), &key("tre ord har")),
            Err(KeyError::Mismatch)
        ));
        assert!(check_new(&key("tre ord här"), &key("tre ord här")).is_ok());
        // Characters, not bytes: nine letters with å, ä and ö are still too short.
        assert!(matches!(
            check_new(&key("åäöåäöåäö"), &key("åäöåäöåäö")),
            Err(KeyError::TooShort { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_key_file_must_be_private_and_loses_one_newline() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        std::fs::write(&path, "hemligt lösen\n\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            read_key_file(&path),
            Err(KeyError::TooOpen { mode: 0o644, .. })
        ));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let key = read_key_file(&path).unwrap();
        assert_eq!(key.passphrase(), "hemligt lösen\n");
        std::fs::write(&path, "\n").unwrap();
        assert!(matches!(
            read_key_file(&path),
            Err(KeyError::EmptyFile { .. })
        ));
    }
}
