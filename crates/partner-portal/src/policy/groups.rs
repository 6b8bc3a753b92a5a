//! `/portal/admin/policy-groups`: the groups, a new group, and a group's edit page.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use policy_app::dto::{GroupRequest, GroupWithPoliciesDto};
use policy_app::groups;
use web_support::Principal;

use super::{all_groups, manager};
use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::i18n::t;
use crate::session::{or_answer, posted};
use crate::view::{self, Field, ListForm, ListQuery, SortKey, badge};

const GROUPS: &str = "/portal/admin/policy-groups";

pub async fn groups(req: HttpRequest, query: web::Query<ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(manager(&req));
    render_groups(&req, ctx, &me, ListForm::visit(query.into_inner())).await
}

async fn render_groups(req: &HttpRequest, ctx: Ctx, me: &Principal, page: ListForm) -> HttpResponse {
    let (query, form, refusal) = (&page.query, &page.form, page.refusal.as_ref());
    let list = all_groups(req, me).await;
    let shown = list.as_ref().map(|groups| query.apply(groups, words, column));
    let header = |column: &str, label: String| view::sort_header(GROUPS, query, column, &label);
    let body = html! {
        section.card #groups {
            @if list.as_ref().is_ok_and(|groups| !groups.is_empty()) { (view::filter_form(GROUPS, query)) }
            @match &shown {
                Ok(groups) if !groups.is_empty() => {
                    table {
                        thead { tr {
                            (header("name", t!("clients-name"))) (header("description", t!("policy-description")))
                            (header("policies", t!("nav-policies"))) (header("status", t!("home-status")))
                        } }
                        tbody {
                            @for g in groups {
                                tr {
                                    td { a href=(format!("/portal/admin/policy-groups/{}", view::q(&g.policy_group.id))) { (g.policy_group.name) } }
                                    td { (g.policy_group.desc) }
                                    td { (g.policies.len()) }
                                    td { (badge(if g.policy_group.is_active { "Active" } else { "Inactive" })) }
                                }
                            }
                        }
                    }
                },
                Ok(_) if !query.text().is_empty() => p.muted { (t!("table-nothing-matches")) },
                Ok(_) => p.muted { (t!("groups-no-policy-groups-yet")) },
                Err(r) => (view::errors(r)),
            }
        }
        section.card {
            h2 { (t!("groups-new-policy-group")) }
            @if let Some(r) = refusal { (view::errors(r)) }
            form method="post" action="/portal/admin/policy-groups" {
                (view::csrf(&ctx))
                (Field::new("name", &t!("clients-name"), form.get("name")).required().render(refusal))
                (Field::new("desc", &t!("policy-description"), form.get("desc")).required().render(refusal))
                button type="submit" { (t!("groups-create-group")) }
            }
        }
    };
    view::form_page(ctx, &t!("nav-policy-groups"), refusal, list.as_ref().err(), body)
}

/// What the search box looks in: name and description.
fn words(g: &GroupWithPoliciesDto) -> String {
    format!("{} {}", g.policy_group.name, g.policy_group.desc)
}

fn column(g: &GroupWithPoliciesDto, column: &str) -> Option<SortKey> {
    match column {
        "name" => SortKey::text(&g.policy_group.name),
        "description" => SortKey::text(&g.policy_group.desc),
        "policies" => SortKey::number(g.policies.len()),
        "status" => SortKey::number(i64::from(g.policy_group.is_active)),
        _ => None,
    }
}

pub async fn create_group(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, manager(&req), &body));
    let request = GroupRequest {
        name: Some(form.get("name").trim().to_owned()),
        desc: Some(form.get("desc").trim().to_owned()),
        is_active: None,
    };
    let caller = me.clone();
    match api::call(&req, move |store| groups::create(store, &caller, request)).await {
        Ok(group) => {
            let name = group.name;
            ctx.redirect_with("/portal/admin/policy-groups", Flash::Success(t!("groups-created", name = name.clone())))
        }
        Err(r) => render_groups(&req, ctx, &me, ListForm::refused(form, r)).await,
    }
}

