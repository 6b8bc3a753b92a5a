//! What the expiry jobs look for: certificates expiring in a window (partner certificates and
//! the trust store's root and intermediate ones), and the partner admins told about the trust
//! store.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::DbConnection;
use crate::schema::{ca_cert_store, local_account, partner, partner_cert_store};

/// A certificate about to expire; for a partner certificate, its partner and where to write.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct ExpiringCert {
    pub cert_id: String,
    pub issued_by: String,
    pub issued_to: String,
    pub partner_domain: String,
    pub not_after: NaiveDateTime,
    /// The partner whose certificate it is (none for a root or intermediate certificate).
    pub partner_id: Option<String>,
    pub email: Option<String>,
    pub lang_code: Option<String>,
}

/// The current certificates of active partners expiring after `from` and no later than `to`.
pub fn partner_certs_expiring(
    conn: &mut DbConnection,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<ExpiringCert>> {
    use partner_cert_store as c;
    c::table
        .inner_join(partner::table.on(partner::certificate_alias.eq(c::cert_id.nullable())))
        .filter(c::is_deleted.eq(false))
        .filter(partner::is_active.eq(true).and(partner::is_deleted.eq(false)))
        .filter(c::cert_not_after.gt(from).and(c::cert_not_after.le(to)))
        .order((c::cert_not_after.asc(), c::cert_id.asc()))
        .select((
            c::cert_id,
            c::cert_issuer,
            c::cert_subject,
            c::partner_domain,
            c::cert_not_after,
            partner::id.nullable(),
            partner::email_id,
            partner::lang_code,
        ))
        .load(conn)
}

/// The trust store's certificates of `ca_cert_type` (`ROOT`, `INTERMEDIATE`) expiring after
/// `from` and no later than `to`.
pub fn ca_certs_expiring(
    conn: &mut DbConnection,
    ca_cert_type: &str,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<ExpiringCert>> {
    use ca_cert_store as c;
    c::table
        .filter(c::is_deleted.eq(false).and(c::ca_cert_type.eq(ca_cert_type)))
        .filter(c::cert_not_after.gt(from).and(c::cert_not_after.le(to)))
        .order((c::cert_not_after.asc(), c::cert_id.asc()))
        .select((
            c::cert_id,
            c::cert_issuer,
            c::cert_subject,
            c::partner_domain,
            c::cert_not_after,
            None::<String>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::Text>>(),
            None::<String>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::Text>>(),
            None::<String>.into_sql::<diesel::sql_types::Nullable<diesel::sql_types::Text>>(),
        ))
        .load(conn)
}

/// An active partner: its id, e-mail and language.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Recipient {
    pub partner_id: String,
    pub email: Option<String>,
    pub lang_code: Option<String>,
}

/// The partner admins, as partners: the active partners whose user is an active local account
/// holding `admin_role`, and those named in `also` (the adopter's list, for users of an external
/// identity provider). Sorted by partner id.
pub fn admins(conn: &mut DbConnection, admin_role: &str, also: &[String]) -> QueryResult<Vec<Recipient>> {
    let admin_users: Vec<String> = local_account::table
        .filter(local_account::is_active.eq(true).and(local_account::is_deleted.eq(false)))
        .select((local_account::user_id, local_account::roles))
        .load::<(String, String)>(conn)?
        .into_iter()
        .filter(|(_, roles)| roles.split(',').any(|r| r.trim() == admin_role))
        .map(|(user, _)| user)
        .collect();
    partner::table
        .filter(partner::is_active.eq(true).and(partner::is_deleted.eq(false)))
        .filter(partner::user_id.eq_any(&admin_users).or(partner::id.eq_any(also)))
        .order(partner::id.asc())
        .select((partner::id, partner::email_id, partner::lang_code))
        .load(conn)
}
