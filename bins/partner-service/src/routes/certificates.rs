//! `/v1/partnermanager/partners/certificate/**` and `/partners/{partnerId}/certificate`: the
//! handlers of `partner_app::certificates`.

use actix_web::web;
use partner_app::certificates::{
    self as certificates, CaCertificateRequest, CaCertificateResponse, CertificateConfig, CertificateDataResponse,
    PartnerCertificateRequest, PartnerCertificateResponse,
};
use rand_core::OsRng;
use web_support::openapi::Registrar;
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// The certificate routes (relative to `/v1/partnermanager`).
pub fn register(r: &mut Registrar<'_>) {
    r.post("/partners/certificate/ca/upload", upload_ca_certificate)
        .post("/partners/certificate/upload", upload_partner_certificate)
        .get("/partners/{partnerId}/certificate", get_partner_certificate);
}

/// P9: upload CA / sub-CA certificates (one PEM, or a PKCS#7 bundle) into a domain's trust store.
#[tracing::instrument(skip_all)]
pub async fn upload_ca_certificate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<CertificateConfig>,
    body: Envelope<CaCertificateRequest>,
) -> Answer<CaCertificateResponse> {
    principal.require_any(roles::CERT_CA_UPLOAD)?;
    let request = body.request()?;
    Ok(Reply::ok(db.call(move |store| certificates::upload_ca(store, &principal, &cfg, request)).await?))
}

/// P10: upload a partner's certificate: checked against the domain's CAs, re-signed by the
/// service, and the partner becomes active and approved.
#[tracing::instrument(skip_all)]
pub async fn upload_partner_certificate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<CertificateConfig>,
    body: Envelope<PartnerCertificateRequest>,
) -> Answer<PartnerCertificateResponse> {
    principal.require_any(roles::CERT_UPLOAD)?;
    let request = body.request()?;
    let out = db.call(move |store| certificates::upload_partner(store, &principal, &cfg, request, &mut OsRng)).await?;
    Ok(Reply::ok(out))
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
