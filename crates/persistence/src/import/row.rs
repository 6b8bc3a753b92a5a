//! One data row of a table file, read by column name. Every reader takes the column's name and
//! answers a `Result`, so that the table specifications (`tables.rs`) read alike.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::ImportError;
use super::csv::Field;
use super::value;

pub(super) struct Row<'a> {
    pub file: &'a str,
    pub line: usize,
    pub columns: &'a HashMap<String, usize>,
    pub fields: &'a [Field],
    pub now: NaiveDateTime,
}

impl Row<'_> {
    fn field(&self, column: &str) -> Option<&Field> {
        self.columns.get(column).and_then(|&i| self.fields.get(i))
    }

    pub fn bad(&self, message: String) -> ImportError {
        ImportError::Value { file: self.file.to_owned(), line: self.line, message }
    }

    /// The database refused the row.
    pub fn refused(&self, source: diesel::result::Error) -> ImportError {
        ImportError::Refused { file: self.file.to_owned(), line: self.line, source }
    }

    /// A value the file must have: its column in the header, and not NULL.
    fn required<T>(
        &self,
        column: &str,
        read: impl FnOnce(&Self, &str) -> Result<Option<T>, ImportError>,
    ) -> Result<T, ImportError> {
        if !self.columns.contains_key(column) {
            return Err(ImportError::MissingColumn { file: self.file.to_owned(), column: column.to_owned() });
        }
        read(self, column)?.ok_or_else(|| self.bad(format!("{column} must not be empty")))
    }

    /// NULL or an absent column are `None`.
    pub fn opt_text(&self, column: &str) -> Result<Option<String>, ImportError> {
        Ok(self.field(column).and_then(|f| f.value.clone()))
    }

    pub fn text(&self, column: &str) -> Result<String, ImportError> {
        self.required(column, Self::opt_text)
    }

    /// A key the file does not carry, made of key columns read before: `<first>/<second>`.
    pub fn joined(&self, _column: &str, first: &str, second: &str) -> Result<String, ImportError> {
        Ok(format!("{first}/{second}"))
    }

    pub fn text_or(&self, column: &str, default: &str) -> Result<String, ImportError> {
        Ok(self.opt_text(column)?.unwrap_or_else(|| default.to_owned()))
    }

    pub fn opt_bool(&self, column: &str) -> Result<Option<bool>, ImportError> {
        match self.opt_text(column)? {
            None => Ok(None),
            Some(v) => {
                value::boolean(&v).map(Some).ok_or_else(|| self.bad(format!("{column}: {v:?} is not a boolean")))
            }
        }
    }

    pub fn bool(&self, column: &str) -> Result<bool, ImportError> {
        self.required(column, Self::opt_bool)
    }

    pub fn bool_or(&self, column: &str, default: bool) -> Result<bool, ImportError> {
        Ok(self.opt_bool(column)?.unwrap_or(default))
    }

    pub fn opt_ts(&self, column: &str) -> Result<Option<NaiveDateTime>, ImportError> {
        match self.opt_text(column)? {
            None => Ok(None),
            Some(v) => value::timestamp(&v, self.now)
                .map(Some)
                .ok_or_else(|| self.bad(format!("{column}: {v:?} is not a date-time MOSIP writes"))),
        }
    }

    pub fn ts(&self, column: &str) -> Result<NaiveDateTime, ImportError> {
        self.required(column, Self::opt_ts)
    }

    /// A creation time: absent or empty means the import time.
    pub fn ts_or_now(&self, column: &str) -> Result<NaiveDateTime, ImportError> {
        Ok(self.opt_ts(column)?.unwrap_or(self.now))
    }

    /// A JSON text column. When PostgreSQL's reading of the field is not JSON but the raw field
    /// between its outer quotes is (quotes MOSIP forgot to double), the raw text is taken.
    pub fn json(&self, column: &str) -> Result<Option<String>, ImportError> {
        let Some(field) = self.field(column) else { return Ok(None) };
        let Some(value) = field.value.clone() else { return Ok(None) };
        if serde_json::from_str::<serde_json::Value>(&value).is_ok() {
            return Ok(Some(value));
        }
        let raw = field.raw.trim();
        if let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"'))
            && serde_json::from_str::<serde_json::Value>(inner).is_ok()
        {
            return Ok(Some(inner.to_owned()));
        }
        Ok(Some(value))
    }

    /// A JSON column that must not be NULL (an absent column reads as NULL here).
    pub fn json_required(&self, column: &str) -> Result<String, ImportError> {
        self.json(column)?.ok_or_else(|| self.bad(format!("{column} must not be empty")))
    }
}
