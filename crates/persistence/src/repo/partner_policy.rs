//! What the partner manager reads of policies and policy groups (the policy manager owns those
//! tables), and partners' policy-mapping requests (`partner_policy_request`).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerId;
use partner_domain::policy::{PolicyFacts, PolicyGroupInfo};
use partner_domain::policy_request::{NewPolicyRequest, RequestStatus};
use policy_domain::{PolicyGroupId, PolicyId};

use super::partner::{PartnerRow, lower};
use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::schema::{auth_policy, partner, partner_policy, partner_policy_request, policy_group};

pub fn group_by_name(conn: &mut DbConnection, name: &str) -> QueryResult<Option<PolicyGroupInfo>> {
    policy_group::table
        .filter(policy_group::name.eq(name))
        .select((policy_group::id, policy_group::name, policy_group::is_active))
        .first::<(String, String, bool)>(conn)
        .optional()
        .map(|g| g.map(|(id, name, is_active)| PolicyGroupInfo { id, name, is_active }))
}

pub fn group_by_id(conn: &mut DbConnection, id: &PolicyGroupId) -> QueryResult<Option<PolicyGroupInfo>> {
    policy_group::table
        .find(id.as_str())
        .select((policy_group::id, policy_group::name, policy_group::is_active))
        .first::<(String, String, bool)>(conn)
        .optional()
        .map(|g| g.map(|(id, name, is_active)| PolicyGroupInfo { id, name, is_active }))
}

/// Group names by id.
pub fn group_names(conn: &mut DbConnection, ids: &[PolicyGroupId]) -> QueryResult<Vec<(String, String)>> {
    policy_group::table
        .filter(policy_group::id.eq_any(ids.iter().map(|i| i.as_str())))
        .select((policy_group::id, policy_group::name))
        .load(conn)
}

/// A policy's columns as [`PolicyFacts`] takes them, but for its group's state.
type PolicyColumns = (String, String, String, bool, NaiveDateTime);

/// A policy's columns and its group's state (`None` without the group).
type FactsRow = (PolicyColumns, Option<bool>);

fn policy_columns() -> (
    auth_policy::id,
    auth_policy::name,
    auth_policy::policy_group_id,
    auth_policy::is_active,
    auth_policy::valid_to_date,
) {
    (
        auth_policy::id,
        auth_policy::name,
        auth_policy::policy_group_id,
        auth_policy::is_active,
        auth_policy::valid_to_date,
    )
}

fn facts(((id, name, group_id, is_active, valid_to), group_active): FactsRow) -> PolicyFacts {
    PolicyFacts { id, name, group_id, is_active, valid_to, group_active }
}

/// [`facts`] of a policy that a left join may not have found.
fn with_group(policy: Option<PolicyColumns>, group_active: Option<bool>) -> Option<PolicyFacts> {
    policy.map(|columns| facts((columns, group_active)))
}

macro_rules! facts_query {
    () => {
        auth_policy::table.left_join(policy_group::table).select((policy_columns(), policy_group::is_active.nullable()))
    };
}

/// A policy of a group, by exact name.
pub fn policy_in_group_by_name(
    conn: &mut DbConnection,
    group_id: &PolicyGroupId,
    name: &str,
) -> QueryResult<Option<PolicyFacts>> {
    facts_query!()
        .filter(auth_policy::policy_group_id.eq(group_id.as_str()))
        .filter(auth_policy::name.eq(name))
        .first::<FactsRow>(conn)
        .optional()
        .map(|r| r.map(facts))
}

/// A partner with the policy of its group named `policy_name` (`None` without a group or such a
/// policy), in one statement.
pub fn partner_with_policy_named(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_name: &str,
) -> QueryResult<Option<(PartnerRow, Option<PolicyFacts>)>> {
    let row = partner::table
        .left_join(
            auth_policy::table.on(auth_policy::policy_group_id
                .nullable()
                .eq(partner::policy_group_id)
                .and(auth_policy::name.eq(policy_name.to_owned()))),
        )
        .left_join(policy_group::table.on(policy_group::id.eq(auth_policy::policy_group_id)))
        .filter(partner::id.eq(partner_id.as_str()))
        .select((PartnerRow::as_select(), policy_columns().nullable(), policy_group::is_active.nullable()))
        .first::<(PartnerRow, Option<PolicyColumns>, Option<bool>)>(conn)
        .optional()?;
    Ok(row.map(|(partner, policy, group_active)| (partner, with_group(policy, group_active))))
}

