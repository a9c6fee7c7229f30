//! Twins' programme visits are one trip: booked, moved and joined together.

use crate::domain::booking::Candidate;
use crate::domain::booking::plan::{BookingRequest, TwinVisit, twins_of};
use crate::domain::enums::VisitStatus;

/// The trip a child's visit can join: its twin's planned visit of the same number, still
/// ahead, as a proposal (the earliest, if twins have several).
pub(super) fn twin_trip(
    tx: &crate::db::ReadTx<'_>,
    children: &[crate::domain::views::ChildDetail],
    visit: &crate::domain::booking::plan::VisitToBook,
    now: chrono::NaiveDateTime,
) -> std::result::Result<Option<crate::domain::booking::Proposal>, crate::db::DbError> {
    let mut trip: Option<crate::db::VisitRecord> = None;
    for twin in twins_of(children, visit.child_id) {
        for v in tx.visits_of_child(twin)? {
            let joinable = v.visit_no == Some(visit.visit_no)
                && v.status == VisitStatus::Planned
                && v.start > now;
            if joinable && trip.as_ref().is_none_or(|t| v.start < t.start) {
                trip = Some(v);
            }
        }
    }
    let Some(trip) = trip else { return Ok(None) };
    Ok(tx
        .stored_visit(trip.id)?
        .map(|v| crate::domain::booking::Proposal {
            candidate: Candidate::of_visit(&v),
            same_area: false,
            twin_trip: true,
        }))
}

/// The twins' planned visits of this number that are the booking's own trip: when moving a
/// planned visit, those at its time (they move along); else every one (joined at its time).
pub(super) fn trip_twins(
    tx: &crate::db::ReadTx<'_>,
    children: &[crate::domain::views::ChildDetail],
    child_id: i64,
    visit_no: u32,
    moving: Option<&crate::db::VisitRecord>,
) -> std::result::Result<Vec<TwinVisit>, crate::db::DbError> {
    let mut out = Vec::new();
    for twin in twins_of(children, child_id) {
        for v in tx.visits_of_child(twin)? {
            let ours = v.visit_no == Some(visit_no)
                && v.status == VisitStatus::Planned
                && moving.is_none_or(|m| v.start == m.start);
            if ours {
                out.push(TwinVisit {
                    visit_id: v.id,
                    start: v.start,
                    moves_along: moving.is_some(),
                });
            }
        }
    }
    Ok(out)
}

/// The twins of the child a booking is for, as its family's record has them now.
fn twins_of_booked(
    tx: &crate::db::ReadTx<'_>,
    r: &BookingRequest,
) -> std::result::Result<Vec<i64>, crate::db::DbError> {
    let children = tx
        .family_detail(r.family_id)?
        .map(|d| d.children)
        .unwrap_or_default();
    Ok(twins_of(&children, r.child_id))
}

/// The twins' planned visits of the booked number at the booked time: the trip a new booking
/// joins (none when moving: the twins move with it).
pub(super) fn joined_twin_visits(
    tx: &crate::db::ReadTx<'_>,
    r: &BookingRequest,
) -> std::result::Result<Vec<i64>, crate::db::DbError> {
    let (Some(no), None) = (r.visit_no, r.rebooking) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for child in twins_of_booked(tx, r)? {
        out.extend(
            tx.visits_of_child(child)?
                .into_iter()
                .filter(|v| {
                    v.visit_no == Some(no)
                        && v.start == r.candidate.start
                        && v.status == VisitStatus::Planned
                })
                .map(|v| v.id),
        );
    }
    Ok(out)
}

/// For a programme visit of a child with twins: each twin, with its planned visit of the same
/// number at the moved visit's time when one is moved (else none: it is booked anew, unless it
/// already has that visit booked or done).
pub(super) fn twin_visits(
    tx: &crate::db::ReadTx<'_>,
    r: &BookingRequest,
    moving: Option<&crate::db::VisitRecord>,
) -> std::result::Result<Vec<(i64, Option<i64>)>, crate::db::DbError> {
    let Some(no) = r.visit_no else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for child in twins_of_booked(tx, r)? {
        let visits = tx.visits_of_child(child)?;
        let same_no = |v: &&crate::db::VisitRecord| v.visit_no == Some(no);
        if let Some(old) = moving {
            if let Some(v) = visits
                .iter()
                .filter(same_no)
                .find(|v| v.start == old.start && v.status == VisitStatus::Planned)
            {
                out.push((child, Some(v.id)));
            }
        } else if !visits
            .iter()
            .filter(same_no)
            .any(|v| matches!(v.status, VisitStatus::Planned | VisitStatus::Done))
        {
            out.push((child, None));
        }
    }
    Ok(out)
}
