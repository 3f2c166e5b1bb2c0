//! The report as an XLSX workbook: a cover sheet (scope, period, comparison, what a hidden cell
//! means) and one sheet per table, with numbers as numbers and hidden cells as the text "< 5".
//! Sheets are named in the reader's language (the table's caption, cut to what a spreadsheet
//! allows), like everything else in it.

use relais_core::i18n::Tr;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::{report::Report, suppress::Cell};

pub fn workbook(report: &Report, tr: &Tr) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let mut names = Vec::new();
    let cover = workbook.add_worksheet();
    cover.set_name(sheet_name(&tr.t("report-xlsx-cover"), &mut names))?;
    cover.set_column_width(0, 36)?;
    cover.set_column_width(1, 48)?;
    cover.write_string_with_format(0, 0, tr.t("report-title"), &bold)?;
    cover.write_string(0, 1, &report.scope)?;
    cover.write_string(1, 0, tr.t("report-xlsx-period"))?;
    cover.write_string(1, 1, format!("{} – {}", report.period.from, report.period.to))?;
    cover.write_string(2, 0, tr.t("report-compared-with"))?;
    cover.write_string(2, 1, format!("{} – {}", report.previous_period.from, report.previous_period.to))?;
    cover.write_string(3, 0, tr.t("report-xlsx-generated"))?;
    cover.write_string(3, 1, crate::rollup::month_of(relais_core::clock::now()))?;
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
        sheet.set_name(sheet_name(&table.caption, &mut names))?;
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

/// A sheet name from a caption: no `[]:*?/\\` (a spreadsheet refuses them), no soft hyphen, at most
/// 31 characters, and unlike every name already taken (compared as spreadsheets do, ignoring case).
fn sheet_name(caption: &str, taken: &mut Vec<String>) -> String {
    let clean: String = caption.replace('\u{ad}', "").chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    let clean = clean.trim_matches('\'').to_string();
    let base = if clean.is_empty() { "-".to_string() } else { clean };
    let mut n = 1;
    loop {
        let suffix = if n == 1 { String::new() } else { format!(" {n}") };
        let cut: String = base.chars().take(31 - suffix.chars().count()).collect();
        let name = format!("{}{suffix}", cut.trim_end());
        if !taken.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
            taken.push(name.clone());
            return name;
        }
        n += 1;
    }
}

fn write_cell(sheet: &mut rust_xlsxwriter::Worksheet, row: u32, col: u16, cell: Cell) -> Result<(), XlsxError> {
    match cell {
        Cell::Value(v) => sheet.write_number(row, col, v as f64).map(|_| ()),
        Cell::Suppressed | Cell::NotKnown => sheet.write_string(row, col, cell.text()).map(|_| ()),
    }
}

#[cfg(test)]
mod tests {
    use super::sheet_name;

    #[test]
    fn sheet_names_are_allowed_short_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(sheet_name("Online\u{ad}dienst: welke / hoe?", &mut taken), "Onlinedienst welke hoe");
        let long = "Niveau in het gebied 'communicatie en samenwerking'";
        let first = sheet_name(long, &mut taken);
        assert_eq!(first.chars().count(), 31);
        let second = sheet_name(long, &mut taken);
        assert!(second.ends_with(" 2") && second.chars().count() <= 31 && second != first);
        assert_eq!(sheet_name("ONLINEDIENST welke hoe", &mut taken), "ONLINEDIENST welke hoe 2");
        assert_eq!(sheet_name("[]", &mut taken), "-");
    }
}
