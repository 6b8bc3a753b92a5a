//! PL1 create, PL2 update, PL10 get one, PL11 get all policy groups.

use std::collections::HashMap;

use actix_web::web;
use audit_events::AuditEvent;
use persistence::repo::policy as repo;
use policy_domain::{GroupChange, NewGroup, Policy, PolicyError, PolicyGroup};
use serde::Deserialize;
use utoipa::ToSchema;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::dto::{GroupDto, GroupWithPoliciesDto};
use super::{Answer, echo, lost_race, new_id, ok};
use crate::error::{Refused, refused};
use crate::roles;

/// `PolicyGroupCreateRequestDto` / `PolicyGroupUpdateRequestDto`: `isActive` is for updates only
/// (and required there).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GroupRequest {
    #[schema(required = true, max_length = 128, example = "mpolicygroup-default-auth")]
    name: Option<String>,
    #[schema(required = true, max_length = 128, example = "Policies of the authentication partners")]
    desc: Option<String>,
    #[schema(example = true)]
    is_active: Option<bool>,
}

/// PL1 `POST /policies/group/new`.
#[utoipa::path(
    post,
    path = "/policies/group/new",
    operation_id = "definePolicyGroup",
    tag = "Policy groups",
    summary = "PL1: create a policy group",
    description = "The group is created active. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_001` `name` or `desc` missing, blank or over 128 characters (each \
failing field listed); `PMS_POL_014` a group of that name exists.",
    request_body(
        content = RequestEnvelope<GroupRequest>,
        example = json!({"id": "mosip.partnermanagement.policy.group.create", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"name": "mpolicygroup-default-auth", "desc": "Policies of the authentication partners"}})
    ),
    responses((status = 200, description = "The group (`id` and `version` echoed), or the errors", body = ResponseEnvelope<GroupDto>))
)]
pub async fn create(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    body: web::Json<RequestEnvelope<GroupRequest>>,
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
        .call(AuditEvent::CreatePolicyGroup, name.as_deref())
        .on_failure(AuditEvent::CreatePolicyGroupFailure, name.as_deref());
    let group = db
        .audited(op, move |conn, trail| {
            let new = NewGroup::parse(req.name.as_deref(), req.desc.as_deref()).refused()?;
            let taken = repo::find_group_by_name(conn, &new.name)?.is_some();
            let group = PolicyGroup::create(new_id(), new, taken, &user, time::now()).refused()?;
            repo::insert_group(conn, &group)
                .map_err(|e| lost_race(e, PolicyError::GroupNameTaken(group.name.clone())))?;
            trail.push(AuditEvent::CreatePolicyGroupSuccess, Some(&group.id));
            Ok(group)
        })
        .await?;
    Ok(echo(GroupDto::from(&group), id, version))
}

/// PL2 `PUT /policies/group/{policygroupId}`.
#[utoipa::path(
    put,
    path = "/policies/group/{policygroupId}",
    operation_id = "updatePolicyGroup",
    tag = "Policy groups",
    summary = "PL2: update a policy group",
    description = "Renames, describes and switches a group on or off; a group holding active \
policies cannot be switched. Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_COR_003` then `PMS_COR_001` without `isActive`; `PMS_COR_001` `name` or \
`desc` missing, blank or too long; `PMS_POL_008` no such group; `PMS_POL_014` another group has \
the name; `PMS_POL_056` the group holds active policies.",
    params(("policygroupId" = String, Path, description = "The policy group's id")),
    request_body(
        content = RequestEnvelope<GroupRequest>,
        example = json!({"id": "mosip.partnermanagement.policy.group.update", "version": "1.0", "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"name": "mpolicygroup-default-auth", "desc": "Policies of the authentication partners",
                "isActive": false}})
    ),
    responses((status = 200, description = "The group (`id` and `version` echoed), or the errors", body = ResponseEnvelope<GroupDto>))
)]
pub async fn update(
    principal: Result<Principal, ApiError>,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<GroupRequest>>,
) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let group_id = path.into_inner();
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let req = envelope.into_request()?;
    let user = principal.user_id.clone();
    let op = db
        .op(&principal)
        .call(AuditEvent::UpdatePolicyGroup, Some(&group_id))
        .on_failure(AuditEvent::UpdatePolicyGroupFailure, Some(&group_id));
    let group = db
        .audited(op, move |conn, trail| {
            let change = GroupChange::parse(req.name.as_deref(), req.desc.as_deref(), req.is_active).refused()?;
            if !repo::lock_group(conn, &group_id)? {
                return Err(refused(PolicyError::GroupToUpdateNotFound));
            }
            let current =
                repo::find_group(conn, &group_id)?.ok_or_else(|| refused(PolicyError::GroupToUpdateNotFound))?;
            let taken = repo::find_group_by_name(conn, &change.name)?.is_some_and(|g| g.id != current.id);
            let has_active = repo::has_active_policies(conn, &group_id)?;
            let updated = current.update(change, taken, has_active, &user, time::now()).refused()?;
            repo::save_group(conn, &updated)
                .map_err(|e| lost_race(e, PolicyError::GroupNameTaken(updated.name.clone())))?;
            trail.push(AuditEvent::UpdatePolicyGroupSuccess, Some(&group_id));
            Ok(updated)
        })
        .await?;
    Ok(echo(GroupDto::from(&group), id, version))
}

