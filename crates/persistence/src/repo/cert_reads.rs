//! MOSIP 1.2.2's certificate reads: a partner with its uploaded certificate
//! (`GET /partners/{partnerId}/certificate-data`, `GET /partners/partner-certificates-details`,
//! `GET /admin-partners/{partnerId}`), and the CA/intermediate certificates of the trust store
//! (`GET /trust-chain-certificates`), filtered, sorted, counted and paged in SQL.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::counting::{Paging, count_up_to};
use crate::connection::DbConnection;
use crate::schema::{ca_cert_store, partner, partner_cert_store, policy_group, signing_key};

/// A partner as the certificate reads see it, with its last uploaded certificate (when its
/// alias names a stored one).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PartnerCertView {
    pub id: String,
    pub partner_type: String,
    pub name: String,
    pub email_id: Option<String>,
    pub contact_no: Option<String>,
    pub approval_status: String,
    pub is_active: bool,
    pub cr_dtimes: NaiveDateTime,
    pub policy_group_id: Option<String>,
    /// The group's name and description, when the group exists.
    pub policy_group_name: Option<String>,
    pub policy_group_description: Option<String>,
    pub certificate_alias: Option<String>,
    /// The certificate the partner uploaded (PEM), when stored.
    pub ca_signed_cert: Option<String>,
    /// That certificate as re-signed by the service (PEM), when stored.
    pub mosip_signed_cert: Option<String>,
}

/// The partner view, its filter left to the caller.
macro_rules! partner_views {
    () => {
        partner::table
            .left_join(policy_group::table.on(policy_group::id.nullable().eq(partner::policy_group_id)))
            .left_join(
                partner_cert_store::table.on(partner_cert_store::cert_id
                    .nullable()
                    .eq(partner::certificate_alias)
                    .and(partner_cert_store::is_deleted.eq(false))),
            )
            .filter(partner::is_deleted.eq(false))
            .select((
                partner::id,
                partner::partner_type_code,
                partner::name,
                partner::email_id,
                partner::contact_no,
                partner::approval_status,
                partner::is_active,
                partner::cr_dtimes,
                partner::policy_group_id,
                policy_group::name.nullable(),
                policy_group::descr.nullable(),
                partner::certificate_alias,
                partner_cert_store::cert_data.nullable(),
                partner_cert_store::signed_cert_data.nullable(),
            ))
    };
}

/// The partner `id`, if it exists.
pub fn partner_view(conn: &mut DbConnection, id: &str) -> QueryResult<Option<PartnerCertView>> {
    partner_views!().filter(partner::id.eq(id)).first(conn).optional()
}

/// The partners of `user_id`, in id order.
pub fn partner_views_of_user(conn: &mut DbConnection, user_id: &str) -> QueryResult<Vec<PartnerCertView>> {
    partner_views!().filter(partner::user_id.eq(user_id)).order(partner::id.asc()).load(conn)
}

/// The columns the trust-certificate list sorts by (MOSIP's `caCertificateType`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustSortKey {
    CaCertificateType,
    CertificateId,
    PartnerDomain,
    IssuedTo,
    IssuedBy,
    ValidFrom,
    ValidTill,
    UploadedDateTime,
}

/// The trust list's filters: `ca_cert_type` and `partner_domain` exactly (upper case), the
/// others a case-insensitive substring; `expiring_between`: still valid at the first time and
/// no longer after the second; `excluded_thumbprints`: the service's own certificates.
#[derive(Debug, Clone, Default)]
pub struct TrustFilter {
    pub ca_cert_type: Option<String>,
    pub partner_domain: Option<String>,
    pub certificate_id: Option<String>,
    pub issued_to: Option<String>,
    pub issued_by: Option<String>,
    pub expiring_between: Option<(NaiveDateTime, NaiveDateTime)>,
    pub excluded_thumbprints: Vec<String>,
}

/// One line of the trust list.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct TrustSummaryRow {
    pub ca_cert_type: String,
    pub cert_id: String,
    pub partner_domain: String,
    pub cert_subject: String,
    pub cert_issuer: String,
    pub cert_thumbprint: String,
    pub cert_not_before: NaiveDateTime,
    pub cert_not_after: NaiveDateTime,
    pub cr_dtimes: NaiveDateTime,
}

