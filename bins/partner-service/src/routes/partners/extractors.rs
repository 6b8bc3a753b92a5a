//! Biometric extractors: P15 `POST` / P16 `GET /partners/{id}/bioextractors/{policyId}`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::extractor::{EXTRACTORS_ADDED, ExtractorForm, check_add, format_biometric, validate};
use partner_domain::partner::FieldViolation;
use persistence::repo::{partner_extras, partner_policy};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use web_support::{ApiError, Db, Principal, RequestEnvelope, ResponseEnvelope, time};

use super::{Failure, Family, echoed, invalid, new_id, plain};
use crate::roles;

/// `ExtractorProviderDto`.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[schema(as = ExtractorProviderDto)]
pub struct Provider {
    #[serde(default)]
    #[schema(required = true, max_length = 128, example = "mock")]
    provider: Option<String>,
    #[serde(default)]
    #[schema(max_length = 8, example = "1.1")]
    version: Option<String>,
}

/// `ExtractorDto`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExtractorDto {
    /// The attribute the extractor is for; adding an attribute again replaces its extractor.
    #[serde(default)]
    #[schema(required = true, max_length = 128, example = "photo")]
    attribute_name: Option<String>,
    /// `<modality>` or `<modality>[<sub-types>]`, each part at most 64 characters.
    #[serde(default)]
    #[schema(required = true, max_length = 130, example = "finger[LeftThumb,RightThumb]")]
    biometric: Option<String>,
    #[serde(default)]
    #[schema(required = true)]
    extractor: Option<Provider>,
}

/// `ExtractorsDto`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct ExtractorsDto {
    #[serde(default)]
    #[schema(required = true)]
    extractors: Option<Vec<ExtractorDto>>,
}

/// P15: adds (or replaces, by attribute name) extractors while the request for the policy is
/// not approved yet.
#[utoipa::path(
    post,
    path = "/partners/{partnerId}/bioextractors/{policyId}",
    operation_id = "addBiometricExtractors",
    tag = "Biometric extractors",
    summary = "P15: add biometric extractors",
    description = "Adds the extractors (an attribute named again is replaced) while the partner's \
request for the policy exists and is not approved. Roles: `PARTNER`, `CREDENTIAL_PARTNER`, \
`PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, `CREATE_SHARE`, `ONLINE_VERIFICATION_PARTNER`; without \
`PARTNER_ADMIN`, the caller's own partner only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_COR_001` `request` or `extractors` missing, or an extractor's field \
missing, blank or too long (each failing field listed, e.g. `request.extractors[0].biometric`); \
`PMS_PRT_061` the partner has not requested the policy; `PMS_PRT_062` the request is approved.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policyId" = String, Path, description = "The policy's id"),
    ),
    request_body(
        content = RequestEnvelope<ExtractorsDto>,
        example = json!({"id": "mosip.partnermanagement.partners.bioextractors", "version": "1.0",
            "requesttime": "2024-05-01T10:20:30.123Z",
            "request": {"extractors": [
                {"attributeName": "photo", "biometric": "face", "extractor": {"provider": "mock", "version": "1.1"}},
                {"attributeName": "fingers", "biometric": "finger[LeftThumb,RightThumb]",
                    "extractor": {"provider": "mock", "version": "1.1"}}]}})
    ),
    responses((status = 200, description = "`Extractors added successfully.` (`id` and `version` echoed), or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": "mosip.partnermanagement.partners.bioextractors",
            "version": "1.0", "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Extractors added successfully.", "errors": []})))
)]
pub async fn add(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
    body: web::Json<RequestEnvelope<ExtractorsDto>>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::CREDENTIAL)?;
    let (partner_id, policy_id) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let envelope = body.into_inner();
    let (id, version) = (envelope.id.clone(), envelope.version.clone());
    let body = envelope.into_request()?;
    let op = db
        .op(&principal)
        .call(AuditEvent::CreateBiometrics, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let user = principal.user_id.clone();
    db.audited(op, move |conn, trail| {
        let Some(list) = body.extractors else {
            return Err(invalid(vec![FieldViolation::new("extractors", "must not be null")]));
        };
        let forms = list
            .into_iter()
            .map(|e| {
                let p = e.extractor.unwrap_or_default();
                ExtractorForm {
                    attribute_name: e.attribute_name,
                    biometric: e.biometric,
                    provider: p.provider,
                    version: p.version,
                }
            })
            .collect();
        let extractors = validate(forms).map_err(invalid)?;
        let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
        check_add(&partner_policy::request_statuses(conn, &partner_id, &policy_id)?).map_err(|e| fail(e.into()))?;
        let now = time::now();
        for e in &extractors {
            partner_extras::upsert_extractor(conn, &partner_id, &policy_id, e, new_id, &user, now)?;
        }
        trail.push(AuditEvent::BiometricsCreated, Some(&partner_id));
        Ok(())
    })
    .await?;
    Ok(echoed(EXTRACTORS_ADDED, id, version))
}

/// P16: a partner's extractors for a policy.
#[utoipa::path(
    get,
    path = "/partners/{partnerId}/bioextractors/{policyId}",
    operation_id = "getBiometricExtractors",
    tag = "Biometric extractors",
    summary = "P16: a partner's biometric extractors for a policy",
    description = "Roles: `PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, \
`CREATE_SHARE`, `ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner \
only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_064` no extractors.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("policyId" = String, Path, description = "The policy's id"),
    ),
    responses((status = 200, description = "The extractors, or the errors", body = ResponseEnvelope<ExtractorsDto>))
)]
pub async fn get(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::CREDENTIAL)?;
    let (partner_id, policy_id) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db.op(&principal).call(AuditEvent::GetPartner, Some(&partner_id));
    let answer = db
        .audited_read(op, move |conn, trail| {
            let rows = partner_extras::extractors_of(conn, &partner_id, &policy_id)?;
            if rows.is_empty() {
                return Err(Failure::from(PartnerError::NoDetails).audited(Family::Read, Some(&partner_id)));
            }
            let extractors = rows
                .into_iter()
                .map(|r| ExtractorDto {
                    biometric: Some(format_biometric(&r.biometric_modality, r.biometric_sub_types.as_deref())),
                    attribute_name: Some(r.attribute_name),
                    extractor: Some(Provider {
                        provider: Some(r.extractor_provider),
                        version: r.extractor_provider_version,
                    }),
                })
                .collect();
            trail.push(AuditEvent::GetPartnerSuccess, Some(&partner_id));
            Ok(ExtractorsDto { extractors: Some(extractors) })
        })
        .await?;
    Ok(plain(answer))
}
