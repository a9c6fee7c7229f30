//! The Groups list orders running series by their next planned session, which each series
//! keeps as its first planned one: cancelling, holding, moving, planning again or deleting a
//! session reorders the list as the sessions say.

use super::*;
use crate::domain::group_views::Ended;

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// "Now" for the list: Monday 23 November, 08:00.
fn list_now() -> NaiveDateTime {
    at(23, 8)
}

fn running(db: &mut Db) -> Vec<i64> {
    let list = db
        .read(|tx| tx.list_groups(list_now(), 0, 10, Ended::Lately))
        .unwrap();
    list.rows
        .iter()
        .take(list.counts[0])
        .map(|g| g.id)
        .collect()
}

#[test]
fn the_running_series_follow_their_next_planned_session() {
    let mut db = Db::open_in_memory().unwrap();
    let session = |group_id, start, status| NewSession {
        group_id,
        start,
        duration_min: 90,
        theme: None,
        status,
        dropin_count: 0,
    };
    // Two series begun last week; a's next session is Wednesday's, b's Thursday's.
    let (a, b, a_wednesday, b_thursday) = db
        .write(|tx| {
            let mut ids = Vec::new();
            for name in ["A", "B"] {
                ids.push(tx.insert_group(&NewGroup {
                    name: name.into(),
                    method: None,
                    language: None,
                    place: None,
                    capacity: None,
                    leaders: vec![],
                })?);
            }
            let (a, b) = (ids[0], ids[1]);
            tx.insert_session(&session(a, at(16, 10), SessionStatus::Held))?;
            tx.insert_session(&session(b, at(17, 10), SessionStatus::Held))?;
            let a_wednesday = tx.insert_session(&session(a, at(25, 10), SessionStatus::Planned))?;
            tx.insert_session(&session(a, at(30, 10), SessionStatus::Planned))?;
            let b_thursday = tx.insert_session(&session(b, at(26, 10), SessionStatus::Planned))?;
            // b also had Friday's, cancelled: b runs until then whatever else is planned.
            tx.insert_session(&session(b, at(27, 10), SessionStatus::Cancelled))?;
            Ok::<_, DbError>((a, b, a_wednesday, b_thursday))
        })
        .unwrap();
    assert_eq!(running(&mut db), [a, b]);

    // Wednesday's cancelled: a's next is the 30th, after b's Thursday.
    db.write(|tx| tx.set_session_status(a_wednesday, SessionStatus::Cancelled, Some("sjuk")))
        .unwrap();
    assert_eq!(running(&mut db), [b, a]);
    // Planned again, then b's moved to Tuesday.
    db.write(|tx| tx.set_session_status(a_wednesday, SessionStatus::Planned, None))
        .unwrap();
    assert_eq!(running(&mut db), [a, b]);
    // Sessions are moved and deleted here as any path that writes them would.
    let change = |db: &mut Db, sql: &str| {
        db.write(|tx| {
            tx.tx.execute(sql, [b_thursday])?;
            Ok::<_, DbError>(())
        })
        .unwrap();
    };
    change(
        &mut db,
        "UPDATE group_session SET starts_at = '2026-11-24 10:00' WHERE id = ?1",
    );
    assert_eq!(running(&mut db), [b, a]);
    change(
        &mut db,
        "UPDATE group_session SET starts_at = '2026-11-28 10:00' WHERE id = ?1",
    );
    assert_eq!(running(&mut db), [a, b]);
    // Deleted: b has no planned session left, and comes by its first, last week.
    change(&mut db, "DELETE FROM group_session WHERE id = ?1");
    assert_eq!(running(&mut db), [b, a]);

    // A planned session already past (its attendance not recorded) is not the next one: a's
    // Friday last week left planned, and b's new one on Tuesday comes before a's Wednesday.
    db.write(|tx| {
        tx.insert_session(&session(a, at(20, 10), SessionStatus::Planned))?;
        tx.insert_session(&session(b, at(24, 10), SessionStatus::Planned))?;
        Ok::<_, DbError>(())
    })
    .unwrap();
    assert_eq!(running(&mut db), [b, a]);
}
