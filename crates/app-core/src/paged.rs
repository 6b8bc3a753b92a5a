//! MOSIP 1.2.2's paged reads (`GET …?sortFieldName=&sortType=&pageNo=&pageSize=`): the query's
//! paging and sorting checked against an allow-list of sort fields, and the answer
//! `{pageNo, pageSize, totalResults, data}`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// MOSIP's default page size of the 1.2.2 reads.
pub const DEFAULT_PAGE_SIZE: i64 = 8;

/// Why paging or sorting parameters are refused, with MOSIP's codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageError {
    /// `PMS_PRT_357`: not one of the endpoint's sort fields.
    #[error("Invalid sort field {0}")]
    SortField(String),
    /// `PMS_PRT_358`: neither `ASC` nor `DESC`.
    #[error("Sort type {0} is not supported")]
    SortType(String),
    /// `PMS_PRT_360`: negative (or not a number).
    #[error("Invalid Page No")]
    PageNo,
    /// `PMS_PRT_361`: zero, negative (or not a number).
    #[error("Invalid page size")]
    PageSize,
    /// `PMS_PS_ERROR_007` (the partner manager's reads): a sort field without a sort type, or
    /// the reverse.
    #[error("Invalid Sorting request: 'sortType' and 'sortFieldName' must be specified together.")]
    SortNotPaired,
    /// `PMS_PS_ERROR_006` (reads whose paging is optional): a page number without a size, or
    /// the reverse.
    #[error("Invalid pagination request: 'pageNo' and 'pageSize' must be specified together.")]
    PagingNotPaired,
    /// `PMS_PS_ERROR_008` (reads whose paging is optional): a sort without a page.
    #[error("Please provide pagination parameters ('pageNo' and 'pageSize') when requesting sorted data.")]
    SortWithoutPaging,
}

impl PageError {
    pub fn code(&self) -> &'static str {
        match self {
            PageError::SortField(_) => "PMS_PRT_357",
            PageError::SortType(_) => "PMS_PRT_358",
            PageError::PageNo => "PMS_PRT_360",
            PageError::PageSize => "PMS_PRT_361",
            PageError::SortNotPaired => "PMS_PS_ERROR_007",
            PageError::PagingNotPaired => "PMS_PS_ERROR_006",
            PageError::SortWithoutPaging => "PMS_PS_ERROR_008",
        }
    }
}

/// A sort key: the endpoint's field (an allow-listed value) and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort<F> {
    pub field: F,
    pub desc: bool,
}

/// A checked page request: the sort (only when both the field and the type were given, as in
/// MOSIP), the 0-based page number and its size; `unpaged`: every row at once (reads whose
/// paging is optional, asked without it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest<F> {
    pub sort: Option<Sort<F>>,
    pub page_no: i64,
    pub page_size: i64,
    pub unpaged: bool,
}

/// The paging and sorting parameters of a 1.2.2 read, as they arrive (numbers as text, so
/// that a bad one gets MOSIP's code rather than a parse error).
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// One of the endpoint's sort fields (see its description); applied with `sortType`.
    pub sort_field_name: Option<String>,
    /// `ASC` or `DESC` (any case).
    pub sort_type: Option<String>,
    /// The 0-based page.
    pub page_no: Option<String>,
    /// Rows per page.
    pub page_size: Option<String>,
}

impl<F: Copy> PageRequest<F> {
    /// Checks `q` in MOSIP's order (sort field, sort type, page number, page size); `fields`
    /// maps the endpoint's sort field names (case-sensitive) to its sort keys.
    pub fn parse(q: &PageQuery, fields: &[(&str, F)]) -> Result<Self, PageError> {
        let field = match q.sort_field_name.as_deref() {
            Some(name) => Some(
                fields
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, f)| *f)
                    .ok_or_else(|| PageError::SortField(name.to_owned()))?,
            ),
            None => None,
        };
        let desc = match q.sort_type.as_deref() {
            Some(t) if t.eq_ignore_ascii_case("asc") => Some(false),
            Some(t) if t.eq_ignore_ascii_case("desc") => Some(true),
            Some(t) => return Err(PageError::SortType(t.to_owned())),
            None => None,
        };
        let page_no = number(q.page_no.as_deref(), 0).filter(|n| *n >= 0).ok_or(PageError::PageNo)?;
        let page_size =
            number(q.page_size.as_deref(), DEFAULT_PAGE_SIZE).filter(|n| *n > 0).ok_or(PageError::PageSize)?;
        let sort = field.zip(desc).map(|(field, desc)| Sort { field, desc });
        Ok(PageRequest { sort, page_no, page_size, unpaged: false })
    }

    /// As [`PageRequest::parse`], after the partner manager's first rule: the sort field and
    /// the sort type come together or not at all.
    pub fn parse_paired(q: &PageQuery, fields: &[(&str, F)]) -> Result<Self, PageError> {
        if q.sort_field_name.is_some() != q.sort_type.is_some() {
            return Err(PageError::SortNotPaired);
        }
        Self::parse(q, fields)
    }

    /// The partner manager's reads whose paging is optional: the sort comes whole
    /// (`PMS_PS_ERROR_007`), so do the page number and size (`PMS_PS_ERROR_006`), a sort needs a
    /// page (`PMS_PS_ERROR_008`); then as [`PageRequest::parse`]. Without a page, every row.
    pub fn parse_optional(q: &PageQuery, fields: &[(&str, F)]) -> Result<Self, PageError> {
        if q.sort_field_name.is_some() != q.sort_type.is_some() {
            return Err(PageError::SortNotPaired);
        }
        if q.page_no.is_some() != q.page_size.is_some() {
            return Err(PageError::PagingNotPaired);
        }
        if q.page_no.is_none() {
            if q.sort_field_name.is_some() {
                return Err(PageError::SortWithoutPaging);
            }
            return Ok(PageRequest { sort: None, page_no: 0, page_size: i64::MAX, unpaged: true });
        }
        Self::parse(q, fields)
    }

    /// The number of rows before this page.
    pub fn offset(&self) -> i64 {
        self.page_no.saturating_mul(self.page_size)
    }
}

/// `default` when absent; `None` when not a whole number.
fn number(raw: Option<&str>, default: i64) -> Option<i64> {
    match raw {
        None => Some(default),
        Some(s) => s.trim().parse().ok(),
    }
}

/// MOSIP 1.2.2's page: `{pageNo, pageSize, totalResults, data}`. An empty page is
/// `{0, 0, 0, []}`, as MOSIP answers it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PageResponseV2<T> {
    pub page_no: i64,
    pub page_size: i64,
    pub total_results: i64,
    pub data: Vec<T>,
}

impl<T> PageResponseV2<T> {
    /// The page `items` of `total` matching rows, for `page`.
    pub fn new<F>(items: Vec<T>, page: &PageRequest<F>, total: i64) -> Self {
        if items.is_empty() {
            return PageResponseV2 { page_no: 0, page_size: 0, total_results: 0, data: items };
        }
        let page_size = if page.unpaged { i64::try_from(items.len()).unwrap_or(i64::MAX) } else { page.page_size };
        PageResponseV2 { page_no: page.page_no, page_size, total_results: total, data: items }
    }
}

#[cfg(test)]
mod tests;
