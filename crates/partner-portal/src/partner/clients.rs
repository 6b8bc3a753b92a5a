//! `/portal/oidc-clients`: an authentication partner's OIDC clients for eSignet — the list, a new
//! client (JWK pasted), and one client's page to edit its name, logo and redirect URIs or to
//! deactivate it. An admin sees every client and edits any. The operations are the API's
//! (`partner_app::oidc`), so are their checks and codes.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::oidc::{self, ClientDetail, CreateBody, Flavour, OidcConfig, UpdateBody};
use web_support::Principal;

use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::i18n::t;
use crate::lookups::{Order, PAGE_SIZE, REQUEST_SEARCH, filter, search_page};
use crate::session::{or_answer, posted, signed_in};
use crate::view::{self, Columns, Field, Headers, ListForm, ListQuery, badge};

const BASE: &str = "/portal/oidc-clients";

/// The columns the list orders by, with the OIDC list's `sortFieldName` for each.
const COLUMNS: Columns =
    &[("client", "clientName"), ("partner", "partnerId"), ("policy", "policyName"), ("status", "status")];

/// The OIDC list's query for a page of the portal's list: the chosen order (else newest first)
/// and the search on the client's name.
fn list_query(query: &ListQuery) -> oidc::ListQuery {
    let (text, order) = (query.text(), Order::or_newest_by(query, COLUMNS, "createdDateTime"));
    oidc::ListQuery {
        sort_field_name: Some(order.field.to_owned()),
        sort_type: Some(if order.descending { "desc" } else { "asc" }.to_owned()),
        page_no: Some(order.page),
        page_size: Some(PAGE_SIZE),
        client_name: (!text.is_empty()).then(|| text.to_owned()),
        ..oidc::ListQuery::default()
    }
}

/// A client's name as stored (MOSIP keeps the names by language as JSON, `@none` the default):
/// the name in the user's language, else the default one, else the text as it is.
fn readable_name(stored: &str) -> String {
    let Ok(serde_json::Value::Object(names)) = serde_json::from_str(stored) else {
        return stored.to_owned();
    };
    let language = match crate::i18n::current().tag.get(..2) {
        Some("fr") => "fra",
        Some("ar") => "ara",
        _ => "eng",
    };
    [language, "@none"]
        .iter()
        .find_map(|key| names.get(*key).and_then(|v| v.as_str()))
        .map_or_else(|| stored.to_owned(), str::to_owned)
}

/// One line per redirect URI.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

pub async fn clients(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    render_list(&req, ctx, &me, ListForm::visit(query.into_inner())).await
}

async fn render_list(req: &HttpRequest, ctx: Ctx, me: &Principal, page: ListForm) -> HttpResponse {
    let (query, form, r) = (&page.query, &page.form, page.refusal.as_ref());
    let (actor, wanted) = (me.clone(), list_query(query));
    let list = api::call_with(req, move |store, cfg: &OidcConfig| oidc::list(store, &actor, cfg, wanted)).await;
    let headers = Headers::sorted(BASE, query);
    let approved = if me.is_admin {
        Ok(Vec::new())
    } else {
        search_page(req, me, REQUEST_SEARCH, vec![filter("statusCode", "equals", "approved")], Order::newest(0))
            .await
            .map(|p| {
                p.items()
                    .iter()
                    .map(|r| (r.policy_id.clone(), r.policy_name.clone().unwrap_or_else(|| r.policy_id.clone())))
                    .collect::<Vec<_>>()
            })
    };
    let body = html! {
        section.card #clients {
            h2 { (t!("nav-oidc-clients")) }
            @if list.as_ref().is_ok_and(|p| p.total_results > 0) || headers.searching() {
                (view::labelled_filter_form(BASE, query, &t!("clients-search-label")))
            }
            @match &list {
                Ok(page) if !page.data.is_empty() => {
                    table {
                        thead { tr { (headers.th("client", &t!("clients-client"))) (headers.th("partner", &t!("partners-partner"))) (headers.th("policy", &t!("requests-policy"))) (headers.th("status", &t!("home-status"))) } }
                        tbody { @for c in &page.data { tr {
                            td { a href=(format!("{BASE}/{}", c.client_id)) { (readable_name(&c.client_name)) } br; code { (c.client_id) } }
                            td { (c.partner_id) }
                            td { (c.policy_name.as_deref().unwrap_or_default()) }
                            td { (badge(&c.status)) }
                        } } }
                    }
                    (view::pager(&query.link(BASE), query.page(), PAGE_SIZE, i64::try_from(page.total_results).unwrap_or(i64::MAX)))
                },
                Ok(_) if headers.searching() => p.muted { (t!("table-nothing-matches")) },
                Ok(_) => p.muted { (t!("clients-no-oidc-clients-yet")) },
                Err(e) => (view::errors(e)),
            }
        }
        @if !me.is_admin {
            section.card {
                h2 { (t!("clients-new-oidc-client")) }
                @match &approved {
                    Err(e) => (view::errors(e)),
                    Ok(c) if c.is_empty() => p.muted { (t!("clients-you-need-an-approved-policy")) " " a href="/portal/policies" { (t!("clients-request-one")) } "." },
                    Ok(c) => {
                        @if let Some(r) = r { (view::errors(r)) }
                        form method="post" action=(BASE) {
                            (view::csrf(&ctx))
                            (Field::new("name", &t!("clients-name"), form.get("name")).required().render(r))
                            (view::select("policyId", &t!("clients-approved-policy"), c, form.get("policyId"), r))
                            (view::textarea("publicKey", &t!("clients-public-key-jwk-rsa-at"), form.get("publicKey"), 6, r))
                            (Field::new("logoUri", &t!("clients-logo-url"), form.get("logoUri")).required().render(r))
                            (view::textarea("redirectUris", &t!("clients-redirect-uris-one-per-line"), form.get("redirectUris"), 3, r))
                            button type="submit" { (t!("clients-create")) }
                        }
                    },
                }
            }
        }
    };
    view::form_page(ctx, &t!("nav-oidc-clients"), r, list.as_ref().err(), body)
}

