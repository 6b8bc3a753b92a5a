//! `/portal/admin/policies/new` and `/portal/admin/policies/{id}`: creating and saving drafts
//! through the editor.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use policy_app::dto::{PolicyBody, PolicyWithGroupDto};
use policy_app::{policies as drafts, reads};
use serde_json::Value;
use web_support::Principal;

use super::editor::editor;
use super::manager;
use crate::api::{self, Refusal};
use crate::ctx::Flash;
use crate::forms::Form;
use crate::i18n::t;
use crate::session::{or_answer, posted};
use crate::view;

pub async fn new_policy(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = or_answer!(manager(&req));
    let mut form = Form::default();
    if let Ok(q) = web::Query::<std::collections::HashMap<String, String>>::from_query(req.query_string()) {
        form = Form::from_pairs(q.into_inner().into_iter().collect());
    }
    editor(&req, ctx, &me, None, &form, None).await
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
    let (ctx, me, form) = or_answer!(posted(&req, manager(&req), &body));
    let result = async {
        let request = PolicyBody { policy_type: Some(form.get("policyType").to_owned()), ..policy_body(&form)? };
        let caller = me.clone();
        api::call_with(&req, move |store, cfg| drafts::create(store, &caller, cfg, request)).await
    }
    .await;
    match result {
        Ok(draft) => ctx.redirect_with(
            &format!("/portal/admin/policies/{}", view::q(&draft.id)),
            Flash::Success(t!("policy-the-draft-policy-is-saved")),
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
    api::call(req, move |store| reads::get(store, &caller, &policy_id)).await
}

pub async fn policy(req: HttpRequest, path: web::Path<String>) -> HttpResponse {
    let (ctx, me) = or_answer!(manager(&req));
    match find_policy(&req, &me, &path.into_inner()).await {
        Ok(p) => editor(&req, ctx, &me, Some(&p), &Form::default(), None).await,
        Err(r) => view::error_page(ctx, &r),
    }
}

pub async fn update_policy(req: HttpRequest, path: web::Path<String>, body: web::Bytes) -> HttpResponse {
    let (ctx, me, form) = or_answer!(posted(&req, manager(&req), &body));
    let id = path.into_inner();
    let existing = match find_policy(&req, &me, &id).await {
        Ok(p) => p,
        Err(r) => return view::error_page(ctx, &r),
    };
    let result = async {
        let request = policy_body(&form)?;
        let (caller, policy_id) = (me.clone(), id.clone());
        api::call_with(&req, move |store, cfg| drafts::update(store, &caller, cfg, &policy_id, request)).await
    }
    .await;
    match result {
        Ok(_) => ctx.redirect_with(
            &format!("/portal/admin/policies/{}", view::q(&id)),
            Flash::Success(t!("policy-the-draft-policy-is-saved-2")),
        ),
        Err(r) => editor(&req, ctx, &me, Some(&existing), &form, Some(&r)).await,
    }
}
