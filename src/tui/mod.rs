//! The runtime: terminal set-up and restore, the event loop, effects run against the database.
//! Synchronous, and nothing is read on a timer: data is read when a screen or a change needs it.

mod dispatch;
mod jobs;
mod runner;
mod worker;

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::DefaultTerminal;

use crate::app::{App, Effect, Key, Msg};
use crate::error::{CommandError, Result};
use crate::i18n::Lang;
use crate::session::Session;
use crate::ui::{self, Theme};
pub use runner::Runner;

/// What the app needs from its surroundings.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub actor: String,
    pub warning_days: u32,
    /// Said on the first screen, e.g. that the config file is broken.
    pub notice: Option<crate::config::ConfigProblem>,
    /// A fixed clock (`HEMBESOK_NOW`), for demonstrations and tests.
    pub clock: Option<chrono::NaiveDateTime>,
    /// The passphrase file (`--key-file`, `HEMBESOK_KEY_FILE`); without it, an encrypted
    /// database's passphrase is asked for before the app takes over the terminal.
    pub key_file: Option<std::path::PathBuf>,
    /// The report's threshold and the municipality it is for, from the config file (or the
    /// config key that names it is missing).
    pub report_threshold: crate::domain::report::Threshold,
    pub municipality: std::result::Result<crate::domain::report::Municipality, &'static str>,
}

/// What the command line asks of the app: which database, and its key file.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// `--demo`: the demo database, made first if it is missing.
    pub demo: bool,
    /// `--db` or `HEMBESOK_DB`.
    pub db: Option<std::path::PathBuf>,
    pub key_file: Option<std::path::PathBuf>,
}

/// Starts the app as the command line and the session ask; with `demo`, on the demo
/// database, made first if it is missing.
pub fn launch(options: &AppOptions, session: &Session) -> Result<()> {
    let lang = session.lang;
    let clock = session
        .app_clock()
        .map_err(|text| CommandError::BadClock { text })?;
    let path = if options.demo {
        let path = crate::paths::demo_db_path().ok_or(CommandError::NoHomeFolder)?;
        let ctx = crate::ops::Ctx {
            actor: session.actor.clone(),
            now: clock.unwrap_or_else(|| session.now()),
        };
        if let Some(created) = crate::ops::demo::make_demo_if_missing(&path, &ctx)
            .map_err(crate::i18n::messages::cli::demo_error)?
        {
            let done = crate::i18n::messages::cli::Done::DemoForApp {
                families: created.families,
                path: path.clone(),
            };
            eprintln!("{}", done.render(lang));
        }
        path
    } else {
        crate::paths::db_path(options.db.as_deref()).ok_or(CommandError::NoHomeFolder)?
    };
    let config = &session.config;
    let settings = Settings {
        lang,
        actor: session.actor.clone(),
        warning_days: config.warning_days(),
        notice: session.config_problem.clone(),
        clock,
        // The demo database is never encrypted: a key file meant for the real one is not for it.
        key_file: if options.demo {
            None
        } else {
            options.key_file.clone()
        },
        report_threshold: config.report_threshold(),
        municipality: config.report_municipality(),
    };
    run(&path, &settings)
}

/// Opens the database and runs the app until the user quits.
/// Errors before the terminal is taken over are returned for the caller to print normally.
pub fn run(path: &Path, settings: &Settings) -> Result<()> {
    // The instance lock is taken as the database is opened, shared with other windows and
    // commands, and held until the connections close.
    let (mut app, mut runner) = open_for_window(path, settings)?;
    let ended = watch_for_the_end()?;
    // ratatui's terminal restores itself if anything panics.
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(
        &mut terminal,
        &mut app,
        &mut runner,
        Theme::from_env(),
        &ended,
    );
    // After SIGHUP there may be no terminal left to restore: nothing to do about that.
    ratatui::restore();
    result
}

/// SIGTERM (a shutdown, `kill`) and SIGHUP (a dropped SSH link) end the window as `q` does:
/// the loop sees the flag within a look, restores the terminal and closes the database. A
/// terminal that is gone can leave the key reader spinning on end-of-file, never back in the
/// loop: then the process ends here, a moment later. Every committed change is in the file
/// (an open form's input is lost), and the kernel lets go of the instance lock.
fn watch_for_the_end() -> Result<Arc<AtomicBool>> {
    let ended = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ])?;
    let flag = Arc::clone(&ended);
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            flag.store(true, Ordering::Relaxed);
            std::thread::sleep(LOOK * 4);
            ratatui::restore();
            std::process::exit(0);
        }
    });
    Ok(ended)
}

/// Everything before the terminal is taken over: a file that is not ours is refused first,
/// then a missing terminal, and only then is the database opened (with its key, under the one
/// key policy), so nothing is made for a window that cannot be drawn.
fn open_for_window(path: &Path, settings: &Settings) -> Result<(App, Runner)> {
    let will_ask = settings.key_file.is_none() && crate::db::looks_encrypted(path);
    if path.symlink_metadata().is_ok() && !will_ask {
        let key = match &settings.key_file {
            Some(file) => Some(crate::ops::key::read_key_file(file)?),
            None => None,
        };
        crate::db::refuse_unusable(path, key.as_ref())?;
    }
    if !crate::term::can_draw() {
        return Err(CommandError::NoTerminal.into());
    }
    let lang = settings.lang;
    let ask = |n: u32| {
        if n > 1 {
            eprintln!(
                "{}",
                crate::i18n::messages::cli::try_again(crate::ops::key::TRIES - n + 1, lang)
            );
        }
        crate::term::ask(&crate::i18n::messages::cli::ask_passphrase(path, lang))
    };
    let source = crate::ops::key::KeySource {
        file: settings.key_file.as_deref(),
        ask: Some(&ask),
    };
    let db = crate::ops::key::open(path, crate::db::Mode::Create, source)?;
    let mut runner = Runner::new(db, settings.actor.clone(), settings.warning_days)?;
    runner.clock = settings.clock;
    runner.threshold = settings.report_threshold;
    runner.municipality.clone_from(&settings.municipality);
    runner.lang = settings.lang;
    let mut app = App::new(settings.lang, runner.now().date(), runner.programme_ids());
    app.warning_days = settings.warning_days;
    if let Some(notice) = &settings.notice {
        app.message = Some(crate::i18n::messages::cli::config_problem(notice));
    }
    Ok((app, runner))
}

