//! MOSIP 1.2.2's paged list of every FTM chip (`GET /ftpchipdetail/v2`, for admins): filtered,
//! sorted, counted and paged in SQL.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::like::{contains, lower};
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
        if let Some(v) = &f.partner_id {
            q = q.filter(lower(ftp::foundational_trust_provider_id.nullable()).like(contains(v)).escape('\\'));
        }
        if let Some(v) = &f.org_name {
            q = q.filter(lower(ftp::partner_org_name).like(contains(v)).escape('\\'));
        }
        if let Some(v) = &f.ftm_id {
            q = q.filter(lower(ftp::id.nullable()).like(contains(v)).escape('\\'));
        }
        if let Some(v) = &f.make {
            q = q.filter(lower(ftp::make.nullable()).like(contains(v)).escape('\\'));
        }
        if let Some(v) = &f.model {
            q = q.filter(lower(ftp::model.nullable()).like(contains(v)).escape('\\'));
        }
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
/// without one) at `offset`, at most `limit`, and how many match in all.
pub fn ftm_summaries(
    conn: &mut DbConnection,
    filter: &FtmFilter,
    sort: Option<(FtmSortKey, bool)>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<FtmSummaryRow>, i64)> {
    use FtmSortKey as K;
    let total: i64 = filtered!(filter).count().get_result(conn)?;
    let q = filtered!(filter);
    let q = match sort {
        None => q.order(ftp::cr_dtimes.desc()),
        Some((K::PartnerId, d)) => {
            if d {
                q.order(ftp::foundational_trust_provider_id.desc())
            } else {
                q.order(ftp::foundational_trust_provider_id.asc())
            }
        }
        Some((K::OrgName, d)) => {
            if d {
                q.order(ftp::partner_org_name.desc())
            } else {
                q.order(ftp::partner_org_name.asc())
            }
        }
        Some((K::FtmId, d)) => {
            if d {
                q.order(ftp::id.desc())
            } else {
                q.order(ftp::id.asc())
            }
        }
        Some((K::Make, d)) => {
            if d {
                q.order(ftp::make.desc())
            } else {
                q.order(ftp::make.asc())
            }
        }
        Some((K::Model, d)) => {
            if d {
                q.order(ftp::model.desc())
            } else {
                q.order(ftp::model.asc())
            }
        }
        // by the 1.2.2 status's name: approved < deactivated (approved, inactive) <
        // pending_approval < pending_cert_upload < rejected
        Some((K::Status, d)) => {
            if d {
                q.order((ftp::approval_status.desc(), ftp::is_active.asc()))
            } else {
                q.order((ftp::approval_status.asc(), ftp::is_active.desc()))
            }
        }
        Some((K::CreatedDateTime, d)) => {
            if d {
                q.order(ftp::cr_dtimes.desc())
            } else {
                q.order(ftp::cr_dtimes.asc())
            }
        }
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
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows, total))
}
