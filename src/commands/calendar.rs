//! `hembesok calendar`: a staff member's visits as an iCalendar file.

use anyhow::Result;
use chrono::{Days, NaiveDate};

use super::Invocation;
use crate::cli::CalendarArgs;
use crate::db::Db;
use crate::domain::calendar::{IsoWeek, WeekError};
use crate::i18n::cli::{CommandError, Done};

fn parse_day(text: &str, flag: &'static str) -> Result<NaiveDate, CommandError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| CommandError::NotADate {
        flag,
        text: text.to_string(),
    })
}

/// The days asked for: a week, a span, or this week.
fn days(args: &CalendarArgs, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), CommandError> {
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

pub fn run(db: &mut Db, args: &CalendarArgs, inv: &Invocation) -> Result<()> {
    let (from, to) = days(args, inv.today())?;
    let export = crate::ops::calendar::export_staff(
        db,
        &inv.ctx(),
        inv.lang,
        &args.staff,
        (from, to),
        &args.out,
    )
    .map_err(CommandError::Op)?;
    let done = Done::Calendar {
        visits: export.visits,
        from,
        to,
        path: args.out.clone(),
    };
    println!("{}", done.render(inv.lang));
    Ok(())
}
