//! Staff: a page of the list, the whole roster (for picking a person), and one person's coming
//! bookings.

use chrono::NaiveDateTime;

use crate::db::Db;
use crate::domain::model::Staff;
use crate::domain::staff_list::{STAFF_PAGE, StaffPage, StaffQuery};
use crate::domain::views::DayVisit;
use crate::ops::OpsError;

/// A page of the Staff list `q` asks for.
pub fn page(db: &mut Db, q: &StaffQuery) -> Result<StaffPage, OpsError> {
    db.read(|tx| tx.staff_page(q, STAFF_PAGE))
        .map_err(OpsError::Read)
}

/// Everyone on staff, by name: what Week's person pick and the group forms choose from.
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
