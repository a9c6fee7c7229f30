//! Use cases shared by the app and the subcommands: each checks and writes in one
//! `BEGIN IMMEDIATE` transaction with its audit row, and returns a typed outcome that `i18n`
//! renders. Neither the runtime nor a subcommand decides a domain rule itself.

pub mod calendar;
pub mod demo;
pub mod families;
pub mod files;
pub mod groups;
pub mod import;
pub mod key;
pub mod maintenance;
pub mod reads;
pub mod report;
pub mod retention;
pub mod staff;
pub mod visits;

use chrono::NaiveDateTime;

use crate::db::DbError;
use crate::domain::booking::Conflict;
use crate::domain::enums::{AuditAction, AuditEntity, FamilyStatus, VisitStatus};
use crate::domain::model::AuditEntry;
pub use crate::domain::model::Changed;

/// Who acts and when, for the checks and the audit rows of a use case.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: String,
    /// The planning clock: the local time, or a fixed one for demonstrations and tests.
    pub now: NaiveDateTime,
}

impl Ctx {
    pub fn audit(
        &self,
        action: AuditAction,
        entity: AuditEntity,
        entity_id: Option<i64>,
    ) -> AuditEntry {
        AuditEntry {
            // The log says when it really happened: the planning clock may be set
            // (`HEMBESOK_NOW`, tests), the audit time never is.
            at: chrono::Local::now().naive_local(),
            actor: self.actor.clone(),
            action,
            entity,
            entity_id,
            detail: None,
        }
    }

    /// An audit row about no one record, with a note (e.g. how many rows an import wrote).
    pub fn audit_note(
        &self,
        action: AuditAction,
        entity: AuditEntity,
        detail: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            detail,
            ..self.audit(action, entity, None)
        }
    }

    /// An audit row about a family.
    pub fn audit_family(&self, action: AuditAction, family_id: i64) -> AuditEntry {
        self.audit(action, AuditEntity::Family, Some(family_id))
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.now.date()
    }
}

/// Why a use case did not do what was asked; nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    FamilyGone,
    VisitGone,
    /// Only active and offered families get visits.
    NotBookable(FamilyStatus),
    /// Every visit is booked, done, or far ahead.
    NothingToBook,
    /// The family follows a programme version this register does not know.
    ProgrammeUnknown(String),
    /// The booking check found this (the first of what it found).
    Conflict(Conflict),
    /// Done and no-show are facts about the past.
    NotHappenedYet(NaiveDateTime),
    /// The visit's outcome was recorded meanwhile, so it is not moved.
    VisitNotPlanned,
    DuplicateFamilyRef(String),
    DuplicateStaffName,
    /// No staff member has that id or name.
    NoSuchStaff(String),
    /// The family has no such caregiver or child (any more).
    PersonGone,
    /// A child whose visits took place stays: the report counts them.
    ChildHasDoneVisits(usize),
    /// A booking before now, without a reason.
    InPast(crate::domain::booking::PastStart),
    /// Several staff members' names hold what was typed.
    StaffAmbiguous {
        who: String,
        names: Vec<String>,
    },
    /// About a parent group or one of its sessions.
    Group(groups::GroupRefusal),
    /// The report needs this setting of the config file (`municipality`, `municipality_code`).
    ReportSetting(&'static str),
    /// The report's audit could not protect every hidden figure: no file was written.
    ReportExposed(usize),
    /// A status day in the future, or before the offer or enrolment it follows.
    StatusDay(
        crate::domain::status_dates::StatusDay,
        crate::domain::status_dates::DateProblem,
    ),
}

/// What went wrong: a refusal, or the database failing while reading or while saving.
#[derive(Debug)]
pub enum OpsError {
    Refused(Refusal),
    Read(DbError),
    Save(DbError),
    /// An export file could not be written; nothing was recorded.
    File(Box<files::FileError>),
}

impl OpsError {
    /// A failure inside a read: the refusals the database knows, else "could not read".
    pub fn read(e: DbError) -> OpsError {
        Self::refusal_of(&e).map_or(OpsError::Read(e), OpsError::Refused)
    }

    /// A failure inside a write: the refusals the database knows, else "could not save".
    pub fn save(e: DbError) -> OpsError {
        Self::refusal_of(&e).map_or(OpsError::Save(e), OpsError::Refused)
    }

    fn refusal_of(e: &DbError) -> Option<Refusal> {
        Some(match e {
            DbError::FamilyGone => Refusal::FamilyGone,
            DbError::VisitGone => Refusal::VisitGone,
            DbError::VisitNotPlanned => Refusal::VisitNotPlanned,
            DbError::DuplicateFamilyRef(r) => Refusal::DuplicateFamilyRef(r.clone()),
            DbError::DuplicateStaffName => Refusal::DuplicateStaffName,
            _ => return None,
        })
    }
}

/// Inside a write transaction, every failure is a failure to save.
impl From<DbError> for OpsError {
    fn from(e: DbError) -> Self {
        OpsError::save(e)
    }
}

impl From<Refusal> for OpsError {
    fn from(r: Refusal) -> Self {
        OpsError::Refused(r)
    }
}

/// What a use case did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Booked(NaiveDateTime),
    Moved(NaiveDateTime),
    OutcomeRecorded(VisitStatus),
    FamilyCreated,
    FamilyUpdated,
    CaregiverAdded,
    ChildAdded,
    CaregiverUpdated,
    CaregiverRemoved,
    ChildUpdated,
    ChildRemoved,
    ConsentRecorded,
    /// The new status, and how many booked visits were cancelled with it.
    StatusChanged {
        status: FamilyStatus,
        cancelled: usize,
    },
    StaffSaved,
    SeriesCreated {
        sessions: u32,
        skipped: u32,
    },
    SeriesUpdated,
    MembersAdded(u32),
    MemberRemoved,
    SessionHeld,
    SessionCancelled,
    SessionReinstated,
    DropinsSet(u32),
}

/// A use case's result: what it did and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub outcome: Outcome,
    pub changed: Changed,
    /// The new row's id, where one was made.
    pub id: Option<i64>,
}

pub type Result<T> = std::result::Result<T, OpsError>;
