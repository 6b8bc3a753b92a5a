//! PL1 create, PL2 update, PL10 get one, PL11 get all policy groups.

use actix_web::web;
use policy_app::dto::{GroupDto, GroupRequest, GroupWithPoliciesDto};
use policy_app::groups;
use web_support::{Answer, Db, Envelope, Principal, Reply};

use partner_app::roles;

/// PL1 `POST /policies/group/new`.
#[tracing::instrument(skip_all)]
pub async fn create(principal: Principal, db: web::Data<Db>, body: Envelope<GroupRequest>) -> Answer<GroupDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    db.echo(body, move |store, request| groups::create(store, &principal, request)).await
}

/// PL2 `PUT /policies/group/{policygroupId}`.
#[tracing::instrument(skip_all, fields(policy_group_id = %path))]
pub async fn update(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: Envelope<GroupRequest>,
) -> Answer<GroupDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    db.echo(body, move |store, request| groups::update(store, &principal, &path, request)).await
}

/// PL10 `GET /policies/group/{policygroupId}`: the group and its policies.
#[tracing::instrument(skip_all, fields(policy_group_id = %path))]
pub async fn get(principal: Principal, db: web::Data<Db>, path: web::Path<String>) -> Answer<GroupWithPoliciesDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    Ok(Reply::ok(db.call(move |store| groups::get(store, &principal, &path)).await?))
}

/// PL11 `GET /policies/group/all`: every group with its policies.
#[tracing::instrument(skip_all)]
pub async fn all(principal: Principal, db: web::Data<Db>) -> Answer<Vec<GroupWithPoliciesDto>> {
    principal.require_any(roles::POLICY_ADMIN)?;
    Ok(Reply::ok(db.call(move |store| groups::all(store, &principal)).await?))
}
