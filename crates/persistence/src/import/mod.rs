//! `import-mosip`: loads MOSIP's PMS data exports (the `dml` CSV files of `mosip_pms`, one file per
//! table named `pms-<table>.csv` or `<table>.csv`) into the store, in dependency order, inside the
//! caller's transaction. Rows whose primary key is already present are skipped, so an import can
//! be repeated; anything else the database refuses (a dangling reference, a duplicate name) stops
//! the import with the file and line, and the caller's transaction rolls everything back.
//!
//! Values are read as PostgreSQL's `COPY … CSV` reads them (see [`csv`]); the literal `now()` in a
//! date column means the import time. Policies whose JSON MOSIP exported with unescaped quotes are
//! recovered from the raw field text.

pub mod csv;
mod report;
mod row;
mod tables;
mod value;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

pub use self::report::{ImportError, ImportReport, TableReport};
use self::row::Row;
pub use self::tables::TABLES;
use crate::connection::DbConnection;

/// Imports every table file found in `dir`; `now` stands for `now()`. Runs on `conn` as it is:
/// call it inside a transaction so that a failure leaves nothing behind.
pub fn import_dir(conn: &mut DbConnection, dir: &Path, now: NaiveDateTime) -> Result<ImportReport, ImportError> {
    if !dir.is_dir() {
        return Err(ImportError::NotADirectory(dir.to_path_buf()));
    }
    let mut report = ImportReport::default();
    for &table in TABLES {
        let Some(path) = file_for(dir, table) else {
            report.tables.push(TableReport::empty(table));
            continue;
        };
        let text = std::fs::read_to_string(&path).map_err(|source| ImportError::Io { path: path.clone(), source })?;
        let mut t = import_table(conn, table, &path, &text, now)?;
        t.file = Some(path);
        report.tables.push(t);
    }
    Ok(report)
}

fn file_for(dir: &Path, table: &str) -> Option<PathBuf> {
    [format!("pms-{table}.csv"), format!("{table}.csv")].into_iter().map(|n| dir.join(n)).find(|p| p.is_file())
}

/// Imports one table's CSV text (header first).
pub fn import_table(
    conn: &mut DbConnection,
    table: &'static str,
    path: &Path,
    text: &str,
    now: NaiveDateTime,
) -> Result<TableReport, ImportError> {
    let file = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let records = csv::parse(text).map_err(|source| ImportError::Csv { file: file.clone(), source })?;
    let mut report = TableReport::empty(table);
    let Some((header, rows)) = records.split_first() else {
        return Ok(report);
    };
    let columns: HashMap<String, usize> = header
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.value.clone().unwrap_or_default().trim().to_ascii_lowercase(), i))
        .collect();
    let known = tables::known_columns(table);
    let mut ignored: Vec<String> = columns.keys().filter(|c| !known.contains(&c.as_str())).cloned().collect();
    ignored.sort();
    report.ignored_columns = ignored;
    for record in rows {
        if record.fields.len() != header.fields.len() {
            return Err(ImportError::Value {
                file,
                line: record.line,
                message: format!("{} fields where the header has {}", record.fields.len(), header.fields.len()),
            });
        }
        let row = Row { file: &file, line: record.line, columns: &columns, fields: &record.fields, now };
        report.read += 1;
        if tables::import_row(conn, table, &row)? {
            report.imported += 1;
        } else {
            report.skipped += 1;
        }
    }
    Ok(report)
}
