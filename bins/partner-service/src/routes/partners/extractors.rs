//! Biometric extractors: P15 `POST` / P16 `GET /partners/{id}/bioextractors/{policyId}`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use partner_domain::PartnerError;
use partner_domain::extractor::{EXTRACTORS_ADDED, ExtractorForm, check_add, format_biometric, validate};
use partner_domain::partner::FieldViolation;
use persistence::repo::{partner_extras, partner_policy};
use serde::{Deserialize, Serialize};
use web_support::{ApiError, Db, Principal, RequestEnvelope, time};

use super::{Failure, Family, echoed, invalid, new_id, plain};
use crate::roles;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct Provider {
    #[serde(default)]
    provider: Option<String>,
    #[serde(default)]
    version: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtractorDto {
    #[serde(default)]
    attribute_name: Option<String>,
    #[serde(default)]
    biometric: Option<String>,
    #[serde(default)]
    extractor: Option<Provider>,
}

#[derive(Debug, Deserialize, Serialize)]
pub struct ExtractorsDto {
    #[serde(default)]
    extractors: Option<Vec<ExtractorDto>>,
}

/// P15: adds (or replaces, by attribute name) extractors while the request for the policy is
/// not approved yet.
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
