//! Certificates: the CA store per partner domain, uploaded partner certificates, the service's
//! own signing keys, and the few partner reads and writes the certificate upload needs.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use partner_domain::PartnerId;

use crate::connection::DbConnection;
use crate::repo::first_row;
use crate::schema::{ca_cert_store, partner, partner_cert_store, partner_type, signing_key};

mosip_row! {
    /// One row of `ca_cert_store`.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = ca_cert_store)]
    pub struct CaCertRow {
        pub cert_id: String,
        pub cert_subject: String,
        pub cert_issuer: String,
        pub issuer_id: String,
        pub cert_not_before: NaiveDateTime,
        pub cert_not_after: NaiveDateTime,
        pub crl_uri: Option<String>,
        pub cert_data: String,
        pub cert_thumbprint: String,
        pub cert_serial_no: String,
        pub partner_domain: String,
        /// `ROOT` (self-signed: a trust anchor) or `INTERMEDIATE`.
        pub ca_cert_type: String,
    }
}

/// Every CA certificate of `domain`, whatever its dates, oldest first.
pub fn ca_certificates(conn: &mut DbConnection, domain: &str) -> QueryResult<Vec<CaCertRow>> {
    ca_cert_store::table
        .filter(ca_cert_store::partner_domain.eq(domain))
        .filter(ca_cert_store::is_deleted.eq(false))
        .order((ca_cert_store::cr_dtimes.asc(), ca_cert_store::cert_id.asc()))
        .select(CaCertRow::as_select())
        .load(conn)
}

/// Stores a CA certificate; a (thumbprint, domain) pair already stored is a unique violation.
pub fn insert_ca_certificate(conn: &mut DbConnection, row: &CaCertRow) -> QueryResult<usize> {
    diesel::insert_into(ca_cert_store::table).values(row).execute(conn)
}

/// Stores a CA certificate unless its (thumbprint, domain) is already stored, also when a
/// concurrent transaction stored it first (the insert runs in a savepoint, so losing that race
/// does not abort the caller's transaction). Returns whether this call stored it.
pub fn insert_ca_certificate_if_absent(conn: &mut DbConnection, row: &CaCertRow) -> QueryResult<bool> {
    if ca_certificate_exists(conn, &row.cert_thumbprint, &row.partner_domain)? {
        return Ok(false);
    }
    match conn.transaction(|c| insert_ca_certificate(c, row)) {
        Ok(_) => Ok(true),
        Err(e) if crate::is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether `thumbprint` is stored for `domain`.
pub fn ca_certificate_exists(conn: &mut DbConnection, thumbprint: &str, domain: &str) -> QueryResult<bool> {
    let n: i64 = ca_cert_store::table
        .filter(ca_cert_store::cert_thumbprint.eq(thumbprint))
        .filter(ca_cert_store::partner_domain.eq(domain))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

mosip_row! {
    /// One row of `partner_cert_store`.
    #[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
    #[diesel(table_name = partner_cert_store)]
    pub struct PartnerCertRow {
        pub cert_id: String,
        pub partner_id: String,
        pub cert_subject: String,
        pub cert_issuer: String,
        pub issuer_id: String,
        pub cert_not_before: NaiveDateTime,
        pub cert_not_after: NaiveDateTime,
        pub partner_domain: String,
        /// The uploaded certificate (PEM).
        pub cert_data: String,
        /// The certificate re-signed by the service (PEM).
        pub signed_cert_data: String,
        /// The PKCS#7 chain answered at upload (URL-safe base64).
        pub signed_cert_chain: String,
        pub key_usage: String,
        pub organization_name: String,
        pub cert_thumbprint: String,
        pub cert_serial_no: String,
    }
}

pub fn insert_partner_certificate(conn: &mut DbConnection, row: &PartnerCertRow) -> QueryResult<usize> {
    diesel::insert_into(partner_cert_store::table).values(row).execute(conn)
}

pub fn partner_certificate(conn: &mut DbConnection, cert_id: &str) -> QueryResult<Option<PartnerCertRow>> {
    first_row(conn, partner_cert_store::table.find(cert_id).filter(partner_cert_store::is_deleted.eq(false)))
}

/// What the certificate upload reads of a partner.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct CertificatePartner {
    pub id: String,
    pub name: String,
    pub partner_type_code: String,
    pub policy_group_id: Option<String>,
    pub approval_status: String,
    pub is_active: bool,
    pub certificate_alias: Option<String>,
    /// The type's `is_policy_required`; `None` when the type row is missing.
    pub policy_required: Option<bool>,
}

pub fn partner(conn: &mut DbConnection, partner_id: &PartnerId) -> QueryResult<Option<CertificatePartner>> {
    partner::table
        .left_join(partner_type::table)
        .filter(partner::id.eq(partner_id.as_str()))
        .select((
            partner::id,
            partner::name,
            partner::partner_type_code,
            partner::policy_group_id,
            partner::approval_status,
            partner::is_active,
            partner::certificate_alias,
            partner_type::is_policy_required.nullable(),
        ))
        .first(conn)
        .optional()
}

/// After a successful upload: the partner's certificate alias, active and approved (as MOSIP's
/// PMS does). Returns the number of rows changed.
pub fn mark_certificate_uploaded(
    conn: &mut DbConnection,
    partner_id: &PartnerId,
    cert_id: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(partner::table.find(partner_id.as_str()))
        .set((
            partner::certificate_alias.eq(cert_id),
            partner::is_active.eq(true),
            partner::approval_status.eq("approved"),
            partner::upd_by.eq(by),
            partner::upd_dtimes.eq(now),
        ))
        .execute(conn)
}

/// One of the service's own keys (its `Debug` leaves the private key out).
#[derive(Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = signing_key)]
pub struct SigningKeyRow {
    pub key_id: String,
    /// `ROOT` or `PMS`.
    pub app_id: String,
    /// The key that signed this one's certificate (none for a root).
    pub issuer_key_id: Option<String>,
    /// PKCS#8 PEM, sealed under the key-encryption key (`enc:v1:…`) when one is configured,
    /// else in clear.
    pub private_key: String,
    pub certificate: String,
    pub not_before: NaiveDateTime,
    pub not_after: NaiveDateTime,
    pub cr_by: String,
    pub cr_dtimes: NaiveDateTime,
}

impl std::fmt::Debug for SigningKeyRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SigningKeyRow")
            .field("key_id", &self.key_id)
            .field("app_id", &self.app_id)
            .field("issuer_key_id", &self.issuer_key_id)
            .field("private_key", &"[REDACTED]")
            .field("not_before", &self.not_before)
            .field("not_after", &self.not_after)
            .finish_non_exhaustive()
    }
}

