//! Where a passphrase comes from: a private key file, or the terminal (never echoed, never
//! asked where there is no terminal to answer).

use std::io::IsTerminal;
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

/// Whether a passphrase can be asked for: standard input is a terminal. Under CI or in a
/// script nothing waits for an answer that will never come.
pub fn can_ask() -> bool {
    std::io::stdin().is_terminal()
}

/// Asks for a passphrase on the terminal, without echo.
pub fn ask(prompt: &str) -> Result<Key, KeyError> {
    if !can_ask() {
        return Err(KeyError::NoTerminal);
    }
    let text = rpassword::prompt_password(prompt).map_err(KeyError::Terminal)?;
    if text.is_empty() {
        return Err(KeyError::EmptyPassphrase);
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

/// Asks for a new passphrase twice, up to three times while it is too short or the two
/// entries differ; `said` tells the user why it asks again.
pub fn ask_new(prompt: &str, again: &str, said: impl Fn(&KeyError)) -> Result<Key, KeyError> {
    let mut tries = 3;
    loop {
        let first = ask(prompt)?;
        let second = ask(again)?;
        match check_new(&first, &second) {
            Ok(()) => return Ok(first),
            Err(e) if tries > 1 => {
                said(&e);
                tries -= 1;
            }
            Err(e) => return Err(e),
        }
    }
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
