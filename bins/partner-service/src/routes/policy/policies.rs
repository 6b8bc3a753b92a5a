//! PL3 create, PL5 update, PL4 publish, PL6 status of a policy.

use actix_web::web;
use policy_app::PolicyConfig;
use policy_app::dto::{PolicyBody, PolicyCreatedDto, PolicyWithGroupDto, StatusBody, StatusDto};
use policy_app::policies;
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// PL3 `POST /policies`: a new draft.
#[tracing::instrument(skip_all)]
pub async fn create(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PolicyConfig>,
    body: Envelope<PolicyBody>,
) -> Answer<PolicyCreatedDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    db.echo(body, move |store, request| policies::create(store, &principal, &cfg, request)).await
}

/// PL5 `PUT /policies/{policyId}`: a new content for a draft.
#[tracing::instrument(skip_all, fields(policy_id = %path))]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PolicyConfig>,
    path: web::Path<String>,
    body: Envelope<PolicyBody>,
) -> Answer<PolicyCreatedDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    db.echo(body, move |store, request| policies::update(store, &principal, &cfg, &path, request)).await
}

/// PL4 `POST /policies/{policyId}/group/{policygroupId}/publish`.
#[tracing::instrument(skip_all, fields(policy_id = %path.0, policy_group_id = %path.1))]
pub async fn publish(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PolicyConfig>,
    path: web::Path<(String, String)>,
) -> Answer<PolicyWithGroupDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    let (policy_id, group_id) = path.into_inner();
    let published = db.call(move |store| policies::publish(store, &principal, &cfg, &policy_id, &group_id)).await?;
    Ok(Reply::ok(published))
}

/// PL6 `PATCH /policies/{policyId}/group/{policygroupId}` `{status}`.
#[tracing::instrument(skip_all, fields(policy_id = %path.0, policy_group_id = %path.1))]
pub async fn status(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: Envelope<StatusBody>,
) -> Answer<StatusDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    let (policy_id, group_id) = path.into_inner();
    db.echo(body, move |store, request| policies::set_status(store, &principal, &policy_id, &group_id, request)).await
}
