//! Partner-admin pages: partners (search, detail, activation), policy requests (approve,
//! reject), API keys, CA certificates, and the audit log. One module per page.

mod audit;
mod keys;
mod partners;
mod requests;

use actix_web::{HttpRequest, HttpResponse, web};
use web_support::Principal;

pub use audit::audit;
pub use keys::{key_status, keys};
pub use partners::{partner, partner_status, partners};
pub use requests::{requests, review};

use crate::ctx::{Ctx, Flash};
use crate::session::with_roles;
use crate::{certs, forms, view};

/// A partner admin (`PARTNER_ADMIN`, `PARTNERMANAGER`), or the answer for anyone else.
fn admin(req: &HttpRequest) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    with_roles(req, view::ADMIN_ROLES)
}

pub async fn certificates(req: HttpRequest) -> HttpResponse {
    let (ctx, _) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    certs::ca_page(&req, ctx, None)
}

pub async fn upload_ca(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let (ctx, me) = match admin(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::multipart(&ctx, &req, payload).await {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    match certs::upload_ca(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/admin/certificates", Flash::Success(message)),
        Err(r) => certs::ca_page(&req, ctx, Some(&r)),
    }
}
