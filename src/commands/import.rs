//! `hembesok import`: reads the file, runs the import use case, and reports every problem on
//! its own line in the user's language.

use super::out;
use std::path::Path;

use crate::error::Result;

use crate::cli::ImportArgs;
use crate::i18n::messages::cli::CommandError;
use crate::ops::import::ImportKind;
use crate::ops::import::{ImportError, attendance, families, groups, staff, visits};
use crate::session::Session;

/// The largest import file read: some 300,000 families' rows. A larger file (or an endless one,
/// such as a device) is refused before it fills the memory.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The file as text; not UTF-8 is refused with the line where it stops being so, and a file
/// over [`MAX_IMPORT_BYTES`] is refused whole.
fn read_file(path: &Path) -> Result<String> {
    use std::io::Read;
    let cannot = |cause| CommandError::CannotRead {
        path: path.to_path_buf(),
        cause,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(CommandError::ImportTooLarge {
            path: path.to_path_buf(),
            max_mb: MAX_IMPORT_BYTES / (1024 * 1024),
        }
        .into());
    }
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        CommandError::NotUtf8 {
            path: path.to_path_buf(),
            line,
        }
        .into()
    })
}

pub fn run(cli: &crate::cli::Cli, args: &ImportArgs, session: &Session) -> Result<()> {
    // The file is read (and refused, if it must be) before a database is opened or made.
    let text = read_file(&args.file)?;
    let db = &mut super::fully_checked_db(cli, crate::db::Mode::Create, session)?;
    let outcome = match args.kind {
        ImportKind::Families => families::import(db, &text, &session.ctx()),
        ImportKind::Staff => staff::import(db, &text, &session.ctx()),
        ImportKind::Visits => visits::import(db, &text, &session.ctx(), args.allow_conflicts),
        ImportKind::Groups => groups::import(db, &text, &session.ctx()),
        ImportKind::Attendance => attendance::import(db, &text, &session.ctx()),
    };
    match outcome {
        Ok(summary) => {
            out::say(summary.render(&args.file, session.lang))?;
            Ok(())
        }
        Err(ImportError::Refused(refused)) => {
            for p in refused.problems() {
                eprintln!("{}", p.render(session.lang));
            }
            if let Some(hint) = refused.hint() {
                eprintln!("{}", hint.render(session.lang));
            }
            Err(CommandError::ImportRefused {
                path: args.file.clone(),
                problems: refused.problems().len(),
            }
            .into())
        }
        Err(ImportError::Db(e)) => Err(CommandError::ImportFailed(e).into()),
    }
}
