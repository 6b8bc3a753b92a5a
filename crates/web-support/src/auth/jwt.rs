use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, decode_header, encode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use super::verified::VerifiedTokens;
use crate::error::ApiError;
use crate::settings::AuthSettings;

/// The claims the services read (Keycloak's shape).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Claims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realm_access: Option<RealmAccess>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    #[serde(default)]
    pub iat: i64,
    pub exp: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RealmAccess {
    #[serde(default)]
    pub roles: Vec<String>,
}

/// Verifies tokens: HS256 with the secret, RS256 (and the other RSA/EC algorithms a JWKS may
/// announce) with the keys of the configured JWKS, refreshed in the background.
pub struct JwtVerifier {
    hs256: Option<DecodingKey>,
    jwks: Option<Arc<JwksCache>>,
    issuer: Option<String>,
    audience: Option<String>,
    leeway: u64,
    admin_role: String,
    verified: VerifiedTokens,
}

impl JwtVerifier {
    pub fn new(settings: &AuthSettings, hs256_secret: Option<&SecretString>) -> Self {
        let jwks = settings
            .jwks_url
            .as_ref()
            .map(|url| JwksCache::start(url.clone(), Duration::from_secs(settings.jwks_refresh_secs.max(10))));
        JwtVerifier {
            hs256: hs256_secret.map(|s| DecodingKey::from_secret(s.expose_secret().as_bytes())),
            jwks,
            issuer: settings.issuer.clone(),
            audience: settings.audience.clone(),
            leeway: settings.leeway_secs,
            admin_role: settings.admin_role.clone(),
            verified: VerifiedTokens::default(),
        }
    }

    pub fn admin_role(&self) -> &str {
        &self.admin_role
    }

    fn validation(&self, alg: Algorithm) -> Validation {
        let mut v = Validation::new(alg);
        v.leeway = self.leeway;
        let mut required = vec!["exp"];
        match &self.audience {
            Some(aud) => {
                v.set_audience(&[aud]);
                required.push("aud");
            }
            None => v.validate_aud = false,
        }
        if let Some(iss) = &self.issuer {
            v.set_issuer(&[iss]);
            required.push("iss");
        }
        v.set_required_spec_claims(&required);
        v
    }

    /// The claims of a valid token; anything else is 401 `KER-ATH-401`.
    pub fn verify(&self, token: &str) -> Result<Claims, ApiError> {
        let now = chrono::Utc::now().timestamp();
        if let Some(claims) = self.verified.get(token, now) {
            return Ok(claims);
        }
        let claims = self.verify_signature(token)?;
        self.verified.put(token, &claims, now, self.leeway);
        Ok(claims)
    }

    fn verify_signature(&self, token: &str) -> Result<Claims, ApiError> {
        let header = decode_header(token).map_err(|e| ApiError::unauthenticated(format!("bad token header: {e}")))?;
        let key = match header.alg {
            Algorithm::HS256 => {
                self.hs256.clone().ok_or_else(|| ApiError::unauthenticated("HS256 tokens are not accepted"))?
            }
            Algorithm::HS384 | Algorithm::HS512 => return Err(ApiError::unauthenticated("unsupported algorithm")),
            _ => {
                let jwks = self.jwks.as_ref().ok_or_else(|| ApiError::unauthenticated("no JWKS configured"))?;
                let kid = header.kid.as_deref().unwrap_or("");
                jwks.key(kid).ok_or_else(|| ApiError::unauthenticated(format!("unknown key id {kid:?}")))?
            }
        };
        decode::<Claims>(token, &key, &self.validation(header.alg))
            .map(|d| d.claims)
            .map_err(|e| ApiError::unauthenticated(format!("token refused: {e}")))
    }
}

/// Signs a development token with the HS256 secret.
pub fn mint_hs256(
    secret: &SecretString,
    user: &str,
    roles: &[String],
    email: Option<&str>,
    ttl_secs: i64,
) -> anyhow::Result<String> {
    let now = chrono::Utc::now().timestamp();
    let claims = Claims {
        sub: Some(user.to_owned()),
        preferred_username: Some(user.to_owned()),
        name: Some(user.to_owned()),
        email: email.map(str::to_owned),
        realm_access: Some(RealmAccess { roles: roles.to_vec() }),
        iss: Some("pms".into()),
        iat: now,
        exp: now + ttl_secs,
    };
    let key = EncodingKey::from_secret(secret.expose_secret().as_bytes());
    Ok(encode(&Header::new(Algorithm::HS256), &claims, &key)?)
}

/// What a token signed here says: login answers and development tokens alike.
#[derive(Debug, Clone)]
pub struct TokenSpec<'a> {
    pub user: &'a str,
    pub roles: &'a [String],
    pub email: Option<&'a str>,
    pub ttl_secs: i64,
    /// `iss`; the verifier's `auth.issuer` when set, else `pms`.
    pub issuer: Option<&'a str>,
    /// `aud`, required by the verifier when `auth.audience` is set.
    pub audience: Option<&'a str>,
}

