//! Policy-manager pages: policy groups (list, create, edit) and policies (list, create, edit with
//! a JSON editor that lists every schema violation beside the document, publish, activate,
//! deactivate).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use app_core::{AppError, Store};
use maud::{Markup, html};
use policy_app::dto::{GroupRequest, GroupWithPoliciesDto, PolicyBody, PolicyWithGroupDto, StatusBody};
use policy_app::{PolicyConfig, groups, policies as drafts, reads};
use serde_json::{Value, json};
use web_support::{Db, Principal};

use super::admin::with_roles;
use super::api::{self, Refusal};
use super::ctx::{Ctx, Flash};
use super::forms::{self, Form};
use super::partner::flat;
use super::view::{self, Field, badge};

fn manager(req: &HttpRequest) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    with_roles(req, view::POLICY_ROLES)
}

/// Runs a policy operation on the store (the caller was authorised by [`manager`]).
async fn run<T, F>(req: &HttpRequest, op: F) -> api::Answer<T>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
{
    let db = api::data::<Db>(req)?;
    Ok(db.call(op).await?)
}

async fn all_groups(req: &HttpRequest, me: &Principal) -> api::Answer<Vec<GroupWithPoliciesDto>> {
    let me = me.clone();
    run(req, move |store| groups::all(store, &me)).await
}

pub async fn groups(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    render_groups(&req, ctx, &me, &Form::default(), None).await
}

async fn render_groups(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    form: &Form,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let list = all_groups(req, me).await;
    let body = html! {
        section.card #groups {
            @match &list {
                Ok(groups) if !groups.is_empty() => {
                    table {
                        thead { tr { th scope="col" { "Name" } th scope="col" { "Description" } th scope="col" { "Policies" } th scope="col" { "Status" } } }
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
                Ok(_) => p.muted { "No policy groups yet." },
                Err(r) => (view::errors(r)),
            }
        }
        section.card {
            h2 { "New policy group" }
            @if let Some(r) = refusal { (view::errors(r)) }
            form method="post" action="/portal/admin/policy-groups" {
                (view::csrf(&ctx))
                (Field::new("name", "Name", form.get("name")).required().render(refusal))
                (Field::new("desc", "Description", form.get("desc")).required().render(refusal))
                button type="submit" { "Create group" }
            }
        }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, "Policy groups", r, body),
        None => view::page(ctx, "Policy groups", body),
    }
}

pub async fn create_group(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let request = GroupRequest {
        name: Some(form.get("name").trim().to_owned()),
        desc: Some(form.get("desc").trim().to_owned()),
        is_active: None,
    };
    let caller = me.clone();
    match run(&req, move |store| groups::create(store, &caller, request)).await {
        Ok(group) => {
            let name = group.name;
            ctx.redirect_with("/portal/admin/policy-groups", Flash::Success(format!("Policy group {name} created.")))
        }
        Err(r) => render_groups(&req, ctx, &me, &form, Some(&r)).await,
    }
}

pub async fn group(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
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
    let group = match run(req, move |store| groups::get(store, &caller, &group_id)).await {
        Ok(g) => g.policy_group,
        Err(r) => return view::error_page(ctx, &r),
    };
    let name = form.map_or(group.name.clone(), |f| f.get("name").to_owned());
    let desc = form.map_or(group.desc.clone(), |f| f.get("desc").to_owned());
    let active = form.map_or(group.is_active, |f| f.checked("isActive"));
    let body = html! {
        section.card {
            p.muted { "Created " (group.cr_dtimes) }
            @if let Some(r) = refusal { (view::errors(r)) }
            form method="post" action=(format!("/portal/admin/policy-groups/{}", view::q(id))) {
                (view::csrf(&ctx))
                (Field::new("name", "Name", &name).required().render(refusal))
                (Field::new("desc", "Description", &desc).required().render(refusal))
                div.field.check {
                    input #f-isActive type="checkbox" name="isActive" checked[active];
                    label for="f-isActive" { "Active" }
                }
                button type="submit" { "Save" }
            }
        }
        p { a href="/portal/admin/policy-groups" { "← All policy groups" } }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, "Policy group", r, body),
        None => view::page(ctx, "Policy group", body),
    }
}

pub async fn update_group(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let id = path.into_inner();
    let request = GroupRequest {
        name: Some(form.get("name").trim().to_owned()),
        desc: Some(form.get("desc").trim().to_owned()),
        is_active: Some(form.checked("isActive")),
    };
    let (caller, group_id) = (me.clone(), id.clone());
    match run(&req, move |store| groups::update(store, &caller, &group_id, request)).await {
        Ok(_) => ctx.redirect_with("/portal/admin/policy-groups", Flash::Success("The policy group is saved.".into())),
        Err(r) => render_group(&req, ctx, &me, &id, Some(&form), Some(&r)).await,
    }
}

// ---- policies

fn published(p: &PolicyWithGroupDto) -> bool {
    p.status.eq_ignore_ascii_case("PUBLISHED")
}

