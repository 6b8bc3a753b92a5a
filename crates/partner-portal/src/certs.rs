//! Certificates: the partner uploads its certificate and sees the stored one's subject and
//! validity; an admin uploads CA and sub-CA certificates. Over `partner_app::certificates`.

use actix_web::{HttpRequest, HttpResponse};
use maud::{Markup, html};
use partner_app::certificates::{self, CaCertificateRequest, CertificateConfig, PartnerCertificateRequest};
use partner_app::roles;
use partner_domain::certificate::parse;
use rand_core::OsRng;
use web_support::{ApiError, Db, Principal};

use crate::api::{self, Refusal};
use crate::ctx::Ctx;
use crate::forms::Form;
use crate::i18n::t;
use crate::view;

/// The partner domains a certificate may be uploaded for (`certificates.allowed_domains`).
fn domain_options(req: &HttpRequest) -> Vec<(String, String)> {
    let configured = api::data::<CertificateConfig>(req).map(|c| c.allowed_domains.clone()).unwrap_or_default();
    let domains = if configured.is_empty() { vec!["AUTH".to_owned()] } else { configured };
    domains.into_iter().map(|d| (d.clone(), d)).collect()
}

/// The stored certificate of a partner, as shown.
pub struct Stored {
    pub subject: String,
    pub issuer: String,
    pub not_before: String,
    pub not_after: String,
    /// "expires in N days" / "expired", at the store's clock.
    pub expiry: String,
}

/// `PMS_PRT_108` "certificate not uploaded": the partner simply has none yet.
const NOT_UPLOADED: &str = "PMS_PRT_108";

/// MOSIP's codes for data that is not a certificate at all (blank or unparsable bundle,
/// not PEM, not base64).
const NOT_A_CERTIFICATE: &[&str] = &["KER-PCM-001", "KER-KMS-013", "KER-CRY-003"];

/// A refusal of an upload in plain words when the file is not a certificate (MOSIP's code kept).
fn readable(r: Refusal) -> Refusal {
    match r.errors.first() {
        Some(e) if r.errors.len() == 1 && NOT_A_CERTIFICATE.contains(&e.error_code.as_str()) => {
            Refusal::one(r.status, &e.error_code, t!("error-KER-PCM-001"))
        }
        _ => r,
    }
}

/// The partner's stored certificate (as `GET /partners/{id}/certificate` answers it), read.
async fn stored(req: &HttpRequest, me: &Principal, partner_id: &str) -> Result<Option<Stored>, Refusal> {
    me.require_any(roles::CERT_READ)?;
    me.require_self_or_admin(partner_id)?;
    let db = api::data::<Db>(req)?;
    let (me, id) = (me.clone(), partner_id.to_owned());
    let answer =
        match db.call(move |store| Ok((certificates::partner_certificate(store, &me, &id)?, store.now()))).await {
            Ok(answer) => answer,
            Err(e) if e.code() == NOT_UPLOADED => return Ok(None),
            Err(e) => return Err(e.into()),
        };
    let (answer, now) = answer;
    let cert = parse::pem_certificate(&answer.certificate_data)
        .map_err(|e| Refusal::from(ApiError::internal(format!("stored certificate of {partner_id}: {e}"))))?;
    let when = view::when;
    Ok(Some(Stored {
        expiry: view::expiry_words(cert.not_after(), now),
        subject: cert.subject_dn(),
        issuer: cert.issuer_dn(),
        not_before: when(cert.not_before()),
        not_after: when(cert.not_after()),
    }))
}

pub async fn upload_partner(req: &HttpRequest, me: &Principal, form: &Form) -> Result<String, Refusal> {
    me.require_any(roles::CERT_UPLOAD)?;
    let db = api::data::<Db>(req)?;
    let cfg = api::data::<CertificateConfig>(req)?;
    let request = PartnerCertificateRequest {
        partner_id: Some(me.user_id.clone()),
        certificate_data: Some(form.get("certificateData").to_owned()),
        partner_domain: Some(form.get("partnerDomain").to_owned()),
    };
    let me = me.clone();
    db.call(move |store| certificates::upload_partner(store, &me, &cfg, request, &mut OsRng))
        .await
        .map_err(|e| readable(e.into()))?;
    Ok(t!("certs-your-certificate-is-uploaded"))
}

