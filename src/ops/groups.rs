//! Parent groups: creating a series with its sessions, members, the roll call's marks, and a
//! session held, cancelled or with drop-ins. Each is one transaction with its audit row.

use std::collections::HashSet;

use chrono::{Duration, NaiveDateTime};

use super::{Changed, Ctx, Done, Outcome, Refusal, Result};
use crate::db::Db;
use crate::domain::booking::{Booking, Conflict};
use crate::domain::enums::{AttendanceStatus, AuditAction, AuditEntity, SessionStatus};
use crate::domain::group_views::{RollLine, SessionRow};
use crate::domain::groups::{
    NoMarks, SeriesRequest, SessionChange, adults_marked, check_series, held_by_marks, room_left,
    series_dates, takes_marks,
};
use crate::domain::model::{Attendance, NewGroup, NewSession};

/// Why a series or a session was not changed.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupRefusal {
    GroupGone,
    SessionGone,
    NameTaken(String),
    NoLeader,
    /// Fewer free weeks than sessions within two years (a leader never works that weekday).
    TooFewDates {
        wanted: u32,
        found: u32,
    },
    /// A session clashes with a leader's other booking, day off or hours.
    Conflict(NaiveDateTime, Conflict),
    Full {
        capacity: u32,
    },
    /// Attendance is for a session that takes place; this one is cancelled.
    Cancelled,
    /// A session on a later day has no attendance yet.
    NotYet(NaiveDateTime),
    /// A cancelled session has no marks; these would be lost.
    HasMarks,
    NotMember,
    ReasonMissing,
    /// The report counts a series by its area, and the register has areas: one is needed.
    NoArea,
}

/// A series without an area where the register has areas in use (the report needs one).
fn needs_area(tx: &crate::db::WriteTx<'_>, area: Option<&str>) -> Result<()> {
    let missing = area.is_none_or(|a| a.trim().is_empty());
    if missing
        && !tx
            .area_choices(chrono::NaiveDateTime::MAX)?
            .areas
            .is_empty()
    {
        return refuse(GroupRefusal::NoArea);
    }
    Ok(())
}

fn refuse<T>(r: GroupRefusal) -> Result<T> {
    Err(Refusal::Group(r).into())
}

/// A mark written: the line of the roll call as it now is, and whether the session became held.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub session_id: i64,
    pub line: RollLine,
    pub now_held: bool,
}

/// Creates a series and its sessions, weekly from the first, skipping holidays and the
/// leaders' days off; refused when a session clashes with a leader's booking.
pub fn create_series(db: &mut Db, ctx: &Ctx, req: &SeriesRequest) -> Result<Done> {
    db.write(|tx| {
        if req.group.leaders.is_empty() {
            return refuse(GroupRefusal::NoLeader);
        }
        needs_area(tx, req.area.as_deref())?;
        if tx.group_name_taken(&req.group.name)? {
            return refuse(GroupRefusal::NameTaken(req.group.name.clone()));
        }
        let staff = tx.list_staff()?;
        let leaders: Vec<_> = staff
            .iter()
            .filter(|s| req.group.leaders.contains(&s.id))
            .collect();
        let dates = series_dates(req.first, req.count as usize, &leaders);
        let found = u32::try_from(dates.starts.len()).unwrap_or(u32::MAX);
        if found < req.count {
            return refuse(GroupRefusal::TooFewDates {
                wanted: req.count,
                found,
            });
        }
        let (Some(first), Some(last)) = (dates.starts.first(), dates.starts.last()) else {
            return refuse(GroupRefusal::TooFewDates {
                wanted: req.count,
                found,
            });
        };
        let until = *last + Duration::minutes(i64::from(req.duration_min));
        let busy = tx.busy_between(&req.group.leaders, *first, until)?;
        let conflicts = check_series(
            &dates.starts,
            req.duration_min,
            &req.group.leaders,
            &staff,
            &busy,
            &HashSet::new(),
        );
        if let Some((at, c)) = conflicts.into_iter().next() {
            return refuse(GroupRefusal::Conflict(at, c));
        }
        let id = tx.insert_group(&req.group)?;
        tx.set_group_span(id, req.area.as_deref(), req.born)?;
        for (i, start) in dates.starts.iter().enumerate() {
            tx.insert_session(&NewSession {
                group_id: id,
                start: *start,
                duration_min: req.duration_min,
                theme: req.themes.get(i).cloned(),
                status: SessionStatus::Planned,
                dropin_count: 0,
            })?;
        }
        tx.insert_audit(&ctx.audit(AuditAction::Create, AuditEntity::Group, Some(id)))?;
        Ok(Done {
            outcome: Outcome::SeriesCreated {
                sessions: found,
                skipped: u32::try_from(dates.skipped.len()).unwrap_or(u32::MAX),
            },
            changed: Changed::Group(id),
            id: Some(id),
        })
    })
}

