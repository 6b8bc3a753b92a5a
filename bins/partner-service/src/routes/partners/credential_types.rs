//! Credential types: P17 `POST /partners/{id}/credentialtype/{type}/policies/{policyName}` and
//! P18 `GET /partners/{id}/credentialtype/{type}/policies`.

use actix_web::{HttpResponse, web};
use audit_events::AuditEvent;
use chrono::NaiveDateTime;
use partner_domain::PartnerError;
use partner_domain::credential_type::{
    MAPPED, check_credential_type, check_not_mapped, check_partner_type, policy_status,
};
use partner_domain::partner::require_active;
use partner_domain::policy::choose_partner_policy;
use persistence::repo::{partner as repo, partner_extras, partner_policy};
use serde::Serialize;
use utoipa::ToSchema;
use web_support::time::serde_local;
use web_support::{ApiError, Db, Principal, ResponseEnvelope, time};

use super::{Failure, Family, PartnerConfig, plain};
use crate::roles;

/// P17: the policy (of the partner's group, by name) the partner uses for a credential type.
#[utoipa::path(
    post,
    path = "/partners/{partnerId}/credentialtype/{credentialType}/policies/{policyName}",
    operation_id = "mapPolicyToCredentialType",
    tag = "Credential types",
    summary = "P17: map a credential type to a policy",
    description = "The partner (active, of a type in `partner.credential_type_partner_types`) \
uses the named policy of its group (active, unexpired, in an active group) for the credential \
type (one of `partner.allowed_credential_types`, any case); the request for the policy need not \
be approved. One policy per credential type and partner. No body. Roles: `PARTNER`, \
`CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, `CREATE_SHARE`, \
`ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner only (403 \
otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_072` the credential type is not allowed (the allowed ones appended), \
or the partner already maps it; `PMS_PRT_005` no such partner; `PMS_PMP_016` the partner is not \
active; `PMS_PRT_070` the partner's type may not map credential types; `PMS_PRT_073` no active \
policy of that name; `PMS_PRT_047` the partner has no policy group; `PMS_PRT_098` no policy of \
that name in the partner's group; `PMS_PMP_019` the policy is not active; `PMS_PMP_018` the \
policy expired; `PMS_PMP_023` the policy group is not active.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("credentialType" = String, Path, description = "A credential type, e.g. `euin`, `qrcode`, `auth`", example = "euin"),
        ("policyName" = String, Path, description = "The name of a policy of the partner's group", example = "mosip policy"),
    ),
    responses((status = 200, description = "`Partner, policy and credentialType mapping done successfully.`, or the errors",
        body = ResponseEnvelope<String>, example = json!({"id": null, "version": null,
            "responsetime": "2024-05-01T10:20:30.456Z", "metadata": null,
            "response": "Partner, policy and credentialType mapping done successfully.", "errors": []})))
)]
pub async fn map(
    principal: Principal,
    db: web::Data<Db>,
    cfg: web::Data<PartnerConfig>,
    path: web::Path<(String, String, String)>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::CREDENTIAL)?;
    let (partner_id, credential_type, policy_name) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db
        .op(&principal)
        .call(AuditEvent::CreatePolicyMapping, Some(&partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(&partner_id));
    let user = principal.user_id.clone();
    db.audited(op, move |conn, trail| {
        let fail = |e: Failure| e.audited(Family::Mapping, Some(&partner_id));
        let settings = &cfg.settings;
        check_credential_type(&credential_type, &settings.allowed_credential_types).map_err(|e| fail(e.into()))?;
        let partner = repo::find(conn, &partner_id)?;
        require_active(partner.as_ref().map(|p| p.is_active)).map_err(|e| fail(e.into()))?;
        let Some(partner) = partner else { return Err(fail(PartnerError::PartnerMissing.into())) };
        check_partner_type(&partner.partner_type_code, &settings.credential_type_partner_types)
            .map_err(|e| fail(e.into()))?;
        let any_active = partner_policy::active_policy_named(conn, &policy_name)?;
        let in_group = match &partner.policy_group_id {
            Some(g) => partner_policy::policy_in_group_by_name(conn, g, &policy_name)?,
            None => None,
        };
        let now = time::now();
        let policy = choose_partner_policy(any_active, partner.policy_group_id.as_deref(), in_group, now)
            .map_err(|e| fail(e.into()))?;
        repo::lock(conn, "credential-type", &format!("{partner_id}/{}", credential_type.to_lowercase()))?;
        let mapped = !partner_extras::credential_mappings(conn, &partner_id, &credential_type)?.is_empty();
        check_not_mapped(mapped, &credential_type).map_err(|e| fail(e.into()))?;
        partner_extras::insert_credential_mapping(conn, &partner_id, &policy.id, &credential_type, &user, now)?;
        trail.push(AuditEvent::PolicyMappingCreated, Some(&partner_id));
        Ok(())
    })
    .await?;
    Ok(plain(MAPPED))
}

