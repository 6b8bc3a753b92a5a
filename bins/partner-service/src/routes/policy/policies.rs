//! PL3 create, PL4 publish, PL5 update, PL6 status, PL7–PL9 read, PL17 active policies of a group.

use std::collections::HashMap;

use actix_web::web;
use audit_events::AuditEvent;
use persistence::repo::policy as repo;
use policy_domain::{
    NewPolicy, Policy, PolicyChange, PolicyError, PolicyRequest, PolicyUpdateRequest, check_mapping, parse_status,
};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::dto::{ActivePolicyDto, PolicyCreatedDto, PolicyWithGroupDto, StatusDto};
use super::{Answer, PolicyState, echo, lost_race, new_id, ok};
use crate::error::{Refused, refused};
use crate::roles;

/// `PolicyCreateRequestDto` / `PolicyUpdateRequestDto` (the update ignores `policyId` and `policyType`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PolicyBody {
    /// The new policy's id (at most 36 characters); a fresh UUID when absent.
    #[schema(max_length = 36, example = "mpolicy-default-auth")]
    policy_id: Option<String>,
    #[schema(required = true, max_length = 128, example = "mpolicygroup-default-auth")]
    policy_group_name: Option<String>,
    /// One of `policy.allowed_types` (`Auth`, `DataShare`, `CredentialIssuance`, `MISP`), any case.
    #[schema(required = true, max_length = 128, example = "Auth")]
    policy_type: Option<String>,
    #[schema(required = true, max_length = 128, example = "mpolicy-default-auth")]
    name: Option<String>,
    #[schema(required = true, max_length = 128, example = "Authentication policy")]
    desc: Option<String>,
    #[schema(required = true, max_length = 8, example = "1.0")]
    version: Option<String>,
    /// The policy document, valid against the type's JSON schema.
    #[schema(required = true, value_type = Option<Object>)]
    policies: Option<Value>,
}

/// `PolicyStatusUpdateRequestDto`: `Active` or `De-Active`, any case.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = PolicyStatusBody)]
pub struct StatusBody {
    #[schema(required = true, example = "De-Active")]
    status: Option<String>,
}

/// PL3 `POST /policies`: a new draft.
#[utoipa::path(
    post,
    path = "/policies",
    operation_id = "definePolicy",
    tag = "Policies",
    summary = "PL3: create a draft policy",
    description = "A draft (`is_Active: false`) in an active group, valid from now for 200 years; \
its document must be valid against the type's JSON schema. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long (each failing field listed); \
`PMS_COR_003` no `policies`; `PMS_POL_023` the type is not allowed; `PMS_POL_019` no group of \
that name; `PMS_POL_053` the group is inactive; `PMS_POL_009` a policy of that name is in the \
group; `PMS_COR_002` the chosen `policyId` is taken; `PMS_PV_006` / `PMS_PV_005` the document \
breaks its schema (a required property missing / anything else; every violation listed).",
    request_body(
        content = RequestEnvelope<PolicyBody>,
        example = json!({"id": "mosip.partnermanagement.policy.create", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyGroupName": "mpolicygroup-default-auth", "policyType": "Auth",
                "name": "mpolicy-default-auth", "desc": "Authentication policy", "version": "1.0",
                "policies": {"authTokenType": "random",
                    "allowedAuthTypes": [{"authType": "otp", "authSubType": "", "mandatory": true}],
                    "allowedKycAttributes": [{"attributeName": "fullName"}]}}})
    ),
    responses((status = 200, description = "The draft (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PolicyCreatedDto>))
)]
pub async fn create(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    state: web::Data<PolicyState>,
    body: web::Json<RequestEnvelope<PolicyBody>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let req = envelope.into_request()?;
    let user = principal.user_id.clone();
    let name = req.name.clone();
    let op = db
        .op(&principal)
        .call(AuditEvent::CreatePolicy, name.as_deref())
        .on_failure(AuditEvent::CreatePolicyFailure, name.as_deref());
    let (policy, group_name) = db
        .audited(op, move |conn, trail| {
            let new = NewPolicy::parse(
                PolicyRequest {
                    policy_id: req.policy_id.as_deref(),
                    policy_group_name: req.policy_group_name.as_deref(),
                    policy_type: req.policy_type.as_deref(),
                    name: req.name.as_deref(),
                    desc: req.desc.as_deref(),
                    version: req.version.as_deref(),
                    policies: req.policies.as_ref(),
                },
                &state.allowed,
            )
            .refused()?;
            let found = repo::find_group_by_name(conn, &new.group_name)?
                .ok_or_else(|| refused(PolicyError::GroupNameNotFound))?;
            repo::lock_group(conn, &found.id)?;
            let group = repo::find_group(conn, &found.id)?.ok_or_else(|| refused(PolicyError::GroupNameNotFound))?;
            let taken = repo::find_policy_by_name(conn, &group.id, &new.name)?.is_some();
            let chosen = new.policy_id.clone();
            let policy_id = chosen.clone().unwrap_or_else(new_id);
            let policy = Policy::create(policy_id, &group, new, taken, &state.schemas, &user, time::now()).refused()?;
            if chosen.is_some() && repo::find_policy(conn, &policy.id)?.is_some() {
                return Err(refused(PolicyError::PolicyIdTaken(policy.id)));
            }
            if let Err(e) = repo::insert_policy(conn, &policy) {
                return Err(lost_race(e, PolicyError::PolicyNameTaken(policy.name.clone())));
            }
            trail.push(AuditEvent::CreatePolicySuccess, Some(&policy.id));
            Ok((policy, group.name))
        })
        .await?;
    Ok(echo(PolicyCreatedDto::new(&policy, &group_name), id, version))
}

