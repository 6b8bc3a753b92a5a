//! P1/P2 `POST /partners[/v2]` (registration) and P3 `PUT /partners/email/verify`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::registration::{Registrant, RegistrationForm};
use persistence::repo::partner as repo;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::{Failure, Family, PartnerConfig, PartnerResponse, echoed, invalid, plain};

/// `PartnerRequest` (v1) / `PartnerRequestDto` (v2: adds `logoUrl` and `additionalInfo`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerRequestDto)]
pub struct RegisterBody {
    /// The new partner's id (and user id): no whitespace, at most `partner.partner_id_max_length`
    /// characters (36 by default).
    #[schema(required = true, example = "Tech-123")]
    partner_id: Option<String>,
    /// The name of an active policy group; required for partner types that need a policy.
    #[schema(example = "mosip policy group")]
    policy_group: Option<String>,
    #[schema(required = true, max_length = 128, example = "Techno")]
    organization_name: Option<String>,
    #[schema(required = true, max_length = 2000, example = "Bangalore")]
    address: Option<String>,
    /// At most `partner.mobile_number_max_length` characters (16 by default).
    #[schema(required = true, max_length = 16, example = "8553967572")]
    contact_number: Option<String>,
    /// Unique among partners; must match `partner.email_regex`.
    #[schema(required = true, max_length = 254, example = "mosip@gmail.com")]
    email_id: Option<String>,
    /// A partner type code (case-insensitive), e.g. `Auth_Partner`, `Credential_Partner`.
    #[schema(required = true, example = "Auth_Partner")]
    partner_type: Option<String>,
    /// One of `partner.languages`; the first one when absent.
    #[schema(example = "eng")]
    lang_code: Option<String>,
    /// `/partners/v2` only (ignored by `/partners`).
    #[schema(max_length = 256, example = "https://example.org/logo.png")]
    logo_url: Option<String>,
    /// `/partners/v2` only (ignored by `/partners`): any JSON value, stored as it is.
    additional_info: Option<serde_json::Value>,
}

/// P1 `POST /partners`.
#[utoipa::path(
    post,
    path = "/partners",
    operation_id = "partnerSelfRegistration",
    tag = "Partners",
    summary = "P1: register a partner",
    description = "Creates an inactive partner (`InProgress` until its certificate is uploaded). \
`logoUrl` and `additionalInfo` are ignored: use `/partners/v2`. Roles: any authenticated user; a \
caller without `PARTNER_ADMIN` registers its own user id only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or a field missing, blank or too long (each \
failing field listed); `PMS_PRT_055` the caller's e-mail already belongs to a partner; \
`PMS_PRT_013` `contactNumber` too long; `PMS_PRT_012` invalid `emailId`; `PMS_PRT_066` spaces in \
`partnerId`; `PMS_PRT_052` `partnerId` too long; `PMS_PRT_011` `emailId` used by a partner; \
`PMS_PRT_056` unsupported `langCode`; `PMS_PRT_051` `partnerId` taken; `PMS_PRT_010` unknown \
`partnerType`; `PMS_PRT_108` the type needs a `policyGroup`; `PMS_PRT_002` no such policy group; \
`PMS_PMP_023` the policy group is not active.",
    request_body(
        content = RequestEnvelope<RegisterBody>,
        example = json!({"id": "mosip.partnermanagement.partners.create", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerId": "Tech-123", "policyGroup": "mosip policy group", "organizationName": "Techno",
                "address": "Bangalore", "contactNumber": "8553967572", "emailId": "mosip@gmail.com",
                "partnerType": "Auth_Partner", "langCode": "eng"}})
    ),
    responses((status = 200, description = "The partner (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PartnerResponse>))
)]
pub async fn register_v1(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<RegisterBody>>,
) -> Result<HttpResponse, ApiError> {
    register(principal, db, cfg, body.into_inner(), false).await
}

/// P2 `POST /partners/v2`.
#[utoipa::path(
    post,
    path = "/partners/v2",
    operation_id = "partnerSelfRegistrationV2",
    tag = "Partners",
    summary = "P2: register a partner, with logo and additional information",
    description = "As P1, and stores `logoUrl` and `additionalInfo` (any JSON). (Not in MOSIP's \
published OpenAPI document; MOSIP 1.2 serves it.) Roles: any authenticated user; a caller \
without `PARTNER_ADMIN` registers its own user id only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or a field missing, blank or too long \
(`logoUrl` over 256 characters included); `PMS_PRT_055` the caller's e-mail already belongs to a \
partner; `PMS_PRT_013` `contactNumber` too long; `PMS_PRT_012` invalid `emailId`; `PMS_PRT_066` \
spaces in `partnerId`; `PMS_PRT_052` `partnerId` too long; `PMS_PRT_011` `emailId` used by a \
partner; `PMS_PRT_056` unsupported `langCode`; `PMS_PRT_051` `partnerId` taken; `PMS_PRT_010` \
unknown `partnerType`; `PMS_PRT_108` the type needs a `policyGroup`; `PMS_PRT_002` no such policy \
group; `PMS_PMP_023` the policy group is not active.",
    request_body(
        content = RequestEnvelope<RegisterBody>,
        example = json!({"id": "mosip.partnermanagement.partners.create", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"partnerId": "Tech-123", "policyGroup": "mosip policy group", "organizationName": "Techno",
                "address": "Bangalore", "contactNumber": "8553967572", "emailId": "mosip@gmail.com",
                "partnerType": "Auth_Partner", "langCode": "eng", "logoUrl": "https://example.org/logo.png",
                "additionalInfo": {"website": "https://example.org"}}})
    ),
    responses((status = 200, description = "The partner (`id` and `version` echoed), or the errors", body = ResponseEnvelope<PartnerResponse>))
)]
pub async fn register_v2(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<RegisterBody>>,
) -> Result<HttpResponse, ApiError> {
    register(principal, db, cfg, body.into_inner(), true).await
}

