//! The XLSX file: a wide sheet per breakdown (the indicators as rows, the units as columns),
//! set up to print landscape, one page wide, its two header rows repeated; and a definitions
//! sheet wholly in the reader's language. Numbers as numbers, markers as text. The creation date
//! inside is the period's last day, not the clock, so the same report gives the same bytes.

use std::collections::BTreeMap;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::{Header, categories_used, shown, unit_name};
use crate::domain::report::{
    Breakdown, Category, Cell, EMPTY, HIDDEN, INDICATORS, IndicatorId, MissingKind, Place, Report,
    Value,
};
use crate::i18n::{Lang, report as words};

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

fn name(id: IndicatorId, lang: Lang) -> &'static str {
    let info = id.info();
    match lang {
        Lang::Sv => info.name_sv,
        Lang::En => info.name_en,
    }
}

/// A unit's column heading.
fn unit_heading(cell: &Cell, header: &Header, lang: Lang) -> String {
    match &cell.place {
        Place::Eligibility(Some(e)) => words::eligibility(e, lang),
        _ => unit_name(cell, header).map_or_else(|| not_recorded(lang).to_string(), str::to_string),
    }
}

fn not_recorded(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "(ej angivet)",
        Lang::En => "(not recorded)",
    }
}

/// Landscape, one page wide, the two header rows on every page.
fn print_setup(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 1)?;
    sheet.set_freeze_panes(2, 3)?;
    Ok(())
}

/// One breakdown's sheet: a row per indicator and category, a column per unit.
fn breakdown_sheet(
    book: &mut Workbook,
    report: &Report,
    header: &Header,
    lang: Lang,
    b: Breakdown,
) -> Result<(), XlsxError> {
    let cells: Vec<&Cell> = report
        .cells
        .iter()
        .filter(|c| c.place.breakdown() == b)
        .collect();
    if cells.is_empty() {
        return Ok(());
    }
    let bold = Format::new().set_bold();
    let heading = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    let count = Format::new().set_num_format("0");
    let percent = Format::new().set_num_format("0.0");
    let marker = Format::new().set_align(FormatAlign::Right);
    let sheet = book.add_worksheet();
    sheet.set_name(words::sheet_name(b, lang))?;
    let mut units: Vec<&Place> = cells.iter().map(|c| &c.place).collect();
    units.sort();
    units.dedup();
    let column: BTreeMap<&Place, u16> = units
        .iter()
        .enumerate()
        .map(|(i, p)| (*p, 3 + i as u16))
        .collect();
    let title = format!(
        "{}, {}: {}",
        header.municipality.name,
        words::period_label(report.period, header.preliminary, lang),
        words::breakdown_name(b, lang)
    );
    sheet.write_string_with_format(0, 0, title, &bold)?;
    let [indicator, name_col, category] = match lang {
        Lang::Sv => ["Indikator", "Namn", "Kategori"],
        Lang::En => ["Indicator", "Name", "Category"],
    };
    sheet.write_string_with_format(1, 0, indicator, &bold)?;
    sheet.write_string_with_format(1, 1, name_col, &bold)?;
    sheet.write_string_with_format(1, 2, category, &bold)?;
    for place in &units {
        let any = cells.iter().find(|c| &&c.place == place);
        if let Some(c) = any {
            sheet.write_string_with_format(
                1,
                column[place],
                unit_heading(c, header, lang),
                &heading,
            )?;
        }
    }
    // The rows in report order: indicator, then its total row, then its categories.
    let mut rows: Vec<(IndicatorId, Option<Category>)> =
        cells.iter().map(|c| (c.indicator, c.category)).collect();
    rows.sort();
    rows.dedup();
    let row_of: BTreeMap<(IndicatorId, Option<Category>), u32> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (*r, 2 + i as u32))
        .collect();
    for (&(id, cat), &r) in &row_of {
        sheet.write_string(r, 0, id.info().key)?;
        sheet.write_string(r, 1, name(id, lang))?;
        if let Some(c) = cat {
            sheet.write_string(r, 2, words::category(c, lang))?;
        }
    }
    let mut notes: Vec<String> = Vec::new();
    for cell in &cells {
        let (r, col) = (
            row_of[&(cell.indicator, cell.category)],
            column[&cell.place],
        );
        match cell.published() {
            Some(Value::Count(n)) => sheet.write_number_with_format(r, col, n as f64, &count)?,
            Some(Value::Percent { tenths }) => {
                sheet.write_number_with_format(r, col, tenths as f64 / 10.0, &percent)?
            }
            Some(v @ Value::PercentAtLeast { .. }) => {
                sheet.write_string_with_format(r, col, super::number(v, decimal(lang)), &marker)?
            }
            None => sheet.write_string_with_format(r, col, shown(cell, decimal(lang)), &marker)?,
        };
        let note = words::note(report, cell, lang);
        if !note.is_empty() && !notes.contains(&note) {
            notes.push(note);
        }
    }
    let first = 3 + rows.len() as u32;
    for (r, line) in (first..).zip(
        [
            format!(
                "{HIDDEN} {}",
                words::status(crate::domain::report::Status::Hidden, lang)
            ),
            format!(
                "{EMPTY} {}",
                words::status(crate::domain::report::Status::Empty, lang)
            ),
        ]
        .into_iter()
        .chain(notes.into_iter().map(|n| format!("* {n}"))),
    ) {
        sheet.write_string(r, 0, line)?;
    }
    sheet.set_column_width(0, 26)?;
    sheet.set_column_width(1, 38)?;
    sheet.set_column_width(2, 22)?;
    for &col in column.values() {
        sheet.set_column_width(col, 12)?;
    }
    sheet.set_row_height(1, 30)?;
    print_setup(sheet)?;
    Ok(())
}