/// PL5 `PUT /policies/{policyId}`: a new content for a draft.
#[utoipa::path(
    put,
    path = "/policies/{policyId}",
    operation_id = "updatePolicyDetails",
    tag = "Policies",
    summary = "PL5: update a draft policy",
    description = "A new name, description, version and document for a draft; the policy stays in \
its group and type (`policyId` and `policyType` of the body are ignored). Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` a field missing, blank or too long; `PMS_COR_003` no \
`policies`; `PMS_POL_019` no group of that name; `PMS_POL_053` the group is inactive; \
`PMS_POL_008` no such policy; `PMS_POL_015` the policy is not in that group; `PMS_POL_055` the \
policy is published; `PMS_POL_009` another policy of the group has the name; `PMS_PV_006` / \
`PMS_PV_005` the document breaks its schema.",
    params(("policyId" = String, Path, description = "The policy's id")),
    request_body = RequestEnvelope<PolicyBody>,
    responses((status = 200, description = "The draft (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PolicyCreatedDto>))
)]
pub async fn update(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    state: web::Data<PolicyState>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<PolicyBody>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let policy_id = path.into_inner();
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let req = envelope.into_request()?;
    let user = principal.user_id.clone();
    let op = db
        .op(&principal)
        .call(AuditEvent::UpdatePolicy, Some(&policy_id))
        .on_failure(AuditEvent::UpdatePolicyFailure, Some(&policy_id));
    let (policy, group_name) = db
        .audited(op, move |conn, trail| {
            let change = PolicyChange::parse(PolicyUpdateRequest {
                policy_group_name: req.policy_group_name.as_deref(),
                name: req.name.as_deref(),
                desc: req.desc.as_deref(),
                version: req.version.as_deref(),
                policies: req.policies.as_ref(),
            })
            .refused()?;
            let found = repo::find_group_by_name(conn, &change.group_name)?
                .ok_or_else(|| refused(PolicyError::GroupNameNotFound))?;
            repo::lock_group(conn, &found.id)?;
            let group = repo::find_group(conn, &found.id)?;
            let policy = repo::find_policy(conn, &policy_id)?;
            let (group, policy) = check_mapping(group.as_ref(), policy.as_ref()).refused()?;
            let taken = repo::find_policy_by_name(conn, &group.id, &change.name)?.is_some_and(|p| p.id != policy.id);
            let updated = policy.update(change, taken, &state.schemas, &user, time::now()).refused()?;
            match repo::save_draft_change(conn, &updated) {
                Ok(0) => return Err(refused(PolicyError::PublishedImmutable)),
                Ok(_) => {}
                Err(e) => return Err(lost_race(e, PolicyError::PolicyNameTaken(updated.name.clone()))),
            }
            trail.push(AuditEvent::UpdatePolicySuccess, Some(&policy_id));
            Ok((updated, group.name.clone()))
        })
        .await?;
    Ok(echo(PolicyCreatedDto::new(&policy, &group_name), id, version))
}

