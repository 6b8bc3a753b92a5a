//! MOSIP's page of search results.

use serde::Serialize;
use utoipa::ToSchema;

use crate::schema::nullable_list;

/// A page of search results: `{fromRecord, toRecord, totalRecord, data}` (records counted from
/// 1); an empty page is `{0, 0, <total>, null}`, as in MOSIP.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PageResponse<T> {
    pub from_record: i64,
    pub to_record: i64,
    pub total_record: i64,
    #[schema(schema_with = nullable_list::<T>, required = true)]
    pub data: Option<Vec<T>>,
}

impl<T> PageResponse<T> {
    /// The page of `items` that starts at record `offset` of `total`.
    pub fn new(items: Vec<T>, offset: i64, total: i64) -> Self {
        if items.is_empty() {
            return PageResponse { from_record: 0, to_record: 0, total_record: total, data: None };
        }
        let len = i64::try_from(items.len()).unwrap_or(i64::MAX);
        PageResponse {
            from_record: offset.saturating_add(1),
            to_record: offset.saturating_add(len),
            total_record: total,
            data: Some(items),
        }
    }
}
