//! The command line: clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "hembesok",
    version,
    about = "Plan extended home visits and parent groups; report to the region",
    long_about = "hembesok is the coordinator's planning register for an extended home-visiting \
programme for first-time parents (utökat hembesöksprogram) and its parent groups.\n\n\
Without a subcommand it opens the terminal app on the database (`--demo` opens it on a separate \
demo database). The subcommands do the work \
that scripts and schedulers do.",
    after_help = "The database is the file given by --db, else $HEMBESOK_DB, else hembesok.sqlite \
in the platform data folder (on Linux ~/.local/share/hembesok/)."
)]
pub struct Cli {
    /// The database file (created on first use)
    #[arg(long, global = true, env = "HEMBESOK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Open the app on a separate demo database (created with fictional data if missing);
    /// it wins over --db and HEMBESOK_DB
    #[arg(long)]
    pub demo: bool,

    /// Language of the interface: sv (svenska) or en (English)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Sv,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill a database with realistic fictional families, staff, visits and parent groups
    Demo(DemoArgs),
    /// Import families, staff or visits from a CSV file: all rows or none
    Import(ImportArgs),
    /// Check the database: integrity, foreign keys, our stamp and schema version
    Check,
    /// Write a verified copy of the database to PATH (mode 0600)
    Backup(BackupArgs),
    /// Write a staff member's visits as an iCalendar file for Outlook and other calendars
    Calendar(CalendarArgs),
    /// Show who saw or changed what: the whole log, or one family's extract
    Audit(AuditArgs),
    /// Replace the database with a backup (what is there now is saved first)
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "The backup must be a hembesok database that passes every check. What the database \
holds now is first saved beside it as NAME.before-restore-DATE-TIME.sqlite, so a restore can be undone."
)]
pub struct RestoreArgs {
    /// The backup to restore (made by `hembesok backup`)
    pub path: PathBuf,
}

#[derive(Debug, Args)]
#[command(
    after_help = "With --family, the extract lists every view, change and export of that family's record: \
what the family may ask to see."
)]
pub struct AuditArgs {
    /// Only entries on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only entries about this family (its reference)
    #[arg(long, value_name = "REF")]
    pub family: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Importing the file again updates the visits rather than duplicating them. \
A family with a protected identity appears with neither name nor address."
)]
pub struct CalendarArgs {
    /// The staff member: id number or name
    #[arg(long, value_name = "ID|NAME")]
    pub staff: String,
    /// An ISO week, e.g. 2026-W48 (default: this week)
    #[arg(long, value_name = "WEEK", conflicts_with_all = ["from", "to"])]
    pub week: Option<String>,
    /// First day, YYYY-MM-DD (with --to)
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,
    /// Last day, YYYY-MM-DD (with --from)
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
    /// Where to write the .ics file
    #[arg(long, value_name = "FILE")]
    pub out: std::path::PathBuf,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many families to create
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u32).range(1..=200_000))]
    pub families: u32,
    /// Seed for the generator: the same seed and date give the same data
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The day the data is centred on (YYYY-MM-DD); default today
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Add to a database that already holds data
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Import staff first, then families, then visits (visits name both). \
Every problem is printed as `line N: COLUMN: what is wrong`, and then nothing is imported. \
See `man hembesok` for every column."
)]
pub struct ImportArgs {
    /// What the file holds
    #[arg(value_enum)]
    pub kind: ImportKind,
    /// The CSV file (UTF-8, comma or semicolon, with a header row)
    pub file: PathBuf,
    /// Visits: import double bookings, missing roles and bookings outside working hours or on
    /// holidays anyway; they show as alerts in the app
    #[arg(long)]
    pub allow_conflicts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    Families,
    Staff,
    Visits,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy
    pub path: PathBuf,
    /// Replace PATH if it exists
    #[arg(long)]
    pub force: bool,
}
