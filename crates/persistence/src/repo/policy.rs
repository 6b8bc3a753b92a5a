//! Policy groups (`policy_group`) and policies (`auth_policy`), and the read the policy manager
//! makes of the API-key table (`partner_policy`, written by the partner manager).
//!
//! Changes of a policy are compare-and-set on its draft state (`WHERE policy_schema IS NULL`), so
//! two concurrent publishes or updates cannot both win. Operations whose rule depends on the
//! group's state (create, publish, status, group switch) first [`lock_group`], which serialises
//! them on the group's row on PostgreSQL (SQLite write transactions are serial anyway).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerId;
use policy_domain::{Policy, PolicyGroup, PolicyGroupId, PolicyId};

use crate::connection::DbConnection;
use crate::repo::{first_row, load_as};
use crate::schema::{auth_policy, partner_policy, policy_group};

mosip_row! {
    #[derive(Debug, Clone, Queryable, Selectable, Insertable)]
    #[diesel(table_name = policy_group)]
    pub struct GroupRow {
        pub id: String,
        pub name: String,
        pub descr: String,
        pub user_id: String,
        pub is_active: bool,
    }
}

impl From<GroupRow> for PolicyGroup {
    fn from(r: GroupRow) -> Self {
        with_audit!(PolicyGroup {
            id: r.id,
            name: r.name,
            desc: r.descr,
            user_id: r.user_id,
            is_active: r.is_active,
        } taken from r)
    }
}

impl From<&PolicyGroup> for GroupRow {
    fn from(g: &PolicyGroup) -> Self {
        with_audit!(GroupRow {
            id: g.id.clone(),
            name: g.name.clone(),
            descr: g.desc.clone(),
            user_id: g.user_id.clone(),
            is_active: g.is_active,
        } copied from g)
    }
}

mosip_row! {
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = auth_policy)]
    pub struct PolicyRow {
        pub id: String,
        pub policy_group_id: String,
        pub name: String,
        pub descr: String,
        pub policy_file_id: String,
        pub policy_type: String,
        pub version: String,
        pub policy_schema: Option<String>,
        pub valid_from_date: NaiveDateTime,
        pub valid_to_date: NaiveDateTime,
        pub is_active: bool,
    }
}

impl From<PolicyRow> for Policy {
    fn from(r: PolicyRow) -> Self {
        with_audit!(Policy {
            id: r.id,
            group_id: r.policy_group_id,
            name: r.name,
            desc: r.descr,
            policies: r.policy_file_id,
            policy_type: r.policy_type,
            version: r.version,
            schema: r.policy_schema,
            valid_from: r.valid_from_date,
            valid_to: r.valid_to_date,
            is_active: r.is_active,
        } taken from r)
    }
}

impl From<&Policy> for PolicyRow {
    fn from(p: &Policy) -> Self {
        with_audit!(PolicyRow {
            id: p.id.clone(),
            policy_group_id: p.group_id.clone(),
            name: p.name.clone(),
            descr: p.desc.clone(),
            policy_file_id: p.policies.clone(),
            policy_type: p.policy_type.clone(),
            version: p.version.clone(),
            policy_schema: p.schema.clone(),
            valid_from_date: p.valid_from,
            valid_to_date: p.valid_to,
            is_active: p.is_active,
        } copied from p)
    }
}

// ---- groups

pub fn insert_group(conn: &mut DbConnection, group: &PolicyGroup) -> QueryResult<()> {
    diesel::insert_into(policy_group::table).values(GroupRow::from(group)).execute(conn)?;
    Ok(())
}

pub fn find_group(conn: &mut DbConnection, id: &PolicyGroupId) -> QueryResult<Option<PolicyGroup>> {
    let row = first_row::<GroupRow, _>(conn, policy_group::table.find(id.as_str()))?;
    Ok(row.map(PolicyGroup::from))
}

pub fn find_group_by_name(conn: &mut DbConnection, name: &str) -> QueryResult<Option<PolicyGroup>> {
    let row = first_row::<GroupRow, _>(conn, policy_group::table.filter(policy_group::name.eq(name)))?;
    Ok(row.map(PolicyGroup::from))
}

/// Takes the group's row lock for the rest of the transaction (a write that changes nothing);
/// false when there is no such group.
pub fn lock_group(conn: &mut DbConnection, id: &PolicyGroupId) -> QueryResult<bool> {
    let n = diesel::update(policy_group::table.filter(policy_group::id.eq(id.as_str())))
        .set(policy_group::is_active.eq(policy_group::is_active))
        .execute(conn)?;
    Ok(n > 0)
}

/// Writes the changeable fields of `group` (name, description, owner, state, update stamp).
pub fn save_group(conn: &mut DbConnection, group: &PolicyGroup) -> QueryResult<usize> {
    diesel::update(policy_group::table.filter(policy_group::id.eq(&group.id)))
        .set((
            policy_group::name.eq(&group.name),
            policy_group::descr.eq(&group.desc),
            policy_group::user_id.eq(&group.user_id),
            policy_group::is_active.eq(group.is_active),
            policy_group::upd_by.eq(&group.upd_by),
            policy_group::upd_dtimes.eq(group.upd_dtimes),
        ))
        .execute(conn)
}

/// Every group, oldest first.
pub fn all_groups(conn: &mut DbConnection) -> QueryResult<Vec<PolicyGroup>> {
    load_as::<GroupRow, _, _>(conn, policy_group::table.order((policy_group::cr_dtimes.asc(), policy_group::id.asc())))
}

