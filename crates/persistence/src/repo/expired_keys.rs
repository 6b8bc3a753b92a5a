//! The API keys and MISP licence keys still switched on past their expiry, which the
//! `expired_keys` job switches off.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConnection;
use crate::repo::api_key::ApiKeyRow;
use crate::repo::misp_license::LicenseRow;
use crate::schema::{misp_license, partner_policy};

/// API keys still switched on whose expiry is at or before `now`.
pub fn expired_api_keys(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Vec<ApiKeyRow>> {
    use partner_policy as k;
    k::table
        .filter(k::is_active.eq(true).and(k::is_deleted.eq(false)))
        .filter(k::valid_to_datetime.le(now))
        .order((k::valid_to_datetime.asc(), k::policy_api_key.asc()))
        .select(ApiKeyRow::as_select())
        .load(conn)
}

/// MISP licence keys still switched on whose expiry is at or before `now`.
pub fn expired_licenses(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Vec<LicenseRow>> {
    use misp_license as l;
    l::table
        .filter(l::is_active.eq(true).and(l::is_deleted.eq(false)))
        .filter(l::valid_to_date.le(now))
        .order((l::valid_to_date.asc(), l::license_key.asc()))
        .select(LicenseRow::as_select())
        .load(conn)
}

/// Switches the licence `key` of `misp_id` off unless it already is; the rows changed (0: it
/// was switched off meanwhile).
pub fn switch_off_license(
    conn: &mut DbConnection,
    misp_id: &str,
    key: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    use misp_license as l;
    diesel::update(l::table.find((misp_id, key)).filter(l::is_active.eq(true)))
        .set((l::is_active.eq(false), l::upd_by.eq(Some(by)), l::upd_dtimes.eq(Some(now))))
        .execute(conn)
}
