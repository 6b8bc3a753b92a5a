//! MOSIP's search and filter-values requests (`SearchDto`, `FilterValueDto`): deserialised
//! leniently (numbers may come as strings or floats, as MOSIP clients send them), validated in
//! MOSIP's order with its `PMS-MSD-*` codes, and turned into a `persistence::search` query.

use persistence::search::{self, Criterion, Entity, FilterValue, Op, SearchError, SearchQuery, SortKey};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::{AppError, Problem};
use crate::schema::{scalar, scalars, whole_number};

/// Page size when the request gives none (MOSIP's default).
pub const DEFAULT_PAGE_FETCH: i64 = 10;

/// A JSON scalar read as text (`"x"`, `5`, `true` → `"x"`, `"5"`, `"true"`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) => Ok(Text(s)),
            Value::Number(n) => Ok(Text(n.to_string())),
            Value::Bool(b) => Ok(Text(b.to_string())),
            Value::Null => Ok(Text(String::new())),
            other => Err(serde::de::Error::custom(format!("expected a text value, got {other}"))),
        }
    }
}

/// A whole number sent as a number, a float with no fraction, or a numeric string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Int(pub i64);

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let bad = |v: &dyn std::fmt::Display| serde::de::Error::custom(format!("expected a whole number, got {v}"));
        let from_f64 = |f: f64| {
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                #[expect(clippy::cast_possible_truncation, reason = "checked to be integral and in range")]
                Ok(Int(f as i64))
            } else {
                Err(bad(&f))
            }
        };
        match Value::deserialize(d)? {
            Value::Number(n) => match n.as_i64() {
                Some(i) => Ok(Int(i)),
                None => n.as_f64().map_or_else(|| Err(bad(&n)), from_f64),
            },
            Value::String(s) => match s.trim().parse::<i64>() {
                Ok(i) => Ok(Int(i)),
                Err(_) => s.trim().parse::<f64>().map_or_else(|_| Err(bad(&s)), from_f64),
            },
            other => Err(bad(&other)),
        }
    }
}

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

/// `{columnName, type, text}` of a filter-values request; `type` is `unique` or `all`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FilterColumnDto {
    #[schema(example = "name")]
    pub column_name: Option<String>,
    #[serde(rename = "type")]
    #[schema(example = "unique")]
    pub kind: Option<String>,
    #[schema(schema_with = scalar)]
    pub text: Option<Text>,
}

/// MOSIP's `FilterValueDto`: `{filters, optionalFilters}`; endpoints flatten it to add fields
/// like `policyType`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FilterValueDto {
    pub filters: Option<Vec<FilterColumnDto>>,
    #[serde(default)]
    pub optional_filters: Option<Vec<SearchFilterDto>>,
}

/// A validated filter-values column.
#[derive(Debug, Clone)]
pub struct FilterColumn {
    /// As the request named it (answered back as `fieldID`).
    pub requested: String,
    pub text: Option<String>,
    pub unique: bool,
}

/// `{fieldID, fieldValue, fieldCode}`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ColumnCodeValue {
    #[serde(rename = "fieldID")]
    pub field_id: String,
    pub field_value: String,
    pub field_code: String,
}

/// `{filters: [...]}`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FilterResponse {
    pub filters: Vec<ColumnCodeValue>,
}