/// A policy of a group, by id.
pub fn policy_in_group_by_id(
    conn: &mut DbConnection,
    group_id: &PolicyGroupId,
    id: &PolicyId,
) -> QueryResult<Option<PolicyFacts>> {
    facts_query!()
        .filter(auth_policy::policy_group_id.eq(group_id.as_str()))
        .filter(auth_policy::id.eq(id.as_str()))
        .first::<FactsRow>(conn)
        .optional()
        .map(|r| r.map(facts))
}

/// Some active policy has exactly this name (in any group).
pub fn active_policy_named(conn: &mut DbConnection, name: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        auth_policy::table.filter(auth_policy::name.eq(name)).filter(auth_policy::is_active.eq(true)),
    ))
    .get_result(conn)
}

/// Policy names by id.
pub fn policy_names(conn: &mut DbConnection, ids: &[PolicyId]) -> QueryResult<Vec<(String, String)>> {
    auth_policy::table
        .filter(auth_policy::id.eq_any(ids.iter().map(|i| i.as_str())))
        .select((auth_policy::id, auth_policy::name))
        .load(conn)
}

/// Ids of the policies whose name matches (case-insensitively) `pattern` as SQL `LIKE`.
pub fn policy_ids_named_like(conn: &mut DbConnection, pattern: &str) -> QueryResult<Vec<String>> {
    auth_policy::table.filter(lower(auth_policy::name).like(pattern.to_lowercase())).select(auth_policy::id).load(conn)
}

/// An `auth_policy` row, as the credential-type lookup shows it.
pub use super::policy::PolicyRow;

pub fn policy_row(conn: &mut DbConnection, id: &PolicyId) -> QueryResult<Option<PolicyRow>> {
    first_row(conn, auth_policy::table.find(id.as_str()))
}

mosip_row! {
    /// A `partner_policy_request` row.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = partner_policy_request)]
    pub struct RequestRow {
        pub id: String,
        pub part_id: String,
        pub policy_id: String,
        pub request_datetimes: NaiveDateTime,
        pub request_detail: String,
        pub status_code: String,
    }
}

pub fn insert_request(conn: &mut DbConnection, r: &NewPolicyRequest) -> QueryResult<usize> {
    diesel::insert_into(partner_policy_request::table)
        .values(with_audit!(RequestRow {
            id: r.id.clone(),
            part_id: r.partner_id.clone(),
            policy_id: r.policy_id.clone(),
            request_datetimes: r.at,
            request_detail: r.request_detail.clone(),
            status_code: r.status.as_stored().to_owned(),
        } created by r.cr_by, at r.at))
        .execute(conn)
}

pub fn find_request(conn: &mut DbConnection, id: &str) -> QueryResult<Option<RequestRow>> {
    first_row(conn, partner_policy_request::table.find(id))
}

/// What an admin's review reads: the request, its partner's type and its policy's facts
/// (`None` for a partner or policy that is gone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewFacts {
    pub request: RequestRow,
    pub partner_type: Option<String>,
    pub policy: Option<PolicyFacts>,
}

/// A request with what its review checks, in one statement.
pub fn review_facts(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ReviewFacts>> {
    let row = partner_policy_request::table
        .left_join(partner::table)
        .left_join(auth_policy::table.on(auth_policy::id.eq(partner_policy_request::policy_id)))
        .left_join(policy_group::table.on(policy_group::id.eq(auth_policy::policy_group_id)))
        .filter(partner_policy_request::id.eq(id))
        .select((
            RequestRow::as_select(),
            partner::partner_type_code.nullable(),
            policy_columns().nullable(),
            policy_group::is_active.nullable(),
        ))
        .first::<(RequestRow, Option<String>, Option<PolicyColumns>, Option<bool>)>(conn)
        .optional()?;
    Ok(row.map(|(request, partner_type, policy, group_active)| ReviewFacts {
        request,
        partner_type,
        policy: with_group(policy, group_active),
    }))
}

/// The statuses of a partner's requests for a policy.
pub fn request_statuses(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
) -> QueryResult<Vec<RequestStatus>> {
    let codes: Vec<String> = partner_policy_request::table
        .filter(partner_policy_request::part_id.eq(partner_id.as_str()))
        .filter(partner_policy_request::policy_id.eq(policy_id.as_str()))
        .select(partner_policy_request::status_code)
        .load(conn)?;
    Ok(codes.iter().map(|c| RequestStatus::of(c)).collect())
}

/// An approved request exists for the partner and policy.
pub fn approved_request_exists(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        partner_policy_request::table
            .filter(partner_policy_request::part_id.eq(partner_id.as_str()))
            .filter(partner_policy_request::policy_id.eq(policy_id.as_str()))
            .filter(lower(partner_policy_request::status_code).eq("approved")),
    ))
    .get_result(conn)
}

