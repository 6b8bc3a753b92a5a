//! MOSIP 1.2.2's paged list of the auth partners' API keys (`GET /partner-api-keys`): each key
//! (never its value) with its partner, policy and the policy's group, filtered, sorted, counted
//! and paged in SQL; a partner user sees the keys of its own partners only.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::counting::{Paging, count_up_to};
use crate::connection::DbConnection;
use crate::schema::{auth_policy, partner, partner_policy as pp, policy_group};

/// The columns the key list sorts by (MOSIP's `partnerId`, `apiKeyLabel`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySortKey {
    PartnerId,
    ApiKeyLabel,
    OrgName,
    PolicyName,
    PolicyGroupName,
    Status,
    CreatedDateTime,
}

/// The list's filters: text ones match a case-insensitive substring; `active` none, one state,
/// or a value naming no state (`Some(None)`: nothing matches); `partners`: only these
/// partners' keys (a partner user's), all when `None`.
#[derive(Debug, Clone, Default)]
pub struct KeyFilter {
    pub partner_id: Option<String>,
    pub api_key_label: Option<String>,
    pub org_name: Option<String>,
    pub policy_name: Option<String>,
    pub policy_group_name: Option<String>,
    pub active: Option<Option<bool>>,
    pub partners: Option<Vec<String>>,
}

/// One line of the key list.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct KeySummaryRow {
    pub partner_id: String,
    pub api_key_label: String,
    pub org_name: String,
    pub policy_id: String,
    pub policy_name: String,
    pub policy_description: String,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_group_description: Option<String>,
    pub is_active: bool,
    pub cr_dtimes: NaiveDateTime,
}

/// The key's partner is an auth partner. Asked of each key rather than of the joined partner:
/// SQLite plans a condition on the joined partner by walking the partners (an index covers
/// their type) and then sorting every key they hold, where walking the newest-first index of
/// the keys finds the first page at once. When a filter on the partner's name narrows the list,
/// SQLite starts from the few partners it names: from their trigram index's list, or, when the
/// filter cannot read that index, through the joined partner's type, which is then asked too
/// (asked beside the index's list, it would have SQLite test every partner of the type
/// against the list: 79 against 33 ms for a page on the scale store).
fn of_auth_partner() -> diesel::expression::SqlLiteral<diesel::sql_types::Bool> {
    diesel::dsl::sql(
        "EXISTS (SELECT 1 FROM partner AS key_owner WHERE key_owner.id = partner_policy.part_id \
         AND key_owner.partner_type_code = 'Auth_Partner')",
    )
}

/// The boxed, filtered join of the keys of auth partners with their partner, policy and group.
macro_rules! filtered {
    ($f:expr, $backend:expr) => {{
        let f: &KeyFilter = $f;
        let mut q = pp::table
            .inner_join(partner::table.on(partner::id.eq(pp::part_id)))
            .inner_join(auth_policy::table.on(auth_policy::id.eq(pp::policy_id)))
            .left_join(policy_group::table.on(policy_group::id.eq(auth_policy::policy_group_id)))
            .filter(pp::is_deleted.eq(false))
            .filter(of_auth_partner())
            .into_boxed::<crate::connection::MultiBackend>();
        let named_without_index = f.org_name.as_deref().is_some_and(|v| {
            !crate::repo::like::is_indexed($backend, "partner", "name", &crate::repo::like::contains(v))
        });
        if named_without_index {
            q = q.filter(partner::partner_type_code.eq("Auth_Partner"));
        }
        contains!(q, &f.partner_id, pp::part_id.nullable(), indexed partner::id on $backend);
        contains!(q, &f.api_key_label, pp::label.nullable());
        contains!(q, &f.org_name, partner::name.nullable(), indexed partner::name on $backend);
        contains!(q, &f.policy_name, auth_policy::name.nullable());
        contains!(q, &f.policy_group_name, policy_group::name.nullable());
        match f.active {
            None => {}
            Some(None) => q = q.filter(pp::part_id.ne(pp::part_id)),
            Some(Some(active)) => q = q.filter(pp::is_active.eq(active)),
        }
        if let Some(ids) = &f.partners {
            q = q.filter(pp::part_id.eq_any(ids.clone()));
        }
        q
    }};
}

/// The page of keys matching `filter` (`sort`: the key and whether descending; newest first
/// without one) at `offset`, at most `limit`, and how many match in all (at most `count_limit`).
pub fn key_summaries(
    conn: &mut DbConnection,
    filter: &KeyFilter,
    sort: Option<(KeySortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<KeySummaryRow>, i64)> {
    use KeySortKey as K;
    let backend = conn.backend();
    let total = count_up_to(filtered!(filter, backend), paging, conn)?;
    let q = filtered!(filter, backend);
    let q = match sort {
        None => q.order(pp::cr_dtimes.desc()),
        Some((K::PartnerId, d)) => by!(q, pp::part_id, d),
        Some((K::ApiKeyLabel, d)) => by!(q, pp::label, d),
        Some((K::OrgName, d)) => by!(q, partner::name, d),
        Some((K::PolicyName, d)) => by!(q, auth_policy::name, d),
        Some((K::PolicyGroupName, d)) => by!(q, policy_group::name, d),
        // by label: activated < deactivated
        Some((K::Status, d)) => by!(q, pp::is_active, !d),
        Some((K::CreatedDateTime, d)) => by!(q, pp::cr_dtimes, d),
    };
    let rows = q
        .then_order_by(pp::policy_api_key.asc())
        .select((
            pp::part_id,
            pp::label,
            partner::name,
            pp::policy_id,
            auth_policy::name,
            auth_policy::descr,
            policy_group::id.nullable(),
            policy_group::name.nullable(),
            policy_group::descr.nullable(),
            pp::is_active,
            pp::cr_dtimes,
        ))
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}
