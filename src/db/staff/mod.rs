//! Staff: nurses, parent advisors, therapists, dental staff and interpreters, with working
//! hours; and what each one's calendar was last sent.

mod calendar;
mod read;
mod rows;
mod write;

pub(crate) use write::fill_search_text;
