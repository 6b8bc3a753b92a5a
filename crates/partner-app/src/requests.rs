//! Policy-mapping requests: P12 a partner asks for a policy, M4 an admin decides, P14 a partner's
//! requests and their keys, M8 every request, M9 one request.

mod answers;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;

use app_core::{Actor, AppError, Store};
use audit_events::AuditEvent;
use partner_domain::partner::{FieldViolation, require_active};
use partner_domain::policy::{check_request_policy, choose_partner_policy};
use partner_domain::policy_request::{
    NewPolicyRequest, REQUEST_SUBMITTED, RequestStatus, check_extractors_for_approval, check_new_request,
    review as decide_review,
};
use partner_domain::{PartnerError, PartnerId};
use persistence::repo::{api_key, partner as partners, partner_extras, partner_policy};
use policy_domain::{PolicyGroupId, PolicyId};

pub use self::answers::{MappingAnswer, MappingBody, PartnerRequestItem, RequestItem, RequestList};
use crate::PartnerConfig;
use crate::collected::collected;
use crate::dto::StatusBody;
use crate::failure::{Family, RuleOrStore, invalid, mapping_plan, refuser, rule_or_store};

/// P12: `partner_id` (active) asks to use an active, unexpired policy of its active group; the
/// request waits for an admin. A rejected request may be asked again.
pub fn request(store: &Store, actor: &Actor, partner_id: &str, req: MappingBody) -> Result<MappingAnswer, AppError> {
    let plan = store
        .plan(actor)
        .call(AuditEvent::RequestPartnerKey, Some(partner_id))
        .on_failure(AuditEvent::PartnerTypeNotAllowed, Some(partner_id));
    store.audited(plan, |tx| {
        let mut missing = Vec::new();
        if req.policy_name.is_none() {
            missing.push(FieldViolation::new("policyName", "must not be null"));
        }
        if req.use_case_description.is_none() {
            missing.push(FieldViolation::new("useCaseDescription", "must not be null"));
        }
        let (Some(policy_name), Some(detail)) = (req.policy_name, req.use_case_description) else {
            return Err(invalid(missing));
        };
        if detail.chars().count() > MappingBody::DESCRIPTION_MAX {
            let why = format!("Length should be between 0 and {} chars", MappingBody::DESCRIPTION_MAX);
            return Err(AppError::invalid_field("useCaseDescription", &why));
        }
        let fail = refuser(Family::Mapping, Some(partner_id));
        let owner = PartnerId::from(partner_id);
        let partner = partners::find(tx.conn, &owner)?;
        require_active(partner.as_ref().map(|p| p.is_active)).map_err(&fail)?;
        let group = partner.and_then(|p| p.policy_group_id);
        let any_active = partner_policy::active_policy_named(tx.conn, &policy_name)?;
        let in_group = match &group {
            Some(g) => partner_policy::policy_in_group_by_name(tx.conn, &PolicyGroupId::from(g), &policy_name)?,
            None => None,
        };
        let policy = choose_partner_policy(any_active, group.as_deref(), in_group, tx.now).map_err(&fail)?;
        partners::lock(tx.conn, "policy-request", &format!("{partner_id}/{}", policy.id))?;
        check_new_request(&partner_policy::request_statuses(tx.conn, &owner, &PolicyId::from(&policy.id))?)
            .map_err(&fail)?;
        let id = tx.new_id();
        let request = NewPolicyRequest::new(id, partner_id, &policy.id, &detail, &actor.user_id, tx.now);
        partner_policy::insert_request(tx.conn, &request)?;
        tx.trail.push(AuditEvent::PartnerKeyCreated, Some(partner_id));
        Ok(MappingAnswer { mappingkey: request.id, message: REQUEST_SUBMITTED })
    })
}

