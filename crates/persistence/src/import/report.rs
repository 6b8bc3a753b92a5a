//! What an import did, and why one stopped.

use std::path::PathBuf;

use super::csv::CsvError;

/// What the import did with one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableReport {
    pub table: &'static str,
    /// The file read, if the directory has one for this table.
    pub file: Option<PathBuf>,
    /// Data rows in the file.
    pub read: usize,
    pub imported: usize,
    /// Rows whose primary key was already in the store.
    pub skipped: usize,
    /// Columns of the file this importer does not know (ignored).
    pub ignored_columns: Vec<String>,
}

impl TableReport {
    /// Nothing read yet.
    pub(super) fn empty(table: &'static str) -> Self {
        TableReport { table, file: None, read: 0, imported: 0, skipped: 0, ignored_columns: Vec::new() }
    }
}

/// The outcome of an import, table by table in the order they were loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub tables: Vec<TableReport>,
}

impl ImportReport {
    pub fn table(&self, name: &str) -> Option<&TableReport> {
        self.tables.iter().find(|t| t.table == name)
    }

    pub fn imported(&self) -> usize {
        self.tables.iter().map(|t| t.imported).sum()
    }
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for t in &self.tables {
            match &t.file {
                None => writeln!(f, "{:<32} no file", t.table)?,
                Some(file) => {
                    let name =
                        file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into());
                    write!(
                        f,
                        "{:<32} {:>5} read, {:>5} imported, {:>5} already present  ({name})",
                        t.table, t.read, t.imported, t.skipped
                    )?;
                    if !t.ignored_columns.is_empty() {
                        write!(f, "; ignored columns: {}", t.ignored_columns.join(", "))?;
                    }
                    writeln!(f)?;
                }
            }
        }
        Ok(())
    }
}

/// Why an import stopped.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0} is not a directory")]
    NotADirectory(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{file}: {source}")]
    Csv { file: String, source: CsvError },
    #[error("{file}: the header has no column {column}")]
    MissingColumn { file: String, column: String },
    #[error("{file} line {line}: {message}")]
    Value { file: String, line: usize, message: String },
    #[error("{file} line {line}: the database refused the row: {source}")]
    Refused { file: String, line: usize, source: diesel::result::Error },
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}
