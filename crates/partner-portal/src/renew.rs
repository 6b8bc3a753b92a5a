//! A session that extends with use: once half of a locally signed session token's lifetime has
//! passed, a page view answers a fresh token for the same user, roles and e-mail. Tokens of an
//! identity provider (not HS256) are never renewed here: their provider decides.

use actix_web::{HttpRequest, web};
use jsonwebtoken::Algorithm;
use partner_app::onboarding::Onboarding;
use web_support::auth::JwtVerifier;

use crate::ctx::SESSION_COOKIE;

/// A fresh session token and its lifetime (seconds) when the request's cookie token is a local
/// one past half its life, at `now` (seconds since the epoch).
pub fn renewed(req: &HttpRequest, now: i64) -> Option<(String, i64)> {
    let cookie = req.cookie(SESSION_COOKIE)?;
    let raw = cookie.value().trim();
    let token = raw.strip_prefix("Bearer ").unwrap_or(raw).trim();
    if jsonwebtoken::decode_header(token).ok()?.alg != Algorithm::HS256 {
        return None;
    }
    let claims = req.app_data::<web::Data<JwtVerifier>>()?.verify(token).ok()?;
    let lifetime = (claims.exp - claims.iat).max(1);
    if claims.exp - now > lifetime / 2 {
        return None;
    }
    let onboarding = req.app_data::<web::Data<Onboarding>>()?;
    let issuer = onboarding.issuer()?;
    let user = claims.preferred_username.or(claims.sub)?;
    let roles = claims.realm_access.map(|r| r.roles).unwrap_or_default();
    match issuer.issue(&user, &roles, claims.email.as_deref(), now) {
        Ok((fresh, _)) => Some((fresh, issuer.lifetime_secs())),
        Err(e) => {
            tracing::warn!(error = %e, "portal session not renewed");
            None
        }
    }
}