fn filtered(f: &TrustFilter) -> ca_cert_store::BoxedQuery<'static, crate::connection::MultiBackend> {
    let mut q = ca_cert_store::table.filter(ca_cert_store::is_deleted.eq(false)).into_boxed();
    if let Some(v) = &f.ca_cert_type {
        q = q.filter(ca_cert_store::ca_cert_type.eq(v.clone()));
    }
    if let Some(v) = &f.partner_domain {
        q = q.filter(ca_cert_store::partner_domain.eq(v.clone()));
    }
    contains!(q, &f.certificate_id, ca_cert_store::cert_id.nullable());
    contains!(q, &f.issued_to, ca_cert_store::cert_subject.nullable());
    contains!(q, &f.issued_by, ca_cert_store::cert_issuer.nullable());
    if let Some((from, until)) = f.expiring_between {
        q = q.filter(ca_cert_store::cert_not_after.ge(from)).filter(ca_cert_store::cert_not_after.le(until));
    }
    if !f.excluded_thumbprints.is_empty() {
        q = q.filter(ca_cert_store::cert_thumbprint.ne_all(f.excluded_thumbprints.clone()));
    }
    q
}

/// The page of CA certificates matching `filter` (`sort`: the key and whether descending;
/// oldest upload first without one) at `offset`, at most `limit`, and how many match in all (at
/// most `count_limit`).
pub fn trust_summaries(
    conn: &mut DbConnection,
    filter: &TrustFilter,
    sort: Option<(TrustSortKey, bool)>,
    paging: Paging,
) -> QueryResult<(Vec<TrustSummaryRow>, i64)> {
    use TrustSortKey as K;
    use ca_cert_store as c;
    let total = count_up_to(filtered(filter), paging, conn)?;
    let q = filtered(filter);
    let (key, desc) = sort.unwrap_or((K::UploadedDateTime, false));
    let q = match (key, desc) {
        (K::CaCertificateType, false) => q.order(c::ca_cert_type.asc()),
        (K::CaCertificateType, true) => q.order(c::ca_cert_type.desc()),
        (K::CertificateId, false) => q.order(c::cert_id.asc()),
        (K::CertificateId, true) => q.order(c::cert_id.desc()),
        (K::PartnerDomain, false) => q.order(c::partner_domain.asc()),
        (K::PartnerDomain, true) => q.order(c::partner_domain.desc()),
        (K::IssuedTo, false) => q.order(c::cert_subject.asc()),
        (K::IssuedTo, true) => q.order(c::cert_subject.desc()),
        (K::IssuedBy, false) => q.order(c::cert_issuer.asc()),
        (K::IssuedBy, true) => q.order(c::cert_issuer.desc()),
        (K::ValidFrom, false) => q.order(c::cert_not_before.asc()),
        (K::ValidFrom, true) => q.order(c::cert_not_before.desc()),
        (K::ValidTill, false) => q.order(c::cert_not_after.asc()),
        (K::ValidTill, true) => q.order(c::cert_not_after.desc()),
        (K::UploadedDateTime, false) => q.order(c::cr_dtimes.asc()),
        (K::UploadedDateTime, true) => q.order(c::cr_dtimes.desc()),
    };
    let rows = q
        .then_order_by(c::cert_id.asc())
        .select((
            c::ca_cert_type,
            c::cert_id,
            c::partner_domain,
            c::cert_subject,
            c::cert_issuer,
            c::cert_thumbprint,
            c::cert_not_before,
            c::cert_not_after,
            c::cr_dtimes,
        ))
        .offset(paging.offset)
        .limit(paging.limit)
        .load(conn)?;
    Ok((rows, total))
}

/// A CA certificate of the trust store: its PEM and the id of the certificate that issued it
/// (its own for a root).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct TrustLink {
    pub cert_id: String,
    pub cert_data: String,
    pub issuer_id: String,
}

/// The CA certificate `cert_id`, if stored.
pub fn trust_link(conn: &mut DbConnection, cert_id: &str) -> QueryResult<Option<TrustLink>> {
    ca_cert_store::table
        .filter(ca_cert_store::cert_id.eq(cert_id))
        .filter(ca_cert_store::is_deleted.eq(false))
        .select((ca_cert_store::cert_id, ca_cert_store::cert_data, ca_cert_store::issuer_id))
        .first(conn)
        .optional()
}

/// The certificates (PEM) of the service's own signing keys (ROOT and PMS).
pub fn service_certificates(conn: &mut DbConnection) -> QueryResult<Vec<String>> {
    signing_key::table.select(signing_key::certificate).order(signing_key::key_id.asc()).load(conn)
}
