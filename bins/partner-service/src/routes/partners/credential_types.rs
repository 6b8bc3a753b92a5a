//! Credential types: P17 `POST /partners/{id}/credentialtype/{type}/policies/{policyName}` and
//! P18 `GET /partners/{id}/credentialtype/{type}/policies`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::credential_types::{self, CredentialTypePolicy};
use web_support::{Answer, Db, Principal, Reply};

use partner_app::roles;

/// P17: the policy (of the partner's group, by name) the partner uses for a credential type.
#[tracing::instrument(skip_all, fields(partner_id = %path.0, credential_type = %path.1))]
pub async fn map(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<(String, String, String)>,
) -> Answer<&'static str> {
    principal.require_any(roles::CREDENTIAL)?;
    principal.require_self_or_admin(&path.0)?;
    let (partner_id, credential_type, policy_name) = path.into_inner();
    let done = db
        .call(move |store| credential_types::map(store, &principal, &cfg, &partner_id, &credential_type, &policy_name))
        .await?;
    Ok(Reply::ok(done))
}

/// P18: the policy a partner uses for a credential type.
#[tracing::instrument(skip_all, fields(partner_id = %path.0, credential_type = %path.1))]
pub async fn get(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Answer<CredentialTypePolicy> {
    principal.require_any(roles::CREDENTIAL)?;
    principal.require_self_or_admin(&path.0)?;
    let (partner_id, credential_type) = path.into_inner();
    let policy = db.call(move |store| credential_types::get(store, &principal, &partner_id, &credential_type)).await?;
    Ok(Reply::ok(policy))
}