/// The groups of `ids` (in no particular order; missing ids are skipped).
pub fn groups_by_ids(conn: &mut DbConnection, ids: &[PolicyGroupId]) -> QueryResult<Vec<PolicyGroup>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    load_as::<GroupRow, _, _>(conn, policy_group::table.filter(policy_group::id.eq_any(ids.iter().map(|i| i.as_str()))))
}

/// The ids of the groups whose name contains `text` (case-insensitive).
pub fn group_ids_named_like(conn: &mut DbConnection, text: &str) -> QueryResult<Vec<String>> {
    let pattern = format!("%{}%", escape_like(&text.to_lowercase()));
    policy_group::table.filter(lower(policy_group::name).like(pattern).escape('\\')).select(policy_group::id).load(conn)
}

// ---- policies

pub fn insert_policy(conn: &mut DbConnection, policy: &Policy) -> QueryResult<()> {
    diesel::insert_into(auth_policy::table).values(PolicyRow::from(policy)).execute(conn)?;
    Ok(())
}

pub fn find_policy(conn: &mut DbConnection, id: &PolicyId) -> QueryResult<Option<Policy>> {
    let row = first_row::<PolicyRow, _>(conn, auth_policy::table.find(id.as_str()))?;
    Ok(row.map(Policy::from))
}

pub fn find_policy_by_name(
    conn: &mut DbConnection,
    group_id: &PolicyGroupId,
    name: &str,
) -> QueryResult<Option<Policy>> {
    let row = first_row::<PolicyRow, _>(
        conn,
        auth_policy::table
            .filter(auth_policy::policy_group_id.eq(group_id.as_str()))
            .filter(auth_policy::name.eq(name)),
    )?;
    Ok(row.map(Policy::from))
}

/// Writes a change of a draft (content, publication, state): compare-and-set on the draft
/// state, so it reports 0 when the policy was published meanwhile.
pub fn save_draft_change(conn: &mut DbConnection, policy: &Policy) -> QueryResult<usize> {
    diesel::update(
        auth_policy::table.filter(auth_policy::id.eq(&policy.id)).filter(auth_policy::policy_schema.is_null()),
    )
    .set((
        auth_policy::name.eq(&policy.name),
        auth_policy::descr.eq(&policy.desc),
        auth_policy::version.eq(&policy.version),
        auth_policy::policy_file_id.eq(&policy.policies),
        auth_policy::policy_schema.eq(&policy.schema),
        auth_policy::is_active.eq(policy.is_active),
        auth_policy::upd_by.eq(&policy.upd_by),
        auth_policy::upd_dtimes.eq(policy.upd_dtimes),
    ))
    .execute(conn)
}

/// Every policy, oldest first.
pub fn all_policies(conn: &mut DbConnection) -> QueryResult<Vec<Policy>> {
    load_as::<PolicyRow, _, _>(conn, auth_policy::table.order((auth_policy::cr_dtimes.asc(), auth_policy::id.asc())))
}

/// The policies of a group, oldest first.
pub fn policies_of_group(conn: &mut DbConnection, group_id: &PolicyGroupId) -> QueryResult<Vec<Policy>> {
    load_as::<PolicyRow, _, _>(
        conn,
        auth_policy::table
            .filter(auth_policy::policy_group_id.eq(group_id.as_str()))
            .order((auth_policy::cr_dtimes.asc(), auth_policy::id.asc())),
    )
}

/// The active (published, not deleted) policies of a group, oldest first.
pub fn active_policies_of_group(conn: &mut DbConnection, group_id: &PolicyGroupId) -> QueryResult<Vec<Policy>> {
    load_as::<PolicyRow, _, _>(
        conn,
        auth_policy::table
            .filter(auth_policy::policy_group_id.eq(group_id.as_str()))
            .filter(auth_policy::is_active.eq(true))
            .filter(auth_policy::is_deleted.eq(false))
            .order((auth_policy::cr_dtimes.asc(), auth_policy::id.asc())),
    )
}

pub fn has_active_policies(conn: &mut DbConnection, group_id: &PolicyGroupId) -> QueryResult<bool> {
    let n: i64 = auth_policy::table
        .filter(auth_policy::policy_group_id.eq(group_id.as_str()))
        .filter(auth_policy::is_active.eq(true))
        .filter(auth_policy::is_deleted.eq(false))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The policies of `ids` (in no particular order; missing ids are skipped).
pub fn policies_by_ids(conn: &mut DbConnection, ids: &[PolicyId]) -> QueryResult<Vec<Policy>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    load_as::<PolicyRow, _, _>(conn, auth_policy::table.filter(auth_policy::id.eq_any(ids.iter().map(|i| i.as_str()))))
}

// ---- API keys (read only)

/// True when `partner_id` holds an active API key for `policy_id`.
pub fn partner_has_active_key(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
) -> QueryResult<bool> {
    let n: i64 = partner_policy::table
        .filter(partner_policy::part_id.eq(partner_id.as_str()))
        .filter(partner_policy::policy_id.eq(policy_id.as_str()))
        .filter(partner_policy::is_active.eq(true))
        .filter(partner_policy::is_deleted.eq(false))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// True when any active API key was issued for `policy_id`.
pub fn policy_has_active_keys(conn: &mut DbConnection, policy_id: &PolicyId) -> QueryResult<bool> {
    let n: i64 = partner_policy::table
        .filter(partner_policy::policy_id.eq(policy_id.as_str()))
        .filter(partner_policy::is_active.eq(true))
        .filter(partner_policy::is_deleted.eq(false))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

pub(crate) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}
