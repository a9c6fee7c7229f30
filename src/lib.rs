//! hembesok: the planning register for extended home-visiting programmes and parent groups.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod ops;
pub mod paths;
pub mod report;
pub mod session;
pub mod term;
pub mod tui;
pub mod ui;
