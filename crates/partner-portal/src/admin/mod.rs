//! Partner-admin pages: partners (search, detail, activation), policy requests (approve,
//! reject), API keys, CA certificates, and the audit log. One module per page.

mod audit;
mod audit_words;
mod keys;
mod partners;
mod requests;
mod trust;

use actix_web::{HttpRequest, HttpResponse, web};
use web_support::Principal;

pub use audit::audit;
pub use keys::{confirm_key_status, key_status, keys};
pub use partners::{confirm_status, partner, partner_status, partners};
pub use requests::{confirm_review, requests, review};

use crate::ctx::{Ctx, Flash};
use crate::session::{Gate, or_answer, uploaded, with_roles};
use crate::{certs, view};

/// A partner admin (`PARTNER_ADMIN`, `PARTNERMANAGER`), or the answer for anyone else.
fn admin(req: &HttpRequest) -> Gate<(Ctx, Principal)> {
    with_roles(req, view::ADMIN_ROLES)
}

pub async fn certificates(req: HttpRequest, query: web::Query<view::ListQuery>) -> HttpResponse {
    let (ctx, me) = or_answer!(admin(&req));
    let (list, failed) = trust::trust_list(&req, &me, &query).await;
    certs::ca_page(&req, ctx, list, failed.as_ref(), None)
}

pub async fn upload_ca(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let (ctx, me, form) = or_answer!(uploaded(admin(&req), &req, payload).await);
    match certs::upload_ca(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/admin/certificates", Flash::Success(message)),
        Err(r) => {
            let (list, failed) = trust::trust_list(&req, &me, &view::ListQuery::default()).await;
            certs::ca_page(&req, ctx, list, failed.as_ref(), Some(&r))
        }
    }
}