async fn register(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    envelope: RequestEnvelope<RegisterBody>,
    v2: bool,
) -> Result<HttpResponse, ApiError> {
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let form = RegistrationForm {
        partner_id: body.partner_id,
        organization_name: body.organization_name,
        address: body.address,
        contact_number: body.contact_number,
        email_id: body.email_id,
        partner_type: body.partner_type,
        policy_group: body.policy_group,
        lang_code: body.lang_code,
        // v1 carries neither: MOSIP's v1 DTO has no such fields
        logo_url: if v2 { body.logo_url } else { None },
        additional_info: if v2 { body.additional_info.filter(|v| !v.is_null()) } else { None },
    };
    let op = db
        .op(&principal)
        .call(AuditEvent::RegisterPartner, form.partner_id.as_deref())
        .on_failure(AuditEvent::PartnerTypeNotAllowed, form.partner_id.as_deref());
    let (user, email, is_admin) = (principal.user_id.clone(), principal.email.clone(), principal.is_admin);
    let created = db
        .audited(op, move |conn, trail| {
            let request = form.validate().map_err(invalid)?;
            // A partner registers itself: without the admin role, the partner id is the caller's.
            if !is_admin && request.partner_id != user {
                return Err(ApiError::forbidden());
            }
            let partner_id = request.partner_id.clone();
            let who = Registrant { user_id: &user, email: email.as_deref() };
            let new = repo::register_partner::<Failure>(conn, request, who, &cfg.rules, time::now())
                .map_err(|e| e.audited(Family::Register, Some(&partner_id)))?;
            trail.push(AuditEvent::RegisterPartnerSuccess, Some(&new.id));
            Ok(PartnerResponse { partner_id: new.id, status: new.approval_status })
        })
        .await?;
    Ok(echoed(created, id, version))
}

/// `EmailVerificationRequestDto`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = EmailVerificationRequestDto)]
pub struct EmailBody {
    /// Absent reads as empty (which fails the pattern).
    #[schema(example = "mosip@gmail.com")]
    email_id: Option<String>,
}

/// `EmailVerificationResponseDto`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = EmailVerificationResponseDto)]
struct EmailAnswer {
    /// A partner has exactly this e-mail.
    email_exists: bool,
    /// The codes of the partner types that need a policy group, upper-cased.
    #[schema(example = json!(["AUTH_PARTNER", "CREDENTIAL_PARTNER"]))]
    policy_required_partner_types: Vec<String>,
}

/// P3: whether a partner uses the e-mail, and which partner types need a policy group.
#[utoipa::path(
    put,
    path = "/partners/email/verify",
    operation_id = "isEmailExists",
    tag = "Partners",
    summary = "P3: is an e-mail taken",
    description = "Whether a partner is registered with this e-mail (exact match), and which \
partner types need a policy group. Roles: any authenticated user.\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing; `PMS_PRT_012` the e-mail does not match \
`partner.email_regex`.",
    request_body(
        content = RequestEnvelope<EmailBody>,
        example = json!({"id": "mosip.partnermanagement.partners.email.verify", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"emailId": "mosip@gmail.com"}})
    ),
    responses((status = 200, description = "The answer, or the errors", body = ResponseEnvelope<EmailAnswer>))
)]
pub async fn email_check(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    body: web::Json<RequestEnvelope<EmailBody>>,
) -> Result<HttpResponse, ApiError> {
    let email = body.into_inner().into_request()?.email_id.unwrap_or_default();
    let op = db.op(&principal).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::InvalidEmailOnCreate, None);
    let answer = db
        .audited_read(op, move |conn, trail| {
            if !cfg.rules.email.accepts(&email) {
                return Err(Failure::from(PartnerError::InvalidEmail).audited(Family::Register, None));
            }
            let email_exists = repo::email_registered(conn, &email)?;
            let policy_required_partner_types = repo::partner_types(conn)?
                .into_iter()
                .filter(|t| t.is_policy_required)
                .map(|t| t.code.to_uppercase())
                .collect();
            trail.push(AuditEvent::GetPartnerSuccess, None);
            Ok(EmailAnswer { email_exists, policy_required_partner_types })
        })
        .await?;
    Ok(plain(answer))
}
