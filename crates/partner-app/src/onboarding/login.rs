//! Local login: the user name and password of a local account → a token the services accept.

use app_core::{Actor, AppError, Store};
use chrono::NaiveDateTime;
use partner_domain::onboarding::{DUMMY_HASH, OnboardingError, login_key, roles, verify_secret};
use persistence::repo;
use persistence::repo::account::AccountRow;

use super::Onboarding;
use super::throttle::{self, Subjects};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Signs the tokens of local logins (with the secret the services verify them with).
pub trait TokenIssuer: Send + Sync {
    /// A token for `user` with `roles` (and `email`), issued at `now` (seconds since the epoch),
    /// and when it expires (seconds since the epoch).
    fn issue(&self, user: &str, roles: &[String], email: Option<&str>, now: i64) -> Result<(String, i64), String>;
    /// How long a token stays valid, in seconds.
    fn lifetime_secs(&self) -> i64;
}

/// A local account's credentials.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LoginForm {
    /// The partner id the account was created for (case-insensitive).
    #[schema(required = true, example = "tech-auth-1")]
    pub user_name: Option<String>,
    #[schema(required = true, format = Password, example = "c0rrect-Horse-battery")]
    pub password: Option<String>,
}

/// The token (also set as the `Authorization` cookie).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LoggedIn {
    /// A JWT the services accept as `Authorization: Bearer …`.
    pub token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds the token stays valid.
    #[schema(example = 3600)]
    pub expires_in: i64,
    #[serde(with = "crate::dto::mosip_time")]
    #[schema(value_type = String, example = "2024-05-01T11:20:30.000Z")]
    pub expiry_time: NaiveDateTime,
    pub user_id: String,
    pub roles: Vec<String>,
}

/// A token for the local account `form` names, when its password matches and it is active
/// (`PMS_ONB_011` otherwise, one answer for all); `PMS_ONB_012` when there is no token issuer
/// (tokens come from the identity provider). Unknown users cost one password verification too,
/// so timing does not tell them apart.
///
/// Failures are counted per account and per client address (`client`), shared by every replica
/// through the store: past the `LoginThrottle`'s limits the account or address is locked,
/// `PMS_ONB_015`, without the password being checked. Each refusal is audited
/// (`PMS_PRT_471`/`PMS_PRT_472`); a success clears the account's count.
pub fn login(
    store: &Store,
    onboarding: &Onboarding,
    actor: &Actor,
    client: Option<&str>,
    form: LoginForm,
) -> Result<LoggedIn, AppError> {
    let user = form.user_name.filter(|u| !u.trim().is_empty());
    let user = user.ok_or_else(|| AppError::invalid_field("userName", "must not be blank"))?;
    let password = form.password.ok_or_else(|| AppError::invalid_field("password", "must not be null"))?;
    let issuer = onboarding.issuer().ok_or(OnboardingError::LoginUnavailable)?;
    let limits = &onboarding.rules.login;

    let key = login_key(&user);
    let subjects = Subjects::of(&key, client);
    let (account, now) = store.read(|tx| {
        let attempts = subjects.attempts(tx.conn)?;
        if let Some(locked) = attempts.iter().find_map(|a| limits.check(a, tx.now).err()) {
            return Ok((Err(locked), tx.now));
        }
        let account = repo::account::find_by_login(tx.conn, &key)?;
        let usable = account.filter(|a| a.is_active && !a.is_deleted);
        let hash = usable.as_ref().map_or(DUMMY_HASH, |a| a.password_hash.as_str());
        let matches = verify_secret(&password, hash);
        Ok((Ok(usable.filter(|_| matches)), tx.now))
    })?;
    let account = match account {
        Ok(Some(account)) => account,
        Ok(None) => return Err(throttle::refuse(store, limits, actor, &user, &subjects)),
        Err(locked) => return Err(throttle::refuse_locked(store, actor, &user, locked)),
    };
    let AccountRow { user_id, roles: stored_roles, email_id, .. } = account;
    let granted = roles::split(&stored_roles);
    let (token, exp) = issuer
        .issue(&user_id, &granted, email_id.as_deref(), now.and_utc().timestamp())
        .map_err(|e| AppError::internal(format!("signing a token: {e}")))?;
    let recorded = store.write(|tx| {
        repo::login_attempt::clear(tx.conn, &subjects.account)?;
        Ok(repo::account::touch_login(tx.conn, &user_id, now)?)
    });
    if let Err(e) = recorded {
        tracing::warn!(error = %e, "could not record the login time");
    }
    tracing::info!(user = %user_id, "local login");
    let expiry_time = chrono::DateTime::from_timestamp(exp, 0).map_or(now, |d| d.naive_utc());
    Ok(LoggedIn {
        token,
        token_type: "Bearer",
        expires_in: issuer.lifetime_secs(),
        expiry_time,
        user_id,
        roles: granted,
    })
}
