//! `/portal/admin/policies`: every policy with its state, published, activated or deactivated
//! from the list.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::{Markup, html};
use policy_app::dto::{PolicyWithGroupDto, StatusBody};
use policy_app::{policies as drafts, reads};

use super::{manager, published};
use crate::api;
use crate::ctx::{Ctx, Flash};
use crate::i18n::t;
use crate::session::{or_answer, posted};
use crate::view::{self, ListQuery, SortKey, badge};

const POLICIES: &str = "/portal/admin/policies";

pub async fn policies(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(manager(&req));
    let caller = me.clone();
    let list = api::call(&req, move |store| reads::all(store, &caller)).await;
    let shown = list.as_ref().map(|items| query.apply(items, words, column));
    let header = |column: &str, label: String| view::sort_header(POLICIES, &query, column, &label);
    let body = html! {
        p { a.button href="/portal/admin/policies/new" { (t!("policy-new-policy")) } }
        section.card #policies {
            @if list.as_ref().is_ok_and(|items| !items.is_empty()) { (view::filter_form(POLICIES, &query)) }
            @match &shown {
                Ok(items) if !items.is_empty() => {
                    table {
                        thead { tr {
                            (header("name", t!("clients-name"))) (header("group", t!("policy-group"))) (header("type", t!("partners-type")))
                            (header("version", t!("sbis-version"))) (header("state", t!("policy-state"))) (header("status", t!("home-status")))
                            th scope="col" { span.sr-only { (t!("misp-actions")) } }
                        } }
                        tbody {
                            @for p in items {
                                tr data-policy=(p.policy_name) {
                                    td { a href=(format!("/portal/admin/policies/{}", view::q(&p.policy_id))) { (p.policy_name) } br; small.muted { (p.policy_desc) } }
                                    td { (p.policy_group_name) }
                                    td { (view::master_word("policy-type", &p.policy_type, &p.policy_type)) }
                                    td { (p.version) }
                                    td.state { (badge(p.status)) }
                                    td.status { (badge(if p.is_active { "Active" } else { "Inactive" })) }
                                    td { (policy_actions(&ctx, p)) }
                                }
                            }
                        }
                    }
                },
                Ok(_) if !query.text().is_empty() => p.muted { (t!("table-nothing-matches")) },
                Ok(_) => p.muted { (t!("policy-no-policies-yet")) },
                Err(r) => (view::errors(r)),
            }
        }
    };
    view::page_partial(ctx, &t!("nav-policies"), list.as_ref().err(), body)
}

/// What the search box looks in: name, description, group, type.
fn words(p: &PolicyWithGroupDto) -> String {
    format!("{} {} {} {}", p.policy_name, p.policy_desc, p.policy_group_name, p.policy_type)
}

fn column(p: &PolicyWithGroupDto, column: &str) -> Option<SortKey> {
    match column {
        "name" => SortKey::text(&p.policy_name),
        "group" => SortKey::text(&p.policy_group_name),
        "type" => SortKey::text(&p.policy_type),
        "version" => SortKey::text(&p.version),
        "state" => SortKey::text(p.status),
        "status" => SortKey::number(i64::from(p.is_active)),
        _ => None,
    }
}

