//! API keys: P13 `PATCH /partners/{id}/generate/apikey`, M5 `PATCH …/policy/{policyId}/apiKey/status`,
//! M6 `PUT /partners/{id}/apikey/{key}/policies`, M7 `GET /partners/{id}/apikey/{key}`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::api_key::{
    KEY_BYTES, KEY_REMAPPED, KeyStatus, LABEL_MAX, change_status, check_generate, check_remap, encode_key, expiry,
    normalize_label,
};
use partner_domain::partner::{FieldViolation, require_active};
use partner_domain::policy::check_remap_target;
use persistence::repo::api_key::{self as keys, ApiKeyRow};
use persistence::repo::{partner as repo, partner_policy};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::{Failure, Family, Message, PartnerConfig, echoed, invalid, retrieved};
use crate::roles;

/// A new API key: 256 bits from the thread's CSPRNG (ChaCha, seeded by the OS), in hex.
fn fresh_key() -> String {
    let mut bytes = [0u8; KEY_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    encode_key(&bytes)
}

fn non_blank(v: &mut Vec<FieldViolation>, field: &str, value: Option<String>) -> Option<String> {
    match value {
        Some(s) if !s.trim().is_empty() => Some(s),
        _ => {
            v.push(FieldViolation::new(field, "must not be blank"));
            None
        }
    }
}

/// `APIKeyGenerateRequestDto`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = APIKeyGenerateRequestDto)]
pub struct GenerateBody {
    /// The name of a policy of the partner's group, whose request was approved.
    #[schema(required = true, example = "mosip policy")]
    policy_name: Option<String>,
    /// The key's name, unique for the partner and policy; whitespace runs count as one space.
    #[schema(required = true, max_length = 36, example = "counter-1")]
    label: Option<String>,
}

/// `APIKeyGenerateResponseDto`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = APIKeyGenerateResponseDto)]
struct Generated {
    /// The new key: 64 hexadecimal characters.
    #[schema(example = "5f0e4c2a9b7d3e1f8a6c4b2d0e9f7a5c3b1d8e6f4a2c0b9d7e5f3a1c8b6d4e2f")]
    api_key: String,
    #[schema(example = "counter-1")]
    label: String,
    policy_id: String,
    #[schema(example = "Tech-123")]
    partner_id: String,
}

/// P13: a partner generates a key for a policy its request for was approved.
#[utoipa::path(
    patch,
    path = "/partners/{partnerId}/generate/apikey",
    operation_id = "generateAPIKey",
    tag = "API keys",
    summary = "P13: generate an API key",
    description = "For a policy of the partner's group whose request was approved; valid for \
`partner.api_key_expiry_days` days. Keys are the partner's own: the caller's user id must be \
`partnerId`, for admins too. Roles: `AUTH_PARTNER`, `ABIS_PARTNER`, `CREDENTIAL_PARTNER`, \
`CREDENTIAL_ISSUANCE`, `ONLINE_VERIFICATION_PARTNER`.\n\n\
Errors (HTTP 200): `PMS_PRT_055` the caller is not the partner; `PMS_COR_001` `request` missing, \
or `policyName` or `label` blank (both listed), or `label` over 36 characters; `PMS_PMP_005` no \
such partner; `PMS_PMP_016` the partner is not active; `PMS_PMP_014` no policy of that name in the \
partner's group; `PMS_PRT_109` no approved request for the policy; `PMS_PRT_110` the label is \
taken.",
    params(("partnerId" = String, Path, description = "The partner's id (the caller's own)", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<GenerateBody>,
        example = json!({"id": "mosip.partnermanagement.partners.generate.apikey", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"policyName": "mosip policy", "label": "counter-1"}})
    ),
    responses((status = 200, description = "The key (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<Generated>))
)]
pub async fn generate(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<GenerateBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::API_KEY_GENERATION)?;
    let partner_id = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let op = db
        .op(&principal)
        .call(AuditEvent::CreateApiKey, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let user = principal.user_id.clone();
    let answer = db
        .audited(op, move |conn, trail| {
            let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
            // Keys are the partner's own: even an admin cannot make them for another partner.
            if user != partner_id {
                return Err(fail(PartnerError::NotAuthorized.into()));
            }
            let mut v = Vec::new();
            let policy_name = non_blank(&mut v, "policyName", body.policy_name);
            let label = non_blank(&mut v, "label", body.label).map(|l| normalize_label(&l));
            if label.as_ref().is_some_and(|l| l.chars().count() > LABEL_MAX) {
                v.push(FieldViolation::new("label", format!("Length should be between 1 and {LABEL_MAX} chars")));
            }
            let (Some(policy_name), Some(label)) = (policy_name, label) else { return Err(invalid(v)) };
            if !v.is_empty() {
                return Err(invalid(v));
            }
            let partner = repo::find(conn, &partner_id)?.ok_or_else(|| fail(PartnerError::PartnerIdMissing.into()))?;
            require_active(Some(partner.is_active)).map_err(|e| fail(e.into()))?;
            let policy = match &partner.policy_group_id {
                Some(g) => partner_policy::policy_in_group_by_name(conn, g, &policy_name)?,
                None => None,
            }
            .ok_or_else(|| fail(PartnerError::PolicyMissing { suffix: String::new() }.into()))?;
            let approved = partner_policy::approved_request_exists(conn, &partner_id, &policy.id)?;
            let taken = keys::label_taken(conn, &partner_id, &policy.id, &label)?;
            check_generate(approved, taken).map_err(|e| fail(e.into()))?;
            let now = time::now();
            let row = ApiKeyRow {
                policy_api_key: String::new(),
                part_id: partner_id.clone(),
                policy_id: policy.id.clone(),
                valid_from_datetime: now,
                valid_to_datetime: Some(expiry(now, cfg.settings.api_key_expiry_days)),
                is_active: true,
                label,
                cr_by: user.clone(),
                cr_dtimes: now,
                upd_by: None,
                upd_dtimes: None,
                is_deleted: false,
                del_dtimes: None,
            };
            let row = keys::insert_fresh(conn, row, fresh_key).map_err(|e| fail(e.into()))?;
            trail.push(AuditEvent::ApiKeyApproved, Some(&partner_id));
            Ok(Generated {
                api_key: row.policy_api_key,
                label: row.label,
                policy_id: row.policy_id,
                partner_id: row.part_id,
            })
        })
        .await?;
    Ok(echoed(answer, id, version))
}

/// `APIkeyStatusUpdateRequestDto`.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = APIkeyStatusUpdateRequestDto)]
pub struct KeyStatusBody {
    /// The key's label.
    #[schema(required = true, example = "counter-1")]
    label: Option<String>,
    /// `Active` or `De-Active`, in any case.
    #[schema(required = true, example = "De-Active")]
    status: Option<String>,
}

/// M5: switches one of a partner's keys for a policy (named by its label) on or off.
#[utoipa::path(
    patch,
    path = "/partners/{partnerId}/policy/{policyId}/apiKey/status",
    operation_id = "activateDeactivatePartnerAPIKey",
    tag = "API keys",
    summary = "M5: activate or deactivate an API key",
    description = "The key of the partner for the policy with that label. A partner that is not \
active cannot switch its keys (an admin can); a switched-off key can be switched on again. \
Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`, `AUTH_PARTNER`, `CREDENTIAL_PARTNER`, \
`CREDENTIAL_ISSUANCE`, `ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own \
partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `label` or `status` blank (both listed); \
`PMS_PRT_111` no key with that label for the partner and policy; `PMS_PMP_016` the partner is not \
active; `PMS_PMS_022` the key is already off; `PMS_PM_058` the status is neither `Active` nor \
`De-Active`.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policyId" = String, Path, description = "The id of the key's policy"),
    ),
    request_body(
        content = RequestEnvelope<KeyStatusBody>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.status", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"label": "counter-1", "status": "De-Active"}})
    ),
    responses((status = 200, description = "What was done, in words (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.apikey.status",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Partner apikey de-activated successfully.", "errors": []})))
)]
pub async fn status(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: web::Json<RequestEnvelope<KeyStatusBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::API_KEY_STATUS)?;
    let (partner_id, policy_id) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let op = db
        .op(&principal)
        .call(AuditEvent::CreateApiKey, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let (user, is_admin) = (principal.user_id.clone(), principal.is_admin);
    let message = db
        .audited(op, move |conn, trail| {
            let mut v = Vec::new();
            let label = non_blank(&mut v, "label", body.label);
            let status = match body.status {
                Some(s) if !s.trim().is_empty() => Some(s),
                _ => {
                    v.push(FieldViolation::new("status", "value is empty or null"));
                    None
                }
            };
            let (Some(label), Some(status)) = (label, status) else { return Err(invalid(v)) };
            let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
            let key = keys::find_by_label(conn, &partner_id, &policy_id, &normalize_label(&label))?
                .ok_or_else(|| fail(PartnerError::ApiKeyNotFound.into()))?;
            let partner_active = repo::find(conn, &partner_id)?.is_some_and(|p| p.is_active);
            let to = change_status(&status, key.is_active, partner_active, is_admin).map_err(|e| fail(e.into()))?;
            if to != key.is_active {
                keys::set_active(conn, &key.policy_api_key, key.is_active, to, &user, time::now())?;
            }
            trail.push(AuditEvent::ApiKeyApproved, Some(&partner_id));
            let change = if to { KeyStatus::Activate } else { KeyStatus::Deactivate };
            Ok(change.message())
        })
        .await?;
    Ok(echoed(message, id, version))
}