pub async fn group(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = or_answer!(manager(&req));
    render_group(&req, ctx, &me, &path.into_inner(), None, None).await
}

async fn render_group(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    id: &str,
    form: Option<&Form>,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let (caller, group_id) = (me.clone(), id.to_owned());
    let group = match api::call(req, move |store| groups::get(store, &caller, &group_id)).await {
        Ok(g) => g.policy_group,
        Err(r) => return view::error_page(ctx, &r),
    };
    let name = form.map_or(group.name.clone(), |f| f.get("name").to_owned());
    let desc = form.map_or(group.desc.clone(), |f| f.get("desc").to_owned());
    let active = form.map_or(group.is_active, |f| f.checked("isActive"));
    let body = html! {
        section.card {
            p.muted { (t!("sbis-created")) " " (view::when_text(&group.cr_dtimes)) }
            @if let Some(r) = refusal { (view::errors(r)) }
            form method="post" action=(format!("/portal/admin/policy-groups/{}", view::q(id))) {
                (view::csrf(&ctx))
                (Field::new("name", &t!("clients-name"), &name).required().render(refusal))
                (Field::new("desc", &t!("policy-description"), &desc).required().render(refusal))
                div.field.check {
                    input #f-isActive type="checkbox" name="isActive" checked[active];
                    label for="f-isActive" { (t!("status-active")) }
                }
                button type="submit" { (t!("clients-save")) }
            }
        }
        p { a href="/portal/admin/policy-groups" { (t!("groups-all-policy-groups")) } }
    };
    view::form_page(ctx, &t!("home-policy-group"), refusal, None, body)
}

pub async fn update_group(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, manager(&req), &body));
    let id = path.into_inner();
    if !form.checked("isActive") && form.get("confirmed") != "1" {
        let (caller, group_id) = (me.clone(), id.clone());
        match api::call(&req, move |store| groups::get(store, &caller, &group_id)).await {
            Ok(g) if g.policy_group.is_active => return confirm_deactivation(ctx, &id, &form, g.policies.len()),
            Ok(_) => {}
            Err(r) => return render_group(&req, ctx, &me, &id, Some(&form), Some(&r)).await,
        }
    }
    let request = GroupRequest {
        name: Some(form.get("name").trim().to_owned()),
        desc: Some(form.get("desc").trim().to_owned()),
        is_active: Some(form.checked("isActive")),
    };
    let (caller, group_id) = (me.clone(), id.clone());
    match api::call(&req, move |store| groups::update(store, &caller, &group_id, request)).await {
        Ok(_) => {
            let reason = view::reason(&form);
            if let Some(r) = &reason {
                tracing::info!(group = %id, user = %me.user_id, reason = %r, "policy group saved");
            }
            let done = view::with_reason(t!("groups-the-policy-group-is-saved"), reason.as_deref());
            ctx.redirect_with("/portal/admin/policy-groups", Flash::Success(done))
        }
        Err(r) => render_group(&req, ctx, &me, &id, Some(&form), Some(&r)).await,
    }
}

/// Saving a form that switches an active group off asks first; the confirmation posts the same
/// form again, confirmed.
fn confirm_deactivation(ctx: Ctx, id: &str, form: &Form, policies: usize) -> HttpResponse {
    let action = format!("/portal/admin/policy-groups/{}", view::q(id));
    let (name, desc) = (form.get("name").trim(), form.get("desc").trim());
    let fields = [("name", name), ("desc", desc), ("confirmed", "1")];
    let confirm = view::Confirm {
        question: t!("groups-confirm-deactivate", name = name.to_owned()),
        action: &action,
        fields: &fields,
        button: t!("groups-deactivate-group"),
        danger: true,
        back: &action,
    };
    let facts = html! {
        p { (t!("groups-a-deactivated-group", count = policies)) }
        dl.facts { dt { (t!("policy-description")) } dd { (desc) } }
    };
    let body = view::confirm_body(&ctx, &confirm, facts);
    view::page(ctx, &t!("groups-title-deactivate", name = name.to_owned()), body)
}