impl FilterValueDto {
    /// Validates every column: a blank column name is `PMS_COR_001` (a field violation); then,
    /// collecting all errors as MOSIP does: blank type `322`,
    /// unknown column `317`, type other than `unique`/`all` `324`. Missing `filters` is
    /// `PMS_COR_001`.
    pub fn validate(&self, entity: Entity) -> Result<Vec<FilterColumn>, AppError> {
        let filters = self.filters.as_ref().ok_or_else(|| AppError::invalid_field("filters", "must not be null"))?;
        // `columnName` is a required field: a blank one is a field violation before anything else
        for (i, f) in filters.iter().enumerate() {
            if blank(f.column_name.as_deref()) {
                return Err(AppError::invalid_field(&format!("request.filters[{i}].columnName"), "must not be blank"));
            }
        }
        let mut errors = Vec::new();
        let mut columns = Vec::new();
        for f in filters {
            let column = f.column_name.clone().unwrap_or_default();
            let kind = f.kind.as_deref().unwrap_or("").trim().to_ascii_lowercase();
            if kind.is_empty() {
                errors.push(Problem::new("PMS-MSD-322", "Filter Type cannot be empty or null"));
                continue;
            }
            if search::column(entity, &column).is_none() {
                errors.push(Problem::new(
                    "PMS-MSD-317",
                    format!("Column {column} doesn't exist for the searched entity"),
                ));
            }
            if kind != "unique" && kind != "all" {
                errors.push(Problem::new("PMS-MSD-324", "Received Filter Type not supported"));
                continue;
            }
            columns.push(FilterColumn {
                requested: column,
                text: f.text.as_ref().map(|t| t.0.clone()).filter(|t| !t.is_empty()),
                unique: kind == "unique",
            });
        }
        if errors.is_empty() { Ok(columns) } else { Err(AppError::refused_many(errors)) }
    }

    /// The optional filters as criteria; malformed ones are ignored, as MOSIP ignores them.
    pub fn optional_criteria(&self) -> Vec<Criterion> {
        self.optional_filters
            .as_deref()
            .unwrap_or(&[])
            .iter()
            .filter_map(|f| filter_criterion(f).ok().flatten())
            .collect()
    }
}

