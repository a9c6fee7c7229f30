//! What the subcommands print when they succeed: closing lines, and the lines of `check` and
//! `audit`.

use crate::domain::enums::AuditEntity;
use std::fmt::Write as _;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::ics::SyncCounts;
use crate::i18n::Lang;

/// What one check of `hembesok check` found, as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckDetail {
    Ok,
    SchemaVersion {
        found: i64,
        supported: i64,
    },
    BrokenReferences {
        count: usize,
        example: String,
    },
    /// The audit log's chain does not hold from this row on.
    ChainBrokenAt(i64),
    /// Triggers that keep the audit log append-only are gone.
    TriggersMissing(String),
    /// SQLite's own words, or a value such as the application id: shown as they are.
    Quoted(String),
}

/// One line of `hembesok check`: the check's name, its verdict and what it found.
pub fn check_line(name: &str, ok: bool, detail: &CheckDetail, lang: Lang) -> String {
    let verdict = match (ok, lang) {
        (true, _) => "ok",
        (false, Lang::En) => "FAIL",
        (false, Lang::Sv) => "FEL",
    };
    let detail = match (detail, lang) {
        // The verdict says it already: "ok ok" says nothing more.
        (CheckDetail::Ok, _) => String::new(),
        (CheckDetail::SchemaVersion { found, supported }, Lang::En) if found < supported => {
            format!("{found} (this program: {supported}; upgraded when next opened to write)")
        }
        (CheckDetail::SchemaVersion { found, supported }, Lang::Sv) if found < supported => {
            format!(
                "{found} (det här programmet: {supported}; uppgraderas när den öppnas för att skriva)"
            )
        }
        (CheckDetail::SchemaVersion { found, supported }, Lang::En) => {
            format!("{found} (this program: {supported})")
        }
        (CheckDetail::SchemaVersion { found, supported }, Lang::Sv) => {
            format!("{found} (det här programmet: {supported})")
        }
        (CheckDetail::BrokenReferences { count, example }, Lang::En) => {
            format!("{count} broken references, e.g. {example}")
        }
        (CheckDetail::BrokenReferences { count, example }, Lang::Sv) => {
            format!("{count} trasiga referenser, t.ex. {example}")
        }
        (CheckDetail::ChainBrokenAt(id), Lang::En) => {
            format!("broken at row {id}: the log was changed after it was written")
        }
        (CheckDetail::ChainBrokenAt(id), Lang::Sv) => {
            format!("bruten vid rad {id}: loggen har ändrats efter att den skrevs")
        }
        (CheckDetail::TriggersMissing(names), Lang::En) => format!("missing: {names}"),
        (CheckDetail::TriggersMissing(names), Lang::Sv) => format!("saknas: {names}"),
        (CheckDetail::Quoted(text), _) => text.clone(),
    };
    format!("{name:<18} {verdict:<4} {detail}")
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
