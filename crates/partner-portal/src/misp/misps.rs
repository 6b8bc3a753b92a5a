//! `/portal/admin/misps`: every MISP with its licence keys; approve, reject, activate,
//! deactivate, and switch keys on and off (MOSIP 1.1's E7, E2, E5, E6).

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use misp_app::dto::{KeyStatusRequest, LicenseEntity12, MispWithLicenses, StatusRequest};
use misp_app::{MispConfig, keys, misps as misp_ops, partner_license, status};
use web_support::{ApiError, Principal};

use crate::api::{self, Refusal};
use crate::ctx::Flash;
use crate::i18n::t;
use crate::session::{or_answer, posted, with_roles};
use crate::view::{self, ListQuery, SortKey};

const MISPS: &str = "/portal/admin/misps";

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

/// The licence keys of MISP partners (MOSIP 1.2's licence API), by partner, leaving out the
/// holders in `known` (MOSIP 1.1 MISPs, listed above them).
async fn partner_licences(
    req: &HttpRequest,
    me: &Principal,
    known: &[String],
) -> api::Answer<Vec<(String, Vec<LicenseEntity12>)>> {
    let me = me.clone();
    let keys = api::call_with(req, move |store, cfg: &MispConfig| {
        cfg.roles.require_admin(&me)?;
        partner_license::list(store, &me, cfg)
    })
    .await?;
    let mut by_partner: Vec<(String, Vec<LicenseEntity12>)> = Vec::new();
    for k in keys.into_iter().filter(|k| !known.contains(&k.misp_id)) {
        match by_partner.iter_mut().find(|(id, _)| *id == k.misp_id) {
            Some((_, list)) => list.push(k),
            None => by_partner.push((k.misp_id.clone(), vec![k])),
        }
    }
    Ok(by_partner)
}

/// How many MISPs wait for an approval or a rejection (the admin home's counter).
pub async fn waiting(req: &HttpRequest, me: &Principal) -> api::Answer<usize> {
    let in_progress = misp_domain::misp::RegistrationStatus::InProgress.as_str();
    Ok(all(req, me).await?.iter().filter(|m| m.misp.status_code == in_progress).count())
}

/// What the search box looks in: id, name, e-mail, owner.
fn words(m: &&MispWithLicenses) -> String {
    let m = &m.misp;
    format!("{} {} {} {}", m.id, m.name, m.email_id.as_deref().unwrap_or(""), m.user_id)
}

fn column(m: &&MispWithLicenses, column: &str) -> Option<SortKey> {
    let (misp, keys) = (&m.misp, m.misp_licenses.len());
    match column {
        "id" => SortKey::text(&misp.id),
        "name" => SortKey::text(&misp.name),
        "registration" => SortKey::text(misp.status_code),
        "status" => SortKey::number(i64::from(misp.is_active)),
        "email" => SortKey::text(misp.email_id.as_deref().unwrap_or("")),
        "keys" => SortKey::number(keys),
        _ => None,
    }
}