/// The key of `app_id` that stays valid the longest, if it is valid from before `now` until after
/// `valid_until`.
pub fn current_signing_key(
    conn: &mut DbConnection,
    app_id: &str,
    now: NaiveDateTime,
    valid_until: NaiveDateTime,
) -> QueryResult<Option<SigningKeyRow>> {
    first_row(
        conn,
        signing_key::table
            .filter(signing_key::app_id.eq(app_id))
            .filter(signing_key::not_before.le(now))
            .filter(signing_key::not_after.ge(valid_until))
            .order((signing_key::not_after.desc(), signing_key::key_id.asc())),
    )
}

pub fn insert_signing_key(conn: &mut DbConnection, row: &SigningKeyRow) -> QueryResult<usize> {
    diesel::insert_into(signing_key::table).values(row).execute(conn)
}

pub fn signing_key(conn: &mut DbConnection, key_id: &str) -> QueryResult<Option<SigningKeyRow>> {
    first_row(conn, signing_key::table.find(key_id))
}

/// Every stored key (id and stored private key), for sealing and rotation; with `lock`, locks
/// the rows on PostgreSQL so that two replicas starting together re-seal them one after the other.
pub fn signing_key_secrets(conn: &mut DbConnection, lock: bool) -> QueryResult<Vec<(String, String)>> {
    let query =
        signing_key::table.select((signing_key::key_id, signing_key::private_key)).order(signing_key::key_id.asc());
    match conn {
        DbConnection::Postgres(c) if lock => query.for_update().load(c),
        DbConnection::Postgres(c) => query.load(c),
        DbConnection::Sqlite(c) => query.load(c),
    }
}

/// Replaces the stored private key of `key_id` (sealed anew); returns the rows changed.
pub fn set_signing_key_secret(conn: &mut DbConnection, key_id: &str, private_key: &str) -> QueryResult<usize> {
    diesel::update(signing_key::table.find(key_id)).set(signing_key::private_key.eq(private_key)).execute(conn)
}
