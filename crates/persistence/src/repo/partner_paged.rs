//! MOSIP 1.2.2's paged partner list for admins (`GET /admin-partners`): filtered, sorted,
//! counted and paged in SQL, with each partner's policy group name.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::{DbConnection, MultiBackend};
use crate::repo::like::{contains, lower};
use crate::schema::{partner, policy_group};

/// The columns the partner list sorts by (MOSIP's `partnerId`, `partnerType`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerSortKey {
    PartnerId,
    PartnerType,
    OrgName,
    PolicyGroupId,
    PolicyGroupName,
    EmailAddress,
    CertificateUploadStatus,
    Status,
    IsActive,
    CreatedDateTime,
}

/// The list's filters: text ones match a case-insensitive substring; `certificate_uploaded`
/// none, `Some(Some(uploaded))`, or a value naming no state (`Some(None)`: nothing matches).
#[derive(Debug, Clone, Default)]
pub struct PartnerFilter {
    pub partner_id: Option<String>,
    pub partner_type: Option<String>,
    pub org_name: Option<String>,
    pub policy_group_name: Option<String>,
    pub email_address: Option<String>,
    pub certificate_uploaded: Option<Option<bool>>,
    pub is_active: Option<bool>,
}

/// One line of the partner list.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PartnerSummaryRow {
    pub partner_id: String,
    pub partner_type: String,
    pub org_name: String,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub email_address: Option<String>,
    pub certificate_alias: Option<String>,
    pub status: String,
    pub is_active: bool,
    pub cr_dtimes: NaiveDateTime,
}

type Joined = diesel::dsl::LeftJoin<partner::table, policy_group::table>;

fn filtered(f: &PartnerFilter) -> diesel::helper_types::IntoBoxed<'static, Joined, MultiBackend> {
    let mut q = partner::table.left_join(policy_group::table).filter(partner::is_deleted.eq(false)).into_boxed();
    if let Some(v) = &f.partner_id {
        q = q.filter(lower(partner::id.nullable()).like(contains(v)).escape('\\'));
    }
    if let Some(v) = &f.partner_type {
        q = q.filter(lower(partner::partner_type_code.nullable()).like(contains(v)).escape('\\'));
    }
    if let Some(v) = &f.org_name {
        q = q.filter(lower(partner::name.nullable()).like(contains(v)).escape('\\'));
    }
    if let Some(v) = &f.policy_group_name {
        q = q.filter(lower(policy_group::name.nullable()).like(contains(v)).escape('\\'));
    }
    if let Some(v) = &f.email_address {
        q = q.filter(lower(partner::email_id).like(contains(v)).escape('\\'));
    }
    if let Some(active) = f.is_active {
        q = q.filter(partner::is_active.eq(active));
    }
    match f.certificate_uploaded {
        None => q,
        Some(None) => q.filter(partner::id.ne(partner::id)),
        Some(Some(true)) => q.filter(partner::certificate_alias.is_not_null()),
        Some(Some(false)) => q.filter(partner::certificate_alias.is_null()),
    }
}

/// The page of partners matching `filter` (`sort`: the key and whether descending; newest first
/// without one) at `offset`, at most `limit`, and how many match in all.
pub fn partner_summaries(
    conn: &mut DbConnection,
    filter: &PartnerFilter,
    sort: Option<(PartnerSortKey, bool)>,
    offset: i64,
    limit: i64,
) -> QueryResult<(Vec<PartnerSummaryRow>, i64)> {
    use PartnerSortKey as K;
    let total: i64 = filtered(filter).count().get_result(conn)?;
    let q = filtered(filter);
    let q = match sort {
        None => q.order(partner::cr_dtimes.desc()),
        Some((K::PartnerId, d)) => {
            if d {
                q.order(partner::id.desc())
            } else {
                q.order(partner::id.asc())
            }
        }
        Some((K::PartnerType, d)) => {
            if d {
                q.order(partner::partner_type_code.desc())
            } else {
                q.order(partner::partner_type_code.asc())
            }
        }
        Some((K::OrgName, d)) => {
            if d {
                q.order(partner::name.desc())
            } else {
                q.order(partner::name.asc())
            }
        }
        Some((K::PolicyGroupId, d)) => {
            if d {
                q.order(partner::policy_group_id.desc())
            } else {
                q.order(partner::policy_group_id.asc())
            }
        }
        Some((K::PolicyGroupName, d)) => {
            if d {
                q.order(policy_group::name.desc())
            } else {
                q.order(policy_group::name.asc())
            }
        }
        Some((K::EmailAddress, d)) => {
            if d {
                q.order(partner::email_id.desc())
            } else {
                q.order(partner::email_id.asc())
            }
        }
        // by label: not_uploaded < uploaded
        Some((K::CertificateUploadStatus, d)) => {
            if d {
                q.order(partner::certificate_alias.is_null().asc())
            } else {
                q.order(partner::certificate_alias.is_null().desc())
            }
        }
        Some((K::Status, d)) => {
            if d {
                q.order(partner::approval_status.desc())
            } else {
                q.order(partner::approval_status.asc())
            }
        }
        // as MOSIP: ascending lists the active partners first
        Some((K::IsActive, d)) => {
            if d {
                q.order(partner::is_active.asc())
            } else {
                q.order(partner::is_active.desc())
            }
        }
        Some((K::CreatedDateTime, d)) => {
            if d {
                q.order(partner::cr_dtimes.desc())
            } else {
                q.order(partner::cr_dtimes.asc())
            }
        }
    };
    let rows = q
        .then_order_by(partner::id.asc())
        .select((
            partner::id,
            partner::partner_type_code,
            partner::name,
            partner::policy_group_id,
            policy_group::name.nullable(),
            partner::email_id,
            partner::certificate_alias,
            partner::approval_status,
            partner::is_active,
            partner::cr_dtimes,
        ))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows, total))
}
