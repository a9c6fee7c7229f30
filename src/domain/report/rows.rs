//! The plain facts a period's report is computed from, as one read of the database fills them.

use chrono::NaiveDate;

use crate::domain::enums::{AttendanceStatus, ExitReason, Referral, SessionStatus, VisitStatus};
use crate::domain::schedule::Window;

/// Everything the report needs for one period ("the quarter" below: a quarter or a year). Families are looked up by id from the other rows;
/// a row whose family is missing counts with no area and no clinic.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportInput {
    /// Every family any other row refers to, and every family offered, declined or exited in
    /// the quarter or in the programme at some time in it. (The register's other families change
    /// no figure; where they are comes in `units`.)
    pub families: Vec<FamilyRow>,
    /// Where the register's families are, each unit once, whether or not a family there has a
    /// figure in the period: every unit gets its rows, zeros included, and the nests are found
    /// among them. The units of `families` count too, listed here or not.
    pub units: Vec<UnitRow>,
    /// Visits planned for (or done at) a time in the quarter.
    pub visits: Vec<VisitRow>,
    /// Children who turn 30 days old in the quarter, or whose last window closes in it.
    pub children: Vec<ChildRow>,
    pub groups: Vec<GroupRow>,
    /// Sessions of the groups dated in the quarter.
    pub sessions: Vec<SessionRow>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FamilyRow {
    pub id: i64,
    pub area: Option<String>,
    pub clinic: Option<String>,
    /// The programme's id.
    pub programme: Option<String>,
    pub eligibility: Option<crate::domain::enums::Eligibility>,
    pub offered_on: Option<NaiveDate>,
    pub enrolled_on: Option<NaiveDate>,
    pub declined_on: Option<NaiveDate>,
    pub paused_on: Option<NaiveDate>,
    pub exited_on: Option<NaiveDate>,
    pub exit_reason: Option<ExitReason>,
    /// The family has an interpreter language: its visits need an interpreter.
    pub needs_interpreter: bool,
}

/// A family's units: its area, clinic, programme and eligibility.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnitRow {
    pub area: Option<String>,
    pub clinic: Option<String>,
    pub programme: Option<String>,
    pub eligibility: Option<crate::domain::enums::Eligibility>,
}

impl FamilyRow {
    pub fn unit(&self) -> UnitRow {
        UnitRow {
            area: self.area.clone(),
            clinic: self.clinic.clone(),
            programme: self.programme.clone(),
            eligibility: self.eligibility,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct VisitRow {
    pub family_id: i64,
    /// The programme visit number, or `None` for an extra visit.
    pub visit_no: Option<u32>,
    pub status: VisitStatus,
    /// The day it was planned for, or done on.
    pub date: NaiveDate,
    /// Every role the programme requires for this visit attended (false for an extra visit).
    pub required_roles_met: bool,
    /// The programme visit's window for this child; `None` for an extra visit or an unknown
    /// birth date.
    pub window: Option<Window>,
    pub interpreter_used: bool,
    pub referrals: Vec<Referral>,
    /// Who of the family took part, for a done visit where it was recorded.
    pub family_present: Option<crate::domain::enums::FamilyPresent>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChildRow {
    pub family_id: i64,
    pub born_on: NaiveDate,
    /// Still expected: not yet born, so neither 30 days old nor through a window.
    pub expected: bool,
    /// When programme visit 1 was done, if it was.
    pub first_visit_done_on: Option<NaiveDate>,
    /// When the programme's last visit window closes (its `max` age).
    pub last_window_closes: Option<NaiveDate>,
    /// How many visits the child's programme has.
    pub programme_visits: u32,
    /// How many distinct programme visits were done for the child, ever.
    pub visits_done: u32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupRow {
    pub id: i64,
    pub area: Option<String>,
    pub members: Vec<MemberRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    pub family_id: i64,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
}

impl MemberRow {
    /// A member on that day: joined by then (or no join date) and not left before it.
    pub fn member_on(&self, day: NaiveDate) -> bool {
        self.joined_on.is_none_or(|j| j <= day) && self.left_on.is_none_or(|l| l >= day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub group_id: i64,
    pub date: NaiveDate,
    pub status: SessionStatus,
    pub dropins: u32,
    /// The recorded marks, by family; a member without a mark is "not recorded".
    pub marks: Vec<(i64, AttendanceStatus)>,
}
