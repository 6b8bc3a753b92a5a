//! PL7–PL9 read policies, PL17 the active policies of a group.

use actix_web::web;
use policy_app::dto::{ActivePolicyDto, PolicyWithGroupDto};
use policy_app::reads;
use web_support::{Answer, Db, Principal, Reply};

use partner_app::roles;

/// PL7 `GET /policies`: every policy with its group.
#[tracing::instrument(skip_all)]
pub async fn all(principal: Principal, db: web::Data<Db>) -> Answer<Vec<PolicyWithGroupDto>> {
    principal.require_any(roles::POLICY_ADMIN)?;
    Ok(Reply::ok(db.call(move |store| reads::all(store, &principal)).await?))
}

/// PL8 `GET /policies/{policyId}`.
#[tracing::instrument(skip_all, fields(policy_id = %path))]
pub async fn get(principal: Principal, db: web::Data<Db>, path: web::Path<String>) -> Answer<PolicyWithGroupDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    Ok(Reply::ok(db.call(move |store| reads::get(store, &principal, &path)).await?))
}

/// PL9 `GET /policies/{policyId}/partner/{partnerId}`: a policy the partner holds an active API
/// key for.
#[tracing::instrument(skip_all, fields(policy_id = %path.0, partner_id = %path.1))]
pub async fn of_partner(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Answer<PolicyWithGroupDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    let (policy_id, partner_id) = path.into_inner();
    Ok(Reply::ok(db.call(move |store| reads::of_partner(store, &principal, &policy_id, &partner_id)).await?))
}

/// PL17 `GET /policies/active/group/{groupName}`: the active policies of an active group.
#[tracing::instrument(skip_all, fields(group_name = %path))]
pub async fn active_of_group(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Answer<Vec<ActivePolicyDto>> {
    principal.require_any(roles::ACTIVE_POLICIES)?;
    Ok(Reply::ok(db.call(move |store| reads::active_of_group(store, &principal, &path)).await?))
}
