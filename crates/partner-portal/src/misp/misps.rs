//! `/portal/admin/misps`: every MISP with its licence keys; approve, reject, activate,
//! deactivate, and switch keys on and off (MOSIP 1.1's E7, E2, E5, E6).

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use misp_app::dto::{KeyStatusRequest, MispWithLicenses, StatusRequest};
use misp_app::{MispConfig, keys, misps as misp_ops, status};
use web_support::{ApiError, Principal};

use crate::api::{self, Refusal};
use crate::ctx::Flash;
use crate::session::{or_answer, posted, with_roles};
use crate::view;

/// `PMS_MSP_409`: there is no MISP yet.
const NO_MISPS: &str = "PMS_MSP_409";

/// E7: every MISP with its keys; none is an empty list.
async fn all(req: &HttpRequest, me: &Principal) -> api::Answer<Vec<MispWithLicenses>> {
    let me = me.clone();
    match api::call_with(req, move |store, cfg: &MispConfig| {
        cfg.roles.require_admin(&me)?;
        misp_ops::list(store, &me, cfg)
    })
    .await
    {
        Err(r) if r.errors.len() == 1 && r.errors[0].error_code == NO_MISPS => Ok(Vec::new()),
        answer => answer,
    }
}

pub async fn misps(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, view::ADMIN_ROLES));
    let list = all(&req, &me).await;
    let body = html! {
        @match &list {
            Ok(items) if !items.is_empty() => {
                @for item in items {
                    @let m = &item.misp;
                    @let action = format!("/portal/admin/misps/{}", view::q(&m.id));
                    section.card data-misp=(m.id) {
                        h2 { (m.name) " " small.muted { (m.id) } }
                        dl.facts {
                            dt { "Registration" } dd { (view::badge(m.status_code)) }
                            dt { "Status" } dd { (view::badge(if m.is_active { "Active" } else { "De-Active" })) }
                            dt { "E-mail" } dd { (m.email_id.as_deref().unwrap_or("")) }
                            dt { "Owner" } dd { (m.user_id) }
                        }
                        @let registration = m.status_code.to_ascii_lowercase();
                        p.actions {
                            @if registration != "approved" {
                                (view::button_form(&ctx, &action, &[("action", "status"), ("value", "approved")], "Approve", "small"))
                            }
                            @if registration != "rejected" {
                                (view::button_form(&ctx, &action, &[("action", "status"), ("value", "rejected")], "Reject", "small danger"))
                            }
                            @if m.is_active {
                                (view::button_form(&ctx, &action, &[("action", "active"), ("value", "de-active")], "Deactivate", "small secondary"))
                            } @else {
                                (view::button_form(&ctx, &action, &[("action", "active"), ("value", "active")], "Activate", "small secondary"))
                            }
                        }
                        @if !item.misp_licenses.is_empty() {
                            table {
                                thead { tr { th scope="col" { "Licence key" } th scope="col" { "Valid from" } th scope="col" { "Valid to" } th scope="col" { "Status" } th scope="col" { span.sr-only { "Actions" } } } }
                                tbody {
                                    @for k in &item.misp_licenses {
                                        @let key = k.misp_license_unique_key.license_key.as_str();
                                        tr {
                                            td { code.key { (key) } }
                                            td { (k.valid_from_date) }
                                            td { (k.valid_to_date) }
                                            td { (view::badge(if k.is_active { "Active" } else { "De-Active" })) }
                                            td {
                                                (view::button_form(&ctx, &action, &[("action", "key"), ("key", key), ("value", if k.is_active { "de-active" } else { "active" })],
                                                    if k.is_active { "Switch off" } else { "Switch on" }, "small secondary"))
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
    view::page_partial(ctx, "MISPs", list.as_ref().err(), body)
}

pub async fn misp_action(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(with_roles(&req, view::ADMIN_ROLES), &body));
    let (id, value) = (path.into_inner(), form.get("value").to_owned());
    let result: api::Answer<&'static str> = match form.get("action") {
        "status" => {
            let request = StatusRequest { misp_status: Some(value) };
            api::call_with(&req, move |store, cfg: &MispConfig| {
                cfg.roles.require_admin(&me)?;
                Ok(status::decide(store, &me, cfg, &id, request)?.message)
            })
            .await
        }
        "active" => {
            let request = StatusRequest { misp_status: Some(value) };
            api::call_with(&req, move |store, cfg: &MispConfig| {
                cfg.roles.require_admin(&me)?;
                Ok(status::activate(store, &me, &id, request)?.message)
            })
            .await
        }
        "key" => {
            let request = KeyStatusRequest {
                misp_license_key: Some(form.get("key").to_owned()),
                misp_license_key_status: Some(value),
            };
            api::call_with(&req, move |store, cfg: &MispConfig| {
                cfg.roles.require_admin(&me)?;
                keys::switch(store, &me, cfg, &id, request).map(|_| "The licence key is switched.")
            })
            .await
        }
        _ => Err(Refusal::from(ApiError::invalid_field("action", "must be status, active or key"))),
    };
    ctx.redirect_with("/portal/admin/misps", Flash::of(result))
}
