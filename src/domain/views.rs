//! What the screens show, as read from the register: lists, a family's page, the day's visits.

use chrono::{NaiveDate, NaiveDateTime};

use super::enums::{FamilyStatus, Location, Protection, Role, VisitStatus};
use super::model::{FamilyFacts, NewCaregiver, NewChild, Stored};

/// One family in the Families list: what the list shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyIndexEntry {
    pub id: i64,
    pub family_ref: String,
    pub display_name: String,
    pub area: Option<String>,
    pub clinic: Option<String>,
    pub status: FamilyStatus,
    pub protection: Protection,
    pub programme_id: String,
    /// The caregivers' first names, to tell families with one surname apart.
    pub caregivers: String,
}

/// A caregiver as stored.
pub type Caregiver = Stored<NewCaregiver>;

/// A child as stored.
pub type ChildDetail = Stored<NewChild>;

/// Everything on a family's page. Address and phone are here; the page decides when to show them.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyDetail {
    pub id: i64,
    pub facts: FamilyFacts,
    pub programme_version: u32,
    /// Why the family left, in the coordinator's words, when the reason is "other".
    pub exit_note: Option<String>,
    /// The latest decline and pause (the other status days are in `facts`).
    pub declined_on: Option<chrono::NaiveDate>,
    pub paused_on: Option<chrono::NaiveDate>,
    pub caregivers: Vec<Caregiver>,
    pub children: Vec<ChildDetail>,
}

impl FamilyDetail {
    /// Every day the family's status changes keep.
    pub fn status_dates(&self) -> crate::domain::status_dates::StatusDates {
        crate::domain::status_dates::StatusDates {
            offered_on: self.offered_on,
            enrolled_on: self.enrolled_on,
            declined_on: self.declined_on,
            paused_on: self.paused_on,
            exited_on: self.exited_on,
        }
    }
}

impl std::ops::Deref for FamilyDetail {
    type Target = FamilyFacts;
    fn deref(&self) -> &FamilyFacts {
        &self.facts
    }
}

/// A person at a visit, by name and role.
#[derive(Debug, Clone, PartialEq)]
pub struct Attendee {
    pub staff_id: i64,
    pub name: String,
    pub role: Role,
}

/// Who interprets at a visit: a staff interpreter by name, or one booked from outside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InterpreterBooked {
    Staff(String),
    External,
}

/// A visit as the day and week plans list it.
#[derive(Debug, Clone, PartialEq)]
pub struct DayVisit {
    pub visit_id: i64,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub family_id: i64,
    pub family_ref: String,
    pub family_name: String,
    pub protection: Protection,
    pub area: Option<String>,
    pub child_name: String,
    pub visit_no: Option<u32>,
    pub status: VisitStatus,
    pub location: Location,
    pub staff: Vec<Attendee>,
    pub interpreter_language: Option<String>,
    /// Who interprets, if anyone is booked.
    pub interpreter: Option<InterpreterBooked>,
    /// The twins on the same trip: their names (the visit stands for theirs too).
    pub twins: Vec<String>,
}

/// A child in an active family, with what the alerts need.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildPlan {
    pub family_id: i64,
    pub family_ref: String,
    pub family_name: String,
    pub protection: Protection,
    pub area: Option<String>,
    pub child_id: i64,
    pub child_name: String,
    pub birth_date: NaiveDate,
    pub programme_id: String,
    pub programme_version: u32,
}

/// The next parent-group session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInfo {
    pub session_id: i64,
    pub group_name: String,
    pub start: NaiveDateTime,
    pub place: Option<String>,
    pub theme: Option<String>,
    pub members: u32,
}

/// A visit in a staff member's calendar, with what the calendar may say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct StaffVisit {
    pub visit_id: i64,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub status: VisitStatus,
    pub location: Location,
    pub visit_no: Option<u32>,
    pub family_ref: String,
    pub family_name: String,
    pub protection: Protection,
    pub area: Option<String>,
    pub address: Option<String>,
    pub child_name: String,
    pub programme_id: String,
    pub programme_version: u32,
    pub staff: Vec<Attendee>,
    pub interpreter_language: Option<String>,
    pub interpreter: Option<InterpreterBooked>,
    pub updated: NaiveDateTime,
}
