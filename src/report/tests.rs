//! The formats on a small report: exact rows, statuses and markers, byte-identical output, CSV
//! that parses with `;`, wide XLSX sheets with a print setup.

use std::io::Read as _;

use chrono::NaiveDate;

use super::*;
use crate::domain::enums::VisitStatus;
use crate::domain::period::Period;
use crate::domain::report::{
    FamilyRow, IndicatorId, ReportInput, Suppression, Threshold, VisitRow,
};
use crate::i18n::Lang;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

/// Nine families in Norr (one of them at no recorded clinic), three in "Söder; Väst": enough for
/// published figures, small ones, a percent and a name that needs quoting. Söder's three are
/// fewer than k, so no family figure is broken down by area or clinic.
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
            family_present: None,
        });
    }
    ReportInput {
        families,
        visits,
        ..ReportInput::default()
    }
}

/// The same with a second visit each, all joint: 23 of 24 joint visits, a share of events of 20
/// or more at 95 % or over, with one short: top-coded.
fn input_top_coded() -> ReportInput {
    let mut facts = input();
    for id in 1..=12 {
        facts.visits.push(VisitRow {
            family_id: id,
            visit_no: Some(2),
            status: VisitStatus::Done,
            date: d(9, 3),
            required_roles_met: true,
            window: None,
            interpreter_used: false,
            referrals: Vec::new(),
            family_present: None,
        });
    }
    facts
}

fn header(preliminary: bool) -> Header {
    Header {
        municipality: crate::domain::report::Municipality {
            code: "1442".into(),
            name: "Grästorp".into(),
        },
        audit_head: Some("ab12".into()),
        preliminary,
        revision: 1,
        earlier_checksums: Vec::new(),
        missing: [2, 0, 1, 0, 3],
    }
}

fn q3() -> Period {
    Period::quarter("2026Q3").unwrap()
}

fn report() -> Report {
    Report::compute(&input(), q3(), Threshold::default())
}

#[test]
fn json_has_format_2_with_a_status_for_every_value() {
    let r = report();
    let text = json::render(&r, &header(false));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..9],
        [
            "{",
            "  \"format\": \"hembesok-report\",",
            "  \"format_version\": 2,",
            "  \"period\": {\"kind\": \"quarter\", \"id\": \"2026Q3\", \"start\": \"2026-07-01\", \"end\": \"2026-09-30\"},",
            "  \"preliminary\": false,",
            "  \"revision\": 1,",
            "  \"earlier_files\": [],",
            "  \"municipality\": {\"code\": \"1442\", \"name\": \"Grästorp\"},",
            "  \"threshold\": 5,",
        ]
    );
    assert!(text.contains("  \"markers\": {\"hidden\": \"..\", \"empty\": \"–\"},\n"));
    assert!(text.contains("  \"completeness\": {\"visits_without_outcome\": 2, \"visits_without_attendees\": 0, \"sessions_without_attendance\": 1, \"sessions_still_planned\": 0, \"families_without_eligibility_or_dates\": 3},\n"));
    assert!(text.contains(
        "    {\"indicator\": \"visits_done\", \"by\": \"municipality\", \"unit_name\": \"Grästorp\", \"category\": null, \"value\": 12, \"status\": \"published\"},\n"
    ));
    // One family declined: the 12 offered are hidden with it, the 11 who enrolled are kept (the
    // acceptance rate's own count).
    assert!(text.contains(
        "    {\"indicator\": \"families_offered\", \"by\": \"municipality\", \"unit_name\": \"Grästorp\", \"category\": null, \"value\": null, \"status\": \"hidden\"},\n"
    ));
    // 11 of 12 had every role: the complement 1 is small, so the numerator is hidden and the
    // share with it; the denominator is published.
    for (category, value, status) in [
        ("null", "null", "hidden"),
        ("\"numerator\"", "null", "hidden"),
        ("\"denominator\"", "12", "published"),
    ] {
        let row = format!(
            "{{\"indicator\": \"joint_visit_share\", \"by\": \"municipality\", \"unit_name\": \"Grästorp\", \"category\": {category}, \"value\": {value}, \"status\": \"{status}\"}}"
        );
        assert!(text.contains(&row), "{row}");
    }
    // No visit has a known window: nothing to report, not hidden.
    assert!(text.contains(
        "{\"indicator\": \"in_window_share\", \"by\": \"municipality\", \"unit_name\": \"Grästorp\", \"category\": null, \"value\": null, \"status\": \"empty\"}"
    ));
    // Söder has three families: the area breakdown is withheld, and the file says why.
    assert!(text.contains(
        "{\"indicator\": \"visits_done\", \"by\": \"area\", \"reason\": \"few_families\", \"reason_sv\": \"redovisas inte per område:"
    ));
    assert!(text.contains(
        "{\"indicator\": \"families_offered\", \"by\": \"clinic\", \"unit_name\": null, \"category\": null, \"value\": null, \"status\": \"hidden\"}"
    ));
    assert!(text.contains("\"unit\": \"count\", \"categories\": [\"1\", \"extra\"]}"));
    assert!(text.ends_with("  ]\n}\n"));
    let rows = text
        .lines()
        .filter(|l| l.starts_with("    {\"indicator\": ") && l.contains("\"status\""))
        .count();
    assert_eq!(rows, r.cells.len());
    assert!(json::render(&r, &header(true)).contains("  \"preliminary\": true,\n"));
    let mut revised = header(false);
    revised.revision = 2;
    revised.earlier_checksums = vec![(1, "aa".into())];
    let text = json::render(&r, &revised);
    assert!(text.contains(
        "  \"revision\": 2,\n  \"earlier_files\": [{\"revision\": 1, \"sha256\": \"aa\"}],\n"
    ));
}

