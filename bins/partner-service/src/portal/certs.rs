//! Certificates: the partner uploads its certificate and sees the stored one's subject and
//! validity; an admin uploads CA and sub-CA certificates. Over the certificate endpoints' handlers.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use maud::{Markup, html};
use web_support::Principal;

use super::api::Refusal;
use super::ctx::Ctx;
use super::forms::Form;
use super::view;

/// The partner domains a certificate may be uploaded for (MOSIP's keymanager domains).
const DOMAINS: [&str; 3] = ["AUTH", "FTM", "DEVICE"];

fn domain_options() -> Vec<(String, String)> {
    DOMAINS.iter().map(|d| ((*d).to_owned(), (*d).to_owned())).collect()
}

/// The stored certificate of a partner, as shown.
pub struct Stored {
    pub subject: String,
    pub issuer: String,
    pub not_before: String,
    pub not_after: String,
}

async fn stored(_req: &HttpRequest, _me: &Principal, _partner_id: &str) -> Result<Option<Stored>, Refusal> {
    Ok(None)
}

fn unavailable() -> Refusal {
    Refusal::one(StatusCode::SERVICE_UNAVAILABLE, "PMS_POR_004", "Certificate upload is not available yet.")
}

pub async fn upload_partner(_req: &HttpRequest, _me: &Principal, _form: &Form) -> Result<String, Refusal> {
    Err(unavailable())
}

pub async fn upload_ca(_req: &HttpRequest, _me: &Principal, _form: &Form) -> Result<String, Refusal> {
    Err(unavailable())
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
                (view::select("partnerDomain", "Domain", &domain_options(), "AUTH", refusal))
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

pub fn ca_page(ctx: Ctx, _me: &Principal, refusal: Option<&Refusal>) -> HttpResponse {
    let body = html! {
        section.card {
            h2 { "Upload a CA or sub-CA certificate" }
            p { "A PEM certificate, or a PKCS#7 bundle of them. Partner certificates must chain to an uploaded root." }
            @if let Some(r) = refusal { (view::errors(r)) }
            form method="post" action="/portal/admin/certificates" enctype="multipart/form-data" {
                (view::csrf(&ctx))
                (view::select("partnerDomain", "Domain", &domain_options(), "AUTH", refusal))
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
