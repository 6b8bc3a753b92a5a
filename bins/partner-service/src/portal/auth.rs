//! Sign-up (form → e-mailed OTP → password), log in and log out, over the onboarding endpoints'
//! handlers.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use maud::html;
use persistence::repo;
use serde::Deserialize;
use serde_json::json;
use web_support::{ApiError, Db};

use super::api::{self, Refusal};
use super::ctx::{Ctx, Flash};
use super::forms::{self, Form};
use super::view::{self, Field};
use crate::onboarding::Enabled;
use crate::routes::PartnerConfig;
use crate::routes::onboarding::{login as login_route, otp, verify as verify_route};

fn enabled(req: &HttpRequest) -> Result<Enabled, Refusal> {
    Enabled::from_request(req, &mut Payload::None).into_inner().map_err(Refusal::from)
}

/// Where a login may send the user on: a portal path only.
fn next_of(value: &str) -> &str {
    if value.starts_with("/portal/") && !value.starts_with("//") && !value.contains("://") { value } else { "/portal/" }
}

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn login_page(req: HttpRequest, query: web::Query<NextQuery>) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let next = next_of(query.next.as_deref().unwrap_or("")).to_owned();
    login_form(ctx, &Form::default(), &next, None)
}

fn login_form(ctx: Ctx, form: &Form, next: &str, refusal: Option<&Refusal>) -> HttpResponse {
    let body = html! {
        form.card method="post" action="/portal/login" {
            (view::csrf(&ctx))
            input type="hidden" name="next" value=(next);
            (Field::new("userName", "User name", form.get("userName")).required().autocomplete("username").render(refusal))
            (Field::new("password", "Password", "").kind("password").required().autocomplete("current-password").render(refusal))
            button type="submit" { "Log in" }
        }
        p { "New partner? " a href="/portal/signup" { "Sign up" } "." }
    };
    match refusal {
        Some(r) => view::page_refused(ctx, "Log in", r, body),
        None => view::page(ctx, "Log in", body),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LoggedIn {
    token: String,
    expires_in: i64,
}

pub async fn login(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let next = next_of(form.get("next")).to_owned();
    let answer = async {
        let on = enabled(&req)?;
        let db = api::data::<Db>(&req)?;
        let body = api::envelope(json!({"userName": form.get("userName"), "password": form.get("password")}))?;
        api::typed::<LoggedIn, _>(login_route::login(on, db, body).await).await
    }
    .await;
    match answer {
        Ok(done) => {
            let mut res = view::redirect(&next);
            let _ = res.add_cookie(&ctx.session_cookie(done.token, done.expires_in));
            ctx.finish(res)
        }
        Err(r) => login_form(ctx, &form, &next, Some(&r)),
    }
}

pub async fn logout(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    if let Err(r) = forms::urlencoded(&ctx, &body) {
        return view::error_page(ctx, &r);
    }
    let mut res = ctx.redirect_with("/portal/login", Flash::Success("You are logged out.".into()));
    let _ = res.add_cookie(&ctx.end_session());
    res
}

/// Partner types and policy groups to choose from.
struct Choices {
    types: Vec<(String, String)>,
    groups: Vec<(String, String)>,
}

async fn choices(req: &HttpRequest) -> Result<Choices, Refusal> {
    let db = api::data::<Db>(req)?;
    let on = enabled(req)?;
    let allowed = on.0.partner_types.allowed.clone();
    let (types, groups) = db
        .read(move |conn| {
            let types = repo::partner::partner_types(conn)?;
            let groups = repo::policy::all_groups(conn)?;
            Ok((types, groups))
        })
        .await
        .map_err(Refusal::from)?;
    let never = ["Partner_Admin", "Internal_Partner"];
    let types = types
        .into_iter()
        .filter(|t| t.is_active && !never.contains(&t.code.as_str()))
        .filter(|t| allowed.is_empty() || allowed.iter().any(|a| a.eq_ignore_ascii_case(&t.code)))
        .map(|t| {
            let text = if t.is_policy_required {
                format!("{} (needs a policy group)", t.partner_description)
            } else {
                t.partner_description
            };
            (t.code, text)
        })
        .collect();
    let mut group_options = vec![(String::new(), "— none —".to_owned())];
    group_options.extend(groups.into_iter().filter(|g| g.is_active).map(|g| (g.name.clone(), g.name)));
    Ok(Choices { types, groups: group_options })
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
        p { "Register your organisation. We e-mail you a one-time code to confirm the address; then you choose your password." }
        form.card method="post" action="/portal/signup" {
            (view::csrf(&ctx))
            (Field::new("partnerId", "User name (your partner id)", form.get("partnerId")).required().autocomplete("username")
                .hint("Letters, digits, no spaces; you log in with it.").render(refusal))
            (Field::new("organizationName", "Organisation", form.get("organizationName")).required().autocomplete("organization").render(refusal))
            (Field::new("emailId", "E-mail", form.get("emailId")).kind("email").required().autocomplete("email").render(refusal))
            (view::select("partnerType", "Partner type", &c.types, form.get("partnerType"), refusal))
            (view::select("policyGroup", "Policy group", &c.groups, form.get("policyGroup"), refusal))
            (Field::new("contactNumber", "Contact number", form.get("contactNumber")).kind("tel").required().autocomplete("tel").render(refusal))
            (Field::new("address", "Address", form.get("address")).required().autocomplete("street-address").render(refusal))
            button type="submit" { "Send me the code" }
        }
        p { "Already registered? " a href="/portal/login" { "Log in" } "." }
    };
    match refusal {
        Some(r) => view::page_refused(ctx, "Sign up", r, body),
        None => view::page(ctx, "Sign up", body),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OtpSent {
    registration_id: String,
    email_id: String,
    otp_expiry_time: Option<String>,
}

pub async fn signup(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let answer = async {
        let on = enabled(&req)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<PartnerConfig>(&req)?;
        let group = form.opt("policyGroup");
        let body = api::envelope(json!({
            "partnerId": form.get("partnerId").trim(),
            "organizationName": form.get("organizationName").trim(),
            "emailId": form.get("emailId").trim(),
            "partnerType": form.get("partnerType"),
            "policyGroup": group,
            "contactNumber": form.get("contactNumber").trim(),
            "address": form.get("address").trim(),
        }))?;
        api::typed::<OtpSent, _>(otp::request_otp(on, req.clone(), db, cfg, body).await).await
    }
    .await;
    match answer {
        Ok(sent) => {
            let until = sent.otp_expiry_time.map(|t| format!(" It is valid until {t} (UTC).")).unwrap_or_default();
            let to = format!("/portal/signup/verify?registration={}", view::q(&sent.registration_id));
            ctx.redirect_with(&to, Flash::Success(format!("We sent a code to {}.{until}", sent.email_id)))
        }
        Err(r) => match choices(&req).await {
            Ok(c) => signup_form(ctx, &c, &form, Some(&r)),
            Err(_) => view::error_page(ctx, &r),
        },
    }
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
        p { "Enter the six-digit code from the e-mail and choose your password." }
        form.card method="post" action="/portal/signup/verify" {
            (view::csrf(&ctx))
            (Field::new("registrationId", "Registration id", registration).required().render(refusal))
            (Field::new("otp", "Code from the e-mail", "").required().autocomplete("one-time-code").render(refusal))
            (Field::new("password", "Password", "").kind("password").required().autocomplete("new-password")
                .hint("At least 10 characters, not your user name or e-mail.").render(refusal))
            (Field::new("confirm", "Repeat the password", "").kind("password").required().autocomplete("new-password").render(refusal))
            button type="submit" { "Complete sign-up" }
        }
    };
    match refusal {
        Some(r) => view::page_refused(ctx, "Confirm your e-mail", r, body),
        None => view::page(ctx, "Confirm your e-mail", body),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    partner_id: String,
    status: String,
}

pub async fn verify(req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req);
    let form = match forms::urlencoded(&ctx, &body) {
        Ok(f) => f,
        Err(r) => return view::error_page(ctx, &r),
    };
    let registration = form.get("registrationId").trim().to_owned();
    if form.get("password") != form.get("confirm") {
        let r = Refusal::from(ApiError::invalid_field("confirm", "does not repeat the password"));
        return verify_form(ctx, &registration, Some(&r));
    }
    let answer = async {
        let on = enabled(&req)?;
        let db = api::data::<Db>(&req)?;
        let cfg = api::data::<PartnerConfig>(&req)?;
        let body = api::envelope(json!({
            "registrationId": registration,
            "otp": form.get("otp").trim(),
            "password": form.get("password"),
        }))?;
        api::typed::<Created, _>(verify_route::verify(on, req.clone(), db, cfg, body).await).await
    }
    .await;
    match answer {
        Ok(c) => ctx.redirect_with(
            "/portal/login",
            Flash::Success(format!(
                "Partner {} is registered (status {}). Log in with your user name and password.",
                c.partner_id, c.status
            )),
        ),
        Err(r) => verify_form(ctx, &registration, Some(&r)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_only_sends_on_to_portal_pages() {
        assert_eq!(next_of("/portal/keys"), "/portal/keys");
        assert_eq!(next_of("https://evil.example/"), "/portal/");
        assert_eq!(next_of("//evil.example/portal/"), "/portal/");
        assert_eq!(next_of("/v1/partnermanager/partners"), "/portal/");
        assert_eq!(next_of(""), "/portal/");
    }
}
