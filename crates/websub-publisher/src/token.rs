//! The token the hub is called with: a configured one, or one from Keycloak's client-credentials
//! grant, cached until shortly before it expires.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Context;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::settings::EventsAuthSettings;

/// A token is renewed this long before it expires.
const RENEW_BEFORE: Duration = Duration::from_secs(30);

pub enum TokenSource {
    None,
    Static(SecretString),
    ClientCredentials { url: String, client_id: String, client_secret: SecretString, cached: Mutex<Option<Cached>> },
}

pub struct Cached {
    token: SecretString,
    renew_at: Instant,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: Option<u64>,
}

impl TokenSource {
    /// From `[events.auth]` (or a section of the same keys); a token URL needs a client id and secret.
    pub fn from_settings(s: &EventsAuthSettings) -> anyhow::Result<Self> {
        match (&s.token_url, &s.client_id, &s.client_secret, &s.token) {
            (Some(url), Some(id), Some(secret), _) => Ok(TokenSource::ClientCredentials {
                url: url.clone(),
                client_id: id.clone(),
                client_secret: secret.clone(),
                cached: Mutex::new(None),
            }),
            (Some(_), _, _, _) => anyhow::bail!("a token_url needs a client_id and a client_secret"),
            (None, _, _, Some(token)) => Ok(TokenSource::Static(token.clone())),
            (None, _, _, None) => Ok(TokenSource::None),
        }
    }

    /// The token to send now, if any.
    pub fn token(&self, agent: &ureq::Agent) -> anyhow::Result<Option<String>> {
        match self {
            TokenSource::None => Ok(None),
            TokenSource::Static(t) => Ok(Some(t.expose_secret().to_owned())),
            TokenSource::ClientCredentials { url, client_id, client_secret, cached } => {
                let mut cached = cached.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                if let Some(c) = cached.as_ref().filter(|c| Instant::now() < c.renew_at) {
                    return Ok(Some(c.token.expose_secret().to_owned()));
                }
                let answer: TokenAnswer = agent
                    .post(url)
                    .send_form([
                        ("grant_type", "client_credentials"),
                        ("client_id", client_id.as_str()),
                        ("client_secret", client_secret.expose_secret()),
                    ])
                    .with_context(|| format!("token endpoint {url}"))?
                    .body_mut()
                    .read_json()
                    .context("token endpoint answer")?;
                let lifetime = Duration::from_secs(answer.expires_in.unwrap_or(60));
                let renew_at = Instant::now() + lifetime.saturating_sub(RENEW_BEFORE);
                let token = answer.access_token.clone();
                *cached = Some(Cached { token: SecretString::from(answer.access_token), renew_at });
                Ok(Some(token))
            }
        }
    }

    /// Forgets a cached token (the hub refused it).
    pub fn forget(&self) {
        if let TokenSource::ClientCredentials { cached, .. } = self {
            *cached.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        }
    }
}
