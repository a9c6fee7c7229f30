//! The user's settings: `config.toml` in the platform config folder. A broken file is reported
//! with its line and key, and the app starts with defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;

/// Days before a window closes when an unbooked visit counts as overdue.
pub const DEFAULT_WARNING_DAYS: u32 = 7;

/// Years after the end of a family's participation before `retention` anonymises it.
pub const DEFAULT_RETENTION_YEARS: u32 = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `sv` or `en`.
    pub lang: Option<String>,
    /// The name written in the audit log; default the operating-system user.
    pub coordinator: Option<String>,
    pub overdue_warning_days: Option<u32>,
    /// How many years after a family's participation ended `retention` anonymises it.
    pub retention_years: Option<u32>,
    /// The report's small-cell threshold k (default 5, never below 3).
    pub report_threshold: Option<u32>,
    /// The municipality's name, written on the report's own rows.
    pub municipality: Option<String>,
    /// The municipality's four-digit kommunkod (`1444`, Grästorp), written into the report.
    pub municipality_code: Option<String>,
}

impl Config {
    pub fn warning_days(&self) -> u32 {
        self.overdue_warning_days.unwrap_or(DEFAULT_WARNING_DAYS)
    }

    pub fn retention_years(&self) -> u32 {
        self.retention_years.unwrap_or(DEFAULT_RETENTION_YEARS)
    }

    /// The report's threshold: the configured one, raised to the minimum of 3 when lower.
    pub fn report_threshold(&self) -> crate::domain::report::Threshold {
        crate::domain::report::Threshold::new(
            self.report_threshold
                .unwrap_or(crate::domain::report::Threshold::DEFAULT),
        )
    }

    /// The municipality the report is from, or the key to set: a report for the region needs
    /// the name and the four-digit kommunkod, never a default.
    pub fn report_municipality(&self) -> Result<crate::domain::report::Municipality, &'static str> {
        let name = self
            .municipality
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .ok_or("municipality")?;
        let code = self
            .municipality_code
            .as_deref()
            .map(str::trim)
            .filter(|c| crate::domain::report::Municipality::valid_code(c))
            .ok_or("municipality_code")?;
        Ok(crate::domain::report::Municipality {
            code: code.to_string(),
            name: name.to_string(),
        })
    }
}

pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("se", "hembesok", "hembesok")
        .map(|d| d.config_dir().join("config.toml"))
}

/// What is wrong with a config file: where, and what (`i18n` says it in words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    /// The file, once known (set by [`load`]).
    pub path: Option<PathBuf>,
    pub line: usize,
    pub key: Option<String>,
    pub kind: ConfigProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblemKind {
    /// A known key with a value it cannot take: the value as written, and what the key takes.
    WrongValue { found: String, expected: Expected },
    /// A key that is no setting.
    UnknownKey,
    /// A key written twice.
    DuplicateKey,
    /// The line does not read as `key = value`.
    Syntax,
    /// `lang` is neither Swedish nor English.
    NotALanguage(String),
}

/// What a setting takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A whole number from 0 up.
    WholeNumber,
    /// Text in quotes.
    Text,
}

/// Every setting the file may hold, in the order the README lists them.
pub const KEYS: [&str; 7] = [
    "lang",
    "coordinator",
    "overdue_warning_days",
    "retention_years",
    "report_threshold",
    "municipality",
    "municipality_code",
];

/// What a setting takes, `None` for a key that is no setting.
pub fn expected(key: &str) -> Option<Expected> {
    match key {
        "overdue_warning_days" | "retention_years" | "report_threshold" => {
            Some(Expected::WholeNumber)
        }
        k if KEYS.contains(&k) => Some(Expected::Text),
        _ => None,
    }
}

/// Sorts the TOML reader's English into a kind `i18n` words in both languages, so that a
/// Swedish session never meets `invalid type: string "sju", expected u32`.
fn kind_of(message: &str, key: Option<&str>, value: Option<&str>) -> ConfigProblemKind {
    if message.starts_with("unknown field") {
        return ConfigProblemKind::UnknownKey;
    }
    if message.starts_with("duplicate key") {
        return ConfigProblemKind::DuplicateKey;
    }
    let wrong = message.starts_with("invalid type") || message.starts_with("invalid value");
    match (wrong, key.and_then(expected), value) {
        (true, Some(expected), Some(found)) => ConfigProblemKind::WrongValue {
            found: found.to_string(),
            expected,
        },
        _ => ConfigProblemKind::Syntax,
    }
}

