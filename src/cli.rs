//! The command line: the clap definitions, in English, and the same command with its help in
//! Swedish (from `i18n::help`) when that is the user's language.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::help::{HelpItem, SV_ARGUMENTS, SV_OPTIONS, swedish as sv, swedish_arg};
pub use crate::ops::import::ImportKind;

#[derive(Debug, Parser)]
#[command(
    name = "hembesok",
    version,
    about = "Plan extended home visits and parent groups; report to the region",
    long_about = "hembesok is the coordinator's planning register for an extended home-visiting \
programme for first-time parents (utökat hembesöksprogram) and its parent groups.\n\n\
Without a subcommand it opens the terminal app on the database (`--demo` works on a separate \
demo database, in the app and in every command). The subcommands do the work \
that scripts and schedulers do.",
    after_help = "The database is the file given by --db, else $HEMBESOK_DB, else hembesok.sqlite \
in the platform data folder (on Linux ~/.local/share/hembesok/)."
)]
pub struct Cli {
    /// The database file (created on first use)
    #[arg(long, global = true, env = "HEMBESOK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Use a separate demo database, in the app and in every command (created with fictional
    /// data if missing; never encrypted); it wins over --db and HEMBESOK_DB
    #[arg(long)]
    pub demo: bool,

    /// Language of the interface: sv (svenska) or en (English)
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// The passphrase of an encrypted database, in a file of mode 0600 (one trailing newline
    /// is left out); without it, the passphrase is asked on a terminal
    #[arg(long, global = true, env = "HEMBESOK_KEY_FILE", value_name = "PATH")]
    pub key_file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Sv,
    En,
}

impl From<Lang> for crate::i18n::Lang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Sv => crate::i18n::Lang::Sv,
            Lang::En => crate::i18n::Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill a database with realistic fictional families, staff, visits and parent groups
    Demo(DemoArgs),
    /// Import families, staff, visits, parent groups or attendance from a CSV file: all rows or none
    Import(ImportArgs),
    /// Check the database: integrity, foreign keys, our stamp, schema version and the audit chain
    Check(CheckArgs),
    /// Write a verified copy of the database to PATH (mode 0600)
    Backup(BackupArgs),
    /// Write a staff member's visits (or everyone's, one file each) as iCalendar files for Outlook and other calendars
    Calendar(CalendarArgs),
    /// Show who saw or changed what: the whole log, or one family's extract
    Audit(AuditArgs),
    /// Replace the database with a backup (what is there now is saved first)
    Restore(RestoreArgs),
    /// Anonymise the families whose participation ended before a day (a dry run unless --apply)
    Retention(RetentionArgs),
    /// Write the report to the region for a quarter or a year (aggregate, small cells hidden)
    Report(ReportArgs),
    /// Encrypt the database with a passphrase (SQLCipher), asked twice on the terminal or read from --key-file
    #[command(
        after_help = "The encrypted copy is written beside the database, verified with the \
passphrase, and only then renamed over it; the database is never left half converted. From then \
on the app asks for the passphrase at start, and commands take --key-file or HEMBESOK_KEY_FILE. \
A forgotten passphrase cannot be recovered: the data is then lost, backups included."
    )]
    Encrypt,
    /// Turn an encrypted database back into a plain one (the passphrase from --key-file or the terminal)
    Decrypt,
    /// Change the passphrase of an encrypted database (the old one from --key-file or the terminal)
    Rekey(RekeyArgs),
    /// Set up a team's database: a folder of the team's group (2770), the file (0660), and the path in the system-wide config
    #[command(
        after_help = "Run once, as root, on the host where the team logs in over SSH, e.g. \
`sudo hembesok init --group hembesok /srv/hembesok/hembesok.sqlite`. Each person in the group then just runs \
`hembesok`: the system-wide config (/etc/hembesok/config.toml) names the database. Files hembesok makes in the \
folder belong to the group and are 0660; nobody outside the group can read them."
    )]
    Init(InitArgs),
    /// Print shell completions for bash, zsh or fish (the Debian package installs them)
    #[command(
        after_help = "For example: hembesok completions bash > ~/.local/share/bash-completion/completions/hembesok"
    )]
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The team's group: everyone in it may open the database, nobody else
    #[arg(long, value_name = "GROUP")]
    pub group: String,
    /// The database file to set up (made if missing; its folder too)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Do not write the path into the system-wide config
    #[arg(long)]
    pub no_system_config: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh or fish
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct RekeyArgs {
    /// The new passphrase, in a file of mode 0600 (else it is asked twice on the terminal)
    #[arg(long, value_name = "PATH")]
    pub new_key_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Without --apply only the counts are shown, never a name, and nothing changes. With --apply \
the families whose participation ended (exited, completed or declined) before DATE lose their names, identity \
numbers, addresses, phones, notes and consent givers, and get a random reference; dates, area, clinic, programme \
and what the visits were stay, so earlier quarters' reports stay the same. The run is in the audit log, and the \
file is rewritten so that the names are gone from its bytes. Default DATE: `retention_years` (5) in \
config.toml, counted back from today."
)]
pub struct RetentionArgs {
    /// Families whose participation ended before this day, YYYY-MM-DD (default: 5 years ago)
    #[arg(long, value_name = "DATE")]
    pub before: Option<String>,
    /// Anonymise them (without it, only the counts are shown)
    #[arg(long)]
    pub apply: bool,
}

