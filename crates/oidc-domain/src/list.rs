//! The paged list's parameters (MOSIP 1.2.2's `GET /oauth/client`), checked in MOSIP's order.

use crate::OidcError;

/// What the list may be sorted by (MOSIP's aliases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortField {
    PartnerId,
    OrgName,
    PolicyGroupName,
    PolicyName,
    ClientId,
    ClientName,
    Status,
    CreatedDateTime,
}

impl SortField {
    fn parse(text: &str) -> Option<SortField> {
        use SortField as F;
        Some(match text {
            "partnerId" => F::PartnerId,
            "orgName" => F::OrgName,
            "policyGroupName" => F::PolicyGroupName,
            "policyName" => F::PolicyName,
            "clientId" => F::ClientId,
            "clientName" => F::ClientName,
            "status" => F::Status,
            "createdDateTime" => F::CreatedDateTime,
            _ => return None,
        })
    }
}

/// The checked sorting and paging: `sort` (field, descending) only with `page` (number from 0,
/// size).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListParams {
    pub sort: Option<(SortField, bool)>,
    pub page: Option<(u64, u64)>,
}

/// Checks the sorting and paging parameters as MOSIP does, first broken rule first.
pub fn list_params(
    sort_field: Option<&str>,
    sort_type: Option<&str>,
    page_no: Option<i64>,
    page_size: Option<i64>,
) -> Result<ListParams, OidcError> {
    if sort_field.is_some() != sort_type.is_some() {
        return Err(OidcError::SortHalfGiven);
    }
    if page_no.is_some() != page_size.is_some() {
        return Err(OidcError::PageHalfGiven);
    }
    if sort_field.is_some() && page_no.is_none() {
        return Err(OidcError::SortWithoutPage);
    }
    let sort = match (sort_field, sort_type) {
        (Some(field), Some(kind)) => {
            let field = SortField::parse(field).ok_or_else(|| OidcError::BadSortField(field.to_owned()))?;
            let descending = match kind.to_ascii_lowercase().as_str() {
                "asc" => false,
                "desc" => true,
                _ => return Err(OidcError::BadSortType(kind.to_owned())),
            };
            Some((field, descending))
        }
        _ => None,
    };
    let page = match (page_no, page_size) {
        (Some(no), Some(size)) => {
            let no = u64::try_from(no).map_err(|_| OidcError::BadPageNo)?;
            let size = u64::try_from(size).ok().filter(|s| *s > 0).ok_or(OidcError::BadPageSize)?;
            Some((no, size))
        }
        _ => None,
    };
    Ok(ListParams { sort, page })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_and_paging_come_in_pairs_and_sorting_needs_paging() {
        assert_eq!(list_params(Some("status"), None, None, None), Err(OidcError::SortHalfGiven));
        assert_eq!(list_params(None, None, Some(0), None), Err(OidcError::PageHalfGiven));
        assert_eq!(list_params(Some("status"), Some("asc"), None, None), Err(OidcError::SortWithoutPage));
        assert_eq!(list_params(None, None, None, None), Ok(ListParams::default()));
    }

    #[test]
    fn fields_types_and_numbers_are_checked() {
        assert_eq!(
            list_params(Some("name"), Some("asc"), Some(0), Some(5)),
            Err(OidcError::BadSortField("name".into()))
        );
        assert_eq!(list_params(Some("status"), Some("up"), Some(0), Some(5)), Err(OidcError::BadSortType("up".into())));
        assert_eq!(list_params(None, None, Some(-1), Some(5)), Err(OidcError::BadPageNo));
        assert_eq!(list_params(None, None, Some(0), Some(0)), Err(OidcError::BadPageSize));
        assert_eq!(
            list_params(Some("createdDateTime"), Some("DESC"), Some(2), Some(5)),
            Ok(ListParams { sort: Some((SortField::CreatedDateTime, true)), page: Some((2, 5)) })
        );
    }
}
