//! `/portal/keys`: generating an API key for an approved policy (shown once), the partner's keys,
//! and switching one off. [`key_table`] and [`change_key_status`] serve the admins' key page too.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use partner_app::api_keys::{self, GenerateBody, KeyStatusBody};
use partner_app::dto::mosip_time;
use partner_app::roles;
use partner_app::search::KeyItem;
use web_support::Principal;

use super::PageQuery;
use crate::api::{self, Page, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::lookups::{filter, key_page, request_page};
use crate::session::{or_answer, posted, signed_in};
use crate::view::{self, Field, badge};

pub async fn keys(req: HttpRequest, query: web::Query<PageQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    render_keys(&req, ctx, &me, query.page.unwrap_or(0).max(0), &Form::default(), KeyOutcome::None).await
}

enum KeyOutcome {
    None,
    Generated { key: String, label: String },
    Refused(Refusal),
}

async fn render_keys(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    page: i64,
    form: &Form,
    outcome: KeyOutcome,
) -> HttpResponse {
    let approved = request_page(req, me, vec![filter("statusCode", "equals", "approved")], 0).await;
    let choices = approved.map(|p| {
        let mut names: Vec<(String, String)> = Vec::new();
        for r in p.items() {
            let name = r.policy_name.clone().unwrap_or_else(|| r.policy_id.clone());
            if !names.iter().any(|(n, _)| n == &name) {
                names.push((name.clone(), name));
            }
        }
        names
    });
    let list = key_page(req, me, Vec::new(), page).await;
    let refusal = match &outcome {
        KeyOutcome::Refused(r) => Some(r),
        _ => None,
    };
    let body = html! {
        @if let KeyOutcome::Generated { key, label } = &outcome {
            div.alert.success role="status" #new-key {
                p { "API key " strong { (label) } " is ready. Copy it now: it is not shown again." }
                p { code.key #api-key { (key) } }
            }
        }
        section.card {
            h2 { "Generate an API key" }
            @match &choices {
                Err(r) => (view::errors(r)),
                Ok(c) if c.is_empty() => p.muted { "You need an approved policy first: " a href="/portal/policies" { "request one" } "." },
                Ok(c) => {
                    @if let Some(r) = refusal { (view::errors(r)) }
                    form method="post" action="/portal/keys" {
                        (view::csrf(&ctx))
                        (view::select("policyName", "Approved policy", c, form.get("policyName"), refusal))
                        (Field::new("label", "Label", form.get("label")).required().hint("A name you recognise the key by, unique per policy.").render(refusal))
                        button type="submit" { "Generate" }
                    }
                },
            }
        }
        section.card #keys {
            h2 { "Your keys" }
            (key_table(&ctx, &list, false, "/portal/keys/status"))
            @if let Ok(p) = &list { (view::pager("/portal/keys", page, 20, p.total_record)) }
        }
    };
    view::form_page(ctx, "API keys", refusal, choices.as_ref().err().or(list.as_ref().err()), body)
}

/// The table of API keys, with (de)activation buttons posting to `action`.
pub fn key_table(ctx: &Ctx, list: &api::Answer<Page<KeyItem>>, admin: bool, action: &str) -> Markup {
    html! {
        @match list {
            Ok(p) if !p.items().is_empty() => {
                table {
                    thead { tr {
                        @if admin { th scope="col" { "Partner" } }
                        th scope="col" { "Label" } th scope="col" { "Policy" } th scope="col" { "Valid from" }
                        th scope="col" { "Valid to" } th scope="col" { "Status" } th scope="col" { span.sr-only { "Actions" } }
                    } }
                    tbody {
                        @for k in p.items() {
                            tr {
                                @if admin { td { (k.partner_name.as_deref().unwrap_or(&k.partner_id)) } }
                                td { (k.label) }
                                td { (k.policy_name.as_deref().unwrap_or(&k.policy_id)) }
                                td { (mosip_time::text(k.valid_from_datetime)) }
                                td { (k.valid_to_datetime.map(mosip_time::text).unwrap_or_default()) }
                                td { (badge(if k.is_active { "Active" } else { "De-Active" })) }
                                td {
                                    @let to = if k.is_active { "De-Active" } else { "Active" };
                                    @let text = if k.is_active { "Deactivate" } else { "Activate" };
                                    @if k.is_active || admin {
                                        (view::button_form(ctx, action, &[("partnerId", &k.partner_id), ("policyId", &k.policy_id), ("label", &k.label), ("status", to)], text, "small secondary"))
                                    }
                                }
                            }
                        }
                    }
                }
            },
            Ok(_) => p.muted { "No keys yet." },
            Err(r) => (view::errors(r)),
        }
    }
}

pub async fn generate_key(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(signed_in(&req), &body));
    let result: api::Answer<_> = async {
        me.require_any(roles::API_KEY_GENERATION)?;
        let request = GenerateBody {
            policy_name: Some(form.get("policyName").to_owned()),
            label: Some(form.get("label").trim().to_owned()),
        };
        let me = me.clone();
        api::call_with(&req, move |store, cfg| api_keys::generate(store, &me, cfg, &me.user_id, request)).await
    }
    .await;
    let outcome = match result {
        Ok(generated) => KeyOutcome::Generated { key: generated.api_key, label: generated.label },
        Err(r) => KeyOutcome::Refused(r),
    };
    render_keys(&req, ctx, &me, 0, &form, outcome).await
}

/// M5 for the portal: switches a key on or off; answers what was done, in words.
pub async fn change_key_status(req: &HttpRequest, me: &Principal, form: &Form) -> api::Answer<&'static str> {
    let (partner_id, policy_id) = (form.get("partnerId").to_owned(), form.get("policyId").to_owned());
    me.require_any(roles::API_KEY_STATUS)?;
    me.require_self_or_admin(&partner_id)?;
    let request =
        KeyStatusBody { label: Some(form.get("label").to_owned()), status: Some(form.get("status").to_owned()) };
    let me = me.clone();
    api::call(req, move |store| api_keys::status(store, &me, &partner_id, &policy_id, request)).await
}

pub async fn key_status(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(signed_in(&req), &body));
    ctx.redirect_with("/portal/keys", Flash::of(change_key_status(&req, &me, &form).await))
}
