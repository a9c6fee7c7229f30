//! The screens' reads on a real database: what Today and Week show of a group session.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::domain::alerts::AlertKind;
use crate::domain::days::WeekQuery;
use crate::ops::Ctx;
use crate::ops::import::{families, groups, staff, visits};

/// A new database file, and "now" at 08:00 on the day given.
fn fresh(year: i32, month: u32, day: u32) -> (tempfile::TempDir, crate::db::Db, Ctx) {
    let dir = tempfile::tempdir().unwrap();
    let db =
        crate::db::connect(&dir.path().join("t.sqlite"), crate::db::Mode::Create, None).unwrap();
    let now = NaiveDate::from_ymd_opt(year, month, day)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let ctx = Ctx {
        actor: "test".into(),
        now,
    };
    (dir, db, ctx)
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("tests/fixtures/import/{name}")).unwrap()
}

#[test]
fn a_leader_in_a_visit_and_a_session_at_once_is_on_todays_list() {
    let (_dir, mut db, ctx) = fresh(2030, 12, 2);
    let now = ctx.now;
    staff::import(&mut db, &fixture("staff_ok.csv"), &ctx).unwrap();
    families::import(&mut db, &fixture("families_ok.csv"), &ctx).unwrap();
    groups::import(&mut db, &fixture("groups_ok.csv"), &ctx).unwrap();
    // Julgruppen meets 2030-12-17 10:00–11:30, led by Anna: a visit of hers at 10:30.
    let clash = "family_ref,visit_no,start,duration_min,status,staff\n\
                 T-001,extra,2030-12-17 10:30,60,planned,Anna Sköterska\n";
    visits::import(&mut db, clash, &ctx, true).unwrap();
    let catalogue = Arc::new(db.read(|tx| tx.programme_catalogue()).unwrap());
    let alerts = super::today::alerts(&mut db, &catalogue, now, 7).unwrap();
    let doubles: Vec<String> = alerts
        .iter()
        .filter(|a| a.kind == AlertKind::DoubleBooked)
        .map(|a| crate::i18n::alerts::detail(a, "o").en)
        .collect();
    assert_eq!(
        doubles,
        ["Anna Sköterska: 2030-12-17 10:30 and the group session Julgruppen 10:00"]
    );
}

#[test]
fn week_shows_a_session_for_its_leaders_in_everyones_week_and_in_theirs() {
    let (_dir, mut db, ctx) = fresh(2030, 12, 2);
    staff::import(&mut db, &fixture("staff_ok.csv"), &ctx).unwrap();
    families::import(&mut db, &fixture("families_ok.csv"), &ctx).unwrap();
    groups::import(&mut db, &fixture("groups_ok.csv"), &ctx).unwrap();
    let mut id = |name: &str| db.read(|tx| tx.staff_by_name(name)).unwrap().unwrap().id;
    let (anna, bo) = (id("Anna Sköterska"), id("Bo Rådgivare"));
    // Two visits of Bo's that Tuesday, one before the session and one after: the session falls
    // between them in everyone's week, and first in Anna's.
    let visits = "family_ref,visit_no,start,duration_min,status,staff\n\
                  T-001,extra,2030-12-17 08:00,60,planned,Bo Rådgivare\n\
                  T-002,extra,2030-12-17 13:00,60,planned,Bo Rådgivare\n";
    visits::import(&mut db, visits, &ctx, true).unwrap();
    let week = crate::domain::calendar::IsoWeek::of(NaiveDate::from_ymd_opt(2030, 12, 17).unwrap());
    let mut tuesday = |staff| {
        let data = super::week::week(
            &mut db,
            WeekQuery {
                week,
                staff,
                day: 0,
                from: 0,
            },
        )
        .unwrap();
        data.sessions[1]
            .iter()
            .map(|s| {
                format!(
                    "{} {} after {}",
                    s.session.start.format("%H:%M"),
                    s.session.group,
                    s.visits_before
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(tuesday(None), ["10:00 Julgruppen after 1"]);
    assert_eq!(tuesday(Some(anna)), ["10:00 Julgruppen after 0"]);
    assert!(tuesday(Some(bo)).is_empty());
}

#[test]
fn the_to_do_read_a_range_of_families_at_a_time_is_the_to_do_of_one_read() {
    let (_dir, mut db, ctx) = fresh(2026, 11, 23);
    let now = ctx.now;
    crate::ops::demo::generate(&mut db, 400, 5, now.date(), false, &ctx).unwrap();
    let catalogue = Arc::new(db.read(|tx| tx.programme_catalogue()).unwrap());
    let (first, last) = db.read(|tx| tx.family_id_span()).unwrap();
    let ranges = super::today::family_ranges(first, last);
    assert!(
        ranges.len() > 4,
        "the test reads several ranges: {ranges:?}"
    );
    let read = super::today::alerts(&mut db, &catalogue, now, 14).unwrap();
    // Every child of the register at once, as the to-do was read before.
    let whole = db
        .read(|tx| {
            let since = crate::domain::alerts::born_since(now.date());
            let (children, facts) = tx.active_children_of(since, 0..=i64::MAX)?;
            Ok::<_, crate::db::DbError>(crate::domain::alerts::child_alerts(
                &children,
                &facts,
                catalogue.all(),
                now.date(),
                14,
            ))
        })
        .unwrap();
    // The programme's part of the to-do, in the order it is listed.
    let programme: Vec<_> = read
        .iter()
        .filter(|a| {
            matches!(
                a.detail,
                crate::domain::alerts::AlertDetail::Programme { .. }
            )
        })
        .cloned()
        .collect();
    assert!(
        programme.len() > 20,
        "the demo has a to-do: {}",
        programme.len()
    );
    let mut whole = whole;
    whole.sort_by(crate::domain::alerts::order);
    assert_eq!(programme, whole);
}

#[test]
fn the_to_dos_ranges_of_families_hold_every_id_once() {
    for (first, last) in [(1, 0), (1, 1), (1, 49), (1, 50), (1, 51), (7, 160), (-5, 3)] {
        let ranges = super::today::family_ranges(first, last);
        let ids: Vec<i64> = ranges.iter().flat_map(Clone::clone).collect();
        assert_eq!(ids, (first..=last).collect::<Vec<_>>(), "{first}..={last}");
        assert!(
            ranges.iter().all(|r| r.end() - r.start() < 50),
            "{ranges:?}"
        );
    }
    assert_eq!(
        super::today::family_ranges(i64::MAX - 1, i64::MAX),
        [i64::MAX - 1..=i64::MAX],
        "the last ids too"
    );
}
