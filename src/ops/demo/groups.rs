//! Demo parent groups: five to seven families whose children are of an age, four to ten weekly
//! sessions (skipping holidays, at times the leaders have no visit), held ones with attendance.

use crate::db::Result;
use chrono::{Datelike, NaiveTime};

use super::families::{DemoFamily, chance, days_after, days_before};
use super::names::{Names, pick};
use super::planner::Planner;
use super::staff::Roster;
use crate::db::WriteTx;
use crate::domain::enums::{AttendanceStatus, SessionStatus};
use crate::domain::model::{Attendance, NewGroup, NewSession};

const METHODS: [&str; 4] = [
    "Föräldragrupp BVC",
    "ABC 0–2 år",
    "Vägledande samspel (ICDP)",
    "Trygghetscirkeln",
];
const THEMES: [&str; 8] = [
    "Amning och mat",
    "Sömn",
    "Anknytning och samspel",
    "Barnsäkerhet",
    "Tänder och tandvård",
    "Språk och läsning",
    "Föräldraskap och relation",
    "Samhällsinformation",
];

/// Session hours: each starts on the hour and lasts 90 minutes, so it takes two visit hours.
const SESSION_HOURS: [u32; 2] = [10, 13];

/// Parent groups of five to seven families whose children are of an age, with four to ten
/// weekly sessions; past sessions held (a few cancelled, a few without attendance recorded)
/// with attendance. A session never clashes with a visit of its leaders.
pub fn create_groups(
    tx: &WriteTx<'_>,
    rng: &mut fastrand::Rng,
    names: &Names,
    roster: &Roster,
    families: &[DemoFamily],
    planner: &Planner,
) -> Result<(u32, u32)> {
    let today = planner.today;
    let mut pool: Vec<&DemoFamily> = families.iter().filter(|f| f.active).collect();
    pool.sort_by_key(|f| (f.birth, f.id));
    let group_count = (families.len() / 20).max(2);
    // Half as many again started earlier, over the year before: a year's report has groups too.
    let earlier = group_count / 2;
    let mut sessions = 0;
    for gi in 0..group_count + earlier {
        let (nurse, advisor, area) = &roster.teams[gi % roster.teams.len()];
        // The first session on a day both leaders work.
        let mut start = if gi < group_count {
            days_before(days_after(today, 30), rng.u64(..230))
        } else {
            days_before(today, 200 + rng.u64(..360))
        };
        for _ in 0..7 {
            let day = crate::domain::enums::Weekday::from_chrono(start.weekday());
            if nurse.work_days.contains(&day) && advisor.work_days.contains(&day) {
                break;
            }
            start = days_after(start, 1);
        }
        // Children six to sixteen weeks old when the group starts.
        let oldest = days_before(start, 16 * 7);
        let youngest = days_before(start, 6 * 7);
        let lo = pool.partition_point(|f| f.birth < oldest);
        let hi = pool.partition_point(|f| f.birth <= youngest);
        let candidates = &pool[lo..hi];
        let own_language = candidates
            .first()
            .map(|f| f.group)
            .filter(|_| chance(rng, 35));
        let language = own_language.map_or("svenska", |g| names.group[g].language.as_str());
        let group_id = tx.insert_group(&NewGroup {
            name: format!("Föräldragrupp {} {}", names.areas[*area], gi + 1),
            method: Some((*pick(rng, &METHODS)).to_string()),
            language: Some(language.to_string()),
            place: Some(names.clinics[*area % names.clinics.len()].clone()),
            capacity: Some(7),
            leaders: vec![nurse.id, advisor.id],
        })?;
        tx.set_group_span(
            group_id,
            Some(names.areas[*area].as_str()),
            Some((oldest, youngest)),
        )?;
        let mut members: Vec<i64> = Vec::new();
        if !candidates.is_empty() {
            for _ in 0..rng.usize(5..=7) {
                let f = candidates[rng.usize(..candidates.len())];
                if !members.contains(&f.id) {
                    members.push(f.id);
                    tx.insert_member(group_id, f.id, start, None)?;
                }
            }
        }
        let hour = SESSION_HOURS[rng.usize(..SESSION_HOURS.len())];
        let first = start.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN));
        let count = rng.usize(4..=10);
        let dates = crate::domain::groups::series_dates(first, count, &[nurse, advisor]);
        for (s, when) in dates.starts.iter().enumerate() {
            let date = when.date();
            // At the group's hour, or the other one when a leader has a visit then; a week
            // where both clash goes without.
            let free = |h: u32| {
                ![nurse.id, advisor.id]
                    .iter()
                    .any(|id| planner.busy(*id, date, h) || planner.busy(*id, date, h + 1))
            };
            let Some(h) = std::iter::once(hour)
                .chain(SESSION_HOURS)
                .find(|h| free(*h))
            else {
                continue;
            };
            let time = NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
            let status = if date >= today {
                SessionStatus::Planned
            } else if chance(rng, 6) {
                SessionStatus::Cancelled
            } else {
                SessionStatus::Held
            };
            // A few held sessions in the past have no attendance recorded.
            let recorded = status == SessionStatus::Held && !chance(rng, 5);
            let session_id = tx.insert_session(&NewSession {
                group_id,
                start: date.and_time(time),
                duration_min: 90,
                theme: Some(THEMES[s % THEMES.len()].to_string()),
                status,
                dropin_count: if status == SessionStatus::Held && chance(rng, 20) {
                    rng.u32(1..3)
                } else {
                    0
                },
            })?;
            sessions += 1;
            if recorded {
                for family_id in &members {
                    let status = match rng.u32(..100) {
                        0..=74 => AttendanceStatus::Present,
                        75..=87 => AttendanceStatus::Absent,
                        _ => AttendanceStatus::Excused,
                    };
                    tx.set_attendance(&Attendance {
                        session_id,
                        family_id: *family_id,
                        status,
                        adults_present: if status == AttendanceStatus::Present {
                            rng.u32(1..=2)
                        } else {
                            0
                        },
                    })?;
                }
            }
        }
    }
    Ok((group_count as u32, sessions))
}
