//! What went wrong with a file, in words: the operating system's own message is English, so the
//! common cases are named here in both languages and the rest by their error number.

use std::io::{Error, ErrorKind};

use super::Text;

pub fn cause(e: &Error) -> Text {
    let (sv, en) = match e.kind() {
        ErrorKind::NotFound => ("mappen eller filen finns inte", "no such file or folder"),
        ErrorKind::PermissionDenied => ("behörighet saknas", "permission denied"),
        ErrorKind::AlreadyExists => (
            "det finns redan en fil med det namnet",
            "the file already exists",
        ),
        ErrorKind::StorageFull => ("disken är full", "the disk is full"),
        ErrorKind::ReadOnlyFilesystem => (
            "filsystemet är skrivskyddat",
            "the file system is read-only",
        ),
        ErrorKind::IsADirectory => ("det är en mapp, inte en fil", "it is a folder, not a file"),
        ErrorKind::NotADirectory => (
            "en del av sökvägen är ingen mapp",
            "part of the path is not a folder",
        ),
        ErrorKind::InvalidFilename => (
            "namnet går inte att använda som filnamn",
            "the name cannot be a file name",
        ),
        ErrorKind::InvalidData => ("filen är inte text i UTF-8", "the file is not UTF-8 text"),
        ErrorKind::Interrupted => ("avbrutet", "interrupted"),
        _ => {
            return match e.raw_os_error() {
                Some(code) => Text::new(
                    format!("fel från operativsystemet (nummer {code})"),
                    e.to_string(),
                ),
                None => Text::new("fel i filsystemet", e.to_string()),
            };
        }
    };
    Text::new(sv, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_missing_folder_is_said_in_swedish_without_the_english_message() {
        let e = Error::from_raw_os_error(2);
        assert_eq!(cause(&e).get(Lang::Sv), "mappen eller filen finns inte");
        assert_eq!(cause(&e).get(Lang::En), "no such file or folder");
        let odd = Error::from_raw_os_error(71);
        assert!(cause(&odd).get(Lang::Sv).contains("nummer 71"));
        assert!(!cause(&odd).get(Lang::Sv).contains("os error"));
    }
}