/// PL4 `POST /policies/{policyId}/group/{policygroupId}/publish`.
#[utoipa::path(
    post,
    path = "/policies/{policyId}/group/{policygroupId}/publish",
    operation_id = "publishPolicy",
    tag = "Policies",
    summary = "PL4: publish a draft policy",
    description = "The policy becomes active (`PUBLISHED`, `schema` = `policy.schema_url`) and \
immutable. No body. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_016` no such group; `PMS_POL_008` no such policy; `PMS_POL_015` the \
policy is not in the group; `PMS_POL_053` the group is inactive; `PMS_POL_020` the policy is \
published already; `PMS_POL_052` its stored document is not JSON.",
    params(("policyId" = String, Path, description = "The policy's id"), ("policygroupId" = String, Path, description = "The policy group's id")),
    responses((status = 200, description = "The published policy with its group, or the errors", body = ResponseEnvelope<PolicyWithGroupDto>))
)]
pub async fn publish(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    state: web::Data<PolicyState>,
    path: web::Path<(String, String)>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let (policy_id, group_id) = path.into_inner();
    let user = principal.user_id.clone();
    let op = db
        .op(&principal)
        .call(AuditEvent::UpdatePolicy, Some(&policy_id))
        .on_failure(AuditEvent::UpdatePolicyFailure, Some(&policy_id));
    let answer = db
        .audited(op, move |conn, trail| {
            repo::lock_group(conn, &group_id)?;
            let group = repo::find_group(conn, &group_id)?;
            let policy = repo::find_policy(conn, &policy_id)?;
            let (group, policy) = check_mapping(group.as_ref(), policy.as_ref()).refused()?;
            let published = policy.publish(&state.schema_url, &user, time::now()).refused()?;
            if repo::save_draft_change(conn, &published)? == 0 {
                return Err(refused(PolicyError::AlreadyPublished));
            }
            let dto = PolicyWithGroupDto::new(&published, group).refused()?;
            trail.push(AuditEvent::UpdatePolicySuccess, Some(&policy_id));
            Ok(dto)
        })
        .await?;
    Ok(ok(answer))
}