/// Reads the first screen before the first frame, so the first frame is a real one; the slow
/// reads (programme alerts) start in the background. As the app starts, without a terminal.
pub fn start(app: &mut App, runner: &mut Runner) -> std::result::Result<(), crate::ops::OpsError> {
    start_drawing(app, runner, |_| Ok(())).map(|_| ())
}

/// The start: Today read, `first_frame` drawn, then what can wait for it. `false` when a
/// read asked to quit.
fn start_drawing<E: From<crate::ops::OpsError>>(
    app: &mut App,
    runner: &mut Runner,
    mut first_frame: impl FnMut(&App) -> std::result::Result<(), E>,
) -> std::result::Result<bool, E> {
    let effects = first_screen(app, runner)?;
    if !apply(app, runner, effects) {
        return Ok(false);
    }
    first_frame(app)?;
    let later = after_first_frame(app);
    Ok(apply(app, runner, later))
}

/// What the first frame shows: Today, read; the effects its answer leads to are returned.
fn first_screen(
    app: &mut App,
    runner: &mut Runner,
) -> std::result::Result<Vec<Effect>, crate::ops::OpsError> {
    let mut effects = Vec::new();
    for action in runner.dispatch(Effect::Today(crate::app::TodayEffect::Load))? {
        effects.extend(app.receive(action));
    }
    Ok(effects)
}

/// What is read once the first frame is drawn: Families' first page, the next screen a
/// coordinator opens (its count walks an index of every family, which the first frame need not
/// wait for), and the whole file's check, on its own thread beside the other reads.
fn after_first_frame(app: &mut App) -> Vec<Effect> {
    let mut effects = app.families.ensure_loaded();
    effects.push(Effect::CheckIntegrity);
    effects
}

/// How long the loop waits for a key before it looks at the file's commit count and the
/// signals: a change made elsewhere shows within this, and SIGTERM ends the window within it.
const LOOK: Duration = Duration::from_millis(250);

/// While a background read is out, the loop looks for its answer this often.
const BUSY_LOOK: Duration = Duration::from_millis(30);

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runner: &mut Runner,
    theme: Theme,
    ended: &AtomicBool,
) -> Result<()> {
    let drawn = start_drawing(app, runner, |app| {
        terminal
            .draw(|frame| ui::render(app, frame, theme))
            .map(|_| ())
            .map_err(crate::error::Error::from)
    })?;
    if !drawn {
        return Ok(());
    }
    let mut draw = true;
    loop {
        if draw {
            terminal.draw(|frame| ui::render(app, frame, theme))?;
        }
        runner.drawn();
        // Wait for a key. Between keys, look at the signals, at answers from the background,
        // and at the file's commit count (a counter: no row is read unless it moved).
        let wait = if runner.busy() { BUSY_LOOK } else { LOOK };
        let key_ready = event::poll(wait)?;
        if ended.load(Ordering::Relaxed) {
            return Ok(());
        }
        let effects = if key_ready {
            match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => convert(key)
                    .into_iter()
                    .flat_map(|k| app.handle_key(k))
                    .collect(),
                _ => Vec::new(),
            }
        } else if !runner.worker_busy() && runner.changed_elsewhere() {
            // Not while the worker has a job out: an export's own commit would look like
            // someone else's and drop the answer on its way. (The file's check writes nothing.)
            app.receive(Msg::ChangedElsewhere)
        } else {
            Vec::new()
        };
        // A quiet look that found nothing draws nothing.
        draw = key_ready || !effects.is_empty();
        if !apply(app, runner, effects) {
            return Ok(());
        }
        while let Some(action) = runner.background_answer(false) {
            draw = true;
            // The export wrote its audit row through a connection of its own: this window's
            // write, not someone else's.
            if matches!(
                action,
                Msg::Report(crate::app::ReportMsg::Exported(_))
                    | Msg::Week(crate::app::WeekMsg::CalendarWritten(_))
            ) {
                runner.note_own_write();
            }
            let more = app.receive(action);
            if !apply(app, runner, more) {
                return Ok(());
            }
        }
    }
}

/// Runs effects and feeds their answers back until nothing is left; false when the user quit.
pub fn apply(app: &mut App, runner: &mut Runner, effects: Vec<Effect>) -> bool {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        if effect == Effect::Quit {
            return false;
        }
        for action in runner.run(effect) {
            queue.extend(app.receive(action));
        }
    }
    true
}

/// A terminal key as the app's keys. Alt with a key is Esc then the key: that is what a
/// terminal sends when Esc is followed quickly by a letter. Keys the app does not use are dropped.
pub fn convert(key: KeyEvent) -> Vec<Key> {
    let Some(k) = convert_one(key) else {
        return Vec::new();
    };
    if key.modifiers.contains(KeyModifiers::ALT) {
        vec![Key::Esc, k]
    } else {
        vec![k]
    }
}

fn convert_one(key: KeyEvent) -> Option<Key> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        // A pasted bidirectional override or zero-width space is never typed into a field.
        KeyCode::Char(c) if crate::domain::text::is_control(c) => return None,
        KeyCode::Char(c) if ctrl => Key::Ctrl(c),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    })
}
