//! A command's lines on standard output.

use std::fmt::Display;
use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// The reader of standard output has gone (`hembesok audit | head`).
static READER_GONE: AtomicBool = AtomicBool::new(false);

/// Prints one line. When the reader has gone, this and the later lines are dropped and the
/// command still finishes its work (a broken pipe is not a failure of the command); any other
/// failure to write (a full disk under `> file`) is returned.
pub fn say(line: impl Display) -> std::io::Result<()> {
    if READER_GONE.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{line}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => {
            READER_GONE.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}
