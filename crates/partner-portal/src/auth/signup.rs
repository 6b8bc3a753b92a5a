//! Sign-up: the form (organisation, e-mail, partner type, policy group, contact) e-mails a
//! one-time code; the code and a password complete it. Over `partner_app::onboarding`.

use actix_web::{HttpRequest, HttpResponse, web};
use app_core::Actor;
use maud::html;
use partner_app::PartnerConfig;
use partner_app::onboarding::ANONYMOUS;
use partner_app::onboarding::choices::signup_choices;
use partner_app::onboarding::otp;
use partner_app::onboarding::signup::SignUpForm;
use partner_app::onboarding::verify::{self as verify_op, VerifyForm};
use serde::Deserialize;
use web_support::host::client_address;
use web_support::{ApiError, Db, request_id};

use super::onboarding;
use crate::api::{self, Refusal};
use crate::ctx::{Ctx, Flash};
use crate::forms::Form;
use crate::i18n::t;
use crate::session::{or_answer, posted_by_anyone};
use crate::view::{self, Field};

/// Partner types and policy groups to choose from.
struct Choices {
    types: Vec<(String, String)>,
    groups: Vec<(String, String)>,
}

async fn choices(req: &HttpRequest) -> Result<Choices, Refusal> {
    let db = api::data::<Db>(req)?;
    let on = onboarding(req)?;
    let offered = db.call(move |store| signup_choices(store, &on.rules)).await?;
    let types = offered
        .partner_types
        .into_iter()
        .map(|t| {
            let kind = view::master_word("partner-type", &t.code, &t.description);
            let text = if t.needs_policy_group { t!("signup-needs-policy-group", kind = kind) } else { kind };
            (t.code, text)
        })
        .collect();
    let mut groups = vec![(String::new(), t!("signup-none"))];
    groups.extend(offered.policy_groups.into_iter().map(|g| (g.clone(), g)));
    Ok(Choices { types, groups })
}

pub async fn signup_page(req: HttpRequest) -> HttpResponse {
    let ctx = Ctx::new(&req);
    match choices(&req).await {
        Ok(c) => signup_form(ctx, &c, &Form::default(), None),
        Err(r) => view::error_page(ctx, &r),
    }
}

fn signup_form(ctx: Ctx, c: &Choices, form: &Form, refusal: Option<&Refusal>) -> HttpResponse {
    let body = html! {
        p { (t!("signup-register-your-organisation-we-e")) }
        form.card method="post" action="/portal/signup" {
            (view::csrf(&ctx))
            (Field::new("partnerId", &t!("signup-user-name-your-partner-id"), form.get("partnerId")).required().autocomplete("username")
                .hint(&t!("signup-letters-digits-no-spaces-you")).render(refusal))
            (Field::new("organizationName", &t!("partners-organisation"), form.get("organizationName")).required().autocomplete("organization").render(refusal))
            (Field::new("emailId", &t!("home-e-mail"), form.get("emailId")).kind("email").required().autocomplete("email").render(refusal))
            (view::select("partnerType", &t!("home-partner-type"), &c.types, form.get("partnerType"), refusal))
            (view::select("policyGroup", &t!("home-policy-group"), &c.groups, form.get("policyGroup"), refusal))
            (Field::new("contactNumber", &t!("signup-contact-number"), form.get("contactNumber")).kind("tel").required().autocomplete("tel").render(refusal))
            (Field::new("address", &t!("partners-address"), form.get("address")).required().autocomplete("street-address").render(refusal))
            button type="submit" { (t!("signup-send-me-the-code")) }
        }
        p { (t!("signup-already-registered")) " " a href="/portal/login" { (t!("nav-log-in")) } "." }
    };
    view::page_or_refused(ctx, &t!("nav-sign-up"), refusal, body)
}

pub async fn signup(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, form) = or_answer!(posted_by_anyone(&req, &body));
    let answer = send_code(&req, &form).await;
    match answer {
        Ok(sent) => {
            let until = t!("signup-code-valid-until", when = view::when(sent.otp_expiry_time));
            let to = format!("/portal/signup/verify?registration={}", view::q(&sent.registration_id));
            let mut res = ctx.redirect_with(
                &to,
                Flash::Success(format!("{} {until}", t!("signup-code-sent", email = sent.email_id.clone()))),
            );
            let _ = res.add_cookie(&super::resend::pending_cookie(&ctx, &form));
            res
        }
        Err(r) => match choices(&req).await {
            Ok(c) => signup_form(ctx, &c, &form, Some(&r)),
            Err(_) => view::error_page(ctx, &r),
        },
    }
}

