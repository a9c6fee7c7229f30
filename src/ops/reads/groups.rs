//! Groups: a page of the series list, one series' page, a session's roll call, and the families
//! to suggest for a series.

use chrono::NaiveDateTime;

use crate::db::Db;
use crate::domain::group_views::{GroupList, GroupPage, RollCall, Suggestion};
use crate::domain::groups::{room_left, suggest_members};
use crate::ops::groups::GroupRefusal;
use crate::ops::{OpsError, Refusal};

/// `limit` series of the list from the `from`-th, coming ones first.
pub fn list(
    db: &mut Db,
    now: NaiveDateTime,
    from: usize,
    limit: usize,
    ended: crate::domain::group_views::Ended,
) -> Result<GroupList, OpsError> {
    db.read(|tx| tx.list_groups(now, from, limit, ended))
        .map_err(OpsError::Read)
}

/// The areas a series can be in, and the staff's usual areas over the last year.
pub fn areas(
    db: &mut Db,
    now: NaiveDateTime,
) -> Result<crate::domain::group_views::AreaChoices, OpsError> {
    let since = now - chrono::Days::new(365);
    db.read(|tx| tx.area_choices(since)).map_err(OpsError::Read)
}

/// One series: its sessions, members and leaders.
pub fn page(db: &mut Db, group_id: i64) -> Result<GroupPage, OpsError> {
    let page = db
        .read(|tx| tx.group_page(group_id))
        .map_err(OpsError::Read)?;
    Ok(page.ok_or(Refusal::Group(GroupRefusal::GroupGone))?)
}

/// A session's roll call: each member family and its mark.
pub fn roll_call(db: &mut Db, session_id: i64) -> Result<RollCall, OpsError> {
    let call = db
        .read(|tx| tx.roll_call(session_id))
        .map_err(OpsError::Read)?;
    Ok(call.ok_or(Refusal::Group(GroupRefusal::SessionGone))?)
}

/// The families to suggest for a series, language first, and the places it has left.
pub fn suggestions(
    db: &mut Db,
    group_id: i64,
    now: NaiveDateTime,
) -> Result<(Vec<Suggestion>, Option<usize>), OpsError> {
    db.read(|tx| {
        let page = tx
            .group_page(group_id)
            .map_err(OpsError::Read)?
            .ok_or(Refusal::Group(GroupRefusal::GroupGone))?;
        let members = page.members.iter().filter(|m| m.left.is_none()).count();
        // Without a span of its own, a series is for children born in the year before it starts.
        let start = page.sessions.first().map_or(now.date(), |s| s.start.date());
        let span = page
            .info
            .born
            .unwrap_or((start - chrono::Days::new(365), start));
        let language = page.info.language.as_deref();
        let found = tx
            .member_candidates(span, language, now)
            .map_err(OpsError::Read)?;
        let candidates: Vec<_> = found.iter().map(|(c, _)| c.clone()).collect();
        let order = suggest_members(&candidates, span, language);
        let suggestions = order
            .iter()
            .filter_map(|id| found.iter().find(|(c, _)| c.family_id == *id))
            .map(|(_, s)| s.clone())
            .collect();
        Ok::<_, OpsError>((suggestions, room_left(page.info.capacity, members)))
    })
}
