//! Filter-values requests (`FilterValueDto`): the distinct values of columns, validated in
//! MOSIP's order and answered as `{filters: [{fieldID, fieldValue, fieldCode}]}`.

use persistence::search::{self, Criterion, Entity, FilterValue};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{SearchFilterDto, Text, blank, filter_criterion};
use crate::error::{AppError, Problem};
use crate::schema::scalar;

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
