//! "Send a new code" on the verify page: the sign-up's details are kept for half an hour in an
//! `HttpOnly` cookie scoped to `/portal/signup`, so that a new OTP can be asked for without
//! typing them again (the onboarding rules' resend throttle applies).

use actix_web::cookie::Cookie;
use actix_web::{HttpRequest, HttpResponse, web};

use super::signup::send_code;
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::i18n::t;
use crate::session::{or_answer, posted_by_anyone};
use crate::view;

const PENDING_COOKIE: &str = "pms_signup";
/// The sign-up fields kept (never a password).
const KEPT: &[&str] =
    &["partnerId", "organizationName", "emailId", "partnerType", "policyGroup", "contactNumber", "address"];

/// The cookie that keeps the sign-up `form`'s details for a resend.
pub fn pending_cookie(ctx: &Ctx, form: &Form) -> Cookie<'static> {
    let pairs: Vec<(&str, &str)> = KEPT.iter().map(|k| (*k, form.get(k))).collect();
    let value = hex::encode(serde_urlencoded::to_string(pairs).unwrap_or_default());
    ctx.scoped_cookie(PENDING_COOKIE, value, "/portal/signup", 30 * 60)
}

fn pending(req: &HttpRequest) -> Option<Form> {
    let raw = hex::decode(req.cookie(PENDING_COOKIE)?.value()).ok()?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&raw).ok()?;
    Some(Form::from_pairs(pairs))
}

pub async fn resend(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, _) = or_answer!(posted_by_anyone(&req, &body));
    let Some(form) = pending(&req) else {
        return ctx.redirect_with("/portal/signup", Flash::Error(t!("signup-fill-in-the-sign-up")));
    };
    match send_code(&req, &form).await {
        Ok(sent) => {
            let to = format!("/portal/signup/verify?registration={}", view::q(&sent.registration_id));
            ctx.redirect_with(&to, Flash::Success(t!("signup-new-code-sent", email = sent.email_id.clone())))
        }
        Err(r) => ctx.redirect_with("/portal/signup/verify", Flash::of(Err::<String, _>(r))),
    }
}
