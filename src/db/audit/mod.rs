//! The append-only audit log: who saw or changed what, when; each row chained to the one
//! before it.

mod chain;
mod read;
mod rows;
mod write;

pub use chain::{ChainState, Head, HeadCheck, HeadQuery};
pub(crate) use chain::{check_head, head_of, missing_triggers, seal_chain, verify_chain};
