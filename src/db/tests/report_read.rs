//! The report's read of a period's visits and children, which looks up their children,
//! attendees and done visits in id order: each visit keeps its own attendees and each child its
//! own visits, however their ids interleave.

use super::*;

/// A visit by a nurse who went and a parent advisor (`advisor_went`: `None` not marked), no
/// interpreter, nothing referred.
pub(super) fn joint_visit(
    child_id: i64,
    (nurse, advisor): (i64, i64),
    visit_no: Option<u32>,
    start: NaiveDateTime,
    status: VisitStatus,
    advisor_went: Option<bool>,
) -> NewVisit {
    NewVisit {
        child_id,
        visit_no,
        start,
        duration_min: 60,
        location: Location::Home,
        status,
        staff: vec![
            VisitStaff {
                staff_id: nurse,
                role: Role::Nurse,
                attended: Some(true),
            },
            VisitStaff {
                staff_id: advisor,
                role: Role::ParentAdvisor,
                attended: advisor_went,
            },
        ],
        interpreter_language: None,
        interpreter: Interpreter::None,
        themes: vec![],
        referrals: vec![],
        note: None,
        override_reason: None,
    }
}

#[test]
fn each_visit_keeps_its_attendees_and_each_child_its_done_visits() {
    use crate::domain::quarter::Quarter;
    let mut db = Db::open_in_memory().unwrap();
    let (children, nurse, advisor) = db
        .write(|tx| {
            let v = store_goteborg(tx);
            let mut children = Vec::new();
            for reference in ["F-1", "F-2", "F-3"] {
                let f = tx.insert_family(&sample_family(reference), v, now())?;
                children.push((f, tx.children_of(f)?[0].id));
            }
            let nurse = tx.insert_staff(&sample_staff("Anna", Role::Nurse))?;
            let advisor = tx.insert_staff(&sample_staff("Bo", Role::ParentAdvisor))?;
            Ok::<_, DbError>((children, nurse, advisor))
        })
        .unwrap();
    let visit = |child: usize, no: u32, day: u32, advisor_went: Option<bool>| {
        let start = NaiveDate::from_ymd_opt(2026, 10, day)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let status = VisitStatus::Done;
        joint_visit(
            children[child].1,
            (nurse, advisor),
            Some(no),
            start,
            status,
            advisor_went,
        )
    };
    // Inserted in turns, so each child's visits have ids between the others'; the days say
    // the time order, which is not the order of the ids.
    db.write(|tx| {
        for v in [
            visit(0, 1, 12, None),
            visit(1, 1, 10, Some(false)),
            visit(2, 1, 11, Some(true)),
            visit(0, 2, 20, Some(false)),
            visit(1, 2, 25, None),
            visit(0, 2, 21, None),
        ] {
            tx.insert_visit(&v, now())?;
        }
        Ok::<_, DbError>(())
    })
    .unwrap();
    let input = db
        .read(|tx| tx.report_input(Quarter::parse("2026Q4").unwrap()))
        .unwrap();
    let family = |i: usize| children[i].0;
    let seen: Vec<(i64, Option<u32>, u32, bool)> = input
        .visits
        .iter()
        .map(|v| {
            use chrono::Datelike;
            (v.family_id, v.visit_no, v.date.day(), v.required_roles_met)
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (family(1), Some(1), 10, false),
            (family(2), Some(1), 11, true),
            (family(0), Some(1), 12, true),
            (family(0), Some(2), 20, false),
            (family(0), Some(2), 21, true),
            (family(1), Some(2), 25, true),
        ]
    );
    let done: Vec<(i64, u32, Option<NaiveDate>)> = input
        .children
        .iter()
        .map(|c| (c.family_id, c.visits_done, c.first_visit_done_on))
        .collect();
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 10, d);
    // Visit 2 done twice for the first child is one programme visit done.
    assert_eq!(
        done,
        vec![
            (family(0), 2, day(12)),
            (family(1), 2, day(10)),
            (family(2), 1, day(11)),
        ]
    );
    assert_eq!(
        input.families.iter().map(|f| f.id).collect::<Vec<_>>(),
        (0..3).map(family).collect::<Vec<_>>()
    );
}
