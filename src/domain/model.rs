//! The records of the planning register, as the rest of the program sees them.

use std::ops::{Deref, DerefMut};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::enums::{
    AttendanceStatus, ConsentMethod, Eligibility, ExitReason, FamilyStatus, Location, Protection,
    Referral, Role, SessionStatus, Theme, VisitStatus, Weekday,
};
use super::identity::IdentityNumber;

/// A record as the register holds it: its id beside what was typed or imported, so the new
/// and the stored shape of a caregiver, a child or a staff member are one struct, not two
/// that drift. Reads of the record's fields go through to `data`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    pub id: i64,
    pub data: T,
}

impl<T> Deref for Stored<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T> DerefMut for Stored<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.data
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewCaregiver {
    pub name: String,
    pub relation: Option<String>,
    pub identity: Option<IdentityNumber>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewChild {
    pub name: String,
    /// The birth date, or the expected date while `expected` is true.
    pub birth_date: NaiveDate,
    pub expected: bool,
    pub first_child: bool,
    pub first_born_in_sweden: bool,
    pub identity: Option<IdentityNumber>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Consent {
    pub given_by: String,
    pub scope: String,
    pub given_on: NaiveDate,
    /// How consent was given, when that was recorded.
    pub method: Option<ConsentMethod>,
    pub withdrawn_on: Option<NaiveDate>,
}

/// What a family's record says besides its people: the same whether typed, imported or stored.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyFacts {
    pub family_ref: String,
    pub display_name: String,
    pub address: Option<String>,
    pub area: Option<String>,
    pub clinic: Option<String>,
    pub phone: Option<String>,
    pub languages: Vec<String>,
    pub interpreter_language: Option<String>,
    pub protection: Protection,
    pub eligibility: Option<Eligibility>,
    pub programme_id: String,
    pub status: FamilyStatus,
    pub offered_on: Option<NaiveDate>,
    pub enrolled_on: Option<NaiveDate>,
    pub exited_on: Option<NaiveDate>,
    pub exit_reason: Option<ExitReason>,
    pub note: Option<String>,
    pub consent: Option<Consent>,
}

/// Everything needed to register a family, as typed or imported.
#[derive(Debug, Clone, PartialEq)]
pub struct NewFamily {
    pub facts: FamilyFacts,
    pub caregivers: Vec<NewCaregiver>,
    pub children: Vec<NewChild>,
}

impl Deref for NewFamily {
    type Target = FamilyFacts;
    fn deref(&self) -> &FamilyFacts {
        &self.facts
    }
}

impl DerefMut for NewFamily {
    fn deref_mut(&mut self) -> &mut FamilyFacts {
        &mut self.facts
    }
}

/// A family as lists show it: no address or phone when protected.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilySummary {
    pub id: i64,
    pub family_ref: String,
    pub display_name: String,
    pub area: Option<String>,
    pub clinic: Option<String>,
    pub status: FamilyStatus,
    pub protection: Protection,
    pub programme_id: String,
    pub interpreter_language: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WorkHours {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl WorkHours {
    /// Parses `08:00-16:30`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "\"{}\" is not working hours; write e.g. 08:00-16:30",
                text.trim()
            )
        };
        let (a, b) = text.trim().split_once('-').ok_or_else(bad)?;
        let start = NaiveTime::parse_from_str(a.trim(), "%H:%M").map_err(|_| bad())?;
        let end = NaiveTime::parse_from_str(b.trim(), "%H:%M").map_err(|_| bad())?;
        if end <= start {
            return Err(format!("{} ends before it starts", text.trim()));
        }
        Ok(WorkHours { start, end })
    }

    pub fn to_text(&self) -> String {
        format!(
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewStaff {
    pub name: String,
    pub role: Role,
    pub organisation: Option<String>,
    pub languages: Vec<String>,
    pub work_days: Vec<Weekday>,
    pub work_hours: WorkHours,
    pub active: bool,
}

/// A staff member as stored.
pub type Staff = Stored<NewStaff>;

/// Who attends a visit, in which role; `attended` is known once the visit is marked done.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitStaff {
    pub staff_id: i64,
    pub role: Role,
    pub attended: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Interpreter {
    None,
    Staff(i64),
    External,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewVisit {
    pub child_id: i64,
    /// The programme visit number, or `None` for an extra visit.
    pub visit_no: Option<u32>,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub location: Location,
    pub status: VisitStatus,
    pub staff: Vec<VisitStaff>,
    pub interpreter_language: Option<String>,
    pub interpreter: Interpreter,
    pub themes: Vec<Theme>,
    pub referrals: Vec<Referral>,
    pub note: Option<String>,
    /// Why it was booked outside the programme visit's window.
    pub override_reason: Option<String>,
}

/// A visit of a family as its extract lists it: when, which, how it went, and who of the family
/// took part (for a done visit, when recorded).
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractVisit {
    pub start: NaiveDateTime,
    pub visit_no: Option<u32>,
    pub status: crate::domain::enums::VisitStatus,
    pub family_present: Option<crate::domain::enums::FamilyPresent>,
}

/// What happened at a visit, as the coordinator records it afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitOutcome {
    pub visit_id: i64,
    pub status: VisitStatus,
    /// Per booked staff member: whether they came.
    pub attended: Vec<(i64, bool)>,
    pub interpreter_used: bool,
    /// Which of the family were there, when said (only for a visit that took place).
    pub family_present: Option<crate::domain::enums::FamilyPresent>,
    pub themes: Vec<Theme>,
    pub referrals: Vec<Referral>,
    /// Why it was cancelled.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewGroup {
    pub name: String,
    pub method: Option<String>,
    pub language: Option<String>,
    pub place: Option<String>,
    pub capacity: Option<u32>,
    pub leaders: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    pub group_id: i64,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub theme: Option<String>,
    pub status: SessionStatus,
    /// Adults who came without a family record (drop-in).
    pub dropin_count: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attendance {
    pub session_id: i64,
    pub family_id: i64,
    pub status: AttendanceStatus,
    pub adults_present: u32,
}

/// One row of the append-only audit log.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: super::enums::AuditAction,
    pub entity: super::enums::AuditEntity,
    pub entity_id: Option<i64>,
    pub detail: Option<String>,
}

/// What a change touched, so that each screen reloads only what it shows of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// The family's own fields, people or status.
    Family(i64),
    /// A visit of the family, on these days (the old and the new day of a move).
    Visits {
        family_id: i64,
        days: [chrono::NaiveDate; 2],
    },
    Staff,
    /// A parent-group series: its fields, sessions or members.
    Group(i64),
    /// The family's status and its visits booked from now on (leaving cancels them).
    FamilyVisits(i64),
}

/// A family moving to another status, as the coordinator confirmed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    pub status: FamilyStatus,
    /// Why it leaves, when it leaves.
    pub exit: Option<ExitReason>,
    /// The coordinator's words when the reason is "other".
    pub exit_note: Option<String>,
    /// Whether the family's visits booked from now on are cancelled on its side.
    pub cancel_booked: bool,
    /// The day the family reached the status (left, paused, declined, was enrolled), when it is
    /// recorded afterwards; `None` is today.
    pub since: Option<chrono::NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_hours_parse_and_print() {
        let h = WorkHours::parse(" 08:00 - 16:30 ").unwrap();
        assert_eq!(h.to_text(), "08:00-16:30");
        assert!(
            WorkHours::parse("16:00-08:00")
                .unwrap_err()
                .contains("ends before")
        );
        assert!(
            WorkHours::parse("8-16")
                .unwrap_err()
                .contains("08:00-16:30")
        );
    }
}
