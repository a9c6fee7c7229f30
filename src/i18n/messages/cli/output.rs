//! What the subcommands print when they succeed: closing lines, and the lines of `check` and
//! `audit`.

use crate::domain::enums::AuditEntity;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::db::{CheckDetail, CheckItem, CheckName, HeadCheck};
use crate::domain::ics::SyncCounts;
use crate::i18n::Lang;

/// A check's name as `hembesok check` lists it.
pub fn check_name(name: CheckName, lang: Lang) -> &'static str {
    match (name, lang) {
        (CheckName::QuickCheck, Lang::En) => "quick check",
        (CheckName::QuickCheck, Lang::Sv) => "snabbkontroll",
        (CheckName::IntegrityCheck, Lang::En) => "full check",
        (CheckName::IntegrityCheck, Lang::Sv) => "full kontroll",
        (CheckName::ForeignKeys, Lang::En) => "references",
        (CheckName::ForeignKeys, Lang::Sv) => "referenser",
        (CheckName::ApplicationId, Lang::En) => "hembesok stamp",
        (CheckName::ApplicationId, Lang::Sv) => "hembesok-stämpel",
        (CheckName::AuditChain, Lang::En) => "audit chain",
        (CheckName::AuditChain, Lang::Sv) => "loggkedja",
        (CheckName::AuditTimes, Lang::En) => "audit times",
        (CheckName::AuditTimes, Lang::Sv) => "loggtider",
        (CheckName::AuditTriggers, Lang::En) => "audit protection",
        (CheckName::AuditTriggers, Lang::Sv) => "loggskydd",
        (CheckName::SchemaVersion, Lang::En) => "schema version",
        (CheckName::SchemaVersion, Lang::Sv) => "schemaversion",
        (CheckName::AuditHead, Lang::En) => "chain head",
        (CheckName::AuditHead, Lang::Sv) => "kedjehuvud",
    }
}

/// What a check found, in words; empty where the verdict says it all.
fn check_detail(detail: &CheckDetail, lang: Lang) -> String {
    let t = |sv: String, en: String| if lang == Lang::Sv { sv } else { en };
    match detail {
        // The verdict says it already: "ok ok" says nothing more.
        CheckDetail::Ok | CheckDetail::ChainWhole(None) => String::new(),
        CheckDetail::Sqlite(lines) => crate::domain::text::clean(&lines.join("; ")).into_owned(),
        CheckDetail::BrokenReferences { count, table, row } => t(
            format!("{count} trasiga referenser, t.ex. {table} rad {row}"),
            format!("{count} broken references, e.g. {table} row {row}"),
        ),
        CheckDetail::ApplicationId(id) => t(
            format!("en annan stämpel ({id:#x}): ett annat programs fil"),
            format!("another stamp ({id:#x}): another program's file"),
        ),
        CheckDetail::ChainWhole(Some(head)) => t(format!("huvud {head}"), format!("head {head}")),
        CheckDetail::ChainBrokenAt(id) => t(
            format!("bruten vid rad {id}: loggen har ändrats efter att den skrevs"),
            format!("broken at row {id}: the log was changed after it was written"),
        ),
        CheckDetail::TimeBackwards(id) => t(
            format!("rad {id} är loggad före raden före den: klockan eller loggen har ändrats"),
            format!(
                "row {id} is logged before the row before it: the clock or the log was changed"
            ),
        ),
        CheckDetail::TriggersMissing(names) => t(
            format!("saknas: {}", names.join(", ")),
            format!("missing: {}", names.join(", ")),
        ),
        CheckDetail::SchemaVersion { found, supported } if found < supported => t(
            format!(
                "{found} (det här programmet: {supported}; uppgraderas när den öppnas för att skriva)"
            ),
            format!("{found} (this program: {supported}; upgraded when next opened to write)"),
        ),
        CheckDetail::SchemaVersion { found, supported } => t(
            format!("{found} (det här programmet: {supported})"),
            format!("{found} (this program: {supported})"),
        ),
        CheckDetail::Head(head, HeadCheck::PassesThrough) => t(
            format!("loggen går genom {}", head_text(head)),
            format!("the log passes through {}", head_text(head)),
        ),
        CheckDetail::Head(head, HeadCheck::Missing) => t(
            format!(
                "{} finns inte i loggen: rader har tagits bort efter den",
                head_text(head)
            ),
            format!(
                "{} is not in the log: rows were removed after it",
                head_text(head)
            ),
        ),
        CheckDetail::Head(head, HeadCheck::Differs) => t(
            format!(
                "rad {} har en annan kontrollsumma: loggen har skrivits om fram till den",
                head.id.map_or_else(|| "?".into(), |i| i.to_string())
            ),
            format!(
                "row {} has another hash: the log was rewritten up to it",
                head.id.map_or_else(|| "?".into(), |i| i.to_string())
            ),
        ),
        CheckDetail::CouldNotRun(e) => crate::i18n::messages::outcome::db_error(e)
            .get(lang)
            .to_string(),
    }
}

