//! API keys (`partner_policy`): one row per key of a partner for a policy. The key is the
//! primary key; `uk_ppol_label` keeps labels unique per partner and policy.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::{ApiKey, PartnerId};
use policy_domain::PolicyId;

use crate::connection::DbConnection;
use crate::error::is_unique_violation;
use crate::repo::first_row;
use crate::schema::partner_policy;

mosip_row! {
    /// A `partner_policy` row.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = partner_policy)]
    pub struct ApiKeyRow {
        pub policy_api_key: String,
        pub part_id: String,
        pub policy_id: String,
        pub valid_from_datetime: NaiveDateTime,
        pub valid_to_datetime: Option<NaiveDateTime>,
        pub is_active: bool,
        pub label: String,
    }
}

/// Why a key could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum StoreKeyError {
    /// The label is taken for this partner and policy (a concurrent request won).
    #[error("label taken")]
    LabelTaken,
    /// The generator produced taken keys again and again: it is not random.
    #[error("no unused key after {0} attempts")]
    NoFreshKey(usize),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

const KEY_ATTEMPTS: usize = 5;

pub fn key_exists(conn: &mut DbConnection, key: &ApiKey) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(partner_policy::table.find(key.as_str()))).get_result(conn)
}

/// Stores `row` under a key from `generate` (a CSPRNG), drawing again while the key is taken.
pub fn insert_fresh(
    conn: &mut DbConnection,
    mut row: ApiKeyRow,
    mut generate: impl FnMut() -> String,
) -> Result<ApiKeyRow, StoreKeyError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let key = ApiKey::new(generate());
        if key_exists(conn, &key)? {
            if attempt >= KEY_ATTEMPTS {
                return Err(StoreKeyError::NoFreshKey(attempt));
            }
            continue;
        }
        row.policy_api_key = key.into_string();
        break;
    }
    match diesel::insert_into(partner_policy::table).values(&row).execute(conn) {
        Ok(_) => Ok(row),
        Err(e) if is_unique_violation(&e) => Err(StoreKeyError::LabelTaken),
        Err(e) => Err(e.into()),
    }
}

pub fn find_by_label(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
    label: &str,
) -> QueryResult<Option<ApiKeyRow>> {
    first_row(
        conn,
        partner_policy::table
            .filter(partner_policy::part_id.eq(partner_id.as_str()))
            .filter(partner_policy::policy_id.eq(policy_id.as_str()))
            .filter(partner_policy::label.eq(label)),
    )
}

/// A partner's key.
pub fn find(conn: &mut DbConnection, partner_id: &PartnerId, key: &ApiKey) -> QueryResult<Option<ApiKeyRow>> {
    first_row(
        conn,
        partner_policy::table
            .filter(partner_policy::policy_api_key.eq(key.as_str()))
            .filter(partner_policy::part_id.eq(partner_id.as_str())),
    )
}

/// A partner's key for a policy.
pub fn find_for_policy(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
    key: &ApiKey,
) -> QueryResult<Option<ApiKeyRow>> {
    first_row(
        conn,
        partner_policy::table
            .filter(partner_policy::policy_api_key.eq(key.as_str()))
            .filter(partner_policy::part_id.eq(partner_id.as_str()))
            .filter(partner_policy::policy_id.eq(policy_id.as_str())),
    )
}

/// A partner's keys for a policy, oldest first, handed to `each` one at a time as the database
/// steps through them: a partner may hold tens of thousands, and a caller that writes them out
/// need not hold them all.
pub fn each_key_of<E: From<diesel::result::Error>>(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    policy_id: &PolicyId,
    mut each: impl FnMut(ApiKeyRow) -> Result<(), E>,
) -> Result<(), E> {
    each_row!(
        conn,
        partner_policy::table
            .filter(partner_policy::part_id.eq(partner_id.as_str()))
            .filter(partner_policy::policy_id.eq(policy_id.as_str()))
            .order((partner_policy::cr_dtimes.asc(), partner_policy::label.asc()))
            .select(ApiKeyRow::as_select()),
        ApiKeyRow,
        each
    );
    Ok(())
}

/// Keys by key, in the order of `keys`.
pub fn find_many(conn: &mut DbConnection, keys: &[ApiKey]) -> QueryResult<Vec<ApiKeyRow>> {
    let rows = partner_policy::table
        .filter(partner_policy::policy_api_key.eq_any(keys.iter().map(|k| k.as_str())))
        .select(ApiKeyRow::as_select())
        .load(conn)?;
    Ok(super::partner::in_order(keys, rows, |r| &r.policy_api_key))
}

/// Switches a key (compare-and-set on its current state).
pub fn set_active(
    conn: &mut DbConnection,
    key: &ApiKey,
    from: bool,
    to: bool,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        partner_policy::table
            .filter(partner_policy::policy_api_key.eq(key.as_str()))
            .filter(partner_policy::is_active.eq(from)),
    )
    .set((
        partner_policy::is_active.eq(to),
        partner_policy::upd_by.eq(Some(by)),
        partner_policy::upd_dtimes.eq(Some(now)),
    ))
    .execute(conn)
}

/// Moves an active key from one policy to another (compare-and-set); a label already used under
/// the new policy is [`StoreKeyError::LabelTaken`].
pub fn remap(
    conn: &mut DbConnection,
    key: &ApiKey,
    from_policy: &PolicyId,
    to_policy: &PolicyId,
    by: &str,
    now: NaiveDateTime,
) -> Result<usize, StoreKeyError> {
    let target = partner_policy::table
        .filter(partner_policy::policy_api_key.eq(key.as_str()))
        .filter(partner_policy::policy_id.eq(from_policy.as_str()))
        .filter(partner_policy::is_active.eq(true));
    match diesel::update(target)
        .set((
            partner_policy::policy_id.eq(to_policy.as_str()),
            partner_policy::upd_by.eq(Some(by)),
            partner_policy::upd_dtimes.eq(Some(now)),
        ))
        .execute(conn)
    {
        Ok(n) => Ok(n),
        Err(e) if is_unique_violation(&e) => Err(StoreKeyError::LabelTaken),
        Err(e) => Err(e.into()),
    }
}
