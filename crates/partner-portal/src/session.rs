//! Who is asking: the signed-in user of a page, or the answer that sends the browser elsewhere.

use actix_web::{HttpRequest, HttpResponse};
use web_support::{ApiError, Principal};

use crate::api::Refusal;
use crate::ctx::Ctx;
use crate::view;

/// The signed-in user, or a redirect to the login page (which sends the user back here).
pub fn signed_in(req: &HttpRequest) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    let ctx = Ctx::new(req);
    match ctx.user.clone() {
        Some(user) => Ok((ctx, user)),
        None => {
            let to = format!("/portal/login?next={}", view::q(req.path()));
            Err(Box::new(ctx.finish(view::redirect(&to))))
        }
    }
}

/// The signed-in user holding one of `roles`; a redirect to the login page when nobody is signed
/// in, MOSIP's 403 page otherwise.
pub fn with_roles(req: &HttpRequest, roles: &[&str]) -> Result<(Ctx, Principal), Box<HttpResponse>> {
    let (ctx, me) = signed_in(req)?;
    if me.has_any(roles) {
        Ok((ctx, me))
    } else {
        tracing::info!(user = %me.user_id, path = %req.path(), "portal page refused");
        let refusal = Refusal::from(ApiError::forbidden());
        Err(Box::new(view::error_page(ctx, &refusal)))
    }
}
