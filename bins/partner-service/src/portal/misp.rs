//! MISP pages, over misp-license-service's HTTP API (`portal.misp_url`) with the signed-in
//! user's token: admins approve, reject, activate and deactivate MISPs and switch their licence
//! keys (MOSIP 1.1 API); a MISP partner sees, generates and downloads its licence key (MOSIP 1.2).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use serde_json::{Value, json};
use web_support::{ApiError, ErrorItem};

use super::admin::with_roles;
use super::api::{self, Refusal};
use super::ctx::{Ctx, Flash, PortalConfig};
use super::forms;
use super::partner::{flat, signed_in};
use super::view::{self, badge};

/// `PMS_POR_003`: misp-license-service is not configured or not reachable.
pub const MISP_UNAVAILABLE: &str = "PMS_POR_003";

const MISP_API: &str = "/partnermanagement/v1/misps/misps";
const LICENCE_API: &str = "/v1/partnermanager/misps";

/// One call to misp-license-service; the answer's `response`, or its MOSIP errors.
async fn call(req: &HttpRequest, ctx: &Ctx, method: &'static str, path: String, request: Option<Value>) -> api::Answer {
    let cfg = api::data::<PortalConfig>(req)?;
    let base = cfg.misp_url.clone().ok_or_else(|| {
        Refusal::one(
            StatusCode::SERVICE_UNAVAILABLE,
            MISP_UNAVAILABLE,
            "The MISP licence service is not configured for the portal (portal.misp_url).",
        )
    })?;
    let token = ctx.token.clone().ok_or_else(|| Refusal::from(ApiError::unauthenticated("no session")))?;
    let url = format!("{base}{path}");
    let body = request.map(|r| {
        json!({"id": "mosip.partnermanagement.portal", "version": "1.0", "requesttime": web_support::time::mosip_now(), "request": r})
    });
    let cfg = cfg.clone();
    let result = web::block(move || -> Result<(u16, Vec<u8>), String> {
        let auth = format!("Bearer {token}");
        let response = match (method, body) {
            ("GET", _) => cfg.agent.get(&url).header("Authorization", &auth).call(),
            (m, Some(b)) => {
                let builder = match m {
                    "PUT" => cfg.agent.put(&url),
                    "PATCH" => cfg.agent.patch(&url),
                    _ => cfg.agent.post(&url),
                };
                builder.header("Authorization", &auth).send_json(&b)
            }
            (_, None) => cfg.agent.post(&url).header("Authorization", &auth).send_empty(),
        };
        let mut response = response.map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        let bytes = response.body_mut().read_to_vec().map_err(|e| e.to_string())?;
        Ok((status, bytes))
    })
    .await
    .map_err(|e| Refusal::from(ApiError::from(e)))?;
    let (status, bytes) = result.map_err(|e| {
        tracing::warn!(error = %e, "misp-license-service did not answer");
        Refusal::one(
            StatusCode::SERVICE_UNAVAILABLE,
            MISP_UNAVAILABLE,
            "The MISP licence service is not reachable; try again later.",
        )
    })?;
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
    let envelope: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    let errors: Vec<ErrorItem> =
        envelope.get("errors").and_then(|e| serde_json::from_value(e.clone()).ok()).unwrap_or_default();
    if !errors.is_empty() {
        return Err(Refusal { status, errors });
    }
    if !status.is_success() {
        return Err(Refusal::one(status, MISP_UNAVAILABLE, "The MISP licence service could not process the request."));
    }
    Ok(envelope.get("response").cloned().unwrap_or(Value::Null))
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

pub async fn misps(req: HttpRequest) -> HttpResponse {
    let (ctx, _me) = match with_roles(&req, view::ADMIN_ROLES) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let list = call(&req, &ctx, "GET", MISP_API.to_owned(), None).await;
    let body = html! {
        @match &list {
            Ok(Value::Array(items)) if !items.is_empty() => {
                @for item in items {
                    @let m = item.get("misp").cloned().unwrap_or(Value::Null);
                    @let id = text(&m, "id").to_owned();
                    @let action = format!("/portal/admin/misps/{}", view::q(&id));
                    @let active = m.get("isActive").and_then(Value::as_bool).unwrap_or(false);
                    section.card data-misp=(id) {
                        h2 { (text(&m, "name")) " " small.muted { (id) } }
                        dl.facts {
                            dt { "Registration" } dd { (badge(text(&m, "status_code"))) }
                            dt { "Status" } dd { (badge(if active { "Active" } else { "De-Active" })) }
                            dt { "E-mail" } dd { (text(&m, "emailId")) }
                            dt { "Owner" } dd { (text(&m, "userID")) }
                        }
                        @let registration = text(&m, "status_code").to_ascii_lowercase();
                        p.actions {
                            @if registration != "approved" {
                                (view::button_form(&ctx, &action, &[("action", "status"), ("value", "approved")], "Approve", "small"))
                            }
                            @if registration != "rejected" {
                                (view::button_form(&ctx, &action, &[("action", "status"), ("value", "rejected")], "Reject", "small danger"))
                            }
                            @if active {
                                (view::button_form(&ctx, &action, &[("action", "active"), ("value", "de-active")], "Deactivate", "small secondary"))
                            } @else {
                                (view::button_form(&ctx, &action, &[("action", "active"), ("value", "active")], "Activate", "small secondary"))
                            }
                        }
                        @let keys = item.get("misp_licenses").and_then(Value::as_array).cloned().unwrap_or_default();
                        @if !keys.is_empty() {
                            table {
                                thead { tr { th scope="col" { "Licence key" } th scope="col" { "Valid from" } th scope="col" { "Valid to" } th scope="col" { "Status" } th scope="col" { span.sr-only { "Actions" } } } }
                                tbody {
                                    @for k in &keys {
                                        @let key = k.get("mispLicenseUniqueKey").map(|u| text(u, "license_key").to_owned()).unwrap_or_default();
                                        @let on = k.get("isActive").and_then(Value::as_bool).unwrap_or(false);
                                        tr {
                                            td { code.key { (key) } }
                                            td { (text(k, "validFromDate")) }
                                            td { (text(k, "validToDate")) }
                                            td { (badge(if on { "Active" } else { "De-Active" })) }
                                            td {
                                                (view::button_form(&ctx, &action, &[("action", "key"), ("key", &key), ("value", if on { "de-active" } else { "active" })],
                                                    if on { "Switch off" } else { "Switch on" }, "small secondary"))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
            Ok(_) => p.muted { "No MISPs." },
            Err(r) => (view::errors(r)),
        }
    };
    view::page(ctx, "MISPs", body)
}

pub async fn misp_action(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, _me) = match with_roles(&req, view::ADMIN_ROLES) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let id = view::q(&path.into_inner());
    let value = form.get("value").to_owned();
    let result = match form.get("action") {
        "status" => {
            call(&req, &ctx, "PATCH", format!("{MISP_API}/{id}/status"), Some(json!({"mispStatus": value}))).await
        }
        "active" => call(&req, &ctx, "PATCH", format!("{MISP_API}/{id}"), Some(json!({"mispStatus": value}))).await,
        "key" => {
            let request = json!({"mispLicenseKey": form.get("key"), "mispLicenseKeyStatus": value});
            call(&req, &ctx, "PUT", format!("{MISP_API}/{id}/licenseKey"), Some(request)).await
        }
        _ => Err(Refusal::from(ApiError::invalid_field("action", "must be status, active or key"))),
    };
    match result {
        Ok(v) => {
            let m = v.get("message").and_then(Value::as_str).unwrap_or("The MISP is updated.");
            ctx.redirect_with("/portal/admin/misps", Flash::Success(m.to_owned()))
        }
        Err(r) => ctx.redirect_with("/portal/admin/misps", Flash::Error(flat(&r))),
    }
}

/// The MISP partner's licence keys.
pub async fn licence(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let list = call(&req, &ctx, "GET", LICENCE_API.to_owned(), None).await;
    let body = html! {
        section.card #licences {
            @match &list {
                Ok(Value::Array(items)) if !items.is_empty() => {
                    table {
                        thead { tr { th scope="col" { "Licence key" } th scope="col" { "Valid from" } th scope="col" { "Valid to" } th scope="col" { "Status" } } }
                        tbody {
                            @for k in items {
                                tr {
                                    td { code.key { (text(k, "licenseKey")) } }
                                    td { (text(k, "validFromDate")) }
                                    td { (text(k, "validToDate")) }
                                    td { (badge(if k.get("isActive").and_then(Value::as_bool).unwrap_or(false) { "Active" } else { "De-Active" })) }
                                }
                            }
                        }
                    }
                    p { a.button.secondary href="/portal/licence/download" download { "Download the current key" } }
                },
                Ok(_) => p.muted { "No licence key yet." },
                Err(r) => (view::errors(r)),
            }
        }
        @if !matches!(&list, Ok(Value::Array(items)) if !items.is_empty()) {
            section.card {
                h2 { "Generate a licence key" }
                p { "Your first licence key; it is renewed when it expires." }
                form method="post" action="/portal/licence" {
                    (view::csrf(&ctx))
                    input type="hidden" name="providerId" value=(me.user_id);
                    button type="submit" { "Generate" }
                }
            }
        }
    };
    view::page(ctx, "Licence key", body)
}

pub async fn generate_licence(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    if let Err(r) = forms::urlencoded(&ctx, &body) {
        return view::error_page(ctx, &r);
    }
    match call(&req, &ctx, "POST", LICENCE_API.to_owned(), Some(json!({"providerId": me.user_id}))).await {
        Ok(_) => ctx.redirect_with("/portal/licence", Flash::Success("Your licence key is generated.".into())),
        Err(r) => ctx.redirect_with("/portal/licence", Flash::Error(flat(&r))),
    }
}

/// The newest active key as a text file.
pub async fn download_licence(req: HttpRequest) -> HttpResponse {
    let (ctx, _me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let keys = match call(&req, &ctx, "GET", LICENCE_API.to_owned(), None).await {
        Ok(Value::Array(items)) => items,
        Ok(_) => Vec::new(),
        Err(r) => return view::error_page(ctx, &r),
    };
    let active = keys.iter().rev().find(|k| k.get("isActive").and_then(Value::as_bool).unwrap_or(false));
    match active {
        Some(k) => {
            let res = HttpResponse::Ok()
                .content_type("text/plain; charset=utf-8")
                .insert_header(("Content-Disposition", "attachment; filename=\"misp-licence-key.txt\""))
                .body(format!("{}\n", text(k, "licenseKey")));
            ctx.finish(res)
        }
        None => {
            let r = Refusal::one(StatusCode::NOT_FOUND, "PMS_MSP_413", "misp license all are inactive.");
            view::error_page(ctx, &r)
        }
    }
}
