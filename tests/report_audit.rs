//! The report against a reader who counts, on demo registers the size of the municipalities the
//! product is for (issue 16): 60 families (a very small municipality), 150 (Grästorp, about 60
//! births a year) and 700 (near Göteborg's programme). For the last three finished quarters and
//! the last finished year, the project's own audit, run afresh on the finished cells, finds no
//! hidden count a reader could work out exactly or prove below k; nor when two versions of one
//! quarter are read together. At 150 families the year publishes at least four of the six
//! headline shares for the whole municipality, and the widening takes none of them.
#![allow(clippy::unwrap_used)] // a test crate: a failed unwrap is a failed test

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use hembesok::db::{Mode, connect};
use hembesok::domain::enums::VisitStatus;
use hembesok::domain::period::Period;
use hembesok::domain::report::{
    Category, CellKey, HEADLINE, IndicatorId, Place, Report, ReportInput, Status, Suppression,
    Threshold, exposed_cells,
};

const TODAY: &str = "2026-11-23";

fn demo(db: &Path, families: usize) {
    common::hembesok(db)
        .args([
            "demo",
            "--families",
            &families.to_string(),
            "--seed",
            "7",
            "--today",
            TODAY,
        ])
        .assert()
        .success();
}

fn input(db: &Path, period: Period) -> ReportInput {
    let mut conn = connect(db, Mode::Write, None).unwrap();
    conn.read(|tx| tx.report_input(period)).unwrap()
}

fn hidden(report: &Report) -> BTreeSet<CellKey> {
    report
        .cells
        .iter()
        .filter(|c| c.status() == Status::Hidden)
        .map(|c| c.key())
        .collect()
}

/// The audit from outside: no hidden cell exposed, read alone.
fn audit_clean(report: &Report, what: &str) {
    assert!(
        report.audit.exposed.is_empty(),
        "{what}: the suppression gave up"
    );
    let exposed = exposed_cells(&report.cells, &report.nests, report.threshold, &[]);
    let named: Vec<_> = exposed.iter().map(|&i| report.cells[i].key()).collect();
    assert!(named.is_empty(), "{what}: exposed {named:?}");
    assert!(
        report.cells.iter().any(|c| c.status() == Status::Hidden),
        "{what}: nothing is hidden, so nothing was tested"
    );
}

/// The six headline shares the file publishes for the whole municipality.
fn headline_published(report: &Report) -> usize {
    HEADLINE
        .iter()
        .filter(|id| {
            report
                .cell(**id, &Place::Municipality, None)
                .is_some_and(|c| c.published().is_some())
        })
        .count()
}

/// A share hidden for its own few: a numerator or denominator of 1 … k−1, or a complement
/// (those who fell short) of 1 … k−1; not one the widening took to protect another cell.
fn hidden_for_its_own_few(report: &Report, id: IndicatorId) -> bool {
    [Category::Numerator, Category::Denominator]
        .into_iter()
        .filter_map(|part| report.cell(id, &Place::Municipality, Some(part)))
        .any(|c| {
            matches!(
                c.suppressed,
                Some(Suppression::Primary | Suppression::Complement)
            )
        })
}

#[test]
fn every_report_of_small_municipalities_holds_against_a_reader_who_counts() {
    let dir = tempfile::tempdir().unwrap();
    let periods = ["2026Q3", "2026Q2", "2026Q1", "2025"].map(|p| Period::parse(p).unwrap());
    for families in [60, 150, 700] {
        let db = dir.path().join(format!("demo-{families}.sqlite"));
        demo(&db, families);
        for period in periods {
            let report = Report::compute(&input(&db, period), period, Threshold::default());
            audit_clean(&report, &format!("{families} families, {period}"));
            if families == 150 && period == Period::Year(2025) {
                // (Five of six before the demo had visits without the interpreter: 4 of the
                // year's 64 to such families now fell short, and the share hides those 4.)
                assert!(
                    headline_published(&report) >= 4,
                    "the year publishes {} of 6 headline shares",
                    headline_published(&report)
                );
                for id in HEADLINE {
                    let published = report
                        .cell(id, &Place::Municipality, None)
                        .is_some_and(|c| c.published().is_some());
                    assert!(
                        published || hidden_for_its_own_few(&report, id),
                        "{id:?} was hidden to protect another cell"
                    );
                }
            }
        }
    }
}

#[test]
fn two_versions_of_one_quarter_read_together_give_nothing_away() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo-150.sqlite");
    demo(&db, 150);
    let q = Period::quarter("2026Q3").unwrap();
    let k = Threshold::default();
    let first = input(&db, q);
    let v1 = Report::compute(&first, q, k);
    audit_clean(&v1, "the first version");
    // A correction after the first file was sent: one visit done was a no-show, another one
    // planned was done.
    let mut second = first.clone();
    let done = second
        .visits
        .iter()
        .position(|v| v.status == VisitStatus::Done && q.contains(v.date))
        .unwrap();
    second.visits[done].status = VisitStatus::NoShow;
    let earlier = [v1.stored()];
    let v2 = Report::revise(&second, q, k, &earlier);
    assert_ne!(v2.stored(), v1.stored(), "the correction changed no figure");
    assert!(v2.audit.exposed.is_empty());
    // What the first file hid, the second hides too.
    assert!(hidden(&v1).is_subset(&hidden(&v2)));
    // Read alone, and read together with the first file.
    audit_clean(&v2, "the second version");
    let together = exposed_cells(&v2.cells, &v2.nests, k, &earlier);
    let named: Vec<_> = together.iter().map(|&i| v2.cells[i].key()).collect();
    assert!(named.is_empty(), "read together: exposed {named:?}");
}
