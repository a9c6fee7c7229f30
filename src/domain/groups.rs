//! Parent groups: generating a series' dates, capacity, suggesting members, the attendance
//! figures Groups and the report share, and a session as a booking of its leaders.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use super::booking::{
    Assigned, BookedFor, Booking, BookingRules, Busy, Candidate, Conflict, check_booking,
};
use super::calendar::{holiday_on, is_weekend};
use super::enums::{AttendanceStatus, FamilyStatus, Role, SessionStatus, Weekday};
use super::language;
use super::model::{NewGroup, Staff};

/// A new series as the form or an import asks for it: the sessions are generated from it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRequest {
    pub group: NewGroup,
    pub area: Option<String>,
    /// The children's birth-date span the series is for.
    pub born: Option<(NaiveDate, NaiveDate)>,
    pub first: NaiveDateTime,
    pub count: u32,
    pub duration_min: u32,
    /// One per session, in order; fewer leave the rest without a theme.
    pub themes: Vec<String>,
}

/// A change to a session from its roll call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionChange {
    Held,
    Cancel(String),
    /// A cancelled session planned again (its reason dropped): a cancellation undone.
    Reinstate,
    Dropins(u32),
}

/// A week skipped while generating a series, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    Holiday(&'static str),
    Weekend,
    /// A leader does not work on that weekday.
    DayOff {
        name: String,
    },
}

/// The dates a series will have: weekly from the first session, a week skipped when it falls on
/// a holiday or a leader's day off, until `count` sessions are found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeriesDates {
    pub starts: Vec<NaiveDateTime>,
    pub skipped: Vec<(NaiveDate, Skip)>,
}

/// How many weeks a series may look ahead for its sessions before it gives up (a leader who
/// never works that weekday would otherwise loop for ever).
const MAX_WEEKS: usize = 104;

fn skip_reason(date: NaiveDate, leaders: &[&Staff]) -> Option<Skip> {
    if let Some(h) = holiday_on(date) {
        return Some(Skip::Holiday(h.name));
    }
    if is_weekend(date) {
        return Some(Skip::Weekend);
    }
    let day = Weekday::from_chrono(date.weekday());
    leaders
        .iter()
        .find(|l| !l.work_days.contains(&day))
        .map(|l| Skip::DayOff {
            name: l.name.clone(),
        })
}

/// Weekly from `first`, skipping holidays, weekends and the leaders' days off.
pub fn series_dates(first: NaiveDateTime, count: usize, leaders: &[&Staff]) -> SeriesDates {
    let mut out = SeriesDates::default();
    for week in 0..MAX_WEEKS.max(count) {
        if out.starts.len() >= count {
            break;
        }
        let start = first + Duration::weeks(week as i64);
        match skip_reason(start.date(), leaders) {
            Some(reason) => out.skipped.push((start.date(), reason)),
            None => out.starts.push(start),
        }
    }
    out
}

/// The busy time of a session's leaders: `booking` says which session (stored, or a row of a
/// file being imported), so it never matches a visit being moved, and a series being edited can
/// leave out its own sessions.
pub fn session_busy(
    booking: Booking,
    leaders: &[i64],
    start: NaiveDateTime,
    duration_min: u32,
    group: &str,
) -> Vec<Busy> {
    leaders
        .iter()
        .map(|staff_id| Busy {
            staff_id: *staff_id,
            booking,
            start,
            end: start + Duration::minutes(i64::from(duration_min)),
            whose: BookedFor::Group(group.to_string()),
            area: None,
        })
        .collect()
}

/// What is wrong with each session of a series as a booking of its leaders: double bookings
/// with visits (and other sessions), days off, hours, inactive leaders. Holidays are already
/// skipped by `series_dates`. The series' own sessions (`own`) are no clash.
pub fn check_series(
    starts: &[NaiveDateTime],
    duration_min: u32,
    leaders: &[i64],
    staff: &[Staff],
    busy: &[Busy],
    own: &HashSet<Booking>,
) -> Vec<(NaiveDateTime, Conflict)> {
    let others: Vec<Busy> = busy
        .iter()
        .filter(|b| !own.contains(&b.booking))
        .cloned()
        .collect();
    let rules = BookingRules {
        required_roles: &[],
        window: None,
        staff,
        busy: &others,
        interpreter_language: None,
        rebooking: None,
        check_hours: true,
    };
    let mut out = Vec::new();
    for start in starts {
        let candidate = Candidate {
            start: *start,
            duration_min,
            staff: leaders
                .iter()
                .map(|id| Assigned {
                    role: Role::Other,
                    staff_id: *id,
                })
                .collect(),
            interpreter_staff: None,
            interpreter_external: false,
        };
        out.extend(
            check_booking(&candidate, &rules)
                .into_iter()
                .map(|c| (*start, c)),
        );
    }
    out
}

/// Why a session takes no marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoMarks {
    /// Attendance is for a session that takes place.
    Cancelled,
    /// A session on a later day has no attendance yet.
    NotYet,
}