/// PL6 `PATCH /policies/{policyId}/group/{policygroupId}` `{status}`.
#[utoipa::path(
    patch,
    path = "/policies/{policyId}/group/{policygroupId}",
    operation_id = "updatePolicyStatus",
    tag = "Policies",
    summary = "PL6: change a policy's status",
    description = "As in MOSIP, only a draft can be \"deactivated\" (which changes nothing): a \
draft cannot be activated (publish it) and a published policy's status is fixed. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_003` then `PMS_COR_001` without `status`; `PMS_POL_045` a status \
other than `Active` / `De-Active`; `PMS_POL_016` no such group; `PMS_POL_008` no such policy; \
`PMS_POL_015` the policy is not in the group; `PMS_POL_053` the group is inactive; \
`PMS_POL_054` activating a draft; `PMS_POL_057` the policy has active API keys; `PMS_POL_058` \
the policy is published.",
    params(("policyId" = String, Path, description = "The policy's id"), ("policygroupId" = String, Path, description = "The policy group's id")),
    request_body(
        content = RequestEnvelope<StatusBody>,
        example = json!({"id": "mosip.partnermanagement.policy.status.update", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"status": "De-Active"}})
    ),
    responses((status = 200, description = "`{message}` (`id` and `version` echoed), or the errors", body = ResponseEnvelope<StatusDto>))
)]
pub async fn status(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: web::Json<RequestEnvelope<StatusBody>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let (policy_id, group_id) = path.into_inner();
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let req = envelope.into_request()?;
    let user = principal.user_id.clone();
    let op = db
        .op(&principal)
        .call(AuditEvent::UpdatePolicy, Some(&policy_id))
        .on_failure(AuditEvent::UpdatePolicyFailure, Some(&policy_id));
    db.audited(op, move |conn, trail| {
        let active = parse_status(req.status.as_deref()).refused()?;
        repo::lock_group(conn, &group_id)?;
        let group = repo::find_group(conn, &group_id)?;
        let policy = repo::find_policy(conn, &policy_id)?;
        let (_, policy) = check_mapping(group.as_ref(), policy.as_ref()).refused()?;
        let has_keys = repo::policy_has_active_keys(conn, &policy_id)?;
        let changed = policy.set_status(active, has_keys, &user, time::now()).refused()?;
        if repo::save_draft_change(conn, &changed)? == 0 {
            return Err(refused(PolicyError::PublishedStatusFixed));
        }
        trail.push(AuditEvent::UpdatePolicySuccess, Some(&policy_id));
        Ok(())
    })
    .await?;
    Ok(echo(StatusDto { message: "status updated successfully" }, id, version))
}

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
pub async fn all(principal: Result<Principal, ApiError>, db: web::Data<Db>) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let op = db.op(&principal).call(AuditEvent::GetPolicy, None).on_failure(AuditEvent::GetPolicyFailure, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let groups: HashMap<String, _> = repo::all_groups(conn)?.into_iter().map(|g| (g.id.clone(), g)).collect();
            let mut answer = Vec::new();
            for p in repo::all_policies(conn)? {
                let group = groups.get(&p.group_id).ok_or_else(|| refused(PolicyError::GroupNotFound))?;
                answer.push(PolicyWithGroupDto::new(&p, group).refused()?);
            }
            trail.push(AuditEvent::GetPolicySuccess, None);
            Ok(answer)
        })
        .await?;
    Ok(ok(answer))
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
pub async fn get(principal: Result<Principal, ApiError>, db: web::Data<Db>, path: web::Path<String>) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let policy_id = path.into_inner();
    let op = db
        .op(&principal)
        .call(AuditEvent::GetPolicy, Some(&policy_id))
        .on_failure(AuditEvent::GetPolicyFailure, Some(&policy_id));
    let answer = db
        .audited_read(op, move |conn, trail| {
            let dto = policy_with_group(conn, &policy_id)?;
            trail.push(AuditEvent::GetPolicySuccess, Some(&policy_id));
            Ok(dto)
        })
        .await?;
    Ok(ok(answer))
}

fn policy_with_group(conn: &mut persistence::DbConnection, policy_id: &str) -> Result<PolicyWithGroupDto, ApiError> {
    let policy = repo::find_policy(conn, policy_id)?.ok_or_else(|| refused(PolicyError::PolicyNotFound))?;
    let group = repo::find_group(conn, &policy.group_id)?.ok_or_else(|| refused(PolicyError::GroupNotFound))?;
    PolicyWithGroupDto::new(&policy, &group).refused()
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
pub async fn of_partner(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let (policy_id, partner_id) = path.into_inner();
    let op = db
        .op(&principal)
        .call(AuditEvent::GetPolicy, Some(&policy_id))
        .on_failure(AuditEvent::GetPolicyFailure, Some(&policy_id));
    let answer = db
        .audited_read(op, move |conn, trail| {
            if !repo::partner_has_active_key(conn, &partner_id, &policy_id)? {
                return Err(refused(PolicyError::NoPolicyForPartner));
            }
            let dto = policy_with_group(conn, &policy_id)?;
            trail.push(AuditEvent::GetPolicySuccess, Some(&policy_id));
            Ok(dto)
        })
        .await?;
    Ok(ok(answer))
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
pub async fn active_of_group(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::ACTIVE_POLICIES)?;
    let group_name = path.into_inner();
    let op = db
        .op(&principal)
        .call(AuditEvent::GetPolicyGroup, Some(&group_name))
        .on_failure(AuditEvent::GetPolicyGroupFailure, Some(&group_name));
    let answer = db
        .audited_read(op, move |conn, trail| {
            let group =
                repo::find_group_by_name(conn, &group_name)?.ok_or_else(|| refused(PolicyError::GroupNameNotFound))?;
            if !group.is_active {
                return Err(refused(PolicyError::GroupInactive));
            }
            let answer: Vec<ActivePolicyDto> = repo::active_policies_of_group(conn, &group.id)?
                .iter()
                .map(|p| ActivePolicyDto::new(p, &group))
                .collect();
            trail.push(AuditEvent::GetPolicyGroupSuccess, Some(&group.id));
            Ok(answer)
        })
        .await?;
    Ok(ok(answer))
}
