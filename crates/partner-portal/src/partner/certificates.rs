//! `/portal/certificates`: the partner's certificate and its upload (pages in [`crate::certs`]).

use actix_web::{HttpRequest, HttpResponse, web};

use crate::ctx::Flash;
use crate::session::signed_in;
use crate::{certs, forms, view};

pub async fn certificates(req: HttpRequest) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    certs::partner_page(&req, ctx, &me, None).await
}

pub async fn upload_certificate(req: HttpRequest, payload: web::Payload) -> HttpResponse {
    let (ctx, me) = match signed_in(&req) {
        Ok(v) => v,
        Err(res) => return *res,
    };
    let form = match forms::multipart(&ctx, &req, payload).await {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    match certs::upload_partner(&req, &me, &form).await {
        Ok(message) => ctx.redirect_with("/portal/certificates", Flash::Success(message)),
        Err(r) => certs::partner_page(&req, ctx, &me, Some(&r)).await,
    }
}
