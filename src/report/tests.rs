//! The formats on a small report: exact rows, byte-identical output, CSV that parses with `;`.

use chrono::NaiveDate;

use super::*;
use crate::domain::enums::VisitStatus;
use crate::domain::quarter::Quarter;
use crate::domain::report::{
    FamilyRow, IndicatorId, ReportInput, Suppression, Threshold, VisitRow,
};
use crate::i18n::Lang;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

/// Nine families in Norr (one of them at no recorded clinic), three in "Söder; Väst": enough for
/// published figures, small ones, a percent and a name that needs quoting.
fn input() -> ReportInput {
    let mut families = Vec::new();
    let mut visits = Vec::new();
    for id in 1..=12 {
        let norr = id <= 9;
        families.push(FamilyRow {
            id,
            area: Some(if norr { "Norr" } else { "Söder; Väst" }.into()),
            clinic: (id != 9).then(|| if norr { "BVC Norr" } else { "BVC Söder" }.into()),
            offered_on: Some(d(7, 1)),
            enrolled_on: (id != 8).then(|| d(7, 2)),
            declined_on: (id == 8).then(|| d(7, 2)),
            ..FamilyRow::default()
        });
        visits.push(VisitRow {
            family_id: id,
            visit_no: Some(1),
            status: VisitStatus::Done,
            date: d(8, 3),
            required_roles_met: id != 2,
            window: None,
            interpreter_used: false,
            referrals: Vec::new(),
        });
    }
    ReportInput {
        families,
        visits,
        ..ReportInput::default()
    }
}

fn header(preliminary: bool) -> Header {
    Header {
        municipality: "Grästorp".into(),
        audit_head: Some("ab12".into()),
        preliminary,
    }
}

fn report() -> Report {
    Report::compute(
        &input(),
        Quarter::parse("2026Q3").unwrap(),
        Threshold::default(),
    )
}

#[test]
fn json_has_the_shape_of_design_7() {
    let r = report();
    let text = json::render(&r, &header(false));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..10],
        [
            "{",
            "  \"format\": \"hembesok-report\",",
            "  \"format_version\": 1,",
            "  \"quarter\": \"2026Q3\",",
            "  \"period\": {\"start\": \"2026-07-01\", \"end\": \"2026-09-30\"},",
            "  \"preliminary\": false,",
            "  \"municipality\": \"Grästorp\",",
            "  \"threshold\": 5,",
            "  \"marker\": \"..\",",
            "  \"audit_head\": \"ab12\",",
        ]
    );
    assert!(text.contains(
        "    {\"indicator\": \"families_offered\", \"by\": \"municipality\", \"unit_name\": \"Grästorp\", \"category\": null, \"value\": 12, \"suppressed\": false},\n"
    ));
    // 11 of 12 had every role: the complement 1 is small.
    assert!(text.contains(
        "    {\"indicator\": \"joint_visit_share\", \"by\": \"municipality\", \"unit_name\": \"Grästorp\", \"category\": null, \"value\": null, \"suppressed\": true},\n"
    ));
    // Family 9 has no recorded clinic: a row with no unit name, and a small count.
    assert!(text.contains(
        "{\"indicator\": \"families_offered\", \"by\": \"clinic\", \"unit_name\": null, \"category\": null, \"value\": null, \"suppressed\": true}"
    ));
    assert!(text.contains(
        "{\"id\": \"visits_done\", \"name_sv\": \"Genomförda besök\", \"name_en\": \"Visits done\""
    ));
    assert!(text.contains("\"unit\": \"count\", \"categories\": [\"1\", \"extra\"]}"));
    assert!(text.contains(
        "\"unit\": \"count\", \"categories\": [\"enrolled\", \"declined\", \"undecided\"]}"
    ));
    assert!(text.ends_with("  ]\n}\n"));
    let rows = text
        .lines()
        .filter(|l| l.starts_with("    {\"indicator\""))
        .count();
    assert_eq!(rows, r.cells.len());
    let meta = text
        .lines()
        .filter(|l| l.starts_with("    {\"id\""))
        .count();
    assert_eq!(meta, crate::domain::report::INDICATORS.len());
    assert!(json::render(&r, &header(true)).contains("  \"preliminary\": true,\n"));
}

#[test]
fn json_percents_have_one_decimal_with_a_point() {
    let mut r = report();
    let cell = r
        .cells
        .iter_mut()
        .find(|c| c.indicator == IndicatorId::JointVisitShare && c.place == Place::Municipality)
        .unwrap();
    cell.figure = crate::domain::report::Figure::Share {
        numerator: 2,
        denominator: 3,
    };
    cell.suppressed = None;
    assert!(json::render(&r, &header(false)).contains("\"value\": 66.7, \"suppressed\": false}"));
}

