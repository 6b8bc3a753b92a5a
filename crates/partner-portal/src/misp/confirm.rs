//! The confirmation page of rejecting or deactivating a MISP (`GET /portal/admin/misps/{id}?
//! action=status&value=rejected` or `?action=active&value=de-active`), with an optional reason.

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use misp_app::{MispConfig, misps as misp_ops};
use serde::Deserialize;
use web_support::ApiError;

use crate::api::{self, Refusal};
use crate::i18n::t;
use crate::session::{or_answer, with_roles};
use crate::view;

#[derive(Debug, Default, Deserialize)]
pub struct ConfirmQuery {
    action: Option<String>,
    value: Option<String>,
}

pub async fn confirm(req: HttpRequest, path: web::Path<String>, q: web::Query<ConfirmQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(with_roles(&req, view::ADMIN_ROLES));
    let id = path.into_inner();
    let (caller, misp_id) = (me.clone(), id.clone());
    let found = api::call_with(&req, move |store, cfg: &MispConfig| {
        cfg.roles.require_admin(&caller)?;
        misp_ops::by_id(store, &caller, cfg, &misp_id)
    })
    .await;
    let misp = match found {
        Ok(Some(m)) => m.misp,
        Ok(None) => return view::error_page(ctx, &Refusal::from(ApiError::not_found())),
        Err(r) => return view::error_page(ctx, &r),
    };
    let (action, value) = (q.action.clone().unwrap_or_default(), q.value.clone().unwrap_or_default());
    let (name, misp_id) = (misp.name.clone(), misp.id.clone());
    let (verb, question, title) = match (action.as_str(), value.as_str()) {
        ("status", "rejected") => (
            t!("requests-reject-2"),
            t!("misp-confirm-reject", name = name.clone(), id = misp_id),
            t!("misp-title-reject", name = name),
        ),
        ("active", "de-active") => (
            t!("partners-deactivate"),
            t!("misp-confirm-deactivate", name = name.clone(), id = misp_id),
            t!("misp-title-deactivate", name = name),
        ),
        _ => {
            return view::error_page(
                ctx,
                &Refusal::from(ApiError::invalid_field("action", "must be a rejection or a deactivation")),
            );
        }
    };
    let target = format!("/portal/admin/misps/{}", view::q(&id));
    let confirm = view::Confirm {
        question,
        action: &target,
        fields: &[("action", action.as_str()), ("value", value.as_str())],
        button: verb,
        danger: true,
        back: "/portal/admin/misps",
    };
    let facts = html! {
        p { (t!("misp-its-licence-keys-stop-working")) }
        dl.facts {
            dt { (t!("misp-registration")) } dd { (view::badge(misp.status_code)) }
            dt { (t!("misp-owner")) } dd { (misp.user_id) }
        }
    };
    let body = view::confirm_body(&ctx, &confirm, facts);
    view::page(ctx, &title, body)
}
