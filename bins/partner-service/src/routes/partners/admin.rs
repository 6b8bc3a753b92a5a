//! M1 `PATCH /partners/{id}` (activate/deactivate), M2/M3 `GET /partners[/v2]?partnerType=`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::partner::{Activation, status_label};
use persistence::repo::partner as repo;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::{Failure, Family, Message, PartnerConfig, StatusBody, echoed, retrieved};
use crate::roles;

/// M1: switches a partner on (it needs an uploaded certificate) or off; deactivating a MISP
/// partner also switches off its licence keys.
#[utoipa::path(
    patch,
    path = "/partners/{partnerId}",
    operation_id = "activateDeactivatePartner",
    tag = "Partners",
    summary = "M1: activate or deactivate a partner",
    description = "`Active` needs the partner's certificate to be uploaded; `De-Active` also \
switches off the licence keys of a MISP partner. Both are idempotent; the approval status does \
not change. Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`; without `PARTNER_ADMIN`, the caller's own \
partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` missing, or `status` missing or blank; `PMS_PMP_005` \
no such partner; `PMS_PM_058` the status is neither `Active` nor `De-Active`; `PMS_PRT_108` no \
certificate uploaded for the partner.",
    params(("partnerId" = String, Path, description = "The partner's id", example = "Tech-123")),
    request_body(
        content = RequestEnvelope<StatusBody>,
        example = json!({"id": "mosip.partnermanagement.partners.status.update", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z", "request": {"status": "De-Active"}})
    ),
    responses((status = 200, description = "What was done (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<Message>))
)]
pub async fn activation(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<String>,
    body: web::Json<RequestEnvelope<StatusBody>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_MANAGER)?;
    let partner_id = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let status = envelope.into_request()?.status.filter(|s| !s.trim().is_empty());
    let op = db
        .op(&principal)
        .call(AuditEvent::RegisterPartner, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let user = principal.user_id.clone();
    let answer = db
        .audited(op, move |conn, trail| {
            let status = status.ok_or_else(|| ApiError::invalid_field("status", "value is empty or null"))?;
            let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
            let p = repo::find(conn, &partner_id)?.ok_or_else(|| fail(PartnerError::PartnerIdMissing.into()))?;
            let change = Activation::parse(&status).map_err(|e| fail(e.into()))?;
            let now = time::now();
            if let Some(to) = change.apply(p.is_active, p.certificate_alias.is_some()).map_err(|e| fail(e.into()))? {
                // 0 rows: a concurrent switch got there first, with the same outcome
                repo::set_active(conn, &partner_id, !to, to, &user, now)?;
                if !to && p.partner_type_code.eq_ignore_ascii_case(&cfg.settings.misp_partner_type) {
                    repo::deactivate_misp_licenses(conn, &partner_id, &user, now)?;
                }
            }
            trail.push(AuditEvent::RegisterPartnerSuccess, Some(&partner_id));
            Ok(Message { message: change.message() })
        })
        .await?;
    Ok(echoed(answer, id, version))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// A partner type code, matched exactly (e.g. `Auth_Partner`); absent or blank: every type.
    #[param(example = "Auth_Partner")]
    partner_type: Option<String>,
}

/// `RetrievePartnersDetails` (v1) and `PartnerDetailsDto` (v2: adds `logoUrl` and
/// `additionalInfo`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = RetrievePartnersDetails)]
struct ListedPartner {
    #[serde(rename = "partnerID")]
    #[schema(example = "Tech-123")]
    partner_id: String,
    /// `active` or `De-active`.
    #[schema(example = "active")]
    status: &'static str,
    #[schema(example = "Techno")]
    organization_name: String,
    contact_number: Option<String>,
    email_id: Option<String>,
    address: Option<String>,
    #[schema(example = "Auth_Partner")]
    partner_type: String,
    /// `/partners/v2` only (absent from `/partners`): the logo's URL, or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    logo_url: Option<Option<String>>,
    /// `/partners/v2` only (absent from `/partners`): the stored JSON, or `null`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Value)]
    additional_info: Option<Option<serde_json::Value>>,
}

/// `RetrievePartnerDetailsResponse` of the partner lists.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = RetrievePartnersResponse)]
struct Partners {
    partners: Vec<ListedPartner>,
}

/// M2 `GET /partners`.
#[utoipa::path(
    get,
    path = "/partners",
    operation_id = "getPartners",
    tag = "Partners",
    summary = "M2: every partner, or those of one type",
    description = "For MOSIP's other services (ID authentication, registration processor, …). A \
caller without `PARTNER_ADMIN` sees its own partner only. Roles: `PARTNERMANAGER`, \
`PARTNER_ADMIN`, `partnermanager`, `ID_AUTHENTICATION`, `REGISTRATION_PROCESSOR`, `RESIDENT`, \
`CREDENTIAL_ISSUANCE`, `ID_REPOSITORY`.\n\n\
Errors (HTTP 200): `PMS_PMP_013` no partner found.",
    params(ListQuery),
    responses((status = 200, description = "The partners (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Partners>))
)]
pub async fn list_v1(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    list(principal, db, query.into_inner(), false).await
}

/// M3 `GET /partners/v2`: the items add `logoUrl` and `additionalInfo`.
#[utoipa::path(
    get,
    path = "/partners/v2",
    operation_id = "getPartnersV2",
    tag = "Partners",
    summary = "M3: every partner, or those of one type, with logo and additional information",
    description = "As M2; each item adds `logoUrl` and `additionalInfo`. (Not in MOSIP's published \
OpenAPI document; MOSIP 1.2 serves it.) Roles: `PARTNERMANAGER`, `PARTNER_ADMIN`, \
`partnermanager`, `ID_AUTHENTICATION`, `REGISTRATION_PROCESSOR`, `RESIDENT`, \
`CREDENTIAL_ISSUANCE`, `ID_REPOSITORY`.\n\n\
Errors (HTTP 200): `PMS_PMP_013` no partner found; `PMS_PRT_096` a partner's stored \
`additionalInfo` is not JSON.",
    params(ListQuery),
    responses((status = 200, description = "The partners (`id` `mosip.partnermanagement.partners.retrieve`), or the errors",
        body = ResponseEnvelope<Partners>))
)]
pub async fn list_v2(
    principal: Principal,
    db: web::Data<Db>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    list(principal, db, query.into_inner(), true).await
}

