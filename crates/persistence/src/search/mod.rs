//! MOSIP's `SearchDto` / `FilterValueDto` semantics, executed in SQL on both backends.
//!
//! Columns are named as MOSIP's entity fields (`partnerTypeCode`, `isActive`, `crDtimes`, …),
//! matched case-insensitively. Text comparisons are case-insensitive (`contains`, `startsWith`,
//! `equals`); `in` is exact; timestamps `equals` a one-millisecond window and `between` two
//! instants; booleans take `true`/`false`. Soft-deleted rows never match. Filter, sort, count
//! and paging all happen in the database; callers get the page's primary keys in order and load
//! the rows they answer with.

mod entities;

use chrono::{Datelike, NaiveDateTime};

use crate::connection::DbConnection;

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

/// A criterion checked against its column: the value parsed for the column's kind.
#[derive(Debug, Clone)]
pub(crate) enum Typed {
    /// A lower-cased LIKE pattern (escaped with `\`).
    Like(String),
    TextEq(String),
    TextIn(Vec<String>),
    TextBetween(String, String),
    BoolEq(bool),
    BoolIn(Vec<bool>),
    TimeBetween(NaiveDateTime, NaiveDateTime),
    TimeIn(Vec<NaiveDateTime>),
}

/// A criterion bound to a known column.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub column: &'static str,
    pub typed: Typed,
}

/// The canonical name of `column` in `entity` (case-insensitive) and its kind.
pub fn column(entity: Entity, column: &str) -> Option<(&'static str, Kind)> {
    entities::columns(entity).iter().copied().find(|(name, _)| name.eq_ignore_ascii_case(column.trim()))
}

/// The MOSIP column names of `entity`.
pub fn column_names(entity: Entity) -> Vec<&'static str> {
    entities::columns(entity).iter().map(|(n, _)| *n).collect()
}

fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.to_lowercase()
}

fn parse_bool(column: &str, v: &str) -> Result<bool, SearchError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(SearchError::InvalidValue { column: column.to_owned(), value: v.to_owned() }),
    }
}

/// Instants as MOSIP clients send them: `yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`, RFC 3339, a local
/// `yyyy-MM-ddTHH:mm:ss[.fff]`, or a date; years 1–9999, as Java's `yyyy` reads them (chrono
/// reads years to ±262143, which PostgreSQL cannot store and whose last instant has no successor).
fn parse_time(column: &str, v: &str) -> Result<NaiveDateTime, SearchError> {
    let v = v.trim();
    let bad = || SearchError::InvalidValue { column: column.to_owned(), value: v.to_owned() };
    let in_range = |t: NaiveDateTime| if (1..=9999).contains(&t.year()) { Ok(t) } else { Err(bad()) };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(v) {
        return in_range(t.naive_utc());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.fZ", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(v, fmt) {
            return in_range(t);
        }
    }
    chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .ok_or_else(bad)
        .and_then(in_range)
}

fn resolve(entity: Entity, c: &Criterion) -> Result<Resolved, SearchError> {
    let (name, kind) = column(entity, &c.column).ok_or_else(|| SearchError::UnknownColumn(c.column.clone()))?;
    let invalid = |v: &str| SearchError::InvalidValue { column: name.to_owned(), value: v.to_owned() };
    let typed = match (&c.op, kind) {
        (Op::Contains(v), Kind::Text) => {
            let inner = v.strip_prefix('*').unwrap_or(v);
            let inner = inner.strip_suffix('*').unwrap_or(inner);
            Typed::Like(format!("%{}%", escape_like(inner)))
        }
        (Op::StartsWith(v), Kind::Text) => Typed::Like(format!("{}%", escape_like(v.strip_suffix('*').unwrap_or(v)))),
        (Op::Equals(v), Kind::Text) => Typed::TextEq(v.to_lowercase()),
        (Op::In(vs), Kind::Text) => Typed::TextIn(vs.clone()),
        (Op::Between(a, b), Kind::Text) => Typed::TextBetween(a.clone(), b.clone()),
        (Op::Equals(v), Kind::Bool) => Typed::BoolEq(parse_bool(name, v)?),
        (Op::In(vs), Kind::Bool) => Typed::BoolIn(vs.iter().map(|v| parse_bool(name, v)).collect::<Result<_, _>>()?),
        (Op::Equals(v), Kind::Time) => {
            let t = parse_time(name, v)?;
            Typed::TimeBetween(t, t + chrono::Duration::microseconds(999))
        }
        (Op::In(vs), Kind::Time) => Typed::TimeIn(vs.iter().map(|v| parse_time(name, v)).collect::<Result<_, _>>()?),
        (Op::Between(a, b), Kind::Time) => {
            let from = parse_time(name, a).map_err(|_| SearchError::InvalidBetween(name.to_owned()))?;
            let to = parse_time(name, b).map_err(|_| SearchError::InvalidBetween(name.to_owned()))?;
            Typed::TimeBetween(from, to)
        }
        (Op::Between(..), Kind::Bool) => return Err(SearchError::InvalidBetween(name.to_owned())),
        (Op::Contains(v) | Op::StartsWith(v), Kind::Bool | Kind::Time) => return Err(invalid(v)),
    };
    Ok(Resolved { column: name, typed })
}

