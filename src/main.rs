//! Entry point: parse the command line, run, and turn errors into a message and an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = hembesok::cli::Cli::parse();
    let outcome = match cli.command {
        None => hembesok::tui::launch(&cli),
        Some(_) => hembesok::commands::run(&cli),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hembesok: {err:#}");
            ExitCode::FAILURE
        }
    }
}
