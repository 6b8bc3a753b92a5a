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
mod value;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use self::csv::{CsvError, Field};
use crate::connection::DbConnection;
use crate::schema;

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

/// The tables in the order they are loaded (referenced tables first).
pub const TABLES: &[&str] = &[
    "partner_type",
    "policy_group",
    "auth_policy",
    "partner",
    "partner_contact",
    "partner_policy_request",
    "partner_policy",
    "partner_policy_bioextract",
    "partner_policy_credential_type",
];

/// Imports every table file found in `dir`; `now` stands for `now()`. Runs on `conn` as it is:
/// call it inside a transaction so that a failure leaves nothing behind.
pub fn import_dir(conn: &mut DbConnection, dir: &Path, now: NaiveDateTime) -> Result<ImportReport, ImportError> {
    if !dir.is_dir() {
        return Err(ImportError::NotADirectory(dir.to_path_buf()));
    }
    let mut report = ImportReport::default();
    for &table in TABLES {
        let Some(path) = file_for(dir, table) else {
            report.tables.push(TableReport {
                table,
                file: None,
                read: 0,
                imported: 0,
                skipped: 0,
                ignored_columns: Vec::new(),
            });
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
    let mut report = TableReport { table, file: None, read: 0, imported: 0, skipped: 0, ignored_columns: Vec::new() };
    let Some((header, rows)) = records.split_first() else {
        return Ok(report);
    };
    let columns: HashMap<String, usize> = header
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| (f.value.clone().unwrap_or_default().trim().to_ascii_lowercase(), i))
        .collect();
    let known = known_columns(table);
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
        if import_row(conn, table, &row)? {
            report.imported += 1;
        } else {
            report.skipped += 1;
        }
    }
    Ok(report)
}

/// One data row, read by column name.
struct Row<'a> {
    file: &'a str,
    line: usize,
    columns: &'a HashMap<String, usize>,
    fields: &'a [Field],
    now: NaiveDateTime,
}

impl Row<'_> {
    fn field(&self, column: &str) -> Option<&Field> {
        self.columns.get(column).and_then(|&i| self.fields.get(i))
    }

    fn bad(&self, message: String) -> ImportError {
        ImportError::Value { file: self.file.to_owned(), line: self.line, message }
    }

    /// NULL or an absent column are `None`.
    fn opt_text(&self, column: &str) -> Option<String> {
        self.field(column).and_then(|f| f.value.clone())
    }

    fn text(&self, column: &str) -> Result<String, ImportError> {
        if !self.columns.contains_key(column) {
            return Err(ImportError::MissingColumn { file: self.file.to_owned(), column: column.to_owned() });
        }
        self.opt_text(column).ok_or_else(|| self.bad(format!("{column} must not be empty")))
    }

    fn text_or(&self, column: &str, default: &str) -> String {
        self.opt_text(column).unwrap_or_else(|| default.to_owned())
    }

    fn opt_bool(&self, column: &str) -> Result<Option<bool>, ImportError> {
        match self.opt_text(column) {
            None => Ok(None),
            Some(v) => {
                value::boolean(&v).map(Some).ok_or_else(|| self.bad(format!("{column}: {v:?} is not a boolean")))
            }
        }
    }

    fn bool(&self, column: &str) -> Result<bool, ImportError> {
        if !self.columns.contains_key(column) {
            return Err(ImportError::MissingColumn { file: self.file.to_owned(), column: column.to_owned() });
        }
        self.opt_bool(column)?.ok_or_else(|| self.bad(format!("{column} must not be empty")))
    }

    fn bool_or(&self, column: &str, default: bool) -> Result<bool, ImportError> {
        Ok(self.opt_bool(column)?.unwrap_or(default))
    }

    fn opt_ts(&self, column: &str) -> Result<Option<NaiveDateTime>, ImportError> {
        match self.opt_text(column) {
            None => Ok(None),
            Some(v) => value::timestamp(&v, self.now)
                .map(Some)
                .ok_or_else(|| self.bad(format!("{column}: {v:?} is not a date-time MOSIP writes"))),
        }
    }

    fn ts(&self, column: &str) -> Result<NaiveDateTime, ImportError> {
        if !self.columns.contains_key(column) {
            return Err(ImportError::MissingColumn { file: self.file.to_owned(), column: column.to_owned() });
        }
        self.opt_ts(column)?.ok_or_else(|| self.bad(format!("{column} must not be empty")))
    }

    /// A creation time: absent or empty means the import time.
    fn ts_or_now(&self, column: &str) -> Result<NaiveDateTime, ImportError> {
        Ok(self.opt_ts(column)?.unwrap_or(self.now))
    }

    /// A JSON text column. When PostgreSQL's reading of the field is not JSON but the raw field
    /// between its outer quotes is (quotes MOSIP forgot to double), the raw text is taken.
    fn json(&self, column: &str) -> Option<String> {
        let field = self.field(column)?;
        let value = field.value.clone()?;
        if serde_json::from_str::<serde_json::Value>(&value).is_ok() {
            return Some(value);
        }
        let raw = field.raw.trim();
        if let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"'))
            && serde_json::from_str::<serde_json::Value>(inner).is_ok()
        {
            return Some(inner.to_owned());
        }
        Some(value)
    }
}

