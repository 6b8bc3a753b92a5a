//! MOSIP's search and filter-values requests (`SearchDto`, `FilterValueDto`): deserialised
//! leniently (numbers may come as strings or floats, as MOSIP clients send them), validated in
//! MOSIP's order with its `PMS-MSD-*` codes, and turned into a `persistence::search` query.

mod filter_values;
mod lenient;

use persistence::search::{self, Criterion, Entity, Op, SearchError, SearchQuery, SortKey};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::schema::{scalar, scalars, whole_number};

pub use filter_values::{
    ColumnCodeValue, FilterColumn, FilterColumnDto, FilterResponse, FilterValueDto, filter_values,
};
pub use lenient::{Int, Text};

/// Page size when the request gives none (MOSIP's default).
pub const DEFAULT_PAGE_FETCH: i64 = 10;

/// One search filter: `{columnName, type, value | values | fromValue + toValue}`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SearchFilterDto {
    /// An entity field name of the endpoint's table, e.g. `name`, `isActive`, `crDtimes`.
    #[schema(example = "name")]
    pub column_name: Option<String>,
    /// `equals`, `contains`, `startsWith`, `between` or `in`.
    #[serde(rename = "type")]
    #[schema(example = "contains")]
    pub kind: Option<String>,
    #[schema(schema_with = scalar)]
    pub value: Option<Text>,
    #[schema(schema_with = scalars)]
    pub values: Option<Vec<Text>>,
    #[schema(schema_with = scalar)]
    pub from_value: Option<Text>,
    #[schema(schema_with = scalar)]
    pub to_value: Option<Text>,
}

/// `{sortField, sortType}`; `sortType` is `asc` or `desc`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SortDto {
    #[schema(example = "crDtimes")]
    pub sort_field: Option<String>,
    #[schema(example = "desc")]
    pub sort_type: Option<String>,
}

/// `{pageStart, pageFetch}`: the 0-based page and its size.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PaginationDto {
    #[schema(schema_with = whole_number)]
    pub page_start: Option<Int>,
    #[schema(schema_with = whole_number)]
    pub page_fetch: Option<Int>,
}

/// MOSIP's `SearchDto`: `{filters, sort, pagination}`; endpoints flatten it into their own
/// request (`#[serde(flatten)] search: SearchDto`) to add fields like `partnerType`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct SearchDto {
    #[serde(default)]
    pub filters: Option<Vec<SearchFilterDto>>,
    #[serde(default)]
    pub sort: Option<Vec<SortDto>>,
    #[serde(default)]
    pub pagination: Option<PaginationDto>,
}

/// A validated search: the query over real columns, and the criteria on the endpoint's
/// virtual columns (which the endpoint resolves itself).
#[derive(Debug, Clone)]
pub struct ValidSearch {
    pub query: SearchQuery,
    pub virtual_criteria: Vec<Criterion>,
}

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

fn text(t: Option<&Text>) -> Option<&str> {
    t.map(|t| t.0.as_str())
}

fn msd(code: &str, message: impl Into<String>) -> AppError {
    AppError::refused(code, message)
}