/// M2/M3: every partner, or those of one type (exact code). A caller without the admin role
/// sees its own partner only.
async fn list(principal: Principal, db: web::Data<Db>, query: ListQuery, v2: bool) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::PARTNER_LIST)?;
    let partner_type = query.partner_type.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    let own = (!principal.is_admin).then(|| principal.user_id.clone());
    let op = db.op(&principal).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::PartnerMissing, None);
    let partners = db
        .audited_read(op, move |conn, trail| {
            let rows: Vec<_> = repo::list(conn, partner_type.as_deref())?
                .into_iter()
                .filter(|p| own.as_ref().is_none_or(|me| &p.id == me))
                .collect();
            if rows.is_empty() {
                return Err(Failure::from(PartnerError::NoPartners).audited(Family::Read, None));
            }
            let mut out = Vec::with_capacity(rows.len());
            for p in rows {
                let additional_info = match (v2, &p.addl_info) {
                    (false, _) => None,
                    (true, None) => Some(None),
                    (true, Some(text)) => Some(Some(serde_json::from_str(text).map_err(|_| {
                        Failure::from(PartnerError::StoredJsonInvalid).audited(Family::Read, Some(&p.id))
                    })?)),
                };
                out.push(ListedPartner {
                    partner_id: p.id,
                    status: status_label(p.is_active),
                    organization_name: p.name,
                    contact_number: p.contact_no,
                    email_id: p.email_id,
                    address: p.address,
                    partner_type: p.partner_type_code,
                    logo_url: v2.then_some(p.logo_url),
                    additional_info,
                });
            }
            trail.push(AuditEvent::GetPartnerSuccess, None);
            Ok(Partners { partners: out })
        })
        .await?;
    Ok(retrieved(partners))
}
