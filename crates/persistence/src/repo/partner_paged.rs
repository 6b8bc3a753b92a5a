//! MOSIP 1.2.2's paged partner list for admins (`GET /admin-partners`): filtered, sorted,
//! counted and paged in SQL, with each partner's policy group name.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::counting::{Paging, count_up_to};
use crate::connection::{Backend, DbConnection, MultiBackend};
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

fn filtered(f: &PartnerFilter, backend: Backend) -> diesel::helper_types::IntoBoxed<'static, Joined, MultiBackend> {
    let mut q = partner::table.left_join(policy_group::table).filter(partner::is_deleted.eq(false)).into_boxed();
    contains!(q, &f.partner_id, partner::id.nullable(), indexed partner::id on backend);
    contains!(q, &f.partner_type, partner::partner_type_code.nullable());
    contains!(q, &f.org_name, partner::name.nullable(), indexed partner::name on backend);
    contains!(q, &f.policy_group_name, policy_group::name.nullable());
    contains!(q, &f.email_address, partner::email_id);
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
/// without one) at `offset`, at most `limit`, and how many match in all (at most `count_limit`).
pub fn partner_summaries(
    conn: &mut DbConnection,
    filter: &PartnerFilter,
    sort: Option<(PartnerSortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<PartnerSummaryRow>, i64)> {
    use PartnerSortKey as K;
    let backend = conn.backend();
    let total = count_up_to(filtered(filter, backend), paging, conn)?;
    let q = filtered(filter, backend);
    let q = match sort {
        None => q.order(partner::cr_dtimes.desc()),
        Some((K::PartnerId, d)) => by!(q, partner::id, d),
        Some((K::PartnerType, d)) => by!(q, partner::partner_type_code, d),
        Some((K::OrgName, d)) => by!(q, partner::name, d),
        Some((K::PolicyGroupId, d)) => by!(q, partner::policy_group_id, d),
        Some((K::PolicyGroupName, d)) => by!(q, policy_group::name, d),
        Some((K::EmailAddress, d)) => by!(q, partner::email_id, d),
        // by label: not_uploaded < uploaded
        Some((K::CertificateUploadStatus, d)) => by!(q, partner::certificate_alias.is_null(), !d),
        Some((K::Status, d)) => by!(q, partner::approval_status, d),
        // as MOSIP: ascending lists the active partners first
        Some((K::IsActive, d)) => by!(q, partner::is_active, !d),
        Some((K::CreatedDateTime, d)) => by!(q, partner::cr_dtimes, d),
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
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}