/// M4: approves or rejects the pending request `mapping_key` (a caller who is no admin: its own
/// partner's only). Approving needs the policy usable and, for the partner types that need them,
/// biometric extractors. Of two reviews racing on one request exactly one wins. Answers what was
/// done, in words.
pub fn review(
    store: &Store,
    actor: &Actor,
    cfg: &PartnerConfig,
    mapping_key: &str,
    req: StatusBody,
) -> Result<&'static str, AppError> {
    let plan = mapping_plan(store, actor, mapping_key);
    store.audited(plan, |tx| {
        let status = req
            .status
            .filter(|s| !s.trim().is_empty())
            .ok_or_else(|| AppError::invalid_field("status", "value is empty or null"))?;
        let fail = refuser(Family::Mapping, Some(mapping_key));
        let facts =
            partner_policy::review_facts(tx.conn, mapping_key)?.ok_or_else(|| fail(PartnerError::RequestNotFound))?;
        let request = facts.request;
        if !actor.is_self_or_admin(&request.part_id) {
            return Err(AppError::forbidden());
        }
        let decision = decide_review(&RequestStatus::of(&request.status_code), &status).map_err(&fail)?;
        let approving = decision.status() == RequestStatus::Approved;
        if approving {
            let partner_type = facts.partner_type.ok_or_else(|| fail(PartnerError::PartnerMissing))?;
            let (owner, policy_id) = (PartnerId::from(&request.part_id), PolicyId::from(&request.policy_id));
            check_extractors_for_approval::<RuleOrStore>(&partner_type, &cfg.extractor_partner_types, || {
                Ok(partner_extras::has_extractors(tx.conn, &owner, &policy_id)?)
            })
            .map_err(|e| rule_or_store(Family::Mapping, e, Some(mapping_key)))?;
            check_request_policy(facts.policy.as_ref(), tx.now).map_err(&fail)?;
        }
        let decided = partner_policy::decide(
            tx.conn,
            mapping_key,
            &request.status_code,
            &decision.status(),
            &actor.user_id,
            tx.now,
        )?;
        if decided == 0 {
            // another review decided first
            let now_is = partner_policy::find_request(tx.conn, mapping_key)?.map(|r| RequestStatus::of(&r.status_code));
            let lost = match now_is {
                Some(RequestStatus::Rejected) => PartnerError::RequestAlreadyRejected,
                _ => PartnerError::RequestAlreadyApproved,
            };
            return Err(fail(lost));
        }
        if approving {
            tx.trail.push(AuditEvent::PolicyMappingCreated, Some(mapping_key));
        }
        Ok(decision.message())
    })
}

/// P14: `partner_id`'s requests; an approved one once per key generated for its policy (or once
/// without a key while none is). Each key is listed once, under the first approved request of its
/// policy, so that the answer grows with requests plus keys, never with their product.
pub fn requests_of_partner(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
) -> Result<Vec<PartnerRequestItem>, AppError> {
    collected(|each| each_request_of_partner(store, actor, partner_id, each))
}

/// P14 item by item, in answer order, as [`requests_of_partner`] lists them: `each` can write a
/// partner's tens of thousands of keys out without holding them all.
pub fn each_request_of_partner(
    store: &Store,
    actor: &Actor,
    partner_id: &str,
    mut each: impl FnMut(PartnerRequestItem) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetApiKey, Some(partner_id));
    store.audited_read(plan, |tx| {
        let owner = PartnerId::from(partner_id);
        let requests = partner_policy::requests_of(tx.conn, &owner)?;
        if requests.is_empty() {
            return Err(refuser(Family::Read, Some(partner_id))(PartnerError::NoApiKeyRequests));
        }
        let mut listed = std::collections::HashSet::new();
        for r in requests {
            let first_approval =
                RequestStatus::of(&r.status_code) == RequestStatus::Approved && listed.insert(r.policy_id.clone());
            let mut keyed = false;
            if first_approval {
                api_key::each_key_of(tx.conn, &owner, &PolicyId::from(&r.policy_id), |key| {
                    keyed = true;
                    each(PartnerRequestItem::with_key(&r, key))
                })?;
            }
            if !keyed {
                each(PartnerRequestItem::without_key(&r))?;
            }
        }
        tx.trail.push(AuditEvent::GetApiKeySuccess, Some(partner_id));
        Ok(())
    })
}

/// M8: every request; a caller who is no admin sees its own partner's only.
pub fn all_requests(store: &Store, actor: &Actor) -> Result<RequestList, AppError> {
    Ok(RequestList { apikey_requests: collected(|each| each_of_all_requests(store, actor, each))? })
}

/// M8 item by item, in answer order, as [`all_requests`] lists them.
pub fn each_of_all_requests(
    store: &Store,
    actor: &Actor,
    mut each: impl FnMut(RequestItem) -> Result<(), AppError>,
) -> Result<(), AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetApiKey, None);
    store.audited_read(plan, |tx| {
        let mut any = false;
        partner_policy::each_request_with_org(tx.conn, |request, org| {
            if !actor.is_self_or_admin(&request.part_id) {
                return Ok(());
            }
            any = true;
            each(RequestItem::from((request, org)))
        })?;
        if !any {
            return Err(refuser(Family::Read, None)(PartnerError::NoPolicyRequests));
        }
        tx.trail.push(AuditEvent::GetApiKeySuccess, None);
        Ok(())
    })
}

/// M9: one request by its id (a caller who is no admin: its own partner's only).
pub fn one_request(store: &Store, actor: &Actor, request_id: &str) -> Result<RequestItem, AppError> {
    let plan = store.plan(actor).call(AuditEvent::GetApiKey, Some(request_id));
    store.audited_read(plan, |tx| {
        let row = partner_policy::request_with_org(tx.conn, request_id)?
            .ok_or_else(|| refuser(Family::Read, Some(request_id))(PartnerError::NoPolicyRequests))?;
        if !actor.is_self_or_admin(&row.0.part_id) {
            return Err(AppError::forbidden());
        }
        tx.trail.push(AuditEvent::GetApiKeySuccess, Some(request_id));
        Ok(RequestItem::from(row))
    })
}
