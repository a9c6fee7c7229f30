//! Staff: the list, and one person's coming bookings.

use chrono::NaiveDateTime;

use crate::db::Db;
use crate::domain::model::Staff;
use crate::domain::views::DayVisit;
use crate::ops::OpsError;

/// Everyone on staff.
pub fn list(db: &mut Db) -> Result<Vec<Staff>, OpsError> {
    db.read(|tx| tx.list_staff()).map_err(OpsError::Read)
}

/// The visits a person is booked for from `now`.
pub fn bookings(db: &mut Db, staff_id: i64, now: NaiveDateTime) -> Result<Vec<DayVisit>, OpsError> {
    db.read(|tx| {
        let ids = tx.staff_bookings(staff_id, now)?;
        tx.visits_by_id(&ids)
    })
    .map_err(OpsError::Read)
}
