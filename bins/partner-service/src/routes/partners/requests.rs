//! Policy-mapping requests: P12 `POST /partners/{id}/policy/map`, M4 `PUT /partners/policy/{key}`,
//! P14 `GET /partners/{id}/apikey/request`, M8 `GET /partners/apikey`, M9 `GET /partners/apikey/{id}`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::partner::{FieldViolation, require_active};
use partner_domain::policy::{check_request_policy, choose_partner_policy};
use partner_domain::policy_request::{
    NewPolicyRequest, REQUEST_SUBMITTED, RequestStatus, check_extractors_for_approval, check_new_request,
    review as decide_review,
};
use persistence::repo::{api_key, partner as repo, partner_extras, partner_policy};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::{Failure, Family, PartnerConfig, StatusBody, echoed, invalid, new_id, retrieved};
use crate::roles;

/// `PartnerPolicyMappingRequest`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerPolicyMappingRequest)]
pub struct MappingBody {
    /// The name of a policy of the partner's policy group (exact).
    #[schema(required = true, example = "mosip policy")]
    policy_name: Option<String>,
    /// Why the partner needs the policy; may be empty.
    #[schema(required = true, max_length = 4000, example = "Authenticate residents at our counters")]
    use_case_description: Option<String>,
}

/// `PartnerPolicyMappingResponseDto`.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = PartnerPolicyMappingResponseDto)]
struct MappingAnswer {
    /// The request's id (the `{mappingkey}` an admin approves or rejects).
    #[schema(example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")]
    mappingkey: String,
    #[schema(example = "Policy mapping request submitted successfully.")]
    message: &'static str,
}

/// P12: a partner asks to use a policy of its group.
#[utoipa::path(
    post,
    path = "/partners/{partnerId}/policy/map",
    operation_id = "mapPolicyToPartner",
    tag = "Policy mapping requests",
    summary = "P12: request a policy",
    description = "The partner (active) asks to use an active, unexpired policy of its active \
policy group; the request waits for an admin (M4). A rejected request may be asked again. Roles: \
`AUTH_PARTNER`, `ABIS_PARTNER`, `CREDENTIAL_PARTNER`, `CREDENTIAL_ISSUANCE`, \
`ONLINE_VERIFICATION_PARTNER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, the caller's own partner \
only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, `policyName` or `useCaseDescription` missing \
(both listed), or `useCaseDescription` over 4000 characters; `PMS_PRT_005` no such partner; \
`PMS_PMP_016` the partner is not active; `PMS_PRT_073` no active policy of that name; \
`PMS_PRT_047` the partner has no policy group; `PMS_PRT_098` no policy of that name in the \
partner's group; `PMS_PMP_019` the policy is not active; `PMS_PMP_018` the policy expired; \
`PMS_PMP_023` the policy group is not active; `PMS_PRT_053` a request for the policy is pending; \
`PMS_PRT_060` a request for the policy is approved.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<MappingBody>,
        example = json!({"id": "mosip.partnermanagement.partners.policy.mapping", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"policyName": "mosip policy", "useCaseDescription": "Authenticate residents at our counters"}})
    ),
    responses((status = 200, description = "The request's id (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<MappingAnswer>))
)]
pub async fn request(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<MappingBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::POLICY_MAPPING_REQUEST)?;
    let partner_id = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let op = db
        .op(&principal)
        .call(AuditEvent::RequestPartnerKey, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let user = principal.user_id.clone();
    let answer = db
        .audited(op, move |conn, trail| {
            let mut missing = Vec::new();
            if body.policy_name.is_none() {
                missing.push(FieldViolation::new("policyName", "must not be null"));
            }
            if body.use_case_description.is_none() {
                missing.push(FieldViolation::new("useCaseDescription", "must not be null"));
            }
            let (Some(policy_name), Some(detail)) = (body.policy_name, body.use_case_description) else {
                return Err(invalid(missing));
            };
            if detail.chars().count() > 4000 {
                return Err(ApiError::invalid_field("useCaseDescription", "Length should be between 0 and 4000 chars"));
            }
            let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
            let partner = repo::find(conn, &partner_id)?;
            require_active(partner.as_ref().map(|p| p.is_active)).map_err(|e| fail(e.into()))?;
            let group = partner.and_then(|p| p.policy_group_id);
            let any_active = partner_policy::active_policy_named(conn, &policy_name)?;
            let in_group = match &group {
                Some(g) => partner_policy::policy_in_group_by_name(conn, g, &policy_name)?,
                None => None,
            };
            let now = time::now();
            let policy =
                choose_partner_policy(any_active, group.as_deref(), in_group, now).map_err(|e| fail(e.into()))?;
            repo::lock(conn, "policy-request", &format!("{partner_id}/{}", policy.id))?;
            check_new_request(&partner_policy::request_statuses(conn, &partner_id, &policy.id)?)
                .map_err(|e| fail(e.into()))?;
            let request = NewPolicyRequest::new(new_id(), &partner_id, &policy.id, &detail, &user, now);
            partner_policy::insert_request(conn, &request)?;
            trail.push(AuditEvent::PartnerKeyCreated, Some(&partner_id));
            Ok(MappingAnswer { mappingkey: request.id, message: REQUEST_SUBMITTED })
        })
        .await?;
    Ok(echoed(answer, id, version))
}