pub async fn create(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, signed_in(&req), &body));
    let result: api::Answer<_> = async {
        let public_key = serde_json::from_str(form.get("publicKey")).map_err(|_| {
            Refusal::one(actix_web::http::StatusCode::OK, "PMS_ESI_007", "Failed to process the Public Key")
        })?;
        let name = form.get("name").trim().to_owned();
        let actor = me.clone();
        let form = form.clone();
        api::call_with(&req, move |store, cfg: &OidcConfig| {
            let request = CreateBody {
                client_name_lang_map: Some([("eng".to_owned(), name.clone())].into()),
                name: Some(name),
                policy_id: Some(form.get("policyId").to_owned()),
                public_key: Some(public_key),
                auth_partner_id: Some(actor.user_id.clone()),
                logo_uri: Some(form.get("logoUri").trim().to_owned()),
                redirect_uris: Some(lines(form.get("redirectUris"))),
                grant_types: Some(cfg.allowed.grant_types.iter().take(1).cloned().collect()),
                client_auth_methods: Some(cfg.allowed.client_auth_methods.iter().take(1).cloned().collect()),
            };
            oidc::create(store, &actor, cfg, Flavour::OAuth, request)
        })
        .await
    }
    .await;
    match result {
        Ok(made) => {
            ctx.redirect_with(&format!("{BASE}/{}", made.client_id), Flash::Success(t!("clients-oidc-client-created")))
        }
        Err(r) => render_list(&req, ctx, &me, ListForm::refused(form, r)).await,
    }
}

pub async fn client(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    let id = path.into_inner();
    let actor = me.clone();
    let read = api::call_with(&req, move |store, cfg: &OidcConfig| oidc::get(store, &actor, cfg, &id)).await;
    match read {
        Ok(c) => {
            let body = client_body(&ctx, &c);
            view::page(ctx, &t!("clients-oidc-client"), body)
        }
        Err(r) => view::error_page(ctx, &r),
    }
}

fn client_body(ctx: &Ctx, c: &ClientDetail) -> maud::Markup {
    let action = format!("{BASE}/{}", c.id);
    let name = readable_name(&c.name);
    html! {
        section.card {
            h2 { (name) " " (badge(&c.status)) }
            p { (t!("clients-client-id")) " " code #client-id { (c.id) } }
            p { (t!("clients-policy-claims-acr", policy = c.policy_name.clone(), claims = c.claims.join(", "), acr = c.acr_values.join(", "))) }
            @if c.status == "ACTIVE" {
                form method="post" action=(action) {
                    (view::csrf(ctx))
                    input type="hidden" name="status" value="ACTIVE";
                    (Field::new("clientName", &t!("clients-name"), &name).required().render(None))
                    (Field::new("logoUri", &t!("clients-logo-url"), &c.logo_uri).required().render(None))
                    (view::textarea("redirectUris", &t!("clients-redirect-uris-one-per-line"), &c.redirect_uris.join("\n"), 3, None))
                    button type="submit" { (t!("clients-save")) }
                }
                (view::button_form(ctx, &action, &[("status", "INACTIVE"), ("clientName", &name), ("logoUri", &c.logo_uri), ("redirectUris", &c.redirect_uris.join("\n"))], &t!("clients-deactivate-final"), "small secondary"))
            }
        }
    }
}

pub async fn update(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, signed_in(&req), &body));
    let id = path.into_inner();
    let (actor, client_id) = (me.clone(), id.clone());
    let result = api::call_with(&req, move |store, cfg: &OidcConfig| {
        let stored = oidc::get(store, &actor, cfg, &client_id)?;
        let name = form.get("clientName").trim().to_owned();
        let request = UpdateBody {
            logo_uri: Some(form.get("logoUri").trim().to_owned()),
            redirect_uris: Some(lines(form.get("redirectUris"))),
            status: Some(form.get("status").to_owned()),
            grant_types: Some(stored.grant_types),
            client_name_lang_map: Some([("eng".to_owned(), name.clone())].into()),
            client_name: Some(name),
            client_auth_methods: Some(stored.client_auth_methods),
        };
        oidc::update(store, &actor, cfg, Flavour::OAuth, &client_id, request)
    })
    .await;
    ctx.redirect_with(
        &format!("{BASE}/{id}"),
        Flash::of(result.map(|a| t!("clients-saved", status = view::status_word(&a.status)))),
    )
}
