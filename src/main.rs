//! Entry point: parse the command line, run, and turn errors into a message and an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is settled before parsing, so that `--help` is already in it.
    let lang = hembesok::config::user_lang(hembesok::cli::lang_in_args(&args));
    let cli = hembesok::cli::parse(args, lang);
    hembesok::db::on_wait(Box::new(move || {
        eprintln!("{}", hembesok::i18n::cli::waiting_for_whole_file(lang));
    }));
    let outcome = match cli.command {
        None => hembesok::tui::launch(&cli),
        Some(_) => hembesok::commands::run(&cli, lang),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("hembesok: {}", hembesok::i18n::cli::error(&err, lang));
            ExitCode::FAILURE
        }
    }
}
