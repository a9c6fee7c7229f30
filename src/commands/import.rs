//! `hembesok import`: reads the file, runs the import use case, and reports every problem on
//! its own line in the user's language.

use super::out;
use std::path::Path;

use anyhow::Result;

use super::Invocation;
use crate::cli::{ImportArgs, ImportKind};
use crate::db::Db;
use crate::i18n::cli::CommandError;
use crate::ops::import::{ImportError, attendance, families, groups, staff, visits};

/// The file as text; not UTF-8 is refused with the line where it stops being so.
fn read_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|cause| CommandError::CannotRead {
        path: path.to_path_buf(),
        cause,
    })?;
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

pub fn run(db: &mut Db, args: &ImportArgs, inv: &Invocation) -> Result<()> {
    let text = read_file(&args.file)?;
    let outcome = match args.kind {
        ImportKind::Families => families::import(db, &text, &inv.ctx()),
        ImportKind::Staff => staff::import(db, &text, &inv.ctx()),
        ImportKind::Visits => visits::import(db, &text, &inv.ctx(), args.allow_conflicts),
        ImportKind::Groups => groups::import(db, &text, &inv.ctx()),
        ImportKind::Attendance => attendance::import(db, &text, &inv.ctx()),
    };
    match outcome {
        Ok(summary) => {
            out::say(summary.render(&args.file, inv.lang))?;
            Ok(())
        }
        Err(ImportError::Refused(refused)) => {
            for p in refused.problems() {
                eprintln!("{}", p.render(inv.lang));
            }
            if let Some(hint) = refused.hint() {
                eprintln!("{}", hint.render(inv.lang));
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