#[derive(Debug, Args)]
#[command(
    group = clap::ArgGroup::new("period").required(true).args(["quarter", "year"]),
    after_help = "PERIODS: a calendar quarter (--quarter 2026Q3) or a calendar year (--year 2025), never a \
rolling span. A period that has not ended is preliminary, in its own field and column.

MARKERS (SCB's): `..` a hidden figure, `–` nothing to report (a share of nobody). In the JSON every value has \
a status: published, hidden or empty. Every percent comes with its numerator and denominator as counts.

THE READER WHO COUNTS: the file is made safe against a reader who knows the rules, that zeros are \
published (so a hidden count is at least 1), that counts are whole numbers, every sum in the file (categories, \
each breakdown to the municipality, places made of places), the distinct families in groups as inequalities, \
the percents against their numerators and denominators, and every earlier file of the same period. No hidden \
count can be worked out exactly, and none can be proven below the threshold: the report audits itself with \
small integer programs and hides more until that holds. A breakdown that would lose most of its cells, or has \
a unit of fewer than k families, is not published for that indicator, and the file says why. A share of visits \
of 95 % or more is shown as ≥95 when fewer than k visits fell short.

REVISIONS: every export keeps the cells it published. A later export of the same period whose figures \
differ carries the next revision number and the SHA-256 of the earlier files; it hides whatever they hid and \
is audited together with them. The same database, period and threshold give the same bytes. The export needs \
`municipality` and `municipality_code` (four digits) in config.toml; what the period's records lack is printed \
as a warning."
)]
pub struct ReportArgs {
    /// The calendar quarter, e.g. 2026Q3
    #[arg(long, value_name = "QUARTER")]
    pub quarter: Option<String>,
    /// The calendar year, e.g. 2025: the same indicators over the year
    #[arg(long, value_name = "YEAR")]
    pub year: Option<String>,
    /// The file format
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: ReportFormatArg,
    /// Where to write it (default: hembesok-PERIOD.FORMAT in the current folder)
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// The smallest count published (default from the config, else 5; never below 3)
    #[arg(long, value_name = "K")]
    pub threshold: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    Json,
    Csv,
    Xlsx,
}