/// Runs filter-values for each column, answering MOSIP's items.
pub fn filter_values(
    conn: &mut persistence::DbConnection,
    entity: Entity,
    columns: &[FilterColumn],
    criteria: &[Criterion],
    limit: i64,
) -> Result<FilterResponse, AppError> {
    let mut filters = Vec::new();
    for c in columns {
        let values = search::filter_values(conn, entity, &c.requested, c.text.as_deref(), criteria, c.unique, limit)?;
        filters.extend(values.into_iter().map(|FilterValue { code, value }| ColumnCodeValue {
            field_id: c.requested.clone(),
            field_value: value,
            field_code: code,
        }));
    }
    Ok(FilterResponse { filters })
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
mod tests {
    use serde_json::json;

    use super::*;

    fn dto(v: Value) -> SearchDto {
        serde_json::from_value(v).unwrap_or_default()
    }

    fn code(r: Result<ValidSearch, AppError>) -> String {
        r.err().map(|e| e.code().to_owned()).unwrap_or_default()
    }

    #[test]
    fn lenient_numbers_and_defaults() {
        let d = dto(json!({"filters": [], "sort": [], "pagination": {"pageStart": "1"}}));
        let q = d.validate(Entity::Partner, &[]).map(|v| v.query).ok();
        assert_eq!(q.map(|q| (q.page_start, q.page_fetch)), Some((1, 10)));
        let d = dto(json!({"pagination": {"pageStart": 0.0, "pageFetch": 5.0}}));
        assert_eq!(d.validate(Entity::Partner, &[]).map(|v| v.query.page_fetch).ok(), Some(5));
        assert!(serde_json::from_value::<SearchDto>(json!({"pagination": {"pageStart": 1.5}})).is_err());
        assert!(serde_json::from_value::<SearchDto>(json!({"pagination": {"pageStart": "x"}})).is_err());
    }

    #[test]
    fn validation_follows_mosip_order_and_codes() {
        let base = |filters: Value, sort: Value, page: Value| {
            dto(json!({"filters": filters, "sort": sort, "pagination": page}))
        };
        let ok_page = json!({"pageStart": 0, "pageFetch": 10});
        let v = |d: SearchDto| code(d.validate(Entity::Partner, &["partnerName"]));
        assert_eq!(v(base(json!([{"type": "contains", "value": "x"}]), json!([]), ok_page.clone())), "PMS-MSD-310");
        assert_eq!(
            v(base(
                json!([{"columnName": "zz", "type": "contains", "value": "x"}]),
                json!([{"sortField": "bad"}]),
                json!({"pageFetch": 0})
            )),
            "PMS-MSD-310"
        );
        assert_eq!(v(base(json!([{"columnName": "name", "value": "x"}]), json!([]), ok_page.clone())), "PMS-MSD-312");
        assert_eq!(
            v(base(
                json!([{"columnName": "name", "type": "equals", "value": "x", "values": ["y"]}]),
                json!([]),
                ok_page.clone()
            )),
            "PMS-MSD-392"
        );
        assert_eq!(
            v(base(json!([{"columnName": "name", "type": "equals", "value": " "}]), json!([]), ok_page.clone())),
            "PMS-MSD-390"
        );
        assert_eq!(
            v(base(json!([{"columnName": "name", "type": "in", "values": []}]), json!([]), ok_page.clone())),
            "PMS-MSD-391"
        );
        assert_eq!(
            v(base(
                json!([{"columnName": "crDtimes", "type": "between", "fromValue": "a"}]),
                json!([]),
                ok_page.clone()
            )),
            "PMS-MSD-315"
        );
        assert_eq!(v(base(json!([]), json!([{"sortType": "asc"}]), ok_page.clone())), "PMS-MSD-314");
        assert_eq!(v(base(json!([]), json!([{"sortField": "", "sortType": "ASC"}]), ok_page.clone())), "PMS-MSD-314");
        assert_eq!(
            v(base(json!([]), json!([{"sortField": "mo@@del", "sortType": "asc"}]), json!({"pageFetch": 0}))),
            "PMS-MSD-357"
        );
        assert_eq!(
            v(base(json!([]), json!([{"sortField": "name", "sortType": "dc"}]), ok_page.clone())),
            "PMS-MSD-358"
        );
        assert_eq!(v(base(json!([]), json!([]), json!({"pageStart": -1}))), "PMS-MSD-313");
        assert_eq!(v(dto(json!({"filters": [], "sort": []}))), "PMS-MSD-356");
        // an unknown filter type is ignored, as MOSIP ignores it
        let d = base(json!([{"columnName": "name", "type": "unique", "value": "x"}]), json!([]), ok_page.clone());
        assert!(d.validate(Entity::Partner, &[]).is_ok_and(|v| v.query.criteria.is_empty()));
        // virtual columns pass validation and come back apart
        let d = base(json!([{"columnName": "PARTNERNAME", "type": "contains", "value": "x"}]), json!([]), ok_page);
        let valid = d.validate(Entity::Partner, &["partnerName"]).ok();
        assert_eq!(valid.map(|v| (v.query.criteria.len(), v.virtual_criteria.len())), Some((0, 1)));
    }

    #[test]
    fn filter_value_validation_collects_every_error() {
        let d: FilterValueDto = serde_json::from_value(json!({"filters": [
            {"columnName": "id", "type": ""},
            {"columnName": "nope", "type": "asdg"},
            {"columnName": "name", "type": "ALL", "text": "x"}
        ]}))
        .unwrap_or_default();
        let err =
            d.validate(Entity::Partner).err().map(|e| e.problems.iter().map(|i| i.code.clone()).collect::<Vec<_>>());
        assert_eq!(err, Some(vec!["PMS-MSD-322".to_owned(), "PMS-MSD-317".to_owned(), "PMS-MSD-324".to_owned()]));
        let ok: FilterValueDto =
            serde_json::from_value(json!({"filters": [{"columnName": "name", "type": "unique", "text": "x"}]}))
                .unwrap_or_default();
        assert!(ok.validate(Entity::Partner).is_ok_and(|c| c.len() == 1 && c[0].unique));
        let blank: FilterValueDto =
            serde_json::from_value(json!({"filters": [{"columnName": " ", "type": "all"}]})).unwrap_or_default();
        assert_eq!(
            blank.validate(Entity::Partner).err().map(|e| e.message().to_owned()).as_deref(),
            Some("Invalid request parameter - must not be blank :request.filters[0].columnName")
        );
        let missing: FilterValueDto = serde_json::from_value(json!({})).unwrap_or_default();
        assert_eq!(
            missing.validate(Entity::Partner).err().map(|e| e.code().to_owned()).as_deref(),
            Some("PMS_COR_001")
        );
    }
}
