//! PL7–PL9 read policies, PL17 the active policies of a group.

use actix_web::web;
use policy_app::dto::{ActivePolicyDto, PolicyWithGroupDto};
use policy_app::reads;
use web_support::{Answer, Db, Principal, Reply, ResponseEnvelope};

use partner_app::roles;

/// PL7 `GET /policies`: every policy with its group.
#[utoipa::path(
    get,
    path = "/policies",
    operation_id = "getPolicies",
    tag = "Policies",
    summary = "PL7: every policy with its group",
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_052` a stored policy document is not JSON.",
    responses((status = 200, description = "The policies, or the errors", body = ResponseEnvelope<Vec<PolicyWithGroupDto>>))
)]
#[tracing::instrument(skip_all)]
pub async fn all(principal: Principal, db: web::Data<Db>) -> Answer<Vec<PolicyWithGroupDto>> {
    principal.require_any(roles::POLICY_ADMIN)?;
    Ok(Reply::ok(db.call(move |store| reads::all(store, &principal)).await?))
}

/// PL8 `GET /policies/{policyId}`.
#[utoipa::path(
    get,
    path = "/policies/{policyId}",
    operation_id = "getPolicy",
    tag = "Policies",
    summary = "PL8: a policy with its group",
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_008` no such policy; `PMS_POL_052` its stored document is not JSON.",
    params(("policyId" = String, Path, description = "The policy's id")),
    responses((status = 200, description = "The policy, or the errors", body = ResponseEnvelope<PolicyWithGroupDto>))
)]
#[tracing::instrument(skip_all, fields(policy_id = %path))]
pub async fn get(principal: Principal, db: web::Data<Db>, path: web::Path<String>) -> Answer<PolicyWithGroupDto> {
    principal.require_any(roles::POLICY_ADMIN)?;
    Ok(Reply::ok(db.call(move |store| reads::get(store, &principal, &path)).await?))
}

/// PL9 `GET /policies/{policyId}/partner/{partnerId}`: a policy the partner holds an active API
/// key for.
#[utoipa::path(
    get,
    path = "/policies/{policyId}/partner/{partnerId}",
    operation_id = "getPartnersPolicy",
    tag = "Policies",
    summary = "PL9: a policy a partner holds an active API key for",
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_017` the partner holds no active API key for the policy; \
`PMS_POL_008` no such policy; `PMS_POL_052` its stored document is not JSON.",
    params(("policyId" = String, Path, description = "The policy's id"), ("partnerId" = String, Path, description = "The partner's id")),
    responses((status = 200, description = "The policy, or the errors", body = ResponseEnvelope<PolicyWithGroupDto>))
)]
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
#[utoipa::path(
    get,
    path = "/policies/active/group/{groupName}",
    operation_id = "getPoliciesByGroupName",
    tag = "Policies",
    summary = "PL17: the active policies of an active group",
    description = "Roles: `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`, `ABIS_PARTNER`, `MANUAL_ADJUDICATION`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_019` no group of that name; `PMS_POL_053` the group is inactive.",
    params(("groupName" = String, Path, description = "The policy group's name", example = "mpolicygroup-default-auth")),
    responses((status = 200, description = "The policies, or the errors", body = ResponseEnvelope<Vec<ActivePolicyDto>>))
)]
#[tracing::instrument(skip_all, fields(group_name = %path))]
pub async fn active_of_group(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Answer<Vec<ActivePolicyDto>> {
    principal.require_any(roles::ACTIVE_POLICIES)?;
    Ok(Reply::ok(db.call(move |store| reads::active_of_group(store, &principal, &path)).await?))
}