/// Whether a session takes roll-call marks on `today`: one that is not cancelled and whose day
/// has come (a session later today can be marked as people arrive).
pub fn takes_marks(
    status: SessionStatus,
    start: NaiveDateTime,
    today: NaiveDate,
) -> Result<(), NoMarks> {
    if status == SessionStatus::Cancelled {
        Err(NoMarks::Cancelled)
    } else if start.date() > today {
        Err(NoMarks::NotYet)
    } else {
        Ok(())
    }
}

/// The adults a mark keeps: one or two for a family present, none for absent or excused.
pub fn adults_marked(status: AttendanceStatus, adults: u32) -> u32 {
    if status == AttendanceStatus::Present {
        adults.clamp(1, 2)
    } else {
        0
    }
}

/// A planned session that gets a mark has been held.
pub fn held_by_marks(status: SessionStatus) -> bool {
    status == SessionStatus::Planned
}

/// How many more families fit; `None` when the series has no capacity set.
pub fn room_left(capacity: Option<u32>, members: usize) -> Option<usize> {
    capacity.map(|c| (c as usize).saturating_sub(members))
}

/// Whether a family is a member on `date`: joined by then and not left before it.
pub fn member_on(joined: NaiveDate, left: Option<NaiveDate>, date: NaiveDate) -> bool {
    joined <= date && left.is_none_or(|l| l >= date)
}

/// A family that might join a series, as the suggestion sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberCandidate {
    pub family_id: i64,
    pub status: FamilyStatus,
    pub languages: Vec<String>,
    /// The birth dates of its children.
    pub births: Vec<NaiveDate>,
    /// Already a member of a series that has not ended.
    pub in_group: bool,
}

/// Families to suggest for a series: active or offered, not already in a group, a child born
/// in `span`; those who speak the group's language first, then by the child's birth date.
pub fn suggest_members(
    candidates: &[MemberCandidate],
    span: (NaiveDate, NaiveDate),
    language: Option<&str>,
) -> Vec<i64> {
    let mut picked: Vec<(bool, NaiveDate, i64)> = candidates
        .iter()
        .filter(|c| matches!(c.status, FamilyStatus::Active | FamilyStatus::Offered))
        .filter(|c| !c.in_group)
        .filter_map(|c| {
            let born = c
                .births
                .iter()
                .filter(|b| **b >= span.0 && **b <= span.1)
                .min()?;
            let speaks =
                language.is_some_and(|lang| c.languages.iter().any(|l| language::same(l, lang)));
            Some((!speaks, *born, c.family_id))
        })
        .collect();
    picked.sort();
    picked.into_iter().map(|(_, _, id)| id).collect()
}

/// A session as the figures see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionFact {
    pub id: i64,
    pub date: NaiveDate,
    pub status: SessionStatus,
    pub dropins: u32,
}

/// A membership as the figures see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemberFact {
    pub family_id: i64,
    pub joined: NaiveDate,
    pub left: Option<NaiveDate>,
}

/// One recorded mark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub session_id: i64,
    pub family_id: i64,
    pub status: AttendanceStatus,
}

/// Attendance figures over some sessions: what Groups shows and the report counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    pub held: u32,
    pub cancelled: u32,
    /// Held sessions with no marks at all: not recorded, which is not absence.
    pub not_recorded: u32,
    pub present: u32,
    pub absent: u32,
    pub excused: u32,
    /// Distinct families present at one held session or more.
    pub families_attending: u32,
    pub dropins: u32,
}

impl Figures {
    /// present ÷ (present + absent + excused), in percent; `None` with nothing marked.
    pub fn rate(&self) -> Option<f64> {
        let marked = self.present + self.absent + self.excused;
        (marked > 0).then(|| f64::from(self.present) * 100.0 / f64::from(marked))
    }
}

/// The figures of `sessions`: a cancelled session counts as cancelled and nothing else; a mark
/// counts only at a held session and only while the family was a member on its date.
pub fn figures(sessions: &[SessionFact], members: &[MemberFact], marks: &[Mark]) -> Figures {
    let mut f = Figures::default();
    let mut attending: HashSet<i64> = HashSet::new();
    for s in sessions {
        match s.status {
            SessionStatus::Planned => continue,
            SessionStatus::Cancelled => {
                f.cancelled += 1;
                continue;
            }
            SessionStatus::Held => f.held += 1,
        }
        f.dropins += s.dropins;
        let mut any = false;
        for m in marks.iter().filter(|m| m.session_id == s.id) {
            let member = members
                .iter()
                .any(|x| x.family_id == m.family_id && member_on(x.joined, x.left, s.date));
            if !member {
                continue;
            }
            any = true;
            match m.status {
                AttendanceStatus::Present => {
                    f.present += 1;
                    attending.insert(m.family_id);
                }
                AttendanceStatus::Absent => f.absent += 1,
                AttendanceStatus::Excused => f.excused += 1,
            }
        }
        if !any {
            f.not_recorded += 1;
        }
    }
    f.families_attending = u32::try_from(attending.len()).unwrap_or(u32::MAX);
    f
}

#[cfg(test)]
mod tests;