#[test]
fn a_share_of_visits_just_short_of_all_is_top_coded_in_every_format() {
    let r = Report::compute(&input_top_coded(), q3(), Threshold::default());
    let share = r
        .cell(IndicatorId::JointVisitShare, &Place::Municipality, None)
        .unwrap();
    assert!(share.top_coded);
    let text = json::render(&r, &header(false));
    assert!(text.contains(
        "{\"indicator\": \"joint_visit_share\", \"by\": \"municipality\", \"unit_name\": \"Grästorp\", \"category\": null, \"value\": 95.0, \"status\": \"published\", \"bound\": \"at_least\"}"
    ));
    let csv = String::from_utf8(csv::render(&r, &header(false), Lang::Sv)).unwrap();
    assert!(csv.contains(
        ";joint_visit_share;Andel gemensamma besök;kommun;Grästorp;;;procent;≥95,0;redovisad;\"minst 95 %;"
    ));
    // Its numerator is hidden, its denominator a count of its own.
    assert!(csv.contains(";kommun;Grästorp;numerator;täljare;antal;..;dold;\r\n"));
    assert!(csv.contains(";kommun;Grästorp;denominator;nämnare;antal;24;redovisad;\r\n"));
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
            .find(|row| &row[3] == indicator && &row[5] == by && &row[6] == unit && &row[7] == cat)
            .unwrap_or_else(|| panic!("{indicator} {by} {unit} {cat}"))
            .clone()
    };
    let row = find("visits_done", "kommun", "Grästorp", "");
    // The period and whether it is preliminary are columns of their own.
    assert_eq!((&row[0], &row[1], &row[2]), ("2026Q3", "nej", "1"));
    assert_eq!(&row[4], "Genomförda besök");
    assert_eq!(&row[9], "antal");
    assert_eq!((&row[10], &row[11]), ("12", "redovisad"));
    // The area whose name holds the separator survives the round trip; its breakdown is
    // withheld, and the note says why.
    let row = find("families_offered", "område", "Söder; Väst", "");
    assert_eq!((&row[10], &row[11]), ("..", "dold"));
    assert!(
        row[12].starts_with("redovisas inte per område"),
        "{}",
        &row[12]
    );
    let row = find("in_window_share", "kommun", "Grästorp", "");
    assert_eq!((&row[10], &row[11]), ("–", "inget att redovisa"));
    let en = csv::render(&r, &header(true), Lang::En);
    let en = std::str::from_utf8(&en).unwrap();
    assert!(en.starts_with("\u{feff}Period;Preliminary;Revision;Indicator;Name;Breakdown;"));
    assert!(en.contains(
        "\r\n2026Q3;yes;1;visits_done;Visits done;municipality;Grästorp;;;count;12;published;\r\n"
    ));
    // A category is named in the reader's language beside its stable key.
    let row = find("families_offered", "kommun", "Grästorp", "declined");
    assert_eq!(&row[8], "tackat nej");
    assert!(en.contains(";Grästorp;declined;declined;count;"));
    let row = find("joint_visit_share", "kommun", "Grästorp", "denominator");
    assert_eq!((&row[8], &row[9], &row[10]), ("nämnare", "antal", "12"));
}

#[test]
fn the_same_facts_give_the_same_bytes() {
    let a = report();
    let mut shuffled = input();
    shuffled.families.reverse();
    shuffled.visits.reverse();
    let b = Report::compute(&shuffled, a.period, a.threshold);
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
            .any(|c| c.suppressed == Some(Suppression::Complement))
    );
}

fn member(book: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book.to_vec())).unwrap();
    let mut xml = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn xlsx_is_wide_printable_and_the_same_bytes_every_time() {
    let a = xlsx::render(&report(), &header(false), Lang::Sv).unwrap();
    let mut shuffled = input();
    shuffled.families.reverse();
    let r = Report::compute(&shuffled, q3(), Threshold::default());
    let b = xlsx::render(&r, &header(false), Lang::Sv).unwrap();
    assert_eq!(a, b);
    assert!(a.starts_with(b"PK\x03\x04"));
    let workbook = member(&a, "xl/workbook.xml");
    // No programme or eligibility is recorded: one unit each, the municipality again, so those
    // breakdowns have no sheet.
    assert!(!workbook.contains("name=\"Program\""));
    for sheet in ["Kommun", "Område", "BVC", "Definitioner"] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{workbook}"
        );
    }
    // The two header rows repeat on every printed page of each breakdown's sheet.
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    let area = member(&a, "xl/worksheets/sheet2.xml");
    assert!(area.contains("orientation=\"landscape\""), "{area}");
    assert!(area.contains("fitToHeight=\"0\""), "{area}");
    assert!(area.contains("<cols>"), "{area}");
    let strings = member(&a, "xl/sharedStrings.xml");
    // The units are columns: the areas' names are headings.
    assert!(strings.contains("Söder; Väst") && strings.contains("Norr"));
    // The definitions wholly in Swedish: no English definition, no English measure.
    let visits = IndicatorId::VisitsDone.info();
    assert!(strings.contains(visits.definition_sv));
    assert!(!strings.contains(visits.definition_en));
    assert!(!strings.contains(">count<") && strings.contains(">antal<"));
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
    let r = Report::compute(&facts, q3(), Threshold::default());
    let text = String::from_utf8(csv::render(&r, &header(false), Lang::Sv)).unwrap();
    assert!(text.contains(";område;\"'=HYPERLINK(\"\"http://x\"\")\";"));
    assert!(!text.contains(";=HYPERLINK"));
    let book = xlsx::render(&r, &header(false), Lang::Sv).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).unwrap();
        let mut xml = String::new();
        member.read_to_string(&mut xml).unwrap();
        assert!(!xml.contains("<f>"), "a formula in member {i}");
    }
}