const IMPORT_USER: &str = "mosip-import";
const AUDIT_COLUMNS: &[&str] = &["cr_by", "cr_dtimes", "upd_by", "upd_dtimes", "is_deleted", "del_dtimes"];

fn known_columns(table: &str) -> Vec<&'static str> {
    let own: &[&str] = match table {
        "partner_type" => &["code", "partner_description", "is_policy_required", "is_active"],
        "policy_group" => &["id", "name", "descr", "user_id", "is_active"],
        "auth_policy" => &[
            "id",
            "policy_group_id",
            "name",
            "descr",
            "policy_file_id",
            "policy_type",
            "version",
            "policy_schema",
            "valid_from_date",
            "valid_to_date",
            "is_active",
        ],
        "partner" => &[
            "id",
            "policy_group_id",
            "name",
            "address",
            "contact_no",
            "email_id",
            "certificate_alias",
            "user_id",
            "partner_type_code",
            "approval_status",
            "is_active",
            "lang_code",
            "logo_url",
            "addl_info",
        ],
        "partner_contact" => &["id", "partner_id", "contact_no", "email_id", "address", "is_active"],
        "partner_policy_request" => {
            &["id", "part_id", "policy_id", "request_datetimes", "request_detail", "status_code"]
        }
        "partner_policy" => &[
            "policy_api_key",
            "part_id",
            "policy_id",
            "valid_from_datetime",
            "valid_to_datetime",
            "is_active",
            "label",
        ],
        "partner_policy_bioextract" => &[
            "id",
            "part_id",
            "policy_id",
            "attribute_name",
            "extractor_provider",
            "extractor_provider_version",
            "biometric_modality",
            "biometric_sub_types",
        ],
        "partner_policy_credential_type" => &["part_id", "policy_id", "credential_type", "is_active"],
        _ => &[],
    };
    own.iter().chain(AUDIT_COLUMNS).copied().collect()
}

