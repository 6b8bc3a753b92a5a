//! MOSIP 1.2.2's paged lists: `GET /securebiometricinterface` (every SBI for an admin, the
//! caller's own partners' otherwise) and `GET /devicedetail` (admins), filtered, sorted and paged
//! in SQL. Not audited, as MOSIP's device reads.

use app_core::paged::{PageQuery, PageRequest, PageResponseV2};
use app_core::{Actor, AppError, Store};
use device_domain::status;
use persistence::repo::device::detail_paged::{self as device_repo, DeviceFilter, DeviceSortKey};
use persistence::repo::device::sbi_paged::{self as sbi_repo, SbiFilter, SbiSortKey, StateFilter};

use crate::dto::{DeviceListQuery, DeviceSummaryDto, SbiListQuery, SbiSummaryDto};
use crate::owners;

/// The sort fields of the SBI list, as MOSIP names them.
pub const SBI_SORT_FIELDS: &[(&str, SbiSortKey)] = &[
    ("partnerId", SbiSortKey::PartnerId),
    ("orgName", SbiSortKey::OrgName),
    ("partnerType", SbiSortKey::PartnerType),
    ("sbiId", SbiSortKey::SbiId),
    ("sbiVersion", SbiSortKey::SbiVersion),
    ("sbiCreatedDateTime", SbiSortKey::SbiCreatedDateTime),
    ("sbiExpiryDateTime", SbiSortKey::SbiExpiryDateTime),
    ("status", SbiSortKey::Status),
    ("createdDateTime", SbiSortKey::CreatedDateTime),
    ("sbiExpiryStatus", SbiSortKey::SbiExpiryStatus),
    ("countOfAssociatedDevices", SbiSortKey::CountOfAssociatedDevices),
];

/// The sort fields of the device list, as MOSIP names them.
pub const DEVICE_SORT_FIELDS: &[(&str, DeviceSortKey)] = &[
    ("deviceId", DeviceSortKey::DeviceId),
    ("sbiId", DeviceSortKey::SbiId),
    ("sbiVersion", DeviceSortKey::SbiVersion),
    ("partnerId", DeviceSortKey::PartnerId),
    ("orgName", DeviceSortKey::OrgName),
    ("deviceType", DeviceSortKey::DeviceType),
    ("deviceSubType", DeviceSortKey::DeviceSubType),
    ("make", DeviceSortKey::Make),
    ("model", DeviceSortKey::Model),
    ("status", DeviceSortKey::Status),
    ("createdDateTime", DeviceSortKey::CreatedDateTime),
];

/// The rows a status label names: `Some(None)` for a label naming none.
fn state(label: Option<&str>) -> Option<Option<StateFilter>> {
    label.map(|l| {
        let (approval_status, is_active) = match l {
            "approved" => (status::APPROVED, Some(true)),
            "deactivated" => (status::APPROVED, Some(false)),
            "pending_approval" => (status::PENDING_APPROVAL, None),
            "rejected" => (status::REJECTED, None),
            _ => return None,
        };
        Some(StateFilter { approval_status, is_active })
    })
}

/// MOSIP lower-cases the text filters before matching them.
fn lowered(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::to_lowercase)
}

/// The page and the filters an SBI-list query asks for (`PMS_PS_ERROR_007`/`006`/`008`, then
/// `PMS_PRT_357`/`358`/`360`/`361`); paging is optional.
pub fn sbi_list_request(
    paging: &PageQuery,
    q: &SbiListQuery,
) -> Result<(PageRequest<SbiSortKey>, SbiFilter), AppError> {
    let page = PageRequest::parse_optional(paging, SBI_SORT_FIELDS)?;
    let filter = SbiFilter {
        partner_id: lowered(&q.partner_id),
        org_name: lowered(&q.org_name),
        sbi_id: lowered(&q.sbi_id),
        sbi_version: lowered(&q.sbi_version),
        state: state(q.status.as_deref()),
        expired: q.sbi_expiry_status.as_deref().map(|s| match s {
            "expired" => Some(true),
            "valid" => Some(false),
            _ => None,
        }),
        ..SbiFilter::default()
    };
    Ok((page, filter))
}

