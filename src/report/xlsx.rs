//! The XLSX file: a sheet per breakdown (municipality, area, clinic) and a definitions sheet;
//! numbers as numbers, the marker as text. The creation date inside is the quarter's last day,
//! not the clock, so the same report gives the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::{Header, MARKER, categories_used, unit_name};
use crate::domain::report::{INDICATORS, Place, Report, Value};
use crate::i18n::{Lang, report as words};

fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The whole workbook as bytes.
pub fn render(report: &Report, header: &Header, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = date(report.quarter.last_day())?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!("hembesok {}", report.quarter))
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0");
    let quarter = words::quarter_label(report.quarter, header.preliminary, lang);
    let columns = words::csv_header(lang);
    let breakdowns = [Place::Municipality, Place::Area(None), Place::Clinic(None)];
    for breakdown in &breakdowns {
        let sheet = book.add_worksheet();
        sheet.set_name(words::sheet_name(breakdown, lang))?;
        for (col, title) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *title, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let rows = report
            .cells
            .iter()
            .filter(|c| c.place.by() == breakdown.by());
        for (row, cell) in (1u32..).zip(rows) {
            let info = cell.indicator.info();
            let name = match lang {
                Lang::Sv => info.name_sv,
                Lang::En => info.name_en,
            };
            let category = cell.category.map(|c| c.key()).unwrap_or_default();
            let category_name = cell
                .category
                .map(|c| words::category(c, lang))
                .unwrap_or_default();
            let texts = [
                quarter.as_str(),
                info.key,
                name,
                words::breakdown(&cell.place, lang),
                unit_name(cell, header).unwrap_or_default(),
                &category,
                &category_name,
                words::unit(info.unit, lang),
            ];
            for (col, text) in texts.iter().enumerate() {
                sheet.write_string(row, col as u16, *text)?;
            }
            match cell.published() {
                None => sheet.write_string(row, 8, MARKER)?,
                Some(Value::Count(n)) => sheet.write_number(row, 8, n as f64)?,
                Some(Value::Percent { tenths }) => {
                    sheet.write_number_with_format(row, 8, tenths as f64 / 10.0, &percent)?
                }
            };
        }
        sheet.set_column_width(2, 40)?;
        sheet.set_column_width(4, 24)?;
    }
    let defs = book.add_worksheet();
    defs.set_name(words::definitions_sheet(lang))?;
    let about = words::about_rows(lang);
    let values = [
        quarter.clone(),
        header.municipality.clone(),
        report.threshold.get().to_string(),
        MARKER.to_string(),
        header.audit_head.clone().unwrap_or_default(),
    ];
    for (row, (label, value)) in about.iter().zip(values).enumerate() {
        defs.write_string_with_format(row as u32, 0, *label, &bold)?;
        defs.write_string(row as u32, 1, value)?;
    }
    let top = about.len() as u32 + 1;
    for (col, title) in words::definition_columns(lang).iter().enumerate() {
        defs.write_string_with_format(top, col as u16, *title, &bold)?;
    }
    for (i, row) in INDICATORS.iter().enumerate() {
        let r = top + 1 + i as u32;
        let cats = categories_used(report, row.id).join(", ");
        let texts = [
            row.key,
            row.name_sv,
            row.name_en,
            row.definition_sv,
            row.definition_en,
            row.unit.as_str(),
            &cats,
        ];
        for (col, text) in texts.iter().enumerate() {
            defs.write_string(r, col as u16, *text)?;
        }
    }
    defs.set_column_width(0, 28)?;
    defs.set_column_width(3, 60)?;
    defs.set_column_width(4, 60)?;
    book.save_to_buffer()
}