pub(super) fn policy_actions(ctx: &Ctx, p: &PolicyWithGroupDto) -> Markup {
    let id = view::q(&p.policy_id);
    let group = p.policy_group_id.as_str();
    html! {
        @if !published(p) {
            a.button.small href=(format!("/portal/admin/policies/{id}/publish?group={}", view::q(group))) { (t!("policy-publish")) }
        } @else if p.is_active {
            a.button.small.danger href=(format!("/portal/admin/policies/{id}/status?group={}&status=De-Active", view::q(group))) { (t!("misp-deactivate")) }
        } @else {
            (view::button_form(ctx, &format!("/portal/admin/policies/{id}/status"), &[("group", group), ("status", "Active")], &t!("partners-activate"), "small"))
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ConfirmQuery {
    status: Option<String>,
}

/// The confirmation page of publishing (`publish`) or of a status change.
async fn confirm(req: HttpRequest, id: String, publishing: bool, status: Option<String>) -> HttpResponse {
    let (ctx, me) = or_answer!(manager(&req));
    let caller = me.clone();
    let policy_id = id.clone();
    let p = match api::call(&req, move |store| reads::get(store, &caller, &policy_id)).await {
        Ok(p) => p,
        Err(r) => return view::error_page(ctx, &r),
    };
    let status = status.unwrap_or_else(|| "De-Active".into());
    let activate = status.eq_ignore_ascii_case("active");
    let (verb, path) = match (publishing, activate) {
        (true, _) => (t!("policy-publish-2"), "publish"),
        (false, true) => (t!("partners-activate"), "status"),
        (false, false) => (t!("partners-deactivate"), "status"),
    };
    let (name, version, group) = (p.policy_name.clone(), p.version.clone(), p.policy_group_name.clone());
    let (question, title) = match (publishing, activate) {
        (true, _) => (
            t!("policy-confirm-publish", name = name.clone(), version = version, group = group),
            t!("policy-title-publish", name = name),
        ),
        (false, true) => (
            t!("policy-confirm-activate", name = name.clone(), version = version, group = group),
            t!("policy-title-activate", name = name),
        ),
        (false, false) => (
            t!("policy-confirm-deactivate", name = name.clone(), version = version, group = group),
            t!("policy-title-deactivate", name = name),
        ),
    };
    let action = format!("/portal/admin/policies/{}/{path}", view::q(&id));
    let back = format!("/portal/admin/policies/{}", view::q(&id));
    let fields = [("group", p.policy_group_id.as_str()), ("status", status.as_str())];
    let confirm = view::Confirm {
        question,
        action: &action,
        fields: if publishing { &fields[..1] } else { &fields[..] },
        button: verb,
        danger: !publishing && !activate,
        back: &back,
    };
    let facts = html! {
        @if publishing { p { (t!("policy-a-published-policy-cannot-be")) } }
        dl.facts {
            dt { (t!("policy-description")) } dd { (p.policy_desc) }
            dt { (t!("partners-type")) } dd { (p.policy_type) }
        }
    };
    let body = view::confirm_body(&ctx, &confirm, facts);
    view::page(ctx, &title, body)
}

pub async fn confirm_publish(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    confirm(req, path.into_inner(), true, None).await
}

pub async fn confirm_status(req: HttpRequest, path: web::Path<String>, q: web::Query<ConfirmQuery>) -> HttpResponse {
    confirm(req, path.into_inner(), false, q.into_inner().status).await
}

pub async fn publish(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, manager(&req), &body));
    let id = path.into_inner();
    let result = async {
        let (caller, group_id) = (me.clone(), form.get("group").to_owned());
        api::call_with(&req, move |store, cfg| drafts::publish(store, &caller, cfg, &id, &group_id)).await
    }
    .await;
    let reason = view::reason(&form);
    ctx.redirect_with(
        "/portal/admin/policies",
        Flash::of(result.map(|_| view::with_reason(t!("policy-the-policy-is-published"), reason.as_deref()))),
    )
}

pub async fn status(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, manager(&req), &body));
    let id = path.into_inner();
    let request = StatusBody { status: Some(form.get("status").to_owned()) };
    let (caller, group_id) = (me.clone(), form.get("group").to_owned());
    let result = api::call(&req, move |store| drafts::set_status(store, &caller, &id, &group_id, request)).await;
    let reason = view::reason(&form);
    if let (Ok(_), Some(r)) = (&result, &reason) {
        tracing::info!(user = %me.user_id, reason = %r, "policy status changed");
    }
    ctx.redirect_with(
        "/portal/admin/policies",
        Flash::of(result.map(|_| {
            let done = t!("policy-status-changed", status = form.get("status").to_ascii_lowercase());
            view::with_reason(done, reason.as_deref())
        })),
    )
}
