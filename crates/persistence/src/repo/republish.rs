//! What re-publishing the partner events reads: every active API key.

use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::repo::api_key::ApiKeyRow;
use crate::schema::partner_policy;

/// Every active API key, oldest first.
pub fn active_api_keys(conn: &mut DbConnection) -> QueryResult<Vec<ApiKeyRow>> {
    partner_policy::table
        .filter(partner_policy::is_active.eq(true))
        .filter(partner_policy::is_deleted.eq(false))
        .order((partner_policy::cr_dtimes.asc(), partner_policy::policy_api_key.asc()))
        .select(ApiKeyRow::as_select())
        .load(conn)
}
