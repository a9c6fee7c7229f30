//! The high floor of words: what the use cases, the database and the commands answer
//! (outcomes, refusals, errors, import problems, command output), in Swedish and English side
//! by side. It may use every type below it; only the edges (`tui`, `commands`, `main`) use it.

pub mod cli;
pub mod database;
pub mod groups;
pub mod import;
pub mod outcome;
