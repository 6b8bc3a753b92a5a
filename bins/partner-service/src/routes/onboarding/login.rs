//! `POST /v1/partnermanager/auth/login`: user name and password of a local account → a JWT the
//! services accept (HS256, signed with the secret they verify with), also set as a cookie.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::header;
use actix_web::{CustomizeResponder, HttpRequest, Responder, web};
use partner_app::onboarding::ANONYMOUS;
use partner_app::onboarding::login::{self as op, LoggedIn, LoginForm};
use web_support::host::client_address;
use web_support::{Actor, ApiError, Db, Envelope, Reply, request_id};

use crate::onboarding::Enabled;

/// `POST /auth/login`.
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