fn head_text(head: &crate::db::HeadQuery) -> String {
    match head.id {
        Some(id) => format!("{id}:{}", head.hash),
        None => head.hash.clone(),
    }
}

/// The warning at the top of `audit` when the log's chain does not hold (none when it does).
pub fn chain_warning(state: &crate::db::ChainState, lang: Lang) -> Option<String> {
    use crate::db::ChainState;
    match (state, lang) {
        (ChainState::Whole { .. }, _) => None,
        (ChainState::BrokenAt(id), Lang::En) => Some(format!(
            "WARNING: the audit log's chain is broken at row {id}: rows from there on were changed, removed or slipped in after they were written. Run `hembesok check`, and keep a backup of the file as it is."
        )),
        (ChainState::BrokenAt(id), Lang::Sv) => Some(format!(
            "VARNING: granskningsloggens kedja är bruten vid rad {id}: rader därifrån har ändrats, tagits bort eller lagts till efter att de skrevs. Kör `hembesok check`, och spara en säkerhetskopia av filen som den är."
        )),
        (ChainState::TimeBackwards(id), Lang::En) => Some(format!(
            "WARNING: audit row {id} is logged before the row before it: the clock or the log was changed. Run `hembesok check`."
        )),
        (ChainState::TimeBackwards(id), Lang::Sv) => Some(format!(
            "VARNING: loggrad {id} är loggad före raden före den: klockan eller loggen har ändrats. Kör `hembesok check`."
        )),
    }
}

/// One line of `hembesok check`: the check's name, its verdict and what it found.
pub fn check_line(item: &CheckItem, lang: Lang) -> String {
    let verdict = match (item.ok, lang) {
        (true, _) => "ok",
        (false, Lang::En) => "FAIL",
        (false, Lang::Sv) => "FEL",
    };
    format!(
        "{:<18} {verdict:<4} {}",
        check_name(item.name, lang),
        check_detail(&item.detail, lang)
    )
    .trim_end()
    .to_string()
}

/// The closing line of a healthy `hembesok check`.
pub fn check_counts(c: &crate::db::Counts, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} families, {} children, {} staff, {} visits, {} group sessions",
            c.families, c.children, c.staff, c.visits, c.sessions
        ),
        Lang::Sv => format!(
            "{} familjer, {} barn, {} i personalen, {} besök, {} gruppträffar",
            c.families, c.children, c.staff, c.visits, c.sessions
        ),
    }
}

/// What an audit entry is about: a family by its reference, another record by kind and number.
pub fn audit_subject(
    entity: AuditEntity,
    id: Option<i64>,
    family_ref: Option<&str>,
    lang: Lang,
) -> String {
    let kind = crate::i18n::labels::audit_entity(entity);
    let kind = kind.get(lang);
    match (family_ref, id) {
        (Some(r), _) if entity == AuditEntity::Family => format!("{kind} {r}"),
        (_, Some(id)) => format!("{kind} #{id}"),
        (_, None) => kind.to_string(),
    }
}

