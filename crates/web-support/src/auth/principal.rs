use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use app_core::Actor;

use super::jwt::{Claims, JwtVerifier};
use crate::error::ApiError;

/// The authenticated caller: the [`Actor`] the operations take, extracted from the request's
/// token. Handlers take it as an argument; it is the one way to know the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal(Actor);

impl std::ops::Deref for Principal {
    type Target = Actor;

    fn deref(&self) -> &Actor {
        &self.0
    }
}

impl From<Actor> for Principal {
    fn from(actor: Actor) -> Self {
        Principal(actor)
    }
}

impl Principal {
    pub fn from_claims(claims: Claims, admin_role: &str) -> Result<Self, ApiError> {
        let user_id = claims
            .preferred_username
            .filter(|u| !u.trim().is_empty())
            .or(claims.sub.filter(|s| !s.trim().is_empty()))
            .ok_or_else(|| ApiError::unauthenticated("token names no user"))?;
        let roles = claims.realm_access.map(|r| r.roles).unwrap_or_default();
        let mut actor = Actor::new(user_id, roles, admin_role);
        actor.email = claims.email;
        Ok(Principal(actor))
    }

    /// The caller, as the operations take it.
    pub fn actor(&self) -> &Actor {
        &self.0
    }

    pub fn into_actor(self) -> Actor {
        self.0
    }

    /// 403 `KER-ATH-403` unless the caller holds one of `roles`.
    pub fn require_any(&self, roles: &[&str]) -> Result<(), ApiError> {
        if self.has_any(roles) { Ok(()) } else { Err(ApiError::forbidden()) }
    }

    /// 403 unless the caller is an admin or `partner_id` is the caller's own.
    pub fn require_self_or_admin(&self, partner_id: &str) -> Result<(), ApiError> {
        if self.is_admin || self.user_id == partner_id { Ok(()) } else { Err(ApiError::forbidden()) }
    }
}

/// The token of a request: the bearer header wins over the `Authorization` cookie.
fn token_of(req: &HttpRequest) -> Option<String> {
    if let Some(h) = req.headers().get(actix_web::http::header::AUTHORIZATION) {
        let v = h.to_str().ok()?.trim();
        let t = v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")).unwrap_or(v).trim();
        if !t.is_empty() {
            return Some(t.to_owned());
        }
    }
    let cookie = req.cookie("Authorization")?;
    let v = cookie.value().trim();
    let t = v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("Bearer%20")).unwrap_or(v).trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req))
    }
}

fn authenticate(req: &HttpRequest) -> Result<Principal, ApiError> {
    let verifier =
        req.app_data::<web::Data<JwtVerifier>>().ok_or_else(|| ApiError::internal("JwtVerifier is not registered"))?;
    let token = token_of(req).ok_or_else(|| ApiError::unauthenticated("no token"))?;
    let claims = verifier.verify(&token)?;
    let mut principal = Principal::from_claims(claims, verifier.admin_role())?;
    principal.0.request_id = crate::request_id::of(req);
    tracing::Span::current().record("user", principal.user_id.as_str());
    Ok(principal)
}