impl From<ReportFormatArg> for crate::ops::report::ReportFormat {
    fn from(f: ReportFormatArg) -> Self {
        match f {
            ReportFormatArg::Json => Self::Json,
            ReportFormatArg::Csv => Self::Csv,
            ReportFormatArg::Xlsx => Self::Xlsx,
        }
    }
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
    after_help = "With --family, the extract lists the family's visits (for one that took place: who of the \
family took part) and every view, change and export of that family's record: what the family may ask to see."
)]
pub struct AuditArgs {
    /// Only entries on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only entries about this family (its reference)
    #[arg(long, value_name = "REF")]
    pub family: Option<String>,
    /// Print the audit chain's head (ROWID:HASH) to keep elsewhere, and nothing else
    #[arg(long, conflicts_with_all = ["since", "family"])]
    pub head: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The audit log is a chain: each row holds a hash of the row before it and of itself. `check` recomputes it from the first row. A head printed earlier (by `audit --head`, a backup, an export, or the report file the region has) given with --head proves more: that the log still passes through that row unchanged, so nothing up to it was removed or rewritten since."
)]
pub struct CheckArgs {
    /// A head held elsewhere (ROWID:HASH, or the hash alone): check that the log still passes
    /// through it
    #[arg(long, value_name = "ROWID:HASH")]
    pub head: Option<String>,
    /// Rebuild the indexes when the full check finds only index damage (one audited write)
    #[arg(long)]
    pub repair: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Importing the file again updates the visits rather than duplicating them: a visit \
that changed since the last export gets a higher SEQUENCE, and one that no longer concerns the person \
(rebooked to someone else, cancelled, or moved out of the days exported) comes once more, cancelled, \
so their calendar removes it. A family with a protected identity appears with neither name nor address."
)]
pub struct CalendarArgs {
    /// The staff member: id number or name
    #[arg(
        long,
        value_name = "ID|NAME",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub staff: Option<String>,
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
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub out: Option<std::path::PathBuf>,
    /// Every active staff member, one file each in --dir
    #[arg(long, requires = "dir")]
    pub all: bool,
    /// The folder for --all: one Förnamn-Efternamn.ics per person (made if missing)
    #[arg(long, value_name = "DIR", requires = "all")]
    pub dir: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many families to create
    #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
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
    after_help = "Import staff first, then families, then visits (visits name both), then groups \
(leaders and members), then attendance. \
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
    /// holidays anyway; they show under To do in the app
    #[arg(long)]
    pub allow_conflicts: bool,
}

/// Import kinds are the use case's own (`ops::import::ImportKind`); the command line names
/// them in lower case.
impl ValueEnum for ImportKind {
    fn value_variants<'a>() -> &'a [Self] {
        &ImportKind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(match self {
            ImportKind::Families => "families",
            ImportKind::Staff => "staff",
            ImportKind::Visits => "visits",
            ImportKind::Groups => "groups",
            ImportKind::Attendance => "attendance",
        }))
    }
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy
    pub path: PathBuf,
    /// Replace PATH if it exists
    #[arg(long)]
    pub force: bool,
}

/// `--lang sv|en` as written among `args`, read before clap parses them (so that `--help` and
/// clap's refusal of a bad argument can already be in the language). The program name and
/// anything after `--` are not options.
pub fn lang_in_args(args: &[OsString]) -> Option<crate::i18n::Lang> {
    let value = |v: &str| match v {
        "sv" => Some(crate::i18n::Lang::Sv),
        "en" => Some(crate::i18n::Lang::En),
        _ => None,
    };
    let mut found = None;
    let mut words = args.iter().skip(1).map(|a| a.to_str());
    while let Some(word) = words.next() {
        match word {
            Some("--") => break,
            Some("--lang") => {
                if let Some(lang) = words.next().flatten().and_then(value) {
                    found = Some(lang);
                }
            }
            Some(w) => {
                if let Some(lang) = w.strip_prefix("--lang=").and_then(value) {
                    found = Some(lang);
                }
            }
            None => {}
        }
    }
    found
}

/// The command with its help in `lang`: English as derived, or Swedish from the table.
pub fn command(lang: crate::i18n::Lang) -> clap::Command {
    let cmd = Cli::command();
    match lang {
        crate::i18n::Lang::En => cmd,
        crate::i18n::Lang::Sv => swedish(cmd),
    }
}