/// Changes a series' own fields and leaders; its sessions keep their dates. New leaders are
/// checked against their bookings at the sessions still to come.
pub fn edit_series(
    db: &mut Db,
    ctx: &Ctx,
    id: i64,
    group: &NewGroup,
    area: Option<&str>,
    born: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
) -> Result<Done> {
    db.write(|tx| {
        needs_area(tx, area)?;
        let Some(page) = tx.group_page(id)? else {
            return refuse(GroupRefusal::GroupGone);
        };
        if group.leaders.is_empty() {
            return refuse(GroupRefusal::NoLeader);
        }
        if !page.info.name.eq_ignore_ascii_case(&group.name) && tx.group_name_taken(&group.name)? {
            return refuse(GroupRefusal::NameTaken(group.name.clone()));
        }
        let coming: Vec<NaiveDateTime> = page
            .sessions
            .iter()
            .filter(|s| s.status == SessionStatus::Planned && s.start >= ctx.now)
            .map(|s| s.start)
            .collect();
        if let (Some(first), Some(last)) = (coming.first(), coming.last()) {
            let duration = page.sessions.first().map_or(120, |s| s.duration_min);
            let until = *last + Duration::minutes(i64::from(duration));
            let busy = tx.busy_between(&group.leaders, *first, until)?;
            let own: HashSet<Booking> = page
                .sessions
                .iter()
                .map(|s| Booking::Session(s.id))
                .collect();
            let staff = tx.list_staff()?;
            let conflicts = check_series(&coming, duration, &group.leaders, &staff, &busy, &own);
            if let Some((at, c)) = conflicts.into_iter().next() {
                return refuse(GroupRefusal::Conflict(at, c));
            }
        }
        tx.update_group(id, group)?;
        tx.set_group_span(id, area, born)?;
        tx.insert_audit(&ctx.audit(AuditAction::Update, AuditEntity::Group, Some(id)))?;
        Ok(Done {
            outcome: Outcome::SeriesUpdated,
            changed: Changed::Group(id),
            id: Some(id),
        })
    })
}

/// Adds families to a series from today, within its capacity; one audit row per family.
pub fn add_members(db: &mut Db, ctx: &Ctx, group_id: i64, families: &[i64]) -> Result<Done> {
    db.write(|tx| {
        let Some(page) = tx.group_page(group_id)? else {
            return refuse(GroupRefusal::GroupGone);
        };
        let current: HashSet<i64> = page
            .members
            .iter()
            .filter(|m| m.left.is_none())
            .map(|m| m.family_id)
            .collect();
        let new: Vec<i64> = families
            .iter()
            .copied()
            .filter(|f| !current.contains(f))
            .collect();
        if let (Some(room), Some(capacity)) = (
            room_left(page.info.capacity, current.len()),
            page.info.capacity,
        ) && new.len() > room
        {
            return refuse(GroupRefusal::Full { capacity });
        }
        let mut added = 0u32;
        for family in &new {
            if tx.join_member(group_id, *family, ctx.today())? {
                added += 1;
                tx.insert_audit(&ctx.audit_family(AuditAction::AddMember, *family))?;
            }
        }
        Ok(Done {
            outcome: Outcome::MembersAdded(added),
            changed: Changed::Group(group_id),
            id: None,
        })
    })
}

/// A member leaves the series today; their marks stay.
pub fn remove_member(db: &mut Db, ctx: &Ctx, group_id: i64, family_id: i64) -> Result<Done> {
    db.write(|tx| {
        if !tx.leave_member(group_id, family_id, ctx.today())? {
            return refuse(GroupRefusal::NotMember);
        }
        tx.insert_audit(&ctx.audit_family(AuditAction::RemoveMember, family_id))?;
        Ok(Done {
            outcome: Outcome::MemberRemoved,
            changed: Changed::Group(group_id),
            id: None,
        })
    })
}

