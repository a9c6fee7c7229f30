//! The Groups list read a part at a time gives what the whole list read at once gave: the same
//! series, in the same order (current, planned, ended), with the same figures, on a demo.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

use chrono::{NaiveDate, NaiveDateTime};
use hembesok::db::{Mode, connect};
use hembesok::domain::group_views::Ended;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .unwrap()
        .and_hms_opt(7, 0, 0)
        .unwrap()
}

/// One series as both reads give it: id, section, figures and times, as text.
type Listed = (i64, u8, String);

/// The list as the screen had it before it was read in parts: every series with a session in
/// the last 120 days (here fewer than the 300 it read at most), its figures by the old query,
/// ordered as the screen ordered them (ties, which the old order left to the database, by id).
fn whole_list(path: &std::path::Path) -> Vec<Listed> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let now = now();
    let text = |t: NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
    let mut stmt = conn
        .prepare(
            "SELECT g.id,
                (SELECT count(*) FROM group_member m WHERE m.group_id = g.id AND m.left_on IS NULL),
                (SELECT count(*) FROM group_session s WHERE s.group_id = g.id),
                (SELECT min(starts_at) FROM group_session s WHERE s.group_id = g.id),
                r.last,
                (SELECT min(starts_at) FROM group_session s
                  WHERE s.group_id = g.id AND s.status = 'planned' AND s.starts_at >= ?2),
                (SELECT count(*) FROM group_session s JOIN attendance a ON a.session_id = s.id
                  WHERE s.group_id = g.id AND s.status = 'held' AND a.status = 'present'),
                (SELECT count(*) FROM group_session s JOIN attendance a ON a.session_id = s.id
                  WHERE s.group_id = g.id AND s.status = 'held')
             FROM (SELECT group_id, max(starts_at) AS last FROM group_session
                   WHERE starts_at >= ?1 GROUP BY group_id
                   ORDER BY max(starts_at) < ?2, min(starts_at) LIMIT 300) r
             JOIN parent_group g ON g.id = r.group_id",
        )
        .unwrap();
    let today = now.date().format("%Y-%m-%d").to_string();
    let mut rows: Vec<(u8, String, i64, String)> = stmt
        .query_map([text(now - chrono::Duration::days(120)), text(now)], |r| {
            let id: i64 = r.get(0)?;
            let first: String = r.get(3)?;
            let last: String = r.get(4)?;
            let next: Option<String> = r.get(5)?;
            let phase = if first[..10] > *today {
                1
            } else if last[..10] < *today {
                2
            } else {
                0
            };
            let key = if phase == 2 {
                // The latest first: sorted descending below.
                last.clone()
            } else {
                next.clone().unwrap_or_else(|| first.clone())
            };
            let figures = format!(
                "{} {} {first} {last} {next:?} {} {}",
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, u32>(6)?,
                r.get::<_, u32>(7)?
            );
            Ok((phase, key, id, figures))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(rows.len() < 300, "the old read would have cut the list");
    rows.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| {
                if a.0 == 2 {
                    b.1.cmp(&a.1)
                } else {
                    a.1.cmp(&b.1)
                }
            })
            .then(a.2.cmp(&b.2))
    });
    rows.into_iter().map(|(p, _, id, f)| (id, p, f)).collect()
}

#[test]
fn the_list_read_in_parts_is_the_whole_list_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groups.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &path)
        .args(["demo", "--families", "1500", "--seed", "3"])
        .args(["--today", "2026-11-23"])
        .assert()
        .success();
    let expected = whole_list(&path);
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let first = db
        .read(|tx| tx.list_groups(now(), 0, 7, Ended::Lately))
        .unwrap();
    assert_eq!(first.total(), expected.len());
    let sections = |p: u8| expected.iter().filter(|e| e.1 == p).count();
    assert_eq!(first.counts, [sections(0), sections(1), sections(2)]);
    assert!(
        first.counts.iter().all(|n| *n > 7),
        "the demo has every section, each past a part: {:?}",
        first.counts
    );
    let today = now().date();
    let mut read = Vec::new();
    // Parts of 7 cross each section's edges.
    for offset in (0..expected.len()).step_by(7) {
        let part = db
            .read(|tx| tx.list_groups(now(), offset, 7, Ended::Lately))
            .unwrap();
        assert_eq!(part.offset, offset);
        assert_eq!(part.counts, first.counts);
        for g in part.rows {
            let phase = g.phase(today) as u8;
            let t = |t: Option<NaiveDateTime>| t.map(|t| t.format("%Y-%m-%d %H:%M").to_string());
            let figures = format!(
                "{} {} {} {} {:?} {} {}",
                g.members,
                g.sessions,
                t(g.first).unwrap(),
                t(g.last).unwrap(),
                t(g.next),
                g.present,
                g.marked
            );
            read.push((g.id, phase, figures));
        }
    }
    assert_eq!(read, expected);
    // Past the end there is nothing.
    let beyond = db
        .read(|tx| tx.list_groups(now(), expected.len(), 7, Ended::Lately))
        .unwrap();
    assert!(beyond.rows.is_empty());
}

/// Series that ended before the list's reach are counted, and listed when asked: after the
/// ones that ended lately, the latest first, so nothing a coordinator ran is out of reach.
#[test]
fn series_ended_long_ago_are_counted_and_listed_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("groups.sqlite");
    assert_cmd::Command::cargo_bin("hembesok")
        .unwrap()
        .env("HEMBESOK_DB", &path)
        .args(["demo", "--families", "1500", "--seed", "3"])
        .args(["--today", "2026-11-23"])
        .assert()
        .success();
    let cut = (now() - chrono::Duration::days(120))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let long_ago: i64 = conn
        .query_row(
            "SELECT count(*) FROM parent_group WHERE last_at < ?1",
            [&cut],
            |r| r.get(0),
        )
        .unwrap();
    let long_ago = usize::try_from(long_ago).unwrap();
    assert!(long_ago > 0, "the demo has series that ended long ago");
    let mut db = connect(&path, Mode::Write, None).unwrap();
    let lately = db
        .read(|tx| tx.list_groups(now(), 0, 500, Ended::Lately))
        .unwrap();
    assert_eq!(lately.earlier, long_ago);
    assert!(
        lately
            .rows
            .iter()
            .all(|g| g.last.unwrap().format("%Y-%m-%d %H:%M").to_string() >= cut)
    );
    let all = db
        .read(|tx| tx.list_groups(now(), 0, 500, Ended::All))
        .unwrap();
    assert_eq!(all.earlier, long_ago);
    assert_eq!(
        all.counts,
        [
            lately.counts[0],
            lately.counts[1],
            lately.counts[2] + long_ago
        ]
    );
    // The list asked for all begins as the usual one, and the earlier series follow it.
    assert_eq!(all.rows[..lately.rows.len()], lately.rows[..]);
    let earlier = &all.rows[lately.rows.len()..];
    assert_eq!(earlier.len(), long_ago);
    assert!(earlier.windows(2).all(|w| w[0].last >= w[1].last));
}