/// Asks for an OTP for the sign-up `form` (as `POST /onboarding/otp` does).
pub(super) async fn send_code(req: &HttpRequest, form: &Form) -> Result<otp::OtpSent, Refusal> {
    let on = onboarding(req)?;
    let db = api::data::<Db>(req)?;
    let cfg = api::data::<PartnerConfig>(req)?;
    let actor = Actor::anonymous(ANONYMOUS, request_id::of(req));
    let signup = SignUpForm {
        partner_id: Some(form.get("partnerId").trim().to_owned()),
        organization_name: Some(form.get("organizationName").trim().to_owned()),
        email_id: Some(form.get("emailId").trim().to_owned()),
        partner_type: Some(form.get("partnerType").to_owned()),
        policy_group: form.opt("policyGroup"),
        contact_number: Some(form.get("contactNumber").trim().to_owned()),
        address: Some(form.get("address").trim().to_owned()),
        lang_code: None,
    };
    let client = client_address(req, on.rules.trust_forwarded_for);
    Ok(db
        .call(move |store| {
            otp::request_otp(store, &actor, &on.rules, &cfg.rules, on.notifier.as_ref(), client.as_deref(), signup)
        })
        .await?)
}

#[derive(Debug, Default, Deserialize)]
pub struct VerifyQuery {
    registration: Option<String>,
}

pub async fn verify_page(req: HttpRequest, query: web::Query<VerifyQuery>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let registration = query.registration.clone().unwrap_or_default();
    verify_form(ctx, &registration, None)
}

fn verify_form(ctx: Ctx, registration: &str, refusal: Option<&Refusal>) -> HttpResponse {
    let body = html! {
        p { (t!("signup-enter-the-six-digit-code")) }
        form.card method="post" action="/portal/signup/verify" {
            (view::csrf(&ctx))
            (Field::new("registrationId", &t!("signup-registration-id"), registration).required().render(refusal))
            (Field::new("otp", &t!("signup-code-from-the-e-mail"), "").required().autocomplete("one-time-code").render(refusal))
            (Field::new("password", &t!("login-password"), "").kind("password").required().autocomplete("new-password")
                .hint(&t!("signup-at-least-10-characters-not")).render(refusal))
            (Field::new("confirm", &t!("signup-repeat-the-password"), "").kind("password").required().autocomplete("new-password").render(refusal))
            button type="submit" { (t!("signup-complete-sign-up")) }
        }
        form.card method="post" action="/portal/signup/resend" #resend-code {
            (view::csrf(&ctx))
            p { (t!("signup-no-code-or-it-expired")) " " button.link type="submit" { (t!("signup-send-a-new-code")) } }
        }
    };
    view::page_or_refused(ctx, &t!("signup-confirm-your-e-mail"), refusal, body)
}

pub async fn verify(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (ctx, form) = or_answer!(posted_by_anyone(&req, &body));
    let registration = form.get("registrationId").trim().to_owned();
    if form.get("password") != form.get("confirm") {
        let r = Refusal::from(ApiError::invalid_field("confirm", &t!("signup-does-not-repeat-the-password")));
        return verify_form(ctx, &registration, Some(&r));
    }
    let answer = async {
        let on = onboarding(&req)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<PartnerConfig>(&req)?;
        let actor = Actor::anonymous(ANONYMOUS, request_id::of(&req));
        let request = VerifyForm {
            registration_id: Some(registration.clone()),
            otp: Some(form.get("otp").trim().to_owned()),
            password: Some(form.get("password").to_owned()),
        };
        let client = client_address(&req, on.rules.trust_forwarded_for);
        let verified =
            db.call(move |store| verify_op::verify(store, &actor, &on.rules, &cfg.rules, client.as_deref(), request));
        Ok::<_, Refusal>(verified.await?)
    }
    .await;
    match answer {
        Ok(c) => ctx.redirect_with(
            "/portal/login",
            Flash::Success(t!("signup-registered", id = c.partner_id.clone(), status = view::status_word(&c.status))),
        ),
        Err(r) => verify_form(ctx, &registration, Some(&r)),
    }
}
