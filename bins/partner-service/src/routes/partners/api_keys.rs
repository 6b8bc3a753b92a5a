//! API keys: P13 `PATCH /partners/{id}/generate/apikey`, M5 `PATCH …/policy/{policyId}/apiKey/status`,
//! M6 `PUT /partners/{id}/apikey/{key}/policies`, M7 `GET /partners/{id}/apikey/{key}`.

use actix_web::web;
use partner_app::PartnerConfig;
use partner_app::api_keys::{self, GenerateBody, Generated, KeyMapping, KeyStatusBody, RemapBody};
use partner_app::dto::{Message, RETRIEVE_ID, RETRIEVE_VERSION};
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// P13: a partner generates a key for a policy its request for was approved.
#[tracing::instrument(skip_all, fields(partner_id = %path))]
pub async fn generate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: Envelope<GenerateBody>,
) -> Answer<Generated> {
    principal.require_any(roles::API_KEY_GENERATION)?;
    principal.require_self_or_admin(&path)?;
    db.echo(body, move |store, request| api_keys::generate(store, &principal, &cfg, &path, request)).await
}

/// M5: switches one of a partner's keys for a policy (named by its label) on or off.
#[tracing::instrument(skip_all, fields(partner_id = %path.0, policy_id = %path.1))]
pub async fn status(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: Envelope<KeyStatusBody>,
) -> Answer<&'static str> {
    principal.require_any(roles::API_KEY_STATUS)?;
    principal.require_self_or_admin(&path.0)?;
    let (partner_id, policy_id) = path.into_inner();
    db.echo(body, move |store, request| api_keys::status(store, &principal, &partner_id, &policy_id, request)).await
}

/// M6: moves an active key to another policy of the partner's group.
#[tracing::instrument(skip_all, fields(partner_id = %path.0))]
pub async fn remap(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: Envelope<RemapBody>,
) -> Answer<Message> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    principal.require_self_or_admin(&path.0)?;
    let (partner_id, key) = path.into_inner();
    db.echo(body, move |store, request| api_keys::remap(store, &principal, &partner_id, &key, request)).await
}

/// M7: the policy a partner's key is for.
#[tracing::instrument(skip_all, fields(partner_id = %path.0))]
pub async fn policy_of_key(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Answer<KeyMapping> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    principal.require_self_or_admin(&path.0)?;
    let (partner_id, key) = path.into_inner();
    let mapping = db.call(move |store| api_keys::policy_of_key(store, &principal, &partner_id, &key)).await?;
    Ok(Reply::named(mapping, RETRIEVE_ID, RETRIEVE_VERSION))
}
