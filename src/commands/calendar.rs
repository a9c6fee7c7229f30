//! `hembesok calendar`: a staff member's visits as an iCalendar file, or a folder of files for
//! every active staff member.

use super::out;
use crate::error::Result;
use chrono::{Days, NaiveDate};

use crate::cli::CalendarArgs;
use crate::db::Db;
use crate::domain::calendar::{IsoWeek, WeekError};
use crate::domain::ics::SyncCounts;
use crate::i18n::messages::cli::{CommandError, Done};
use crate::session::Session;

fn parse_day(text: &str, flag: &'static str) -> std::result::Result<NaiveDate, CommandError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| CommandError::NotADate {
        flag,
        text: text.to_string(),
    })
}

/// The days asked for: a week, a span, or this week.
fn days(
    args: &CalendarArgs,
    today: NaiveDate,
) -> std::result::Result<(NaiveDate, NaiveDate), CommandError> {
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        let (from, to) = (parse_day(from, "--from")?, parse_day(to, "--to")?);
        if to < from {
            return Err(CommandError::ToBeforeFrom { from, to });
        }
        return Ok((from, to));
    }
    let bad_week = |error| CommandError::BadWeek {
        text: args.week.clone().unwrap_or_default(),
        error,
    };
    let week = match &args.week {
        Some(text) => IsoWeek::parse(text).map_err(bad_week)?,
        None => IsoWeek::of(today),
    };
    let monday = week.monday().ok_or_else(|| {
        bad_week(WeekError::NoSuchWeek {
            year: week.year,
            week: week.week,
        })
    })?;
    Ok((monday, monday + Days::new(6)))
}

pub fn run(db: &mut Db, args: &CalendarArgs, session: &Session) -> Result<()> {
    let (from, to) = days(args, session.today())?;
    match (&args.dir, &args.staff, &args.out) {
        (Some(dir), _, _) if args.all => {
            let people =
                crate::ops::calendar::export_all(db, &session.ctx(), session.lang, (from, to), dir)
                    .map_err(CommandError::Op)?;
            let mut total = SyncCounts::default();
            for p in &people {
                total = total.plus(p.counts);
                let done = Done::CalendarPerson {
                    person: p.person.clone(),
                    file: p
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    counts: p.counts,
                };
                out::say(done.render(session.lang))?;
            }
            let done = Done::CalendarFolder {
                files: people.len(),
                from,
                to,
                dir: dir.clone(),
                counts: total,
            };
            out::say(done.render(session.lang))?;
            if let Some(head) = db.read(|tx| tx.chain_head())? {
                out::say(Done::ChainHead(head).render(session.lang))?;
            }
            Ok(())
        }
        (_, Some(staff), Some(out)) => {
            let export = crate::ops::calendar::export_staff(
                db,
                &session.ctx(),
                session.lang,
                staff,
                (from, to),
                out,
            )
            .map_err(CommandError::Op)?;
            let done = Done::Calendar {
                counts: export.counts,
                from,
                to,
                path: out.clone(),
            };
            out::say(done.render(session.lang))?;
            if let Some(head) = export.head {
                out::say(Done::ChainHead(head).render(session.lang))?;
            }
            Ok(())
        }
        // clap requires --staff and --out, or --all and --dir.
        _ => Err(CommandError::CalendarWhoAndWhere.into()),
    }
}
