//! `POST /v1/partnermanager/auth/login`: user name and password of a local account → a JWT the
//! services accept (HS256, signed with the secret they verify with), also set as a cookie.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{CustomizeResponder, HttpRequest, Responder, web};
use partner_app::onboarding::ANONYMOUS;
use partner_app::onboarding::login::{self as op, LoggedIn, LoginForm};
use web_support::host::client_address;
use web_support::openapi::schema::ErrorResponse;
use web_support::{Actor, ApiError, Db, Envelope, Reply, RequestEnvelope, ResponseEnvelope, request_id};

use crate::onboarding::Enabled;

/// `POST /auth/login`.
#[utoipa::path(
    post,
    path = "/auth/login",
    operation_id = "loginLocalAccount",
    tag = "Onboarding",
    summary = "Log in with a local account",
    description = "Answers a token for the user name and password of an account created by \
self-service sign-up, and sets it as the `Authorization` cookie (HttpOnly, SameSite=Strict). \
Public: no token.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `userName` missing or blank, `password` missing, \
or a malformed `requesttime`; `PMS_ONB_012` local login is not available (tokens come from the \
identity provider); `PMS_ONB_011` unknown user, wrong password or disabled account; \
`PMS_ONB_015` too many failed logins for this account (default 5 in a row) or from this address \
(default 20): locked for a minute, doubling with each further failure up to an hour.",
    security(()),
    request_body(
        content = RequestEnvelope<LoginForm>,
        example = json!({"id": "mosip.partnermanagement.auth.login", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"userName": "tech-auth-1", "password": "c0rrect-Horse-battery"}})
    ),
    responses(
        (status = 200, description = "The token (`id` and `version` echoed), or the errors", body = ResponseEnvelope<LoggedIn>,
            headers(("Set-Cookie" = String, description = "`Authorization=<token>` on success"))),
        (status = 404, description = "`PMS_COR_404`: self-service onboarding is switched off (`[onboarding] enabled = false`)", body = ErrorResponse)
    )
)]
#[tracing::instrument(skip_all)]
pub async fn login(
    req: HttpRequest,
    on: Enabled,
    db: web::Data<Db>,
    body: Envelope<LoginForm>,
) -> Result<CustomizeResponder<Reply<LoggedIn>>, ApiError> {
    let (form, echo) = body.open()?;
    let on = on.0;
    let client = client_address(&req, on.rules.trust_forwarded_for);
    let actor = Actor::anonymous(ANONYMOUS, request_id::of(&req));
    let answer = db.call(move |store| op::login(store, &on, &actor, client.as_deref(), form)).await?;
    let cookie = Cookie::build("Authorization", answer.token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::seconds(answer.expires_in))
        .finish();
    Ok(Reply::echo(answer, echo).customize().append_header((header::SET_COOKIE, cookie.to_string())))
}