/// `PartnerCredentialTypePolicyDto`; times are `LocalDateTime`s (`yyyy-MM-ddTHH:mm:ss.SSS`, no
/// zone).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PartnerCredentialTypePolicyDto)]
struct CredentialTypePolicy {
    #[schema(example = "Tech-123")]
    partner_id: String,
    #[schema(example = "euin")]
    credential_type: String,
    policy_id: String,
    #[schema(example = "mosip policy")]
    policy_name: String,
    policy_desc: String,
    #[schema(example = "DataShare")]
    policy_type: String,
    /// The policy's `valid_from_date`.
    #[serde(serialize_with = "serde_local::serialize")]
    #[schema(value_type = String, example = "2024-05-01T10:20:30.123")]
    publish_date: NaiveDateTime,
    /// The policy's `valid_to_date`.
    #[serde(serialize_with = "serde_local::serialize")]
    #[schema(value_type = String, example = "2224-05-01T10:20:30.123")]
    valid_till: NaiveDateTime,
    /// `PUBLISHED` (active) or `DRAFTED`.
    #[schema(example = "PUBLISHED")]
    status: &'static str,
    #[schema(example = "1.0")]
    version: String,
    /// The schema URL of a published policy.
    schema: Option<String>,
    #[serde(rename = "is_Active")]
    is_active: bool,
    #[serde(rename = "cr_by")]
    cr_by: String,
    #[serde(rename = "cr_dtimes", serialize_with = "serde_local::serialize")]
    #[schema(value_type = String, example = "2024-05-01T10:20:30.123")]
    cr_dtimes: NaiveDateTime,
    #[serde(rename = "up_by")]
    up_by: Option<String>,
    #[serde(rename = "upd_dtimes", serialize_with = "serde_local::option::serialize")]
    #[schema(value_type = Option<String>, example = "2024-05-02T10:20:30.123")]
    upd_dtimes: Option<NaiveDateTime>,
    /// The policy document.
    #[schema(value_type = Object)]
    policies: serde_json::Value,
}

/// P18: the policy a partner uses for a credential type.
#[utoipa::path(
    get,
    path = "/partners/{partnerId}/credentialtype/{credentialType}/policies",
    operation_id = "getCredentialTypePolicy",
    tag = "Credential types",
    summary = "P18: the policy a partner uses for a credential type",
    description = "Roles: `PARTNER`, `CREDENTIAL_PARTNER`, `PARTNER_ADMIN`, `CREDENTIAL_ISSUANCE`, \
`CREATE_SHARE`, `ONLINE_VERIFICATION_PARTNER`; without `PARTNER_ADMIN`, the caller's own partner \
only (403 otherwise).\n\n\
Errors (HTTP 200): `PMS_PRT_064` the partner maps no policy to the credential type; `PMS_PRT_073` \
the policy is gone; `PMS_PRT_071` the stored policy document is not a JSON object.",
    params(
        ("partnerId" = String, Path, description = "The partner's id", example = "Tech-123"),
        ("credentialType" = String, Path, description = "The credential type", example = "euin"),
    ),
    responses((status = 200, description = "The policy, or the errors", body = ResponseEnvelope<CredentialTypePolicy>))
)]
pub async fn get(
    principal: Principal,
    db: web::Data<Db>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    principal.require_any(roles::CREDENTIAL)?;
    let (partner_id, credential_type) = path.into_inner();
    principal.require_self_or_admin(&partner_id)?;
    let op = db.op(&principal).call(AuditEvent::GetPartner, Some(&partner_id));
    let answer = db
        .audited_read(op, move |conn, trail| {
            let fail = |e: Failure| e.audited(Family::Read, Some(&partner_id));
            let mapping = partner_extras::credential_mappings(conn, &partner_id, &credential_type)?
                .into_iter()
                .next()
                .ok_or_else(|| fail(PartnerError::NoDetails.into()))?;
            let p = partner_policy::policy_row(conn, &mapping.policy_id)?
                .ok_or_else(|| fail(PartnerError::PolicyNotFound.into()))?;
            let policies = serde_json::from_str::<serde_json::Value>(&p.policy_file_id)
                .ok()
                .filter(serde_json::Value::is_object)
                .ok_or_else(|| fail(PartnerError::PolicyJsonUnreadable.into()))?;
            trail.push(AuditEvent::GetPartnerSuccess, Some(&partner_id));
            Ok(CredentialTypePolicy {
                partner_id: partner_id.clone(),
                credential_type: mapping.credential_type,
                policy_id: p.id,
                policy_name: p.name,
                policy_desc: p.descr,
                policy_type: p.policy_type,
                publish_date: p.valid_from_date,
                valid_till: p.valid_to_date,
                status: policy_status(p.is_active),
                version: p.version,
                schema: p.policy_schema,
                is_active: p.is_active,
                cr_by: p.cr_by,
                cr_dtimes: p.cr_dtimes,
                up_by: p.upd_by,
                upd_dtimes: p.upd_dtimes,
                policies,
            })
        })
        .await?;
    Ok(plain(answer))
}