/// `PartnersPolicyMappingRequest`.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(as = PartnersPolicyMappingRequest)]
pub struct RemapBody {
    /// The key's current policy.
    #[serde(rename = "oldPolicyID")]
    #[schema(required = true)]
    old_policy_id: Option<String>,
    /// An active policy of the partner's (active) group.
    #[serde(rename = "newPolicyID")]
    #[schema(required = true)]
    new_policy_id: Option<String>,
}

/// M6: moves an active key to another policy of the partner's group.
#[utoipa::path(
    put,
    path = "/partners/{partnerId}/apikey/{apikey}/policies",
    operation_id = "partnerApiKeyToPolicyMappings",
    tag = "API keys",
    summary = "M6: move an API key to another policy",
    description = "The key, switched on, moves from `oldPolicyID` to `newPolicyID`, an active \
policy of the partner's active group. Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `oldPolicyID` or `newPolicyID` missing \
(both listed); `PMS_PMP_50` no such key for the partner and old policy (or it moved meanwhile); \
`PMS_PMS_022` the key is off; `PMS_PMP_014` the new policy is not in the partner's group; \
`PMS_PMP_019` the new policy is not active; `PMS_PMP_023` its group is not active (these three \
name the policy id).",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("apikey" = String, Path, description = "The API key"),
    ),
    request_body(
        content = RequestEnvelope<RemapBody>,
        example = json!({"id": "mosip.partnermanagement.partners.apikey.policies", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"oldPolicyID": "p-auth", "newPolicyID": "p-share"}})
    ),
    responses((status = 200, description = "What was done (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<Message>, example = json!({"id": "mosip.partnermanagement.partners.apikey.policies",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": {"message": "Given apikey updated with policy successfully. "}, "errors": []})))
)]
pub async fn remap(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: web::Json<RequestEnvelope<RemapBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let (partner_id, key) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let op = db
        .op(&principal)
        .call(AuditEvent::CreatePolicyMapping, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let user = principal.user_id.clone();
    let answer = db
        .audited(op, move |conn, trail| {
            let mut v = Vec::new();
            if body.old_policy_id.is_none() {
                v.push(FieldViolation::new("oldPolicyID", "Please provide oldPolicyID"));
            }
            if body.new_policy_id.is_none() {
                v.push(FieldViolation::new("newPolicyID", "Please provide newPolicyID"));
            }
            let (Some(old), Some(new)) = (body.old_policy_id, body.new_policy_id) else { return Err(invalid(v)) };
            let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
            let row = keys::find_for_policy(conn, &partner_id, &old, &key)?;
            check_remap(row.as_ref().map(|r| r.is_active)).map_err(|e| fail(e.into()))?;
            let group = repo::find(conn, &partner_id)?.and_then(|p| p.policy_group_id);
            let target = match &group {
                Some(g) => partner_policy::policy_in_group_by_id(conn, g, &new)?,
                None => None,
            };
            let target = check_remap_target(target, &new).map_err(|e| fail(e.into()))?;
            let moved = keys::remap(conn, &key, &old, &target.id, &user, time::now()).map_err(|e| fail(e.into()))?;
            if moved == 0 {
                // switched off or moved meanwhile
                return Err(fail(PartnerError::ApiKeyPolicyMappingMissing.into()));
            }
            trail.push(AuditEvent::PolicyMappingCreated, Some(&partner_id));
            Ok(Message { message: KEY_REMAPPED })
        })
        .await?;
    Ok(echoed(answer, id, version))
}

/// `PartnerAPIKeyToPolicyMappingsResponse`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerAPIKeyToPolicyMappingsResponse)]
struct KeyPolicy {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    partner_id: String,
    policy_id: String,
}

/// M7: the policy a partner's key is for.
#[utoipa::path(
    get,
    path = "/partners/{partnerId}/apikey/{apikey}",
    operation_id = "getPolicyMappedToAPIKey",
    tag = "API keys",
    summary = "M7: the policy of an API key",
    description = "Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, the caller's \
own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PMP_009` no such key for the partner.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("apikey" = String, Path, description = "The API key"),
    ),
    responses((status = 200, description = "The partner and policy (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<KeyPolicy>))
)]
pub async fn policy_of_key(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let (partner_id, key) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db.op(&principal).call(AuditEvent::GetApiKey, Some(&partner_id));
    let answer = db
        .audited_read(op, move |conn, trail| {
            let row = keys::find(conn, &partner_id, &key)?
                .ok_or_else(|| Failure::from(PartnerError::ApiKeyNotMapped).audited(Family::Read, Some(&partner_id)))?;
            trail.push(AuditEvent::GetApiKeySuccess, Some(&partner_id));
            Ok(KeyPolicy { partner_id: row.part_id, policy_id: row.policy_id })
        })
        .await?;
    Ok(retrieved(answer))
}