/// Reads the config; a missing file is the defaults, a broken one the defaults and a warning.
pub fn load(path: &Path) -> (Config, Option<ConfigProblem>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (Config::default(), None);
    };
    match parse(&text) {
        Ok(config) => (config, None),
        Err(problem) => (
            Config::default(),
            Some(ConfigProblem {
                path: Some(path.to_path_buf()),
                ..problem
            }),
        ),
    }
}

/// Parses config text; the error names the line and the key.
pub fn parse(text: &str) -> Result<Config, ConfigProblem> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |span| {
            text[..span.start.min(text.len())].matches('\n').count() + 1
        });
        let pair = text.lines().nth(line - 1).and_then(|l| l.split_once('='));
        let value = pair.map(|(_, v)| v.trim()).filter(|v| !v.is_empty());
        // An unknown table (`[colours]`) has no `=`: its name stands in the message.
        let key = pair
            .map(|(k, _)| k.trim().to_string())
            .or_else(|| {
                e.message()
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split_once('`'))
                    .map(|(k, _)| k.to_string())
            })
            .filter(|k| !k.is_empty());
        ConfigProblem {
            path: None,
            line,
            kind: kind_of(e.message(), key.as_deref(), value),
            key,
        }
    })?;
    if let Some(lang) = &config.lang
        && lang_from(lang).is_none()
    {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("lang"))
            .map_or(1, |i| i + 1);
        return Err(ConfigProblem {
            path: None,
            line,
            key: Some("lang".into()),
            kind: ConfigProblemKind::NotALanguage(lang.clone()),
        });
    }
    Ok(config)
}

fn lang_from(text: &str) -> Option<Lang> {
    match text.trim().to_lowercase().as_str() {
        "sv" | "svenska" | "swedish" => Some(Lang::Sv),
        "en" | "english" | "engelska" => Some(Lang::En),
        _ => None,
    }
}

