//! Entry point: the settings once, the command line, the run, and its one error said in the
//! user's language with a failing exit code.

use std::process::ExitCode;

use hembesok::session::Session;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is settled before parsing, so that `--help` is already in it.
    let session = Session::load(hembesok::cli::lang_in_args(&args));
    let cli = hembesok::cli::parse(args, session.lang);
    let lang = session.lang;
    hembesok::db::on_wait(Box::new(move || {
        eprintln!(
            "{}",
            hembesok::i18n::messages::cli::waiting_for_whole_file(lang)
        );
    }));
    hembesok::db::on_upgrade(Box::new(move |path, from, to| {
        eprintln!(
            "{}",
            hembesok::i18n::messages::cli::upgrading(path, from, to, lang)
        );
    }));
    let outcome = match cli.command {
        None => {
            let options = hembesok::tui::AppOptions {
                demo: cli.demo,
                db: cli.db.clone(),
                key_file: cli.key_file.clone(),
            };
            hembesok::tui::launch(&options, &session)
        }
        Some(_) => hembesok::commands::run(&cli, &session),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "hembesok: {}",
                hembesok::i18n::messages::cli::error(&err, lang)
            );
            ExitCode::FAILURE
        }
    }
}
