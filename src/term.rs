//! The terminal, before the app takes it over: whether there is one, and passphrases asked on
//! it without echo. Never asked where there is no terminal to answer (a script, CI).

use std::io::IsTerminal;

use crate::db::Key;
use crate::ops::key::KeyError;

/// Whether a passphrase can be asked for: standard input is a terminal.
pub fn can_ask() -> bool {
    std::io::stdin().is_terminal()
}

/// Whether the app can be drawn: standard input and output are a terminal.
pub fn can_draw() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
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

/// Asks for a new passphrase twice, up to three times while it is too short or the two
/// entries differ; `said` tells the user why it asks again.
pub fn ask_new(prompt: &str, again: &str, said: impl Fn(&KeyError)) -> Result<Key, KeyError> {
    let mut tries = 3;
    loop {
        let first = ask(prompt)?;
        let second = ask(again)?;
        match crate::ops::key::check_new(&first, &second) {
            Ok(()) => return Ok(first),
            Err(e) if tries > 1 => {
                said(&e);
                tries -= 1;
            }
            Err(e) => return Err(e),
        }
    }
}
