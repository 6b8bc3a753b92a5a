//! MOSIP 1.2.2's paged list of every FTM chip (`GET /ftpchipdetail/v2`, for admins): filtered,
//! sorted, counted and paged in SQL.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::counting::{Paging, count_up_to};
use crate::schema::ftp_chip_detail as ftp;

/// The columns the list sorts by (MOSIP's `partnerId`, `orgName`, `ftmId`, `make`, `model`,
/// `status`, `createdDateTime`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FtmSortKey {
    PartnerId,
    OrgName,
    FtmId,
    Make,
    Model,
    Status,
    CreatedDateTime,
}

/// The list's filters: text ones match a case-insensitive substring; `status` one of MOSIP's
/// 1.2.2 statuses (`approved` and `deactivated` split approved chips by activity; any other
/// value matches nothing).
#[derive(Debug, Clone, Default)]
pub struct FtmFilter {
    pub partner_id: Option<String>,
    pub org_name: Option<String>,
    pub ftm_id: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub status: Option<String>,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct FtmSummaryRow {
    pub id: String,
    pub provider_id: String,
    pub org_name: Option<String>,
    pub make: String,
    pub model: String,
    pub approval_status: String,
    pub is_active: bool,
    pub certificate_alias: Option<String>,
    pub cr_dtimes: NaiveDateTime,
}

/// The boxed, filtered chips.
macro_rules! filtered {
    ($f:expr) => {{
        let f: &FtmFilter = $f;
        let mut q = ftp::table.filter(ftp::is_deleted.eq(false)).into_boxed::<crate::connection::MultiBackend>();
        contains!(q, &f.partner_id, ftp::foundational_trust_provider_id.nullable());
        contains!(q, &f.org_name, ftp::partner_org_name);
        contains!(q, &f.ftm_id, ftp::id.nullable());
        contains!(q, &f.make, ftp::make.nullable());
        contains!(q, &f.model, ftp::model.nullable());
        match f.status.as_deref() {
            None => {}
            Some("approved") => q = q.filter(ftp::approval_status.eq("approved")).filter(ftp::is_active.eq(true)),
            Some("deactivated") => q = q.filter(ftp::approval_status.eq("approved")).filter(ftp::is_active.eq(false)),
            Some(s @ ("rejected" | "pending_approval" | "pending_cert_upload")) => {
                q = q.filter(ftp::approval_status.eq(s.to_owned()))
            }
            Some(_) => q = q.filter(ftp::id.ne(ftp::id)),
        }
        q
    }};
}

/// The page of chips matching `filter` (`sort`: the key and whether descending; newest first
/// without one) at `offset`, at most `limit`, and how many match in all (at most `count_limit`).
pub fn ftm_summaries(
    conn: &mut DbConnection,
    filter: &FtmFilter,
    sort: Option<(FtmSortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<FtmSummaryRow>, i64)> {
    use FtmSortKey as K;
    let total = count_up_to(filtered!(filter), paging, conn)?;
    let q = filtered!(filter);
    let q = match sort {
        None => q.order(ftp::cr_dtimes.desc()),
        Some((K::PartnerId, d)) => by!(q, ftp::foundational_trust_provider_id, d),
        Some((K::OrgName, d)) => by!(q, ftp::partner_org_name, d),
        Some((K::FtmId, d)) => by!(q, ftp::id, d),
        Some((K::Make, d)) => by!(q, ftp::make, d),
        Some((K::Model, d)) => by!(q, ftp::model, d),
        // by the 1.2.2 status's name: approved < deactivated (approved, inactive) <
        // pending_approval < pending_cert_upload < rejected
        Some((K::Status, d)) => by_status!(q, ftp, d),
        Some((K::CreatedDateTime, d)) => by!(q, ftp::cr_dtimes, d),
    };
    let rows = q
        .then_order_by(ftp::id.asc())
        .select((
            ftp::id,
            ftp::foundational_trust_provider_id,
            ftp::partner_org_name,
            ftp::make,
            ftp::model,
            ftp::approval_status,
            ftp::is_active,
            ftp::certificate_alias,
            ftp::cr_dtimes,
        ))
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}