fn decimal(lang: Lang) -> char {
    match lang {
        Lang::Sv => ',',
        Lang::En => '.',
    }
}

/// The whole workbook as bytes.
pub fn render(report: &Report, header: &Header, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = date(report.period.last_day())?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("hembesok {}", report.period))
            .set_creation_datetime(&created),
    );
    for b in Breakdown::ALL {
        breakdown_sheet(&mut book, report, header, lang, b)?;
    }
    definitions(&mut book, report, header, lang)?;
    book.save_to_buffer()
}

/// The definitions sheet: what the file is, what is missing, what is withheld, and the indicator
/// table, all in the reader's language.
fn definitions(
    book: &mut Workbook,
    report: &Report,
    header: &Header,
    lang: Lang,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let defs = book.add_worksheet();
    defs.set_name(words::definitions_sheet(lang))?;
    let earlier = header
        .earlier_checksums
        .iter()
        .map(|(r, s)| format!("{r}: {s}"))
        .collect::<Vec<_>>()
        .join(", ");
    let values = [
        words::period_label(report.period, header.preliminary, lang),
        header.municipality.name.clone(),
        header.municipality.code.clone(),
        words::yes_no(header.preliminary, lang).to_string(),
        header.revision.to_string(),
        earlier,
        report.threshold.get().to_string(),
        HIDDEN.to_string(),
        EMPTY.to_string(),
        words::top_code_rule(lang).to_string(),
        header.audit_head.clone().unwrap_or_default(),
    ];
    let mut r = 0u32;
    for (label, value) in words::about_rows(lang).iter().zip(values) {
        defs.write_string_with_format(r, 0, *label, &bold)?;
        defs.write_string(r, 1, value)?;
        r += 1;
    }
    r += 1;
    defs.write_string_with_format(r, 0, words::completeness_title(lang), &bold)?;
    r += 1;
    for kind in MissingKind::ALL {
        defs.write_string(r, 0, words::missing(kind, lang))?;
        defs.write_number(r, 1, header.missing[kind.index()] as f64)?;
        r += 1;
    }
    if !report.withheld.is_empty() {
        r += 1;
        defs.write_string_with_format(r, 0, words::withheld_title(lang), &bold)?;
        r += 1;
        for w in &report.withheld {
            defs.write_string(r, 0, name(w.indicator, lang))?;
            defs.write_string(r, 1, words::withheld(w.reason, w.breakdown, lang))?;
            r += 1;
        }
    }
    r += 1;
    for (col, title) in words::definition_columns(lang).iter().enumerate() {
        defs.write_string_with_format(r, col as u16, *title, &bold)?;
    }
    for row in INDICATORS {
        r += 1;
        let cats = categories_used(report, row.id)
            .iter()
            .filter_map(|key| Category::parse_for(row.id, key))
            .map(|c| words::category(c, lang))
            .collect::<Vec<_>>()
            .join(", ");
        let (name, definition) = match lang {
            Lang::Sv => (row.name_sv, row.definition_sv),
            Lang::En => (row.name_en, row.definition_en),
        };
        defs.write_string(r, 0, row.key)?;
        defs.write_string(r, 1, name)?;
        defs.write_string_with_format(r, 2, definition, &wrap)?;
        defs.write_string(r, 3, words::unit(row.unit, lang))?;
        defs.write_string_with_format(r, 4, cats, &wrap)?;
    }
    defs.set_column_width(0, 30)?;
    defs.set_column_width(1, 40)?;
    defs.set_column_width(2, 70)?;
    defs.set_column_width(3, 10)?;
    defs.set_column_width(4, 40)?;
    defs.set_landscape();
    defs.set_print_fit_to_pages(1, 0);
    Ok(())
}