pub async fn policies(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let caller = me.clone();
    let list = run(&req, move |store| reads::all(store, &caller)).await;
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
    view::page(ctx, "Policies", body)
}

fn policy_actions(ctx: &Ctx, p: &PolicyWithGroupDto) -> Markup {
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

/// An empty document of each type, to start from.
fn template(policy_type: &str) -> Value {
    match policy_type {
        "Auth" => json!({"authTokenType": "partner", "allowedAuthTypes": [], "allowedKycAttributes": []}),
        "DataShare" | "CredentialIssuance" => json!({"dataSharePolicies": {}, "shareableAttributes": []}),
        _ => json!({}),
    }
}

pub async fn new_policy(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let mut form = Form::default();
    if let Ok(q) = web::Query::<std::collections::HashMap<String, String>>::from_query(req.query_string()) {
        form = Form::from_pairs(q.into_inner().into_iter().collect());
    }
    editor(&req, ctx, &me, None, &form, None).await
}

/// The create / edit page. `existing`: the policy being edited.
async fn editor(
    req: &HttpRequest,
    ctx: Ctx,
    me: &Principal,
    existing: Option<&PolicyWithGroupDto>,
    form: &Form,
    refusal: Option<&Refusal>,
) -> HttpResponse {
    let found = async { Ok::<_, Refusal>((all_groups(req, me).await?, api::data::<PolicyConfig>(req)?)) }.await;
    let (groups, cfg) = match found {
        Ok(v) => v,
        Err(r) => return view::error_page(ctx, &r),
    };
    let group_options: Vec<(String, String)> =
        groups.iter().map(|g| (g.policy_group.name.clone(), g.policy_group.name.clone())).collect();
    let types: Vec<(String, String)> = cfg.allowed.iter().map(|t| (t.to_string(), t.to_string())).collect();
    let posted = refusal.is_some() || !form.get("name").is_empty();
    let value = |name: &str, current: &str| if posted { form.get(name).to_owned() } else { current.to_owned() };
    let chosen_type =
        existing.map_or_else(|| form.opt("policyType").unwrap_or_else(|| "Auth".into()), |p| p.policy_type.clone());
    let document = if posted {
        form.get("policies").to_owned()
    } else {
        view::pretty(&existing.map_or_else(|| template(&chosen_type), |p| p.policies.clone()))
    };
    let violations: Vec<String> = refusal
        .map(|r| {
            r.errors
                .iter()
                .filter(|e| e.error_code.starts_with("PMS_PV_") || e.message.ends_with(":request.policies"))
                .map(|e| format!("{} ({})", e.message, e.error_code))
                .collect()
        })
        .unwrap_or_default();
    let others = refusal.map(|r| Refusal {
        status: r.status,
        errors: r
            .errors
            .iter()
            .filter(|e| !(e.error_code.starts_with("PMS_PV_") || e.message.ends_with(":request.policies")))
            .cloned()
            .collect(),
    });
    let action = existing.map_or_else(
        || "/portal/admin/policies/new".to_owned(),
        |p| format!("/portal/admin/policies/{}", view::q(&p.policy_id)),
    );
    let read_only = existing.is_some_and(published);
    let title = match existing {
        None => "New policy",
        Some(p) if published(p) => "Policy (published)",
        Some(_) => "Edit policy",
    };
    let body = html! {
        @if let Some(p) = existing {
            section.card {
                dl.facts {
                    dt { "Policy id" } dd { (p.policy_id) }
                    dt { "Type" } dd { (p.policy_type) }
                    dt { "State" } dd { (badge(p.status)) }
                    dt { "Status" } dd { (badge(if p.is_active { "Active" } else { "Inactive" })) }
                    dt { "Published" } dd { (p.publish_date) }
                }
                p.actions { (policy_actions(&ctx, p)) }
            }
        }
        @if let Some(r) = &others { @if !r.errors.is_empty() { (view::errors(r)) } }
        @if !violations.is_empty() && others.as_ref().is_none_or(|o| o.errors.is_empty()) {
            div.alert.error role="alert" #errors { p { "The policy does not meet its schema: see the list beside the document." } }
        }
        @if read_only {
            section.card {
                h2 { "Policy document" }
                pre.json { (view::pretty(&existing.map(|p| p.policies.clone()).unwrap_or(Value::Null))) }
            }
        } @else {
            form.card.editor method="post" action=(action) {
                (view::csrf(&ctx))
                div.cols {
                    div {
                        (view::select("policyGroupName", "Policy group", &group_options,
                            &value("policyGroupName", existing.map_or("", |p| p.policy_group_name.as_str())), refusal))
                        @if existing.is_none() {
                            (view::select("policyType", "Policy type", &types, &chosen_type, refusal))
                        }
                        (Field::new("name", "Name", &value("name", existing.map_or("", |p| p.policy_name.as_str()))).required().render(refusal))
                        (Field::new("desc", "Description", &value("desc", existing.map_or("", |p| p.policy_desc.as_str()))).required().render(refusal))
                        (Field::new("version", "Version", &value("version", existing.map_or("1.0", |p| p.version.as_str()))).required().render(refusal))
                    }
                    div.field.json.invalid[!violations.is_empty()] {
                        label for="f-policies" { "Policy document (JSON)" }
                        textarea #f-policies name="policies" rows="18" spellcheck="false"
                            aria-describedby=[(!violations.is_empty()).then_some("f-policies-err")] { (document) }
                        @if !violations.is_empty() {
                            div.violations {
                                h3 { (violations.len()) " schema violation" @if violations.len() != 1 { "s" } }
                                ul.field-errors #f-policies-err { @for v in &violations { li { (v) } } }
                            }
                        }
                    }
                }
                button type="submit" { @if existing.is_some() { "Save draft" } @else { "Create draft" } }
            }
        }
        p { a href="/portal/admin/policies" { "← All policies" } }
    };
    match refusal {
        Some(r) => view::page_inline(ctx, title, r, body),
        None => view::page(ctx, title, body),
    }
}

/// The posted document, or a refusal naming where its JSON breaks.
fn document(form: &Form) -> Result<Value, Refusal> {
    serde_json::from_str(form.get("policies")).map_err(|e| {
        Refusal::one(
            StatusCode::OK,
            "PMS_COR_001",
            format!(
                "Invalid request parameter - not JSON (line {}, column {}) :request.policies",
                e.line(),
                e.column()
            ),
        )
    })
}

pub async fn create_policy(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let result = async {
        let request = PolicyBody { policy_type: Some(form.get("policyType").to_owned()), ..policy_body(&form)? };
        let cfg = api::data::<PolicyConfig>(&req)?;
        let caller = me.clone();
        run(&req, move |store| drafts::create(store, &caller, &cfg, request)).await
    }
    .await;
    match result {
        Ok(draft) => ctx.redirect_with(
            &format!("/portal/admin/policies/{}", view::q(&draft.id)),
            Flash::Success("The draft policy is saved. Publish it when it is ready.".into()),
        ),
        Err(r) => editor(&req, ctx, &me, None, &form, Some(&r)).await,
    }
}

/// The posted fields of a draft (its type aside).
fn policy_body(form: &Form) -> Result<PolicyBody, Refusal> {
    Ok(PolicyBody {
        policy_id: None,
        policy_group_name: Some(form.get("policyGroupName").to_owned()),
        policy_type: None,
        name: Some(form.get("name").trim().to_owned()),
        desc: Some(form.get("desc").trim().to_owned()),
        version: Some(form.get("version").trim().to_owned()),
        policies: Some(document(form)?),
    })
}

async fn find_policy(req: &HttpRequest, me: &Principal, id: &str) -> api::Answer<PolicyWithGroupDto> {
    let (caller, policy_id) = (me.clone(), id.to_owned());
    run(req, move |store| reads::get(store, &caller, &policy_id)).await
}

pub async fn policy(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    match find_policy(&req, &me, &path.into_inner()).await {
        Ok(p) => editor(&req, ctx, &me, Some(&p), &Form::default(), None).await,
        Err(r) => view::error_page(ctx, &r),
    }
}

pub async fn update_policy(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let id = path.into_inner();
    let existing = match find_policy(&req, &me, &id).await {
        Ok(p) => p,
        Err(r) => return view::error_page(ctx, &r),
    };
    let result = async {
        let request = policy_body(&form)?;
        let cfg = api::data::<PolicyConfig>(&req)?;
        let (caller, policy_id) = (me.clone(), id.clone());
        run(&req, move |store| drafts::update(store, &caller, &cfg, &policy_id, request)).await
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with(
            &format!("/portal/admin/policies/{}", view::q(&id)),
            Flash::Success("The draft policy is saved.".into()),
        ),
        Err(r) => editor(&req, ctx, &me, Some(&existing), &form, Some(&r)).await,
    }
}

pub async fn publish(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let id = path.into_inner();
    let result = async {
        let cfg = api::data::<PolicyConfig>(&req)?;
        let (caller, group_id) = (me.clone(), form.get("group").to_owned());
        run(&req, move |store| drafts::publish(store, &caller, &cfg, &id, &group_id)).await
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with("/portal/admin/policies", Flash::Success("The policy is published.".into())),
        Err(r) => ctx.redirect_with("/portal/admin/policies", Flash::Error(flat(&r))),
    }
}

pub async fn status(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me) = match manager(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let id = path.into_inner();
    let request = StatusBody { status: Some(form.get("status").to_owned()) };
    let (caller, group_id) = (me.clone(), form.get("group").to_owned());
    match run(&req, move |store| drafts::set_status(store, &caller, &id, &group_id, request)).await {
        Ok(done) => ctx.redirect_with("/portal/admin/policies", Flash::Success(done.message.to_owned())),
        Err(r) => ctx.redirect_with("/portal/admin/policies", Flash::Error(flat(&r))),
    }
}
