//! MOSIP 1.2.2's paged device list for admins (`GET /devicedetail`): each device with the SBI
//! it is mapped to (one line per mapping, one for an unmapped device), filtered, sorted, counted
//! and paged in SQL.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::counting::{Paging, count_up_to};
use crate::repo::device::sbi_paged::StateFilter;
use crate::schema::{device_detail as dd, device_detail_sbi as map, secure_biometric_interface as sbi};

/// The columns the device list sorts by (MOSIP's `deviceId`, `make`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceSortKey {
    DeviceId,
    SbiId,
    SbiVersion,
    PartnerId,
    OrgName,
    DeviceType,
    DeviceSubType,
    Make,
    Model,
    /// By the status label: approved, deactivated, pending_approval, rejected.
    Status,
    CreatedDateTime,
}

/// The device list's filters: text ones match a case-insensitive substring; `state` none, one,
/// or a value naming none (`Some(None)`: nothing matches).
#[derive(Debug, Clone, Default)]
pub struct DeviceFilter {
    pub device_id: Option<String>,
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub device_type: Option<String>,
    pub device_sub_type: Option<String>,
    pub state: Option<Option<StateFilter>>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub sbi_id: Option<String>,
    pub sbi_version: Option<String>,
}

/// One line of the device list.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct DeviceSummaryRow {
    pub id: String,
    pub provider_id: String,
    pub org_name: Option<String>,
    pub type_code: String,
    pub sub_type_code: String,
    pub approval_status: String,
    pub is_active: bool,
    pub make: String,
    pub model: String,
    pub cr_dtimes: NaiveDateTime,
    pub sbi_id: Option<String>,
    pub sbi_version: Option<String>,
}

/// The boxed, filtered join of the devices with their mappings and SBIs.
macro_rules! filtered {
    ($f:expr) => {{
        let f: &DeviceFilter = $f;
        let mut q = dd::table
            .left_join(map::table.on(map::device_detail_id.eq(dd::id)))
            .left_join(sbi::table.on(sbi::id.nullable().eq(map::sbi_id.nullable())))
            .into_boxed::<crate::connection::MultiBackend>();
        contains!(q, &f.device_id, dd::id.nullable());
        contains!(q, &f.partner_id, dd::dprovider_id.nullable());
        contains!(q, &f.org_name, dd::partner_org_name);
        contains!(q, &f.device_type, dd::dtype_code.nullable());
        contains!(q, &f.device_sub_type, dd::dstype_code.nullable());
        contains!(q, &f.make, dd::make.nullable());
        contains!(q, &f.model, dd::model.nullable());
        contains!(q, &f.sbi_id, sbi::id.nullable());
        contains!(q, &f.sbi_version, sbi::sw_version.nullable());
        match &f.state {
            None => {}
            Some(None) => q = q.filter(dd::id.ne(dd::id)),
            Some(Some(s)) => {
                q = q.filter(dd::approval_status.eq(s.approval_status));
                if let Some(active) = s.is_active {
                    q = q.filter(dd::is_active.eq(active));
                }
            }
        }
        q
    }};
}

/// The page of device lines matching `filter` (`sort`: the key and whether descending; newest
/// first without one) at `offset`, at most `limit`, and how many match in all (at most `count_limit`).
pub fn device_summaries(
    conn: &mut DbConnection,
    filter: &DeviceFilter,
    sort: Option<(DeviceSortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<DeviceSummaryRow>, i64)> {
    use DeviceSortKey as K;
    let total = count_up_to(filtered!(filter), paging, conn)?;
    let q = filtered!(filter);
    let q = match sort {
        None => q.order(dd::cr_dtimes.desc()),
        Some((K::DeviceId, d)) => by!(q, dd::id, d),
        Some((K::SbiId, d)) => by!(q, sbi::id.nullable(), d),
        Some((K::SbiVersion, d)) => by!(q, sbi::sw_version.nullable(), d),
        Some((K::PartnerId, d)) => by!(q, dd::dprovider_id, d),
        Some((K::OrgName, d)) => by!(q, dd::partner_org_name, d),
        Some((K::DeviceType, d)) => by!(q, dd::dtype_code, d),
        Some((K::DeviceSubType, d)) => by!(q, dd::dstype_code, d),
        Some((K::Make, d)) => by!(q, dd::make, d),
        Some((K::Model, d)) => by!(q, dd::model, d),
        Some((K::Status, d)) => by_status!(q, dd, d),
        Some((K::CreatedDateTime, d)) => by!(q, dd::cr_dtimes, d),
    };
    let rows = q
        .then_order_by(dd::id.asc())
        .then_order_by(sbi::id.nullable().asc())
        .select((
            dd::id,
            dd::dprovider_id,
            dd::partner_org_name,
            dd::dtype_code,
            dd::dstype_code,
            dd::approval_status,
            dd::is_active,
            dd::make,
            dd::model,
            dd::cr_dtimes,
            sbi::id.nullable(),
            sbi::sw_version.nullable(),
        ))
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}
