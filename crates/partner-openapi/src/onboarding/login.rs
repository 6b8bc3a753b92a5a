//! `POST /v1/partnermanager/auth/login`: user name and password of a local account → a JWT the
//! services accept (HS256, signed with the secret they verify with), also set as a cookie.

use partner_app::onboarding::login::{LoggedIn, LoginForm};
use web_support::openapi::schema::ErrorResponse;
use web_support::{RequestEnvelope, ResponseEnvelope};

op! {
    /// `POST /auth/login`.
    login: post "/auth/login", "loginLocalAccount", "Onboarding", "Log in with a local account";
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
}
