//! Who is asking: the signed-in user of a page, or the answer that sends the browser elsewhere.

use actix_web::{HttpRequest, HttpResponse, web};
use web_support::{ApiError, Principal};

use crate::api::Refusal;
use crate::ctx::Ctx;
use crate::forms::{self, Form};
use crate::view;

/// What a page needs before it can answer, or the answer sent instead.
pub type Gate<T> = Result<T, Box<HttpResponse>>;

/// The value a [`Gate`] let through, or returns the answer it gave instead.
macro_rules! or_answer {
    ($gate:expr) => {
        match $gate {
            Ok(v) => v,
            Err(res) => return *res,
        }
    };
}
pub(crate) use or_answer;

/// The signed-in user, or a redirect to the login page (which sends the user back here).
pub fn signed_in(req: &HttpRequest) -> Gate<(Ctx, Principal)> {
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
pub fn with_roles(req: &HttpRequest, roles: &[&str]) -> Gate<(Ctx, Principal)> {
    let (ctx, me) = signed_in(req)?;
    if me.has_any(roles) {
        Ok((ctx, me))
    } else {
        tracing::info!(user = %me.user_id, path = %req.path(), "portal page refused");
        let refusal = Refusal::from(ApiError::forbidden());
        Err(Box::new(view::error_page(ctx, &refusal)))
    }
}

/// The user `gate` let through and the posted form, its token checked. A post whose session
/// has ended answers the login page that keeps what was typed (see [`crate::auth::resume_login`]).
pub fn posted(req: &HttpRequest, gate: Gate<(Ctx, Principal)>, body: &web::Bytes) -> Gate<(Ctx, Principal, Form)> {
    let (ctx, me) = match gate {
        Ok(v) => v,
        Err(res) if res.status() == actix_web::http::StatusCode::SEE_OTHER => {
            return Err(Box::new(crate::auth::resume_login(req, body)));
        }
        Err(res) => return Err(res),
    };
    let (ctx, form) = read_form(ctx, body)?;
    Ok((ctx, me, form))
}

/// The form posted to a page open to anyone, its token checked.
pub fn posted_by_anyone(req: &HttpRequest, body: &web::Bytes) -> Gate<(Ctx, Form)> {
    read_form(Ctx::new(req), body)
}

fn read_form(ctx: Ctx, body: &web::Bytes) -> Gate<(Ctx, Form)> {
    match forms::urlencoded(&ctx, body) {
        Ok(form) => Ok((ctx, form)),
        Err(r) => Err(Box::new(view::error_page(ctx, &r))),
    }
}

/// The user `gate` let through and the uploaded multipart form, its token checked.
pub async fn uploaded(
    gate: Gate<(Ctx, Principal)>,
    req: &HttpRequest,
    payload: web::Payload,
) -> Gate<(Ctx, Principal, Form)> {
    let (ctx, me) = gate?;
    match forms::multipart(&ctx, req, payload).await {
        Ok(form) => Ok((ctx, me, form)),
        Err(r) => Err(Box::new(view::error_page(ctx, &r))),
    }
}