/// `--lang`, else the config, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with sv).
pub fn resolve_lang(
    flag: Option<Lang>,
    config: &Config,
    env: impl Fn(&str) -> Option<String>,
) -> Lang {
    if let Some(lang) = flag {
        return lang;
    }
    if let Some(lang) = config.lang.as_deref().and_then(lang_from) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| env(k).filter(|v| !v.is_empty()));
    if locale.is_some_and(|l| l.to_lowercase().starts_with("sv")) {
        Lang::Sv
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let c = parse("lang = \"sv\"\ncoordinator = \"Samordnaren\"\noverdue_warning_days = 10\n")
            .unwrap();
        assert_eq!(c.coordinator.as_deref(), Some("Samordnaren"));
        assert_eq!(c.warning_days(), 10);
        assert_eq!(parse("").unwrap().warning_days(), DEFAULT_WARNING_DAYS);
    }

    #[test]
    fn a_broken_file_names_line_and_key() {
        let en = |p: ConfigProblem| crate::i18n::messages::cli::config_problem(&p).en;
        let e = en(parse("lang = \"sv\"\noverdue_warning_days = \"many\"\n").unwrap_err());
        assert!(e.starts_with("line 2: overdue_warning_days:"), "{e}");
        let e = en(parse("lang = \"sv\"\n\ncolour = \"blue\"\n").unwrap_err());
        assert!(
            e.starts_with("line 3: colour:") && e.contains("no such setting"),
            "{e}"
        );
        let p = parse("lang = \"fi\"\n").unwrap_err();
        assert_eq!(
            crate::i18n::messages::cli::config_problem(&p).sv,
            "rad 1: lang: \"fi\" är varken sv eller en; standardinställningarna gäller"
        );
        assert_eq!(
            en(p),
            "line 1: lang: \"fi\" is not sv or en; using the defaults"
        );
    }

    #[test]
    fn a_broken_file_is_said_in_words_in_both_languages() {
        let said =
            |text: &str| crate::i18n::messages::cli::config_problem(&parse(text).unwrap_err());
        let t = said("lang = \"sv\"\noverdue_warning_days = \"sju\"\n");
        assert_eq!(
            t.sv,
            "rad 2: overdue_warning_days: värdet \"sju\" duger inte, här ska stå ett heltal \
             från 0 och uppåt, t.ex. overdue_warning_days = 7; standardinställningarna gäller"
        );
        assert_eq!(
            t.en,
            "line 2: overdue_warning_days: the value \"sju\" will not do, this setting takes a \
             whole number from 0 up, like overdue_warning_days = 7; using the defaults"
        );
        let t = said("coordinator = 3\n");
        assert!(t.sv.contains("text inom citattecken"), "{}", t.sv);
        assert!(t.en.contains("text in quotes"), "{}", t.en);
        let t = said("[colours]\nred = 1\n");
        assert!(
            t.sv.starts_with("rad 1: colours: ingen sådan inställning"),
            "{}",
            t.sv
        );
        let t = said("lang = \"sv\"\nlang = \"en\"\n");
        assert!(t.sv.contains("står två gånger"), "{}", t.sv);
        let t = said("lang sv\n");
        assert!(t.sv.contains("raden går inte att läsa"), "{}", t.sv);
        // The reader's English never reaches a Swedish session.
        for text in [
            "overdue_warning_days = -1",
            "report_threshold = 7.5",
            "lang = \"sv",
            "lang = [1]",
            "colour = 1",
        ] {
            let sv = said(text).sv;
            for english in ["invalid", "expected", "unknown", "u32", "string", "key"] {
                assert!(!sv.contains(english), "{text}: {sv}");
            }
        }
    }

    #[test]
    fn a_broken_file_still_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "overdue_warning_days = -1\n").unwrap();
        let (config, warning) = load(&path);
        assert_eq!(config, Config::default());
        let warning = crate::i18n::messages::cli::config_problem(&warning.unwrap()).en;
        assert!(
            warning.contains("line 1: overdue_warning_days"),
            "{warning}"
        );
    }

    #[test]
    fn the_report_threshold_defaults_to_five_and_is_never_below_three() {
        assert_eq!(Config::default().report_threshold().get(), 5);
        let low = parse("report_threshold = 1\nmunicipality = \"Grästorps kommun\"").unwrap();
        assert_eq!(low.report_threshold().get(), 3);
        assert_eq!(low.report_municipality(), Err("municipality_code"));
        assert_eq!(
            parse("report_threshold = 8")
                .unwrap()
                .report_threshold()
                .get(),
            8
        );
        assert_eq!(Config::default().report_municipality(), Err("municipality"));
        let both =
            parse("municipality = \"Grästorps kommun\"\nmunicipality_code = \" 1442 \"").unwrap();
        assert_eq!(
            both.report_municipality(),
            Ok(crate::domain::report::Municipality {
                code: "1442".into(),
                name: "Grästorps kommun".into()
            })
        );
        let bad = parse("municipality = \"Grästorp\"\nmunicipality_code = \"764\"").unwrap();
        assert_eq!(bad.report_municipality(), Err("municipality_code"));
    }

    #[test]
    fn language_comes_from_flag_config_then_locale() {
        let sv_config = Config {
            lang: Some("sv".into()),
            ..Config::default()
        };
        let no_env = |_: &str| None;
        assert_eq!(resolve_lang(Some(Lang::En), &sv_config, no_env), Lang::En);
        assert_eq!(resolve_lang(None, &sv_config, no_env), Lang::Sv);
        let swedish = |k: &str| (k == "LANG").then(|| "sv_SE.UTF-8".to_string());
        assert_eq!(resolve_lang(None, &Config::default(), swedish), Lang::Sv);
        assert_eq!(resolve_lang(None, &Config::default(), no_env), Lang::En);
        let c_all = |k: &str| (k == "LC_ALL").then(|| "C".to_string());
        assert_eq!(
            resolve_lang(None, &Config::default(), |k| c_all(k)
                .or_else(|| swedish(k))),
            Lang::En
        );
    }
}