/// The head of a family's extract of the log: whose, for which period, who ran it and when.
pub fn extract_header(
    family_ref: &str,
    since: Option<NaiveDate>,
    actor: &str,
    now: chrono::NaiveDateTime,
    lang: Lang,
) -> String {
    let when = now.format("%Y-%m-%d %H:%M");
    match (lang, since) {
        (Lang::En, Some(since)) => format!(
            "Extract of the audit log for family {family_ref}: every view, change and export of its record from {since} until {when}. Taken by {actor} at {when}.\n"
        ),
        (Lang::En, None) => format!(
            "Extract of the audit log for family {family_ref}: every view, change and export of its record since it was registered, until {when}. Taken by {actor} at {when}.\n"
        ),
        (Lang::Sv, Some(since)) => format!(
            "Utdrag ur granskningsloggen för familjen {family_ref}: varje visning, ändring och export av dess uppgifter från {since} till {when}. Taget av {actor} {when}.\n"
        ),
        (Lang::Sv, None) => format!(
            "Utdrag ur granskningsloggen för familjen {family_ref}: varje visning, ändring och export av dess uppgifter sedan den registrerades, till {when}. Taget av {actor} {when}.\n"
        ),
    }
}

/// The heading of the extract's visits, above the log.
pub fn extract_visits_heading(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Visits (who of the family took part, for a visit that took place):",
        Lang::Sv => "Besök (vilka i familjen som var med, för ett besök som blev av):",
    }
}

/// One visit of the family's extract: when, which, how it went, and who of the family took part.
pub fn extract_visit(v: &crate::domain::model::ExtractVisit, lang: Lang) -> String {
    use crate::domain::enums::VisitStatus;
    use crate::i18n::labels;
    let which = match (v.visit_no, lang) {
        (Some(n), Lang::En) => format!("visit {n}"),
        (Some(n), Lang::Sv) => format!("besök {n}"),
        (None, Lang::En) => "extra visit".to_string(),
        (None, Lang::Sv) => "extra besök".to_string(),
    };
    let status = labels::visit_status(v.status).get(lang).to_string();
    let present = match (v.status, v.family_present) {
        (VisitStatus::Done, Some(p)) => format!(", {}", labels::family_present(p).get(lang)),
        (VisitStatus::Done, None) => match lang {
            Lang::En => ", who took part not recorded".to_string(),
            Lang::Sv => ", vilka som var med ej angivet".to_string(),
        },
        _ => String::new(),
    };
    format!(
        "{}  {which}: {status}{present}",
        v.start.format("%Y-%m-%d %H:%M")
    )
}

pub fn audit_empty(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "no entries",
        Lang::Sv => "inga poster",
    }
}

/// What a subcommand did, for its closing line on stdout.
#[derive(Debug, Clone)]
pub enum Done {
    Demo {
        families: u32,
        staff: u32,
        visits: u32,
        groups: u32,
        sessions: u32,
        seconds: f64,
    },
    DemoDatabase {
        path: PathBuf,
    },
    /// The app's `--demo` made its database first.
    DemoForApp {
        families: u32,
        path: PathBuf,
    },
    Backup {
        path: PathBuf,
    },
    /// The audit log's head after a backup, an export or a check: a fingerprint to keep.
    ChainHead(crate::db::Head),
    /// `check --repair` found nothing to repair.
    NothingToRepair,
    /// `check --repair` rebuilt the indexes.
    IndexesRebuilt,
    /// `report` wrote its file.
    Report {
        period: crate::domain::period::Period,
        path: PathBuf,
        checksum: String,
        preliminary: bool,
        revision: u32,
        /// What the period's records lack, by kind (`MissingKind::ALL` order).
        missing: [u64; 5],
    },
    Restored {
        families: i64,
        visits: i64,
        from: PathBuf,
        safety: PathBuf,
    },
    Calendar {
        counts: SyncCounts,
        from: NaiveDate,
        to: NaiveDate,
        path: PathBuf,
    },
    /// One person's file of `calendar --all`.
    CalendarPerson {
        person: String,
        file: String,
        counts: SyncCounts,
    },
    /// `retention`: what a run covers (`applied` false: the dry run), and whether the file
    /// was rewritten without the removed content.
    Retention {
        before: NaiveDate,
        counts: crate::db::RetentionCounts,
        applied: bool,
        wiped: bool,
    },
    /// The closing line of `calendar --all`.
    CalendarFolder {
        files: usize,
        from: NaiveDate,
        to: NaiveDate,
        dir: PathBuf,
        counts: SyncCounts,
    },
}

