//! Biometric extractors: P15 `POST` / P16 `GET /partners/{id}/bioextractors/{policyId}`.

use actix_web::web;
use partner_app::extractors::{self, ExtractorsDto};
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// P15: adds (or replaces, by attribute name) extractors while the request for the policy is
/// not approved yet.
#[tracing::instrument(skip_all, fields(partner_id = %path.0, policy_id = %path.1))]
pub async fn add(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: Envelope<ExtractorsDto>,
) -> Answer<&'static str> {
    principal.require_any(roles::CREDENTIAL)?;
    principal.require_self_or_admin(&path.0)?;
    let (partner_id, policy_id) = path.into_inner();
    db.echo(body, move |store, request| extractors::add(store, &principal, &partner_id, &policy_id, request)).await
}

/// P16: a partner's extractors for a policy.
#[tracing::instrument(skip_all, fields(partner_id = %path.0, policy_id = %path.1))]
pub async fn get(principal: Principal, db: web::Data<Db>, path: web::Path<(String, String)>) -> Answer<ExtractorsDto> {
    principal.require_any(roles::CREDENTIAL)?;
    principal.require_self_or_admin(&path.0)?;
    let (partner_id, policy_id) = path.into_inner();
    Ok(Reply::ok(db.call(move |store| extractors::get(store, &principal, &partner_id, &policy_id)).await?))
}
