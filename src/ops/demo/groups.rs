//! Demo parent groups: five to seven families whose children are of an age, sessions every other
//! week, held ones with attendance.

use crate::db::Result;
use chrono::{NaiveDate, NaiveTime};

use super::families::{DemoFamily, chance, days_after, days_before};
use super::names::{Names, pick};
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

/// Parent groups of five to seven families whose children are of an age, with sessions every
/// other week; past sessions held (a few cancelled) with attendance.
pub fn create_groups(
    tx: &WriteTx<'_>,
    rng: &mut fastrand::Rng,
    names: &Names,
    roster: &Roster,
    families: &[DemoFamily],
    today: NaiveDate,
) -> Result<(u32, u32)> {
    let mut pool: Vec<&DemoFamily> = families.iter().filter(|f| f.active).collect();
    pool.sort_by_key(|f| (f.birth, f.id));
    let group_count = (families.len() / 20).max(2);
    let mut sessions = 0;
    for gi in 0..group_count {
        let start = days_before(days_after(today, 30), rng.u64(..230));
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
        let (nurse, advisor, area) = &roster.teams[gi % roster.teams.len()];
        let group_id = tx.insert_group(&NewGroup {
            name: format!("Föräldragrupp {} {}", names.areas[*area], gi + 1),
            method: Some((*pick(rng, &METHODS)).to_string()),
            language: Some(language.to_string()),
            place: Some(names.clinics[*area % names.clinics.len()].clone()),
            capacity: Some(7),
            leaders: vec![nurse.id, advisor.id],
        })?;
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
        let time = NaiveTime::from_hms_opt(if chance(rng, 50) { 10 } else { 13 }, 0, 0)
            .unwrap_or(NaiveTime::MIN);
        for s in 0..8u64 {
            let date = days_after(start, s * 14);
            let status = if date >= today {
                SessionStatus::Planned
            } else if chance(rng, 6) {
                SessionStatus::Cancelled
            } else {
                SessionStatus::Held
            };
            let session_id = tx.insert_session(&NewSession {
                group_id,
                start: date.and_time(time),
                duration_min: 90,
                theme: Some(THEMES[s as usize % THEMES.len()].to_string()),
                status,
                dropin_count: if status == SessionStatus::Held && chance(rng, 20) {
                    rng.u32(1..3)
                } else {
                    0
                },
            })?;
            sessions += 1;
            if status == SessionStatus::Held {
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
