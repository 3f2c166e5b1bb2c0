//! The report as an XLSX workbook: a cover sheet (scope, period, comparison, what a hidden cell
//! means) and one sheet per table, with numbers as numbers and hidden cells as the text "< 5".

use relais_core::i18n::Tr;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::{report::Report, suppress::Cell};

pub fn workbook(report: &Report, tr: &Tr) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let cover = workbook.add_worksheet();
    cover.set_name("cover")?;
    cover.set_column_width(0, 36)?;
    cover.set_column_width(1, 48)?;
    cover.write_string_with_format(0, 0, tr.t("report-title"), &bold)?;
    cover.write_string(0, 1, &report.scope)?;
    cover.write_string(1, 0, tr.t("report-xlsx-period"))?;
    cover.write_string(1, 1, format!("{} – {}", report.period.from, report.period.to))?;
    cover.write_string(2, 0, tr.t("report-compared-with"))?;
    cover.write_string(2, 1, format!("{} – {}", report.previous_period.from, report.previous_period.to))?;
    cover.write_string(3, 0, tr.t("report-xlsx-generated"))?;
    cover.write_string(3, 1, crate::rollup::month_of(relais_accompaniments::now()))?;
    if report.suppressed {
        cover.write_string(4, 0, tr.t("report-suppressed-note"))?;
    }
    for (i, r) in report.headline.iter().enumerate() {
        let row = 6 + i as u32;
        cover.write_string(row, 0, r.label.replace('\u{ad}', ""))?;
        write_cell(cover, row, 1, r.value)?;
    }
    for table in &report.tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.id)?;
        sheet.set_column_width(0, 40)?;
        sheet.set_column_width(2, 18)?;
        sheet.set_column_width(3, 18)?;
        sheet.write_string_with_format(0, 0, &table.caption, &bold)?;
        sheet.write_string_with_format(1, 0, tr.t("report-csv-label"), &bold)?;
        sheet.write_string_with_format(1, 1, tr.t("report-csv-code"), &bold)?;
        sheet.write_string_with_format(1, 2, format!("{} – {}", report.period.from, report.period.to), &bold)?;
        sheet.write_string_with_format(1, 3, format!("{} – {}", report.previous_period.from, report.previous_period.to), &bold)?;
        for (i, r) in table.rows.iter().enumerate() {
            let at = i as u32 + 2;
            sheet.write_string(at, 0, r.label.replace('\u{ad}', ""))?;
            sheet.write_string(at, 1, &r.code)?;
            write_cell(sheet, at, 2, r.value)?;
            write_cell(sheet, at, 3, r.previous)?;
        }
    }
    workbook.save_to_buffer()
}

fn write_cell(sheet: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, cell: Cell) -> Result<(), XlsxError> {
    match cell {
        Cell::Value(v) => sheet.write_number(row, col, v as f64).map(|_| ()),
        Cell::Suppressed | Cell::NotKnown => sheet.write_string(row, col, cell.text()).map(|_| ()),
    }
}