pub async fn upload_ca(req: &HttpRequest, me: &Principal, form: &Form) -> Result<String, Refusal> {
    me.require_any(roles::CERT_CA_UPLOAD)?;
    let db = api::data::<Db>(req)?;
    let cfg = api::data::<CertificateConfig>(req)?;
    let request = CaCertificateRequest {
        certificate_data: Some(form.get("certificateData").to_owned()),
        partner_domain: Some(form.get("partnerDomain").to_owned()),
    };
    let me = me.clone();
    db.call(move |store| certificates::upload_ca(store, &me, &cfg, request)).await.map_err(|e| readable(e.into()))?;
    Ok(t!("certs-ca-uploaded"))
}

/// One line about a partner's certificate, for the admin's partner page (a failed read: its
/// error, not "none uploaded").
pub async fn summary(req: &HttpRequest, me: &Principal, partner_id: &str) -> Markup {
    match stored(req, me, partner_id).await {
        Ok(Some(s)) => {
            html! { (s.subject) br; small.muted { (t!("certs-validity", from = s.not_before.clone(), to = s.not_after.clone(), expiry = s.expiry.clone())) } }
        }
        Ok(None) => html! { (t!("certs-none-uploaded")) },
        Err(r) => view::errors(&r),
    }
}

fn stored_card(s: &Stored) -> Markup {
    html! {
        dl.facts #certificate {
            dt { (t!("certs-subject")) } dd #cert-subject { (s.subject) }
            dt { (t!("certs-issuer")) } dd { (s.issuer) }
            dt { (t!("certs-valid-from")) } dd { (s.not_before) }
            dt { (t!("trust-valid-until")) } dd #cert-valid-to { (s.not_after) " " small.expiry { "(" (s.expiry) ")" } }
        }
    }
}

pub async fn partner_page(req: &HttpRequest, ctx: Ctx, me: &Principal, refusal: Option<&Refusal>) -> HttpResponse {
    let current = stored(req, me, &me.user_id).await;
    let body = html! {
        section.card {
            h2 { (t!("certs-your-certificate")) }
            @match &current {
                Ok(Some(s)) => (stored_card(s)),
                Ok(None) => p.muted { (t!("certs-no-certificate-uploaded-yet")) },
                Err(r) => (view::errors(r)),
            }
        }
        section.card {
            h2 { (t!("certs-upload-a-certificate")) }
            p { (t!("certs-a-pem-base64-x-509")) }
            (upload_form(req, &ctx, "/portal/certificates", ".pem,.crt,.cer", refusal))
        }
    };
    view::form_page(ctx, &t!("nav-certificates"), refusal, None, body)
}

/// The certificate upload form (with its refusal) posting to `action`.
fn upload_form(req: &HttpRequest, ctx: &Ctx, action: &str, accept: &str, refusal: Option<&Refusal>) -> Markup {
    html! {
        @if let Some(r) = refusal { (view::errors(r)) }
        form method="post" action=(action) enctype="multipart/form-data" {
            (view::csrf(ctx))
            (view::select("partnerDomain", &t!("trust-domain"), &domain_options(req), "AUTH", refusal))
            div.field {
                label for="f-certificate" { (t!("certs-certificate-file")) }
                input #f-certificate type="file" name="certificateData" accept=(accept) required;
            }
            button type="submit" { (t!("certs-upload")) }
        }
    }
}

/// The upload page of CA certificates, above the `list` of those uploaded.
pub fn ca_page(
    req: &HttpRequest,
    ctx: Ctx,
    list: Markup,
    failed: Option<&Refusal>,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let body = html! {
        section.card {
            h2 { (t!("certs-upload-a-ca-or-sub")) }
            p { (t!("certs-a-pem-certificate-or-a")) }
            (upload_form(req, &ctx, "/portal/admin/certificates", ".pem,.crt,.cer,.p7b", refusal))
        }
        (list)
    };
    view::form_page(ctx, &t!("nav-ca-certificates"), refusal, failed, body)
}
