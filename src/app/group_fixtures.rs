//! Parent-group fixtures for headless and snapshot tests: three series, a series page with a
//! held, a cancelled and planned sessions, and an 8-family roll call.

use chrono::{NaiveDate, NaiveDateTime};

use super::fixtures::d;
use crate::domain::enums::{AttendanceStatus, SessionStatus};
use crate::domain::group_views::{
    GroupInfo, GroupList, GroupPage, GroupRow, MemberRow, RollCall, RollLine, SessionRow,
    Suggestion,
};

fn at(day: NaiveDate, h: u32) -> NaiveDateTime {
    day.and_hms_opt(h, 0, 0).unwrap_or_default()
}

pub fn group_list() -> GroupList {
    let row =
        |id, name: &str, first: NaiveDate, next: Option<NaiveDate>, last: NaiveDate| GroupRow {
            id,
            name: name.into(),
            method: Some("BVC-föräldragrupp".into()),
            language: Some("svenska".into()),
            capacity: Some(8),
            members: 6,
            sessions: 8,
            first: Some(at(first, 10)),
            last: Some(at(last, 10)),
            next: next.map(|n| at(n, 10)),
            present: 30,
            marked: 40,
        };
    // In the database's order: current, planned, ended.
    let rows = vec![
        row(
            2,
            "Föräldragrupp Östra",
            d(2026, 11, 5),
            Some(d(2026, 11, 26)),
            d(2026, 12, 17),
        ),
        row(
            3,
            "Föräldragrupp Kyrkbyn vår",
            d(2027, 1, 14),
            Some(d(2027, 1, 14)),
            d(2027, 3, 4),
        ),
        row(
            1,
            "Föräldragrupp Centrum höst",
            d(2026, 9, 3),
            None,
            d(2026, 10, 22),
        ),
    ];
    GroupList {
        counts: [1, 1, 1],
        offset: 0,
        rows,
        earlier: 0,
    }
}

fn names() -> [&'static str; 8] {
    [
        "Familjen Amiri",
        "Familjen Andersson",
        "Familjen Bondarenko",
        "Familjen Nilsson",
        "Familjen Tekle",
        "Familjen Öberg",
        "Familjen Yusuf",
        "Familjen Lind",
    ]
}

pub fn sessions() -> Vec<SessionRow> {
    let s = |id, day, status, reason: Option<&str>| SessionRow {
        id,
        start: at(day, 10),
        duration_min: 120,
        theme: None,
        status,
        cancel_reason: reason.map(str::to_string),
        dropins: 0,
    };
    vec![
        s(21, d(2026, 11, 5), SessionStatus::Held, None),
        s(
            22,
            d(2026, 11, 12),
            SessionStatus::Cancelled,
            Some("ledaren sjuk"),
        ),
        s(23, d(2026, 11, 19), SessionStatus::Held, None),
        s(24, d(2026, 11, 26), SessionStatus::Planned, None),
    ]
}

pub fn group_page() -> GroupPage {
    let members = names()
        .iter()
        .enumerate()
        .map(|(i, n)| MemberRow {
            family_id: 100 + i as i64,
            family_ref: format!("F-{i}"),
            name: (*n).into(),
            protection: crate::domain::enums::Protection::None,
            joined: d(2026, 11, 1),
            left: (i == 7).then(|| d(2026, 11, 10)),
        })
        .collect();
    let mut marks = Vec::new();
    for f in 0..7 {
        let status = match f {
            1 => AttendanceStatus::Absent,
            2 => AttendanceStatus::Excused,
            _ => AttendanceStatus::Present,
        };
        marks.push((21, 100 + f, status));
    }
    GroupPage {
        info: GroupInfo {
            id: 2,
            name: "Föräldragrupp Östra".into(),
            method: Some("BVC-föräldragrupp".into()),
            language: Some("svenska".into()),
            place: Some("Familjecentralen Östra".into()),
            area: None,
            capacity: Some(8),
            born: Some((d(2026, 6, 1), d(2026, 8, 31))),
            leaders: vec![(1, "Anna Sköterska".into()), (2, "Bo Rådgivare".into())],
        },
        sessions: sessions(),
        members,
        marks,
    }
}

/// The roll call of session 23: the eight families, of whom the eighth left before its date,
/// so seven lines, none marked.
pub fn roll_call() -> RollCall {
    RollCall {
        group_id: 2,
        group_name: "Föräldragrupp Östra".into(),
        session: sessions()[2].clone(),
        number: 3,
        lines: names()
            .iter()
            .take(7)
            .enumerate()
            .map(|(i, n)| RollLine {
                family_id: 100 + i as i64,
                family_ref: format!("F-{i}"),
                name: (*n).into(),
                protection: crate::domain::enums::Protection::None,
                status: None,
                adults: 0,
            })
            .collect(),
    }
}

pub fn suggestions() -> Vec<Suggestion> {
    (0..4)
        .map(|i| Suggestion {
            family_id: 200 + i,
            family_ref: format!("S-{i}"),
            name: format!("Familjen Förslag {i}"),
            protection: crate::domain::enums::Protection::None,
            languages: vec!["svenska".into()],
            born: d(2026, 7, 1 + i as u32),
        })
        .collect()
}