/// "2 new, 1 changed, 0 cancelled", and how many are as before when `unchanged`.
fn sync_counts(c: SyncCounts, unchanged: bool, lang: Lang) -> String {
    let mut text = match lang {
        Lang::En => format!(
            "{} new, {} changed, {} cancelled",
            c.new, c.changed, c.cancelled
        ),
        Lang::Sv => format!(
            "{} {}, {} {}, {} {}",
            c.new,
            if c.new == 1 { "nytt" } else { "nya" },
            c.changed,
            if c.changed == 1 {
                "ändrat"
            } else {
                "ändrade"
            },
            c.cancelled,
            if c.cancelled == 1 {
                "inställt"
            } else {
                "inställda"
            },
        ),
    };
    if unchanged {
        let _ = match lang {
            Lang::En => write!(text, ", {} unchanged", c.unchanged),
            Lang::Sv => write!(
                text,
                ", {} {}",
                c.unchanged,
                if c.unchanged == 1 {
                    "oförändrat"
                } else {
                    "oförändrade"
                }
            ),
        };
    }
    text
}

impl Done {
    /// Both languages, for a status line in the app that says what a command would print.
    pub fn text(&self) -> crate::i18n::Text {
        crate::i18n::Text::new(self.render(Lang::Sv), self.render(Lang::En))
    }

