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
use web_support::time::serde_local;
use web_support::{ApiError, Db, Principal, time};

use super::{Failure, Family, PartnerConfig, plain};
use crate::roles;

/// P17: the policy (of the partner's group, by name) the partner uses for a credential type.
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

/// `PartnerCredentialTypePolicyDto`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct CredentialTypePolicy {
    partner_id: String,
    credential_type: String,
    policy_id: String,
    policy_name: String,
    policy_desc: String,
    policy_type: String,
    #[serde(serialize_with = "serde_local::serialize")]
    publish_date: NaiveDateTime,
    #[serde(serialize_with = "serde_local::serialize")]
    valid_till: NaiveDateTime,
    status: &'static str,
    version: String,
    schema: Option<String>,
    #[serde(rename = "is_Active")]
    is_active: bool,
    #[serde(rename = "cr_by")]
    cr_by: String,
    #[serde(rename = "cr_dtimes", serialize_with = "serde_local::serialize")]
    cr_dtimes: NaiveDateTime,
    #[serde(rename = "up_by")]
    up_by: Option<String>,
    #[serde(rename = "upd_dtimes", serialize_with = "serde_local::option::serialize")]
    upd_dtimes: Option<NaiveDateTime>,
    policies: serde_json::Value,
}

/// P18: the policy a partner uses for a credential type.
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