/// Inserts one row unless its primary key exists; `Ok(false)` when skipped.
fn import_row(conn: &mut DbConnection, table: &str, r: &Row<'_>) -> Result<bool, ImportError> {
    let refused = |source| ImportError::Refused { file: r.file.to_owned(), line: r.line, source };
    let cr_by = r.text_or("cr_by", IMPORT_USER);
    let cr_dtimes = r.ts_or_now("cr_dtimes")?;
    let upd_by = r.opt_text("upd_by");
    let upd_dtimes = r.opt_ts("upd_dtimes")?;
    let is_deleted = r.bool_or("is_deleted", false)?;
    let del_dtimes = r.opt_ts("del_dtimes")?;
    match table {
        "partner_type" => {
            use schema::partner_type::dsl as t;
            let code = r.text("code")?;
            if t::partner_type.find(&code).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::partner_type)
                .values((
                    t::code.eq(&code),
                    t::partner_description.eq(r.text_or("partner_description", &code)),
                    t::is_policy_required.eq(r.bool("is_policy_required")?),
                    t::is_active.eq(r.bool_or("is_active", true)?),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "policy_group" => {
            use schema::policy_group::dsl as t;
            let id = r.text("id")?;
            if t::policy_group.find(&id).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::policy_group)
                .values((
                    t::id.eq(&id),
                    t::name.eq(r.text("name")?),
                    t::descr.eq(r.text_or("descr", "")),
                    t::user_id.eq(r.text_or("user_id", &cr_by)),
                    t::is_active.eq(r.bool_or("is_active", true)?),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "auth_policy" => {
            use schema::auth_policy::dsl as t;
            let id = r.text("id")?;
            if t::auth_policy.find(&id).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            let policy = r.json("policy_file_id").ok_or_else(|| r.bad("policy_file_id must not be empty".into()))?;
            diesel::insert_into(t::auth_policy)
                .values((
                    t::id.eq(&id),
                    t::policy_group_id.eq(r.text("policy_group_id")?),
                    t::name.eq(r.text("name")?),
                    t::descr.eq(r.text_or("descr", "")),
                    t::policy_file_id.eq(policy),
                    t::policy_type.eq(r.text("policy_type")?),
                    t::version.eq(r.text_or("version", "1")),
                    t::policy_schema.eq(r.opt_text("policy_schema")),
                    t::valid_from_date.eq(r.ts_or_now("valid_from_date")?),
                    t::valid_to_date.eq(r.ts("valid_to_date")?),
                    t::is_active.eq(r.bool("is_active")?),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "partner" => {
            use schema::partner::dsl as t;
            let id = r.text("id")?;
            if t::partner.find(&id).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::partner)
                .values((
                    t::id.eq(&id),
                    t::policy_group_id.eq(r.opt_text("policy_group_id")),
                    t::name.eq(r.text("name")?),
                    t::address.eq(r.opt_text("address")),
                    t::contact_no.eq(r.opt_text("contact_no")),
                    t::email_id.eq(r.opt_text("email_id")),
                    t::certificate_alias.eq(r.opt_text("certificate_alias")),
                    t::user_id.eq(r.text_or("user_id", &id)),
                    t::partner_type_code.eq(r.text("partner_type_code")?),
                    t::approval_status.eq(r.text("approval_status")?),
                    t::is_active.eq(r.bool("is_active")?),
                    t::lang_code.eq(r.opt_text("lang_code")),
                    t::logo_url.eq(r.opt_text("logo_url")),
                    t::addl_info.eq(r.json("addl_info")),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "partner_contact" => {
            use schema::partner_contact::dsl as t;
            let id = r.text("id")?;
            if t::partner_contact.find(&id).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::partner_contact)
                .values((
                    t::id.eq(&id),
                    t::partner_id.eq(r.text("partner_id")?),
                    t::contact_no.eq(r.opt_text("contact_no")),
                    t::email_id.eq(r.opt_text("email_id")),
                    t::address.eq(r.opt_text("address")),
                    t::is_active.eq(r.bool_or("is_active", true)?),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "partner_policy_request" => {
            use schema::partner_policy_request::dsl as t;
            let id = r.text("id")?;
            if t::partner_policy_request.find(&id).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::partner_policy_request)
                .values((
                    t::id.eq(&id),
                    t::part_id.eq(r.text("part_id")?),
                    t::policy_id.eq(r.text("policy_id")?),
                    t::request_datetimes.eq(r.ts_or_now("request_datetimes")?),
                    t::request_detail.eq(r.text_or("request_detail", "")),
                    t::status_code.eq(r.text("status_code")?),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "partner_policy" => {
            use schema::partner_policy::dsl as t;
            let key = r.text("policy_api_key")?;
            if t::partner_policy.find(&key).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::partner_policy)
                .values((
                    t::policy_api_key.eq(&key),
                    t::part_id.eq(r.text("part_id")?),
                    t::policy_id.eq(r.text("policy_id")?),
                    t::valid_from_datetime.eq(r.ts_or_now("valid_from_datetime")?),
                    t::valid_to_datetime.eq(r.opt_ts("valid_to_datetime")?),
                    t::is_active.eq(r.bool("is_active")?),
                    // MOSIP's 1.2 migration filled missing labels with the key itself.
                    t::label.eq(r.text_or("label", &key)),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "partner_policy_bioextract" => {
            use schema::partner_policy_bioextract::dsl as t;
            let id = r.text("id")?;
            if t::partner_policy_bioextract.find(&id).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::partner_policy_bioextract)
                .values((
                    t::id.eq(&id),
                    t::part_id.eq(r.text("part_id")?),
                    t::policy_id.eq(r.text("policy_id")?),
                    t::attribute_name.eq(r.text("attribute_name")?),
                    t::extractor_provider.eq(r.text("extractor_provider")?),
                    t::extractor_provider_version.eq(r.opt_text("extractor_provider_version")),
                    t::biometric_modality.eq(r.text("biometric_modality")?),
                    t::biometric_sub_types.eq(r.opt_text("biometric_sub_types")),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        "partner_policy_credential_type" => {
            use schema::partner_policy_credential_type::dsl as t;
            let key = (r.text("part_id")?, r.text("policy_id")?, r.text("credential_type")?);
            if t::partner_policy_credential_type.find((&key.0, &key.1, &key.2)).count().get_result::<i64>(conn)? > 0 {
                return Ok(false);
            }
            diesel::insert_into(t::partner_policy_credential_type)
                .values((
                    t::part_id.eq(&key.0),
                    t::policy_id.eq(&key.1),
                    t::credential_type.eq(&key.2),
                    t::is_active.eq(r.bool_or("is_active", true)?),
                    t::cr_by.eq(&cr_by),
                    t::cr_dtimes.eq(cr_dtimes),
                    t::upd_by.eq(&upd_by),
                    t::upd_dtimes.eq(upd_dtimes),
                    t::is_deleted.eq(is_deleted),
                    t::del_dtimes.eq(del_dtimes),
                ))
                .execute(conn)
                .map_err(refused)?;
        }
        other => return Err(r.bad(format!("no importer for table {other}"))),
    }
    Ok(true)
}
