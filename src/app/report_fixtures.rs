//! A quarter's report, trend, missing records and exports from fixed facts, for the Report
//! screen's tests and snapshots.
use crate::app::{Msg, ReportEffect, ReportMsg};

use chrono::{Days, NaiveDate};

use super::{App, Key, Lang};
use crate::domain::enums::{AttendanceStatus, Protection, SessionStatus, VisitStatus};
use crate::domain::quarter::Quarter;
use crate::domain::report::{
    FamilyRow, GroupRow, MemberRow, MissingItem, MissingKind, MissingPage, Report, ReportInput,
    ReportRun, SessionRow, Threshold, VisitRow,
};
use crate::domain::schedule::Window;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// 36 families in two areas and three clinics; visits 1–5 and extras in every quarter of 2025
/// and 2026; a group with attendance.
pub fn input() -> ReportInput {
    let mut input = ReportInput::default();
    for id in 1..=36 {
        let (area, clinic) = match id % 3 {
            0 => ("Centrum", "BVC Centrum"),
            1 => ("Norrby", "BVC Norrby"),
            _ => ("Norrby", "BVC Parken"),
        };
        input.families.push(FamilyRow {
            id,
            area: Some(area.into()),
            clinic: Some(clinic.into()),
            offered_on: Some(d(2026, 7, 1 + u32::try_from(id % 28).unwrap())),
            enrolled_on: (id % 4 != 0).then(|| d(2026, 7, 2 + u32::try_from(id % 28).unwrap())),
            declined_on: (id % 4 == 0 && id % 8 == 0).then(|| d(2026, 8, 1)),
            needs_interpreter: id % 5 == 0,
            ..FamilyRow::default()
        });
    }
    for quarter in Quarter::parse("2026Q3").unwrap().trend(8) {
        let first = quarter.first_day();
        for id in 1..=36i64 {
            let no = u32::try_from(id % 6).unwrap();
            let date = first + Days::new(u64::try_from(id).unwrap());
            input.visits.push(VisitRow {
                family_id: id,
                visit_no: (no > 0).then_some(no),
                status: if id % 11 == 0 {
                    VisitStatus::CancelledFamily
                } else {
                    VisitStatus::Done
                },
                date,
                required_roles_met: no > 0 && id % 7 != 0,
                window: (no > 0).then(|| Window {
                    earliest: date - Days::new(5),
                    due: date,
                    late: if id % 9 == 0 {
                        date - Days::new(1)
                    } else {
                        date + Days::new(5)
                    },
                    max: date + Days::new(30),
                }),
                interpreter_used: id % 10 != 5,
                referrals: Vec::new(),
                family_present: None,
            });
        }
    }
    input.groups.push(GroupRow {
        id: 1,
        area: Some("Centrum".into()),
        members: (1..=8)
            .map(|family_id| MemberRow {
                family_id,
                joined_on: None,
                left_on: None,
            })
            .collect(),
    });
    for week in 0..6 {
        input.sessions.push(SessionRow {
            group_id: 1,
            date: d(2026, 7, 6) + Days::new(7 * week),
            status: SessionStatus::Held,
            dropins: 1,
            marks: (1..=8)
                .map(|f| {
                    let status = if (f + i64::try_from(week).unwrap()) % 4 == 0 {
                        AttendanceStatus::Absent
                    } else {
                        AttendanceStatus::Present
                    };
                    (f, status)
                })
                .collect(),
        });
    }
    input
}

pub fn report(quarter: crate::domain::period::Period) -> Report {
    Report::compute(&input(), quarter, Threshold::default())
}

pub fn missing() -> MissingPage {
    let at = |m, day, h| d(2026, m, day).and_hms_opt(h, 0, 0);
    let item = |kind, id, name: &str, protection, at| MissingItem {
        kind,
        id,
        family_id: (kind != MissingKind::SessionAttendance).then_some(id),
        name: name.into(),
        protection,
        at,
        lacks_eligibility: kind == MissingKind::FamilyFacts,
        lacks_date: false,
        reference: (kind != MissingKind::SessionAttendance).then(|| format!("D1-{id:05}")),
    };
    MissingPage {
        counts: [2, 1, 1, 0, 1],
        offset: 0,
        items: vec![
            item(
                MissingKind::VisitOutcome,
                11,
                "Familjen Berg",
                Protection::None,
                at(9, 14, 10),
            ),
            item(
                MissingKind::VisitOutcome,
                12,
                "Familjen Hemlig",
                Protection::SkyddadFolkbokforing,
                at(9, 15, 13),
            ),
            item(
                MissingKind::VisitAttendees,
                13,
                "Familjen Ali",
                Protection::None,
                at(8, 3, 9),
            ),
            item(
                MissingKind::SessionAttendance,
                4,
                "Föräldragrupp Centrum",
                Protection::None,
                at(8, 17, 10),
            ),
            item(
                MissingKind::FamilyFacts,
                21,
                "Familjen Nyström",
                Protection::None,
                None,
            ),
        ],
    }
}

pub fn runs() -> Vec<ReportRun> {
    vec![ReportRun {
        revision: Some(1),
        run_at: "2026-10-05 09:12:44".into(),
        format: "xlsx".into(),
        path: Some("/home/samordnare/hembesok-2026Q3.xlsx".into()),
        checksum: "3f1c0a9e5b7d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e".into(),
    }]
}

/// The app on the Report screen with every part of 2026Q3 loaded.
pub fn on_report(lang: Lang) -> App {
    let mut app = super::fixtures::app(lang);
    let effects = app.handle_key(Key::Char('6'));
    let generation = app.report.generation;
    for effect in effects {
        match effect {
            super::Effect::Report(ReportEffect::Load { quarter, .. }) => {
                app.receive(Msg::Report(ReportMsg::Loaded(
                    generation,
                    Box::new(report(quarter)),
                )));
            }
            super::Effect::Report(ReportEffect::LoadTrend { quarters, .. }) => {
                for q in quarters {
                    app.receive(Msg::Report(ReportMsg::Loaded(
                        generation,
                        Box::new(report(q)),
                    )));
                }
            }
            super::Effect::Report(ReportEffect::LoadMissing { quarter, .. }) => {
                app.receive(Msg::Report(ReportMsg::MissingLoaded(
                    generation,
                    quarter,
                    missing(),
                )));
            }
            super::Effect::Report(ReportEffect::LoadRuns(q)) => {
                app.receive(Msg::Report(ReportMsg::RunsLoaded(q, runs())));
            }
            _ => {}
        }
    }
    app
}