/// Whether the partner has an approved request for the policy, and whether one of its keys for
/// the policy bears `label`, in one statement.
pub fn approved_and_label_taken(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
    label: &str,
) -> QueryResult<(bool, bool)> {
    let approved = partner_policy_request::table
        .filter(partner_policy_request::part_id.eq(partner_id.as_str()))
        .filter(partner_policy_request::policy_id.eq(policy_id.as_str()))
        .filter(lower(partner_policy_request::status_code).eq("approved"));
    let labelled = partner_policy::table
        .filter(partner_policy::part_id.eq(partner_id.as_str()))
        .filter(partner_policy::policy_id.eq(policy_id.as_str()))
        .filter(partner_policy::label.eq(label));
    diesel::select((diesel::dsl::exists(approved), diesel::dsl::exists(labelled))).get_result(conn)
}

/// A partner's requests, oldest first.
pub fn requests_of(conn: &mut DbConnection, partner_id: &PartnerId) -> QueryResult<Vec<RequestRow>> {
    partner_policy_request::table
        .filter(partner_policy_request::part_id.eq(partner_id.as_str()))
        .order((partner_policy_request::cr_dtimes.asc(), partner_policy_request::id.asc()))
        .select(RequestRow::as_select())
        .load(conn)
}

/// Every request with its partner's organisation name, oldest first, handed to `each` as the
/// database steps through them.
pub fn each_request_with_org<E: From<diesel::result::Error>>(
    conn: &mut DbConnection,
    mut each: impl FnMut(RequestRow, String) -> Result<(), E>,
) -> Result<(), E> {
    each_row!(
        conn,
        partner_policy_request::table
            .inner_join(partner::table)
            .select((RequestRow::as_select(), partner::name))
            .order((partner_policy_request::cr_dtimes.asc(), partner_policy_request::id.asc())),
        (RequestRow, String),
        |(request, org)| each(request, org)
    );
    Ok(())
}

/// One request with its partner's organisation name.
pub fn request_with_org(conn: &mut DbConnection, id: &str) -> QueryResult<Option<(RequestRow, String)>> {
    partner_policy_request::table
        .inner_join(partner::table)
        .filter(partner_policy_request::id.eq(id))
        .select((RequestRow::as_select(), partner::name))
        .first(conn)
        .optional()
}

/// Requests by id, in the order of `ids`.
pub fn find_requests(conn: &mut DbConnection, ids: &[String]) -> QueryResult<Vec<RequestRow>> {
    let rows = partner_policy_request::table
        .filter(partner_policy_request::id.eq_any(ids))
        .select(RequestRow::as_select())
        .load(conn)?;
    Ok(super::partner::in_order(ids, rows, |r| &r.id))
}

/// Decides a request: compare-and-set from the status `expected` (as stored) to `to`. 0 when
/// another review changed it first.
pub fn decide(
    conn: &mut DbConnection,
    id: &str,
    expected: &str,
    to: &RequestStatus,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        partner_policy_request::table
            .filter(partner_policy_request::id.eq(id))
            .filter(partner_policy_request::status_code.eq(expected)),
    )
    .set((
        partner_policy_request::status_code.eq(to.as_stored()),
        partner_policy_request::upd_by.eq(Some(by)),
        partner_policy_request::upd_dtimes.eq(Some(now)),
    ))
    .execute(conn)
}