/// One page of the SBIs matching `filter` that the caller may see.
pub fn sbis(
    store: &Store,
    actor: &Actor,
    page: &PageRequest<SbiSortKey>,
    filter: SbiFilter,
) -> Result<PageResponseV2<SbiSummaryDto>, AppError> {
    store.read(|tx| {
        let partners =
            if actor.is_admin { None } else { Some(owners::of_caller(tx, actor)?.into_iter().map(|p| p.id).collect()) };
        let today = tx.now.date().and_time(chrono::NaiveTime::MIN);
        let filter = SbiFilter { partners, today, ..filter };
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = sbi_repo::sbi_summaries(tx.conn, &filter, sort, store.paging_of(page))?;
        let items = rows.into_iter().map(|r| SbiSummaryDto::of(r, today)).collect();
        Ok(PageResponseV2::new(items, page, total))
    })
}

/// The page and the filters a device-list query asks for (`PMS_PS_ERROR_007`, then
/// `PMS_PRT_357`/`358`/`360`/`361`); page 0 of 8 by default.
pub fn device_list_request(
    paging: &PageQuery,
    q: &DeviceListQuery,
) -> Result<(PageRequest<DeviceSortKey>, DeviceFilter), AppError> {
    let page = PageRequest::parse_paired(paging, DEVICE_SORT_FIELDS)?;
    let filter = DeviceFilter {
        device_id: lowered(&q.device_id),
        partner_id: lowered(&q.partner_id),
        org_name: lowered(&q.org_name),
        device_type: lowered(&q.device_type),
        device_sub_type: lowered(&q.device_sub_type),
        state: state(q.status.as_deref()),
        make: lowered(&q.make),
        model: lowered(&q.model),
        sbi_id: lowered(&q.sbi_id),
        sbi_version: lowered(&q.sbi_version),
    };
    Ok((page, filter))
}

/// One page of the device lines matching `filter`.
pub fn devices(
    store: &Store,
    page: &PageRequest<DeviceSortKey>,
    filter: &DeviceFilter,
) -> Result<PageResponseV2<DeviceSummaryDto>, AppError> {
    store.read(|tx| {
        let sort = page.sort.map(|s| (s.field, s.desc));
        let (rows, total) = device_repo::device_summaries(tx.conn, filter, sort, store.paging_of(page))?;
        Ok(PageResponseV2::new(rows.into_iter().map(DeviceSummaryDto::from).collect(), page, total))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_labels_name_their_rows() {
        assert_eq!(state(None), None);
        assert_eq!(
            state(Some("deactivated")),
            Some(Some(StateFilter { approval_status: "approved", is_active: Some(false) }))
        );
        assert_eq!(state(Some("rejected")), Some(Some(StateFilter { approval_status: "rejected", is_active: None })));
        assert_eq!(state(Some("Approved")), Some(None));
    }

    #[test]
    fn the_sbi_list_pages_only_when_asked_and_the_device_list_by_eight() {
        let (page, filter) = sbi_list_request(
            &PageQuery::default(),
            &SbiListQuery {
                partner_id: Some("DP".into()),
                sbi_expiry_status: Some("soon".into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(page.unpaged);
        assert_eq!((filter.partner_id.as_deref(), filter.expired), (Some("dp"), Some(None)));
        let sorted_unpaged =
            PageQuery { sort_field_name: Some("status".into()), sort_type: Some("asc".into()), ..Default::default() };
        assert_eq!(sbi_list_request(&sorted_unpaged, &SbiListQuery::default()).unwrap_err().code(), "PMS_PS_ERROR_008");
        let (page, _) = device_list_request(&sorted_unpaged, &DeviceListQuery::default()).unwrap();
        assert_eq!((page.page_no, page.page_size, page.sort.map(|s| s.desc)), (0, 8, Some(false)));
        let bad = PageQuery {
            sort_field_name: Some("countOfAssociatedDevices".into()),
            sort_type: Some("asc".into()),
            ..Default::default()
        };
        assert_eq!(device_list_request(&bad, &DeviceListQuery::default()).unwrap_err().code(), "PMS_PRT_357");
    }
}