/// M4: an admin approves or rejects a pending request; a decided request stays decided, and of
/// two reviews racing on one request exactly one wins (compare-and-set on its status).
#[utoipa::path(
    put,
    path = "/partners/policy/{mappingkey}",
    operation_id = "approveRejectPolicyMappings",
    tag = "Policy mapping requests",
    summary = "M4: approve or reject a policy request",
    description = "`Approved` or `Rejected` (any case) decides a pending request once. Approving \
needs the policy (active, in an active group, unexpired) and, for the partner types of \
`partner.extractor_partner_types`, biometric extractors for it. No API key is made: the partner \
generates its keys (P13). Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, \
requests of the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `status` missing or blank; `PMS_PMP_007` no \
such request; `PMS_PM_034` already approved; `PMS_PM_035` already rejected; `PMS_PM_045` the \
status is neither `Approved` nor `Rejected`; `PMS_PRT_005` the partner is gone; `PMS_PM_051` no \
biometric extractors; `PMS_PMP_017` the policy is gone; `PMS_PMP_019` the policy is not active; \
`PMS_PMP_022` the policy group is gone; `PMS_PMP_023` the policy group is not active; \
`PMS_PMP_018` the policy expired.",
    params(("mappingkey" = String, Path, description = "The request's id (`mappingkey` of P12)",
        example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")),
    request_body(
        content = RequestEnvelope<StatusBody>,
        example = json!({"id": "mosip.partnermanagement.partners.policy.mapping.status", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"status": "Approved"}})
    ),
    responses((status = 200, description = "What was done, in words (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.policy.mapping.status",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Policy mapping approved successfully", "errors": []})))
)]
pub async fn review(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<StatusBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let mapping_key = path.into_inner();
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let status = envelope.into_request()?.status.filter(|s| !s.trim().is_empty());
    let op = db
        .op(&principal)
        .call(AuditEvent::CreatePolicyMapping, Some(&mapping_key))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&mapping_key));
    let (user, is_admin) = (principal.user_id.clone(), principal.is_admin);
    let message = db
        .audited(op, move |conn, trail| {
            let status = status.ok_or_else(|| ApiError::invalid_field("status", "value is empty or null"))?;
            let fail = |e: Failure| e.audited(Family::Mapping, Some(&mapping_key));
            let req = partner_policy::find_request(conn, &mapping_key)?
                .ok_or_else(|| fail(PartnerError::RequestNotFound.into()))?;
            if !is_admin && req.part_id != user {
                return Err(ApiError::forbidden());
            }
            let decision = decide_review(&RequestStatus::of(&req.status_code), &status).map_err(|e| fail(e.into()))?;
            let now = time::now();
            if decision.status() == RequestStatus::Approved {
                let partner =
                    repo::find(conn, &req.part_id)?.ok_or_else(|| fail(PartnerError::PartnerMissing.into()))?;
                let has = partner_extras::has_extractors(conn, &req.part_id, &req.policy_id)?;
                check_extractors_for_approval(&partner.partner_type_code, &cfg.settings.extractor_partner_types, has)
                    .map_err(|e| fail(e.into()))?;
                let policy = partner_policy::policy_facts(conn, &req.policy_id)?;
                check_request_policy(policy.as_ref(), now).map_err(|e| fail(e.into()))?;
            }
            if partner_policy::decide(conn, &mapping_key, &req.status_code, &decision.status(), &user, now)? == 0 {
                // another review decided first
                let current =
                    partner_policy::find_request(conn, &mapping_key)?.map(|r| RequestStatus::of(&r.status_code));
                let lost = match current {
                    Some(RequestStatus::Rejected) => PartnerError::RequestAlreadyRejected,
                    _ => PartnerError::RequestAlreadyApproved,
                };
                return Err(fail(lost.into()));
            }
            if decision.status() == RequestStatus::Approved {
                trail.push(AuditEvent::PolicyMappingCreated, Some(&mapping_key));
            }
            Ok(decision.message())
        })
        .await?;
    Ok(echoed(message, id, version))
}