/// PL10 `GET /policies/group/{policygroupId}`: the group and its policies.
#[utoipa::path(
    get,
    path = "/policies/group/{policygroupId}",
    operation_id = "getPolicyGroup",
    tag = "Policy groups",
    summary = "PL10: a policy group and its policies",
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_016` no such group; `PMS_POL_052` a stored policy document is not JSON.",
    params(("policygroupId" = String, Path, description = "The policy group's id")),
    responses((status = 200, description = "The group and its policies, or the errors", body = ResponseEnvelope<GroupWithPoliciesDto>))
)]
pub async fn get(principal: Result<Principal, ApiError>, db: web::Data<Db>, path: web::Path<String>) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let group_id = path.into_inner();
    let op = db
        .op(&principal)
        .call(AuditEvent::GetPolicyGroup, Some(&group_id))
        .on_failure(AuditEvent::GetPolicyGroupFailure, Some(&group_id));
    let answer = db
        .audited_read(op, move |conn, trail| {
            let group = repo::find_group(conn, &group_id)?.ok_or_else(|| refused(PolicyError::GroupNotFound))?;
            let policies = repo::policies_of_group(conn, &group_id)?;
            let dto = GroupWithPoliciesDto::new(&group, &policies).refused()?;
            trail.push(AuditEvent::GetPolicyGroupSuccess, Some(&group_id));
            Ok(dto)
        })
        .await?;
    Ok(ok(answer))
}

/// PL11 `GET /policies/group/all`: every group with its policies.
#[utoipa::path(
    get,
    path = "/policies/group/all",
    operation_id = "getAllPolicyGroups",
    tag = "Policy groups",
    summary = "PL11: every policy group with its policies",
    description = "Roles: `PARTNER_ADMIN`, `POLICYMANAGER`.\n\n\
Errors (HTTP 200): `PMS_POL_052` a stored policy document is not JSON.",
    responses((status = 200, description = "The groups, or the errors", body = ResponseEnvelope<Vec<GroupWithPoliciesDto>>))
)]
pub async fn all(principal: Result<Principal, ApiError>, db: web::Data<Db>) -> Answer {
    let principal = principal?;
    principal.require_any(roles::POLICY_ADMIN)?;
    let op =
        db.op(&principal).call(AuditEvent::GetPolicyGroup, None).on_failure(AuditEvent::GetPolicyGroupFailure, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            let groups = repo::all_groups(conn)?;
            let mut by_group: HashMap<String, Vec<Policy>> = HashMap::new();
            for p in repo::all_policies(conn)? {
                by_group.entry(p.group_id.clone()).or_default().push(p);
            }
            let answer = groups
                .iter()
                .map(|g| GroupWithPoliciesDto::new(g, by_group.get(&g.id).map_or(&[][..], Vec::as_slice)))
                .collect::<Result<Vec<_>, _>>()
                .refused()?;
            trail.push(AuditEvent::GetPolicyGroupSuccess, None);
            Ok(answer)
        })
        .await?;
    Ok(ok(answer))
}