/// The primary keys of the requested page, in order, and how many rows match in all.
pub fn search_ids(conn: &mut DbConnection, entity: Entity, q: &SearchQuery) -> Result<(Vec<String>, i64), SearchError> {
    let criteria = q.criteria.iter().map(|c| resolve(entity, c)).collect::<Result<Vec<_>, _>>()?;
    let mut sort = Vec::with_capacity(q.sort.len());
    for key in &q.sort {
        let (name, _) = column(entity, &key.column).ok_or_else(|| SearchError::UnknownSortField(key.column.clone()))?;
        sort.push((name, key.desc));
    }
    if q.page_start < 0 || q.page_fetch < 1 {
        return Err(SearchError::InvalidPagination(q.page_start, q.page_fetch));
    }
    let offset = q.page_start.saturating_mul(q.page_fetch);
    entities::search(conn, entity, &criteria, &sort, offset, q.page_fetch)
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
mod tests {
    use super::*;

    #[test]
    fn columns_match_case_insensitively() {
        assert_eq!(column(Entity::Partner, "PARTNERTYPECODE"), Some(("partnerTypeCode", Kind::Text)));
        assert_eq!(column(Entity::Partner, "isactive"), Some(("isActive", Kind::Bool)));
        assert_eq!(column(Entity::Partner, "nope"), None);
        assert_eq!(column(Entity::Partner, ""), None);
    }

    #[test]
    fn values_are_typed_by_column() {
        let c = |col: &str, op| resolve(Entity::Partner, &Criterion::new(col, op));
        assert!(
            matches!(c("name", Op::Contains("*Ab_c*".into())), Ok(Resolved { typed: Typed::Like(p), .. }) if p == "%ab\\_c%")
        );
        assert!(
            matches!(c("name", Op::StartsWith("Ab*".into())), Ok(Resolved { typed: Typed::Like(p), .. }) if p == "ab%")
        );
        assert!(matches!(c("isActive", Op::Equals("TRUE".into())), Ok(Resolved { typed: Typed::BoolEq(true), .. })));
        assert!(matches!(c("isActive", Op::Equals("yes".into())), Err(SearchError::InvalidValue { .. })));
        assert!(matches!(c("isActive", Op::Contains("t".into())), Err(SearchError::InvalidValue { .. })));
        assert!(matches!(
            c("crDtimes", Op::Between("x".into(), "2024-01-01".into())),
            Err(SearchError::InvalidBetween(_))
        ));
        assert!(matches!(
            c("crDtimes", Op::Equals("2024-01-01T10:00:00.000Z".into())),
            Ok(Resolved { typed: Typed::TimeBetween(..), .. })
        ));
        assert!(matches!(c("bogus", Op::Equals("x".into())), Err(SearchError::UnknownColumn(_))));
    }

    /// Found by fuzzing: chrono's last instant plus the equality window overflowed (a panic).
    #[test]
    fn instants_outside_years_1_to_9999_are_invalid_values() {
        let c = |v: &str| resolve(Entity::Partner, &Criterion::new("crDtimes", Op::Equals(v.into())));
        for v in ["+262142-12-31T23:59:59.999999", "+10000-01-01", "-0001-01-01T00:00:00Z", "0000-12-31"] {
            assert!(matches!(c(v), Err(SearchError::InvalidValue { .. })), "{v}");
        }
        assert!(matches!(c("9999-12-31T23:59:59.999999"), Ok(Resolved { typed: Typed::TimeBetween(..), .. })));
        assert!(matches!(c("0001-01-01"), Ok(Resolved { typed: Typed::TimeBetween(..), .. })));
    }
}
