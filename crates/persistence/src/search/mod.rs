//! MOSIP's `SearchDto` / `FilterValueDto` semantics, executed in SQL on both backends.
//!
//! Columns are named as MOSIP's entity fields (`partnerTypeCode`, `isActive`, `crDtimes`, …),
//! matched case-insensitively. Text comparisons are case-insensitive (`contains`, `startsWith`,
//! `equals`); `in` is exact; timestamps `equals` a one-millisecond window and `between` two
//! instants; booleans take `true`/`false`. Soft-deleted rows never match. Filter, sort, count
//! and paging all happen in the database; callers get the page's primary keys in order and load
//! the rows they answer with.

mod entities;
mod resolve;

use crate::connection::DbConnection;

use resolve::{Resolved, Typed, escape_like, resolve};

pub use resolve::{column, column_names};

/// The searchable tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    /// `policy_group`; key `id`, filter-value code column `name`.
    PolicyGroup,
    /// `auth_policy`; key `id`.
    Policy,
    /// `partner`; key `id`.
    Partner,
    /// `partner_type`; key `code`.
    PartnerType,
    /// `partner_policy_request`; key `id`.
    PolicyRequest,
    /// `partner_policy` (API keys); key `policyApiKey`.
    ApiKey,
    /// `misp_license`; key `licenseKey`.
    MispLicense,
    /// `reg_device_type`; key `code`.
    DeviceType,
    /// `reg_device_sub_type`; key its `<deviceType>/<code>` id.
    DeviceSubType,
    /// `device_detail`; key `id`.
    DeviceDetail,
    /// `secure_biometric_interface`; key `id`.
    Sbi,
    /// `ftp_chip_detail`; key `ftpChipDetailId`.
    FtmChip,
    /// `device_detail_sbi`; key the generated `<deviceDetailId>/<sbiId>`.
    SbiMapping,
}

/// How a column is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Bool,
    Time,
}

/// A filter operation as MOSIP names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Case-insensitive substring; a leading and/or trailing `*` is a wildcard marker, as in MOSIP.
    Contains(String),
    /// Case-insensitive prefix; a trailing `*` is ignored.
    StartsWith(String),
    /// Case-insensitive for text; a one-millisecond window for timestamps.
    Equals(String),
    /// Exact match with any of the values.
    In(Vec<String>),
    /// Inclusive range.
    Between(String, String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub column: String,
    pub op: Op,
}

impl Criterion {
    pub fn new(column: &str, op: Op) -> Self {
        Criterion { column: column.to_owned(), op }
    }

    pub fn equals(column: &str, value: &str) -> Self {
        Self::new(column, Op::Equals(value.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    pub column: String,
    pub desc: bool,
}

/// One search: criteria (all must hold), sort keys in order, and the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    pub criteria: Vec<Criterion>,
    pub sort: Vec<SortKey>,
    /// 0-based page index.
    pub page_start: i64,
    pub page_fetch: i64,
}

/// Why a search cannot run; each maps to MOSIP's code.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// `PMS-MSD-310` (a blank column name too, as MOSIP answers).
    #[error("Invalid column received : {0}")]
    UnknownColumn(String),
    /// `PMS-MSD-357`.
    #[error("Invalid sort field {0}")]
    UnknownSortField(String),
    /// `PMS-MSD-390`: the value does not fit the column (e.g. `isActive` = `maybe`).
    #[error("Invalid filter value")]
    InvalidValue { column: String, value: String },
    /// `PMS-MSD-315`.
    #[error("Invalid fromValue or toValue")]
    InvalidBetween(String),
    /// `PMS-MSD-324`: filter-values over a column that cannot list values (dates).
    #[error("Received Filter Type not supported")]
    UnsupportedFilterColumn(String),
    /// `PMS-MSD-313`.
    #[error("Invalid pagination value received pagestart:{0} and pagefetch:{1}")]
    InvalidPagination(i64, i64),
    /// `PMS-MSD-394`.
    #[error("query failed: {0}")]
    Query(#[from] diesel::result::Error),
}

impl SearchError {
    /// MOSIP's code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            SearchError::UnknownColumn(_) => "PMS-MSD-310",
            SearchError::UnknownSortField(_) => "PMS-MSD-357",
            SearchError::InvalidValue { .. } => "PMS-MSD-390",
            SearchError::InvalidBetween(_) => "PMS-MSD-315",
            SearchError::UnsupportedFilterColumn(_) => "PMS-MSD-324",
            SearchError::InvalidPagination(..) => "PMS-MSD-313",
            SearchError::Query(_) => "PMS-MSD-394",
        }
    }
}

