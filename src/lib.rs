//! hembesok: the planning register for extended home-visiting programmes and parent groups.

pub mod db;
pub mod domain;
