//! Criteria checked against their columns: the column's canonical name and kind, the value parsed
//! for it (booleans, MOSIP's instants, `LIKE` patterns), before the query is built.

use chrono::{Datelike, NaiveDateTime};

use super::{Criterion, Entity, Kind, Op, SearchError, entities};

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

pub(super) fn escape_like(s: &str) -> String {
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

pub(super) fn resolve(entity: Entity, c: &Criterion) -> Result<Resolved, SearchError> {
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