/// Parses `args` with the help in `lang`; on `--help`, `--version` or a mistake, clap prints
/// and exits, as with `Cli::parse`.
pub fn parse(args: Vec<OsString>, lang: crate::i18n::Lang) -> Cli {
    let matches = command(lang).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

fn swedish(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = localize(cmd, "")
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(crate::i18n::help::SV_VERSION)
                .display_order(usize::MAX)
                .help_heading(SV_OPTIONS),
        )
        .subcommand_help_heading(crate::i18n::help::SV_COMMANDS)
        .subcommand_value_name(crate::i18n::help::SV_COMMAND);
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &name));
    }
    // Clap adds its `help` subcommand only when the command is built; build it now, so that
    // its line in the list of commands can be said in Swedish too.
    cmd.build();
    if cmd.find_subcommand("help").is_some() {
        cmd = cmd.mut_subcommand("help", |h| h.about(crate::i18n::help::SV_HELP_COMMAND));
    }
    cmd
}

/// Swedish help for one command (`path` is its name, "" for the top level): about, the text
/// after the options, every argument's help and the headings clap would write in English.
fn localize(cmd: clap::Command, path: &str) -> clap::Command {
    let mut cmd = cmd
        .about(sv(path, HelpItem::About))
        .long_about(sv(path, HelpItem::LongAbout))
        .after_help(sv(path, HelpItem::AfterHelp))
        .after_long_help(None::<&str>)
        .disable_help_flag(true)
        .help_template(crate::i18n::help::SV_TEMPLATE);
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    // The top level's options (--db, --lang) are global: below a subcommand's own.
    let first = if path.is_empty() { 1000 } else { 0 };
    for (order, (id, positional)) in (first..).zip(args) {
        let help = swedish_arg(path, &id);
        cmd = cmd.mut_arg(&id, |a| {
            // Clap's "[default: …]" and "[possible values: …]" are English; the Swedish help
            // says them in words instead.
            let a = if a.get_action().takes_values() {
                a.hide_possible_values(true)
                    .hide_default_value(true)
                    .hide_env(true)
            } else {
                a
            };
            // Under a heading of its own clap sorts by name; keep the order of the definition.
            a.help(help)
                .long_help(None::<&str>)
                .display_order(order)
                .help_heading(if positional { SV_ARGUMENTS } else { SV_OPTIONS })
        });
    }
    cmd.arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(crate::i18n::help::SV_HELP)
            .display_order(usize::MAX - 1)
            .help_heading(SV_OPTIONS),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::help::{HelpItem, swedish, swedish_arg};

    #[test]
    fn every_command_and_argument_has_swedish_help() {
        let cli = Cli::command();
        let mut missing = Vec::new();
        let mut check = |path: &str, cmd: &clap::Command| {
            if swedish(path, HelpItem::About).is_none() {
                missing.push(format!("{path}: about"));
            }
            if cmd.get_after_help().is_some() && swedish(path, HelpItem::AfterHelp).is_none() {
                missing.push(format!("{path}: after_help"));
            }
            if cmd.get_long_about().is_some() && swedish(path, HelpItem::LongAbout).is_none() {
                missing.push(format!("{path}: long_about"));
            }
            for arg in cmd.get_arguments() {
                if swedish_arg(path, arg.get_id().as_str()).is_none() {
                    missing.push(format!("{path}: {}", arg.get_id()));
                }
            }
        };
        check("", &cli);
        for sub in cli.get_subcommands() {
            check(sub.get_name(), sub);
        }
        assert!(missing.is_empty(), "no Swedish help for {missing:?}");
    }

    #[test]
    fn the_swedish_command_parses_like_the_english_one() {
        let args = ["hembesok", "--lang", "sv", "import", "visits", "v.csv"];
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        assert_eq!(lang_in_args(&args), Some(crate::i18n::Lang::Sv));
        let sv = parse(args.clone(), crate::i18n::Lang::Sv);
        let en = Cli::parse_from(&args);
        assert_eq!(format!("{sv:?}"), format!("{en:?}"));
        let after = ["hembesok", "import", "--", "--lang", "sv"].map(OsString::from);
        assert_eq!(lang_in_args(&after), None);
    }
}
