//! `/v1/partnermanager/partners/certificate/**` and `/partners/{partnerId}/certificate`: the
//! handlers of `partner_app::certificates`.

use actix_web::web;
use partner_app::certificates::{
    self as certificates, CaCertificateRequest, CaCertificateResponse, CertificateConfig, CertificateDataResponse,
    PartnerCertificateRequest, PartnerCertificateResponse,
};
use rand_core::OsRng;
use web_support::openapi::Registrar;
use web_support::{Answer, Db, Principal, Reply};

use partner_app::roles;

/// The certificate routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.post("/partners/certificate/ca/upload", upload_ca_certificate)
        .post("/partners/certificate/upload", upload_partner_certificate)
        .get("/partners/{partnerId}/certificate", get_partner_certificate);
}

web_support::enveloped! {
    /// P9: upload CA / sub-CA certificates (one PEM, or a PKCS#7 bundle) into a domain's trust store.
    pub fn upload_ca_certificate(CaCertificateRequest, cfg: CertificateConfig) -> CaCertificateResponse;
    roles::CERT_CA_UPLOAD, |store, principal, request| certificates::upload_ca(store, principal, &cfg, request);

    /// P10: upload a partner's certificate: checked against the domain's CAs, re-signed by the
    /// service, and the partner becomes active and approved.
    pub fn upload_partner_certificate(PartnerCertificateRequest, cfg: CertificateConfig) -> PartnerCertificateResponse;
    roles::CERT_UPLOAD, |store, principal, request| certificates::upload_partner(store, principal, &cfg, request, &mut OsRng);
}

/// P11: the partner's certificate as re-signed by the service.
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn get_partner_certificate(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Answer<CertificateDataResponse> {
    principal.require_any(roles::CERT_READ)?;
    principal.require_self_or_admin(&path)?;
    Ok(Reply::ok(db.call(move |store| certificates::partner_certificate(store, &principal, &path)).await?))
}