/// Signs a token for `spec` with the HS256 secret at `now` (Unix seconds); answers the token
/// and its expiry (Unix seconds). Unlike [`mint_hs256`] it carries the `iss` and `aud` the
/// verifier is configured to require.
pub fn mint_hs256_with(secret: &SecretString, spec: &TokenSpec<'_>, now: i64) -> anyhow::Result<(String, i64)> {
    let exp = now + spec.ttl_secs;
    let mut claims = serde_json::json!({
        "sub": spec.user,
        "preferred_username": spec.user,
        "name": spec.user,
        "realm_access": {"roles": spec.roles},
        "iss": spec.issuer.unwrap_or("pms"),
        "iat": now,
        "exp": exp,
        "jti": uuid::Uuid::new_v4().to_string(),
    });
    if let Some(email) = spec.email {
        claims["email"] = email.into();
    }
    if let Some(aud) = spec.audience {
        claims["aud"] = aud.into();
    }
    let key = EncodingKey::from_secret(secret.expose_secret().as_bytes());
    Ok((encode(&Header::new(Algorithm::HS256), &claims, &key)?, exp))
}

/// The keys of a JWKS by key id, fetched at start and refreshed periodically or when a token
/// names an unknown key (at most every ten seconds).
struct JwksCache {
    keys: RwLock<HashMap<String, DecodingKey>>,
    wanted: AtomicBool,
    wake: (Mutex<()>, Condvar),
}

impl JwksCache {
    fn start(url: String, every: Duration) -> Arc<Self> {
        let cache = Arc::new(JwksCache {
            keys: RwLock::new(HashMap::new()),
            wanted: AtomicBool::new(false),
            wake: (Mutex::new(()), Condvar::new()),
        });
        cache.refresh(&url);
        let weak = Arc::downgrade(&cache);
        let spawned = std::thread::Builder::new().name("jwks-refresh".into()).spawn(move || {
            loop {
                let Some(cache) = weak.upgrade() else { return };
                let (lock, cvar) = &cache.wake;
                if let Ok(guard) = lock.lock() {
                    let _ = cvar.wait_timeout(guard, every);
                }
                cache.refresh(&url);
                cache.wanted.store(false, Ordering::SeqCst);
                drop(cache);
                std::thread::sleep(Duration::from_secs(10));
            }
        });
        if let Err(e) = spawned {
            tracing::error!(error = %e, "cannot start the JWKS refresher");
        }
        cache
    }

    fn key(&self, kid: &str) -> Option<DecodingKey> {
        let found = self.keys.read().ok().and_then(|k| k.get(kid).cloned());
        if found.is_none() && !self.wanted.swap(true, Ordering::SeqCst) {
            self.wake.1.notify_all();
        }
        found
    }

    fn refresh(&self, url: &str) {
        match fetch_jwks(url) {
            Ok(set) => {
                let mut keys = HashMap::new();
                for jwk in &set.keys {
                    let kid = jwk.common.key_id.clone().unwrap_or_default();
                    match DecodingKey::from_jwk(jwk) {
                        Ok(k) => {
                            keys.insert(kid, k);
                        }
                        Err(e) => tracing::warn!(kid, error = %e, "skipping a JWKS key"),
                    }
                }
                tracing::debug!(count = keys.len(), "JWKS keys loaded");
                if let Ok(mut k) = self.keys.write() {
                    *k = keys;
                }
            }
            Err(e) => tracing::warn!(url, error = %e, "cannot fetch the JWKS; keeping the keys we have"),
        }
    }
}

fn fetch_jwks(url: &str) -> anyhow::Result<JwkSet> {
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(5))).build().into();
    let set: JwkSet = agent.get(url).call()?.body_mut().read_json()?;
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_tokens_carry_what_the_verifier_requires() {
        let secret = SecretString::from("mint-test-secret-0123456789abcdef");
        let settings = AuthSettings {
            issuer: Some("https://pms.example".into()),
            audience: Some("pms-portal".into()),
            ..AuthSettings::default()
        };
        let verifier = JwtVerifier::new(&settings, Some(&secret));
        let roles = vec!["AUTH_PARTNER".to_owned(), "PARTNER".to_owned()];
        let now = chrono::Utc::now().timestamp();
        let spec = TokenSpec {
            user: "acme",
            roles: &roles,
            email: Some("ops@acme.example"),
            ttl_secs: 600,
            issuer: settings.issuer.as_deref(),
            audience: settings.audience.as_deref(),
        };
        let (token, exp) = mint_hs256_with(&secret, &spec, now).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(exp, now + 600);
        let claims = verifier.verify(&token).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(claims.preferred_username.as_deref(), Some("acme"));
        assert_eq!(claims.email.as_deref(), Some("ops@acme.example"));
        assert_eq!(claims.realm_access.map(|r| r.roles), Some(roles.clone()));

        let bare = TokenSpec { issuer: None, audience: None, ..spec };
        let (token, _) = mint_hs256_with(&secret, &bare, now).unwrap_or_else(|e| panic!("{e}"));
        assert!(verifier.verify(&token).is_err(), "without the configured iss and aud the token is refused");
    }
}