    pub fn render(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Done::Retention {
                    before,
                    counts,
                    applied,
                    wiped,
                },
                _,
            ) => retention(*before, *counts, *applied, *wiped, lang),
            (
                Done::Report {
                    period,
                    path,
                    checksum,
                    preliminary,
                    revision,
                    missing,
                },
                lang,
            ) => report_done(
                *period,
                path,
                checksum,
                *preliminary,
                *revision,
                missing,
                lang,
            ),
            (
                Done::Demo {
                    families,
                    staff,
                    visits,
                    groups,
                    sessions,
                    seconds,
                },
                Lang::En,
            ) => format!(
                "created {families} families, {staff} staff, {visits} visits, {groups} parent groups with {sessions} sessions in {seconds:.2} s"
            ),
            (
                Done::Demo {
                    families,
                    staff,
                    visits,
                    groups,
                    sessions,
                    seconds,
                },
                Lang::Sv,
            ) => format!(
                "skapade {families} familjer, {staff} i personalen, {visits} besök, {groups} föräldragrupper med {sessions} träffar på {seconds:.2} s"
            ),
            (Done::DemoDatabase { path }, Lang::En) => format!("database: {}", path.display()),
            (Done::DemoForApp { families, path }, Lang::En) => format!(
                "demo database created with {families} fictional families: {}",
                path.display()
            ),
            (Done::DemoForApp { families, path }, Lang::Sv) => format!(
                "demodatabasen är skapad med {families} påhittade familjer: {}",
                path.display()
            ),
            (Done::DemoDatabase { path }, Lang::Sv) => format!("databas: {}", path.display()),
            (Done::Backup { path }, Lang::En) => {
                format!("backup written and verified: {}", path.display())
            }
            (Done::Backup { path }, Lang::Sv) => {
                format!(
                    "säkerhetskopian är skriven och kontrollerad: {}",
                    path.display()
                )
            }
            (Done::ChainHead(head), Lang::En) => format!(
                "audit log head: {head} (keep it elsewhere; `hembesok check --head {head}` shows later that the log still passes through it)"
            ),
            (Done::ChainHead(head), Lang::Sv) => format!(
                "granskningsloggens kedjehuvud: {head} (spara det någon annanstans; `hembesok check --head {head}` visar senare att loggen fortfarande går genom det)"
            ),
            (Done::NothingToRepair, Lang::En) => "the full check finds nothing to repair".into(),
            (Done::NothingToRepair, Lang::Sv) => {
                "den fullständiga kontrollen hittar inget att laga".into()
            }
            (Done::IndexesRebuilt, Lang::En) => {
                "the indexes were rebuilt, and the full check now passes".into()
            }
            (Done::IndexesRebuilt, Lang::Sv) => {
                "indexen är ombyggda, och den fullständiga kontrollen går nu igenom".into()
            }
            (
                Done::Restored {
                    families,
                    visits,
                    from,
                    safety,
                },
                Lang::En,
            ) => format!(
                "restored {families} families and {visits} visits from {}; what was there before is saved in {}",
                from.display(),
                safety.display()
            ),
            (
                Done::Restored {
                    families,
                    visits,
                    from,
                    safety,
                },
                Lang::Sv,
            ) => format!(
                "återställde {families} familjer och {visits} besök från {}; det som fanns innan är sparat i {}",
                from.display(),
                safety.display()
            ),
            (
                Done::Calendar {
                    counts,
                    from,
                    to,
                    path,
                },
                Lang::En,
            ) => format!(
                "{} {} from {from} to {to} written to {}: {}",
                counts.events(),
                // Visits and group sessions alike: the calendar's word for both.
                if counts.events() == 1 {
                    "event"
                } else {
                    "events"
                },
                path.display(),
                sync_counts(*counts, false, lang)
            ),
            (
                Done::Calendar {
                    counts,
                    from,
                    to,
                    path,
                },
                Lang::Sv,
            ) => format!(
                "{} {} från {from} till {to} skrivna till {}: {}",
                counts.events(),
                if counts.events() == 1 {
                    "händelse"
                } else {
                    "händelser"
                },
                path.display(),
                sync_counts(*counts, false, lang)
            ),
            (
                Done::CalendarPerson {
                    person,
                    file,
                    counts,
                },
                _,
            ) => format!("{person} ({file}): {}", sync_counts(*counts, true, lang)),
            (
                Done::CalendarFolder {
                    files,
                    from,
                    to,
                    dir,
                    counts,
                },
                Lang::En,
            ) => format!(
                "{files} {} from {from} to {to} written to {}: {}",
                if *files == 1 { "calendar" } else { "calendars" },
                dir.display(),
                sync_counts(*counts, true, lang)
            ),
            (
                Done::CalendarFolder {
                    files,
                    from,
                    to,
                    dir,
                    counts,
                },
                Lang::Sv,
            ) => format!(
                "{files} {} från {from} till {to} skrivna till {}: {}",
                if *files == 1 { "kalender" } else { "kalendrar" },
                dir.display(),
                sync_counts(*counts, true, lang)
            ),
        }
    }
}

/// The lines of `retention`: counts only, never a name.
fn retention(
    before: NaiveDate,
    counts: crate::db::RetentionCounts,
    applied: bool,
    wiped: bool,
    lang: Lang,
) -> String {
    let crate::db::RetentionCounts {
        families: f,
        caregivers: g,
        children: k,
        visits: v,
    } = counts;
    match (lang, applied) {
        (Lang::En, false) => format!(
            "families whose participation ended before {before}: {f} ({g} caregivers, {k} children, {v} visits); \
nothing was changed. Run again with --apply to anonymise them"
        ),
        (Lang::Sv, false) => format!(
            "familjer vars deltagande slutade före {before}: {f} ({g} vårdnadshavare, {k} barn, {v} besök); \
ingenting ändrades. Kör igen med --apply för att avidentifiera dem"
        ),
        (Lang::En, true) => {
            let mut text = format!(
                "anonymised {f} families whose participation ended before {before} ({g} caregivers, {k} children, {v} visits)"
            );
            text.push_str(if wiped {
                "; the file was rewritten without their names"
            } else {
                "; the file could not be rewritten now (is the app open on it?), so removed names may remain in its unused space: close the app and run `hembesok retention --apply` again"
            });
            text
        }
        (Lang::Sv, true) => {
            let mut text = format!(
                "avidentifierade {f} familjer vars deltagande slutade före {before} ({g} vårdnadshavare, {k} barn, {v} besök)"
            );
            text.push_str(if wiped {
                "; filen skrevs om utan deras namn"
            } else {
                "; filen kunde inte skrivas om nu (är appen öppen på den?), så borttagna namn kan finnas kvar i dess oanvända utrymme: stäng appen och kör `hembesok retention --apply` igen"
            });
            text
        }
    }
}

