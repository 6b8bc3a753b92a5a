//! Tokens whose signature was checked a moment ago. A client sends the same token with every
//! request; checking its signature each time (an RSA verification for Keycloak's RS256) cost more
//! than the lookup most requests make. An entry lives at most [`TTL_SECS`] and never past the
//! token's own expiry (plus the configured leeway), so a token is refused as soon as it would be
//! without the cache, and a key withdrawn from the JWKS stops counting within a minute.

use std::collections::HashMap;
use std::sync::Mutex;

use super::jwt::Claims;

/// The longest a verification is reused.
pub const TTL_SECS: i64 = 60;
/// The most tokens remembered; when full the memory starts over (bounded, never evicts in a loop).
pub const CAPACITY: usize = 4096;

#[derive(Default)]
pub struct VerifiedTokens {
    entries: Mutex<HashMap<String, (Claims, i64)>>,
}

impl VerifiedTokens {
    /// The claims of `token` if it was verified less than a minute ago and is still unexpired
    /// at `now` (unix seconds).
    pub fn get(&self, token: &str, now: i64) -> Option<Claims> {
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.get(token).filter(|(_, until)| now <= *until).map(|(claims, _)| claims.clone())
    }

    /// Remembers a token just verified at `now`; `leeway` is the verifier's clock leeway.
    pub fn put(&self, token: &str, claims: &Claims, now: i64, leeway: u64) {
        let until = (now + TTL_SECS).min(claims.exp.saturating_add(i64::try_from(leeway).unwrap_or(i64::MAX)));
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if entries.len() >= CAPACITY {
            entries.retain(|_, (_, u)| now <= *u);
            if entries.len() >= CAPACITY {
                entries.clear();
            }
        }
        entries.insert(token.to_owned(), (claims.clone(), until));
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.lock().map(|e| e.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> Claims {
        Claims { sub: Some("u".into()), exp, ..Claims::default() }
    }

    #[test]
    fn a_remembered_token_answers_until_it_expires() {
        let cache = VerifiedTokens::default();
        cache.put("t", &claims(1_030), 1_000, 0);
        assert_eq!(cache.get("t", 1_030).and_then(|c| c.sub), Some("u".into()));
        assert!(cache.get("t", 1_031).is_none(), "expired tokens are not answered from memory");
        assert!(cache.get("other", 1_000).is_none());
    }

    #[test]
    fn the_leeway_extends_expiry_as_the_verifier_does() {
        let cache = VerifiedTokens::default();
        cache.put("t", &claims(1_010), 1_000, 5);
        assert!(cache.get("t", 1_015).is_some());
        assert!(cache.get("t", 1_016).is_none());
    }

    #[test]
    fn a_verification_is_reused_for_a_minute_at_most() {
        let cache = VerifiedTokens::default();
        cache.put("t", &claims(100_000), 1_000, 0);
        assert!(cache.get("t", 1_000 + TTL_SECS).is_some());
        assert!(cache.get("t", 1_001 + TTL_SECS).is_none());
    }

    #[test]
    fn memory_stays_bounded() {
        let cache = VerifiedTokens::default();
        for i in 0..(CAPACITY + 10) {
            cache.put(&format!("t{i}"), &claims(100_000), 1_000, 0);
        }
        assert!(cache.len() <= CAPACITY);
        assert!(cache.get(&format!("t{}", CAPACITY + 9), 1_000).is_some(), "the newest token is remembered");
    }
}
