//! MOSIP 1.2.2's list of the caller's own partners (`GET /partners/v3`), filtered by approval
//! status, partner type and whether a policy group is chosen.

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use persistence::repo::request_paged::{OwnedPartner, partners_of_user};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The query of `GET /partners/v3`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PartnersV3Query {
    /// The approval status, compared exactly (e.g. `approved`, `InProgress`).
    pub status: String,
    /// `true`: only partners with a policy group (and the group is answered); `false`: only
    /// those without one.
    pub policy_group_available: Option<bool>,
    /// The partner type, compared exactly (e.g. `Auth_Partner`).
    pub partner_type: Option<String>,
}

/// `PartnerDtoV3`: one of the caller's partners; the group only when `policyGroupAvailable=true`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PartnerDtoV3 {
    pub partner_id: String,
    #[schema(example = "Auth_Partner")]
    pub partner_type: String,
    pub policy_group_id: Option<String>,
    pub policy_group_name: Option<String>,
    pub policy_group_description: Option<String>,
}

/// The owned partners the query selects, in id order. None owned is `PMS_CERTIFICATE_ERROR_002`;
/// a selected partner whose group is gone (with `policyGroupAvailable=true`) `PMS_POLICY_ERROR_001`.
pub fn select_partners_v3(owned: Vec<OwnedPartner>, q: &PartnersV3Query) -> Result<Vec<PartnerDtoV3>, AppError> {
    if owned.is_empty() {
        return Err(AppError::refused("PMS_CERTIFICATE_ERROR_002", "User Id does not exists."));
    }
    let with_group = q.policy_group_available == Some(true);
    let selected = owned.into_iter().filter(|p| {
        p.approval_status == q.status
            && q.partner_type.as_ref().is_none_or(|t| *t == p.partner_type)
            && q.policy_group_available.is_none_or(|wanted| wanted == p.policy_group_id.is_some())
    });
    selected
        .map(|p| {
            if with_group && p.policy_group_name.as_deref().is_none_or(str::is_empty) {
                return Err(AppError::refused("PMS_POLICY_ERROR_001", "Policy Group does not exists."));
            }
            let group = |field: Option<String>| field.filter(|_| with_group);
            Ok(PartnerDtoV3 {
                partner_id: p.id,
                partner_type: p.partner_type,
                policy_group_id: group(p.policy_group_id),
                policy_group_name: group(p.policy_group_name),
                policy_group_description: group(p.policy_group_description),
            })
        })
        .collect()
}

/// The caller's partners the query selects, audited like the other partner lists
/// (`PMS_PRT_149`/`249`; a refusal `PMS_PRT_421`).
pub fn partners_v3(store: &Store, actor: &Actor, q: &PartnersV3Query) -> Result<Vec<PartnerDtoV3>, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetPartner, None).on_failure(AuditEvent::PartnerMissing, None);
    store.audited_read(plan, |tx| {
        let found = select_partners_v3(partners_of_user(tx.conn, &actor.user_id)?, q)?;
        tx.trail.push(AuditEvent::GetPartnerSuccess, None);
        Ok(found)
    })
}

#[cfg(test)]
#[path = "partners_v3_tests.rs"]
mod tests;
