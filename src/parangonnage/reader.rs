//! Reading an export of the initiatives table into a [`Table`]: a CSV in any
//! delimiter and encoding that Grist, LibreOffice or Excel write (UTF-8 with
//! or without BOM, UTF-16 with BOM, Windows-1252), or a spreadsheet (XLSX,
//! ODS, XLS) read with calamine. The format is told from the content, not the
//! file name.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::error::{ParangonnageError, Result};

/// Delimiters tried on a CSV, most common first (the first wins a tie).
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Records read to guess the delimiter.
const SNIFF_RECORDS: usize = 50;
/// A text with more control characters than this share is not a CSV.
const MAX_CONTROL_SHARE: f64 = 0.1;

/// An export as read: the header row and the data rows, cells trimmed.
#[derive(Debug, Clone)]
pub struct Table {
    /// Where it was read from, for messages.
    pub source: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row and where it starts in the file.
#[derive(Debug, Clone)]
pub struct Row {
    /// Line in the CSV, or row number in the spreadsheet (1-based).
    pub line: u64,
    /// As many cells as headers (missing cells are empty).
    pub cells: Vec<String>,
}

impl Row {
    /// The cell of column `i`, empty when the row is short.
    pub fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(String::as_str).unwrap_or("")
    }
}

/// Reads the export at `path`.
pub fn read_path(path: &Path) -> Result<Table> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ParangonnageError::Io {
        path: name.clone(),
        source,
    })?;
    read_bytes(&bytes, &name)
}

/// Reads an export held in memory; `source` names it in messages.
pub fn read_bytes(bytes: &[u8], source: &str) -> Result<Table> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ParangonnageError::Empty {
            path: source.to_string(),
        });
    }
    let (headers, rows) = if is_spreadsheet(bytes) {
        read_spreadsheet(bytes, source)?
    } else {
        read_csv(&decode(bytes, source)?, source)?
    };
    if headers.is_empty() {
        return Err(ParangonnageError::Empty {
            path: source.to_string(),
        });
    }
    if rows.is_empty() {
        return Err(ParangonnageError::NoRows {
            path: source.to_string(),
        });
    }
    Ok(Table {
        source: source.to_string(),
        headers,
        rows,
    })
}

/// A zip container (XLSX, ODS) or an OLE compound file (XLS).
fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The text of a CSV, in the encoding [`crate::decode::decode_any`] finds;
/// bytes with a NUL and no byte order mark are a binary file, not a CSV.
fn decode(bytes: &[u8], source: &str) -> Result<String> {
    if Encoding::for_bom(bytes).is_none() && bytes.contains(&0) {
        return Err(ParangonnageError::Binary {
            path: source.to_string(),
        });
    }
    let (text, encoding) = crate::decode::decode_any(bytes);
    debug_assert!([UTF_8, UTF_16LE, UTF_16BE, WINDOWS_1252].contains(&encoding));
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if controls as f64 > MAX_CONTROL_SHARE * text.chars().count() as f64 {
        return Err(ParangonnageError::Binary {
            path: source.to_string(),
        });
    }
    Ok(text.into_owned())
}

type Cells = (Vec<String>, Vec<Row>);

fn read_csv(text: &str, source: &str) -> Result<Cells> {
    let delimiter = guess_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ParangonnageError::Csv {
            path: source.to_string(),
            line: e.position().map_or(0, csv::Position::line),
            source: e,
        })?;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        match &headers {
            None => headers = Some(cells),
            Some(h) => rows.push(fit(line, cells, h.len())),
        }
    }
    Ok((headers.unwrap_or_default(), rows))
}

/// The delimiter under which the first records have the same number of
/// fields as the header, with the most fields; `,` when nothing splits.
fn guess_delimiter(text: &str) -> u8 {
    let mut best = (0usize, 0usize, b',');
    for delimiter in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let lengths: Vec<usize> = reader
            .records()
            .take(SNIFF_RECORDS)
            .map_while(|r| r.ok())
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| r.len())
            .collect();
        let Some(&width) = lengths.first() else {
            continue;
        };
        if width < 2 {
            continue;
        }
        let consistent = lengths.iter().filter(|&&n| n == width).count();
        if (consistent, width) > (best.0, best.1) {
            best = (consistent, width, delimiter);
        }
    }
    best.2
}