/// The lines of a written report: where, its checksum, a preliminary period and a revision said,
/// and a warning line with what the period's records lack.
fn report_done(
    period: crate::domain::period::Period,
    path: &std::path::Path,
    checksum: &str,
    preliminary: bool,
    revision: u32,
    missing: &[u64; 5],
    lang: Lang,
) -> String {
    use crate::domain::report::MissingKind;
    let mut out = match lang {
        Lang::En => format!(
            "report for {period}{} written to {}\nSHA-256 {checksum}",
            if preliminary {
                " (preliminary: the period has not ended)"
            } else {
                ""
            },
            path.display()
        ),
        Lang::Sv => format!(
            "rapporten för {period}{} skriven till {}\nSHA-256 {checksum}",
            if preliminary {
                " (preliminär: perioden är inte slut)"
            } else {
                ""
            },
            path.display()
        ),
    };
    if revision > 1 {
        let _ = match lang {
            Lang::En => write!(
                out,
                "\nrevision {revision}: the figures differ from an earlier file of {period}; the file names the earlier ones"
            ),
            Lang::Sv => write!(
                out,
                "\nrevision {revision}: siffrorna skiljer sig från en tidigare fil för {period}; filen anger de tidigare"
            ),
        };
    }
    let lacking: Vec<String> = MissingKind::ALL
        .iter()
        .filter(|k| missing[k.index()] > 0)
        .map(|k| {
            format!(
                "{} {}",
                missing[k.index()],
                crate::i18n::report::missing(*k, lang)
            )
        })
        .collect();
    if !lacking.is_empty() {
        out.push('\n');
        out.push_str(match lang {
            Lang::En => "warning: the period's records are incomplete: ",
            Lang::Sv => "varning: periodens uppgifter är ofullständiga: ",
        });
        out.push_str(&lacking.join(", "));
    }
    out
}

/// What `init` set up, and what each person does next.
pub fn initialised(db: &Path, group: &str, config: Option<&Path>, lang: Lang) -> String {
    let db = db.display();
    let group = crate::domain::text::clean(group);
    let config_line = |sv: bool| match (config, sv) {
        (Some(c), true) => format!(
            "\nDen gemensamma konfigurationen {} anger databasen: var och en kör bara `hembesok`.",
            c.display()
        ),
        (Some(c), false) => format!(
            "\nThe system-wide config {} names the database: each person just runs `hembesok`.",
            c.display()
        ),
        (None, true) => format!("\nVar och en öppnar den med `hembesok --db {db}`."),
        (None, false) => format!("\nEach person opens it with `hembesok --db {db}`."),
    };
    match lang {
        Lang::Sv => format!(
            "{db} är teamets databas: mappen tillhör gruppen {group} (2770), filerna har rättigheterna 0660.\nLägg till varje person i gruppen med `usermod -aG {group} NAMN`.{}",
            config_line(true)
        ),
        Lang::En => format!(
            "{db} is the team's database: the folder belongs to the group {group} (2770), its files are 0660.\nAdd each person to the group with `usermod -aG {group} NAME`.{}",
            config_line(false)
        ),
    }
}
