//! Who runs hembesok, in which language, with which settings: read once at the start (the
//! config file, the locale, the user) and handed down to the app and the commands.

use chrono::{Local, NaiveDate, NaiveDateTime};

use crate::config::{Config, ConfigProblem};
use crate::i18n::Lang;

/// The settings of one run.
#[derive(Debug, Clone)]
pub struct Session {
    pub config: Config,
    /// What is wrong with the config file, if anything (the defaults are used then).
    pub config_problem: Option<ConfigProblem>,
    pub lang: Lang,
    /// Who the audit log names: the operating-system user, with the configured name beside it.
    pub actor: String,
    /// `HEMBESOK_NOW` as given: a fixed clock for the app (demonstrations and tests).
    pub fixed_now: Option<String>,
}

impl Session {
    /// Reads the config file (once), the locale and the user; `flag` is `--lang`, which wins.
    pub fn load(flag: Option<Lang>) -> Session {
        let (config, config_problem) = crate::config::default_path()
            .map(|p| crate::config::load(&p))
            .unwrap_or_default();
        let lang = crate::config::resolve_lang(flag, &config, |k| std::env::var(k).ok());
        Session {
            actor: crate::paths::actor(config.coordinator.as_deref()),
            lang,
            config,
            config_problem,
            fixed_now: std::env::var("HEMBESOK_NOW").ok(),
        }
    }

    /// The real clock: what commands stamp their work with.
    pub fn now(&self) -> NaiveDateTime {
        Local::now().naive_local()
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// Who and when, for the use cases a command runs.
    pub fn ctx(&self) -> crate::ops::Ctx {
        crate::ops::Ctx {
            actor: self.actor.clone(),
            now: self.now(),
        }
    }

    /// The app's clock: `HEMBESOK_NOW` when it is set (a time it cannot read is an error the
    /// caller reports), else none, and the app follows the real clock.
    pub fn app_clock(&self) -> Result<Option<NaiveDateTime>, String> {
        match &self.fixed_now {
            None => Ok(None),
            Some(text) => NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M")
                .map(Some)
                .map_err(|_| text.clone()),
        }
    }
}
