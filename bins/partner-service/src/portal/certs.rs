//! Certificates: the partner uploads its certificate and sees the stored one's subject and
//! validity; an admin uploads CA and sub-CA certificates. Over the certificate endpoints' handlers.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use partner_domain::certificate::parse;
use serde_json::{Value, json};
use web_support::{Db, Principal, Settings};

use super::api::{self, Refusal};
use super::ctx::Ctx;
use super::forms::Form;
use super::view;
use crate::routes::certificates as routes;

/// The partner domains a certificate may be uploaded for (`certificates.allowed_domains`).
fn domain_options(req: &HttpRequest) -> Vec<(String, String)> {
    let configured = api::data::<Settings>(req).map(|s| s.certificates.allowed_domains.clone()).unwrap_or_default();
    let domains = if configured.is_empty() { vec!["AUTH".to_owned()] } else { configured };
    domains.into_iter().map(|d| (d.clone(), d)).collect()
}

/// The stored certificate of a partner, as shown.
pub struct Stored {
    pub subject: String,
    pub issuer: String,
    pub not_before: String,
    pub not_after: String,
}

/// `PMS_PRT_108` "certificate not uploaded": the partner simply has none yet.
const NOT_UPLOADED: &str = "PMS_PRT_108";

/// The partner's stored certificate (as `GET /partners/{id}/certificate` answers it), read.
async fn stored(req: &HttpRequest, me: &Principal, partner_id: &str) -> Result<Option<Stored>, Refusal> {
    let db = api::data::<Db>(req)?;
    let answer =
        api::answer(routes::get_partner_certificate(me.clone(), db, web::Path::from(partner_id.to_owned())).await)
            .await;
    let value = match answer {
        Ok(v) => v,
        Err(r) if r.errors.iter().any(|e| e.error_code == NOT_UPLOADED) => return Ok(None),
        Err(r) => return Err(r),
    };
    let pem = value.get("certificateData").and_then(Value::as_str).unwrap_or("");
    let cert = parse::pem_certificate(pem).map_err(|e| {
        Refusal::from(web_support::ApiError::internal(format!("stored certificate of {partner_id}: {e}")))
    })?;
    let when = |t: chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M UTC").to_string();
    Ok(Some(Stored {
        subject: cert.subject_dn(),
        issuer: cert.issuer_dn(),
        not_before: when(cert.not_before()),
        not_after: when(cert.not_after()),
    }))
}

pub async fn upload_partner(req: &HttpRequest, me: &Principal, form: &Form) -> Result<String, Refusal> {
    let db = api::data::<Db>(req)?;
    let settings = api::data::<Settings>(req)?;
    let body = api::envelope(json!({
        "partnerId": me.user_id,
        "certificateData": form.get("certificateData"),
        "partnerDomain": form.get("partnerDomain"),
    }))?;
    api::answer(routes::upload_partner_certificate(me.clone(), db, settings, body).await).await?;
    Ok("Your certificate is uploaded.".into())
}

pub async fn upload_ca(req: &HttpRequest, me: &Principal, form: &Form) -> Result<String, Refusal> {
    let db = api::data::<Db>(req)?;
    let settings = api::data::<Settings>(req)?;
    let body = api::envelope(json!({
        "certificateData": form.get("certificateData"),
        "partnerDomain": form.get("partnerDomain"),
    }))?;
    let v = api::answer(routes::upload_ca_certificate(me.clone(), db, settings, body).await).await?;
    Ok(v.get("status").and_then(Value::as_str).unwrap_or("The CA certificate is uploaded.").to_owned())
}

/// One line about a partner's certificate, for the admin's partner page.
pub async fn summary(req: &HttpRequest, me: &Principal, partner_id: &str) -> Markup {
    match stored(req, me, partner_id).await {
        Ok(Some(s)) => html! { (s.subject) br; small.muted { "valid " (s.not_before) " – " (s.not_after) } },
        Ok(None) => html! { "none uploaded" },
        Err(r) => html! { small.muted { (r.errors.first().map_or("", |e| e.message.as_str())) } },
    }
}

fn stored_card(s: &Stored) -> Markup {
    html! {
        dl.facts #certificate {
            dt { "Subject" } dd #cert-subject { (s.subject) }
            dt { "Issuer" } dd { (s.issuer) }
            dt { "Valid from" } dd { (s.not_before) }
            dt { "Valid until" } dd #cert-valid-to { (s.not_after) }
        }
    }
}

pub async fn partner_page(req: &HttpRequest, ctx: Ctx, me: &Principal, refusal: Option<&Refusal>) -> HttpResponse {
    let current = stored(req, me, &me.user_id).await;
    let body = html! {
        section.card {
            h2 { "Your certificate" }
            @match &current {
                Ok(Some(s)) => (stored_card(s)),
                Ok(None) => p.muted { "No certificate uploaded yet." },
                Err(r) => (view::errors(r)),
            }
        }
        section.card {
            h2 { "Upload a certificate" }
            p { "A PEM (Base64) X.509 certificate for your organisation, issued by a CA the administrators have uploaded." }
            @if let Some(r) = refusal { (view::errors(r)) }
            form method="post" action="/portal/certificates" enctype="multipart/form-data" {
                (view::csrf(&ctx))
                (view::select("partnerDomain", "Domain", &domain_options(req), "AUTH", refusal))
                div.field {
                    label for="f-certificate" { "Certificate file" }
                    input #f-certificate type="file" name="certificateData" accept=".pem,.crt,.cer" required;
                }
                button type="submit" { "Upload" }
            }
        }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, "Certificates", r, body),
        None => view::page(ctx, "Certificates", body),
    }
}

pub fn ca_page(req: &HttpRequest, ctx: Ctx, refusal: Option<&Refusal>) -> HttpResponse {
    let body = html! {
        section.card {
            h2 { "Upload a CA or sub-CA certificate" }
            p { "A PEM certificate, or a PKCS#7 bundle of them. Partner certificates must chain to an uploaded root." }
            @if let Some(r) = refusal { (view::errors(r)) }
            form method="post" action="/portal/admin/certificates" enctype="multipart/form-data" {
                (view::csrf(&ctx))
                (view::select("partnerDomain", "Domain", &domain_options(req), "AUTH", refusal))
                div.field {
                    label for="f-certificate" { "Certificate file" }
                    input #f-certificate type="file" name="certificateData" accept=".pem,.crt,.cer,.p7b" required;
                }
                button type="submit" { "Upload" }
            }
        }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, "CA certificates", r, body),
        None => view::page(ctx, "CA certificates", body),
    }
}
