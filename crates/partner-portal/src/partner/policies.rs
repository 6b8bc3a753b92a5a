//! `/portal/policies`: asking for a policy of the partner's group, and the requests so far.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::requests::{self, MappingBody};
use partner_app::roles;
use web_support::{Db, Principal};

use crate::api;
use crate::ctx::{Ctx, Flash};
use crate::i18n::t;
use crate::lookups::{Order, PAGE_SIZE, REQUEST_COLUMNS, REQUEST_SEARCH, contains, details_of, search_page};
use crate::session::{or_answer, posted, signed_in};
use crate::view::{self, Field, Headers, ListForm, ListQuery, badge};

/// The active policies of the partner's group as (name, text) choices; `None` when the caller may
/// not list them (the page then asks for the name). A failed read is the page's error.
async fn group_policies(req: &HttpRequest, me: &Principal, group: &str) -> api::Answer<Option<Vec<(String, String)>>> {
    if !me.has_any(roles::ACTIVE_POLICIES) {
        return Ok(None);
    }
    let db = api::data::<Db>(req)?;
    let (caller, group) = (me.clone(), group.to_owned());
    let policies = db.call(move |store| policy_app::reads::active_of_group(store, &caller, &group)).await?;
    let choices = policies
        .into_iter()
        .map(|p| {
            let text = if p.descr.is_empty() { p.name.clone() } else { format!("{} — {}", p.name, p.descr) };
            (p.name, text)
        })
        .collect();
    Ok(Some(choices))
}

const REQUESTS: &str = "/portal/policies";

pub async fn policies(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    render_policies(&req, ctx, &me, ListForm::visit(query.into_inner())).await
}

async fn render_policies(req: &HttpRequest, ctx: Ctx, me: &Principal, page: ListForm) -> HttpResponse {
    let (query, form, refusal) = (&page.query, &page.form, page.refusal.as_ref());
    let details = match details_of(req, me, &me.user_id).await {
        Ok(d) => d,
        Err(r) => return view::error_page(ctx, &r),
    };
    let list =
        search_page(req, me, REQUEST_SEARCH, contains(query, "policyName"), Order::of(query, REQUEST_COLUMNS)).await;
    let headers = Headers::sorted(REQUESTS, query);
    let choices = match details.policy_group.as_deref() {
        Some(group) => group_policies(req, me, group).await,
        None => Ok(None),
    };
    let body = html! {
        section.card {
            h2 { (t!("home-request-a-policy")) }
            @if details.policy_group.is_none() {
                p.muted { (t!("policies-your-partner-type-uses-no")) }
            } @else {
                p { (t!("policies-policies-of-your-group")) " " strong { (details.policy_group.as_deref().unwrap_or("")) } "." }
                @match &choices {
                    Err(r) => (view::errors(r)),
                    Ok(Some(c)) if c.is_empty() => p.muted { (t!("policies-no-policy-of-your-group")) },
                    Ok(choices) => {
                        @if let Some(r) = refusal { (view::errors(r)) }
                        form method="post" action="/portal/policies" {
                            (view::csrf(&ctx))
                            @match choices {
                                Some(c) => (view::select("policyName", &t!("requests-policy"), c, form.get("policyName"), refusal)),
                                None => (Field::new("policyName", &t!("policies-policy-name"), form.get("policyName")).required().render(refusal)),
                            }
                            (view::textarea("useCaseDescription", &t!("policies-what-you-will-use-it"), form.get("useCaseDescription"), 3, refusal))
                            button type="submit" { (t!("policies-send-the-request")) }
                        }
                    },
                }
            }
        }
        section.card #requests {
            h2 { (t!("policies-your-requests")) }
            @if list.as_ref().is_ok_and(|p| p.total_record > 0) || !query.text().is_empty() {
                (view::labelled_filter_form(REQUESTS, query, &t!("requests-search-policy-label")))
            }
            @match &list {
                Ok(p) if !p.items().is_empty() => {
                    table {
                        thead { tr { (headers.th("policy", &t!("requests-policy"))) (headers.th("status", &t!("home-status"))) (headers.th("requested", &t!("requests-requested"))) (headers.th("use", &t!("requests-use"))) } }
                        tbody {
                            @for r in p.items() {
                                tr {
                                    td { (r.policy_name.as_deref().unwrap_or(&r.policy_id)) }
                                    td.status { (badge(&r.status_code)) }
                                    td { (view::when(r.request_datetimes)) }
                                    td { (r.request_detail) }
                                }
                            }
                        }
                    }
                    (view::pager(&query.link(REQUESTS), query.page(), PAGE_SIZE, p.total_record))
                },
                Ok(_) if !query.text().is_empty() => p.muted { (t!("table-nothing-matches")) },
                Ok(_) => p.muted { (t!("policies-no-requests-yet")) },
                Err(r) => (view::errors(r)),
            }
        }
    };
    view::form_page(ctx, &t!("nav-policies"), refusal, choices.as_ref().err().or(list.as_ref().err()), body)
}

pub async fn request_policy(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, signed_in(&req), &body));
    let result: api::Answer<_> = async {
        me.require_any(roles::POLICY_MAPPING_REQUEST)?;
        let request = MappingBody {
            policy_name: Some(form.get("policyName").trim().to_owned()),
            use_case_description: Some(form.get("useCaseDescription").trim().to_owned()),
        };
        let me = me.clone();
        api::call(&req, move |store| requests::request(store, &me, &me.user_id, request)).await
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with("/portal/policies", Flash::Success(t!("policies-request-sent"))),
        Err(r) => render_policies(&req, ctx, &me, ListForm::refused(form, r)).await,
    }
}