fn read_spreadsheet(bytes: &[u8], source: &str) -> Result<Cells> {
    let err = |source_err| ParangonnageError::Spreadsheet {
        path: source.to_string(),
        source: source_err,
    };
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(err)?;
    let sheets = book.sheet_names().len();
    for i in 0..sheets {
        let Some(range) = book.worksheet_range_at(i) else {
            continue;
        };
        let range = range.map_err(err)?;
        let first_row = range.start().map_or(0, |(row, _)| row as u64);
        let mut headers: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (offset, cells) in range.rows().enumerate() {
            let cells: Vec<String> = cells.iter().map(cell_text).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            let line = first_row + offset as u64 + 1;
            match &headers {
                None => headers = Some(cells),
                Some(h) => rows.push(fit(line, cells, h.len())),
            }
        }
        if let Some(headers) = headers {
            return Ok((headers, rows));
        }
    }
    Ok((Vec::new(), Vec::new()))
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    }
}

/// A row padded (or cut) to the header's width.
fn fit(line: u64, mut cells: Vec<String>, width: usize) -> Row {
    cells.resize(width, String::new());
    Row { line, cells }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_semicolon_even_with_commas_in_quoted_cells() {
        let text = "Nom;Description\nA;\"un, deux, trois\"\nB;\"quatre, cinq\"\n";
        assert_eq!(guess_delimiter(text), b';');
        let text = "Nom,Description\nA,\"un; deux\"\nB,texte\n";
        assert_eq!(guess_delimiter(text), b',');
        assert_eq!(guess_delimiter("Nom\tDescription\nA\tb\n"), b'\t');
    }

    #[test]
    fn windows_1252_is_decoded_when_not_utf8() {
        // « Intitulé;Résumé » in Windows-1252.
        let bytes = b"Intitul\xe9;R\xe9sum\xe9\nA;\x93cit\xe9\x94\n";
        let table = read_bytes(bytes, "t.csv").unwrap();
        assert_eq!(table.headers, ["Intitulé", "Résumé"]);
        assert_eq!(table.rows[0].cells, ["A", "\u{201c}cité\u{201d}"]);
    }

    #[test]
    fn utf8_bom_is_dropped_and_utf16_is_read() {
        let table = read_bytes("\u{feff}Nom,Description\nA,b\n".as_bytes(), "t.csv").unwrap();
        assert_eq!(table.headers[0], "Nom");
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "Nom\tDescription\r\nA\tb\r\n".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        let table = read_bytes(&utf16, "t.txt").unwrap();
        assert_eq!(table.headers, ["Nom", "Description"]);
        assert_eq!(table.rows[0].cells, ["A", "b"]);
    }

    #[test]
    fn rows_are_padded_to_the_headers_and_keep_their_line() {
        let text = "Nom,Administration,Description\nA,\"multi\nligne\"\nB,X,Y,Z\n";
        let table = read_bytes(text.as_bytes(), "t.csv").unwrap();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells, ["A", "multi\nligne", ""]);
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[1].cells, ["B", "X", "Y"]);
        assert_eq!(table.rows[1].line, 4);
    }

    #[test]
    fn binary_empty_and_header_only_files_are_refused() {
        let binary = [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0xff, 0xfe, 0];
        assert!(matches!(
            read_bytes(&binary, "a.out"),
            Err(ParangonnageError::Binary { .. })
        ));
        assert!(matches!(
            read_bytes(b"  \n", "v.csv"),
            Err(ParangonnageError::Empty { .. })
        ));
        assert!(matches!(
            read_bytes(b"Nom,Description\n", "h.csv"),
            Err(ParangonnageError::NoRows { .. })
        ));
    }
}
