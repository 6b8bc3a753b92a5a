//! `/portal/certificates`: the partner's certificate and its upload (pages in [`crate::certs`]).

use actix_web::{HttpRequest, HttpResponse, web};

use crate::certs;
use crate::ctx::Flash;
use crate::session::{or_answer, signed_in, uploaded};

pub async fn certificates(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = or_answer!(signed_in(&req));
    certs::partner_page(&req, ctx, &me, None).await
}

pub async fn upload_certificate(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let (ctx, me, form) = or_answer!(uploaded(signed_in(&req), &req, payload).await);
    match certs::upload_partner(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/certificates", Flash::Success(message)),
        Err(r) => certs::partner_page(&req, ctx, &me, Some(&r)).await,
    }
}