/// The primary keys of the requested page, in order, and how many rows match in all (at most
/// `count_limit`, but always one past the page: see [`crate::repo::Paging`]).
pub fn search_ids(
    conn: &mut DbConnection,
    entity: Entity,
    q: &SearchQuery,
    count_limit: Option<i64>,
) -> Result<(Vec<String>, i64), SearchError> {
    let criteria = resolve_all(entity, &q.criteria)?;
    let mut sort = Vec::with_capacity(q.sort.len());
    for key in &q.sort {
        let (name, _) = column(entity, &key.column).ok_or_else(|| SearchError::UnknownSortField(key.column.clone()))?;
        sort.push((name, key.desc));
    }
    if q.page_start < 0 || q.page_fetch < 1 {
        return Err(SearchError::InvalidPagination(q.page_start, q.page_fetch));
    }
    let offset = q.page_start.saturating_mul(q.page_fetch);
    let paging = crate::repo::Paging { offset, limit: q.page_fetch, count_limit };
    entities::search(conn, entity, &criteria, &sort, paging)
}

/// The primary keys of the rows matching `criteria`, in key order, at most `limit`, uncounted.
pub fn matching_ids(
    conn: &mut DbConnection,
    entity: Entity,
    criteria: &[Criterion],
    limit: i64,
) -> Result<Vec<String>, SearchError> {
    let criteria = resolve_all(entity, criteria)?;
    entities::matching_ids(conn, entity, &criteria, limit)
}

fn resolve_all(entity: Entity, criteria: &[Criterion]) -> Result<Vec<Resolved>, SearchError> {
    criteria.iter().map(|c| resolve(entity, c)).collect()
}

/// One filter value: MOSIP's `fieldCode` (the entity's code column) and `fieldValue`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterValue {
    pub code: String,
    pub value: String,
}

/// Filter-values of `column`: values containing `text` (case-insensitive; all when `None`),
/// among rows matching `criteria`, ordered by value, at most `limit`; `unique` drops repeated
/// (code, value) pairs. Boolean columns answer `true` and `false`; timestamp columns cannot be
/// listed (`PMS-MSD-324`).
pub fn filter_values(
    conn: &mut DbConnection,
    entity: Entity,
    column_name: &str,
    text: Option<&str>,
    criteria: &[Criterion],
    unique: bool,
    limit: i64,
) -> Result<Vec<FilterValue>, SearchError> {
    let (name, kind) = column(entity, column_name).ok_or_else(|| SearchError::UnknownColumn(column_name.to_owned()))?;
    match kind {
        Kind::Bool => {
            return Ok(["true", "false"].map(|v| FilterValue { code: String::new(), value: v.to_owned() }).to_vec());
        }
        Kind::Time => return Err(SearchError::UnsupportedFilterColumn(name.to_owned())),
        Kind::Text => {}
    }
    // optional filters that do not resolve are ignored, as MOSIP ignores them
    let mut resolved: Vec<Resolved> = criteria.iter().filter_map(|c| resolve(entity, c).ok()).collect();
    if let Some(t) = text.filter(|t| !t.is_empty()) {
        resolved.push(Resolved { column: name, typed: Typed::Like(format!("%{}%", escape_like(t))) });
    }
    entities::filter_values(conn, entity, name, &resolved, unique, limit.max(1))
}

#[cfg(test)]
mod tests;