/// `APIkeyRequests`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = APIkeyRequests)]
struct PartnerRequestItem {
    /// The request's id.
    #[serde(rename = "apiKeyReqID")]
    #[schema(example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")]
    api_key_req_id: String,
    /// `InProgress`, `approved` or `rejected`.
    #[schema(example = "approved")]
    api_key_request_status: String,
    /// A key generated for the policy, or `null`.
    partner_api_key: Option<String>,
    /// Whether that key is on (`false` without a key).
    apikey_status: bool,
    /// When that key expires (`yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`), or `null`.
    #[serde(serialize_with = "web_support::time::serde_mosip::option::serialize")]
    #[schema(value_type = Option<String>, format = DateTime, example = "2024-07-30T10:20:30.123Z")]
    validity_till: Option<chrono::NaiveDateTime>,
}

/// P14: a partner's requests; for approved ones, the keys generated for the policy (one item per
/// key, or one without a key while none is generated).
#[utoipa::path(
    get,
    path = "/partners/{partnerId}/apikey/request",
    operation_id = "getAPIKeyRequestsOfPartner",
    tag = "Policy mapping requests",
    summary = "P14: a partner's policy requests and their keys",
    description = "One item per request, and for an approved one per key generated for its policy. \
Roles: `PARTNER`, `AUTH_PARTNER`, `ABIS_PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, \
`ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner only (403 \
otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_006` the partner has no request.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    responses((status = 200, description = "The requests (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Vec<PartnerRequestItem>>))
)]
pub async fn requests_of_partner(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::API_KEY_REQUESTS_OF_PARTNER)?;
    let partner_id = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db.op(&principal).call(AuditEvent::GetApiKey, Some(&partner_id));
    let items = db
        .audited_read(op, move |conn, trail| {
            let requests = partner_policy::requests_of(conn, &partner_id)?;
            if requests.is_empty() {
                return Err(Failure::from(PartnerError::NoApiKeyRequests).audited(Family::Read, Some(&partner_id)));
            }
            let mut items = Vec::new();
            for r in requests {
                let keys = if RequestStatus::of(&r.status_code) == RequestStatus::Approved {
                    api_key::keys_of(conn, &partner_id, &r.policy_id)?
                } else {
                    Vec::new()
                };
                if keys.is_empty() {
                    items.push(PartnerRequestItem {
                        api_key_req_id: r.id.clone(),
                        api_key_request_status: r.status_code.clone(),
                        partner_api_key: None,
                        apikey_status: false,
                        validity_till: None,
                    });
                }
                for k in keys {
                    items.push(PartnerRequestItem {
                        api_key_req_id: r.id.clone(),
                        api_key_request_status: r.status_code.clone(),
                        partner_api_key: Some(k.policy_api_key),
                        apikey_status: k.is_active,
                        validity_till: k.valid_to_datetime,
                    });
                }
            }
            trail.push(AuditEvent::GetApiKeySuccess, Some(&partner_id));
            Ok(items)
        })
        .await?;
    Ok(retrieved(items))
}

