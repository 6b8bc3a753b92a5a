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
use web_support::{ApiError, Db, Principal, RequestEnvelope, time};

use super::{Failure, Family, PartnerConfig, echoed, invalid, new_id, retrieved};
use crate::roles;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MappingBody {
    policy_name: Option<String>,
    use_case_description: Option<String>,
}

#[derive(Debug, Serialize)]
struct MappingAnswer {
    mappingkey: String,
    message: &'static str,
}

/// P12: a partner asks to use a policy of its group.
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

#[derive(Debug, Deserialize)]
pub struct StatusBody {
    status: Option<String>,
}

/// M4: an admin approves or rejects a pending request; a decided request stays decided, and of
/// two reviews racing on one request exactly one wins (compare-and-set on its status).
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
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PartnerRequestItem {
    #[serde(rename = "apiKeyReqID")]
    api_key_req_id: String,
    api_key_request_status: String,
    partner_api_key: Option<String>,
    apikey_status: bool,
    #[serde(serialize_with = "web_support::time::serde_mosip::option::serialize")]
    validity_till: Option<chrono::NaiveDateTime>,
}

/// P14: a partner's requests; for approved ones, the keys generated for the policy (one item per
/// key, or one without a key while none is generated).
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
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct RequestItem {
    #[serde(rename = "partnerID")]
    partner_id: String,
    status: String,
    organization_name: String,
    policy_id: String,
    policy_desc: String,
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

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct RequestList {
    apikey_requests: Vec<RequestItem>,
}

/// M8: every request (a caller without the admin role sees its own partner's).
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
