//! Rows of the group tables as domain values: one mapper per shape, with the columns it reads.

use rusqlite::Row;

use crate::db::values::Columns;
use crate::domain::group_views::{MemberRow, RollLine, SessionRow};
use crate::domain::views::SessionInfo;

/// The columns [`session`] reads, from a session `s`.
pub(super) const SESSION: &str =
    "s.id, s.starts_at, s.duration_min, s.theme, s.status, s.cancel_reason, s.dropin_count";

pub(super) fn session(r: &Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: r.get(0)?,
        start: r.datetime(1)?,
        duration_min: r.get(2)?,
        theme: r.get(3)?,
        status: r.get(4)?,
        cancel_reason: r.get(5)?,
        dropins: r.get(6)?,
    })
}

/// The columns [`session_info`] reads, from a session `s` of a series `g`.
pub(super) const SESSION_INFO: &str = "s.id, g.name, s.starts_at, g.place, s.theme,
    (SELECT count(*) FROM group_member m WHERE m.group_id = g.id AND m.left_on IS NULL)";

/// A session as Today shows it, with how many members its series has.
pub(super) fn session_info(r: &Row<'_>) -> rusqlite::Result<SessionInfo> {
    Ok(SessionInfo {
        session_id: r.get(0)?,
        group_name: r.get(1)?,
        start: r.datetime(2)?,
        place: r.get(3)?,
        theme: r.get(4)?,
        members: r.get(5)?,
    })
}

/// The columns [`member`] reads, from a membership `m` of a family `f`.
pub(super) const MEMBER: &str =
    "f.id, f.family_ref, f.display_name, m.joined_on, m.left_on, f.protection";

pub(super) fn member(r: &Row<'_>) -> rusqlite::Result<MemberRow> {
    Ok(MemberRow {
        family_id: r.get(0)?,
        family_ref: r.get(1)?,
        name: r.get(2)?,
        protection: r.get(5)?,
        joined: r.date(3)?,
        left: r.opt_date(4)?,
    })
}

/// The columns [`roll_line`] reads, from a membership `m` of a family `f` with its mark `a`.
pub(super) const ROLL_LINE: &str = "f.id, f.display_name, a.status, coalesce(a.adults_present, 0),
    f.family_ref, f.protection";

pub(super) fn roll_line(r: &Row<'_>) -> rusqlite::Result<RollLine> {
    Ok(RollLine {
        family_id: r.get(0)?,
        family_ref: r.get(4)?,
        protection: r.get(5)?,
        name: r.get(1)?,
        status: r.get(2)?,
        adults: r.get(3)?,
    })
}
