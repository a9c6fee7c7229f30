//! hembesok: the planning register for extended home-visiting programmes and parent groups.

pub mod cli;
pub mod commands;
pub mod db;
pub mod domain;
pub mod paths;
