//! Log in and log out over `partner_app::onboarding::login`; sign-up (form → e-mailed OTP →
//! password) in [`signup`]. All of it only while `[onboarding] enabled`.

mod resend;
mod resume;
mod signup;

use actix_web::{HttpRequest, HttpResponse, web};
use maud::html;
use partner_app::onboarding::login::{self as login_op, LoginForm};
use partner_app::onboarding::{ANONYMOUS, Onboarding};
use serde::Deserialize;
use web_support::host::client_address;
use web_support::{Actor, ApiError, Db, request_id};

pub use resend::resend;
pub use resume::resume_login;
pub use signup::{signup, signup_page, verify, verify_page};

use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::i18n::t;
use crate::session::{or_answer, posted_by_anyone};
use crate::view::{self, Field};

/// The onboarding state while sign-up and local login are switched on; MOSIP's 404 otherwise,
/// as the API answers.
fn onboarding(req: &HttpRequest) -> Result<web::Data<Onboarding>, Refusal> {
    match req.app_data::<web::Data<Onboarding>>() {
        Some(on) if on.enabled => Ok(on.clone()),
        _ => Err(Refusal::from(ApiError::not_found())),
    }
}

/// Where a login may send the user on: a portal path only.
#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_page(req: HttpRequest, query: web::Query<NextQuery>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let next = view::portal_page_or_home(query.next.as_deref().unwrap_or("")).to_owned();
    login_form(ctx, &Form::default(), &next, None)
}

fn login_form(ctx: Ctx, form: &Form, next: &str, refusal: Option<&Refusal>) -> HttpResponse {
    let body = html! {
        form.card method="post" action="/portal/login" {
            (view::csrf(&ctx))
            input type="hidden" name="next" value=(next);
            @for (k, v) in form.with_prefix(resume::CARRIED) { input type="hidden" name=(format!("{}{k}", resume::CARRIED)) value=(v); }
            (Field::new("userName", &t!("login-user-name"), form.get("userName")).required().autocomplete("username").render(refusal))
            (Field::new("password", &t!("login-password"), "").kind("password").required().autocomplete("current-password").render(refusal))
            button type="submit" { (t!("nav-log-in")) }
        }
        p { (t!("login-new-partner")) " " a href="/portal/signup" { (t!("nav-sign-up")) } "." }
    };
    view::page_or_refused(ctx, &t!("nav-log-in"), refusal, body)
}

pub async fn login(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, form) = or_answer!(posted_by_anyone(&req, &body));
    let next = view::portal_page_or_home(form.get("next")).to_owned();
    let answer = async {
        let on = onboarding(&req)?;
        let db = api::data::<Db>(&req)?;
        let creds = LoginForm {
            user_name: Some(form.get("userName").to_owned()),
            password: Some(form.get("password").to_owned()),
        };
        let client = client_address(&req, on.rules.trust_forwarded_for);
        let actor = Actor::anonymous(ANONYMOUS, request_id::of(&req));
        Ok::<_, Refusal>(db.call(move |store| login_op::login(store, &on, &actor, client.as_deref(), creds)).await?)
    }
    .await;
    match answer {
        Ok(done) => {
            if let Some(resend) = resume::resend_page(&ctx, &form, &next) {
                let cookie = ctx.session_cookie(done.token, done.expires_in);
                let mut res = view::page(ctx, &t!("login-send-your-form-again"), resend);
                let _ = res.add_cookie(&cookie);
                return res;
            }
            // the stale session's removal (if any) goes first, the new session last
            let cookie = ctx.session_cookie(done.token, done.expires_in);
            let mut res = ctx.finish(view::redirect(&next));
            let _ = res.add_cookie(&cookie);
            res
        }
        Err(r) => login_form(ctx, &form, &next, Some(&r)),
    }
}

pub async fn logout(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, _) = or_answer!(posted_by_anyone(&req, &body));
    let mut res = ctx.redirect_with("/portal/login", Flash::Success(t!("login-you-are-logged-out")));
    let _ = res.add_cookie(&ctx.end_session());
    res
}
