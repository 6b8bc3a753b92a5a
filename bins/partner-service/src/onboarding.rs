//! Self-service onboarding as configured: `partner_app::onboarding::Onboarding` built from
//! `[onboarding]` (the rules), `[smtp]` (the notifier) and the HS256 secret (the token signer of
//! local logins). Registered once as app data; the routes are in `routes::onboarding`, the portal
//! reads the same state.

use std::future::{Ready, ready};
use std::sync::Arc;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use partner_app::onboarding::Onboarding;
use partner_app::onboarding::login::TokenIssuer;
use secrecy::SecretString;
use web_support::ApiError;
use web_support::auth::{TokenSpec, mint_hs256_with};

use crate::settings::Settings;

/// Signs the tokens of local logins with the HS256 secret the service verifies with.
pub struct Signer {
    pub secret: SecretString,
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub ttl_secs: i64,
}

impl TokenIssuer for Signer {
    fn issue(&self, user: &str, roles: &[String], email: Option<&str>, now: i64) -> Result<(String, i64), String> {
        let spec = TokenSpec {
            user,
            roles,
            email,
            ttl_secs: self.ttl_secs,
            issuer: self.issuer.as_deref(),
            audience: self.audience.as_deref(),
        };
        mint_hs256_with(&self.secret, &spec, now).map_err(|e| format!("{e:#}"))
    }

    fn lifetime_secs(&self) -> i64 {
        self.ttl_secs
    }
}

/// Onboarding from the settings; `secret` is the HS256 secret the verifier uses, if any.
pub fn from_settings(settings: &Settings, secret: Option<SecretString>) -> anyhow::Result<Onboarding> {
    let own = &settings.service;
    let ttl = own.onboarding.token_lifetime()?;
    Ok(Onboarding {
        enabled: own.onboarding.enabled,
        rules: own.onboarding.rules()?,
        notifier: own.smtp.notifier(settings.data_dir.join("mail"))?,
        token_issuer: secret.map(|secret| -> Arc<dyn TokenIssuer> {
            Arc::new(Signer {
                secret,
                issuer: settings.auth.issuer.clone(),
                audience: settings.auth.audience.clone(),
                ttl_secs: ttl.num_seconds(),
            })
        }),
    })
}

/// The onboarding state of a request whose endpoint is switched on; 404 `PMS_COR_404` when
/// `[onboarding] enabled = false`, as if the route did not exist. Put it first among a
/// handler's arguments so that this answer wins over body errors.
pub struct Enabled(pub web::Data<Onboarding>);

impl FromRequest for Enabled {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(match req.app_data::<web::Data<Onboarding>>() {
            Some(o) if o.enabled => Ok(Enabled(o.clone())),
            _ => Err(ApiError::not_found()),
        })
    }
}
