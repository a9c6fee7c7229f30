//! Families with their caregivers, children and consent; the programme versions they follow;
//! their search index; and their anonymisation once retention comes.

mod people;
mod read;
mod retention;
mod rows;
pub(crate) mod search;
mod write;

pub use retention::RetentionCounts;
