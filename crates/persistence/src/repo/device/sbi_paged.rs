//! MOSIP 1.2.2's paged SBI list (`GET /securebiometricinterface`): each SBI with the counts of its
//! devices, filtered, sorted, counted and paged in SQL; a provider sees its own partners' SBIs.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::connection::DbConnection;
use crate::repo::counting::{Paging, count_up_to};
use crate::schema::{device_detail as dd, device_detail_sbi as map, secure_biometric_interface as sbi};

/// The columns the SBI list sorts by (MOSIP's `partnerId`, `sbiVersion`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SbiSortKey {
    PartnerId,
    OrgName,
    PartnerType,
    SbiId,
    SbiVersion,
    SbiCreatedDateTime,
    SbiExpiryDateTime,
    /// By the status label: approved, deactivated, pending_approval, rejected.
    Status,
    CreatedDateTime,
    /// Expired before valid, i.e. by expiry.
    SbiExpiryStatus,
    CountOfAssociatedDevices,
}

/// An approval status, and the activity it needs (`None`: either).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateFilter {
    pub approval_status: &'static str,
    pub is_active: Option<bool>,
}

/// The SBI list's filters: text ones match a case-insensitive substring; `state` and `expired`
/// none, one, or a value naming none (`Some(None)`: nothing matches); `partners`: only these
/// providers' SBIs, all when `None`; `today`: the start of today, for the expiry.
#[derive(Debug, Clone, Default)]
pub struct SbiFilter {
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub sbi_id: Option<String>,
    pub sbi_version: Option<String>,
    pub state: Option<Option<StateFilter>>,
    pub expired: Option<Option<bool>>,
    pub partners: Option<Vec<String>>,
    pub today: NaiveDateTime,
}

/// One SBI of the list, with the counts of its mapped devices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SbiSummaryRow {
    pub provider_id: Option<String>,
    pub org_name: Option<String>,
    pub id: String,
    pub version: String,
    pub approval_status: String,
    pub is_active: bool,
    pub created: Option<NaiveDateTime>,
    pub expiry: Option<NaiveDateTime>,
    pub cr_dtimes: NaiveDateTime,
    /// Mapped devices.
    pub associated: i64,
    /// Mapped devices approved and active.
    pub approved: i64,
    /// Mapped devices pending approval.
    pub pending: i64,
}

type SbiColumns = (
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    bool,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    NaiveDateTime,
);

/// The boxed, filtered SBI table.
macro_rules! filtered {
    ($f:expr) => {{
        let f: &SbiFilter = $f;
        let mut q = sbi::table.filter(sbi::is_deleted.eq(false)).into_boxed::<crate::connection::MultiBackend>();
        contains!(q, &f.partner_id, sbi::provider_id);
        contains!(q, &f.org_name, sbi::partner_org_name);
        contains!(q, &f.sbi_id, sbi::id.nullable());
        contains!(q, &f.sbi_version, sbi::sw_version.nullable());
        match &f.state {
            None => {}
            Some(None) => q = q.filter(sbi::id.ne(sbi::id)),
            Some(Some(s)) => {
                q = q.filter(sbi::approval_status.eq(s.approval_status));
                if let Some(active) = s.is_active {
                    q = q.filter(sbi::is_active.eq(active));
                }
            }
        }
        match f.expired {
            None => {}
            Some(None) => q = q.filter(sbi::id.ne(sbi::id)),
            Some(Some(true)) => q = q.filter(sbi::sw_expiry_dtimes.lt(f.today)),
            Some(Some(false)) => q = q.filter(sbi::sw_expiry_dtimes.ge(f.today)),
        }
        if let Some(ids) = &f.partners {
            q = q.filter(sbi::provider_id.eq_any(ids.clone()));
        }
        q
    }};
}

/// The page of SBIs matching `filter` (`sort`: the key and whether descending; newest first
/// without one) at `offset`, at most `limit`, and how many match in all (at most `count_limit`).
pub fn sbi_summaries(
    conn: &mut DbConnection,
    filter: &SbiFilter,
    sort: Option<(SbiSortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<SbiSummaryRow>, i64)> {
    use SbiSortKey as K;
    let total = count_up_to(filtered!(filter), paging, conn)?;
    let q = filtered!(filter);
    let q = match sort {
        None => q.order(sbi::cr_dtimes.desc()),
        Some((K::PartnerId, d)) => by!(q, sbi::provider_id, d),
        Some((K::OrgName, d)) => by!(q, sbi::partner_org_name, d),
        Some((K::PartnerType, d)) => by!(
            q,
            sql::<Text>(
                "(SELECT p.partner_type_code FROM partner p WHERE p.id = secure_biometric_interface.provider_id)"
            ),
            d
        ),
        Some((K::SbiId, d)) => by!(q, sbi::id, d),
        Some((K::SbiVersion, d)) => by!(q, sbi::sw_version, d),
        Some((K::SbiCreatedDateTime, d)) => by!(q, sbi::sw_cr_dtimes, d),
        Some((K::SbiExpiryDateTime | K::SbiExpiryStatus, d)) => by!(q, sbi::sw_expiry_dtimes, d),
        Some((K::Status, d)) => by_status!(q, sbi, d),
        Some((K::CreatedDateTime, d)) => by!(q, sbi::cr_dtimes, d),
        Some((K::CountOfAssociatedDevices, d)) => by!(
            q,
            sql::<BigInt>("(SELECT COUNT(*) FROM device_detail_sbi m WHERE m.sbi_id = secure_biometric_interface.id)"),
            d
        ),
    };
    let rows: Vec<SbiColumns> = q
        .then_order_by(sbi::id.asc())
        .select((
            sbi::provider_id,
            sbi::partner_org_name,
            sbi::id,
            sbi::sw_version,
            sbi::approval_status,
            sbi::is_active,
            sbi::sw_cr_dtimes,
            sbi::sw_expiry_dtimes,
            sbi::cr_dtimes,
        ))
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    let ids: Vec<String> = rows.iter().map(|r| r.2.clone()).collect();
    let states: Vec<(String, Option<String>, Option<bool>)> = map::table
        .left_join(dd::table.on(dd::id.eq(map::device_detail_id)))
        .filter(map::sbi_id.eq_any(&ids))
        .select((map::sbi_id, dd::approval_status.nullable(), dd::is_active.nullable()))
        .load(conn)?;
    let mut counts: HashMap<String, (i64, i64, i64)> = HashMap::new();
    for (sbi_id, status, active) in states {
        let c = counts.entry(sbi_id).or_default();
        c.0 += 1;
        match (status.as_deref(), active) {
            (Some("approved"), Some(true)) => c.1 += 1,
            (Some("pending_approval"), _) => c.2 += 1,
            _ => {}
        }
    }
    let summaries = rows
        .into_iter()
        .map(|(provider_id, org_name, id, version, approval_status, is_active, created, expiry, cr_dtimes)| {
            let (associated, approved, pending) = counts.get(&id).copied().unwrap_or_default();
            SbiSummaryRow {
                provider_id,
                org_name,
                id,
                version,
                approval_status,
                is_active,
                created,
                expiry,
                cr_dtimes,
                associated,
                approved,
                pending,
            }
        })
        .collect();
    Ok((summaries, total))
}