/// The MISPs in a table that orders and narrows them (each name leads to its card below).
fn summary(items: &[&MispWithLicenses], query: &ListQuery) -> maud::Markup {
    let header = |column: &str, label: String| view::sort_header(MISPS, query, column, &label);
    html! {
        section.card #misp-list {
            (view::filter_form(MISPS, query))
            @if items.is_empty() {
                p.muted { (t!("table-nothing-matches")) }
            } @else {
                table {
                    thead { tr {
                        (header("name", t!("clients-name"))) (header("id", t!("misp-id"))) (header("registration", t!("misp-registration")))
                        (header("status", t!("home-status"))) (header("email", t!("home-e-mail"))) (header("keys", t!("misp-keys")))
                    } }
                    tbody {
                        @for item in items {
                            @let m = &item.misp;
                            tr {
                                td { a href=(format!("#misp-{}", m.id)) { (m.name) } }
                                td { (m.id) }
                                td { (view::badge(m.status_code)) }
                                td { (view::badge(if m.is_active { "Active" } else { "De-Active" })) }
                                td { (m.email_id.as_deref().unwrap_or("")) }
                                td { (item.misp_licenses.len()) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub async fn misps(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, view::ADMIN_ROLES));
    let list = all(&req, &me).await;
    let known: Vec<String> = list.as_ref().map(|l| l.iter().map(|m| m.misp.id.clone()).collect()).unwrap_or_default();
    let partners = partner_licences(&req, &me, &known).await;
    let none = matches!((&list, &partners), (Ok(a), Ok(b)) if a.is_empty() && b.is_empty());
    let shown = list.as_ref().map(|items| query.apply(&items.iter().collect::<Vec<_>>(), words, column));
    let body = html! {
        @if none { p.muted #no-misps { (t!("misp-no-misps-yet")) } }
        @match &shown {
            Ok(items) if !known.is_empty() => {
                (summary(items, &query))
                @for item in items {
                    @let m = &item.misp;
                    @let action = format!("/portal/admin/misps/{}", view::q(&m.id));
                    section.card id=(format!("misp-{}", m.id)) data-misp=(m.id) {
                        h2 { (m.name) " " small.muted { (m.id) } }
                        dl.facts {
                            dt { (t!("misp-registration")) } dd { (view::badge(m.status_code)) }
                            dt { (t!("home-status")) } dd { (view::badge(if m.is_active { "Active" } else { "De-Active" })) }
                            dt { (t!("home-e-mail")) } dd { (m.email_id.as_deref().unwrap_or("")) }
                            dt { (t!("misp-owner")) } dd { (m.user_id) }
                        }
                        @let registration = m.status_code.to_ascii_lowercase();
                        p.actions {
                            @if registration != "approved" {
                                (view::button_form(&ctx, &action, &[("action", "status"), ("value", "approved")], &t!("requests-approve"), "small"))
                            }
                            @if registration != "rejected" {
                                a.button.small.danger href=(format!("{action}?action=status&value=rejected")) { (t!("requests-reject")) }
                            }
                            @if m.is_active {
                                a.button.small.secondary href=(format!("{action}?action=active&value=de-active")) { (t!("misp-deactivate")) }
                            } @else {
                                (view::button_form(&ctx, &action, &[("action", "active"), ("value", "active")], &t!("partners-activate"), "small secondary"))
                            }
                        }
                        @if !item.misp_licenses.is_empty() {
                            table {
                                thead { tr { th scope="col" { (t!("licence-licence-key")) } th scope="col" { (t!("certs-valid-from")) } th scope="col" { (t!("licence-valid-to")) } th scope="col" { (t!("home-status")) } th scope="col" { span.sr-only { (t!("misp-actions")) } } } }
                                tbody {
                                    @for k in &item.misp_licenses {
                                        @let key = k.misp_license_unique_key.license_key.as_str();
                                        tr {
                                            td { code.key { (key) } }
                                            td { (view::when_text(&k.valid_from_date)) }
                                            td { (view::when_text(&k.valid_to_date)) }
                                            td { (view::badge(if k.is_active { "Active" } else { "De-Active" })) }
                                            td {
                                                (view::button_form(&ctx, &action, &[("action", "key"), ("key", key), ("value", if k.is_active { "de-active" } else { "active" })],
                                                    &if k.is_active { t!("misp-switch-off") } else { t!("misp-switch-on") }, "small secondary"))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
            Ok(_) => {},
            Err(r) => (view::errors(r)),
        }
        @match &partners {
            Ok(holders) if !holders.is_empty() => {
                h2 { (t!("misp-misp-partners-licence-through-the")) }
                @for (partner_id, keys) in holders.iter().filter(|(id, _)| id.to_lowercase().contains(&query.text().to_lowercase())) {
                    @let action = format!("/portal/admin/misps/{}", view::q(partner_id));
                    section.card data-misp-partner=(partner_id) {
                        h3 { a href=(format!("/portal/admin/partners/{}", view::q(partner_id))) { (partner_id) } }
                        table {
                            thead { tr { th scope="col" { (t!("licence-licence-key")) } th scope="col" { (t!("certs-valid-from")) } th scope="col" { (t!("licence-valid-to")) } th scope="col" { (t!("home-status")) } th scope="col" { span.sr-only { (t!("misp-actions")) } } } }
                            tbody {
                                @for k in keys {
                                    tr {
                                        td { code.key { (k.license_key) } }
                                        td { (view::when_text(&k.valid_from_date)) }
                                        td { (view::when_text(&k.valid_to_date)) }
                                        td { (view::badge(if k.is_active { "Active" } else { "Inactive" })) }
                                        td {
                                            (view::button_form(&ctx, &action, &[("action", "key"), ("key", &k.license_key), ("value", if k.is_active { "de-active" } else { "active" })],
                                                &if k.is_active { t!("misp-switch-off") } else { t!("misp-switch-on") }, "small secondary"))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            },
            Ok(_) => {},
            Err(r) => (view::errors(r)),
        }
    };
    view::page_partial(ctx, &t!("nav-misps"), list.as_ref().err().or(partners.as_ref().err()), body)
}

pub async fn misp_action(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, with_roles(&req, view::ADMIN_ROLES), &body));
    let (id, value) = (path.into_inner(), form.get("value").to_owned());
    let selector = value.to_ascii_lowercase();
    let result: api::Answer<String> = match form.get("action") {
        "status" => {
            let request = StatusRequest { misp_status: Some(value) };
            api::call_with(&req, move |store, cfg: &MispConfig| {
                cfg.roles.require_admin(&me)?;
                status::decide(store, &me, cfg, &id, request)?;
                Ok(t!("misp-status-decided", status = selector))
            })
            .await
        }
        "active" => {
            let request = StatusRequest { misp_status: Some(value) };
            api::call_with(&req, move |store, cfg: &MispConfig| {
                cfg.roles.require_admin(&me)?;
                status::activate(store, &me, &id, request)?;
                Ok(t!("misp-activity-changed", status = selector))
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
                keys::switch(store, &me, cfg, &id, request).map(|_| t!("misp-the-licence-key-is-switched"))
            })
            .await
        }
        _ => Err(Refusal::from(ApiError::invalid_field("action", "must be status, active or key"))),
    };
    let reason = view::reason(&form);
    ctx.redirect_with("/portal/admin/misps", Flash::of(result.map(|m| view::with_reason(m, reason.as_deref()))))
}