#[test]
fn csv_is_for_swedish_excel() {
    let r = report();
    let bytes = csv::render(&r, &header(false), Lang::Sv);
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(head, crate::i18n::report::csv_header(Lang::Sv));
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), r.cells.len());
    let find = |indicator: &str, by: &str, unit: &str, cat: &str| {
        rows.iter()
            .find(|row| &row[1] == indicator && &row[3] == by && &row[4] == unit && &row[5] == cat)
            .unwrap_or_else(|| panic!("{indicator} {by} {unit} {cat}"))
            .clone()
    };
    let row = find("families_offered", "kommun", "Grästorp", "");
    assert_eq!(&row[0], "2026Q3");
    assert_eq!(&row[2], "Erbjudna familjer");
    assert_eq!(&row[7], "antal");
    assert_eq!(&row[8], "12");
    // The area whose name holds the separator survives the round trip.
    assert_eq!(
        &find("families_offered", "område", "Söder; Väst", "")[8],
        ".."
    );
    assert_eq!(&find("families_offered", "BVC", "", "")[8], "..");
    assert_eq!(
        &find("joint_visit_share", "kommun", "Grästorp", "")[8],
        ".."
    );
    let en = csv::render(&r, &header(true), Lang::En);
    let en = std::str::from_utf8(&en).unwrap();
    assert!(en.starts_with("\u{feff}Quarter;Indicator;Name;Breakdown;"));
    assert!(en.contains("\r\n2026Q3 (preliminary);families_offered;Families offered;municipality;Grästorp;;;count;12\r\n"));
    // A category is named in the reader's language beside its stable key.
    let row = find("families_offered", "kommun", "Grästorp", "declined");
    assert_eq!(&row[6], "tackat nej");
    assert!(en.contains(";Grästorp;declined;declined;count;"));
}

#[test]
fn csv_percents_have_a_decimal_comma() {
    let mut r = report();
    let cell = r
        .cells
        .iter_mut()
        .find(|c| c.indicator == IndicatorId::JointVisitShare && c.place == Place::Municipality)
        .unwrap();
    cell.figure = crate::domain::report::Figure::Share {
        numerator: 2,
        denominator: 3,
    };
    cell.suppressed = None;
    let text = String::from_utf8(csv::render(&r, &header(false), Lang::Sv)).unwrap();
    assert!(
        text.contains(
            ";joint_visit_share;Andel gemensamma besök;kommun;Grästorp;;;procent;66,7\r\n"
        )
    );
}

#[test]
fn the_same_facts_give_the_same_bytes() {
    let a = report();
    let mut shuffled = input();
    shuffled.families.reverse();
    shuffled.visits.reverse();
    let b = Report::compute(&shuffled, a.quarter, a.threshold);
    for lang in [Lang::Sv, Lang::En] {
        assert_eq!(
            csv::render(&a, &header(false), lang),
            csv::render(&b, &header(false), lang)
        );
    }
    assert_eq!(
        json::render(&a, &header(false)),
        json::render(&b, &header(false))
    );
    assert!(
        a.cells
            .iter()
            .any(|c| c.suppressed == Some(Suppression::Primary))
    );
}

#[test]
fn xlsx_is_the_same_bytes_every_time() {
    let a = xlsx::render(&report(), &header(false), Lang::Sv).unwrap();
    let mut shuffled = input();
    shuffled.families.reverse();
    let r = Report::compute(
        &shuffled,
        Quarter::parse("2026Q3").unwrap(),
        Threshold::default(),
    );
    let b = xlsx::render(&r, &header(false), Lang::Sv).unwrap();
    assert_eq!(a, b);
    assert!(a.starts_with(b"PK\x03\x04"));
    // A zip's member names are stored as they are: three breakdowns and the definitions.
    let has = |name: &str| a.windows(name.len()).any(|w| w == name.as_bytes());
    for sheet in 1..=4 {
        assert!(
            has(&format!("xl/worksheets/sheet{sheet}.xml")),
            "sheet {sheet}"
        );
    }
    assert!(!has("xl/worksheets/sheet5.xml"));
    assert!(has("docProps/core.xml"));
    assert_ne!(a, xlsx::render(&report(), &header(true), Lang::Sv).unwrap());
}

#[test]
fn an_area_named_like_a_formula_is_text_in_every_format() {
    let mut facts = input();
    for family in &mut facts.families {
        if family.area.as_deref() == Some("Norr") {
            family.area = Some("=HYPERLINK(\"http://x\")".into());
        }
    }
    let r = Report::compute(
        &facts,
        Quarter::parse("2026Q3").unwrap(),
        Threshold::default(),
    );
    let text = String::from_utf8(csv::render(&r, &header(false), Lang::Sv)).unwrap();
    assert!(text.contains(";område;\"'=HYPERLINK(\"\"http://x\"\")\";"));
    assert!(!text.contains(";=HYPERLINK"));
    let book = xlsx::render(&r, &header(false), Lang::Sv).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut member, &mut xml).unwrap();
        assert!(!xml.contains("<f>"), "a formula in member {i}");
    }
}