impl SearchDto {
    /// Validates the request against `entity` (plus `virtual_columns` the endpoint understands),
    /// in MOSIP's order: filter columns (`310`), each filter (`311`, `312`, `392`, `390`, `391`,
    /// `315`), each sort key (`314`, `357`, `358`), pagination (`356`, `313`).
    pub fn validate(&self, entity: Entity, virtual_columns: &[&str]) -> Result<ValidSearch, AppError> {
        let filters = self.filters.as_deref().unwrap_or(&[]);
        let is_virtual = |c: &str| virtual_columns.iter().any(|v| v.eq_ignore_ascii_case(c.trim()));
        for f in filters {
            let column = f.column_name.as_deref().unwrap_or("");
            if search::column(entity, column).is_none() && !is_virtual(column) {
                return Err(msd("PMS-MSD-310", format!("Invalid column received : {column}")));
            }
        }
        let mut criteria = Vec::new();
        let mut virtual_criteria = Vec::new();
        for f in filters {
            let Some(c) = filter_criterion(f)? else { continue };
            if is_virtual(&c.column) { virtual_criteria.push(c) } else { criteria.push(c) }
        }
        let mut sort = Vec::new();
        for s in self.sort.as_deref().unwrap_or(&[]) {
            let (Some(field), Some(kind)) = (s.sort_field.as_deref(), s.sort_type.as_deref()) else {
                return Err(msd("PMS-MSD-314", "Missing sort field or sort type values"));
            };
            if field.is_empty() || kind.is_empty() {
                return Err(msd("PMS-MSD-314", "Missing sort field or sort type values"));
            }
            let (name, _) = search::column(entity, field)
                .ok_or_else(|| msd("PMS-MSD-357", format!("Invalid sort field {field}")))?;
            let desc = match kind.to_ascii_lowercase().as_str() {
                "asc" => false,
                "desc" => true,
                _ => return Err(msd("PMS-MSD-358", format!("Sort type {kind} is not supported"))),
            };
            sort.push(SortKey { column: name.to_owned(), desc });
        }
        let page = self.pagination.as_ref().ok_or_else(|| msd("PMS-MSD-356", "Pagination cannot be null"))?;
        let page_start = page.page_start.map_or(0, |i| i.0);
        let page_fetch = page.page_fetch.map_or(DEFAULT_PAGE_FETCH, |i| i.0);
        if page_start < 0 || page_fetch < 1 {
            return Err(SearchError::InvalidPagination(page_start, page_fetch).into());
        }
        Ok(ValidSearch { query: SearchQuery { criteria, sort, page_start, page_fetch }, virtual_criteria })
    }
}

/// One filter as a criterion; `None` for a filter type MOSIP does not know (it ignores those).
fn filter_criterion(f: &SearchFilterDto) -> Result<Option<Criterion>, AppError> {
    let column = f.column_name.as_deref().unwrap_or("");
    if column.trim().is_empty() {
        return Err(msd("PMS-MSD-311", "Column is missing in request"));
    }
    let kind = f.kind.as_deref().unwrap_or("");
    if kind.trim().is_empty() {
        return Err(msd("PMS-MSD-312", "Filter type is missing"));
    }
    let values: Vec<String> = f.values.as_deref().unwrap_or(&[]).iter().map(|t| t.0.clone()).collect();
    let value = text(f.value.as_ref());
    if !blank(value) && !values.is_empty() {
        return Err(msd("PMS-MSD-392", "Both value and values cannot be present"));
    }
    let kind = kind.trim().to_ascii_lowercase();
    let invalid_value = || msd("PMS-MSD-390", "Invalid filter value");
    let op = match kind.as_str() {
        "in" if values.is_empty() => return Err(msd("PMS-MSD-391", "Invalid filter values")),
        "in" => Op::In(values),
        "between" => {
            let (from, to) = (text(f.from_value.as_ref()), text(f.to_value.as_ref()));
            if blank(from) || blank(to) {
                return Err(msd("PMS-MSD-315", "Invalid fromValue or toValue"));
            }
            Op::Between(from.unwrap_or("").to_owned(), to.unwrap_or("").to_owned())
        }
        _ if blank(value) => return Err(invalid_value()),
        "contains" => Op::Contains(value.unwrap_or("").to_owned()),
        "startswith" => Op::StartsWith(value.unwrap_or("").to_owned()),
        "equals" => Op::Equals(value.unwrap_or("").to_owned()),
        _ => return Ok(None),
    };
    Ok(Some(Criterion { column: column.trim().to_owned(), op }))
}

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        match &e {
            SearchError::Query(inner) => {
                AppError::refused(e.code(), "Error occured while searching").with_detail(inner.to_string())
            }
            _ => AppError::refused(e.code(), e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests;
