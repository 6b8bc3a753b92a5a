//! MOSIP 1.2.2's reads and deactivations of policies and policy groups: the paged policy list
//! (filtered, sorted, counted and paged in SQL), the active groups, and the counts the
//! deactivation rules read. Deactivations are compare-and-set on the active state.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::partner::{APPROVED, IN_PROGRESS};
use policy_domain::{PoliciesOfGroup, PolicyGroup, PolicyGroupId, PolicyId, PolicyStatus, RequestsOfPolicy};

use super::counting::{Paging, count_up_to};
use crate::connection::{DbConnection, MultiBackend};
use crate::repo::load_as;
use crate::repo::policy::GroupRow;
use crate::schema::{auth_policy, partner_policy_request, policy_group};

/// The columns the policy list sorts by (MOSIP's `policyId`, `policyName`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicySortKey {
    PolicyId,
    PolicyName,
    PolicyDescription,
    PolicyGroupId,
    PolicyGroupName,
    Status,
    CreatedDateTime,
}

/// The list's filters: text ones match a case-insensitive substring; `status` none, one status,
/// or a value that names no status (then nothing matches, as in MOSIP).
#[derive(Debug, Clone, Default)]
pub struct PolicyFilter {
    pub policy_id: Option<String>,
    pub policy_type: Option<String>,
    pub policy_name: Option<String>,
    pub policy_description: Option<String>,
    pub policy_group_name: Option<String>,
    pub status: Option<Option<PolicyStatus>>,
}

/// One line of the policy list.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PolicySummaryRow {
    pub policy_id: String,
    pub policy_name: String,
    pub policy_description: String,
    pub policy_group_id: String,
    pub policy_group_name: String,
    pub policy_schema: Option<String>,
    pub is_active: bool,
    pub cr_dtimes: NaiveDateTime,
}

type Joined = diesel::dsl::InnerJoin<auth_policy::table, policy_group::table>;

fn filtered(f: &PolicyFilter) -> diesel::helper_types::IntoBoxed<'static, Joined, MultiBackend> {
    let mut q =
        auth_policy::table.inner_join(policy_group::table).filter(auth_policy::is_deleted.eq(false)).into_boxed();
    contains!(q, &f.policy_id, auth_policy::id.nullable());
    contains!(q, &f.policy_type, auth_policy::policy_type.nullable());
    contains!(q, &f.policy_name, auth_policy::name.nullable());
    contains!(q, &f.policy_description, auth_policy::descr.nullable());
    contains!(q, &f.policy_group_name, policy_group::name.nullable());
    match f.status {
        None => q,
        Some(None) => q.filter(auth_policy::id.ne(auth_policy::id)),
        Some(Some(PolicyStatus::Draft)) => q.filter(auth_policy::policy_schema.is_null()),
        Some(Some(s)) => q
            .filter(auth_policy::policy_schema.is_not_null())
            .filter(auth_policy::is_active.eq(s == PolicyStatus::Activated)),
    }
}

/// The page of policies matching `filter` (`sort`: the key and whether descending; newest first
/// without one) at `offset`, at most `limit`, and how many match in all (at most `count_limit`).
pub fn policy_summaries(
    conn: &mut DbConnection,
    filter: &PolicyFilter,
    sort: Option<(PolicySortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<PolicySummaryRow>, i64)> {
    use PolicySortKey as K;
    let total = count_up_to(filtered(filter), paging, conn)?;
    let q = filtered(filter);
    let q = match sort {
        None => q.order(auth_policy::cr_dtimes.desc()),
        Some((K::PolicyId, d)) => by!(q, auth_policy::id, d),
        Some((K::PolicyName, d)) => by!(q, auth_policy::name, d),
        Some((K::PolicyDescription, d)) => by!(q, auth_policy::descr, d),
        Some((K::PolicyGroupId, d)) => by!(q, policy_group::id, d),
        Some((K::PolicyGroupName, d)) => by!(q, policy_group::name, d),
        // by label: activated < deactivated < draft
        Some((K::Status, false)) => {
            q.order((auth_policy::policy_schema.is_null().asc(), auth_policy::is_active.desc()))
        }
        Some((K::Status, true)) => q.order((auth_policy::policy_schema.is_null().desc(), auth_policy::is_active.asc())),
        Some((K::CreatedDateTime, d)) => by!(q, auth_policy::cr_dtimes, d),
    };
    let rows = q
        .then_order_by(auth_policy::id.asc())
        .select((
            auth_policy::id,
            auth_policy::name,
            auth_policy::descr,
            policy_group::id,
            policy_group::name,
            auth_policy::policy_schema,
            auth_policy::is_active,
            auth_policy::cr_dtimes,
        ))
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}

/// The active groups, oldest first.
pub fn active_groups(conn: &mut DbConnection) -> QueryResult<Vec<PolicyGroup>> {
    load_as::<GroupRow, _, _>(
        conn,
        policy_group::table
            .filter(policy_group::is_active.eq(true))
            .order((policy_group::cr_dtimes.asc(), policy_group::id.asc())),
    )
}

/// The approved and the pending partner policy requests naming `policy_id`.
pub fn requests_of_policy(conn: &mut DbConnection, policy_id: &PolicyId) -> QueryResult<RequestsOfPolicy> {
    let mut count = |status: &str| -> QueryResult<i64> {
        partner_policy_request::table
            .filter(partner_policy_request::policy_id.eq(policy_id.as_str()))
            .filter(partner_policy_request::status_code.eq(status))
            .filter(partner_policy_request::is_deleted.eq(false))
            .count()
            .get_result(conn)
    };
    Ok(RequestsOfPolicy { approved: count(APPROVED)?, pending: count(IN_PROGRESS)? })
}

/// The activated and the draft policies of a group (deleted ones not counted).
pub fn policies_of_group_by_state(conn: &mut DbConnection, group_id: &PolicyGroupId) -> QueryResult<PoliciesOfGroup> {
    let of_group = || {
        auth_policy::table
            .filter(auth_policy::policy_group_id.eq(group_id.as_str()))
            .filter(auth_policy::is_deleted.eq(false))
            .into_boxed::<MultiBackend>()
    };
    let active: i64 = of_group()
        .filter(auth_policy::is_active.eq(true))
        .filter(auth_policy::policy_schema.is_not_null())
        .count()
        .get_result(conn)?;
    let draft: i64 = of_group()
        .filter(auth_policy::is_active.eq(false))
        .filter(auth_policy::policy_schema.is_null())
        .count()
        .get_result(conn)?;
    Ok(PoliciesOfGroup { active, draft })
}

/// Switches an activated policy off (compare-and-set: 0 when it was not activated any more).
pub fn deactivate_policy(conn: &mut DbConnection, id: &PolicyId, by: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        auth_policy::table
            .filter(auth_policy::id.eq(id.as_str()))
            .filter(auth_policy::is_active.eq(true))
            .filter(auth_policy::policy_schema.is_not_null()),
    )
    .set((auth_policy::is_active.eq(false), auth_policy::upd_by.eq(by), auth_policy::upd_dtimes.eq(at)))
    .execute(conn)
}

/// Switches an active group off (compare-and-set: 0 when it was not active any more).
pub fn deactivate_group(
    conn: &mut DbConnection,
    id: &PolicyGroupId,
    by: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        policy_group::table.filter(policy_group::id.eq(id.as_str())).filter(policy_group::is_active.eq(true)),
    )
    .set((policy_group::is_active.eq(false), policy_group::upd_by.eq(by), policy_group::upd_dtimes.eq(at)))
    .execute(conn)
}