/// Marks one member at one session: one attendance row written (a second mark corrects the
/// first), and a planned session becomes held. Absent and excused have no adults present.
pub fn mark(
    db: &mut Db,
    ctx: &Ctx,
    session_id: i64,
    family_id: i64,
    status: AttendanceStatus,
    adults: u32,
) -> Result<Marked> {
    db.write(|tx| {
        let Some((group_id, session)) = tx.session(session_id)? else {
            return refuse(GroupRefusal::SessionGone);
        };
        if !tx.member_on(group_id, family_id, session.start.date())? {
            return refuse(GroupRefusal::NotMember);
        }
        match takes_marks(session.status, session.start, ctx.today()) {
            Err(NoMarks::Cancelled) => return refuse(GroupRefusal::Cancelled),
            Err(NoMarks::NotYet) => return refuse(GroupRefusal::NotYet(session.start)),
            Ok(()) => {}
        }
        let adults = adults_marked(status, adults);
        tx.set_attendance(&Attendance {
            session_id,
            family_id,
            status,
            adults_present: adults,
        })?;
        let now_held = held_by_marks(session.status);
        if now_held {
            tx.set_session_status(session_id, SessionStatus::Held, None)?;
        }
        let mut entry = ctx.audit(
            AuditAction::Attendance,
            AuditEntity::Session,
            Some(session_id),
        );
        entry.detail = Some(format!("family {family_id}: {status}"));
        tx.insert_audit(&entry)?;
        Ok(Marked {
            session_id,
            line: RollLine {
                family_id,
                family_ref: String::new(),
                name: String::new(),
                protection: crate::domain::enums::Protection::None,
                status: Some(status),
                adults,
            },
            now_held,
        })
    })
}

/// Marks a session held, cancels it with a reason, or sets its drop-ins; answers the session
/// as it now is.
pub fn change_session(
    db: &mut Db,
    ctx: &Ctx,
    session_id: i64,
    change: &SessionChange,
) -> Result<(Outcome, SessionRow)> {
    db.write(|tx| {
        let Some((_, mut session)) = tx.session(session_id)? else {
            return refuse(GroupRefusal::SessionGone);
        };
        let (action, outcome) = match change {
            SessionChange::Held => {
                if session.start.date() > ctx.today() {
                    return refuse(GroupRefusal::NotYet(session.start));
                }
                tx.set_session_status(session_id, SessionStatus::Held, None)?;
                session.status = SessionStatus::Held;
                session.cancel_reason = None;
                (AuditAction::SessionHeld, Outcome::SessionHeld)
            }
            SessionChange::Cancel(reason) => {
                let reason = reason.trim();
                if reason.is_empty() {
                    return refuse(GroupRefusal::ReasonMissing);
                }
                let marked = tx
                    .roll_call(session_id)?
                    .is_some_and(|r| r.lines.iter().any(|l| l.status.is_some()));
                if marked {
                    return refuse(GroupRefusal::HasMarks);
                }
                tx.set_session_status(session_id, SessionStatus::Cancelled, Some(reason))?;
                session.status = SessionStatus::Cancelled;
                session.cancel_reason = Some(reason.to_string());
                (AuditAction::SessionCancelled, Outcome::SessionCancelled)
            }
            SessionChange::Reinstate => {
                if session.status != SessionStatus::Cancelled {
                    return Ok((Outcome::SessionReinstated, session));
                }
                tx.set_session_status(session_id, SessionStatus::Planned, None)?;
                session.status = SessionStatus::Planned;
                session.cancel_reason = None;
                (AuditAction::SessionReinstated, Outcome::SessionReinstated)
            }
            SessionChange::Dropins(n) => {
                if session.status == SessionStatus::Cancelled {
                    return refuse(GroupRefusal::Cancelled);
                }
                tx.set_dropins(session_id, *n)?;
                session.dropins = *n;
                (AuditAction::Dropins, Outcome::DropinsSet(*n))
            }
        };
        tx.insert_audit(&ctx.audit(action, AuditEntity::Session, Some(session_id)))?;
        Ok((outcome, session))
    })
}
