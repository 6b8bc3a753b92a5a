//! `/portal/admin/policies`: every policy with its state, published, activated or deactivated
//! from the list.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use policy_app::dto::{PolicyWithGroupDto, StatusBody};
use policy_app::{policies as drafts, reads};

use super::{manager, published};
use crate::api;
use crate::ctx::{Ctx, Flash};
use crate::session::{or_answer, posted};
use crate::view::{self, badge};

pub async fn policies(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = or_answer!(manager(&req));
    let caller = me.clone();
    let list = api::call(&req, move |store| reads::all(store, &caller)).await;
    let body = html! {
        p { a.button href="/portal/admin/policies/new" { "New policy" } }
        section.card #policies {
            @match &list {
                Ok(items) if !items.is_empty() => {
                    table {
                        thead { tr { th scope="col" { "Name" } th scope="col" { "Group" } th scope="col" { "Type" } th scope="col" { "Version" } th scope="col" { "State" } th scope="col" { "Status" } th scope="col" { span.sr-only { "Actions" } } } }
                        tbody {
                            @for p in items {
                                tr data-policy=(p.policy_name) {
                                    td { a href=(format!("/portal/admin/policies/{}", view::q(&p.policy_id))) { (p.policy_name) } br; small.muted { (p.policy_desc) } }
                                    td { (p.policy_group_name) }
                                    td { (p.policy_type) }
                                    td { (p.version) }
                                    td.state { (badge(p.status)) }
                                    td.status { (badge(if p.is_active { "Active" } else { "Inactive" })) }
                                    td { (policy_actions(&ctx, p)) }
                                }
                            }
                        }
                    }
                },
                Ok(_) => p.muted { "No policies yet." },
                Err(r) => (view::errors(r)),
            }
        }
    };
    view::page_partial(ctx, "Policies", list.as_ref().err(), body)
}

pub(super) fn policy_actions(ctx: &Ctx, p: &PolicyWithGroupDto) -> Markup {
    let id = view::q(&p.policy_id);
    let group = p.policy_group_id.as_str();
    html! {
        @if !published(p) {
            (view::button_form(ctx, &format!("/portal/admin/policies/{id}/publish"), &[("group", group)], "Publish", "small"))
        } @else if p.is_active {
            (view::button_form(ctx, &format!("/portal/admin/policies/{id}/status"), &[("group", group), ("status", "De-Active")], "Deactivate", "small danger"))
        } @else {
            (view::button_form(ctx, &format!("/portal/admin/policies/{id}/status"), &[("group", group), ("status", "Active")], "Activate", "small"))
        }
    }
}

pub async fn publish(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(manager(&req), &body));
    let id = path.into_inner();
    let result = async {
        let (caller, group_id) = (me.clone(), form.get("group").to_owned());
        api::call_with(&req, move |store, cfg| drafts::publish(store, &caller, cfg, &id, &group_id)).await
    }
    .await;
    ctx.redirect_with("/portal/admin/policies", Flash::of(result.map(|_| "The policy is published.")))
}

pub async fn status(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(manager(&req), &body));
    let id = path.into_inner();
    let request = StatusBody { status: Some(form.get("status").to_owned()) };
    let (caller, group_id) = (me.clone(), form.get("group").to_owned());
    let result = api::call(&req, move |store| drafts::set_status(store, &caller, &id, &group_id, request)).await;
    ctx.redirect_with("/portal/admin/policies", Flash::of(result.map(|done| done.message)))
}
