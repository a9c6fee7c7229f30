//! What the Groups screen, a series page and a roll call show, as read from the database.

use chrono::{NaiveDate, NaiveDateTime};

use super::enums::{AttendanceStatus, Protection, SessionStatus};

/// A part of the list of series, as the Groups screen reads it: how many series each section
/// holds (current, planned, ended, in that order on screen), and the rows from the
/// `offset`-th of the whole list on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupList {
    pub counts: [usize; 3],
    pub offset: usize,
    pub rows: Vec<GroupRow>,
    /// The series that ended more than [`ENDED_DAYS`] days ago: left out of the ended section
    /// unless [`Ended::All`] is asked, counted either way so the screen can say so.
    pub earlier: usize,
}

/// How far back an ended series is listed unless all are asked for, in days.
pub const ENDED_DAYS: i64 = 120;

/// Which ended series the list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ended {
    /// Those that ended in the last [`ENDED_DAYS`] days.
    #[default]
    Lately,
    /// Every series that ended, the latest first.
    All,
}

impl Ended {
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Ended::Lately => Ended::All,
            Ended::All => Ended::Lately,
        }
    }
}

impl GroupList {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// One series in the list of series.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub id: i64,
    pub name: String,
    pub method: Option<String>,
    pub language: Option<String>,
    pub capacity: Option<u32>,
    /// Members who have not left.
    pub members: u32,
    pub sessions: u32,
    pub first: Option<NaiveDateTime>,
    pub last: Option<NaiveDateTime>,
    /// The next planned session from now.
    pub next: Option<NaiveDateTime>,
    /// Present marks and all marks at held sessions so far.
    pub present: u32,
    pub marked: u32,
}

/// Where a series stands: running, not started, or over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Current,
    Planned,
    Ended,
}

impl GroupRow {
    pub fn phase(&self, today: NaiveDate) -> Phase {
        match (self.first, self.last) {
            (Some(first), _) if first.date() > today => Phase::Planned,
            (_, Some(last)) if last.date() < today => Phase::Ended,
            (None, _) => Phase::Planned,
            _ => Phase::Current,
        }
    }

    /// Attendance so far in percent, when anything is marked.
    pub fn rate(&self) -> Option<u32> {
        (self.marked > 0).then(|| self.present * 100 / self.marked)
    }
}

/// A series' own fields.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInfo {
    pub id: i64,
    pub name: String,
    pub method: Option<String>,
    pub language: Option<String>,
    pub place: Option<String>,
    pub area: Option<String>,
    pub capacity: Option<u32>,
    pub born: Option<(NaiveDate, NaiveDate)>,
    /// Leaders by id and name.
    pub leaders: Vec<(i64, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub id: i64,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub theme: Option<String>,
    pub status: SessionStatus,
    pub cancel_reason: Option<String>,
    pub dropins: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub family_id: i64,
    pub family_ref: String,
    pub name: String,
    /// A protected family is shown by its reference, never by a name.
    pub protection: Protection,
    pub joined: NaiveDate,
    pub left: Option<NaiveDate>,
}

/// A series page: its sessions, its members and every mark between them.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPage {
    pub info: GroupInfo,
    pub sessions: Vec<SessionRow>,
    pub members: Vec<MemberRow>,
    /// (session, family, status).
    pub marks: Vec<(i64, i64, AttendanceStatus)>,
}

impl GroupPage {
    pub fn mark(&self, session_id: i64, family_id: i64) -> Option<AttendanceStatus> {
        self.marks
            .iter()
            .find(|(s, f, _)| *s == session_id && *f == family_id)
            .map(|m| m.2)
    }
}

/// One member's line in a roll call.
#[derive(Debug, Clone, PartialEq)]
pub struct RollLine {
    pub family_id: i64,
    pub family_ref: String,
    pub name: String,
    /// A protected family is shown by its reference, never by a name.
    pub protection: Protection,
    pub status: Option<AttendanceStatus>,
    pub adults: u32,
}

/// A session's roll call: the members on its date, each with their mark.
#[derive(Debug, Clone, PartialEq)]
pub struct RollCall {
    pub group_id: i64,
    pub group_name: String,
    pub session: SessionRow,
    /// The session's number in its series, from 1.
    pub number: u32,
    pub lines: Vec<RollLine>,
}

/// A family that may be added to a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub family_id: i64,
    pub family_ref: String,
    pub name: String,
    /// A protected family is shown by its reference, never by a name.
    pub protection: Protection,
    pub languages: Vec<String>,
    pub born: NaiveDate,
}

/// A family's membership of a series, with its attendance at the held sessions while a member.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyGroup {
    pub group_id: i64,
    pub name: String,
    pub joined: NaiveDate,
    pub left: Option<NaiveDate>,
    /// Held sessions while a member.
    pub held: u32,
    pub present: u32,
    pub absent: u32,
    pub excused: u32,
}

/// A session as a leader's calendar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarSession {
    pub id: i64,
    pub group: String,
    pub method: Option<String>,
    pub place: Option<String>,
    pub theme: Option<String>,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub status: SessionStatus,
    pub cancel_reason: Option<String>,
    /// The series' leaders, who each get it in their calendar.
    pub leaders: Vec<i64>,
}

/// A session in the Week screen's day column, for its leaders.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSession {
    pub id: i64,
    pub group: String,
    pub start: NaiveDateTime,
    pub duration_min: u32,
}

/// The areas a series can be in: those in use (families' and series'), and each staff member's
/// usual area (where most of the visits they went on in the last year were), to default from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AreaChoices {
    pub areas: Vec<String>,
    pub usual: Vec<(i64, String)>,
}

impl AreaChoices {
    /// The area a series most likely is in: one its place names, else the one most of its
    /// leaders usually visit (the first leader's on a tie).
    pub fn default_for(&self, place: &str, leaders: &[i64]) -> Option<&str> {
        let place = place.to_lowercase();
        if !place.is_empty()
            && let Some(named) = self
                .areas
                .iter()
                .filter(|a| place.contains(&a.to_lowercase()))
                .max_by_key(|a| a.len())
        {
            return Some(named);
        }
        let theirs: Vec<&str> = leaders
            .iter()
            .filter_map(|id| self.usual.iter().find(|(s, _)| s == id))
            .map(|(_, a)| a.as_str())
            .collect();
        let count = |a: &str| theirs.iter().filter(|x| **x == a).count();
        theirs
            .iter()
            .copied()
            .fold(None, |best: Option<&str>, a| match best {
                Some(b) if count(b) >= count(a) => Some(b),
                _ => Some(a),
            })
    }
}