/// `ApikeyRequests`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ApikeyRequests)]
struct RequestItem {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    partner_id: String,
    /// The request's status: `InProgress`, `approved` or `rejected`.
    #[schema(example = "InProgress")]
    status: String,
    #[schema(example = "Techno")]
    organization_name: String,
    policy_id: String,
    /// The request's use-case description.
    policy_desc: String,
    /// The request's id.
    api_key_req_no: String,
}

impl RequestItem {
    fn of((r, org): (partner_policy::RequestRow, String)) -> Self {
        RequestItem {
            partner_id: r.part_id,
            status: r.status_code,
            organization_name: org,
            policy_id: r.policy_id,
            policy_desc: r.request_detail,
            api_key_req_no: r.id,
        }
    }
}

/// `PartnerAPIKeyRequestsResponse`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerAPIKeyRequestsResponse)]
struct RequestList {
    apikey_requests: Vec<RequestItem>,
}

/// M8: every request (a caller without the admin role sees its own partner's).
#[utoipa::path(
    get,
    path = "/partners/apikey",
    operation_id = "getAPIKeyRequests",
    tag = "Policy mapping requests",
    summary = "M8: every policy request",
    description = "A caller without `PARTNER_ADMIN` sees its own partner's requests only. Roles: \
`PARTNERMANAGER`, `PARTNER_ADMIN`.\n\n\
Errors (HTTP 200): `PMS_PMP_015` no request found.",
    responses((status = 200, description = "The requests (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<RequestList>))
)]
pub async fn all_requests(principal: Principal, db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let own = (!principal.is_admin).then(|| principal.user_id.clone());
    let op = db.op(&principal).call(AuditEvent::GetApiKey, None);
    let list = db
        .audited_read(op, move |conn, trail| {
            let rows: Vec<_> = partner_policy::requests_with_org(conn, None)?
                .into_iter()
                .filter(|(r, _)| own.as_ref().is_none_or(|me| &r.part_id == me))
                .collect();
            if rows.is_empty() {
                return Err(Failure::from(PartnerError::NoPolicyRequests).audited(Family::Read, None));
            }
            trail.push(AuditEvent::GetApiKeySuccess, None);
            Ok(RequestList { apikey_requests: rows.into_iter().map(RequestItem::of).collect() })
        })
        .await?;
    Ok(retrieved(list))
}

/// M9: one request by its id (MOSIP names the path variable `apikey`).
#[utoipa::path(
    get,
    path = "/partners/apikey/{apikey}",
    operation_id = "getAPIKeyRequest",
    tag = "Policy mapping requests",
    summary = "M9: one policy request",
    description = "Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, requests of \
the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PMP_015` no such request.",
    params(("apikey" = String, Path, description = "The request's id (MOSIP's name for it is `apikey`)",
        example = "0f8d3d2c-4a5b-4c6d-8e9f-0a1b2c3d4e5f")),
    responses((status = 200, description = "The request (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<RequestItem>))
)]
pub async fn one_request(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let request_id = path.into_inner();
    let (user, is_admin) = (principal.user_id.clone(), principal.is_admin);
    let op = db.op(&principal).call(AuditEvent::GetApiKey, Some(&request_id));
    let item = db
        .audited_read(op, move |conn, trail| {
            let row =
                partner_policy::requests_with_org(conn, Some(&request_id))?.into_iter().next().ok_or_else(|| {
                    Failure::from(PartnerError::NoPolicyRequests).audited(Family::Read, Some(&request_id))
                })?;
            if !is_admin && row.0.part_id != user {
                return Err(ApiError::forbidden());
            }
            trail.push(AuditEvent::GetApiKeySuccess, Some(&request_id));
            Ok(RequestItem::of(row))
        })
        .await?;
    Ok(retrieved(item))
}
