//! MOSIP 1.2.2's paged list of partner policy requests (`GET /partner-policy-requests`):
//! each request with its partner, the partner's policy group and the policy, filtered, sorted,
//! counted and paged in SQL; a partner user sees the requests of its own partners only.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::counting::{Paging, count_up_to};
use crate::connection::DbConnection;
use crate::schema::{auth_policy, partner, partner_policy_request as ppr, policy_group};

/// The columns the request list sorts by (MOSIP's `partnerId`, `policyName`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestSortKey {
    PartnerId,
    PartnerType,
    OrgName,
    PolicyId,
    PolicyGroupName,
    PolicyName,
    Status,
    RequestDetail,
    CreatedDateTime,
}

/// The list's filters: text ones match a case-insensitive substring, `status` exactly;
/// `partners`: only the requests of these partners (a partner user's), all when `None`.
#[derive(Debug, Clone, Default)]
pub struct RequestFilter {
    pub partner_id: Option<String>,
    pub partner_type: Option<String>,
    pub org_name: Option<String>,
    pub policy_id: Option<String>,
    pub policy_name: Option<String>,
    pub policy_group_name: Option<String>,
    pub partner_comment: Option<String>,
    pub status: Option<String>,
    pub partners: Option<Vec<String>>,
}

/// One line of the request list.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct RequestSummaryRow {
    pub id: String,
    pub partner_id: String,
    pub partner_approval_status: String,
    pub partner_is_active: bool,
    pub org_name: String,
    pub partner_type: String,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_id: String,
    pub policy_name: Option<String>,
    pub status: String,
    pub cr_dtimes: NaiveDateTime,
    pub request_detail: String,
    pub upd_dtimes: Option<NaiveDateTime>,
    pub policy_description: Option<String>,
    pub policy_group_description: Option<String>,
}

/// The boxed, filtered join of the requests with their partner, its group and the policy.
macro_rules! filtered {
    ($f:expr, $backend:expr) => {{
        let f: &RequestFilter = $f;
        let mut q = ppr::table
            .inner_join(partner::table)
            .left_join(policy_group::table.on(policy_group::id.nullable().eq(partner::policy_group_id)))
            .left_join(auth_policy::table.on(auth_policy::id.eq(ppr::policy_id)))
            .filter(ppr::is_deleted.eq(false))
            .into_boxed::<crate::connection::MultiBackend>();
        contains!(q, &f.partner_id, ppr::part_id.nullable(), indexed partner::id on $backend);
        contains!(q, &f.partner_type, partner::partner_type_code.nullable());
        contains!(q, &f.org_name, partner::name.nullable(), indexed partner::name on $backend);
        contains!(q, &f.policy_id, ppr::policy_id.nullable());
        contains!(q, &f.policy_name, auth_policy::name.nullable());
        contains!(q, &f.policy_group_name, policy_group::name.nullable());
        contains!(q, &f.partner_comment, ppr::request_detail.nullable());
        if let Some(v) = &f.status {
            q = q.filter(ppr::status_code.eq(v.clone()));
        }
        if let Some(ids) = &f.partners {
            q = q.filter(ppr::part_id.eq_any(ids.clone()));
        }
        q
    }};
}

/// The page of requests matching `filter` (`sort`: the key and whether descending; newest first
/// without one) at `offset`, at most `limit`, and how many match in all (at most `count_limit`).
pub fn request_summaries(
    conn: &mut DbConnection,
    filter: &RequestFilter,
    sort: Option<(RequestSortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<RequestSummaryRow>, i64)> {
    use RequestSortKey as K;
    let backend = conn.backend();
    let total = count_up_to(filtered!(filter, backend), paging, conn)?;
    let q = filtered!(filter, backend);
    let q = match sort {
        None => q.order(ppr::cr_dtimes.desc()),
        Some((K::PartnerId, d)) => by!(q, ppr::part_id, d),
        Some((K::PartnerType, d)) => by!(q, partner::partner_type_code, d),
        Some((K::OrgName, d)) => by!(q, partner::name, d),
        Some((K::PolicyId, d)) => by!(q, ppr::policy_id, d),
        Some((K::PolicyGroupName, d)) => by!(q, policy_group::name, d),
        Some((K::PolicyName, d)) => by!(q, auth_policy::name, d),
        Some((K::Status, d)) => by!(q, ppr::status_code, d),
        Some((K::RequestDetail, d)) => by!(q, ppr::request_detail, d),
        Some((K::CreatedDateTime, d)) => by!(q, ppr::cr_dtimes, d),
    };
    let rows = q
        .then_order_by(ppr::id.asc())
        .select((
            ppr::id,
            ppr::part_id,
            partner::approval_status,
            partner::is_active,
            partner::name,
            partner::partner_type_code,
            partner::policy_group_id,
            policy_group::name.nullable(),
            ppr::policy_id,
            auth_policy::name.nullable(),
            ppr::status_code,
            ppr::cr_dtimes,
            ppr::request_detail,
            ppr::upd_dtimes,
            auth_policy::descr.nullable(),
            policy_group::descr.nullable(),
        ))
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}

/// A partner a user owns, as the 1.2.2 lists check it: id, type, approval status and policy group.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct OwnedPartner {
    pub id: String,
    pub partner_type: String,
    pub policy_group_id: Option<String>,
    /// The name of its policy group, when the group exists.
    pub policy_group_name: Option<String>,
    /// The description of its policy group, when the group exists.
    pub policy_group_description: Option<String>,
    pub approval_status: String,
}

/// The partners whose `user_id` is `user_id`, with their group's name.
pub fn partners_of_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<OwnedPartner>> {
    partner::table
        .left_join(policy_group::table.on(policy_group::id.nullable().eq(partner::policy_group_id)))
        .filter(partner::user_id.eq(user_id))
        .filter(partner::is_deleted.eq(false))
        .order(partner::id.asc())
        .select((
            partner::id,
            partner::partner_type_code,
            partner::policy_group_id,
            policy_group::name.nullable(),
            policy_group::descr.nullable(),
            partner::approval_status,
        ))
        .load(conn)
}
