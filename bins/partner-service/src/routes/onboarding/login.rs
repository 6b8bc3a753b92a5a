//! `POST /v1/partnermanager/auth/login`: user name and password of a local account → a JWT the
//! services accept (HS256, signed with the secret they verify with).

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpResponse, web};
use chrono::NaiveDateTime;
use partner_domain::onboarding::{DUMMY_HASH, OnboardingError, login_key, roles, verify_secret};
use persistence::repo;
use persistence::repo::account::AccountRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::auth::{TokenSpec, mint_hs256_with};
use web_support::envelope::RequestEnvelope;
use web_support::openapi::schema::ErrorResponse;
use web_support::{ApiError, Db, ResponseEnvelope, time};

use crate::error::{RefuseOnboarding, onboarding_refusal};
use crate::onboarding::Enabled;

/// A local account's credentials.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LoginForm {
    /// The partner id the account was created for (case-insensitive).
    #[schema(required = true, example = "tech-auth-1")]
    user_name: Option<String>,
    #[schema(required = true, format = Password, example = "c0rrect-Horse-battery")]
    password: Option<String>,
}

/// The token (also set as the `Authorization` cookie).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
struct LoggedIn {
    /// A JWT the services accept as `Authorization: Bearer …`.
    token: String,
    #[schema(example = "Bearer")]
    token_type: &'static str,
    /// Seconds the token stays valid.
    #[schema(example = 3600)]
    expires_in: i64,
    #[serde(with = "time::serde_mosip")]
    #[schema(value_type = String, example = "2024-05-01T11:20:30.000Z")]
    expiry_time: NaiveDateTime,
    user_id: String,
    roles: Vec<String>,
}

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
identity provider); `PMS_ONB_011` unknown user, wrong password or disabled account.",
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
pub async fn login(
    on: Enabled,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<LoginForm>>,
) -> Result<HttpResponse, ApiError> {
    let on = on.0;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let form = envelope.into_request()?;
    let user = form.user_name.filter(|u| !u.trim().is_empty());
    let user = user.ok_or_else(|| ApiError::invalid_field("userName", "must not be blank"))?;
    let password = form.password.ok_or_else(|| ApiError::invalid_field("password", "must not be null"))?;
    let signer = on.signer.as_ref().ok_or(OnboardingError::LoginUnavailable).refuse()?;

    // Unknown users cost one argon2 verification too, so timing does not tell them apart.
    let key = login_key(&user);
    let account = db
        .read(move |conn| {
            let account = repo::account::find_by_login(conn, &key)?;
            let usable = account.filter(|a| a.is_active && !a.is_deleted);
            let hash = usable.as_ref().map_or(DUMMY_HASH, |a| a.password_hash.as_str());
            let matches = verify_secret(&password, hash);
            Ok(usable.filter(|_| matches))
        })
        .await?;
    let Some(account) = account else {
        tracing::info!(user = %user, "local login refused");
        return Err(onboarding_refusal(OnboardingError::BadCredentials));
    };
    let AccountRow { user_id, roles: stored_roles, email_id, .. } = account;
    let granted = roles::split(&stored_roles);
    let now = chrono::Utc::now();
    let spec = TokenSpec {
        user: &user_id,
        roles: &granted,
        email: email_id.as_deref(),
        ttl_secs: signer.ttl_secs,
        issuer: signer.issuer.as_deref(),
        audience: signer.audience.as_deref(),
    };
    let (token, exp) = mint_hs256_with(&signer.secret, &spec, now.timestamp())
        .map_err(|e| ApiError::internal(format!("signing a token: {e}")))?;
    let logged = user_id.clone();
    let at = now.naive_utc();
    if let Err(e) = db.write(move |conn| Ok(repo::account::touch_login(conn, &logged, at)?)).await {
        tracing::warn!(error = %e, "could not record the login time");
    }
    tracing::info!(user = %user_id, "local login");
    let expiry_time = chrono::DateTime::from_timestamp(exp, 0).map_or(at, |d| d.naive_utc());
    let cookie = Cookie::build("Authorization", token.clone())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::seconds(signer.ttl_secs))
        .finish();
    let answer =
        LoggedIn { token, token_type: "Bearer", expires_in: signer.ttl_secs, expiry_time, user_id, roles: granted };
    Ok(HttpResponse::Ok().cookie(cookie).json(ResponseEnvelope::ok(answer).echo(id, version)))
}
